// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace gjd::cli {

// Exit codes of cli.md.
enum ExitCode
{
    ExitOk = 0,
    ExitFindings = 1,
    ExitUsage = 2,
    ExitInternal = 3
};

void out(const QString& text);
void err(const QString& text);
// One line "gitlab-jira-doctor-cli: <reason>" on stderr; returns ExitUsage.
int usageError(const QString& reason);
bool stdoutIsTerminal();
bool colorWanted();
QString topLevelHelp();

} // namespace gjd::cli
