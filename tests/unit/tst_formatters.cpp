// SPDX-License-Identifier: GPL-3.0-or-later
#include "checks/check.h"
#include "htmlformatter.h"
#include "junitformatter.h"
#include "markdownformatter.h"
#include "report.h"
#include "samplereport.h"
#include "textformatter.h"

#include <QJsonArray>
#include <QLocale>
#include <QRegularExpression>
#include <QTest>
#include <QXmlStreamReader>

using namespace gjd;

namespace {

// Everything a server could put into a finding that breaks HTML or XML: markup, quotes, a CDATA
// terminator, QString::arg placeholders and characters XML 1.0 does not allow.
const QString kHostile = QStringLiteral("<script>alert(1)</script> \"&' ]]> %1%2 ") + QChar(0x01) +
                         QStringLiteral("bell") + QChar(0x07);
const QByteArray kPemBody = "MIIBpemBodyOnlyInTheCertificatesSection";
const QString kMissingIssuer = QStringLiteral("CN=Hostile <Root> & Co");

Finding finding(const QString& id, Status status, const QString& summary)
{
    Finding f;
    f.id = id;
    const Check* check = findCheck(id);
    f.category = check ? check->category() : QStringLiteral("custom");
    f.title = check ? check->title() : kHostile;
    f.status = status;
    f.summary = summary;
    f.durationMs = 40;
    return f;
}

Report sampleReport()
{
    Report r = gjd::test::reportHeader(QStringLiteral("https://gitlab.example.com"), QStringLiteral("proxy"),
                                       QStringLiteral("detected"));
    r.publicUrl = QStringLiteral("https://jira-proxy.example.com");

    Finding url = finding(QStringLiteral("input.url"), Status::Pass, QStringLiteral("The URL is usable."));
    url.docs = {docs::jiraCloudAppAdmin};
    r.checks.append(url);
    r.checks.append(
        finding(QStringLiteral("dns.resolve"), Status::Info, QStringLiteral("Resolves to 192.0.2.1.")));
    r.checks.append(finding(QStringLiteral("tls.handshake"), Status::Pass, QStringLiteral("TLS 1.3.")));
    Finding validity = finding(QStringLiteral("tls.validity"), Status::Warn,
                               QStringLiteral("The certificate expires in 9 days."));
    validity.remedy = QStringLiteral("Renew the certificate.");
    validity.prerequisites = {QStringLiteral("tls.handshake")};
    r.checks.append(validity);

    Finding chain = finding(QStringLiteral("tls.chain.complete"), Status::Fail, kHostile);
    chain.details = QStringLiteral("details ") + kHostile;
    chain.remedy = QStringLiteral("remedy ") + kHostile;
    chain.explains = {explains::failedToUpdateInstance, kHostile};
    chain.docs = {QStringLiteral("https://docs.gitlab.com/omnibus/settings/ssl/\"><script>alert(2)</script>"),
                  QStringLiteral("javascript:alert(3)"), QStringLiteral("http://insecure.example/")};
    chain.evidence = QJsonObject{{QStringLiteral("served"), QJsonArray{QStringLiteral("sha256:00")}},
                                 {QStringLiteral("missing_issuer"), kMissingIssuer},
                                 {QStringLiteral("leaf_pem"), QString::fromLatin1(kPemBody)}};
    chain.durationMs = 45;
    chain.prerequisites = {QStringLiteral("tls.handshake")};
    r.checks.append(chain);

    r.checks.append(finding(QStringLiteral("tls.chain.anchor"), Status::Skip,
                            QStringLiteral("Skipped: tls.chain.complete failed.")));
    Finding api = finding(QStringLiteral("gitlab.api"), Status::Error, QStringLiteral("error ") + kHostile);
    api.details = kHostile;
    r.checks.append(api);
    Finding inbound = finding(QStringLiteral("manual.inbound"), Status::Manual,
                              QStringLiteral("Check the firewall by hand."));
    inbound.remedy = QStringLiteral("Allow Atlassian's addresses.");
    r.checks.append(inbound);
    // A category this version does not know, as in a report from a newer version.
    r.checks.append(finding(QStringLiteral("custom.future"), Status::Pass, kHostile));

    CertificateInfo leaf;
    leaf.sha256 = QString(64, QLatin1Char('a'));
    leaf.subject = QStringLiteral("CN=gitlab.example.com");
    leaf.issuer = QStringLiteral("CN=Example Intermediate");
    leaf.notBefore = r.generatedAt.addDays(-10);
    leaf.notAfter = r.generatedAt.addDays(9);
    leaf.san = {QStringLiteral("gitlab.example.com")};
    leaf.pem = "-----BEGIN CERTIFICATE-----\n" + kPemBody + "\n-----END CERTIFICATE-----\n";
    r.certificates.append(leaf);
    CertificateInfo intermediate;
    intermediate.sha256 = QString(64, QLatin1Char('b'));
    intermediate.subject = QStringLiteral("CN=Example Intermediate");
    intermediate.issuer = kMissingIssuer;
    intermediate.notBefore = r.generatedAt.addDays(-100);
    intermediate.notAfter = r.generatedAt.addDays(900);
    r.certificates.append(intermediate);
    return r;
}

struct JunitCase
{
    QString classname;
    QString name;
    QString time;
    QStringList children; // element names, in order
    QString outcomeMessage;
    QString outcomeType;
    QString outcomeText;
    QString systemOut;
};

struct JunitSuite
{
    QXmlStreamAttributes attributes;
    QList<JunitCase> cases;
};

struct Junit
{
    QXmlStreamAttributes attributes;
    QList<JunitSuite> suites;
    QString error;
};

// Reads the document the way a CI parser does: any error, or an element in an unexpected place,
// is a failure.
Junit parseJunit(const QByteArray& xml)
{
    Junit out;
    QXmlStreamReader reader(xml);
    auto unexpected = [&reader, &out]() {
        out.error = QStringLiteral("unexpected <%1> at line %2")
                        .arg(reader.name().toString())
                        .arg(reader.lineNumber());
    };
    if (!reader.readNextStartElement() || reader.name() != QLatin1String("testsuites")) {
        out.error = QStringLiteral("no <testsuites> root");
        return out;
    }
    out.attributes = reader.attributes();
    while (out.error.isEmpty() && reader.readNextStartElement()) {
        if (reader.name() != QLatin1String("testsuite")) {
            unexpected();
            break;
        }
        JunitSuite suite;
        suite.attributes = reader.attributes();
        while (out.error.isEmpty() && reader.readNextStartElement()) {
            if (reader.name() != QLatin1String("testcase")) {
                unexpected();
                break;
            }
            JunitCase c;
            c.classname = reader.attributes().value(QLatin1String("classname")).toString();
            c.name = reader.attributes().value(QLatin1String("name")).toString();
            c.time = reader.attributes().value(QLatin1String("time")).toString();
            while (reader.readNextStartElement()) {
                const QString element = reader.name().toString();
                c.children.append(element);
                if (element == QLatin1String("system-out")) {
                    c.systemOut = reader.readElementText();
                } else {
                    c.outcomeMessage = reader.attributes().value(QLatin1String("message")).toString();
                    c.outcomeType = reader.attributes().value(QLatin1String("type")).toString();
                    c.outcomeText = reader.readElementText();
                }
            }
            suite.cases.append(c);
        }
        out.suites.append(suite);
    }
    if (reader.readNext() != QXmlStreamReader::EndDocument && !reader.hasError() && out.error.isEmpty())
        out.error = QStringLiteral("content after </testsuites>");
    if (reader.hasError())
        out.error = QStringLiteral("%1 at line %2").arg(reader.errorString()).arg(reader.lineNumber());
    return out;
}

// A JUnit time ("1.234" seconds) in milliseconds; -1 when it is not one.
qint64 milliseconds(QString time)
{
    static const QRegularExpression seconds(QStringLiteral("^\\d+\\.\\d{3}$"));
    if (!seconds.match(time).hasMatch())
        return -1;
    return time.remove(QLatin1Char('.')).toLongLong();
}

qint64 attributeMs(const QXmlStreamAttributes& attributes, const char* name)
{
    return milliseconds(attributes.value(QLatin1String(name)).toString());
}

int attributeInt(const QXmlStreamAttributes& attributes, const char* name)
{
    bool ok = false;
    const int value = attributes.value(QLatin1String(name)).toInt(&ok);
    return ok ? value : -1;
}

const JunitCase* junitCase(const Junit& junit, const QString& id)
{
    for (const JunitSuite& suite : junit.suites) {
        for (const JunitCase& c : suite.cases) {
            if (c.name == id)
                return &c;
        }
    }
    return nullptr;
}

// What XML makes of a string once the formatter has replaced what XML 1.0 cannot hold.
QString xmlSafe(const QString& text)
{
    QString out = text;
    out.replace(QChar(0x01), QChar(QChar::ReplacementCharacter))
        .replace(QChar(0x07), QChar(QChar::ReplacementCharacter));
    return out;
}

} // namespace

class TestFormatters final : public QObject
{
    Q_OBJECT

private slots:
    void junitIsWellFormed();
    void junitHasOneSuitePerCategory();
    void junitTimesAddUp_data();
    void junitTimesAddUp();
    void junitMapsStatuses_data();
    void junitMapsStatuses();
    void junitKeepsHostileTextAsText();
    void htmlIsSelfContained();
    void htmlLoadsNothing_data();
    void htmlLoadsNothing();
    void htmlUsesHttpOnlyInLinksAndText();
    void htmlEscapesHostileText();
    void htmlListsEveryCheckWithItsStatus_data();
    void htmlListsEveryCheckWithItsStatus();
    void findingHtmlShowsTheChain();
    void findingHtmlShowsTheTrustAnchor();
    void findingHtmlSections();
    void findingHtmlEvidenceIsReadable();
    void pemOnlyInCertificatesSection();
    void markdownEscape_data();
    void markdownEscape();
    void markdownKeepsParenthesesReadable();

private:
    const Report m_report = sampleReport();
};

void TestFormatters::junitIsWellFormed()
{
    const QByteArray xml = JunitFormatter::format(m_report);
    QVERIFY(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
    for (const char c : xml)
        QVERIFY2(uchar(c) >= 0x20 || c == '\n' || c == '\r' || c == '\t',
                 "a character XML 1.0 does not allow");
    const Junit junit = parseJunit(xml);
    QVERIFY2(junit.error.isEmpty(), qPrintable(junit.error));
    QCOMPARE(junit.attributes.value(QLatin1String("name")).toString(), QStringLiteral("gitlab-jira-doctor"));
    QCOMPARE(attributeInt(junit.attributes, "tests"), int(m_report.checks.size()));
    QCOMPARE(attributeInt(junit.attributes, "failures"), 1);
    QCOMPARE(attributeInt(junit.attributes, "errors"), 1);
    QCOMPARE(attributeInt(junit.attributes, "skipped"), 2);
    // The sum of the suites' times (8 checks of 40 ms, one of 45 ms), not the run's 812 ms.
    QCOMPARE(junit.attributes.value(QLatin1String("time")).toString(), QStringLiteral("0.365"));
}

void TestFormatters::junitHasOneSuitePerCategory()
{
    const Junit junit = parseJunit(JunitFormatter::format(m_report));
    QVERIFY2(junit.error.isEmpty(), qPrintable(junit.error));
    QStringList names;
    for (const JunitSuite& suite : junit.suites)
        names.append(suite.attributes.value(QLatin1String("name")).toString());
    // Catalogue order, categories without checks left out, unknown ones last.
    QCOMPARE(names,
             (QStringList{QStringLiteral("input"), QStringLiteral("network"), QStringLiteral("tls"),
                          QStringLiteral("gitlab"), QStringLiteral("platform"), QStringLiteral("custom")}));

    int total = 0;
    for (const JunitSuite& suite : junit.suites) {
        const QString name = suite.attributes.value(QLatin1String("name")).toString();
        int failures = 0, errors = 0, skipped = 0;
        qint64 ms = 0;
        QStringList ids;
        for (const Finding& f : m_report.checks) {
            if (f.category != name)
                continue;
            ids.append(f.id);
            failures += f.status == Status::Fail;
            errors += f.status == Status::Error;
            skipped += f.status == Status::Skip || f.status == Status::Manual;
            ms += f.durationMs;
        }
        QStringList caseIds;
        for (const JunitCase& c : suite.cases) {
            caseIds.append(c.name);
            QCOMPARE(c.classname, QStringLiteral("gitlab-jira-doctor.") + name);
        }
        QCOMPARE(caseIds, ids);
        QCOMPARE(attributeInt(suite.attributes, "tests"), int(ids.size()));
        QCOMPARE(attributeInt(suite.attributes, "failures"), failures);
        QCOMPARE(attributeInt(suite.attributes, "errors"), errors);
        QCOMPARE(attributeInt(suite.attributes, "skipped"), skipped);
        QCOMPARE(suite.attributes.value(QLatin1String("time")).toString(),
                 QString::number(ms / 1000.0, 'f', 3));
        QCOMPARE(suite.attributes.value(QLatin1String("timestamp")).toString(),
                 QStringLiteral("2026-11-24T15:04:05Z"));
        total += int(suite.cases.size());
    }
    QCOMPARE(total, int(m_report.checks.size()));
}

void TestFormatters::junitTimesAddUp_data()
{
    QTest::addColumn<qint64>("runMs");
    QTest::addColumn<qint64>("checkMs");
    // Checks run concurrently: each one's time is mostly the same wait, and their sum is far
    // more than the run's wall-clock time (the defect: a total below the sum of its suites).
    QTest::newRow("concurrent checks") << qint64(120) << qint64(900);
    QTest::newRow("run longer than its checks") << qint64(5000) << qint64(3);
    QTest::newRow("nothing measured") << qint64(0) << qint64(0);
    QTest::newRow("odd milliseconds") << qint64(7) << qint64(1001);
}

// CI tools add times up: the total is exactly the sum of the suites, and a suite's time exactly
// the sum of its cases.
void TestFormatters::junitTimesAddUp()
{
    QFETCH(qint64, runMs);
    QFETCH(qint64, checkMs);
    Report report = m_report;
    report.durationMs = runMs;
    for (Finding& f : report.checks)
        f.durationMs = checkMs;
    const Junit junit = parseJunit(JunitFormatter::format(report));
    QVERIFY2(junit.error.isEmpty(), qPrintable(junit.error));
    qint64 suites = 0;
    for (const JunitSuite& suite : junit.suites) {
        qint64 cases = 0;
        for (const JunitCase& c : suite.cases) {
            QVERIFY2(milliseconds(c.time) >= 0, qPrintable(c.time));
            cases += milliseconds(c.time);
        }
        const qint64 suiteMs = attributeMs(suite.attributes, "time");
        QVERIFY2(suiteMs >= 0, qPrintable(suite.attributes.value(QLatin1String("time")).toString()));
        QCOMPARE(suiteMs, cases);
        suites += suiteMs;
    }
    QCOMPARE(attributeMs(junit.attributes, "time"), suites);
    QCOMPARE(suites, checkMs * report.checks.size());
}

void TestFormatters::junitMapsStatuses_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QStringList>("children");
    QTest::addColumn<QString>("type");
    QTest::newRow("pass") << "input.url" << QStringList{"system-out"} << QString();
    QTest::newRow("info") << "dns.resolve" << QStringList{"system-out"} << QString();
    QTest::newRow("warn passes, its text in system-out")
        << "tls.validity" << QStringList{"system-out"} << QString();
    QTest::newRow("fail") << "tls.chain.complete" << QStringList{"failure"} << "fail";
    QTest::newRow("skip") << "tls.chain.anchor" << QStringList{"skipped"} << QString();
    QTest::newRow("error") << "gitlab.api" << QStringList{"error"} << "error";
    QTest::newRow("manual is skipped") << "manual.inbound" << QStringList{"skipped"} << QString();
}

void TestFormatters::junitMapsStatuses()
{
    QFETCH(QString, id);
    QFETCH(QStringList, children);
    QFETCH(QString, type);
    const Junit junit = parseJunit(JunitFormatter::format(m_report));
    QVERIFY2(junit.error.isEmpty(), qPrintable(junit.error));
    const JunitCase* c = junitCase(junit, id);
    QVERIFY(c);
    const Finding* f = m_report.find(id);
    QCOMPARE(c->children, children);
    QCOMPARE(c->outcomeType, type);
    QVERIFY(QRegularExpression(QStringLiteral("^\\d+\\.\\d{3}$")).match(c->time).hasMatch());
    QCOMPARE(c->time, QString::number(f->durationMs / 1000.0, 'f', 3));
    if (children.first() == QLatin1String("system-out")) {
        QVERIFY2(c->systemOut.contains(xmlSafe(f->summary)), qPrintable(c->systemOut));
        if (!f->remedy.isEmpty())
            QVERIFY2(c->systemOut.contains(f->remedy), qPrintable(c->systemOut));
    } else {
        // The message attribute is one line; the element's text (GitLab's details) the whole.
        QCOMPARE(c->outcomeMessage, xmlSafe(f->summary));
        QVERIFY(c->outcomeText.startsWith(xmlSafe(f->summary)));
        if (!f->remedy.isEmpty())
            QVERIFY2(c->outcomeText.contains(xmlSafe(f->remedy)), qPrintable(c->outcomeText));
    }
}

void TestFormatters::junitKeepsHostileTextAsText()
{
    const QByteArray xml = JunitFormatter::format(m_report);
    QVERIFY(!xml.contains("<script>"));
    const Junit junit = parseJunit(xml);
    QVERIFY2(junit.error.isEmpty(), qPrintable(junit.error));
    const JunitCase* c = junitCase(junit, QStringLiteral("tls.chain.complete"));
    QVERIFY(c);
    const QString hostile = xmlSafe(kHostile);
    QVERIFY(hostile.contains(QStringLiteral("]]>")));
    QCOMPARE(c->outcomeMessage, hostile);
    QVERIFY(c->outcomeText.contains(QStringLiteral("details ") + hostile));
    QVERIFY(c->outcomeText.contains(QStringLiteral("remedy ") + hostile));
    QVERIFY(c->outcomeText.contains(explains::failedToUpdateInstance));
    const JunitCase* future = junitCase(junit, QStringLiteral("custom.future"));
    QVERIFY(future);
    QCOMPARE(future->systemOut, hostile);
}

void TestFormatters::htmlIsSelfContained()
{
    const QString html = HtmlFormatter::format(m_report);
    QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>\n")));
    QVERIFY(html.contains(QStringLiteral("<html lang=\"%1\">").arg(QLocale().bcp47Name())));
    QVERIFY(html.contains(QStringLiteral("<meta charset=\"utf-8\">")));
    QVERIFY(html.contains(QStringLiteral("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
                                         "'none'; style-src 'unsafe-inline'\">")));
    // The policy must be in <head> to apply.
    QVERIFY(html.indexOf(QStringLiteral("Content-Security-Policy")) <
            html.indexOf(QStringLiteral("</head>")));
    QCOMPARE(html.count(QStringLiteral("<style>")), 1);
    QVERIFY(html.trimmed().endsWith(QStringLiteral("</html>")));
    QVERIFY(
        html.contains(QStringLiteral("GitLab for Jira Cloud app diagnostics: https://gitlab.example.com")));
    QVERIFY(html.contains(QStringLiteral("https://jira-proxy.example.com")));
    QVERIFY(html.contains(QStringLiteral("2026-11-24T15:04:05Z")));
    QVERIFY(html.contains(QStringLiteral("Debian GNU/Linux 12")));
    QVERIFY(html.contains(QStringLiteral("<code>proxy</code>")));
    // Verdict fail, and the counts.
    QVERIFY(
        html.contains(QStringLiteral("<span class=\"badge s-fail\">✗&nbsp;fail</span> — pass: 3, info: 1, "
                                     "warn: 1, fail: 1, skip: 1, manual: 1, error: 1")));
}

void TestFormatters::htmlLoadsNothing_data()
{
    QTest::addColumn<QString>("token");
    for (const char* token :
         {"src=", "srcset", "<link", "url(", "@import", "<script", "<iframe", "<object", "<embed", "<base",
          "<img", "<svg", "@font-face", "<form", "<meta http-equiv=\"refresh"})
        QTest::newRow(token) << QString::fromLatin1(token);
}

void TestFormatters::htmlLoadsNothing()
{
    QFETCH(QString, token);
    QVERIFY(!HtmlFormatter::format(m_report).contains(token, Qt::CaseInsensitive));
}

void TestFormatters::htmlUsesHttpOnlyInLinksAndText()
{
    QString html = HtmlFormatter::format(m_report);
    // "http-equiv" is not an address; a scheme or a network-path reference is.
    const QRegularExpression address(QStringLiteral("https?:|//"), QRegularExpression::CaseInsensitiveOption);
    const qsizetype styleStart = html.indexOf(QStringLiteral("<style>"));
    const qsizetype styleEnd = html.indexOf(QStringLiteral("</style>"));
    QVERIFY(styleStart > 0 && styleEnd > styleStart);
    QVERIFY(!html.mid(styleStart, styleEnd - styleStart).contains(address));
    html.remove(styleStart, styleEnd - styleStart);

    const QRegularExpression link(QStringLiteral("<a href=\"https://[^\"<>\\s]*\">"));
    QVERIFY(link.match(html).hasMatch());
    html.replace(link, QStringLiteral("<a>"));
    // What is left inside tags (attributes) must not name any address.
    const QRegularExpression tag(QStringLiteral("<[^>]*>"));
    for (auto it = tag.globalMatch(html); it.hasNext();) {
        const QString t = it.next().captured();
        QVERIFY2(!t.contains(address), qPrintable(t));
        QVERIFY2(!t.contains(QLatin1String("href"), Qt::CaseInsensitive), qPrintable(t));
    }
}

void TestFormatters::htmlEscapesHostileText()
{
    const QString html = HtmlFormatter::format(m_report);
    QVERIFY(!html.contains(QStringLiteral("<script"), Qt::CaseInsensitive));
    QVERIFY(html.contains(QStringLiteral("&lt;script&gt;alert(1)&lt;/script&gt; &quot;&amp;' ]]&gt; %1%2 ")));
    QVERIFY(!html.contains(QChar(0x01)));
    QVERIFY(!html.contains(QChar(0x07)));
    QVERIFY(html.contains(QChar(QChar::ReplacementCharacter)));
    // Not a link: only https is.
    QVERIFY(!html.contains(QStringLiteral("href=\"javascript")));
    QVERIFY(!html.contains(QStringLiteral("href=\"http:")));
    QVERIFY(html.contains(QStringLiteral("<li>javascript:alert(3)</li>")));
}

void TestFormatters::htmlListsEveryCheckWithItsStatus_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("open");
    for (const Finding& f : m_report.checks)
        QTest::newRow(qPrintable(f.id))
            << f.id << (f.status == Status::Warn || f.status == Status::Fail || f.status == Status::Error);
}

void TestFormatters::htmlListsEveryCheckWithItsStatus()
{
    QFETCH(QString, id);
    QFETCH(bool, open);
    const QString html = HtmlFormatter::format(m_report);
    const Finding* f = m_report.find(id);
    QVERIFY(f);
    const QRegularExpression check(
        QStringLiteral(
            "<details class=\"check s-(\\w+)\" id=\"check-%1\"( open)?>\\s*<summary>(.*?)</summary>")
            .arg(QRegularExpression::escape(id)),
        QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch m = check.match(html);
    QVERIFY2(m.hasMatch(), qPrintable(id));
    QCOMPARE(m.captured(1), statusId(f->status));
    QCOMPARE(!m.captured(2).isEmpty(), open);
    // The status is written out, not only coloured.
    QVERIFY2(m.captured(3).contains(
                 QStringLiteral(">%1&nbsp;%2</span>")
                     .arg(TextFormatter::mark(f->status), TextFormatter::statusTitle(f->status))),
             qPrintable(m.captured(3)));
    QVERIFY(m.captured(3).contains(QStringLiteral("<code>%1</code>").arg(id)));
    QCOMPARE(html.count(QStringLiteral("id=\"check-%1\"").arg(id)), 1);
    QCOMPARE(html.count(QStringLiteral("<details")), html.count(QStringLiteral("</details>")));
    QCOMPARE(html.count(QStringLiteral("<details")), int(m_report.checks.size()));
}

void TestFormatters::findingHtmlShowsTheChain()
{
    const QString html =
        HtmlFormatter::findingHtml(*m_report.find(QStringLiteral("tls.chain.complete")), m_report);
    QVERIFY(html.startsWith(QStringLiteral("<h3>Certificate chain is complete</h3>")));
    QVERIFY(html.contains(QStringLiteral("<h4>Certificate chain</h4>")));
    const qsizetype missing = html.indexOf(QStringLiteral(
        "<span style=\"color:#c01c28\"><b>missing: CN=Hostile &lt;Root&gt; &amp; Co (the server "
        "does not send it)</b></span>"));
    const qsizetype intermediate = html.indexOf(QStringLiteral("└&nbsp;CN=Example Intermediate <small>"));
    const qsizetype leaf =
        html.indexOf(QStringLiteral("└&nbsp;CN=gitlab.example.com <small>(2026-11-14 – 2026-12-03)"));
    QVERIFY(missing > 0);
    QVERIFY(intermediate > missing);
    QVERIFY(leaf > intermediate);

    // Every TLS check shows the chain; other checks do not.
    QVERIFY(HtmlFormatter::findingHtml(*m_report.find(QStringLiteral("tls.validity")), m_report)
                .contains(QStringLiteral("missing: CN=Hostile")));
    QVERIFY(!HtmlFormatter::findingHtml(*m_report.find(QStringLiteral("gitlab.api")), m_report)
                 .contains(QStringLiteral("<h4>Certificate chain</h4>")));
}

void TestFormatters::findingHtmlShowsTheTrustAnchor()
{
    Report r = m_report;
    for (Finding& f : r.checks) {
        if (f.id == QLatin1String("tls.chain.complete")) {
            f.status = Status::Pass;
            f.evidence = QJsonObject{{QStringLiteral("anchor"), QStringLiteral("CN=Example Root")}};
        }
    }
    const QString html = HtmlFormatter::findingHtml(*r.find(QStringLiteral("tls.chain.complete")), r);
    QVERIFY(!html.contains(QStringLiteral("missing:")));
    QVERIFY(html.contains(QStringLiteral("\">CN=Example Root (trust store)</div>")));

    r.certificates.clear();
    QVERIFY(!HtmlFormatter::findingHtml(*r.find(QStringLiteral("tls.chain.complete")), r)
                 .contains(QStringLiteral("<h4>Certificate chain</h4>")));
}

void TestFormatters::findingHtmlSections()
{
    const QString html =
        HtmlFormatter::findingHtml(*m_report.find(QStringLiteral("tls.chain.complete")), m_report);
    QVERIFY(html.contains(QStringLiteral("<p><code>tls.chain.complete</code></p>")));
    QVERIFY(html.contains(QStringLiteral("<p><b>fail</b> — &lt;script&gt;")));
    QVERIFY(html.contains(QStringLiteral("<p>details &lt;script&gt;")));
    QVERIFY(html.contains(QStringLiteral("<h4>How to fix</h4><p>remedy &lt;script&gt;")));
    QVERIFY(html.contains(QStringLiteral("<h4>Explains these errors</h4><ul><li>“Failed to update the GitLab "
                                         "instance”</li>")));
    QVERIFY(html.contains(QStringLiteral("<h4>What was probed</h4>")));
    QVERIFY(html.contains(QStringLiteral("<code>missing_issuer</code>")));
    // Evidence as readable lines, not raw JSON (which a viewer can only wrap mid-word).
    QVERIFY2(html.contains(QStringLiteral("<td>sha256:00</td>")), qPrintable(html));
    QVERIFY(!html.contains(QStringLiteral("[&quot;")));
    QVERIFY(!html.contains(QStringLiteral("leaf_pem")));
    QVERIFY(html.contains(QStringLiteral("<p>Needs: tls.handshake</p>")));
    QVERIFY(html.contains(QStringLiteral("<h4>Documentation</h4>")));
    QVERIFY(html.contains(QStringLiteral("<li><a href=\"https://docs.gitlab.com/omnibus/settings/ssl/"
                                         "%22%3E%3Cscript%3Ealert(2)%3C/script%3E\">")));
    QVERIFY(html.contains(QStringLiteral("<li>javascript:alert(3)</li>")));
    QVERIFY(html.contains(QStringLiteral("<li>http://insecure.example/</li>")));

    // Unknown checks: the finding's own title, else the id.
    Finding unknown = *m_report.find(QStringLiteral("custom.future"));
    QVERIFY(HtmlFormatter::findingHtml(unknown, m_report).startsWith(QStringLiteral("<h3>&lt;script&gt;")));
    unknown.title.clear();
    QVERIFY(
        HtmlFormatter::findingHtml(unknown, m_report).startsWith(QStringLiteral("<h3>custom.future</h3>")));

    // Empty sections are left out.
    const QString pass =
        HtmlFormatter::findingHtml(*m_report.find(QStringLiteral("tls.handshake")), m_report);
    QVERIFY(!pass.contains(QStringLiteral("How to fix")));
    QVERIFY(!pass.contains(QStringLiteral("Explains these errors")));
    QVERIFY(!pass.contains(QStringLiteral("What was probed")));
    QVERIFY(!pass.contains(QStringLiteral("Documentation")));
}

void TestFormatters::findingHtmlEvidenceIsReadable()
{
    Finding f = *m_report.find(QStringLiteral("gitlab.api"));
    f.evidence = QJsonObject{
        {QStringLiteral("url"), QStringLiteral("https://gitlab.example.com/api/v4/version")},
        {QStringLiteral("headers"), QJsonObject{{QStringLiteral("server"), QStringLiteral("nginx")},
                                                {QStringLiteral("x-runtime"), 0.5}}},
        {QStringLiteral("attempts"),
         QJsonArray{QJsonObject{{QStringLiteral("address"), QStringLiteral("192.0.2.1")},
                                {QStringLiteral("connected"), true}},
                    QJsonObject{{QStringLiteral("nested"), QJsonArray{1, 2}}}}},
        {QStringLiteral("empty"), QJsonObject{}}};
    const QString html = HtmlFormatter::findingHtml(f, m_report);
    // One key/value line each, nested ones indented; never the compact JSON.
    QVERIFY2(html.contains(QStringLiteral("<td>https://gitlab.example.com/api/v4/version</td>")),
             qPrintable(html));
    QVERIFY2(html.contains(QStringLiteral("<td>server: nginx<br>x-runtime: 0.5</td>")), qPrintable(html));
    QVERIFY2(html.contains(
                 QStringLiteral("<td>• address: 192.0.2.1, connected: true<br>•<br>&nbsp;&nbsp;&nbsp;nested:"
                                "<br>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;1<br>"
                                "&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;2</td>")),
             qPrintable(html));
    QVERIFY(html.contains(QStringLiteral("<td>{}</td>")));
    QVERIFY(!html.contains(QStringLiteral("{&quot;")));
}

void TestFormatters::pemOnlyInCertificatesSection()
{
    const QString html = HtmlFormatter::format(m_report);
    const QString body = QString::fromLatin1(kPemBody);
    QCOMPARE(html.count(body), 1);
    const qsizetype section = html.indexOf(QStringLiteral("<section id=\"certificates\">"));
    QVERIFY(section > 0);
    QVERIFY(html.indexOf(QStringLiteral("<pre>-----BEGIN CERTIFICATE-----\n") + body) > section);
    // Only the leaf has a PEM.
    QCOMPARE(html.count(QStringLiteral("<pre>")), 1);
    for (const CertificateInfo& c : m_report.certificates) {
        QVERIFY(html.indexOf(QStringLiteral("<code>%1</code>").arg(c.sha256), section) > section);
        QVERIFY(html.indexOf(c.subject, section) > section);
    }
    QVERIFY(html.indexOf(QStringLiteral("gitlab.example.com"), section) > section);
    for (const Finding& f : m_report.checks)
        QVERIFY(!HtmlFormatter::findingHtml(f, m_report).contains(body));
}

void TestFormatters::markdownEscape_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("escaped");

    // Parentheses are text: no link can form once "[" and "]" are escaped.
    QTest::newRow("parentheses") << "Port 443 (HTTPS) is open (from here)."
                                 << "Port 443 (HTTPS) is open (from here).";
    QTest::newRow("a would-be link") << "[click](https://evil.example)"
                                     << "\\[click\\](https://evil.example)";
    QTest::newRow("an image") << "![x](y)"
                              << "\\!\\[x\\](y)";
    QTest::newRow("emphasis, code, HTML") << "*a* _b_ `c` <b>"
                                          << "\\*a\\* \\_b\\_ \\`c\\` \\<b\\>";
    QTest::newRow("table pipe and heading") << "# a | b"
                                            << "\\# a \\| b";
    // At the start, "1)" or "1." and a space would begin an ordered list.
    QTest::newRow("list marker with parenthesis") << "1) first"
                                                  << "1\\) first";
    QTest::newRow("list marker with dot") << "12. twelfth"
                                          << "12\\. twelfth";
    QTest::newRow("marker alone") << "3)"
                                  << "3\\)";
    QTest::newRow("not a marker: no space") << "1)x and 1.2.3"
                                            << "1)x and 1.2.3";
    QTest::newRow("not a marker: not at the start") << "see 1) above"
                                                    << "see 1) above";
    QTest::newRow("not a marker: ten digits") << "1234567890) x"
                                              << "1234567890) x";
    QTest::newRow("line breaks become spaces") << "a\nb\r\nc"
                                               << "a b  c";
}

void TestFormatters::markdownEscape()
{
    QFETCH(QString, text);
    QFETCH(QString, escaped);
    QCOMPARE(MarkdownFormatter::escape(text), escaped);
}

void TestFormatters::markdownKeepsParenthesesReadable()
{
    Report r = gjd::test::reportHeader(QStringLiteral("https://gitlab.example.com"));
    r.checks.append(finding(QStringLiteral("tls.chain.complete"), Status::Fail,
                            QStringLiteral("The chain is incomplete (missing: the intermediate).")));
    r.checks.last().remedy = QStringLiteral("Serve the full chain (leaf, then intermediates).");
    const QString markdown = MarkdownFormatter::format(r);
    QVERIFY2(markdown.contains(QLatin1String("The chain is incomplete (missing: the intermediate).")),
             qPrintable(markdown));
    QVERIFY2(markdown.contains(QLatin1String("Serve the full chain (leaf, then intermediates).")),
             qPrintable(markdown));
    QVERIFY2(!markdown.contains(QLatin1String("\\(")) && !markdown.contains(QLatin1String("\\)")),
             qPrintable(markdown));
}

QTEST_GUILESS_MAIN(TestFormatters)
#include "tst_formatters.moc"
