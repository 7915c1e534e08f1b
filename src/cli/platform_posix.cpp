// SPDX-License-Identifier: GPL-3.0-or-later
// platform.h on POSIX systems. The only file of the CLI that includes POSIX headers.
#include "platform.h"

#if !defined(__unix__) && !defined(__APPLE__)
#error "platform_posix.cpp needs a POSIX system; src/cli/CMakeLists.txt builds platform_generic.cpp elsewhere"
#endif

#include <csignal>
#include <cstdio>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

namespace gjd::cli::platform {

namespace {

termios g_savedTerminal{};
volatile sig_atomic_t g_terminalChanged = 0;

void restoreTerminalAndExit(int signal)
{
    if (g_terminalChanged)
        tcsetattr(STDIN_FILENO, TCSANOW, &g_savedTerminal);
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}

int descriptor(Stream stream)
{
    switch (stream) {
    case Stream::Input:
        return STDIN_FILENO;
    case Stream::Output:
        return STDOUT_FILENO;
    case Stream::Error:
        return STDERR_FILENO;
    }
    return -1;
}

} // namespace

bool isTerminal(Stream stream)
{
    return isatty(descriptor(stream)) == 1;
}

int terminalColumns()
{
    winsize size{};
    if (ioctl(STDERR_FILENO, TIOCGWINSZ, &size) != 0)
        return 0;
    return size.ws_col;
}

QByteArray readLineWithoutEcho(int maxBytes)
{
    if (!isTerminal(Stream::Input) || tcgetattr(STDIN_FILENO, &g_savedTerminal) != 0)
        return QByteArray();
    termios silent = g_savedTerminal;
    silent.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    auto previousInt = std::signal(SIGINT, restoreTerminalAndExit);
    auto previousTerm = std::signal(SIGTERM, restoreTerminalAndExit);
    g_terminalChanged = 1;
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent);
    QByteArray line;
    for (int c = std::fgetc(stdin); c != EOF && c != '\n' && line.size() < maxBytes; c = std::fgetc(stdin))
        line.append(static_cast<char>(c));
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &g_savedTerminal);
    g_terminalChanged = 0;
    std::signal(SIGINT, previousInt);
    std::signal(SIGTERM, previousTerm);
    return line;
}

void ignoreBrokenPipe()
{
    std::signal(SIGPIPE, SIG_IGN);
}

} // namespace gjd::cli::platform
