// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "runcontext.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace gjd {

// One instance of a fleet file (`check --targets FILE`, the desktop program's File → Check a
// fleet…):
//
//   # comments and blank lines are ignored; a # that starts a word starts a comment
//   https://gitlab.example.com
//   https://gitlab.internal.example --public-url https://gitlab.example.org --method manual
//   https://gitlab.eu.example --resolve gitlab.eu.example:443:203.0.113.7 --ca-file "/etc/ssl/our ca.pem"
//   https://gitlab.team.example --jira-site https://team.atlassian.net --jira-email admin@example.com
//
// One instance URL a line, then options of `check` that describe that instance: --public-url,
// --method, --jira-site with --jira-email, --resolve (repeatable) and --ca-file, as `--name value`
// or `--name=value`; a value with spaces in double quotes. Everything else stays on the command
// line, for the whole fleet. Tokens never: a file is read by many, and one token sent to every
// instance would hand it to all of them.
struct FleetTarget
{
    int line = 0; // 1-based
    QString url;  // as written
    QString publicUrl;
    QString method; // empty: the command line's
    QString jiraSite, jiraEmail;
    QStringList resolve; // HOST:PORT:ADDRESS, as written (checked when read)
    QString caFile;

    // The options of a run for this instance: `base` (the command line's) with this line's over
    // it. nullopt and *error (translated, one line, naming the option) when a value cannot be
    // used, such as an unreadable --ca-file.
    std::optional<RunOptions> runOptions(const RunOptions& base, QString* error) const;
};

// A line that cannot be used: the others still run, and the report names this one.
struct FleetLineError
{
    int line = 0;
    QString text;  // the line as written, made safe for one line of a terminal, at most 200 characters
    QString error; // translated
};

class FleetTargets
{
    Q_DECLARE_TR_FUNCTIONS(gjd::FleetTargets)

public:
    static constexpr qint64 maxBytes = 1024 * 1024;
    static constexpr int maxTargets = 1000;

    QList<FleetTarget> targets;
    QList<FleetLineError> errors; // in line order

    // Parses a whole file. Never fails as a whole: bad lines become errors; past maxTargets the
    // rest are errors too.
    static FleetTargets parse(const QByteArray& bytes);
    // Reads and parses `path` (a regular file of at most maxBytes, UTF-8). nullopt with *error
    // (translated, one line, naming the file) when the file itself cannot be used.
    static std::optional<FleetTargets> read(const QString& path, QString* error);
};

} // namespace gjd
