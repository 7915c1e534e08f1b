// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

// Everything the CLI needs from the operating system beyond Qt and standard C++, in one place:
// whether a standard stream is a terminal, the terminal's width, reading a line without echo, and
// surviving a reader that goes away. src/cli/CMakeLists.txt picks one implementation:
//
//   platform_posix.cpp    POSIX (termios, isatty, ioctl, signals): Linux, where it is built and
//                         tested; macOS and the BSDs should need no change, but were never built.
//   platform_generic.cpp  everywhere else (Windows), standard C++ only: no stream is a terminal,
//                         so there is no token prompt, no colour and no progress line; the tokens
//                         come from GITLAB_TOKEN / JIRA_API_TOKEN or --use-keychain. A
//                         platform_windows.cpp (_isatty, SetConsoleMode without ENABLE_ECHO_INPUT,
//                         GetConsoleScreenBufferInfo) would give Windows the terminal features.
//
// docs/development.md ("Other platforms") lists the rest a Windows or macOS build needs.
namespace gjd::cli::platform {

enum class Stream
{
    Input,
    Output,
    Error,
};

bool isTerminal(Stream stream);

// The width of the terminal on standard error in columns, or 0 when it is unknown.
int terminalColumns();

// Reads one line (at most maxBytes, without the line break) from the terminal on standard input
// with echo turned off. The terminal is restored afterwards, also when SIGINT or SIGTERM end the
// program meanwhile. Empty when standard input is no terminal or nothing was typed.
QByteArray readLineWithoutEcho(int maxBytes);

// From now on a write to a reader that went away (a closed pipe, `| head`) fails with an error
// the program reports, instead of killing the program.
void ignoreBrokenPipe();

} // namespace gjd::cli::platform
