// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportdiff.h"

#include "checks/check.h"
#include "textformatter.h"

#include <QHash>
#include <QJsonArray>
#include <QSet>
#include <QUrl>

#include <algorithm>

namespace gjd {

namespace {

// Warn and error share a rank (see reportdiff.h); fail is above them, non-problems below.
int problemRank(Status status)
{
    switch (status) {
    case Status::Fail:
        return 2;
    case Status::Warn:
    case Status::Error:
        return 1;
    case Status::Pass:
    case Status::Info:
    case Status::Skip:
    case Status::Manual:
        return 0;
    }
    return 2;
}

ReportDiff::Side sideOf(const Report& report)
{
    return {report.url, report.generatedAt, report.toolVersion, report.summary().verdict};
}

// The catalogue's title is in the reader's language; the report's only covers checks this build
// no longer knows.
QString titleOf(const Finding& finding)
{
    if (const Check* check = findCheck(finding.id))
        return check->title();
    return finding.title;
}

QString isoUtc(const QDateTime& dt)
{
    return dt.isValid() ? dt.toUTC().toString(Qt::ISODate) : QString();
}

QJsonValue statusJson(const std::optional<Status>& status)
{
    return status ? QJsonValue(statusId(*status)) : QJsonValue();
}

constexpr Change allChanges[] = {Change::Fixed,   Change::Worse,     Change::StillFailing, Change::Improved,
                                 Change::Changed, Change::Unchanged, Change::Added,        Change::Removed};

} // namespace

QString changeId(Change change)
{
    switch (change) {
    case Change::Fixed:
        return QStringLiteral("fixed");
    case Change::Worse:
        return QStringLiteral("worse");
    case Change::StillFailing:
        return QStringLiteral("still_failing");
    case Change::Improved:
        return QStringLiteral("improved");
    case Change::Changed:
        return QStringLiteral("changed");
    case Change::Unchanged:
        return QStringLiteral("unchanged");
    case Change::Added:
        return QStringLiteral("added");
    case Change::Removed:
        return QStringLiteral("removed");
    }
    return QStringLiteral("changed");
}

bool isProblem(Status status)
{
    return problemRank(status) > 0;
}

Change classifyChange(std::optional<Status> before, std::optional<Status> after)
{
    if (!before)
        return Change::Added;
    if (!after)
        return Change::Removed;
    const int was = problemRank(*before);
    const int is = problemRank(*after);
    if (is > was)
        return Change::Worse;
    if (was > 0 && is > 0)
        return is < was ? Change::Improved : Change::StillFailing;
    if (was > 0 && (*after == Status::Pass || *after == Status::Info))
        return Change::Fixed;
    return *before == *after ? Change::Unchanged : Change::Changed;
}

bool ReportDiff::Entry::regression() const
{
    return change == Change::Worse || (change == Change::Added && after && isProblem(*after));
}

ReportDiff ReportDiff::compare(const Report& before, const Report& after)
{
    ReportDiff diff;
    diff.before = sideOf(before);
    diff.after = sideOf(after);

    // A report lists every id once; should one not, its first finding counts, as in Report::find.
    // Looked up by id: the cost grows with the number of checks, not with its square.
    QHash<QString, const Finding*> earlier;
    earlier.reserve(before.checks.size());
    for (const Finding& f : before.checks) {
        if (!earlier.contains(f.id))
            earlier.insert(f.id, &f);
    }
    QSet<QString> seen;
    for (const Finding& f : after.checks) {
        if (seen.contains(f.id))
            continue;
        seen.insert(f.id);
        Entry e;
        e.id = f.id;
        e.title = titleOf(f);
        if (const Finding* old = earlier.value(f.id))
            e.before = old->status;
        e.after = f.status;
        e.change = classifyChange(e.before, e.after);
        e.summary = f.summary;
        diff.entries.append(e);
    }
    for (const Finding& f : before.checks) {
        if (seen.contains(f.id))
            continue;
        seen.insert(f.id);
        Entry e;
        e.id = f.id;
        e.title = titleOf(f);
        e.before = f.status;
        e.change = Change::Removed;
        e.summary = f.summary;
        diff.entries.append(e);
    }
    return diff;
}

bool ReportDiff::worse() const
{
    return std::any_of(entries.cbegin(), entries.cend(), [](const Entry& e) { return e.regression(); });
}

int ReportDiff::count(Change change) const
{
    return int(std::count_if(entries.cbegin(), entries.cend(),
                             [change](const Entry& e) { return e.change == change; }));
}

bool ReportDiff::sameInstance() const
{
    const auto norm = [](const QString& url) {
        QUrl u = QUrl(url).adjusted(QUrl::StripTrailingSlash | QUrl::NormalizePathSegments);
        // StripTrailingSlash keeps a lone "/".
        if (u.path() == QLatin1String("/"))
            u.setPath(QString());
        return u;
    };
    return norm(before.url) == norm(after.url);
}

std::optional<ReportDiff::Section> ReportDiff::sectionOf(const Entry& e)
{
    if (e.regression())
        return Section::NewFailures;
    if (e.change == Change::Fixed)
        return Section::Fixed;
    if (e.change == Change::StillFailing || e.change == Change::Improved)
        return Section::StillFailing;
    if (e.change != Change::Unchanged)
        return Section::Other;
    return std::nullopt;
}

QString ReportDiff::formatText(bool color) const
{
    const auto paint = [color](Status status, const QString& text) {
        return TextFormatter::paint(status, text, color);
    };
    const QString bold = color ? QStringLiteral("\x1b[1m") : QString();
    const QString reset = color ? QStringLiteral("\x1b[0m") : QString();
    const auto when = [](const Side& side) {
        return side.generatedAt.isValid() ? isoUtc(side.generatedAt) : tr("(no date)");
    };
    const auto verdict = [&paint](const Side& side) {
        return paint(side.verdict, TextFormatter::statusTitle(side.verdict).toUpper());
    };

    QString out;
    const bool same = sameInstance();
    if (same) {
        out += bold +
               tr("Diff of %1: %2, verdict %3 → %4, verdict %5")
                   .arg(after.url, when(before), verdict(before), when(after), verdict(after)) +
               reset + QLatin1Char('\n');
    } else {
        out += bold +
               tr("Diff: %1 %2, verdict %3 → %4 %5, verdict %6")
                   .arg(before.url, when(before), verdict(before), after.url, when(after), verdict(after)) +
               reset + QLatin1Char('\n');
        out += paint(Status::Warn, tr("Warning: the reports are for different instances (%1 and %2).")
                                       .arg(before.url, after.url)) +
               QLatin1Char('\n');
    }
    if (before.toolVersion != after.toolVersion) {
        out += tr("Tool versions differ (%1 → %2): a check that only one of them runs is listed as added or "
                  "removed.")
                   .arg(before.toolVersion, after.toolVersion) +
               QLatin1Char('\n');
    }

    QList<const Entry*> newFailures, fixed, stillFailing, other;
    for (const Entry& e : entries) {
        switch (sectionOf(e).value_or(Section::Other)) {
        case Section::NewFailures:
            newFailures.append(&e);
            break;
        case Section::Fixed:
            fixed.append(&e);
            break;
        case Section::StillFailing:
            stillFailing.append(&e);
            break;
        case Section::Other:
            if (e.change != Change::Unchanged)
                other.append(&e);
            break;
        }
    }

    QStringList counts;
    if (!fixed.isEmpty())
        counts.append(tr("%n fixed", "diff summary", int(fixed.size())));
    if (!newFailures.isEmpty())
        counts.append(tr("%n newly failing", "diff summary", int(newFailures.size())));
    if (!stillFailing.isEmpty())
        counts.append(tr("%n still failing", "diff summary", int(stillFailing.size())));
    if (const int n = count(Change::Changed))
        counts.append(tr("%n changed", "diff summary", n));
    if (const int n = int(std::count_if(other.cbegin(), other.cend(),
                                        [](const Entry* e) { return e->change == Change::Added; })))
        counts.append(tr("%n added", "diff summary", n));
    if (const int n = count(Change::Removed))
        counts.append(tr("%n removed", "diff summary", n));
    out += (counts.isEmpty() ? tr("No check changed its status.") : counts.join(QStringLiteral(", "))) +
           QLatin1Char('\n');

    const auto statusText = [](const std::optional<Status>& status) {
        return status ? TextFormatter::statusTitle(*status) : QStringLiteral("—");
    };
    const auto transition = [&statusText](const Entry& e) -> QString {
        return statusText(e.before) + QStringLiteral(" → ") + statusText(e.after);
    };
    int idWidth = 0;
    int transitionWidth = 0;
    for (const auto* section : {&newFailures, &fixed, &stillFailing, &other}) {
        for (const Entry* e : *section) {
            idWidth = std::max(idWidth, int(e->id.size()));
            transitionWidth = std::max(transitionWidth, int(transition(*e).size()));
        }
    }

    const auto section = [&](const QString& heading, const QList<const Entry*>& members, bool withSummary) {
        if (members.isEmpty())
            return;
        out += QLatin1Char('\n') + bold + heading + reset + QLatin1Char('\n');
        for (const Entry* e : members) {
            const Status shown = e->after ? *e->after : *e->before;
            out += paint(shown, TextFormatter::mark(shown)) + QLatin1Char(' ') +
                   e->id.leftJustified(idWidth + 2) + transition(*e).leftJustified(transitionWidth + 2) +
                   e->title + QLatin1Char('\n');
            if (withSummary && !e->summary.isEmpty())
                out += QStringLiteral("    ") + paint(shown, e->summary) + QLatin1Char('\n');
        }
    };
    section(tr("New failures"), newFailures, true);
    section(tr("Fixed"), fixed, false);
    section(tr("Still failing"), stillFailing, true);
    section(tr("Other changes"), other, false);
    return out;
}

QJsonObject ReportDiff::toJson() const
{
    const auto sideJson = [](const Side& side) {
        return QJsonObject{
            {QStringLiteral("url"), side.url},
            {QStringLiteral("generated_at"),
             side.generatedAt.isValid() ? QJsonValue(isoUtc(side.generatedAt)) : QJsonValue()},
            {QStringLiteral("tool_version"), side.toolVersion},
            {QStringLiteral("verdict"), statusId(side.verdict)},
        };
    };
    QJsonObject counts;
    for (Change change : allChanges)
        counts.insert(changeId(change), count(change));
    QJsonArray changes;
    for (const Entry& e : entries) {
        if (e.change == Change::Unchanged)
            continue;
        changes.append(QJsonObject{
            {QStringLiteral("id"), e.id},
            {QStringLiteral("title"), e.title},
            {QStringLiteral("before"), statusJson(e.before)},
            {QStringLiteral("after"), statusJson(e.after)},
            {QStringLiteral("change"), changeId(e.change)},
            {QStringLiteral("regression"), e.regression()},
            {QStringLiteral("summary"), e.summary},
        });
    }
    QJsonObject root;
    root.insert(QStringLiteral("schema"), QString::fromLatin1(kDiffSchema));
    root.insert(QStringLiteral("before"), sideJson(before));
    root.insert(QStringLiteral("after"), sideJson(after));
    root.insert(QStringLiteral("worse"), worse());
    root.insert(QStringLiteral("counts"), counts);
    root.insert(QStringLiteral("changes"), changes);
    return root;
}

} // namespace gjd
