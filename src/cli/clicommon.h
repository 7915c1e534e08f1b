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
// `text` as err() writes it: no control characters but line breaks and tabs, no bidi overrides,
// user info in URLs masked ("https://***@host").
QString shownOnStderr(const QString& text);
void err(const QString& text);
// One line "gitlab-jira-doctor-cli: <reason>" on stderr; returns ExitUsage.
int usageError(const QString& reason);
bool stdoutIsTerminal();
bool colorWanted();
QString topLevelHelp();
// A command's --help: `usage` (translated), then QCommandLineParser's text without its own
// usage line (the description, the options, the arguments).
QString commandHelp(const QString& helpText, const QString& usage);
bool stdinIsTerminal();
// Asks on the terminal without echo; the answer never appears on screen or in any buffer but
// the returned one. Returns an empty array when nothing was typed or stdin is no terminal.
QByteArray readSecret(const QString& prompt);

} // namespace gjd::cli
