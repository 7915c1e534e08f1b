// SPDX-License-Identifier: GPL-3.0-or-later
//
// Troubleshooting exports made by the real CLI against the fake GitLab and the fake Jira Cloud
// site behind a real nginx with TLS: `check --export`, then `show` and `diff` on what it wrote.
//
//   round trip     check → export → show: the same findings, the same exit code, a report.json
//                  that validates against the schema, a report.html that loads nothing
//   redaction      tokens planted in the environment, identities of the test setup: searched in
//                  every file inside the ZIP (unpacked here, not by the CLI) at both levels
//   diff           a broken chain exported, fixed, exported again: "fixed" one way, "worse" the
//                  other, in text and JSON (validated against docs/diff.schema.json)
//   hostile        exports with "../" and absolute paths, symlinks, bombs: `show` exits 2 with one
//                  line, and nothing appears in the folder it ran in, its HOME or its TMPDIR

#include "clitest.h"
#include "fakegitlab.h"
#include "fakejira.h"
#include "nginxserver.h"
#include "schemacheck.h"
#include "testpki.h"
#include "zipwriter.h"

#include <QBuffer>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <quazip/quazip.h>
#include <quazip/quazipfile.h>

#include <cstdio>
#include <memory>

namespace gjd {

namespace {

const QString kHost = QStringLiteral("gitlab.test");
const QString kToken = QStringLiteral("glpat-PLANTED-exp0rt-TOKEN-0001");
const QString kJiraToken = QStringLiteral("ATATT-PLANTED-exp0rt-j1ra-0002");
const QString kJiraEmail = QStringLiteral("admin@acme.example");

QString proxyTo(quint16 upstreamPort)
{
    return QStringLiteral("proxy_pass http://127.0.0.1:%1; proxy_set_header Host %2:$server_port; "
                          "proxy_set_header X-Forwarded-Proto https;")
        .arg(upstreamPort)
        .arg(kHost);
}

// Every file of a ZIP, unpacked in memory.
QHash<QString, QByteArray> unzip(const QString& path)
{
    QHash<QString, QByteArray> files;
    QuaZip zip(path);
    if (!zip.open(QuaZip::mdUnzip))
        return files;
    for (bool more = zip.goToFirstFile(); more; more = zip.goToNextFile()) {
        QuaZipFile f(&zip);
        if (f.open(QIODevice::ReadOnly))
            files.insert(f.getActualFileName(), f.readAll());
    }
    return files;
}

// Every file under the given folders, with its size: what a command might have written.
QStringList listing(const QStringList& roots)
{
    QStringList out;
    for (const QString& root : roots) {
        QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            out.append(QStringLiteral("%1 %2").arg(path).arg(QFileInfo(path).size()));
        }
    }
    out.sort();
    return out;
}

} // namespace

class ExportScenarios final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void roundTrip();
    void formats();
    void plantedSecretsAtBothLevels_data();
    void plantedSecretsAtBothLevels();
    void identitiesBecomePseudonyms();
    void diffOfAFailingThenFixedInstance();
    void hostileExportsAreRefused_data();
    void hostileExportsAreRefused();
    void badInput_data();
    void badInput();

private:
    QString url(const QString& site = QStringLiteral("gitlab")) const;
    QStringList checkArgs(const QString& site = QStringLiteral("gitlab")) const;
    QStringList jiraArgs() const;
    test::CliRun cli(const QStringList& arguments) const;

    std::unique_ptr<test::FakeGitLab> m_gitlab;
    std::unique_ptr<test::FakeJira> m_jira;
    std::unique_ptr<test::NginxServer> m_nginx;
    QString m_accountId;
    QTemporaryDir m_dir;
};

void ExportScenarios::initTestCase()
{
    QVERIFY2(!test::pkiDir().isEmpty(), "run through ctest (fixture pki)");
    QVERIFY(m_dir.isValid());
    m_gitlab = std::make_unique<test::FakeGitLab>();
    QVERIFY(m_gitlab->listen());
    m_jira = std::make_unique<test::FakeJira>();
    QVERIFY(m_jira->listen());
    QList<test::NginxSite> sites;
    for (const QString& name : {QStringLiteral("gitlab"), QStringLiteral("leaf-only")}) {
        const QString bundle = name == QLatin1String("gitlab") ? QStringLiteral("full") : name;
        test::NginxSite site = test::NginxSite::tls(name, test::pki(bundle + QStringLiteral(".pem")),
                                                    test::pki(bundle + QStringLiteral(".key")));
        site.rootLocation = proxyTo(m_gitlab->port());
        sites.append(site);
    }
    test::NginxSite jira = test::NginxSite::tls(QStringLiteral("jira"), test::pki(QStringLiteral("full.pem")),
                                                test::pki(QStringLiteral("full.key")));
    jira.rootLocation =
        QStringLiteral("proxy_pass http://127.0.0.1:%1; proxy_set_header Host $host;").arg(m_jira->port());
    sites.append(jira);
    m_nginx = std::make_unique<test::NginxServer>(sites);
    QVERIFY2(m_nginx->start(), qPrintable(m_nginx->errorString()));

    test::FakeJiraAccount account;
    account.apiToken = kJiraToken;
    account.displayName = QStringLiteral("Ada Lovelace");
    account.groups.append({QStringLiteral("site-admins"), QStringLiteral("id-site-admins")});
    account.globalPermissions = {QStringLiteral("USER_PICKER")};
    m_accountId = m_jira->addAccount(kJiraEmail, account).accountId;
    QVERIFY(!m_accountId.isEmpty());
    qputenv("GITLAB_TOKEN", kToken.toUtf8());
    qputenv("JIRA_API_TOKEN", kJiraToken.toUtf8());
}

// A configured Marketplace instance whose external_url is the URL the CLI uses.
void ExportScenarios::init()
{
    m_gitlab->clearFailures();
    m_gitlab->state() = test::FakeGitLabState{};
    m_gitlab->state().settings = test::FakeGitLabState::defaultSettings();
    m_gitlab->state().externalUrl = QUrl(url());
    m_gitlab->addAdminToken(kToken, {QStringLiteral("api")});
}

QString ExportScenarios::url(const QString& site) const
{
    return QStringLiteral("https://%1:%2").arg(kHost).arg(m_nginx->port(site));
}

QStringList ExportScenarios::checkArgs(const QString& site) const
{
    return {QStringLiteral("check"),
            url(site),
            QStringLiteral("--resolve"),
            QStringLiteral("%1:%2:127.0.0.1").arg(kHost).arg(m_nginx->port(site)),
            QStringLiteral("--trust-store"),
            test::pki(QStringLiteral("trust.pem")),
            QStringLiteral("--ca-file"),
            test::pki(QStringLiteral("root.pem")),
            QStringLiteral("--method"),
            QStringLiteral("marketplace")};
}

QStringList ExportScenarios::jiraArgs() const
{
    return {QStringLiteral("--jira-site"),
            QStringLiteral("https://%1:%2").arg(kHost).arg(m_nginx->port(QStringLiteral("jira"))),
            QStringLiteral("--jira-email"),
            kJiraEmail,
            QStringLiteral("--resolve"),
            QStringLiteral("%1:%2:127.0.0.1").arg(kHost).arg(m_nginx->port(QStringLiteral("jira"))),
            QStringLiteral("--ca-file"),
            test::pki(QStringLiteral("root.pem"))};
}

// The CLI with this process's environment: the planted tokens (initTestCase).
test::CliRun ExportScenarios::cli(const QStringList& arguments) const
{
    return test::runCli(arguments, std::nullopt, 60000);
}

void ExportScenarios::roundTrip()
{
    const QString zip = m_dir.filePath(QStringLiteral("roundtrip.zip"));
    const QString json = m_dir.filePath(QStringLiteral("roundtrip.json"));
    const test::CliRun check =
        cli(checkArgs() + jiraArgs() +
            QStringList{QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--output"), json,
                        QStringLiteral("--export"), zip});
    QVERIFY2(check.finished && (check.exitCode == 0 || check.exitCode == 1), qPrintable(check.describe()));

    const test::CliRun show =
        cli({QStringLiteral("show"), zip, QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY2(show.finished, qPrintable(show.describe()));
    QCOMPARE(show.exitCode, check.exitCode); // exits as check did
    QFile file(json);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject original = QJsonDocument::fromJson(file.readAll()).object();
    const QJsonObject shown = QJsonDocument::fromJson(show.out).object();
    QCOMPARE(shown.value(QStringLiteral("checks")), original.value(QStringLiteral("checks")));
    QCOMPARE(shown.value(QStringLiteral("certificates")), original.value(QStringLiteral("certificates")));
    QCOMPARE(shown.value(QStringLiteral("summary")), original.value(QStringLiteral("summary")));
    QVERIFY2(original.value(QStringLiteral("summary")).toObject().value(QStringLiteral("pass")).toInt() > 20,
             show.out.left(2000).constData());

    // Every file as the manifest lists it; the report validates; the HTML loads nothing.
    const QHash<QString, QByteArray> files = unzip(zip);
    const QJsonObject manifest =
        QJsonDocument::fromJson(files.value(QStringLiteral("manifest.json"))).object();
    const QJsonArray listed = manifest.value(QStringLiteral("files")).toArray();
    QCOMPARE(listed.size() + 1, files.size());
    QVERIFY(files.contains(QStringLiteral("http/api.settings.txt")));
    QVERIFY(files.contains(QStringLiteral("http/jira.myself.txt")));
    QCOMPARE(QStringList(files.keys()).filter(QStringLiteral("certificates/")).size(),
             2); // leaf + intermediate
    const QString errors =
        test::schemaErrors(QStringLiteral("report.schema.json"), files.value(QStringLiteral("report.json")));
    QVERIFY2(errors.isEmpty(), qPrintable(errors));
    const QByteArray html = files.value(QStringLiteral("report.html"));
    for (const char* loads : {"src=", "<link", "url(", "@import", "<script", "<iframe", "<object", "<embed"})
        QVERIFY2(!html.contains(loads), loads);
    QVERIFY(html.contains("tls.chain.complete"));
    QVERIFY(files.value(QStringLiteral("report.md")).contains("| `tls.chain.complete` |"));
    // The transcripts are the exchanges themselves.
    QVERIFY(
        files.value(QStringLiteral("http/api.settings.txt")).contains("GET /api/v4/application/settings"));

    // The text of show names the export, then reads as check's.
    const test::CliRun text = cli({QStringLiteral("show"), zip});
    QVERIFY(text.out.startsWith("Troubleshooting export made "));
    QVERIFY(text.out.contains("redaction: secrets"));
    QVERIFY(text.out.contains("tls.chain.complete"));
    // A bare report.json shows too.
    const test::CliRun bare = cli({QStringLiteral("show"), json});
    QCOMPARE(bare.exitCode, check.exitCode);
    QVERIFY(bare.out.contains("Verdict:"));
}

void ExportScenarios::formats()
{
    const test::CliRun junit =
        cli(checkArgs() + QStringList{QStringLiteral("--format"), QStringLiteral("junit")});
    QVERIFY2(junit.finished, qPrintable(junit.describe()));
    QXmlStreamReader xml(junit.out);
    int suites = 0;
    int cases = 0;
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement) {
            suites += xml.name() == QLatin1String("testsuite");
            cases += xml.name() == QLatin1String("testcase");
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QCOMPARE(suites, 8); // one per category
    QVERIFY(cases >= 40);
    const test::CliRun markdown =
        cli(checkArgs() + QStringList{QStringLiteral("--format"), QStringLiteral("markdown")});
    QVERIFY(markdown.out.startsWith("### "));
    const test::CliRun html =
        cli(checkArgs() + QStringList{QStringLiteral("--format"), QStringLiteral("html")});
    QVERIFY(html.out.startsWith("<!DOCTYPE html>"));
    QCOMPARE(markdown.exitCode, junit.exitCode);
    QCOMPARE(html.exitCode, junit.exitCode);
}

void ExportScenarios::plantedSecretsAtBothLevels_data()
{
    QTest::addColumn<QString>("level");
    QTest::newRow("secrets") << "secrets";
    QTest::newRow("identities") << "identities";
}

void ExportScenarios::plantedSecretsAtBothLevels()
{
    QFETCH(QString, level);
    // An OAuth application whose secret GitLab returns, and a session cookie on every answer.
    test::FakeGitLabApplication app;
    app.name = QStringLiteral("GitLab for Jira Cloud app");
    app.redirectUri = QStringLiteral("https://gitlab.com/-/jira_connect/oauth_callbacks");
    app.scopes = QStringLiteral("api");
    const QString secret = m_gitlab->addApplication(app).secret;
    QVERIFY(!secret.isEmpty());
    const QString zip = m_dir.filePath(QStringLiteral("planted-%1.zip").arg(level));
    const test::CliRun check =
        cli(checkArgs() + jiraArgs() +
            QStringList{QStringLiteral("--export"), zip, QStringLiteral("--redact"), level});
    QVERIFY2(check.finished && check.exitCode <= 1, qPrintable(check.describe()));
    const QHash<QString, QByteArray> files = unzip(zip);
    QVERIFY(files.size() > 10);
    const QByteArray basic = QByteArray(kJiraEmail.toUtf8() + ':' + kJiraToken.toUtf8()).toBase64();
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        for (const QByteArray& planted : {kToken.toUtf8(), kJiraToken.toUtf8(), basic, secret.toUtf8()})
            QVERIFY2(!it.value().contains(planted),
                     qPrintable(QStringLiteral("a secret in %1").arg(it.key())));
    }
    QVERIFY(files.value(QStringLiteral("http/api.user.txt")).contains("PRIVATE-TOKEN: [REDACTED]"));
    QVERIFY(files.value(QStringLiteral("http/jira.myself.txt")).contains("Authorization: [REDACTED]"));
    QVERIFY(!check.out.contains(kToken.toUtf8()) && !check.err.contains(kToken.toUtf8()));
}

void ExportScenarios::identitiesBecomePseudonyms()
{
    const QString zip = m_dir.filePath(QStringLiteral("identities.zip"));
    const test::CliRun check = cli(checkArgs() + jiraArgs() +
                                   QStringList{QStringLiteral("--export"), zip, QStringLiteral("--redact"),
                                               QStringLiteral("identities")});
    QVERIFY2(check.finished && check.exitCode <= 1, qPrintable(check.describe()));
    const QHash<QString, QByteArray> files = unzip(zip);
    QVERIFY(files.size() > 5);
    // The test setup's identities: its host, the Jira user's email, account id and name, the
    // fake GitLab's administrator ("root" as a value), the test CA's organisation.
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        const QString text = QString::fromUtf8(it.value());
        for (const QString& identity : {kHost, kJiraEmail, m_accountId, QStringLiteral("Ada Lovelace"),
                                        QStringLiteral("\"root\""), QStringLiteral("GJD Test")})
            QVERIFY2(
                !text.contains(identity, Qt::CaseInsensitive),
                qPrintable(QStringLiteral("%1 in %2: %3")
                               .arg(identity, it.key(),
                                    text.mid(text.indexOf(identity, 0, Qt::CaseInsensitive) - 150, 300))));
        QVERIFY2(!text.contains(QLatin1String("BEGIN CERTIFICATE")), qPrintable(it.key()));
        QVERIFY2(!it.key().startsWith(QLatin1String("certificates/")), qPrintable(it.key()));
    }
    const QJsonObject report = QJsonDocument::fromJson(files.value(QStringLiteral("report.json"))).object();
    QVERIFY(report.value(QStringLiteral("target"))
                .toObject()
                .value(QStringLiteral("url"))
                .toString()
                .startsWith(QLatin1String("https://host-1:")));
    const QString errors =
        test::schemaErrors(QStringLiteral("report.schema.json"), files.value(QStringLiteral("report.json")));
    QVERIFY2(errors.isEmpty(), qPrintable(errors));
    QVERIFY(files.value(QStringLiteral("http/api.user.txt")).contains("Host: host-1:"));
    QVERIFY(files.value(QStringLiteral("manifest.json")).contains("\"pem\": false"));
    // It opens again, and says what it is.
    const test::CliRun show = cli({QStringLiteral("show"), zip});
    QCOMPARE(show.exitCode, check.exitCode);
    QVERIFY(show.out.contains("redaction: identities"));
}

void ExportScenarios::diffOfAFailingThenFixedInstance()
{
    // The same instance, first serving only its leaf, then the full chain.
    const QString broken = m_dir.filePath(QStringLiteral("broken.zip"));
    const QString fixed = m_dir.filePath(QStringLiteral("fixed.zip"));
    m_gitlab->state().externalUrl = QUrl(url(QStringLiteral("leaf-only")));
    test::CliRun run =
        cli(checkArgs(QStringLiteral("leaf-only")) + QStringList{QStringLiteral("--export"), broken});
    QCOMPARE(run.exitCode, 1);
    // Fixed: the full chain, and set up for the Marketplace app while at it.
    m_gitlab->state().externalUrl = QUrl(url());
    test::FakeGitLabApplication app;
    app.name = QStringLiteral("GitLab for Jira Cloud app");
    app.redirectUri = QStringLiteral("https://gitlab.com/-/jira_connect/oauth_callbacks");
    app.scopes = QStringLiteral("api");
    app.confidential = false;
    m_gitlab->setSetting(QStringLiteral("jira_connect_application_key"), m_gitlab->addApplication(app).uid);
    m_gitlab->setSetting(QStringLiteral("jira_connect_proxy_url"), QStringLiteral("https://gitlab.com"));
    run = cli(checkArgs() + QStringList{QStringLiteral("--export"), fixed});
    QVERIFY2(run.finished, qPrintable(run.describe()));

    const test::CliRun forward = cli({QStringLiteral("diff"), broken, fixed});
    // GJD_SHOW_OUTPUT=1: what support staff see, for the docs and for debugging.
    if (qEnvironmentVariableIsSet("GJD_SHOW_OUTPUT"))
        std::fprintf(stderr, "$ gitlab-jira-doctor-cli diff broken.zip fixed.zip\n%s(exit %d)\n",
                     forward.out.constData(), forward.exitCode);
    QCOMPARE(forward.exitCode, 0); // nothing got worse
    const QString text = QString::fromUtf8(forward.out);
    QVERIFY2(
        text.contains(QRegularExpression(QStringLiteral("Fixed[^\\n]*\\n(.*\\n)*.*tls\\.chain\\.complete"))),
        qPrintable(text));
    QVERIFY2(!text.contains(QLatin1String("New failures")), qPrintable(text));

    const test::CliRun backward =
        cli({QStringLiteral("diff"), fixed, broken, QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(backward.exitCode, 1); // the chain got worse
    const QJsonObject diff = QJsonDocument::fromJson(backward.out).object();
    QCOMPARE(diff.value(QStringLiteral("worse")).toBool(), true);
    bool chainWorse = false;
    for (const QJsonValue& v : diff.value(QStringLiteral("changes")).toArray()) {
        const QJsonObject c = v.toObject();
        chainWorse =
            chainWorse || (c.value(QStringLiteral("id")).toString() == QLatin1String("tls.chain.complete") &&
                           c.value(QStringLiteral("change")).toString() == QLatin1String("worse"));
    }
    QVERIFY2(chainWorse, backward.out.constData());
    const QString errors = test::schemaErrors(QStringLiteral("diff.schema.json"), backward.out);
    QVERIFY2(errors.isEmpty(), qPrintable(errors));
}

void ExportScenarios::hostileExportsAreRefused_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("error");
    const QByteArray report = "{}";
    const QList<test::ZipEntry> base{{QStringLiteral("report.json"), report}};
    QTest::newRow("parent path")
        << test::zipWithManifest(base + QList<test::ZipEntry>{{QStringLiteral("../gjd-evil.txt"), "x"}})
        << "leaves its folder";
    QTest::newRow("absolute path")
        << test::zipWithManifest(base +
                                 QList<test::ZipEntry>{{QStringLiteral("/tmp/gjd-evil-absolute.txt"), "x"}})
        << "absolute path";
    test::ZipEntry link{QStringLiteral("http/link.txt"), "../../../../etc/passwd"};
    link.symlink = true;
    QTest::newRow("symlink") << test::zipWithManifest(base + QList<test::ZipEntry>{link}) << "symbolic link";
    test::ZipEntry huge{QStringLiteral("http/huge.txt"), "x"};
    huge.claimedSize = 2LL * 1024 * 1024 * 1024;
    QTest::newRow("2 GiB entry") << test::zipWithManifest(base + QList<test::ZipEntry>{huge}) << "2048 MiB";
    QTest::newRow("invalid JSON") << test::zipWithManifest(
                                         {{QStringLiteral("report.json"), "{\"checks\": ["}})
                                  << "not valid JSON";
    QTest::newRow("unknown schema") << test::zipWithManifest(
                                           {{QStringLiteral("report.json"),
                                             "{\"schema\": \"gitlab-jira-doctor/report/99\"}"}})
                                    << "report/99";
}

void ExportScenarios::hostileExportsAreRefused()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, error);
    QTemporaryDir work;
    QVERIFY(work.isValid());
    const QString home = work.filePath(QStringLiteral("home"));
    const QString tmp = work.filePath(QStringLiteral("tmp"));
    const QString cwd = work.filePath(QStringLiteral("cwd"));
    for (const QString& d : {home, tmp, cwd})
        QVERIFY(QDir().mkpath(d));
    const QString zip = work.filePath(QStringLiteral("hostile.zip"));
    {
        QFile f(zip);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(data);
    }
    const QStringList before = listing({work.path()});
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home);
    env.insert(QStringLiteral("TMPDIR"), tmp);
    p.setProcessEnvironment(env);
    p.setWorkingDirectory(cwd);
    for (const QString& command : {QStringLiteral("show"), QStringLiteral("diff")}) {
        QStringList args{command, zip};
        if (command == QLatin1String("diff"))
            args.append(zip);
        p.start(test::cliPath(), args);
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 2);
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(err.contains(error), qPrintable(err));
        QCOMPARE(err.trimmed().count(QLatin1Char('\n')), 0); // one line
        QVERIFY(p.readAllStandardOutput().isEmpty());
    }
    QCOMPARE(listing({work.path()}), before);
    QVERIFY(!QFile::exists(QStringLiteral("/tmp/gjd-evil-absolute.txt")));
    QVERIFY(!QFile::exists(work.filePath(QStringLiteral("gjd-evil.txt"))));
    QVERIFY(!QFile::exists(QDir::temp().filePath(QStringLiteral("gjd-evil.txt"))));
}

void ExportScenarios::badInput_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("error");
    QTest::newRow("show nothing") << QStringList{QStringLiteral("show")} << "show takes one file";
    QTest::newRow("show missing file")
        << QStringList{QStringLiteral("show"), QStringLiteral("/nonexistent/e.zip")} << "Cannot read";
    QTest::newRow("show a folder") << QStringList{QStringLiteral("show"), QStringLiteral("/tmp")}
                                   << "is a folder";
    QTest::newRow("show bad format") << QStringList{QStringLiteral("show"), QStringLiteral("x.zip"),
                                                    QStringLiteral("--format"), QStringLiteral("pdf")}
                                     << "--format must be";
    QTest::newRow("diff one file") << QStringList{QStringLiteral("diff"), QStringLiteral("x.zip")}
                                   << "two files";
    QTest::newRow("diff junit") << QStringList{QStringLiteral("diff"), QStringLiteral("a"),
                                               QStringLiteral("b"), QStringLiteral("--format"),
                                               QStringLiteral("junit")}
                                << "text or json";
    QTest::newRow("redact without export")
        << QStringList{QStringLiteral("check"), QStringLiteral("https://gitlab.test"),
                       QStringLiteral("--redact"), QStringLiteral("identities")}
        << "--redact applies to --export";
    QTest::newRow("unknown redaction")
        << QStringList{QStringLiteral("check"),    QStringLiteral("https://gitlab.test"),
                       QStringLiteral("--export"), QStringLiteral("/tmp/x.zip"),
                       QStringLiteral("--redact"), QStringLiteral("all")}
        << "--redact must be secrets or identities";
    QTest::newRow("export into a missing folder")
        << QStringList{QStringLiteral("check"), QStringLiteral("https://gitlab.test"),
                       QStringLiteral("--export"), QStringLiteral("/nonexistent/x.zip")}
        << "the folder /nonexistent does not exist";
}

void ExportScenarios::badInput()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, error);
    const test::CliRun run = test::runCli(arguments, QString());
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(error.toUtf8()), qPrintable(run.describe()));
}

} // namespace gjd

QTEST_GUILESS_MAIN(gjd::ExportScenarios)
#include "tst_exportscenarios.moc"
