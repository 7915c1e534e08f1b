// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace gjd {

inline constexpr const char* kDiffSchema = "gitlab-jira-doctor/diff/1";

// How one check moved between two reports of `diff OLD NEW`. The ids (changeId) are part of the
// diff JSON: never rename.
//
// A "problem" is warn, fail or error. Error ranks with warn, as in the verdict: a check that
// could not run leaves the answer open, it is neither better nor worse than a warning.
//   Worse        new status is a problem ranked above the old one: pass/info/skip/manual → warn,
//                fail or error; warn/error → fail.
//   Fixed        a problem before, pass or info now.
//   StillFailing a problem before and now, same rank (fail → fail, warn → warn, warn ↔ error).
//   Improved     a problem before and now, ranked lower (fail → warn, fail → error). Still a
//                problem, so it is listed (and counted in the text) with the still-failing ones.
//   Changed      any other status change, including problem → skip/manual: a check that did not
//                run proves nothing, so that is not "fixed".
//   Unchanged    same status, not a problem.
//   Added        the id is only in the new report (tool versions differ). A problem there is a
//                regression all the same: the new check found a failure nobody has seen yet.
//   Removed      the id is only in the old report. Never a regression.
enum class Change
{
    Fixed,
    Worse,
    StillFailing,
    Improved,
    Changed,
    Unchanged,
    Added,
    Removed,
};

QString changeId(Change change);
// Warn, fail or error: what support staff must look at.
bool isProblem(Status status);
// std::nullopt stands for "not in that report".
Change classifyChange(std::optional<Status> before, std::optional<Status> after);

// The comparison of two reports, for `diff` and whoever else needs "what changed since".
class ReportDiff
{
    Q_DECLARE_TR_FUNCTIONS(gjd::ReportDiff)

public:
    // What the output says about each report.
    struct Side
    {
        QString url;
        QDateTime generatedAt;
        QString toolVersion;
        Status verdict = Status::Pass;
    };

    struct Entry
    {
        QString id;
        QString title;
        std::optional<Status> before; // nullopt: added
        std::optional<Status> after;  // nullopt: removed
        Change change = Change::Unchanged;
        QString summary; // of the new finding; of the old one for a removed check

        // What makes `diff` exit 1: worse, or added as a problem.
        bool regression() const;
    };

    // The groups a reader sees (the text's sections, the GUI's tree): improved problems stay with
    // the still-failing ones, because they still need fixing. Unchanged entries have none.
    enum class Section
    {
        NewFailures,
        Fixed,
        StillFailing,
        Other,
    };
    static std::optional<Section> sectionOf(const Entry& entry);

    Side before;
    Side after;
    QList<Entry> entries; // in the new report's order, removed checks appended in the old order

    static ReportDiff compare(const Report& before, const Report& after);

    bool worse() const; // any regression
    int count(Change change) const;
    // The same instance, up to a trailing slash. Diffing two instances is allowed but suspicious.
    bool sameInstance() const;

    QString formatText(bool color) const;
    QJsonObject toJson() const;
};

} // namespace gjd
