// SPDX-License-Identifier: GPL-3.0-or-later
#include "checks/check.h"
#include "export/exportbundle.h"
#include "export/redaction.h"
#include "samplereport.h"
#include "schemacheck.h"
#include "zipwriter.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>

using namespace gjd;
using gjd::test::ZipEntry;

namespace {

// What a run could have seen, with secrets and identities planted wherever a server or the
// admin could put them.
const QByteArray kGitlabToken = "glpat-PLANTEDgitlab0123456789ab";
const QByteArray kJiraToken = "ATATT3xFfGF0PLANTEDjira0123456789abcdef";
const QString kJiraEmail = QStringLiteral("jane.doe@acme-corp.example");
const QString kHost = QStringLiteral("gitlab.acme-corp.example");
const QString kPublicHost = QStringLiteral("jira-proxy.acme-corp.example");
const QString kJiraHost = QStringLiteral("acme.atlassian.net");
const QString kInternalHost = QStringLiteral("build-7.corp.acme.internal");
const QString kIpv4 = QStringLiteral("203.0.113.7");
const QString kIpv6 = QStringLiteral("2001:db8:4006:812::200e");
const QString kAccountId = QStringLiteral("557058:f58131cb-b67d-43c7-b30d-6b58d40bd077");
const QString kUsername = QStringLiteral("jdoe-admin");
const QString kDisplayName = QStringLiteral("Jane Q. Doe");
const QString kOrg = QStringLiteral("Acme Corp");

Report plantedReport()
{
    Report r = gjd::test::reportHeader(QStringLiteral("https://%1").arg(kHost), QStringLiteral("marketplace"),
                                       QStringLiteral("detected"));
    r.publicUrl = QStringLiteral("https://%1").arg(kPublicHost);
    r.methodReason = QStringLiteral("jira_connect_proxy_url is https://gitlab.com");
    for (const auto& c : catalogue()) {
        Finding f;
        f.id = c->id();
        f.category = c->category();
        f.title = c->title();
        f.status = Status::Pass;
        f.summary = QStringLiteral("Fine.");
        r.checks.append(f);
    }
    const auto set = [&r](const QString& id, const std::function<void(Finding&)>& change) {
        for (Finding& f : r.checks) {
            if (f.id == id)
                change(f);
        }
    };
    set(QStringLiteral("dns.public"), [](Finding& f) {
        f.summary = QStringLiteral("%1 resolves to %2 and %3.").arg(kHost, kIpv4, kIpv6);
        f.evidence = QJsonObject{{QStringLiteral("a"), QJsonArray{kIpv4}},
                                 {QStringLiteral("aaaa"), QJsonArray{kIpv6}}};
    });
    set(QStringLiteral("tls.chain.complete"), [](Finding& f) {
        f.status = Status::Fail;
        f.summary =
            QStringLiteral("The server does not send the intermediate certificate; the root certificate "
                           "is in the trust store.");
        f.remedy = QStringLiteral("Configure the full chain in nginx.conf; see docs.gitlab.com.");
        f.docs = {QStringLiteral("https://docs.gitlab.com/omnibus/settings/ssl/")};
        f.evidence = QJsonObject{
            {QStringLiteral("missing_issuer"), QStringLiteral("CN=Acme Issuing CA,O=%1").arg(kOrg)},
            {QStringLiteral("served"),
             QJsonArray{QStringLiteral("sha256:%1").arg(QString(64, QLatin1Char('b')))}}};
    });
    set(QStringLiteral("gitlab.token"), [](Finding& f) {
        f.summary = QStringLiteral("Token of the administrator %1.").arg(kUsername);
        f.evidence = QJsonObject{{QStringLiteral("username"), kUsername}, {QStringLiteral("is_admin"), true}};
    });
    set(QStringLiteral("jira.auth"), [](Finding& f) {
        f.summary = QStringLiteral("Signed in to %1 as %2 (%3).").arg(kJiraHost, kDisplayName, kJiraEmail);
        f.evidence = QJsonObject{{QStringLiteral("email"), kJiraEmail},
                                 {QStringLiteral("account_id"), kAccountId},
                                 {QStringLiteral("display_name"), kDisplayName},
                                 {QStringLiteral("site"), QStringLiteral("https://%1").arg(kJiraHost)}};
    });
    set(QStringLiteral("connect.descriptor"), [](Finding& f) {
        f.status = Status::Warn;
        f.summary = QStringLiteral("The descriptor's key is gitlab-jira-connect-%1.").arg(kHost);
        f.remedy = QStringLiteral("Look at https://%1/-/jira_connect/app_descriptor.json").arg(kPublicHost);
    });

    CertificateInfo leaf;
    leaf.sha256 = QString(64, QLatin1Char('c'));
    leaf.subject = QStringLiteral("CN=%1,OU=Platform,O=%2,L=Springfield,C=US").arg(kHost, kOrg);
    leaf.issuer = QStringLiteral("CN=Acme Issuing CA,O=%1").arg(kOrg);
    leaf.notBefore = r.generatedAt.addDays(-10);
    leaf.notAfter = r.generatedAt.addDays(80);
    leaf.san = {kHost, kPublicHost, QStringLiteral("*.%1").arg(QStringLiteral("acme-corp.example"))};
    leaf.pem = "-----BEGIN CERTIFICATE-----\nMIIBplantedPEM\n-----END CERTIFICATE-----\n";
    r.certificates.append(leaf);

    const QByteArray basic = "Basic " + QByteArray(kJiraEmail.toUtf8() + ':' + kJiraToken).toBase64();
    r.transcripts = {
        {QStringLiteral("api.user"),
         "# https://" + kHost.toUtf8() + "/api/v4/user (" + kIpv4.toUtf8() +
             "), 12 ms\nGET /api/v4/user HTTP/1.1\r\nHost: " + kHost.toUtf8() +
             "\r\nPRIVATE-TOKEN: " + kGitlabToken +
             "\r\nCookie: _gitlab_session=0123456789abcdef\r\n\r\n"
             "HTTP/1.1 200 OK\r\nSet-Cookie: _gitlab_session=fedcba9876543210; path=/\r\n"
             "X-Request-Id: 01HQ\r\n\r\n{\"id\":1,\"username\":\"" +
             kUsername.toUtf8() + "\",\"name\":\"" + kDisplayName.toUtf8() + "\",\"email\":\"" +
             kJiraEmail.toUtf8() + "\",\"web_url\":\"https://" + kHost.toUtf8() + "/" + kUsername.toUtf8() +
             "\",\"is_admin\":true,\"location\":\"Springfield\",\"organization\":\"Acme Corp\","
             "\"avatar_url\":\"https://secure.gravatar.com/avatar/0a1b2c3d4e5f?s=80\",\"identities\":[{"
             "\"provider\":\"ldapmain\",\"extern_uid\":\"cn=jdoe,ou=people,dc=acme,dc=corp\"}]}\r\n\r\n"},
        // GitLab's settings list its integrations' keys, which are secrets, next to the ones the
        // checks need.
        {QStringLiteral("api.settings"),
         "# https://" + kHost.toUtf8() +
             "/api/v4/application/settings, 14 ms\nGET /api/v4/application/settings HTTP/1.1\r\n\r\n"
             "HTTP/1.1 200 OK\r\n\r\n{\"akismet_api_key\":\"PLANTEDakismet123\",\"slack_app_secret\":"
             "\"PLANTEDslack456\",\"elasticsearch_password\":\"PLANTEDes789\",\"sentry_dsn\":\"https://"
             "PLANTEDdsnkey@sentry.acme-corp.example/1\",\"recaptcha_private_key\":\"PLANTEDrecaptcha\","
             "\"jira_connect_application_key\":\"5e3f\"}\r\n\r\n"},
        // What a broken proxy may answer: credentials in URLs, hosts percent-encoded and in capitals.
        {QStringLiteral("http.callbacks"),
         "# https://" + kHost.toUtf8() +
             "/-/jira_connect/oauth_callbacks, 20 ms\nGET /-/jira_connect/oauth_callbacks HTTP/1.1\r\n\r\n"
             "HTTP/1.1 502 Bad Gateway\r\nLocation: https://deploy:PLANTEDpassw0rd@" +
             kHost.toUtf8() +
             "/-/jira_connect/oauth_callbacks#access_token=PLANTEDfragment123\r\n\r\n"
             "<p>Upstream DB01.ACME.LOCAL via Internal-Proxy.Corp.Acme.Local refused "
             "redirect_uri=https%3A%2F%2F" +
             kHost.toUtf8() + "%2Fcb for git%40" + kHost.toUtf8() +
             " (&amp;token=PLANTEDamptoken9)</p>\r\n\r\n"},
        {QStringLiteral("api.applications"),
         "# https://" + kHost.toUtf8() +
             "/api/v4/applications, 9 ms\nPOST /api/v4/applications HTTP/1.1\r\n\r\n"
             "HTTP/1.1 201 "
             "Created\r\n\r\n{\"application_id\":\"5e3f\",\"secret\":\"gloas-"
             "PLANTEDoauthsecret0123456789abcdef\","
             "\"callback_url\":\"https://gitlab.com/-/jira_connect/oauth_callbacks\"}\r\n\r\n"},
        {QStringLiteral("jira.myself"),
         "# https://" + kJiraHost.toUtf8() +
             "/rest/api/3/myself, 80 ms\nGET /rest/api/3/myself HTTP/1.1\r\n"
             "Authorization: " +
             basic + "\r\n\r\nHTTP/1.1 200 OK\r\n\r\n{\"self\":\"https://" + kJiraHost.toUtf8() +
             "/rest/api/3/user?accountId=" + QUrl::toPercentEncoding(kAccountId) + "\",\"accountId\":\"" +
             kAccountId.toUtf8() + "\",\"emailAddress\":\"" + kJiraEmail.toUtf8() + "\",\"displayName\":\"" +
             kDisplayName.toUtf8() + "\",\"note\":\"served by " + kInternalHost.toUtf8() + " at " +
             kIpv6.toUtf8() + "\"}\r\n\r\n"},
        {QStringLiteral("http.installed"),
         "# https://" + kPublicHost.toUtf8() +
             "/-/jira_connect/events/"
             "installed?jwt=eyJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJwbGFudGVkIn0.c2lnbmF0dXJl, 5 ms\n"
             "POST /-/jira_connect/events/installed HTTP/1.1\r\nAuthorization: JWT "
             "eyJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJwbGFudGVkIn0."
             "c2lnbmF0dXJl\r\n\r\nHTTP/1.1 401 Unauthorized\r\n\r\n{\"message\":\"Invalid JWT\"}\r\n\r\n"},
    };
    return r;
}

QList<QByteArray> plantedSecrets()
{
    return {kGitlabToken,
            kJiraToken,
            QByteArray(kJiraEmail.toUtf8() + ':' + kJiraToken).toBase64(),
            "0123456789abcdef",
            "fedcba9876543210",
            "gloas-PLANTEDoauthsecret0123456789abcdef",
            "eyJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJwbGFudGVkIn0",
            "c2lnbmF0dXJl",
            "PLANTEDakismet123",
            "PLANTEDslack456",
            "PLANTEDes789",
            "PLANTEDdsnkey",
            "PLANTEDrecaptcha",
            "PLANTEDpassw0rd",
            "PLANTEDfragment123",
            "PLANTEDamptoken9"};
}

// knownSecrets false: without the run's token values, as if the scrubber had only its patterns.
ExportBundle plantedBundle(RedactionLevel level, bool knownSecrets = true)
{
    ExportBundle::Options options;
    options.level = level;
    if (knownSecrets)
        options.secrets = ExportBundle::secretsOf(kGitlabToken, kJiraToken, kJiraEmail);
    options.createdAt = QDateTime(QDate(2026, 11, 24), QTime(16, 0), Qt::UTC);
    return ExportBundle::make(plantedReport(), options);
}

QJsonObject manifestOf(const ExportBundle& bundle)
{
    return QJsonDocument::fromJson(bundle.file(QStringLiteral("manifest.json"))->content).object();
}

// A complete, valid export's entries, for the hostile variants to start from.
QList<ZipEntry> validEntries()
{
    const ExportBundle bundle = plantedBundle(RedactionLevel::Secrets);
    QList<ZipEntry> entries;
    for (const BundleFile& f : bundle.files()) {
        if (f.path != QLatin1String("manifest.json"))
            entries.append({f.path, f.content});
    }
    return entries;
}

} // namespace

class TestExportBundle final : public QObject
{
    Q_OBJECT

private slots:
    void layoutAndManifest();
    void reportsMatchTheSchema();
    void roundTrip();
    void bareReportJsonOpens();
    void secretsNeverLeave_data();
    void secretsNeverLeave();
    void identitiesArePseudonymsEverywhere_data();
    void identitiesArePseudonymsEverywhere();
    void identitiesKeepWhatSupportNeeds();
    void pseudonymsAreStableAcrossFiles();
    void checkIdsOfNewerVersionsStay();
    void instanceHostsWhateverTheyLookLike();
    void oneValueOnePseudonym();
    void manyIdentitiesAreAllReplacedOrNothingIsWritten();
    void openedTextCannotDriveTheTerminal();
    void writeIsAtomic();
    void hostileInput_data();
    void hostileInput();
};

void TestExportBundle::layoutAndManifest()
{
    const ExportBundle bundle = plantedBundle(RedactionLevel::Secrets);
    QStringList paths;
    for (const BundleFile& f : bundle.files())
        paths.append(f.path);
    QCOMPARE(paths.first(), QStringLiteral("report.json"));
    QCOMPARE(paths.last(), QStringLiteral("manifest.json"));
    for (const QString& p : {QStringLiteral("report.html"), QStringLiteral("report.md"),
                             QStringLiteral("http/api.user.txt"), QStringLiteral("http/jira.myself.txt")})
        QVERIFY2(paths.contains(p), qPrintable(p));
    QCOMPARE(paths.filter(QRegularExpression(QStringLiteral("^certificates/01-c{16}\\.pem$"))).size(), 1);

    const QJsonObject manifest = manifestOf(bundle);
    QCOMPARE(manifest.value(QStringLiteral("schema")).toString(),
             QStringLiteral("gitlab-jira-doctor/export/1"));
    QCOMPARE(manifest.value(QStringLiteral("tool")).toObject().value(QStringLiteral("version")).toString(),
             QStringLiteral(GJD_VERSION));
    QCOMPARE(manifest.value(QStringLiteral("created_at")).toString(), QStringLiteral("2026-11-24T16:00:00Z"));
    QCOMPARE(manifest.value(QStringLiteral("redaction")).toObject().value(QStringLiteral("level")).toString(),
             QStringLiteral("secrets"));
    const QJsonArray files = manifest.value(QStringLiteral("files")).toArray();
    QCOMPARE(files.size(), paths.size() - 1);
    for (const QJsonValue& v : files) {
        const QJsonObject o = v.toObject();
        const BundleFile* f = bundle.file(o.value(QStringLiteral("path")).toString());
        QVERIFY(f);
        QCOMPARE(
            o.value(QStringLiteral("sha256")).toString(),
            QString::fromLatin1(QCryptographicHash::hash(f->content, QCryptographicHash::Sha256).toHex()));
        QCOMPARE(o.value(QStringLiteral("size")).toInteger(), f->content.size());
    }
    QVERIFY(manifest.value(QStringLiteral("collected"))
                .toObject()
                .value(QStringLiteral("certificates"))
                .toObject()
                .value(QStringLiteral("pem"))
                .toBool());
}

void TestExportBundle::reportsMatchTheSchema()
{
    for (RedactionLevel level : {RedactionLevel::Secrets, RedactionLevel::Identities}) {
        const QString errors =
            gjd::test::schemaErrors(QStringLiteral("report.schema.json"),
                                    plantedBundle(level).file(QStringLiteral("report.json"))->content);
        QVERIFY2(errors.isEmpty(), qPrintable(errors));
    }
}

void TestExportBundle::roundTrip()
{
    const ExportBundle bundle = plantedBundle(RedactionLevel::Secrets);
    QString error;
    const QByteArray zip = bundle.toZip(&error);
    QVERIFY2(!zip.isEmpty(), qPrintable(error));
    const auto opened = ExportReader::fromBytes(zip, &error);
    QVERIFY2(opened, qPrintable(error));
    QVERIFY(opened->isBundle);
    QCOMPARE(opened->report.toJson(), bundle.report().toJson());
    QCOMPARE(opened->report.checks.size(), catalogue().size());
    QCOMPARE(opened->report.find(QStringLiteral("tls.chain.complete"))->status, Status::Fail);
    QCOMPARE(opened->report.transcripts.size(), bundle.report().transcripts.size());
    for (int i = 0; i < opened->report.transcripts.size(); ++i) {
        QCOMPARE(opened->report.transcripts.at(i).probeId, bundle.report().transcripts.at(i).probeId);
        QCOMPARE(opened->report.transcripts.at(i).text, bundle.report().transcripts.at(i).text);
    }
    QCOMPARE(opened->toolVersion, QStringLiteral(GJD_VERSION));
    QCOMPARE(opened->createdAt, QDateTime(QDate(2026, 11, 24), QTime(16, 0), Qt::UTC));
    QCOMPARE(opened->level, RedactionLevel::Secrets);
    QVERIFY(!opened->certificatesOmitted);
    QCOMPARE(opened->files.size(), bundle.files().size());
}

void TestExportBundle::bareReportJsonOpens()
{
    const QByteArray json = QJsonDocument(plantedReport().toJson()).toJson();
    QString error;
    const auto opened = ExportReader::fromBytes(json, &error);
    QVERIFY2(opened, qPrintable(error));
    QVERIFY(!opened->isBundle);
    QCOMPARE(opened->report.url, plantedReport().url);
}

void TestExportBundle::secretsNeverLeave_data()
{
    QTest::addColumn<int>("level");
    QTest::addColumn<bool>("knownSecrets");
    QTest::newRow("secrets") << int(RedactionLevel::Secrets) << true;
    QTest::newRow("identities") << int(RedactionLevel::Identities) << true;
    QTest::newRow("secrets, patterns only") << int(RedactionLevel::Secrets) << false;
    QTest::newRow("identities, patterns only") << int(RedactionLevel::Identities) << false;
}

void TestExportBundle::secretsNeverLeave()
{
    QFETCH(int, level);
    QFETCH(bool, knownSecrets);
    {
        const ExportBundle bundle = plantedBundle(RedactionLevel(level), knownSecrets);
        QString error;
        const QByteArray zip = bundle.toZip(&error);
        QVERIFY(!zip.isEmpty());
        for (const BundleFile& f : bundle.files()) {
            for (const QByteArray& secret : plantedSecrets())
                QVERIFY2(!f.content.contains(secret),
                         qPrintable(f.path + QStringLiteral(": ") + QString::fromLatin1(secret)));
        }
        // And where they were, the transcript says so.
        const QByteArray user = bundle.file(QStringLiteral("http/api.user.txt"))->content;
        QVERIFY(user.contains("PRIVATE-TOKEN: [REDACTED]"));
        QVERIFY(user.contains("Set-Cookie: [REDACTED]"));
        QVERIFY(user.contains("Cookie: [REDACTED]"));
        QVERIFY(bundle.file(QStringLiteral("http/jira.myself.txt"))
                    ->content.contains("Authorization: [REDACTED]"));
        QVERIFY(bundle.file(QStringLiteral("http/api.applications.txt"))
                    ->content.contains("\"secret\":\"[REDACTED]\""));
        QVERIFY(bundle.file(QStringLiteral("http/http.installed.txt"))->content.contains("?jwt=[REDACTED]"));
        const QByteArray settings = bundle.file(QStringLiteral("http/api.settings.txt"))->content;
        QVERIFY2(settings.contains("\"jira_connect_application_key\":\"5e3f\""), settings.constData());
        QVERIFY(settings.contains("\"akismet_api_key\":\"[REDACTED]\""));
        QVERIFY(bundle.file(QStringLiteral("http/http.callbacks.txt"))->content.contains("://[REDACTED]@"));
    }
}

void TestExportBundle::identitiesArePseudonymsEverywhere_data()
{
    QTest::addColumn<QString>("planted");
    QTest::newRow("instance host") << kHost;
    QTest::newRow("public host") << kPublicHost;
    QTest::newRow("Jira site") << kJiraHost;
    QTest::newRow("host only a server named") << kInternalHost;
    QTest::newRow("wildcard domain") << QStringLiteral("acme-corp.example");
    QTest::newRow("IPv4") << kIpv4;
    QTest::newRow("IPv6") << kIpv6;
    QTest::newRow("email") << kJiraEmail;
    QTest::newRow("account id") << kAccountId;
    QTest::newRow("account id in a URL") << QString::fromLatin1(QUrl::toPercentEncoding(kAccountId));
    QTest::newRow("user name") << kUsername;
    QTest::newRow("display name") << kDisplayName;
    QTest::newRow("organisation") << kOrg;
    QTest::newRow("private CA") << QStringLiteral("Acme Issuing CA");
    QTest::newRow("locality of a certificate") << QStringLiteral("Springfield");
    QTest::newRow("host in capitals") << QStringLiteral("DB01.ACME.LOCAL");
    QTest::newRow("host in mixed case") << QStringLiteral("Internal-Proxy.Corp.Acme.Local");
    QTest::newRow("host percent-encoded") << QStringLiteral("%2F%2F") + kHost;
    QTest::newRow("host after an encoded @") << QStringLiteral("git%40") + kHost;
    QTest::newRow("LDAP identity") << QStringLiteral("cn=jdoe");
    QTest::newRow("avatar hash") << QStringLiteral("0a1b2c3d4e5f");
}

void TestExportBundle::identitiesArePseudonymsEverywhere()
{
    QFETCH(QString, planted);
    const ExportBundle bundle = plantedBundle(RedactionLevel::Identities);
    for (const BundleFile& f : bundle.files()) {
        // Also in the forms a file format gives it (HTML and JSON escape some characters).
        for (const QString& form : {planted, planted.toHtmlEscaped()})
            QVERIFY2(!QString::fromUtf8(f.content).contains(form, Qt::CaseInsensitive),
                     qPrintable(QStringLiteral("%1 still in %2").arg(form, f.path)));
    }
    // Secrets-only exports keep them: the test would notice if nothing had been planted.
    const ExportBundle plain = plantedBundle(RedactionLevel::Secrets);
    bool found = false;
    for (const BundleFile& f : plain.files())
        found = found || QString::fromUtf8(f.content).contains(planted, Qt::CaseInsensitive);
    QVERIFY2(found, "the planted identity is not in the unredacted export");
}

void TestExportBundle::identitiesKeepWhatSupportNeeds()
{
    const ExportBundle bundle = plantedBundle(RedactionLevel::Identities);
    const QJsonObject manifest = manifestOf(bundle);
    const QJsonObject certificates = manifest.value(QStringLiteral("collected"))
                                         .toObject()
                                         .value(QStringLiteral("certificates"))
                                         .toObject();
    QCOMPARE(certificates.value(QStringLiteral("pem")).toBool(true), false);
    QVERIFY(
        certificates.value(QStringLiteral("note")).toString().contains(QStringLiteral("PEM files omitted")));
    QCOMPARE(manifest.value(QStringLiteral("redaction")).toObject().value(QStringLiteral("level")).toString(),
             QStringLiteral("identities"));
    for (const BundleFile& f : bundle.files()) {
        QVERIFY2(!f.path.startsWith(QLatin1String("certificates/")), qPrintable(f.path));
        QVERIFY2(!f.content.contains("BEGIN CERTIFICATE"), qPrintable(f.path));
    }
    // Fingerprints and validity stay; so do the facts: GitLab.com, the docs, check ids, prose.
    const Report& r = bundle.report();
    QCOMPARE(r.certificates.size(), 1);
    QCOMPARE(r.certificates.first().sha256, QString(64, QLatin1Char('c')));
    QVERIFY(r.certificates.first().notAfter.isValid());
    QCOMPARE(r.url, QStringLiteral("https://host-1"));
    QCOMPARE(r.publicUrl, QStringLiteral("https://host-2"));
    const Finding* chain = r.find(QStringLiteral("tls.chain.complete"));
    QVERIFY(chain->summary.contains(QStringLiteral("the root certificate is in the trust store")));
    QCOMPARE(chain->docs, QStringList{QStringLiteral("https://docs.gitlab.com/omnibus/settings/ssl/")});
    QVERIFY(chain->remedy.contains(QStringLiteral("nginx.conf")));
    QVERIFY(chain->remedy.contains(QStringLiteral("docs.gitlab.com")));
    QCOMPARE(r.methodReason, QStringLiteral("jira_connect_proxy_url is https://gitlab.com"));
    QCOMPARE(r.find(QStringLiteral("gitlab.token"))->summary,
             QStringLiteral("Token of the administrator user-1."));
    QCOMPARE(r.find(QStringLiteral("connect.descriptor"))->summary,
             QStringLiteral("The descriptor's key is gitlab-jira-connect-host-1."));
    QVERIFY(bundle.file(QStringLiteral("http/api.applications.txt"))
                ->content.contains("https://gitlab.com/-/jira_connect/oauth_callbacks"));
    QVERIFY(bundle.file(QStringLiteral("report.md"))->content.contains("tls.chain.complete"));
}

void TestExportBundle::pseudonymsAreStableAcrossFiles()
{
    const ExportBundle bundle = plantedBundle(RedactionLevel::Identities);
    // The instance is host-1 and its address ip-1 wherever they appear.
    for (const QString& path : {QStringLiteral("report.json"), QStringLiteral("report.md"),
                                QStringLiteral("report.html"), QStringLiteral("http/api.user.txt")})
        QVERIFY2(bundle.file(path)->content.contains("host-1"), qPrintable(path));
    const QByteArray user = bundle.file(QStringLiteral("http/api.user.txt"))->content;
    QVERIFY(user.contains("Host: host-1\r\n"));
    QVERIFY(user.contains("(ip-1)"));
    QVERIFY(user.contains("\"web_url\":\"https://host-1/user-1\""));
    const Report& r = bundle.report();
    QCOMPARE(r.find(QStringLiteral("dns.public"))->evidence.value(QStringLiteral("a")).toArray().first(),
             QJsonValue(QStringLiteral("ip-1")));
    const QString email =
        r.find(QStringLiteral("jira.auth"))->evidence.value(QStringLiteral("email")).toString();
    QVERIFY(email.startsWith(QLatin1String("email-")));
    QVERIFY(bundle.file(QStringLiteral("http/jira.myself.txt"))->content.contains(email.toUtf8()));
    const QString account =
        r.find(QStringLiteral("jira.auth"))->evidence.value(QStringLiteral("account_id")).toString();
    QVERIFY(account.startsWith(QLatin1String("account-")));
    const QByteArray myself = bundle.file(QStringLiteral("http/jira.myself.txt"))->content;
    QVERIFY(myself.contains(QByteArray("\"accountId\":\"" + account.toUtf8() + '"')));
    QVERIFY(myself.contains(QByteArray("accountId=" + account.toUtf8())));
    // Every pseudonym names one value: the two hosts differ.
    QVERIFY(r.certificates.first().san.contains(QStringLiteral("host-1")));
    QVERIFY(r.certificates.first().san.contains(QStringLiteral("host-2")));
    QVERIFY(r.certificates.first().subject.contains(QStringLiteral("O=org-")));
}

// A report from a newer version has check ids this one does not know; they look like host names.
void TestExportBundle::checkIdsOfNewerVersionsStay()
{
    Report report = plantedReport();
    Finding future;
    future.id = QStringLiteral("proxy.reachable");
    future.category = QStringLiteral("network");
    future.title = QStringLiteral("Proxy reachable");
    future.status = Status::Warn;
    future.summary = QStringLiteral("proxy.reachable saw %1.").arg(kHost);
    report.checks.append(future);
    ExportBundle::Options options;
    options.level = RedactionLevel::Identities;
    const ExportBundle bundle = ExportBundle::make(report, options);
    const Finding* f = bundle.report().find(QStringLiteral("proxy.reachable"));
    QVERIFY(f);
    QCOMPARE(f->summary, QStringLiteral("proxy.reachable saw host-1."));
    QVERIFY(bundle.file(QStringLiteral("report.md"))->content.contains("proxy.reachable"));
}

// The instance's own names are replaced even when they look like file names or have no dot.
void TestExportBundle::instanceHostsWhateverTheyLookLike()
{
    Report report = plantedReport();
    report.url = QStringLiteral("https://gitlab.acme.sh");
    report.publicUrl = QStringLiteral("https://gitlab:8443");
    report.transcripts.append(
        {QStringLiteral("http.version"),
         "# https://gitlab:8443/api/v4/version, 3 ms\nGET /api/v4/version HTTP/1.1\r\n"
         "Host: gitlab:8443\r\n\r\nHTTP/1.1 302 Found\r\nLocation: https://gitlab.acme.sh/\r\n\r\n"});
    ExportBundle::Options options;
    options.level = RedactionLevel::Identities;
    const ExportBundle bundle = ExportBundle::make(report, options);
    QVERIFY2(bundle.error().isEmpty(), qPrintable(bundle.error()));
    for (const BundleFile& f : bundle.files()) {
        QVERIFY2(!f.content.contains("gitlab.acme.sh"), qPrintable(f.path));
        QVERIFY2(!f.content.contains("://gitlab:") && !f.content.contains("Host: gitlab:"),
                 qPrintable(f.path));
    }
    // "gitlab" stays a word: only the host in a URL or a Host header is the instance.
    QVERIFY(bundle.report().find(QStringLiteral("gitlab.version"))->title.contains(QLatin1String("GitLab")));
    QVERIFY(bundle.file(QStringLiteral("http/http.version.txt"))->content.contains("Host: host-"));
}

// Different spellings of one value get one pseudonym.
void TestExportBundle::oneValueOnePseudonym()
{
    Pseudonymizer p;
    p.learnText(QStringLiteral("gitlab.acme.corp and 2001:db8::5"), true);
    p.learnText(QStringLiteral("gitlab.acme.corp. and 2001:0db8:0:0:0:0:0:5 and GITLAB.ACME.CORP"), true);
    QCOMPARE(p.count(QStringLiteral("host")), 1);
    QCOMPARE(p.count(QStringLiteral("ip")), 1);
    QCOMPARE(p.apply(QStringLiteral("2001:0db8:0:0:0:0:0:5 = 2001:db8::5")), QStringLiteral("ip-1 = ip-1"));
    QCOMPARE(p.apply(QStringLiteral("see gitlab.acme.corp. or GitLab.Acme.Corp")),
             QStringLiteral("see host-1. or host-1"));
    // Code is not an address.
    p.learnText(QStringLiteral("Gitlab::CurrentSettings and cafe::beef"), true);
    QCOMPARE(p.count(QStringLiteral("ip")), 1);
}

// A server can plant thousands of names; either every one is replaced, or no export is made.
void TestExportBundle::manyIdentitiesAreAllReplacedOrNothingIsWritten()
{
    Report report = plantedReport();
    QByteArray body;
    for (int i = 0; i < 3000; ++i)
        body += "h" + QByteArray::number(i) + ".corp-acme.example ";
    report.transcripts.append({QStringLiteral("http.sign_in"), body});
    ExportBundle::Options options;
    options.level = RedactionLevel::Identities;
    const ExportBundle bundle = ExportBundle::make(report, options);
    if (!bundle.error().isEmpty()) {
        QVERIFY(bundle.files().isEmpty());
        QString error;
        QVERIFY(bundle.toZip(&error).isEmpty());
        QCOMPARE(error, bundle.error());
        return;
    }
    for (const BundleFile& f : bundle.files())
        QVERIFY2(!f.content.contains(".corp-acme.example"), qPrintable(f.path));
    QVERIFY(bundle.file(QStringLiteral("http/http.sign_in.txt"))->content.contains("host-3000"));
}

// What show prints and the viewer shows comes from anyone: no terminal escape sequences, no bidi
// overrides.
void TestExportBundle::openedTextCannotDriveTheTerminal()
{
    Report report = plantedReport();
    report.checks.first().summary = QStringLiteral("ok\x1b]0;PWNED\x07\x1b[2J\u202Egnp.exe");
    report.checks.first().evidence.insert(QStringLiteral("note"), QStringLiteral("\x1b[8mhidden"));
    report.transcripts = {{QStringLiteral("api.user"), "HTTP/1.1 200 OK\r\n\x1b[2J"}};
    const QByteArray zip = ExportBundle::make(report, {}).toZip(nullptr);
    QString error;
    const auto opened = ExportReader::fromBytes(zip, &error);
    QVERIFY2(opened, qPrintable(error));
    const QString summary = opened->report.checks.first().summary;
    QVERIFY(!summary.contains(QChar(0x1b)) && !summary.contains(QChar(0x07)) &&
            !summary.contains(QChar(0x202e)));
    QVERIFY(summary.startsWith(QLatin1String("ok")));
    QVERIFY(!opened->report.checks.first()
                 .evidence.value(QStringLiteral("note"))
                 .toString()
                 .contains(QChar(0x1b)));
    QVERIFY(!opened->report.transcripts.first().text.contains('\x1b'));
    QVERIFY(opened->report.transcripts.first().text.contains("\r\n")); // line ends stay
}

void TestExportBundle::writeIsAtomic()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const ExportBundle bundle = plantedBundle(RedactionLevel::Secrets);
    const QString target = dir.filePath(QStringLiteral("export.zip"));
    QString error;
    QVERIFY2(bundle.write(target, &error), qPrintable(error));
    QVERIFY(ExportReader::open(target, &error));
    // Only its owner can read it: it describes the admin's infrastructure.
    QCOMPARE(QFile(target).permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
             QFileDevice::Permissions());

    // A write that fails half-way (the file size limit, as a full disk would): the export that
    // was there stays as it was, and no temporary file is left behind.
    {
        QFile old(target);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("the previous export");
    }
    struct rlimit saved
    {
    };
    getrlimit(RLIMIT_FSIZE, &saved);
    const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
    struct rlimit small = saved;
    small.rlim_cur = 256; // the export is several KiB
    QCOMPARE(setrlimit(RLIMIT_FSIZE, &small), 0);
    const bool written = bundle.write(target, &error);
    setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, previousHandler);
    QVERIFY(!written);
    QVERIFY2(error.contains(QStringLiteral("export.zip")), qPrintable(error));
    QFile old(target);
    QVERIFY(old.open(QIODevice::ReadOnly));
    QCOMPARE(old.readAll(), QByteArray("the previous export"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList{QStringLiteral("export.zip")});

    // Into a folder that is not one.
    QVERIFY(!bundle.write(target + QStringLiteral("/inside.zip"), &error));
    QVERIFY2(error.contains(QStringLiteral("inside.zip")), qPrintable(error));
}

void TestExportBundle::hostileInput_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("error");
    const QList<ZipEntry> valid = validEntries();

    QTest::newRow("parent path") << gjd::test::zipWithManifest(
                                        gjd::test::withEntry(valid, {QStringLiteral("../../evil.txt"), "x"}))
                                 << "path that leaves its folder";
    QTest::newRow("parent path inside") << gjd::test::zipWithManifest(gjd::test::withEntry(
                                               valid, {QStringLiteral("http/../../../tmp/evil.txt"), "x"}))
                                        << "path that leaves its folder";
    QTest::newRow("backslash parent path") << gjd::test::zipWithManifest(gjd::test::withEntry(
                                                  valid, {QStringLiteral("http\\..\\..\\evil.txt"), "x"}))
                                           << "path that leaves its folder";
    QTest::newRow("absolute path") << gjd::test::zipWithManifest(gjd::test::withEntry(
                                          valid, {QStringLiteral("/tmp/gjd-evil.txt"), "x"}))
                                   << "absolute path";
    QTest::newRow("drive path") << gjd::test::zipWithManifest(
                                       gjd::test::withEntry(valid, {QStringLiteral("C:/evil.txt"), "x"}))
                                << "absolute path";
    ZipEntry link{QStringLiteral("http/link.txt"), "/etc/passwd"};
    link.symlink = true;
    QTest::newRow("symlink") << gjd::test::zipWithManifest(gjd::test::withEntry(valid, link))
                             << "symbolic link";
    QTest::newRow("unknown entry") << gjd::test::zipWithManifest(gjd::test::withEntry(
                                          valid, {QStringLiteral("run-me.sh"), "#!/bin/sh\n"}))
                                   << "not part of an export";
    // 64 MiB of zeros that claim to be 1 KiB: unpacking stops at the claimed size, and the
    // checksum then fails.
    ZipEntry liar{QStringLiteral("http/bomb.txt"), QByteArray(64 * 1024 * 1024, '\0')};
    liar.claimedSize = 1024;
    QTest::newRow("zip bomb with lying header")
        << gjd::test::zipWithManifest(gjd::test::withEntry(valid, liar)) << "is damaged";
    // Entries within the per-file limit that together unpack to more than an export holds.
    QList<ZipEntry> bombs = valid;
    for (int i = 0; i < 5; ++i)
        bombs.append({QStringLiteral("http/bomb-%1.txt").arg(i), QByteArray(15 * 1024 * 1024, '\0')});
    QTest::newRow("zip bomb") << gjd::test::zipWithManifest(bombs) << "refused as a ZIP bomb";
    ZipEntry huge{QStringLiteral("http/huge.txt"), QByteArray(1024, 'a')};
    huge.claimedSize = 2LL * 1024 * 1024 * 1024;
    QTest::newRow("2 GiB entry") << gjd::test::zipWithManifest(gjd::test::withEntry(valid, huge))
                                 << "would unpack to 2048 MiB";
    QTest::newRow("invalid JSON") << gjd::test::zipWithManifest(gjd::test::withContent(
                                         valid, QStringLiteral("report.json"), "{\"schema\": \"gitlab-jira"))
                                  << "report.json is not valid JSON";
    QTest::newRow("report JSON not an object")
        << gjd::test::zipWithManifest(gjd::test::withContent(valid, QStringLiteral("report.json"), "[1,2,3]"))
        << "report.json is not valid JSON";
    QTest::newRow("unknown report schema")
        << gjd::test::zipWithManifest(
               gjd::test::withContent(valid, QStringLiteral("report.json"),
                                      "{\"schema\": \"gitlab-jira-doctor/report/9\", \"checks\": []}"))
        << "unknown report schema \"gitlab-jira-doctor/report/9\"";
    QTest::newRow("unknown export schema")
        << gjd::test::zipWithManifest(valid, QStringLiteral("gitlab-jira-doctor/export/7"))
        << "\"gitlab-jira-doctor/export/7\" is not one this version reads";
    QList<ZipEntry> tampered = valid;
    tampered.append({QStringLiteral("manifest.json"), gjd::test::manifestFor(valid)});
    tampered.first().content += ' ';
    QTest::newRow("changed after it was made") << gjd::test::makeZip(tampered) << "does not match the sha256";
    QList<ZipEntry> unlisted = valid;
    unlisted.append({QStringLiteral("manifest.json"), gjd::test::manifestFor(valid)});
    unlisted.append({QStringLiteral("http/extra.txt"), "x"});
    QTest::newRow("file not in the manifest") << gjd::test::makeZip(unlisted) << "not listed in the manifest";
    QTest::newRow("no manifest") << gjd::test::makeZip(valid) << "no manifest.json";
    QTest::newRow("name ending in a line break")
        << gjd::test::zipWithManifest(gjd::test::withEntry(valid, {QStringLiteral("http/evil.txt\n"), "x"}))
        << "not part of an export";
    QList<ZipEntry> twice = valid;
    QByteArray manifest = gjd::test::manifestFor(valid);
    manifest.replace("\"files\": [", "\"files\": [{\"path\": \"report.md\", \"sha256\": \"00\"},");
    twice.append({QStringLiteral("manifest.json"), manifest});
    QTest::newRow("manifest lists a file twice") << gjd::test::makeZip(twice) << "lists report.md twice";
    QTest::newRow("duplicate entry") << gjd::test::zipWithManifest(gjd::test::withEntry(valid, valid.first()))
                                     << "twice";
    QList<ZipEntry> many;
    for (int i = 0; i < 1001; ++i)
        many.append({QStringLiteral("http/%1.txt").arg(i), "x"});
    QTest::newRow("too many entries") << gjd::test::makeZip(many) << "at most 1000";
    QTest::newRow("not a ZIP") << QByteArray("PK\x03\x04 this is not a zip at all") << "not a readable ZIP";
    QTest::newRow("empty file") << QByteArray()
                                << "This is not a troubleshooting export or report of GitLab Jira Doctor: it "
                                   "is neither a ZIP archive nor JSON (";
    QTest::newRow("garbage") << QByteArray("\x89PNG\r\n\x1a\n\0\0", 10)
                             << "This is not a troubleshooting export or report of GitLab Jira Doctor: it is "
                                "neither a ZIP archive nor JSON (illegal value at byte ";
    QTest::newRow("other JSON") << QByteArray("{\"name\": \"package.json\"}")
                                << "This is not a troubleshooting export or report of GitLab Jira Doctor: ";
    QTest::newRow("JSON array") << QByteArray("[1, 2]") << "it is JSON, but not a JSON object";
}

void TestExportBundle::hostileInput()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, error);
    QString why;
    const auto opened = ExportReader::fromBytes(data, &why);
    QVERIFY2(!opened, "a hostile export was accepted");
    QVERIFY2(why.contains(error), qPrintable(why));
    QVERIFY2(!why.contains(QLatin1Char('\n')), "errors are one line");
}

QTEST_GUILESS_MAIN(TestExportBundle)
#include "tst_exportbundle.moc"
