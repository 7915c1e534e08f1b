// SPDX-License-Identifier: GPL-3.0-or-later
#include "fleetreport.h"

#include <QHash>
#include <QJsonArray>

#include <algorithm>

namespace gjd {

FleetReport::FleetSummary FleetReport::summary() const
{
    FleetSummary s;
    QHash<QString, int> index; // check id → position in s.failing
    for (const FleetEntry& entry : entries) {
        if (!entry.report) {
            ++s.badLines;
            continue;
        }
        ++s.instances;
        const Summary one = entry.report->summary();
        switch (one.verdict) {
        case Status::Fail:
            ++s.fail;
            break;
        case Status::Warn:
            ++s.warn;
            break;
        default:
            ++s.pass;
            break;
        }
        if (one.count(Status::Error) > 0)
            ++s.incomplete;
        if (severity(one.verdict) > severity(s.verdict))
            s.verdict = one.verdict;
        for (const Finding& f : entry.report->checks) {
            if (f.status != Status::Fail && f.status != Status::Error)
                continue;
            auto it = index.constFind(f.id);
            if (it == index.constEnd()) {
                it = index.insert(f.id, int(s.failing.size()));
                s.failing.append({f.id, f.title, 0, {}});
            }
            FailingCheck& c = s.failing[*it];
            ++c.count;
            c.urls.append(entry.report->url);
        }
    }
    std::stable_sort(s.failing.begin(), s.failing.end(), [](const FailingCheck& a, const FailingCheck& b) {
        return a.count != b.count ? a.count > b.count : a.id < b.id;
    });
    return s;
}

QJsonObject FleetReport::toJson() const
{
    const FleetSummary s = summary();
    QJsonObject root;
    root.insert(QStringLiteral("schema"), QString::fromLatin1(kFleetSchema));
    root.insert(QStringLiteral("tool"),
                QJsonObject{{QStringLiteral("name"), QStringLiteral("gitlab-jira-doctor")},
                            {QStringLiteral("version"), toolVersion}});
    root.insert(QStringLiteral("generated_at"), generatedAt.toUTC().toString(Qt::ISODate));
    root.insert(QStringLiteral("duration_ms"), durationMs);
    root.insert(QStringLiteral("source"), source);
    root.insert(QStringLiteral("parallel"), parallel);

    QJsonArray failing;
    for (const FailingCheck& c : s.failing)
        failing.append(QJsonObject{{QStringLiteral("id"), c.id},
                                   {QStringLiteral("title"), c.title},
                                   {QStringLiteral("count"), c.count},
                                   {QStringLiteral("urls"), QJsonArray::fromStringList(c.urls)}});
    root.insert(QStringLiteral("summary"), QJsonObject{{QStringLiteral("verdict"), statusId(s.verdict)},
                                                       {QStringLiteral("instances"), s.instances},
                                                       {QStringLiteral("pass"), s.pass},
                                                       {QStringLiteral("warn"), s.warn},
                                                       {QStringLiteral("fail"), s.fail},
                                                       {QStringLiteral("incomplete"), s.incomplete},
                                                       {QStringLiteral("bad_lines"), s.badLines},
                                                       {QStringLiteral("failing_checks"), failing}});

    QJsonArray instances;
    QJsonArray reports;
    QJsonArray badLines;
    for (const FleetEntry& entry : entries) {
        if (!entry.report) {
            badLines.append(QJsonObject{{QStringLiteral("line"), entry.line},
                                        {QStringLiteral("text"), entry.text},
                                        {QStringLiteral("error"), entry.error}});
            continue;
        }
        instances.append(QJsonObject{{QStringLiteral("line"), entry.line},
                                     {QStringLiteral("url"), entry.report->url},
                                     {QStringLiteral("verdict"), statusId(entry.report->summary().verdict)},
                                     {QStringLiteral("report"), int(reports.size())}});
        reports.append(entry.report->toJson());
    }
    root.insert(QStringLiteral("instances"), instances);
    root.insert(QStringLiteral("bad_lines"), badLines);
    root.insert(QStringLiteral("reports"), reports);
    return root;
}

} // namespace gjd
