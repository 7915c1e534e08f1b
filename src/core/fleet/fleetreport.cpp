// SPDX-License-Identifier: GPL-3.0-or-later
#include "fleetreport.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

#include "safefile.h"
#include "safetext.h"

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

std::optional<FleetReport> FleetReport::fromJson(const QJsonObject& root, QString* error)
{
    const auto refuse = [error](const QString& why) {
        *error = why;
        return std::nullopt;
    };
    if (root.value(QStringLiteral("schema")).toString() != QLatin1String(kFleetSchema))
        return refuse(QCoreApplication::translate("gjd::FleetReport", "not a fleet report (schema %1)")
                          .arg(QLatin1String(kFleetSchema)));
    FleetReport fleet;
    fleet.toolVersion =
        root.value(QStringLiteral("tool")).toObject().value(QStringLiteral("version")).toString();
    fleet.generatedAt =
        QDateTime::fromString(root.value(QStringLiteral("generated_at")).toString(), Qt::ISODate);
    fleet.durationMs = root.value(QStringLiteral("duration_ms")).toInteger();
    fleet.source = root.value(QStringLiteral("source")).toString();
    fleet.parallel = root.value(QStringLiteral("parallel")).toInt();
    const QJsonArray reports = root.value(QStringLiteral("reports")).toArray();
    const QJsonArray instances = root.value(QStringLiteral("instances")).toArray();
    const QJsonArray badLines = root.value(QStringLiteral("bad_lines")).toArray();
    if (reports.size() + badLines.size() > FleetTargets::maxTargets || instances.size() != reports.size())
        return refuse(
            QCoreApplication::translate("gjd::FleetReport",
                                        "the fleet report holds %1 reports for %2 instances (at most %3)")
                .arg(reports.size())
                .arg(instances.size())
                .arg(FleetTargets::maxTargets));
    for (const QJsonValue& value : instances) {
        const QJsonObject instance = value.toObject();
        const int index = instance.value(QStringLiteral("report")).toInt(-1);
        if (index < 0 || index >= reports.size())
            return refuse(QCoreApplication::translate("gjd::FleetReport", "an instance points at no report"));
        QString why;
        auto report = Report::fromJson(reports.at(index).toObject(), &why);
        if (!report)
            return refuse(
                QCoreApplication::translate("gjd::FleetReport", "report %1: %2").arg(index).arg(why));
        FleetEntry entry;
        entry.line = instance.value(QStringLiteral("line")).toInt();
        entry.url = report->url;
        entry.report = std::move(*report);
        fleet.entries.append(std::move(entry));
    }
    for (const QJsonValue& value : badLines) {
        const QJsonObject line = value.toObject();
        FleetEntry entry;
        entry.line = line.value(QStringLiteral("line")).toInt();
        entry.text = line.value(QStringLiteral("text")).toString().left(200);
        entry.error = line.value(QStringLiteral("error")).toString();
        if (entry.error.isEmpty())
            entry.error = QStringLiteral("-");
        fleet.entries.append(std::move(entry));
    }
    // File order, as the run wrote them.
    std::stable_sort(fleet.entries.begin(), fleet.entries.end(),
                     [](const FleetEntry& a, const FleetEntry& b) { return a.line < b.line; });
    return fleet;
}

std::optional<FleetReport> FleetReport::readFile(const QString& path, bool* isFleet, QString* error)
{
    *isFleet = false;
    QString readError;
    const auto bytes = readInputFile(path, maxFileBytes, &readError);
    // Unreadable, too large, a ZIP: not this function's to judge.
    if (!bytes || !bytes->trimmed().startsWith('{'))
        return std::nullopt;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(*bytes, &parseError);
    if (!document.isObject() ||
        document.object().value(QStringLiteral("schema")).toString() != QLatin1String(kFleetSchema))
        return std::nullopt;
    *isFleet = true;
    QString why;
    auto fleet = fromJson(document.object(), &why);
    if (!fleet)
        *error = QCoreApplication::translate("gjd::FleetReport", "%1: %2")
                     .arg(safeText(path, SafeFor::OneLine), why);
    return fleet;
}

} // namespace gjd
