// SPDX-License-Identifier: GPL-3.0-or-later
#include "clicommon.h"

#include "safetext.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <termios.h>
#include <unistd.h>

namespace gjd::cli {

void out(const QString& text)
{
    const QByteArray bytes = text.toUtf8();
    errno = 0;
    const size_t written = std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stdout);
    if (std::fflush(stdout) != 0 || written != static_cast<size_t>(bytes.size())) {
        // A full disk, a closed pipe (`| head`): nothing more can reach the reader. Say so, unless
        // the reader is simply gone, and stop with the usage exit code, as --output does.
        const int error = errno;
        if (error != EPIPE)
            err(QCoreApplication::translate("gjd::cli",
                                            "gitlab-jira-doctor-cli: cannot write to standard output: %1\n")
                    .arg(QString::fromLocal8Bit(std::strerror(error))));
        std::_Exit(ExitUsage);
    }
}

QString shownOnStderr(const QString& text)
{
    // Whatever a message quotes (a URL, a path, an option's value, a server's words) is shown
    // without control characters or bidi overrides, and a URL's user info (https://user:pw@host)
    // never reaches the screen or a CI log.
    // With a scheme, everything up to the authority's last "@"; without one, "user:password@".
    static const QRegularExpression withScheme(
        QStringLiteral("\\b([A-Za-z][A-Za-z0-9+.-]*://)[^\\s/?#\"]*@"));
    static const QRegularExpression withoutScheme(
        QStringLiteral("(^|[\\s\"'(])[^\\s/?#\"':@]+:[^\\s/?#\"]*@"));
    QString shown = text;
    shown.replace(withScheme, QStringLiteral("\\1***@"));
    shown.replace(withoutScheme, QStringLiteral("\\1***@"));
    return safeText(shown, SafeFor::Display);
}

void err(const QString& text)
{
    const QByteArray bytes = shownOnStderr(text).toUtf8();
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stderr);
    std::fflush(stderr);
}

int usageError(const QString& reason)
{
    QString line = reason;
    line.replace(QLatin1Char('\n'), QLatin1Char(' '));
    err(QStringLiteral("gitlab-jira-doctor-cli: %1\n").arg(safeText(line, SafeFor::OneLine)));
    return ExitUsage;
}

bool stdoutIsTerminal()
{
    return isatty(fileno(stdout)) == 1;
}

bool colorWanted()
{
    return stdoutIsTerminal() && qEnvironmentVariableIsEmpty("NO_COLOR") &&
           qgetenv("TERM") != QByteArrayLiteral("dumb");
}

bool stdinIsTerminal()
{
    return isatty(fileno(stdin)) == 1;
}

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

} // namespace

QByteArray readSecret(const QString& prompt)
{
    if (!stdinIsTerminal())
        return QByteArray();
    err(prompt);
    termios silent{};
    if (tcgetattr(STDIN_FILENO, &g_savedTerminal) != 0)
        return QByteArray();
    silent = g_savedTerminal;
    silent.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    auto previousInt = std::signal(SIGINT, restoreTerminalAndExit);
    auto previousTerm = std::signal(SIGTERM, restoreTerminalAndExit);
    g_terminalChanged = 1;
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent);
    QByteArray secret;
    for (int c = std::fgetc(stdin); c != EOF && c != '\n' && secret.size() < 4096; c = std::fgetc(stdin))
        secret.append(static_cast<char>(c));
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &g_savedTerminal);
    g_terminalChanged = 0;
    std::signal(SIGINT, previousInt);
    std::signal(SIGTERM, previousTerm);
    err(QStringLiteral("\n"));
    return secret.trimmed();
}

QString commandHelp(const QString& helpText, const QString& usage)
{
    QString text = helpText.mid(helpText.indexOf(QLatin1Char('\n')) + 1);
    if (!text.endsWith(QLatin1Char('\n')))
        text += QLatin1Char('\n');
    return usage + QLatin1Char('\n') + text;
}

QString topLevelHelp()
{
    return QCoreApplication::translate(
        "cli", "Usage: gitlab-jira-doctor-cli <command> [options]\n"
               "\n"
               "Checks what Jira Cloud and GitLab.com need from a self-managed GitLab instance for the\n"
               "GitLab for Jira Cloud app, and says exactly what to fix.\n"
               "\n"
               "Commands:\n"
               "  check <URL>       run the diagnostics against an instance\n"
               "  configure <URL>   set up the OAuth application and the GitLab for Jira App settings\n"
               "  show <FILE>       print a troubleshooting export or a report.json as check would\n"
               "  diff <OLD> <NEW>  list what changed per check between two exports or reports\n"
               "\n"
               "Run \"gitlab-jira-doctor-cli <command> --help\" for the options of a command.\n"
               "Options: --help, --version\n"
               "\n"
               "Exit codes: 0 no failure (warnings allowed unless --strict), 1 at least one failure\n"
               "(configure: not set up and verified; diff: a check got worse), 2 usage error or invalid\n"
               "input, 3 internal error.\n");
}

} // namespace gjd::cli
