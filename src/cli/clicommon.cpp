// SPDX-License-Identifier: GPL-3.0-or-later
#include "clicommon.h"

#include <QCoreApplication>

#include <cstdio>
#include <unistd.h>

namespace gjd::cli {

void out(const QString& text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stdout);
    std::fflush(stdout);
}

void err(const QString& text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stderr);
    std::fflush(stderr);
}

int usageError(const QString& reason)
{
    QString line = reason;
    line.replace(QLatin1Char('\n'), QLatin1Char(' '));
    err(QStringLiteral("gitlab-jira-doctor-cli: %1\n").arg(line));
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

QString topLevelHelp()
{
    return QCoreApplication::translate(
        "cli", "Usage: gitlab-jira-doctor-cli <command> [options]\n"
               "\n"
               "Checks what Jira Cloud and GitLab.com need from a self-managed GitLab instance for the\n"
               "GitLab for Jira Cloud app, and says exactly what to fix.\n"
               "\n"
               "Commands:\n"
               "  check <URL>   run the diagnostics against an instance\n"
               "\n"
               "Run \"gitlab-jira-doctor-cli <command> --help\" for the options of a command.\n"
               "Options: --help, --version\n"
               "\n"
               "Exit codes: 0 no failure (warnings allowed unless --strict), 1 at least one failure,\n"
               "2 usage error or invalid input, 3 internal error.\n");
}

} // namespace gjd::cli
