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
    void mergeRerunReplacesWhatRanAgain();
    void rerunSelectionTakesSkippedDependants();
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

void TestReport::mergeRerunReplacesWhatRanAgain()
{
    const auto certificate = [](const char* subject) {
        CertificateInfo c;
        c.sha256 = QStringLiteral("00");
        c.subject = QLatin1String(subject);
        return c;
    };
    const auto finding = [](const char* id, Status status, const char* summary) {
        Finding f;
        f.id = QLatin1String(id);
        f.category = f.id.section(QLatin1Char('.'), 0, 0);
        f.status = status;
        f.summary = QLatin1String(summary);
        return f;
    };
    Report before = gjd::test::reportHeader(QStringLiteral("https://gitlab.example.com"));
    before.checks = {finding("tls.chain", Status::Fail, "old chain"),
                     finding("gitlab.proxy", Status::Warn, "old proxy"),
                     finding("dns.resolve", Status::Pass, "old dns")};
    before.certificates = {certificate("CN=old")};
    before.transcripts = {{QStringLiteral("http.descriptor"), "old descriptor"},
                          {QStringLiteral("api.settings"), "old settings"}};

    Report fresh = gjd::test::reportHeader(QStringLiteral("https://gitlab.example.com"));
    fresh.generatedAt = before.generatedAt.addSecs(300);
    // The runner reports every check; those not selected are skip and must not replace anything.
    fresh.checks = {finding("tls.chain", Status::Pass, "new chain"),
                    finding("gitlab.proxy", Status::Pass, "new proxy"),
                    finding("dns.resolve", Status::Skip, "not selected"),
                    finding("gitlab.new_check", Status::Pass, "new check")};
    fresh.certificates = {certificate("CN=new")};
    fresh.transcripts = {{QStringLiteral("api.settings"), "new settings"},
                         {QStringLiteral("api.version"), "new version"}};

    Report merged = before;
    merged.mergeRerun(fresh, {QStringLiteral("tls.chain"), QStringLiteral("gitlab.proxy"),
                              QStringLiteral("gitlab.new_check"), QStringLiteral("gone.check")});
    QCOMPARE(merged.checks.size(), 4);
    QCOMPARE(merged.find(QStringLiteral("tls.chain"))->summary, QStringLiteral("new chain"));
    QCOMPARE(merged.find(QStringLiteral("gitlab.proxy"))->status, Status::Pass);
    // Not re-run: kept, whatever the fresh report says of it.
    QCOMPARE(merged.find(QStringLiteral("dns.resolve"))->summary, QStringLiteral("old dns"));
    QCOMPARE(merged.find(QStringLiteral("dns.resolve"))->status, Status::Pass);
    // Re-run but unknown before: added at the end; re-run but not in the fresh report: nothing.
    QCOMPARE(merged.checks.last().id, QStringLiteral("gitlab.new_check"));
    QVERIFY(!merged.find(QStringLiteral("gone.check")));
    // The order of the checks stays the report's.
    QCOMPARE(merged.checks.at(0).id, QStringLiteral("tls.chain"));
    QCOMPARE(merged.checks.at(2).id, QStringLiteral("dns.resolve"));
    QCOMPARE(merged.summary().verdict, Status::Pass);
    QCOMPARE(merged.generatedAt, fresh.generatedAt);
    QCOMPARE(merged.certificates.size(), 1);
    QCOMPARE(merged.certificates.constFirst().subject, QStringLiteral("CN=new"));
    // Transcripts by probe: replaced in place, kept, or appended.
    QCOMPARE(merged.transcripts.size(), 3);
    QCOMPARE(merged.transcripts.at(0).text, QByteArray("old descriptor"));
    QCOMPARE(merged.transcripts.at(1).text, QByteArray("new settings"));
    QCOMPARE(merged.transcripts.at(2).probeId, QStringLiteral("api.version"));
    // What the rest of the report says (the target, the method) is the earlier run's.
    QCOMPARE(merged.url, before.url);

    // A re-run that saw no certificate (the TLS checks were not among it) keeps the old ones.
    Report noTls = before;
    Report freshNoCerts = fresh;
    freshNoCerts.certificates.clear();
    noTls.mergeRerun(freshNoCerts, {QStringLiteral("gitlab.proxy")});
    QCOMPARE(noTls.certificates.constFirst().subject, QStringLiteral("CN=old"));
    QCOMPARE(noTls.find(QStringLiteral("tls.chain"))->summary, QStringLiteral("old chain"));
}

QTEST_GUILESS_MAIN(TestReport)
void TestReport::rerunSelectionTakesSkippedDependants()
{
    const auto finding = [](const char* id, Status status, QStringList prerequisites = {}) {
        Finding f;
        f.id = QLatin1String(id);
        f.category = f.id.section(QLatin1Char('.'), 0, 0);
        f.status = status;
        f.prerequisites = std::move(prerequisites);
        return f;
    };
    Report r = gjd::test::reportHeader(QStringLiteral("https://gitlab.example.com"));
    QVERIFY(r.rerunSelection().isEmpty());
    r.checks = {finding("dns.resolve", Status::Pass),
                finding("tls.handshake", Status::Fail, {QStringLiteral("dns.resolve")}),
                // Skipped because tls.handshake failed, and through it: both must run again.
                finding("http.base", Status::Skip, {QStringLiteral("tls.handshake")}),
                finding("connect.descriptor", Status::Skip, {QStringLiteral("http.base")}),
                // Skipped for another reason (a manual step, an option not given): stays.
                finding("jira.auth", Status::Skip, {QStringLiteral("dns.resolve")}),
                finding("gitlab.token", Status::Warn), finding("platform.eol", Status::Error),
                finding("manual.inbound", Status::Manual, {QStringLiteral("tls.handshake")})};
    QCOMPARE(r.rerunSelection(),
             (QStringList{QStringLiteral("tls.handshake"), QStringLiteral("http.base"),
                          QStringLiteral("connect.descriptor"), QStringLiteral("gitlab.token"),
                          QStringLiteral("platform.eol")}));

    // Nothing failed: nothing to re-run, skips or not.
    for (Finding& f : r.checks) {
        if (f.status != Status::Skip)
            f.status = Status::Pass;
    }
    QVERIFY(r.rerunSelection().isEmpty());
}

#include "tst_report.moc"
