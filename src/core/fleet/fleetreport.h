// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fleettargets.h"
#include "report.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace gjd {

inline constexpr const char* kFleetSchema = "gitlab-jira-doctor/fleet/1";

// One instance of a fleet run: its report, or why it could not run (a line of the file that
// cannot be used, or options of that line that cannot: an unreadable --ca-file).
struct FleetEntry
{
    int line = 0;
    QString url;   // as written in the file
    QString text;  // the line, for errors (FleetLineError::text)
    QString error; // translated; empty when it ran
    std::optional<Report> report;
};

// The result of `check --targets FILE`: every line of the file that names an instance, in file
// order, with the fleet's summary (docs/fleet.schema.json).
struct FleetReport
{
    QString toolVersion;
    QDateTime generatedAt;
    qint64 durationMs = 0;
    QString source; // the file, as given
    int parallel = 0;
    QList<FleetEntry> entries;

    // A check that fails (or cannot run) on some instances, with how many and which.
    struct FailingCheck
    {
        QString id;
        QString title;
        int count = 0;
        QStringList urls;
    };
    struct FleetSummary
    {
        int instances = 0; // that ran
        int pass = 0, warn = 0, fail = 0;
        int incomplete = 0; // ran, but some check could not (status error)
        int badLines = 0;
        Status verdict = Status::Pass; // the worst instance verdict
        QList<FailingCheck> failing;   // most common first, then by id
    };
    FleetSummary summary() const;

    QJsonObject toJson() const;
    // A fleet report as toJson() writes it (`show` reads one back). nullopt with *error
    // (translated) when it is not one: wrong schema, a report that Report::fromJson refuses, an
    // instance that points at no report, more than FleetTargets::maxTargets entries.
    static std::optional<FleetReport> fromJson(const QJsonObject& object, QString* error);
    // Reads `path` when it is a fleet report (JSON with the fleet schema, at most maxFileBytes);
    // nullopt otherwise, with *isFleet false when it is something else (then *error is empty:
    // the caller tries the other kinds), or true with *error (translated) when it is a fleet
    // report that cannot be used.
    static constexpr qint64 maxFileBytes = 256 * 1024 * 1024;
    static std::optional<FleetReport> readFile(const QString& path, bool* isFleet, QString* error);
};

} // namespace gjd
