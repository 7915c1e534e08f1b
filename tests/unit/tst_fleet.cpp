// SPDX-License-Identifier: GPL-3.0-or-later
// The fleet core without a network: the targets file's lines (FleetTargets), the fleet's summary
// (FleetReport), and the OpenMetrics exposition (OpenMetricsFormatter) with hostile text.

#include "fleet/fleetreport.h"
#include "fleet/fleetrunner.h"
#include "fleet/fleettargets.h"
#include "openmetricsformatter.h"
#include "samplereport.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

namespace gjd {

namespace {

Finding finding(const QString& id, Status status, const QString& category = QStringLiteral("tls"))
{
    Finding f;
    f.id = id;
    f.category = category;
    f.status = status;
    f.title = id + QStringLiteral(" title");
    f.summary = QStringLiteral("summary");
    return f;
}

FleetEntry ran(int line, const QString& url, QList<Finding> checks)
{
    FleetEntry e;
    e.line = line;
    e.url = url;
    Report r = test::reportHeader(url);
    r.checks = std::move(checks);
    e.report = r;
    return e;
}

} // namespace

class TestFleet : public QObject
{
    Q_OBJECT

private slots:
    void targetsGoodLines();
    void targetsBadLines_data();
    void targetsBadLines();
    void targetsDuplicates();
    void targetsLimit();
    void targetsFile();
    void targetsRunOptions();
    void summaryOrdersFailingChecks();
    void openMetricsSeries();
    void openMetricsEscapesHostileText();
    void parallelWithinOpenFiles();
};

void TestFleet::targetsGoodLines()
{
    const FleetTargets t = FleetTargets::parse(
        "# the fleet\r\n"
        "\n"
        "https://gitlab.example.com\r\n"
        "   https://gitlab.internal.example --public-url https://gitlab.example.org --method=Manual # "
        "legacy\n"
        "https://gitlab.eu.example --resolve gitlab.eu.example:443:203.0.113.7 --ca-file \"/etc/ssl/our "
        "ca.pem\"\n"
        "https://gitlab.team.example --jira-site https://team.atlassian.net --jira-email admin@example.com\n"
        "https://gitlab.hash.example --ca-file /etc/ssl/ca#1.pem\n");
    QVERIFY2(t.errors.isEmpty(), qPrintable(t.errors.value(0).error));
    QCOMPARE(t.targets.size(), 5);
    QCOMPARE(t.targets.at(0).line, 3);
    QCOMPARE(t.targets.at(0).url, QStringLiteral("https://gitlab.example.com"));
    QCOMPARE(t.targets.at(1).line, 4);
    QCOMPARE(t.targets.at(1).publicUrl, QStringLiteral("https://gitlab.example.org"));
    QCOMPARE(t.targets.at(1).method, QStringLiteral("manual"));
    QCOMPARE(t.targets.at(2).resolve, QStringList{QStringLiteral("gitlab.eu.example:443:203.0.113.7")});
    QCOMPARE(t.targets.at(2).caFile, QStringLiteral("/etc/ssl/our ca.pem"));
    QCOMPARE(t.targets.at(3).jiraSite, QStringLiteral("https://team.atlassian.net"));
    QCOMPARE(t.targets.at(3).jiraEmail, QStringLiteral("admin@example.com"));
    // A # inside a word is part of it: only a word that starts with # starts a comment.
    QCOMPARE(t.targets.at(4).caFile, QStringLiteral("/etc/ssl/ca#1.pem"));
}

void TestFleet::targetsBadLines_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("error");
    QTest::newRow("not a URL") << QByteArray("htp:/gitlab") << QStringLiteral("invalid URL \"htp:/gitlab\"");
    QTest::newRow("two URLs") << QByteArray("https://a.example https://b.example")
                              << QStringLiteral(
                                     "one instance URL a line, then only options; word 2 is neither");
    QTest::newRow("a global option") << QByteArray("https://a.example --timeout 5")
                                     << QStringLiteral("--timeout cannot be given per instance");
    QTest::newRow("a token") << QByteArray("https://a.example --token glpat-x")
                             << QStringLiteral("--token cannot be given per instance");
    QTest::newRow("a token after the URL")
        << QByteArray("https://a.example glpat-secret") << QStringLiteral("word 2 is neither");
    QTest::newRow("a password in the URL")
        << QByteArray("https://bob:hunter2@a.example") << QStringLiteral("user name or password");
    QTest::newRow("no value") << QByteArray("https://a.example --public-url")
                              << QStringLiteral("--public-url needs a value");
    QTest::newRow("bad method") << QByteArray("https://a.example --method nonsense")
                                << QStringLiteral("--method must be auto, marketplace, manual or proxy");
    QTest::newRow("site without email") << QByteArray("https://a.example --jira-site https://x.atlassian.net")
                                        << QStringLiteral("--jira-site and --jira-email go together");
    QTest::newRow("bad resolve") << QByteArray("https://a.example --resolve a.example:443")
                                 << QStringLiteral("--resolve");
    QTest::newRow("open quote") << QByteArray("https://a.example --ca-file \"/etc/x.pem")
                                << QStringLiteral("a double quote is not closed");
    QTest::newRow("options only") << QByteArray("--method manual")
                                  << QStringLiteral("options without an instance URL");
    QTest::newRow("escape in the line")
        << QByteArray("https://a.example\x1b[31m") << QStringLiteral("invalid URL");
}

void TestFleet::targetsBadLines()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, error);
    // The bad line between two good ones: it is named, and the others stay.
    const FleetTargets t = FleetTargets::parse("https://one.example\n" + line + "\nhttps://two.example\n");
    QCOMPARE(t.targets.size(), 2);
    QCOMPARE(t.targets.at(1).line, 3);
    QCOMPARE(t.errors.size(), 1);
    QCOMPARE(t.errors.at(0).line, 2);
    QVERIFY2(t.errors.at(0).error.contains(error), qPrintable(t.errors.at(0).error));
    // Neither the error nor the line as reported carries a control character, nor what came
    // after the URL (a token), nor a URL's password.
    for (const QString& text : {t.errors.at(0).error, t.errors.at(0).text}) {
        QVERIFY2(!text.contains(QStringLiteral("glpat")) && !text.contains(QStringLiteral("hunter2")),
                 qPrintable(text));
        for (const QChar c : text)
            QVERIFY2(c.unicode() >= 0x20 && c.unicode() != 0x7f, qPrintable(text));
    }
}

void TestFleet::targetsDuplicates()
{
    const FleetTargets t =
        FleetTargets::parse("https://gitlab.example.com\nhttps://GitLab.example.com:443/\n");
    QCOMPARE(t.targets.size(), 1);
    QCOMPARE(t.errors.size(), 1);
    QCOMPARE(t.errors.at(0).line, 2);
    QCOMPARE(t.errors.at(0).error, QStringLiteral("the same instance as line 1"));
}

void TestFleet::targetsLimit()
{
    QByteArray file;
    for (int i = 0; i < FleetTargets::maxTargets + 2; ++i)
        file += "https://gitlab-" + QByteArray::number(i) + ".example\n";
    const FleetTargets t = FleetTargets::parse(file);
    QCOMPARE(t.targets.size(), FleetTargets::maxTargets);
    QCOMPARE(t.errors.size(), 2);
    QCOMPARE(t.errors.at(0).line, FleetTargets::maxTargets + 1);
    QVERIFY(t.errors.at(0).error.contains(QString::number(FleetTargets::maxTargets)));
}

void TestFleet::targetsFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString error;
    // Not a regular file: refused before anything is read (a FIFO would block, /dev/zero is endless).
    QVERIFY(!FleetTargets::read(QStringLiteral("/dev/zero"), &error));
    QVERIFY2(error.contains(QStringLiteral("/dev/zero")), qPrintable(error));
    QVERIFY(!FleetTargets::read(dir.path(), &error));
    QVERIFY(!FleetTargets::read(dir.filePath(QStringLiteral("missing.txt")), &error));
    // Not text.
    QFile binary(dir.filePath(QStringLiteral("binary")));
    QVERIFY(binary.open(QIODevice::WriteOnly));
    binary.write(QByteArray("https://a.example\n\xff\xfe\x00", 21));
    binary.close();
    QVERIFY(!FleetTargets::read(binary.fileName(), &error));
    QVERIFY2(error.contains(QStringLiteral("UTF-8")), qPrintable(error));
    // Too large.
    QFile big(dir.filePath(QStringLiteral("big")));
    QVERIFY(big.open(QIODevice::WriteOnly));
    big.write(QByteArray(FleetTargets::maxBytes + 1, '#'));
    big.close();
    QVERIFY(!FleetTargets::read(big.fileName(), &error));
    // A good one.
    QFile good(dir.filePath(QStringLiteral("fleet.txt")));
    QVERIFY(good.open(QIODevice::WriteOnly));
    good.write("https://a.example\n");
    good.close();
    const auto t = FleetTargets::read(good.fileName(), &error);
    QVERIFY2(t, qPrintable(error));
    QCOMPARE(t->targets.size(), 1);
}

void TestFleet::targetsRunOptions()
{
    RunOptions base;
    base.method = QStringLiteral("marketplace");
    base.probeTimeoutMs = 4000;
    base.only = {QStringLiteral("tls.")};
    const FleetTargets t =
        FleetTargets::parse("https://a.example --method manual --resolve a.example:443:192.0.2.1\n"
                            "https://b.example --ca-file /nonexistent/ca.pem\n");
    QCOMPARE(t.targets.size(), 2);
    QString error;
    const auto a = t.targets.at(0).runOptions(base, &error);
    QVERIFY2(a, qPrintable(error));
    QCOMPARE(a->url, QStringLiteral("https://a.example"));
    QCOMPARE(a->method, QStringLiteral("manual"));
    QCOMPARE(a->probeTimeoutMs, 4000); // the command line's, for every instance
    QCOMPARE(a->only, base.only);
    QCOMPARE(a->resolve.size(), 1);
    QCOMPARE(a->resolve.at(0).addresses.value(0), QHostAddress(QStringLiteral("192.0.2.1")));
    QVERIFY(!t.targets.at(1).runOptions(base, &error));
    QVERIFY2(error.startsWith(QStringLiteral("--ca-file: ")), qPrintable(error));
}

void TestFleet::summaryOrdersFailingChecks()
{
    FleetReport fleet;
    fleet.entries = {
        ran(1, QStringLiteral("https://a.example"),
            {finding(QStringLiteral("tls.chain.complete"), Status::Fail),
             finding(QStringLiteral("connect.cors"), Status::Fail, QStringLiteral("connect"))}),
        ran(2, QStringLiteral("https://b.example"),
            {finding(QStringLiteral("tls.chain.complete"), Status::Fail)}),
        ran(3, QStringLiteral("https://c.example"), {finding(QStringLiteral("tls.validity"), Status::Warn)}),
        ran(4, QStringLiteral("https://d.example"),
            {finding(QStringLiteral("tls.handshake"), Status::Pass),
             finding(QStringLiteral("gitlab.api"), Status::Error, QStringLiteral("gitlab"))}),
    };
    FleetEntry bad;
    bad.line = 5;
    bad.text = QStringLiteral("htp:/x");
    bad.error = QStringLiteral("invalid URL");
    fleet.entries.append(bad);
    const FleetReport::FleetSummary s = fleet.summary();
    QCOMPARE(s.instances, 4);
    QCOMPARE(s.fail, 2);
    QCOMPARE(s.warn, 2); // c warns; d could not run a check, which is never a pass
    QCOMPARE(s.pass, 0);
    QCOMPARE(s.incomplete, 1);
    QCOMPARE(s.badLines, 1);
    QCOMPARE(s.verdict, Status::Fail);
    QCOMPARE(s.failing.size(), 3);
    QCOMPARE(s.failing.at(0).id, QStringLiteral("tls.chain.complete"));
    QCOMPARE(s.failing.at(0).count, 2);
    QCOMPARE(s.failing.at(0).urls,
             (QStringList{QStringLiteral("https://a.example"), QStringLiteral("https://b.example")}));
    // Ties by id.
    QCOMPARE(s.failing.at(1).id, QStringLiteral("connect.cors"));
    QCOMPARE(s.failing.at(2).id, QStringLiteral("gitlab.api"));

    const QJsonObject json = fleet.toJson();
    QCOMPARE(json.value(QStringLiteral("schema")).toString(), QStringLiteral("gitlab-jira-doctor/fleet/1"));
    QCOMPARE(json.value(QStringLiteral("reports")).toArray().size(), 4);
    QCOMPARE(json.value(QStringLiteral("bad_lines"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("line"))
                 .toInt(),
             5);
    QCOMPARE(json.value(QStringLiteral("instances"))
                 .toArray()
                 .at(3)
                 .toObject()
                 .value(QStringLiteral("report"))
                 .toInt(),
             3);

    // And back, as `show` reads it: the same entries in file order; what is not a fleet report is refused.
    QString error;
    const auto back = FleetReport::fromJson(json, &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->entries.size(), 5);
    QCOMPARE(back->entries.at(4).line, 5);
    QCOMPARE(back->entries.at(4).error, QStringLiteral("invalid URL"));
    QCOMPARE(back->summary().failing.at(0).count, 2);
    QJsonObject wrong = json;
    wrong.insert(QStringLiteral("schema"), QStringLiteral("gitlab-jira-doctor/report/1"));
    QVERIFY(!FleetReport::fromJson(wrong, &error));
    QJsonObject dangling = json;
    QJsonArray instances = dangling.value(QStringLiteral("instances")).toArray();
    QJsonObject first = instances.at(0).toObject();
    first.insert(QStringLiteral("report"), 99);
    instances.replace(0, first);
    dangling.insert(QStringLiteral("instances"), instances);
    QVERIFY(!FleetReport::fromJson(dangling, &error));
    QVERIFY2(error.contains(QStringLiteral("no report")), qPrintable(error));
}

void TestFleet::openMetricsSeries()
{
    Report r = test::reportHeader(QStringLiteral("https://gitlab.example.com"));
    r.checks = {finding(QStringLiteral("tls.chain.complete"), Status::Fail),
                finding(QStringLiteral("tls.validity"), Status::Pass)};
    CertificateInfo leaf;
    leaf.subject = QStringLiteral("CN=gitlab.example.com");
    leaf.notAfter = QDateTime(QDate(2027, 1, 1), QTime(0, 0), Qt::UTC);
    r.certificates = {leaf};
    r.durationMs = 1234;
    const QByteArray out = OpenMetricsFormatter::format(r);
    QVERIFY2(out.contains("gitlab_jira_doctor_check_status{instance=\"https://gitlab.example.com\","
                          "check=\"tls.chain.complete\",category=\"tls\"} 3\n"),
             out.constData());
    QVERIFY(out.contains("gitlab_jira_doctor_verdict{instance=\"https://gitlab.example.com\"} 3\n"));
    QVERIFY(
        out.contains("gitlab_jira_doctor_certificate_expiry_seconds{instance=\"https://gitlab.example.com\","
                     "subject=\"CN=gitlab.example.com\",position=\"0\"} 1798761600\n"));
    QVERIFY(out.contains(
        "gitlab_jira_doctor_run_duration_seconds{instance=\"https://gitlab.example.com\"} 1.234\n"));
    QVERIFY(out.contains("# TYPE gitlab_jira_doctor_check_status gauge\n"));
    QVERIFY(out.endsWith("# EOF\n"));
}

void TestFleet::openMetricsEscapesHostileText()
{
    Report r = test::reportHeader(QStringLiteral("https://gitlab.example.com"));
    CertificateInfo evil;
    evil.subject = QStringLiteral("CN=a\"b\\c\nfake_metric 1\x1b[2J");
    evil.notAfter = QDateTime(QDate(2027, 1, 1), QTime(0, 0), Qt::UTC);
    r.certificates = {evil};
    const QByteArray out = OpenMetricsFormatter::format(r);
    // One line per sample: no line break, quote or escape gets through unescaped.
    for (const QByteArray& line : out.split('\n')) {
        QVERIFY2(!line.startsWith("fake_metric"), out.constData());
        QVERIFY2(!line.contains('\x1b'), out.constData());
    }
    QVERIFY2(out.contains("subject=\"CN=a\\\"b\\\\c"), out.constData());
}

// How many instances fit within a limit of open files: 32 each after 64 for the process.
void TestFleet::parallelWithinOpenFiles()
{
    QCOMPARE(FleetRunner::parallelWithin(-1), FleetRunner::maxParallel); // no limit
    QCOMPARE(FleetRunner::parallelWithin(1024), 30);                     // Debian's default
    QCOMPARE(FleetRunner::parallelWithin(256), 6);
    QCOMPARE(FleetRunner::parallelWithin(64 + 32), 1);
    QCOMPARE(FleetRunner::parallelWithin(10), 1); // never none: one instance still runs
    QCOMPARE(FleetRunner::parallelWithin(1 << 20), FleetRunner::maxParallel);
    QCOMPARE(FleetRunner::parallelWithin(FleetRunner::maxParallel * 32 + 64), FleetRunner::maxParallel);
}

} // namespace gjd

QTEST_GUILESS_MAIN(gjd::TestFleet)
#include "tst_fleet.moc"
