// SPDX-License-Identifier: GPL-3.0-or-later
#include "clicommon.h"

#include "platform.h"
#include "safetext.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

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
    return safeText(maskUserInfo(text), SafeFor::Display);
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
    return platform::isTerminal(platform::Stream::Output);
}

bool colorWanted()
{
    return stdoutIsTerminal() && qEnvironmentVariableIsEmpty("NO_COLOR") &&
           qgetenv("TERM") != QByteArrayLiteral("dumb");
}

bool stdinIsTerminal()
{
    return platform::isTerminal(platform::Stream::Input);
}

QByteArray readSecret(const QString& prompt)
{
    if (!stdinIsTerminal())
        return QByteArray();
    err(prompt);
    const QByteArray secret = platform::readLineWithoutEcho(4096);
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
               "Run \"gitlab-jira-doctor-cli help <command>\" for the options of a command.\n"
               "Options: --help, --version\n"
               "\n"
               "Exit codes: 0 no failure (warnings allowed unless --strict), 1 at least one failure\n"
               "(configure: not set up and verified; diff: a check got worse), 2 usage error or invalid\n"
               "input, 3 internal error.\n");
}

} // namespace gjd::cli
