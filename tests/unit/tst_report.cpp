// SPDX-License-Identifier: GPL-3.0-or-later
#include "report.h"
#include "samplereport.h"
#include "schemacheck.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryFile>
#include <QTest>

using namespace gjd;

namespace {

// The schema's verdict on a report; *valid says whether it passed.
QString schemaErrors(const QJsonObject& json, bool* valid)
{
    const QString errors =
        gjd::test::schemaErrors(QStringLiteral("report.schema.json"), QJsonDocument(json).toJson());
    *valid = errors.isEmpty();
    return errors;
}

Report sampleReport()
{
    Report r = gjd::test::reportHeader(QStringLiteral("https://gitlab.example.com"),
                                       QStringLiteral("marketplace"), QStringLiteral("assumed"));
    const QList<Status> statuses{Status::Pass, Status::Info,   Status::Warn, Status::Fail,
                                 Status::Skip, Status::Manual, Status::Error};
    for (int i = 0; i < statuses.size(); ++i) {
        Finding f;
        f.id = QStringLiteral("tls.sample_%1").arg(QChar(QLatin1Char('a' + i)));
        f.category = QStringLiteral("tls");
        f.status = statuses.at(i);
        f.title = QStringLiteral("Title");
        f.summary = QStringLiteral("Summary ü — %1").arg(i);
        f.remedy = QStringLiteral("Do this");
        f.docs = {QStringLiteral("https://docs.gitlab.com/administration/settings/jira_cloud_app/")};
        f.explains = {QStringLiteral("Invalid JWT")};
        f.evidence = QJsonObject{{QStringLiteral("served"), QJsonArray{QStringLiteral("sha256:00")}}};
        f.durationMs = 41 + i;
        f.prerequisites = {QStringLiteral("tls.handshake")};
        r.checks.append(f);
    }
    CertificateInfo c;
    c.sha256 = QString(64, QLatin1Char('a'));
    c.subject = QStringLiteral("CN=gitlab.example.com");
    c.issuer = QStringLiteral("CN=Example CA");
    c.notBefore = r.generatedAt.addDays(-10);
    c.notAfter = r.generatedAt.addDays(80);
    c.san = {QStringLiteral("gitlab.example.com")};
    c.pem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
    r.certificates.append(c);
    return r;
}

} // namespace

class TestReport final : public QObject
{
    Q_OBJECT

private slots:
    void summaryAndVerdict_data();
    void summaryAndVerdict();
    void jsonRoundTrip();
    void jsonMatchesSchema();
    void schemaRejectsWhatTheContractForbids_data();
    void schemaRejectsWhatTheContractForbids();
    void unknownSchemaIsRefused();
};

void TestReport::summaryAndVerdict_data()
{
    QTest::addColumn<QStringList>("statuses");
    QTest::addColumn<QString>("verdict");
    QTest::newRow("all pass") << QStringList{"pass", "pass"} << "pass";
    QTest::newRow("info, skip and manual do not lower it")
        << QStringList{"pass", "info", "skip", "manual"} << "pass";
    QTest::newRow("a warning") << QStringList{"pass", "warn", "skip"} << "warn";
    QTest::newRow("a failure wins") << QStringList{"warn", "fail", "pass"} << "fail";
    QTest::newRow("an error is not a pass") << QStringList{"pass", "error"} << "warn";
}

void TestReport::summaryAndVerdict()
{
    QFETCH(QStringList, statuses);
    QFETCH(QString, verdict);
    Report r;
    for (const QString& s : statuses) {
        Finding f;
        f.id = QStringLiteral("x");
        f.status = *statusFromId(s);
        r.checks.append(f);
    }
    const Summary summary = r.summary();
    QCOMPARE(statusId(summary.verdict), verdict);
    int total = 0;
    for (int c : summary.counts)
        total += c;
    QCOMPARE(total, int(statuses.size()));
    QCOMPARE(summary.count(Status::Pass), int(statuses.count(QStringLiteral("pass"))));
}

void TestReport::jsonRoundTrip()
{
    const Report r = sampleReport();
    const QJsonObject json = r.toJson();
    QString error;
    const auto back = Report::fromJson(json, &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->toJson(), json);
    QCOMPARE(back->checks.size(), r.checks.size());
    QCOMPARE(back->checks.at(3).status, Status::Fail);
    QCOMPARE(back->checks.at(3).prerequisites, QStringList{QStringLiteral("tls.handshake")});
    QCOMPARE(json.value(QStringLiteral("schema")).toString(), QStringLiteral("gitlab-jira-doctor/report/1"));
    QCOMPARE(json.value(QStringLiteral("summary")).toObject().value(QStringLiteral("fail")).toInt(), 1);
    QCOMPARE(json.value(QStringLiteral("target")).toObject().value(QStringLiteral("public_url")),
             QJsonValue());
}

void TestReport::jsonMatchesSchema()
{
    bool valid = false;
    const QString errors = schemaErrors(sampleReport().toJson(), &valid);
    QVERIFY2(valid, qPrintable(errors));
}

void TestReport::schemaRejectsWhatTheContractForbids_data()
{
    QTest::addColumn<QString>("pointer"); // top-level key or checks/0/<key>
    QTest::addColumn<QJsonValue>("value");
    QTest::newRow("unknown status") << "checks/0/status" << QJsonValue(QStringLiteral("ok"));
    QTest::newRow("fail without remedy") << "checks/3/remedy" << QJsonValue(QString());
    QTest::newRow("unknown category") << "checks/0/category" << QJsonValue(QStringLiteral("misc"));
    QTest::newRow("wrong schema string")
        << "schema" << QJsonValue(QStringLiteral("gitlab-jira-doctor/report/2"));
    QTest::newRow("no checks") << "checks" << QJsonValue(QJsonArray());
    QTest::newRow("unknown method") << "target/method" << QJsonValue(QStringLiteral("auto"));
}

void TestReport::schemaRejectsWhatTheContractForbids()
{
    QFETCH(QString, pointer);
    QFETCH(QJsonValue, value);
    QJsonObject json = sampleReport().toJson();
    const QStringList parts = pointer.split(QLatin1Char('/'));
    if (parts.size() == 1) {
        json.insert(parts.at(0), value);
    } else if (parts.at(0) == QLatin1String("target")) {
        QJsonObject target = json.value(QStringLiteral("target")).toObject();
        target.insert(parts.at(1), value);
        json.insert(QStringLiteral("target"), target);
    } else {
        QJsonArray checks = json.value(QStringLiteral("checks")).toArray();
        QJsonObject check = checks.at(parts.at(1).toInt()).toObject();
        check.insert(parts.at(2), value);
        checks[parts.at(1).toInt()] = check;
        json.insert(QStringLiteral("checks"), checks);
    }
    bool valid = true;
    const QString errors = schemaErrors(json, &valid);
    QVERIFY2(!valid, "the schema accepted a report it must reject");
    QVERIFY(!errors.isEmpty());
}

void TestReport::unknownSchemaIsRefused()
{
    QJsonObject json = sampleReport().toJson();
    json.insert(QStringLiteral("schema"), QStringLiteral("something/else/9"));
    QString error;
    QVERIFY(!Report::fromJson(json, &error));
    QVERIFY(error.contains(QStringLiteral("something/else/9")));
}

QTEST_GUILESS_MAIN(TestReport)
#include "tst_report.moc"
