// SPDX-License-Identifier: GPL-3.0-or-later
#include "checks/check.h"
#include "reportdiff.h"
#include "schemacheck.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace gjd;

namespace {

// The schema's verdict on a diff; *valid says whether it passed.
QString schemaErrors(const QJsonObject& json, bool* valid)
{
    const QString errors =
        gjd::test::schemaErrors(QStringLiteral("diff.schema.json"), QJsonDocument(json).toJson());
    *valid = errors.isEmpty();
    return errors;
}

const QString kUrl = QStringLiteral("https://gitlab.example.com");

Finding finding(const QString& id, Status status, const QString& summary = QString())
{
    Finding f;
    f.id = id;
    f.category = id.section(QLatin1Char('.'), 0, 0);
    f.status = status;
    f.title = QStringLiteral("Title in the report");
    f.summary = summary.isEmpty() ? QStringLiteral("%1 is %2").arg(id, statusId(status)) : summary;
    return f;
}

Report report(const QList<Finding>& checks, const QString& url = kUrl, int day = 24,
              const QString& toolVersion = QStringLiteral("0.1.0"))
{
    Report r;
    r.toolVersion = toolVersion;
    r.generatedAt = QDateTime(QDate(2026, 11, day), QTime(15, 4, 5), Qt::UTC);
    r.url = url;
    r.checks = checks;
    return r;
}

// The lines under a heading of the text, up to the next blank line; empty when it is absent.
QStringList section(const QString& text, const QString& heading)
{
    const QStringList lines = text.split(QLatin1Char('\n'));
    const qsizetype start = lines.indexOf(heading);
    QStringList out;
    if (start < 0)
        return out;
    for (qsizetype i = start + 1; i < lines.size() && !lines.at(i).isEmpty(); ++i)
        out.append(lines.at(i));
    return out;
}

const QString chain = QStringLiteral("tls.chain.complete");
const QString trust = QStringLiteral("tls.trust.public");
const QString cors = QStringLiteral("connect.cors");

ReportDiff fixedInstance()
{
    const Report before = report({finding(chain, Status::Fail), finding(trust, Status::Skip),
                                  finding(cors, Status::Fail, QStringLiteral("CORS headers are missing"))},
                                 kUrl, 24);
    const Report after =
        report({finding(chain, Status::Pass), finding(trust, Status::Pass),
                finding(cors, Status::Fail, QStringLiteral("CORS headers are still missing"))},
               kUrl, 25);
    return ReportDiff::compare(before, after);
}

ReportDiff regression()
{
    const Report before = report(
        {finding(chain, Status::Pass), finding(trust, Status::Pass), finding(cors, Status::Warn)}, kUrl, 24);
    const Report after = report({finding(chain, Status::Fail, QStringLiteral("The intermediate is missing")),
                                 finding(trust, Status::Skip),
                                 finding(cors, Status::Fail, QStringLiteral("No CORS header at all"))},
                                kUrl, 25);
    return ReportDiff::compare(before, after);
}

ReportDiff addedAndRemoved()
{
    const Report before =
        report({finding(chain, Status::Pass), finding(QStringLiteral("old.check"), Status::Fail)}, kUrl, 24);
    const Report after =
        report({finding(chain, Status::Pass), finding(QStringLiteral("new.failing"), Status::Fail),
                finding(QStringLiteral("new.passing"), Status::Pass)},
               kUrl, 25, QStringLiteral("0.2.0"));
    return ReportDiff::compare(before, after);
}

} // namespace

class TestReportDiff final : public QObject
{
    Q_OBJECT

private slots:
    void classify_data();
    void classify();
    void fixedInstanceIsNotWorse();
    void regressionIsWorse();
    void addedAndRemovedChecks();
    void differentInstancesAreFlagged();
    void colourOnlyWhenAsked();
    void jsonMatchesSchema_data();
    void jsonMatchesSchema();
    void schemaRejectsInconsistentDiffs_data();
    void schemaRejectsInconsistentDiffs();
};

void TestReportDiff::classify_data()
{
    QTest::addColumn<QString>("before"); // empty: the check is not in the old report
    QTest::addColumn<QString>("after");  // empty: the check is not in the new report
    QTest::addColumn<QString>("change");
    QTest::addColumn<bool>("regression");

    QTest::newRow("pass → pass") << "pass"
                                 << "pass"
                                 << "unchanged" << false;
    QTest::newRow("skip → skip") << "skip"
                                 << "skip"
                                 << "unchanged" << false;
    QTest::newRow("pass → warn") << "pass"
                                 << "warn"
                                 << "worse" << true;
    QTest::newRow("pass → fail") << "pass"
                                 << "fail"
                                 << "worse" << true;
    QTest::newRow("pass → error") << "pass"
                                  << "error"
                                  << "worse" << true;
    QTest::newRow("info → warn") << "info"
                                 << "warn"
                                 << "worse" << true;
    QTest::newRow("skip → fail") << "skip"
                                 << "fail"
                                 << "worse" << true;
    QTest::newRow("manual → warn") << "manual"
                                   << "warn"
                                   << "worse" << true;
    QTest::newRow("warn → fail") << "warn"
                                 << "fail"
                                 << "worse" << true;
    QTest::newRow("error → fail") << "error"
                                  << "fail"
                                  << "worse" << true;
    QTest::newRow("fail → pass") << "fail"
                                 << "pass"
                                 << "fixed" << false;
    QTest::newRow("warn → info") << "warn"
                                 << "info"
                                 << "fixed" << false;
    QTest::newRow("error → pass") << "error"
                                  << "pass"
                                  << "fixed" << false;
    QTest::newRow("fail → fail") << "fail"
                                 << "fail"
                                 << "still_failing" << false;
    QTest::newRow("warn → warn") << "warn"
                                 << "warn"
                                 << "still_failing" << false;
    QTest::newRow("warn → error") << "warn"
                                  << "error"
                                  << "still_failing" << false;
    QTest::newRow("error → warn") << "error"
                                  << "warn"
                                  << "still_failing" << false;
    QTest::newRow("fail → warn") << "fail"
                                 << "warn"
                                 << "improved" << false;
    QTest::newRow("fail → error") << "fail"
                                  << "error"
                                  << "improved" << false;
    QTest::newRow("fail → skip is no fix") << "fail"
                                           << "skip"
                                           << "changed" << false;
    QTest::newRow("warn → manual is no fix") << "warn"
                                             << "manual"
                                             << "changed" << false;
    QTest::newRow("pass → skip") << "pass"
                                 << "skip"
                                 << "changed" << false;
    QTest::newRow("skip → pass") << "skip"
                                 << "pass"
                                 << "changed" << false;
    QTest::newRow("pass → info") << "pass"
                                 << "info"
                                 << "changed" << false;
    QTest::newRow("added failing") << ""
                                   << "fail"
                                   << "added" << true;
    QTest::newRow("added warning") << ""
                                   << "warn"
                                   << "added" << true;
    QTest::newRow("added passing") << ""
                                   << "pass"
                                   << "added" << false;
    QTest::newRow("added skipped") << ""
                                   << "skip"
                                   << "added" << false;
    QTest::newRow("removed failing") << "fail"
                                     << ""
                                     << "removed" << false;
    QTest::newRow("removed passing") << "pass"
                                     << ""
                                     << "removed" << false;
}

void TestReportDiff::classify()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    QFETCH(QString, change);
    QFETCH(bool, regression);

    const QString id = QStringLiteral("tls.sample");
    Report oldReport = report({});
    Report newReport = report({}, kUrl, 25);
    if (!before.isEmpty())
        oldReport.checks.append(finding(id, *statusFromId(before)));
    if (!after.isEmpty())
        newReport.checks.append(finding(id, *statusFromId(after)));

    const ReportDiff diff = ReportDiff::compare(oldReport, newReport);
    QCOMPARE(diff.entries.size(), 1);
    const ReportDiff::Entry& e = diff.entries.first();
    QCOMPARE(e.id, id);
    QCOMPARE(changeId(e.change), change);
    QCOMPARE(e.regression(), regression);
    QCOMPARE(diff.worse(), regression);
    QCOMPARE(diff.count(e.change), 1);
    QCOMPARE(e.before.has_value(), !before.isEmpty());
    QCOMPARE(e.after.has_value(), !after.isEmpty());
    QCOMPARE(changeId(classifyChange(statusFromId(before), statusFromId(after))), change);
}

void TestReportDiff::fixedInstanceIsNotWorse()
{
    const ReportDiff diff = fixedInstance();
    QVERIFY(!diff.worse());
    QCOMPARE(diff.count(Change::Fixed), 1);
    QCOMPARE(diff.count(Change::StillFailing), 1);
    QCOMPARE(diff.count(Change::Changed), 1);
    QCOMPARE(diff.entries.size(), 3);
    QCOMPARE(diff.entries.at(0).id, chain);
    QCOMPARE(diff.entries.at(2).id, cors);
    // The catalogue's title, not the one stored in the report.
    QCOMPARE(diff.entries.at(0).title, findCheck(chain)->title());

    const QString text = diff.formatText(false);
    const QStringList lines = text.split(QLatin1Char('\n'));
    QVERIFY2(lines.at(0).contains(kUrl), qPrintable(text));
    QVERIFY2(lines.at(0).contains(QStringLiteral("2026-11-24T15:04:05Z")), qPrintable(text));
    QVERIFY2(lines.at(0).contains(QStringLiteral("2026-11-25T15:04:05Z")), qPrintable(text));
    QVERIFY2(lines.at(0).contains(QStringLiteral("FAIL")), qPrintable(text));
    QCOMPARE(lines.at(1), QStringLiteral("1 fixed, 1 still failing, 1 changed"));

    const QStringList fixed = section(text, QStringLiteral("Fixed"));
    QCOMPARE(fixed.size(), 1);
    QCOMPARE(fixed.at(0).simplified(),
             QStringLiteral("✓ tls.chain.complete fail → pass ") + findCheck(chain)->title());

    const QStringList still = section(text, QStringLiteral("Still failing"));
    QCOMPARE(still.size(), 2);
    QVERIFY2(still.at(0).simplified().startsWith(QStringLiteral("✗ connect.cors fail → fail ")),
             qPrintable(text));
    QCOMPARE(still.at(1).simplified(), QStringLiteral("CORS headers are still missing"));

    const QStringList other = section(text, QStringLiteral("Other changes"));
    QCOMPARE(other.size(), 1);
    QVERIFY2(other.at(0).simplified().startsWith(QStringLiteral("✓ tls.trust.public skip → pass ")),
             qPrintable(text));

    QVERIFY2(section(text, QStringLiteral("New failures")).isEmpty(), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("Warning")), qPrintable(text));
}

void TestReportDiff::regressionIsWorse()
{
    const ReportDiff diff = regression();
    QVERIFY(diff.worse());
    QCOMPARE(diff.count(Change::Worse), 2);
    QCOMPARE(diff.before.verdict, Status::Warn);
    QCOMPARE(diff.after.verdict, Status::Fail);

    const QString text = diff.formatText(false);
    QCOMPARE(text.split(QLatin1Char('\n')).at(1), QStringLiteral("2 newly failing, 1 changed"));
    const QStringList worse = section(text, QStringLiteral("New failures"));
    QCOMPARE(worse.size(), 4);
    QVERIFY2(worse.at(0).simplified().startsWith(QStringLiteral("✗ tls.chain.complete pass → fail ")),
             qPrintable(text));
    QCOMPARE(worse.at(1).simplified(), QStringLiteral("The intermediate is missing"));
    QVERIFY2(worse.at(2).simplified().startsWith(QStringLiteral("✗ connect.cors warn → fail ")),
             qPrintable(text));
    QCOMPARE(worse.at(3).simplified(), QStringLiteral("No CORS header at all"));
    QVERIFY2(section(text, QStringLiteral("Fixed")).isEmpty(), qPrintable(text));
    QVERIFY2(section(text, QStringLiteral("Still failing")).isEmpty(), qPrintable(text));
    QCOMPARE(section(text, QStringLiteral("Other changes")).size(), 1);
}

void TestReportDiff::addedAndRemovedChecks()
{
    const ReportDiff diff = addedAndRemoved();
    // New order first, then what only the old report had.
    QStringList ids;
    for (const ReportDiff::Entry& e : diff.entries)
        ids.append(e.id);
    QCOMPARE(ids, (QStringList{chain, QStringLiteral("new.failing"), QStringLiteral("new.passing"),
                               QStringLiteral("old.check")}));
    QCOMPARE(diff.count(Change::Added), 2);
    QCOMPARE(diff.count(Change::Removed), 1);
    QCOMPARE(diff.count(Change::Unchanged), 1);
    QVERIFY2(diff.worse(), "a new check that fails is a new failure");
    // Unknown to the catalogue: the report's title.
    QCOMPARE(diff.entries.at(1).title, QStringLiteral("Title in the report"));
    QCOMPARE(diff.entries.at(3).summary, QStringLiteral("old.check is fail"));

    const QString text = diff.formatText(false);
    QVERIFY2(text.contains(QStringLiteral("0.1.0 → 0.2.0")), qPrintable(text));
    const QStringList worse = section(text, QStringLiteral("New failures"));
    QCOMPARE(worse.size(), 2);
    QVERIFY2(worse.at(0).simplified().startsWith(QStringLiteral("✗ new.failing — → fail ")),
             qPrintable(text));
    const QStringList other = section(text, QStringLiteral("Other changes"));
    QCOMPARE(other.size(), 2);
    QVERIFY2(other.at(0).simplified().startsWith(QStringLiteral("✓ new.passing — → pass ")),
             qPrintable(text));
    QVERIFY2(other.at(1).simplified().startsWith(QStringLiteral("✗ old.check fail → — ")), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("tls.chain.complete")), "unchanged checks are not listed");

    // A failing check that a newer tool no longer has is no regression.
    const ReportDiff removedOnly = ReportDiff::compare(
        report({finding(QStringLiteral("old.check"), Status::Fail)}), report({finding(chain, Status::Pass)}));
    QVERIFY(!removedOnly.worse());
}

void TestReportDiff::differentInstancesAreFlagged()
{
    const QString other = QStringLiteral("https://gitlab.other.example");
    const ReportDiff diff = ReportDiff::compare(report({finding(chain, Status::Pass)}, kUrl),
                                                report({finding(chain, Status::Pass)}, other, 25));
    QVERIFY(!diff.sameInstance());
    const QString text = diff.formatText(false);
    const QStringList warnings = text.split(QLatin1Char('\n')).filter(QStringLiteral("Warning"));
    QCOMPARE(warnings.size(), 1);
    QVERIFY2(warnings.at(0).contains(kUrl) && warnings.at(0).contains(other), qPrintable(text));
    QCOMPARE(text.split(QLatin1Char('\n')).at(2), QStringLiteral("No check changed its status."));

    const ReportDiff same =
        ReportDiff::compare(report({finding(chain, Status::Pass)}, kUrl),
                            report({finding(chain, Status::Pass)}, kUrl + QLatin1Char('/'), 25));
    QVERIFY(same.sameInstance());
    QVERIFY(!same.formatText(false).contains(QStringLiteral("Warning")));
}

void TestReportDiff::colourOnlyWhenAsked()
{
    const ReportDiff diff = regression();
    QVERIFY(!diff.formatText(false).contains(QLatin1Char('\x1b')));
    QVERIFY(diff.formatText(true).contains(QStringLiteral("\x1b[31m✗\x1b[0m")));
}

void TestReportDiff::jsonMatchesSchema_data()
{
    QTest::addColumn<int>("scenario");
    QTest::newRow("fixed instance") << 0;
    QTest::newRow("regression") << 1;
    QTest::newRow("added and removed") << 2;
}

void TestReportDiff::jsonMatchesSchema()
{
    QFETCH(int, scenario);
    const ReportDiff diff = scenario == 0   ? fixedInstance()
                            : scenario == 1 ? regression()
                                            : addedAndRemoved();
    const QJsonObject json = diff.toJson();

    bool valid = false;
    const QString errors = schemaErrors(json, &valid);
    QVERIFY2(valid, qPrintable(errors));

    QCOMPARE(json.value(QStringLiteral("schema")).toString(), QStringLiteral("gitlab-jira-doctor/diff/1"));
    QCOMPARE(json.value(QStringLiteral("worse")).toBool(), diff.worse());
    const QJsonObject before = json.value(QStringLiteral("before")).toObject();
    QCOMPARE(before.value(QStringLiteral("url")).toString(), kUrl);
    QCOMPARE(before.value(QStringLiteral("generated_at")).toString(), QStringLiteral("2026-11-24T15:04:05Z"));

    const QJsonObject counts = json.value(QStringLiteral("counts")).toObject();
    int total = 0;
    for (const QJsonValue& v : counts)
        total += v.toInt();
    QCOMPARE(total, int(diff.entries.size()));

    const QJsonArray changes = json.value(QStringLiteral("changes")).toArray();
    QCOMPARE(changes.size(), diff.entries.size() - counts.value(QStringLiteral("unchanged")).toInt());
    for (const QJsonValue& v : changes)
        QVERIFY(v.toObject().value(QStringLiteral("change")).toString() != QLatin1String("unchanged"));
    if (scenario == 2) {
        QCOMPARE(counts.value(QStringLiteral("unchanged")).toInt(), 1);
        const QJsonObject added = changes.at(0).toObject();
        QCOMPARE(added.value(QStringLiteral("id")).toString(), QStringLiteral("new.failing"));
        QCOMPARE(added.value(QStringLiteral("before")), QJsonValue());
        QCOMPARE(added.value(QStringLiteral("after")).toString(), QStringLiteral("fail"));
        QCOMPARE(added.value(QStringLiteral("regression")).toBool(), true);
    }
}

void TestReportDiff::schemaRejectsInconsistentDiffs_data()
{
    QTest::addColumn<QString>("key"); // of the first change, or "worse"
    QTest::addColumn<QJsonValue>("value");
    QTest::newRow("unchanged entries are not listed") << "change" << QJsonValue(QStringLiteral("unchanged"));
    QTest::newRow("unknown change") << "change" << QJsonValue(QStringLiteral("better"));
    QTest::newRow("unknown status") << "after" << QJsonValue(QStringLiteral("ok"));
    QTest::newRow("worse without a regression") << "regression" << QJsonValue(false);
    QTest::newRow("verdict of a regression denied") << "worse" << QJsonValue(false);
}

void TestReportDiff::schemaRejectsInconsistentDiffs()
{
    QFETCH(QString, key);
    QFETCH(QJsonValue, value);
    QJsonObject json = regression().toJson();
    if (key == QLatin1String("worse")) {
        json.insert(key, value);
    } else {
        QJsonArray changes = json.value(QStringLiteral("changes")).toArray();
        QJsonObject first = changes.at(0).toObject();
        first.insert(key, value);
        changes[0] = first;
        json.insert(QStringLiteral("changes"), changes);
    }
    bool valid = true;
    const QString errors = schemaErrors(json, &valid);
    QVERIFY2(!valid, "the schema accepted a diff it must reject");
    QVERIFY(!errors.isEmpty());
}

QTEST_GUILESS_MAIN(TestReportDiff)
#include "tst_reportdiff.moc"
