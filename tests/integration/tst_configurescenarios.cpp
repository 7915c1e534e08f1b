// SPDX-License-Identifier: GPL-3.0-or-later
//
// `gitlab-jira-doctor-cli configure` against the fake GitLab (tests/support/fakegitlab.h) behind a
// real nginx with TLS, as GitLab's documented reverse proxy: from a fresh instance to a configured
// and verified one for each method, and every way the setup can be refused, fail half-way or be
// re-run. Every row asserts the exit code, what the fake's state is afterwards (the applications
// and the settings, not only what the CLI says), which writes reached the fake, and that neither
// the admin token nor any OAuth application's secret appears in stdout or stderr.
//
// The last test plants known tokens and runs every command (check in each format with --output,
// configure in each format, with --jira-site against a fake Jira Cloud site) with a private HOME,
// then searches every output and every file written for them.

#include "clitest.h"
#include "fakegitlab.h"
#include "fakejira.h"
#include "nginxserver.h"
#include "schemacheck.h"
#include "testpki.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <functional>
#include <memory>

namespace gjd {

namespace {

const QString kHost = QStringLiteral("gitlab.test");
// The test certificate names gitlab.test only; the Jira site is another port of it.
const QString kJiraHost = kHost;
// Planted: must never show in any output.
const QString kToken = QStringLiteral("glpat-PLANTED-c0nfigure-TOKEN-0001");
const QString kUserToken = QStringLiteral("glpat-PLANTED-n0t-an-admin-0002");
const QString kJiraToken = QStringLiteral("ATATT-PLANTED-j1ra-TOKEN-0003");
const QString kJiraEmail = QStringLiteral("admin@acme.example");
const QString kMarketplaceCallback = QStringLiteral("https://gitlab.com/-/jira_connect/oauth_callbacks");
const QString kAppName = QStringLiteral("GitLab for Jira Cloud app");

QString proxyTo(quint16 upstreamPort)
{
    return QStringLiteral("proxy_pass http://127.0.0.1:%1; proxy_set_header Host %2:$server_port; "
                          "proxy_set_header X-Forwarded-Proto https;")
        .arg(upstreamPort)
        .arg(kHost);
}

} // namespace

class ConfigureScenarios final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void freshInstanceEachMethod_data();
    void freshInstanceEachMethod();
    void secondRunChangesNothing();
    void switchingMethodChangesOnlyWhatDiffers();
    void newLegacyInstallIsRefused_data();
    void newLegacyInstallIsRefused();
    void legacyManualMovesToMarketplace();
    void legacyProxyForOthersMoves();
    void installTypeOfEachSetup_data();
    void installTypeOfEachSetup();
    void nonAdminToken();
    void adminModeWithoutScope();
    void adminModeWithScope();
    void rejectedToken();
    void validationErrorIsShown();
    void serverErrorAfterCreatingThenRerun();
    void droppedConnectionAfterCreatingThenRerun_data();
    void droppedConnectionAfterCreatingThenRerun();
    void misconfiguredApplicationIsLeftAlone();
    void replaceMisconfigured();
    void reusesCorrectApplicationMadeByHand();
    void leftoverApplicationIsReported();
    void dryRunChangesNothing();
    void trustStoreIsTrustedForTheToken();
    void audienceForAnotherPublicHost_data();
    void audienceForAnotherPublicHost();
    void verificationFailureExitsOne();
    void jsonOutput();
    void noTerminalNeedsYes();
    void badInput_data();
    void badInput();
    void confirmationOnTerminal_data();
    void confirmationOnTerminal();
    void plantedSecretsAppearNowhere();

private:
    QString url() const;
    QStringList configureArgs(const QString& method, const QStringList& extra = {}) const;
    test::CliRun configure(const QString& method, const QStringList& extra = {},
                           const QString& token = kToken);
    // Every secret the fake ever handed out, plus the planted tokens, is absent from the run.
    void verifyNoSecrets(const test::CliRun& run);
    void rememberSecrets();
    QList<test::FakeGitLabRequest> writes() const;
    QString setting(const QString& key) const;
    test::FakeGitLabApplication onlyApplication() const;
    test::FakeGitLabApplication addApplication(const QString& name, const QString& redirect,
                                               bool confidential,
                                               const QString& scopes = QStringLiteral("api"));
    // A manual install as an admin made it by hand before 2026-03-31: an application with the
    // instance's own callback, its ID in the settings, no proxy URL.
    test::FakeGitLabApplication plantLegacyInstall(bool relaysForOthers);
    // `check --format json` with the suite's trust store; the report, or an empty object.
    QJsonObject checkReport(const QString& token, test::CliRun* run = nullptr);

    std::unique_ptr<test::FakeGitLab> m_gitlab;
    std::unique_ptr<test::FakeJira> m_jira;
    std::unique_ptr<test::NginxServer> m_nginx;
    QSet<QString> m_secrets;
    QByteArray m_suiteNow; // GJD_NOW as ctest pinned it; tests about other days pin their own
};

void ConfigureScenarios::initTestCase()
{
    QVERIFY2(!test::pkiDir().isEmpty(), "run through ctest (fixture pki)");
    m_suiteNow = qgetenv("GJD_NOW");
    QVERIFY2(!m_suiteNow.isEmpty(), "run through ctest (GJD_NOW)");
    m_gitlab = std::make_unique<test::FakeGitLab>();
    QVERIFY(m_gitlab->listen());
    m_jira = std::make_unique<test::FakeJira>();
    QVERIFY(m_jira->listen());
    test::NginxSite gitlab =
        test::NginxSite::tls(QStringLiteral("gitlab"), test::pki(QStringLiteral("full.pem")),
                             test::pki(QStringLiteral("full.key")));
    gitlab.rootLocation = proxyTo(m_gitlab->port());
    test::NginxSite jira = test::NginxSite::tls(QStringLiteral("jira"), test::pki(QStringLiteral("full.pem")),
                                                test::pki(QStringLiteral("full.key")));
    jira.rootLocation =
        QStringLiteral("proxy_pass http://127.0.0.1:%1; proxy_set_header Host $host;").arg(m_jira->port());
    m_nginx = std::make_unique<test::NginxServer>(QList<test::NginxSite>{gitlab, jira});
    QVERIFY2(m_nginx->start(), qPrintable(m_nginx->errorString()));
}

// Every test starts from a fresh GitLab 17.8 whose external_url is the URL the CLI uses.
void ConfigureScenarios::init()
{
    qputenv("GJD_NOW", m_suiteNow);
    m_gitlab->clearFailures();
    m_gitlab->state() = test::FakeGitLabState{};
    m_gitlab->state().settings = test::FakeGitLabState::defaultSettings();
    m_gitlab->state().externalUrl = QUrl(url());
    m_gitlab->addAdminToken(kToken, {QStringLiteral("api")});
    test::FakeGitLabToken user;
    user.user.id = 2;
    user.user.username = QStringLiteral("alice");
    m_gitlab->addToken(kUserToken, user);
    m_gitlab->clearRequests();
    m_secrets.clear();
}

QString ConfigureScenarios::url() const
{
    return QStringLiteral("https://%1:%2").arg(kHost).arg(m_nginx->port(QStringLiteral("gitlab")));
}

QStringList ConfigureScenarios::configureArgs(const QString& method, const QStringList& extra) const
{
    QStringList args{
        QStringLiteral("configure"),
        url(),
        QStringLiteral("--method"),
        method,
        QStringLiteral("--resolve"),
        QStringLiteral("%1:%2:127.0.0.1").arg(kHost).arg(m_nginx->port(QStringLiteral("gitlab"))),
        QStringLiteral("--ca-file"),
        test::pki(QStringLiteral("root.pem")),
        QStringLiteral("--timeout"),
        QStringLiteral("5")};
    return args + extra;
}

test::CliRun ConfigureScenarios::configure(const QString& method, const QStringList& extra,
                                           const QString& token)
{
    rememberSecrets();
    const test::CliRun run = test::runCli(configureArgs(method, extra), token);
    rememberSecrets();
    // GJD_SHOW_OUTPUT=1: what an admin would see, for the docs and for debugging.
    if (qEnvironmentVariableIsSet("GJD_SHOW_OUTPUT"))
        std::fprintf(stderr, "$ gitlab-jira-doctor-cli %s\n%s(exit %d)\n",
                     qPrintable(configureArgs(method, extra).join(QLatin1Char(' '))),
                     QByteArray(run.out + run.err).constData(), run.exitCode);
    return run;
}

void ConfigureScenarios::rememberSecrets()
{
    for (const auto& app : m_gitlab->state().applications)
        m_secrets.insert(app.secret);
}

void ConfigureScenarios::verifyNoSecrets(const test::CliRun& run)
{
    rememberSecrets();
    QSet<QString> secrets = m_secrets;
    secrets << kToken << kUserToken << kJiraToken;
    for (const QString& secret : std::as_const(secrets)) {
        QVERIFY2(!run.out.contains(secret.toUtf8()), qPrintable(QStringLiteral("a secret in stdout")));
        QVERIFY2(!run.err.contains(secret.toUtf8()), qPrintable(QStringLiteral("a secret in stderr")));
    }
}

QList<test::FakeGitLabRequest> ConfigureScenarios::writes() const
{
    QList<test::FakeGitLabRequest> out;
    for (const auto& r : m_gitlab->requests()) {
        if (r.method != "GET" && r.method != "HEAD")
            out.append(r);
    }
    return out;
}

QString ConfigureScenarios::setting(const QString& key) const
{
    const QJsonValue v = m_gitlab->setting(key);
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return v.isNull() ? QStringLiteral("null") : v.toString();
}

test::FakeGitLabApplication ConfigureScenarios::onlyApplication() const
{
    const auto& apps = m_gitlab->state().applications;
    return apps.size() == 1 ? apps.constFirst() : test::FakeGitLabApplication{};
}

test::FakeGitLabApplication ConfigureScenarios::addApplication(const QString& name, const QString& redirect,
                                                               bool confidential, const QString& scopes)
{
    test::FakeGitLabApplication app;
    app.name = name;
    app.redirectUri = redirect;
    app.confidential = confidential;
    app.scopes = scopes;
    return m_gitlab->addApplication(app);
}

test::FakeGitLabApplication ConfigureScenarios::plantLegacyInstall(bool relaysForOthers)
{
    const auto app = addApplication(QStringLiteral("Jira Connect (manual)"),
                                    url() + QStringLiteral("/-/jira_connect/oauth_callbacks"), false);
    m_gitlab->setSetting(QStringLiteral("jira_connect_application_key"), app.uid);
    m_gitlab->setSetting(QStringLiteral("jira_connect_proxy_url"), QString());
    m_gitlab->setSetting(QStringLiteral("jira_connect_public_key_storage_enabled"), relaysForOthers);
    m_gitlab->clearRequests();
    return app;
}

QJsonObject ConfigureScenarios::checkReport(const QString& token, test::CliRun* out)
{
    const QStringList args{
        QStringLiteral("check"),
        url(),
        QStringLiteral("--resolve"),
        QStringLiteral("%1:%2:127.0.0.1").arg(kHost).arg(m_nginx->port(QStringLiteral("gitlab"))),
        QStringLiteral("--trust-store"),
        test::pki(QStringLiteral("trust.pem")),
        QStringLiteral("--timeout"),
        QStringLiteral("5"),
        QStringLiteral("--format"),
        QStringLiteral("json")};
    const test::CliRun run = test::runCli(args, token);
    if (out)
        *out = run;
    // Every report these scenarios read also follows the schema, with its platform evidence.
    const QString invalid = test::schemaErrors(QStringLiteral("report.schema.json"), run.out);
    if (!invalid.isEmpty())
        qWarning("report invalid: %s", qPrintable(invalid));
    return invalid.isEmpty() ? QJsonDocument::fromJson(run.out).object() : QJsonObject();
}

// ---------------------------------------------------------------------------------------------

void ConfigureScenarios::freshInstanceEachMethod_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("proxyUrl");
    QTest::addColumn<bool>("keyStorage");
    QTest::addColumn<bool>("ownCallback");
    QTest::addColumn<bool>("legacyWarning");
    QTest::newRow("marketplace") << "marketplace"
                                 << "https://gitlab.com" << false << false << false;
    // Before Jira stopped installing private Connect apps (2026-03-31) a new legacy install could
    // still be made; newLegacyInstallIsRefused covers the days after.
    QTest::newRow("manual, February 2026") << "manual"
                                           << "" << false << true << true;
    QTest::newRow("proxy, February 2026") << "proxy"
                                          << "" << true << true << true;
}

void ConfigureScenarios::freshInstanceEachMethod()
{
    QFETCH(QString, method);
    QFETCH(QString, proxyUrl);
    QFETCH(bool, keyStorage);
    QFETCH(bool, ownCallback);
    QFETCH(bool, legacyWarning);

    if (legacyWarning)
        qputenv("GJD_NOW", "2026-02-01T12:00:00Z");
    const test::CliRun run = configure(method, {QStringLiteral("--yes")});
    QVERIFY2(run.finished, qPrintable(run.describe()));
    QCOMPARE(run.exitCode, 0);
    verifyNoSecrets(run);

    // GitLab's state, as the API would show it.
    QCOMPARE(m_gitlab->state().applications.size(), 1);
    const test::FakeGitLabApplication app = onlyApplication();
    QCOMPARE(app.name, kAppName);
    QCOMPARE(app.redirectUri,
             ownCallback ? url() + QStringLiteral("/-/jira_connect/oauth_callbacks") : kMarketplaceCallback);
    QCOMPARE(app.scopes, QStringLiteral("api"));
    QCOMPARE(app.confidential, false);
    QCOMPARE(setting(QStringLiteral("jira_connect_application_key")), app.uid);
    QCOMPARE(m_gitlab->setting(QStringLiteral("jira_connect_proxy_url")).toString(), proxyUrl);
    QCOMPARE(m_gitlab->setting(QStringLiteral("jira_connect_public_key_storage_enabled")).toBool(),
             keyStorage);
    QCOMPARE(setting(QStringLiteral("jira_connect_additional_audience_url")), QStringLiteral("null"));

    // One application created, one settings write with only what differed.
    const auto w = writes();
    QCOMPARE(w.size(), 2);
    QCOMPARE(w.at(0).method, QByteArray("POST"));
    QVERIFY(w.at(0).path.endsWith(QLatin1String("/api/v4/applications")));
    QCOMPARE(w.at(1).method, QByteArray("PUT"));
    const QJsonObject put = QJsonDocument::fromJson(w.at(1).body).object();
    QVERIFY2(put.contains(QStringLiteral("jira_connect_application_key")), w.at(1).body.constData());
    QCOMPARE(put.contains(QStringLiteral("jira_connect_proxy_url")), !proxyUrl.isEmpty());
    QCOMPARE(put.contains(QStringLiteral("jira_connect_public_key_storage_enabled")), keyStorage);

    const QString out = QString::fromUtf8(run.out);
    QVERIFY2(out.contains(QLatin1String("+ create \"GitLab for Jira Cloud app\"")), qPrintable(out));
    QVERIFY2(out.contains(QLatin1String("~ jira_connect_application_key")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("Application ID %1").arg(app.uid)), qPrintable(out));
    QVERIFY2(out.contains(QLatin1String("set up for the %1 method and verified").arg(method)),
             qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("✓ jira_connect_application_key is \"%1\"").arg(app.uid)),
             qPrintable(out));
    QCOMPARE(out.contains(QLatin1String("December 2026")), legacyWarning);
    QCOMPARE(
        out.contains(QLatin1String("From 31 March 2026 Jira no longer installs private Connect apps")) ||
            out.contains(QLatin1String("From March 31, 2026 Jira no longer installs private Connect apps")),
        legacyWarning);
}

void ConfigureScenarios::secondRunChangesNothing()
{
    QCOMPARE(configure(QStringLiteral("marketplace"), {QStringLiteral("--yes")}).exitCode, 0);
    const test::FakeGitLabApplication first = onlyApplication();
    const QJsonObject settings = m_gitlab->state().settings;
    m_gitlab->clearRequests();

    // No --yes: nothing to change means nothing to confirm.
    const test::CliRun again = configure(QStringLiteral("marketplace"));
    QVERIFY2(again.exitCode == 0, qPrintable(again.describe() + QString::fromUtf8(again.out)));
    QVERIFY(writes().isEmpty());
    QCOMPARE(m_gitlab->state().applications.size(), 1);
    QCOMPARE(onlyApplication().uid, first.uid);
    QCOMPARE(m_gitlab->state().settings, settings);
    const QString out = QString::fromUtf8(again.out);
    QVERIFY2(out.contains(QLatin1String("Nothing to change")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("= reuse \"%1\"").arg(kAppName)), qPrintable(out));
    QVERIFY2(out.contains(QLatin1String("verified")), qPrintable(out));
    verifyNoSecrets(again);
}

void ConfigureScenarios::switchingMethodChangesOnlyWhatDiffers()
{
    // Manual first (while Jira still installed private apps), then Marketplace: a new application
    // (the redirect URI differs), the key and the proxy URL change; public key storage stays off
    // and is not written.
    qputenv("GJD_NOW", "2026-02-01T12:00:00Z");
    QCOMPARE(configure(QStringLiteral("manual"), {QStringLiteral("--yes")}).exitCode, 0);
    qputenv("GJD_NOW", m_suiteNow);
    const test::FakeGitLabApplication manualApp = onlyApplication();
    m_gitlab->clearRequests();
    const test::CliRun run = configure(QStringLiteral("marketplace"), {QStringLiteral("--yes")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(m_gitlab->state().applications.size(), 2);
    const test::FakeGitLabApplication marketplaceApp = m_gitlab->state().applications.constLast();
    QCOMPARE(marketplaceApp.redirectUri, kMarketplaceCallback);
    QCOMPARE(setting(QStringLiteral("jira_connect_application_key")), marketplaceApp.uid);
    const QJsonObject put = QJsonDocument::fromJson(writes().constLast().body).object();
    const QStringList keys = put.keys();
    QCOMPARE(QSet<QString>(keys.cbegin(), keys.cend()),
             (QSet<QString>{QStringLiteral("jira_connect_application_key"),
                            QStringLiteral("jira_connect_proxy_url")}));
    // The manual application is no longer used: reported, left alone.
    const QString out = QString::fromUtf8(run.out);
    QVERIFY2(out.contains(QStringLiteral("/admin/applications/%1").arg(manualApp.id)), qPrintable(out));
    verifyNoSecrets(run);
}

void ConfigureScenarios::newLegacyInstallIsRefused_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QByteArray>("now");
    QTest::newRow("manual, the day of the block") << "manual" << QByteArray("2026-03-31T08:00:00Z");
    QTest::newRow("proxy, April 2026") << "proxy" << QByteArray("2026-04-01T12:00:00Z");
    QTest::newRow("manual, December 2026") << "manual" << QByteArray("2026-12-02T12:00:00Z");
    QTest::newRow("proxy, a year later") << "proxy" << QByteArray("2027-12-02T12:00:00Z");
}

void ConfigureScenarios::newLegacyInstallIsRefused()
{
    QFETCH(QString, method);
    QFETCH(QByteArray, now);
    qputenv("GJD_NOW", now);
    const QJsonObject settingsBefore = m_gitlab->state().settings;
    const test::CliRun run = configure(method, {QStringLiteral("--yes")});
    QVERIFY2(run.finished, qPrintable(run.describe()));
    QCOMPARE(run.exitCode, 1);
    QVERIFY(writes().isEmpty());
    QVERIFY(m_gitlab->state().applications.isEmpty());
    QCOMPARE(m_gitlab->state().settings, settingsBefore);
    const QString out = QString::fromUtf8(run.out + run.err);
    QVERIFY2(out.contains(QStringLiteral("A new %1 install cannot be made").arg(method)), qPrintable(out));
    // Jira's own words, never a day Atlassian did not give.
    QVERIFY2(
        out.contains(QLatin1String("Development Mode no longer supports installing private apps using an "
                                   "app descriptor URL")),
        qPrintable(out));
    QVERIFY2(out.contains(QLatin1String("Use the Marketplace method")), qPrintable(out));
    QVERIFY2(!out.contains(QLatin1String("December 31")) && !out.contains(QLatin1String("2027-01-31")),
             qPrintable(out));
    verifyNoSecrets(run);
}

void ConfigureScenarios::legacyManualMovesToMarketplace()
{
    const test::FakeGitLabApplication legacy = plantLegacyInstall(false);

    // Today's check: a legacy Connect install, failing Connect's end of support, with the source.
    QJsonObject report = checkReport(kToken);
    QStringList problems;
    auto findings = test::findingsById(report, &problems);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    const QJsonObject type = findings.value(QStringLiteral("platform.install_type"));
    QCOMPARE(
        type.value(QStringLiteral("evidence")).toObject().value(QStringLiteral("install_type")).toString(),
        QStringLiteral("legacy-connect"));
    QCOMPARE(type.value(QStringLiteral("evidence")).toObject().value(QStringLiteral("decided_by")).toString(),
             QStringLiteral("settings"));
    QCOMPARE(type.value(QStringLiteral("status")).toString(), QStringLiteral("fail"));
    const QJsonObject eol = findings.value(QStringLiteral("platform.connect_eol"));
    QCOMPARE(eol.value(QStringLiteral("status")).toString(), QStringLiteral("fail"));
    const QJsonObject eolEvidence = eol.value(QStringLiteral("evidence")).toObject();
    QCOMPARE(eolEvidence.value(QStringLiteral("source")).toString(),
             QStringLiteral("https://github.com/atlassian/github-for-jira/issues/2681"));
    QVERIFY(eolEvidence.value(QStringLiteral("wording"))
                .toString()
                .contains(QLatin1String("may stop working after December 2026")));
    QCOMPARE(eolEvidence.value(QStringLiteral("install")).toString(), QStringLiteral("existing"));
    QCOMPARE(report.value(QStringLiteral("target")).toObject().value(QStringLiteral("method")).toString(),
             QStringLiteral("manual"));

    // The move: GitLab's side planned and applied, Jira's side listed, the old application kept.
    const test::CliRun run = configure(QStringLiteral("marketplace"), {QStringLiteral("--yes")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe() + QString::fromUtf8(run.out)));
    verifyNoSecrets(run);
    const QString out = QString::fromUtf8(run.out);
    for (const char* expected :
         {"Moving the legacy install to the Marketplace app", "legacy Connect install",
          "(blank) → \"https://gitlab.com\"", "Take me there → Installed apps",
          "Uninstall the private app with the key gitlab-jira-connect-gitlab.test",
          "approve its major upgrade to Atlassian's Forge platform", "Link your groups again", "Not known",
          "development information synced under the private app's key",
          "The legacy application \"Jira Connect (manual)\" stays; --remove-old-application deletes it"}) {
        QVERIFY2(out.contains(QString::fromUtf8(expected)),
                 qPrintable(QString::fromUtf8(expected) + QStringLiteral("\n") + out));
    }
    QVERIFY2(!out.contains(QLatin1String("development mode"), Qt::CaseInsensitive), qPrintable(out));
    QCOMPARE(m_gitlab->state().applications.size(), 2);
    QCOMPARE(m_gitlab->state().applications.constFirst().id, legacy.id); // still there
    const test::FakeGitLabApplication marketplace = m_gitlab->state().applications.constLast();
    QCOMPARE(marketplace.redirectUri, kMarketplaceCallback);
    QCOMPARE(setting(QStringLiteral("jira_connect_application_key")), marketplace.uid);
    QCOMPARE(setting(QStringLiteral("jira_connect_proxy_url")), QStringLiteral("https://gitlab.com"));
    QCOMPARE(setting(QStringLiteral("jira_connect_public_key_storage_enabled")), QStringLiteral("false"));

    // The check agrees: a Marketplace install now.
    report = checkReport(kToken);
    findings = test::findingsById(report, &problems);
    QCOMPARE(findings.value(QStringLiteral("platform.install_type"))
                 .value(QStringLiteral("evidence"))
                 .toObject()
                 .value(QStringLiteral("install_type"))
                 .toString(),
             QStringLiteral("marketplace"));
    QCOMPARE(
        findings.value(QStringLiteral("platform.connect_eol")).value(QStringLiteral("status")).toString(),
        QStringLiteral("skip"));
    QCOMPARE(
        findings.value(QStringLiteral("platform.forge_upgrade")).value(QStringLiteral("status")).toString(),
        QStringLiteral("manual"));

    // A second run changes nothing, and the old application survives.
    m_gitlab->clearRequests();
    const test::CliRun again = configure(QStringLiteral("marketplace"), {QStringLiteral("--yes")});
    QCOMPARE(again.exitCode, 0);
    QVERIFY(writes().isEmpty());
    QCOMPARE(m_gitlab->state().applications.size(), 2);
    QVERIFY2(QString::fromUtf8(again.out).contains(QLatin1String("Nothing to change")),
             again.out.constData());

    // With consent, the legacy application goes, and only it; then nothing is left to do.
    const test::CliRun consent = configure(
        QStringLiteral("marketplace"), {QStringLiteral("--yes"), QStringLiteral("--remove-old-application")});
    QVERIFY2(consent.exitCode == 0, qPrintable(consent.describe() + QString::fromUtf8(consent.out)));
    QCOMPARE(m_gitlab->state().applications.size(), 1);
    QCOMPARE(onlyApplication().id, marketplace.id);
    const auto deletes = writes();
    QCOMPARE(deletes.size(), 1);
    QCOMPARE(deletes.constFirst().method, QByteArray("DELETE"));
    QVERIFY(deletes.constFirst().path.endsWith(QStringLiteral("/api/v4/applications/%1").arg(legacy.id)));
    QVERIFY2(
        QString::fromUtf8(consent.out)
            .contains(QStringLiteral("✓ The legacy application \"Jira Connect (manual)\" (id %1) is deleted.")
                          .arg(legacy.id)),
        consent.out.constData());
    m_gitlab->clearRequests();
    QCOMPARE(configure(QStringLiteral("marketplace"),
                       {QStringLiteral("--yes"), QStringLiteral("--remove-old-application")})
                 .exitCode,
             0);
    QVERIFY(writes().isEmpty());
}

void ConfigureScenarios::legacyProxyForOthersMoves()
{
    const test::FakeGitLabApplication legacy = plantLegacyInstall(true);
    const test::CliRun run = configure(QStringLiteral("marketplace"),
                                       {QStringLiteral("--yes"), QStringLiteral("--remove-old-application")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe() + QString::fromUtf8(run.out)));
    const QString out = QString::fromUtf8(run.out);
    QVERIFY2(out.contains(
                 QStringLiteral("every instance whose Jira Connect Proxy URL points at %1 must move to the "
                                "Marketplace app too")
                     .arg(url())),
             qPrintable(out));
    QVERIFY2(out.contains(QLatin1String("is deleted after the settings switch, as you asked")),
             qPrintable(out));
    // Public key storage stays on for the instances that still rely on it.
    QCOMPARE(setting(QStringLiteral("jira_connect_public_key_storage_enabled")), QStringLiteral("true"));
    QCOMPARE(setting(QStringLiteral("jira_connect_proxy_url")), QStringLiteral("https://gitlab.com"));
    // The settings were written before the legacy application was deleted.
    const auto w = writes();
    QCOMPARE(w.size(), 3);
    QCOMPARE(w.at(0).method, QByteArray("POST"));
    QCOMPARE(w.at(1).method, QByteArray("PUT"));
    QCOMPARE(w.at(2).method, QByteArray("DELETE"));
    QVERIFY(w.at(2).path.endsWith(QStringLiteral("/applications/%1").arg(legacy.id)));
    verifyNoSecrets(run);

    // Later runs leave the relaying alone (storage on is what the other instances need) and write
    // nothing, but keep saying who else must move.
    m_gitlab->clearRequests();
    const test::CliRun again = configure(QStringLiteral("marketplace"), {QStringLiteral("--yes")});
    QCOMPARE(again.exitCode, 0);
    QVERIFY2(writes().isEmpty(), again.out.constData());
    QCOMPARE(setting(QStringLiteral("jira_connect_public_key_storage_enabled")), QStringLiteral("true"));
    QVERIFY2(QString::fromUtf8(again.out).contains(QLatin1String("Nothing to change")),
             again.out.constData());
    QVERIFY2(QString::fromUtf8(again.out).contains(QLatin1String("must move to the Marketplace app too")),
             again.out.constData());
}

void ConfigureScenarios::installTypeOfEachSetup_data()
{
    QTest::addColumn<QString>("setup");
    QTest::addColumn<bool>("withToken");
    QTest::addColumn<QString>("installType"); // empty: undecided (skip)
    QTest::addColumn<QString>("decidedBy");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QStringList>(
        "forge"); // statuses of forge.app_id, forge.installation_endpoint, manual.forge_network

    const QStringList skipped{"skip", "skip", "skip"};
    QTest::newRow("fresh, token") << "fresh" << true << "none"
                                  << "settings"
                                  << "info" << skipped;
    QTest::newRow("fresh, anonymous") << "fresh" << false << "none"
                                      << "descriptor_key+endpoints"
                                      << "info" << skipped;
    QTest::newRow("marketplace, token") << "marketplace" << true << "marketplace"
                                        << "settings"
                                        << "info" << skipped;
    QTest::newRow("marketplace, anonymous") << "marketplace" << false << "marketplace"
                                            << "descriptor_key"
                                            << "info" << skipped;
    QTest::newRow("legacy, anonymous") << "legacy" << false << "legacy-connect"
                                       << "descriptor_key+endpoints"
                                       << "fail" << skipped;
    QTest::newRow("forge, token") << "forge" << true << "forge-native"
                                  << "settings"
                                  << "info" << QStringList{"pass", "pass", "manual"};
    QTest::newRow("forge with a bad app ID") << "forge-bad-id" << true << "forge-native"
                                             << "settings"
                                             << "info" << QStringList{"fail", "pass", "manual"};
    QTest::newRow("forge, routes blocked") << "forge-blocked" << true << "forge-native"
                                           << "settings"
                                           << "info" << QStringList{"pass", "fail", "manual"};
    QTest::newRow("forge, anonymous") << "forge" << false << "none"
                                      << "descriptor_key+endpoints"
                                      << "info" << skipped;
}

void ConfigureScenarios::installTypeOfEachSetup()
{
    QFETCH(QString, setup);
    QFETCH(bool, withToken);
    QFETCH(QString, installType);
    QFETCH(QString, decidedBy);
    QFETCH(QString, status);
    QFETCH(QStringList, forge);

    if (setup == QLatin1String("marketplace")) {
        QCOMPARE(configure(QStringLiteral("marketplace"), {QStringLiteral("--yes")}).exitCode, 0);
    } else if (setup == QLatin1String("legacy")) {
        plantLegacyInstall(false);
    } else if (setup.startsWith(QLatin1String("forge"))) {
        m_gitlab->state().version = QStringLiteral("18.10.0-ee");
        m_gitlab->setSetting(
            QStringLiteral("jira_forge_app_id"),
            setup == QLatin1String("forge-bad-id")
                ? QStringLiteral("ari:cloud:ecosystem::app/not-a-uuid")
                : QStringLiteral("ari:cloud:ecosystem::app/0b7d4c1e-5f3a-4e2b-9c8d-1a2b3c4d5e6f"));
        if (setup == QLatin1String("forge-blocked"))
            m_gitlab->failNext("PUT", QStringLiteral("/api/v4/integrations/jira_forge/installation"),
                               test::FakeFailure::httpStatus(403, "<html>Forbidden</html>", "text/html"));
    }
    test::CliRun run;
    const QJsonObject report = checkReport(withToken ? kToken : QString(), &run);
    QVERIFY2(run.finished && !report.isEmpty(), qPrintable(run.describe()));
    QStringList problems;
    const auto findings = test::findingsById(report, &problems);
    const QJsonObject type = findings.value(QStringLiteral("platform.install_type"));
    const QJsonObject evidence = type.value(QStringLiteral("evidence")).toObject();
    QVERIFY2(type.value(QStringLiteral("status")).toString() == status,
             qPrintable(test::describeFinding(type)));
    QCOMPARE(evidence.value(QStringLiteral("install_type")).toString(), installType);
    QVERIFY2(evidence.value(QStringLiteral("decided_by")).toString() == decidedBy,
             qPrintable(test::describeFinding(type) + QLatin1Char('\n') +
                        test::describeFinding(findings.value(QStringLiteral("gitlab.token")))));
    // Without Forge support in this GitLab, the settings say so by leaving the field out.
    if (withToken)
        QCOMPARE(evidence.value(QStringLiteral("forge_setting")).toString(),
                 setup.startsWith(QLatin1String("forge")) ? QStringLiteral("present")
                                                          : QStringLiteral("absent"));
    const QStringList forgeIds{QStringLiteral("forge.app_id"), QStringLiteral("forge.installation_endpoint"),
                               QStringLiteral("manual.forge_network")};
    for (int i = 0; i < forgeIds.size(); ++i) {
        const QJsonObject f = findings.value(forgeIds.at(i));
        QVERIFY2(f.value(QStringLiteral("status")).toString() == forge.at(i),
                 qPrintable(test::describeFinding(f)));
    }
    // The anonymous PUT reaches GitLab only when the settings name a Forge app.
    const bool probed =
        !m_gitlab->requestsTo(QStringLiteral("/api/v4/integrations/jira_forge/installation")).isEmpty();
    QCOMPARE(probed, forge.at(0) != QLatin1String("skip"));
    if (installType == QLatin1String("forge-native")) {
        QCOMPARE(
            findings.value(QStringLiteral("platform.connect_eol")).value(QStringLiteral("status")).toString(),
            QStringLiteral("skip"));
        QVERIFY(type.value(QStringLiteral("summary")).toString().contains(QLatin1String("experimental")));
    }
}

void ConfigureScenarios::nonAdminToken()
{
    const test::CliRun run = configure(QStringLiteral("marketplace"), {QStringLiteral("--yes")}, kUserToken);
    QCOMPARE(run.exitCode, 1);
    QVERIFY(writes().isEmpty());
    QVERIFY(m_gitlab->state().applications.isEmpty());
    const QString all = QString::fromUtf8(run.out + run.err);
    QVERIFY2(all.contains(QLatin1String("alice is not treated as an administrator")) ||
                 all.contains(QLatin1String("alice is not an administrator")),
             qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("Nothing was changed")), qPrintable(all));
    verifyNoSecrets(run);
}

void ConfigureScenarios::adminModeWithoutScope()
{
    m_gitlab->setAdminMode(true);
    const test::CliRun run = configure(QStringLiteral("marketplace"), {QStringLiteral("--yes")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(writes().isEmpty());
    const QString all = QString::fromUtf8(run.out + run.err);
    QVERIFY2(all.contains(QLatin1String("Admin Mode is on and the token lacks the admin_mode scope")),
             qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("api and admin_mode")), qPrintable(all));
    verifyNoSecrets(run);
}

void ConfigureScenarios::adminModeWithScope()
{
    m_gitlab->setAdminMode(true);
    m_gitlab->addAdminToken(kToken, {QStringLiteral("api"), QStringLiteral("admin_mode")});
    const test::CliRun run = configure(QStringLiteral("marketplace"), {QStringLiteral("--yes")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(setting(QStringLiteral("jira_connect_proxy_url")), QStringLiteral("https://gitlab.com"));
}

void ConfigureScenarios::rejectedToken()
{
    const test::CliRun run = configure(QStringLiteral("marketplace"), {QStringLiteral("--yes")},
                                       QStringLiteral("glpat-PLANTED-unknown-0009"));
    QCOMPARE(run.exitCode, 1);
    QVERIFY(writes().isEmpty());
    const QString err = QString::fromUtf8(run.err);
    QVERIFY2(err.contains(QLatin1String("refused the token (401 Unauthorized)")), qPrintable(err));
    QVERIFY2(err.contains(QLatin1String("/-/user_settings/personal_access_tokens")), qPrintable(err));
    QVERIFY(!run.err.contains("glpat-PLANTED-unknown-0009") &&
            !run.out.contains("glpat-PLANTED-unknown-0009"));
}

void ConfigureScenarios::validationErrorIsShown()
{
    // external_url is an internal name; Jira reaches gitlab.test, which GitLab resolves to a
    // private address: its public_url validator refuses the additional audience URL.
    m_gitlab->state().externalUrl = QUrl(QStringLiteral("https://gitlab.internal.test"));
    m_gitlab->state().dnsOverrides.insert(kHost, QStringLiteral("10.20.30.40"));
    const test::CliRun run = configure(QStringLiteral("marketplace"), {QStringLiteral("--yes")});
    QCOMPARE(run.exitCode, 1);
    const QString out = QString::fromUtf8(run.out);
    QVERIFY2(
        out.contains(QLatin1String("GitLab rejected updating the application settings (400 Bad Request): "
                                   "jira_connect_additional_audience_url is blocked: Requests to the local "
                                   "network are not allowed")),
        qPrintable(out));
    QVERIFY2(out.contains(QLatin1String("Already done: Created the OAuth application")), qPrintable(out));
    // The application exists; no setting was written (GitLab validates the whole request).
    QCOMPARE(m_gitlab->state().applications.size(), 1);
    QCOMPARE(setting(QStringLiteral("jira_connect_application_key")), QStringLiteral("null"));
    verifyNoSecrets(run);
}

void ConfigureScenarios::serverErrorAfterCreatingThenRerun()
{
    m_gitlab->failNext("PUT", QStringLiteral("/api/v4/application/settings"),
                       test::FakeFailure::httpStatus(502, "<html>502 Bad Gateway</html>", "text/html"));
    const test::CliRun first = configure(QStringLiteral("marketplace"), {QStringLiteral("--yes")});
    QCOMPARE(first.exitCode, 1);
    const QString out = QString::fromUtf8(first.out);
    QVERIFY2(out.contains(QLatin1String("GitLab failed while updating the application settings (502")),
             qPrintable(out));
    QVERIFY2(out.contains(QLatin1String("Already done: Created the OAuth application")), qPrintable(out));
    QCOMPARE(m_gitlab->state().applications.size(), 1);
    const QString uid = onlyApplication().uid;
    QCOMPARE(setting(QStringLiteral("jira_connect_application_key")), QStringLiteral("null"));

    m_gitlab->clearRequests();
    const test::CliRun again = configure(QStringLiteral("marketplace"), {QStringLiteral("--yes")});
    QVERIFY2(again.exitCode == 0, qPrintable(again.describe()));
    QCOMPARE(m_gitlab->state().applications.size(), 1); // reused, not a second one
    QCOMPARE(setting(QStringLiteral("jira_connect_application_key")), uid);
    for (const auto& w : writes())
        QVERIFY2(w.method != "POST", "a second application was created");
    QVERIFY(QString::fromUtf8(again.out).contains(QStringLiteral("= reuse \"%1\"").arg(kAppName)));
    verifyNoSecrets(first);
    verifyNoSecrets(again);
}

void ConfigureScenarios::droppedConnectionAfterCreatingThenRerun_data()
{
    QTest::addColumn<bool>("stall");
    QTest::addColumn<QString>("message");
    // nginx answers 502 when GitLab drops the connection; a stalled GitLab runs into the timeout.
    QTest::newRow("dropped: the proxy's 502") << false << "creating the OAuth application (502 Bad Gateway)";
    QTest::newRow("stalled: timeout")
        << true << "creating the OAuth application: no complete answer from GitLab";
}

void ConfigureScenarios::droppedConnectionAfterCreatingThenRerun()
{
    QFETCH(bool, stall);
    QFETCH(QString, message);
    // GitLab creates the application, then the answer never arrives.
    test::FakeGitLab* gitlab = m_gitlab.get();
    auto done = std::make_shared<bool>(false);
    m_gitlab->setInjector(
        [gitlab, done, stall](const test::FakeGitLabRequest& r) -> std::optional<test::FakeFailure> {
            if (*done || r.method != "POST" || !r.path.endsWith(QLatin1String("/api/v4/applications")))
                return std::nullopt;
            *done = true;
            test::FakeGitLabApplication app;
            app.name = QStringLiteral("GitLab for Jira Cloud app");
            app.redirectUri = kMarketplaceCallback;
            app.confidential = false;
            gitlab->addApplication(app);
            return stall ? test::FakeFailure::stall() : test::FakeFailure::dropConnection();
        });
    // The stalled row waits for the default 5 s: a shorter budget also cuts the reads short
    // on a loaded machine (ASan).
    const test::CliRun first = configure(QStringLiteral("marketplace"), {QStringLiteral("--yes")});
    QCOMPARE(first.exitCode, 1);
    const QString out = QString::fromUtf8(first.out);
    QVERIFY2(out.contains(message), qPrintable(out));
    QVERIFY2(out.contains(QLatin1String("GitLab may have created the application anyway")), qPrintable(out));
    QCOMPARE(m_gitlab->state().applications.size(), 1);

    const test::CliRun again = configure(QStringLiteral("marketplace"), {QStringLiteral("--yes")});
    QVERIFY2(again.exitCode == 0, qPrintable(again.describe()));
    QCOMPARE(m_gitlab->state().applications.size(), 1);
    QCOMPARE(setting(QStringLiteral("jira_connect_application_key")), onlyApplication().uid);
    verifyNoSecrets(first);
    verifyNoSecrets(again);
}

void ConfigureScenarios::misconfiguredApplicationIsLeftAlone()
{
    const auto bad = addApplication(QStringLiteral("Jira"), kMarketplaceCallback, true);
    m_gitlab->setSetting(QStringLiteral("jira_connect_application_key"), bad.uid);
    m_gitlab->clearRequests();
    const QJsonObject settings = m_gitlab->state().settings;

    const test::CliRun run = configure(QStringLiteral("marketplace"), {QStringLiteral("--yes")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(writes().isEmpty());
    QCOMPARE(m_gitlab->state().applications.size(), 1);
    QCOMPARE(onlyApplication().confidential, true);
    QCOMPARE(m_gitlab->state().settings, settings);
    const QString out = QString::fromUtf8(run.out);
    QVERIFY2(out.contains(QLatin1String("is misconfigured: it is confidential")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("%1/admin/applications/%2").arg(url()).arg(bad.id)),
             qPrintable(out));
    QVERIFY2(out.contains(QLatin1String("--replace-misconfigured")), qPrintable(out));
    QVERIFY2(out.contains(QLatin1String("Nothing was changed")), qPrintable(out));
    verifyNoSecrets(run);
}

void ConfigureScenarios::replaceMisconfigured()
{
    const auto bad =
        addApplication(QStringLiteral("Jira"), QStringLiteral("https://gitlab.com/wrong"), false);
    m_gitlab->setSetting(QStringLiteral("jira_connect_application_key"), bad.uid);
    const test::CliRun run = configure(QStringLiteral("marketplace"),
                                       {QStringLiteral("--yes"), QStringLiteral("--replace-misconfigured")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(m_gitlab->state().applications.size(), 1);
    const auto app = onlyApplication();
    QVERIFY(app.id != bad.id);
    QCOMPARE(app.redirectUri, kMarketplaceCallback);
    QCOMPARE(setting(QStringLiteral("jira_connect_application_key")), app.uid);
    const auto w = writes();
    QCOMPARE(w.size(), 3);
    QCOMPARE(w.at(0).method, QByteArray("DELETE")); // the old one first, then the new one
    QVERIFY(w.at(0).path.endsWith(QStringLiteral("/api/v4/applications/%1").arg(bad.id)));
    QCOMPARE(w.at(1).method, QByteArray("POST"));
    QVERIFY2(QString::fromUtf8(run.out).contains(QLatin1String("- delete \"Jira\"")), run.out.constData());
    verifyNoSecrets(run);
}

void ConfigureScenarios::reusesCorrectApplicationMadeByHand()
{
    const auto byHand = addApplication(QStringLiteral("Jira Connect"), kMarketplaceCallback, false);
    const test::CliRun run = configure(QStringLiteral("marketplace"), {QStringLiteral("--yes")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(m_gitlab->state().applications.size(), 1);
    QCOMPARE(setting(QStringLiteral("jira_connect_application_key")), byHand.uid);
    for (const auto& w : writes())
        QVERIFY(w.method != "POST");
    verifyNoSecrets(run);
}

void ConfigureScenarios::leftoverApplicationIsReported()
{
    const auto leftover = addApplication(QStringLiteral("old Jira app"),
                                         url() + QStringLiteral("/-/jira_connect/oauth_callbacks"), true);
    const test::CliRun run = configure(QStringLiteral("marketplace"), {QStringLiteral("--yes")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(m_gitlab->state().applications.size(), 2);
    QCOMPARE(m_gitlab->state().applications.constFirst().confidential, true); // untouched
    const QString out = QString::fromUtf8(run.out);
    QVERIFY2(out.contains(
                 QStringLiteral("\"old Jira app\" (id %1) also points at a Jira callback").arg(leftover.id)),
             qPrintable(out));
}

void ConfigureScenarios::dryRunChangesNothing()
{
    m_gitlab->setSetting(QStringLiteral("jira_connect_proxy_url"), QStringLiteral("https://gitlab.com/"));
    const QJsonObject settingsBefore = m_gitlab->state().settings;
    const qsizetype applicationsBefore = m_gitlab->state().applications.size();
    const test::CliRun run = configure(QStringLiteral("marketplace"), {QStringLiteral("--dry-run")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(writes().isEmpty());
    QCOMPARE(m_gitlab->state().settings, settingsBefore);
    QCOMPARE(m_gitlab->state().applications.size(), applicationsBefore);
    const QString out = QString::fromUtf8(run.out);
    // The trailing slash is shown as the change it is.
    QVERIFY2(out.contains(QStringLiteral("\"https://gitlab.com/\" → \"https://gitlab.com\"")),
             qPrintable(out));
    QVERIFY2(out.contains(QLatin1String("Dry run: nothing was changed.")), qPrintable(out));
}

// configure takes the connection options check takes: --trust-store names the roots the remote
// side trusts, and they are trusted for sending the token too (without --ca-file, nothing else
// would let the token go to this test PKI's server).
void ConfigureScenarios::trustStoreIsTrustedForTheToken()
{
    QStringList args = configureArgs(QStringLiteral("marketplace"), {QStringLiteral("--dry-run")});
    const int ca = int(args.indexOf(QStringLiteral("--ca-file")));
    QVERIFY(ca > 0);
    args[ca] = QStringLiteral("--trust-store");
    args[ca + 1] = test::pki(QStringLiteral("trust.pem"));
    const test::CliRun run = test::runCli(args, kToken);
    const QString out = QString::fromUtf8(run.out) + QString::fromUtf8(run.err);
    QVERIFY2(run.exitCode == 0, qPrintable(out));
    QVERIFY2(out.contains(QLatin1String("Dry run: nothing was changed.")), qPrintable(out));
    QVERIFY(writes().isEmpty());

    // And check: the token is verified, so the settings are read (gitlab.token passes).
    const QJsonObject report = checkReport(kToken);
    QJsonObject token;
    for (const QJsonValue& v : report.value(QStringLiteral("checks")).toArray()) {
        if (v.toObject().value(QStringLiteral("id")).toString() == QLatin1String("gitlab.token"))
            token = v.toObject();
    }
    QVERIFY2(token.value(QStringLiteral("status")).toString() == QLatin1String("pass"),
             qPrintable(QString::fromUtf8(QJsonDocument(token).toJson())));
}

void ConfigureScenarios::audienceForAnotherPublicHost_data()
{
    QTest::addColumn<QString>("version");
    QTest::addColumn<bool>("set");
    QTest::newRow("17.8: set") << "17.8.1-ee" << true;
    QTest::newRow("17.6: warn") << "17.6.3-ee" << false;
}

void ConfigureScenarios::audienceForAnotherPublicHost()
{
    QFETCH(QString, version);
    QFETCH(bool, set);
    m_gitlab->state().version = version;
    m_gitlab->state().externalUrl = QUrl(QStringLiteral("https://gitlab.internal.test"));
    const test::CliRun run = configure(QStringLiteral("marketplace"), {QStringLiteral("--yes")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const QString out = QString::fromUtf8(run.out);
    if (set) {
        QCOMPARE(setting(QStringLiteral("jira_connect_additional_audience_url")), url());
        QVERIFY2(out.contains(QLatin1String("external_url host is gitlab.internal.test")), qPrintable(out));
    } else {
        QVERIFY(!m_gitlab->state()
                     .settings.value(QStringLiteral("jira_connect_additional_audience_url"))
                     .isString());
        QVERIFY2(out.contains(QLatin1String("Invalid audience")), qPrintable(out));
    }
}

void ConfigureScenarios::verificationFailureExitsOne()
{
    // Something else rewrites the proxy URL right after the setup wrote it.
    test::FakeGitLab* gitlab = m_gitlab.get();
    auto wrote = std::make_shared<bool>(false);
    m_gitlab->setInjector(
        [gitlab, wrote](const test::FakeGitLabRequest& r) -> std::optional<test::FakeFailure> {
            if (r.method == "PUT")
                *wrote = true;
            else if (*wrote && r.path.endsWith(QLatin1String("/application/settings")))
                gitlab->setSetting(QStringLiteral("jira_connect_proxy_url"),
                                   QStringLiteral("https://gitlab.com/"));
            return std::nullopt;
        });
    const test::CliRun run = configure(QStringLiteral("marketplace"), {QStringLiteral("--yes")});
    QCOMPARE(run.exitCode, 1);
    const QString out = QString::fromUtf8(run.out);
    QVERIFY2(out.contains(QStringLiteral("✗ jira_connect_proxy_url reads back as \"https://gitlab.com/\"")),
             qPrintable(out));
    QVERIFY2(out.contains(QLatin1String("GitLab reads back other values than the setup wrote")),
             qPrintable(out));
}

void ConfigureScenarios::jsonOutput()
{
    const test::CliRun run =
        configure(QStringLiteral("marketplace"),
                  {QStringLiteral("--yes"), QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(run.exitCode, 0);
    QJsonParseError error{};
    const QJsonObject json = QJsonDocument::fromJson(run.out, &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, run.out.constData());
    QCOMPARE(json.value(QStringLiteral("outcome")).toString(), QStringLiteral("verified"));
    QCOMPARE(json.value(QStringLiteral("application_id")).toString(), onlyApplication().uid);
    const QJsonObject plan = json.value(QStringLiteral("plan")).toObject();
    QCOMPARE(plan.value(QStringLiteral("method")).toString(), QStringLiteral("marketplace"));
    QVERIFY(plan.value(QStringLiteral("migration")).isNull());
    QCOMPARE(plan.value(QStringLiteral("application")).toObject().value(QStringLiteral("action")).toString(),
             QStringLiteral("create"));
    QCOMPARE(json.value(QStringLiteral("steps")).toArray().size(), 2);
    const QJsonArray verification = json.value(QStringLiteral("verification")).toArray();
    QVERIFY(!verification.isEmpty());
    for (const QJsonValue& v : verification)
        QVERIFY2(v.toObject().value(QStringLiteral("ok")).toBool(), qPrintable(test::compactJson(v)));
    QVERIFY(!run.out.contains("\"secret\""));
    verifyNoSecrets(run);
}

void ConfigureScenarios::noTerminalNeedsYes()
{
    const test::CliRun run = configure(QStringLiteral("marketplace"));
    QCOMPARE(run.exitCode, 2);
    QVERIFY(writes().isEmpty());
    QVERIFY2(QString::fromUtf8(run.out).contains(QLatin1String("+ create")), run.out.constData()); // the plan
    QVERIFY2(QString::fromUtf8(run.err).contains(QLatin1String("pass --yes")), run.err.constData());
}

void ConfigureScenarios::badInput_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("withToken");
    QTest::addColumn<QString>("message");
    const QString u = QStringLiteral("https://gitlab.test:1");
    QTest::newRow("no method") << QStringList{"configure", u, "--yes"} << true << "needs --method";
    QTest::newRow("auto is no method") << QStringList{"configure", u, "--method", "auto", "--yes"} << true
                                       << "--method must be marketplace, manual or proxy";
    QTest::newRow("bad URL") << QStringList{"configure", "https://exa mple.com", "--method", "manual",
                                            "--yes"}
                             << true << "invalid URL";
    QTest::newRow("no URL") << QStringList{"configure", "--method", "manual", "--yes"} << true
                            << "needs the instance URL";
    QTest::newRow("dry run and yes") << QStringList{"configure", u,           "--method",
                                                    "manual",    "--dry-run", "--yes"}
                                     << true << "contradict";
    QTest::newRow("no token") << QStringList{"configure", u, "--method", "manual", "--yes"} << false
                              << "needs an administrator token";
    QTest::newRow("token as an option") << QStringList{"configure", u, "--method", "manual", "--token", "x"}
                                        << true << "Unknown option 'token'";
    QTest::newRow("removing the old application while staying legacy")
        << QStringList{"configure", u, "--method", "manual", "--remove-old-application", "--yes"} << true
        << "--remove-old-application goes with --method marketplace only";
}

void ConfigureScenarios::badInput()
{
    QFETCH(QStringList, arguments);
    QFETCH(bool, withToken);
    QFETCH(QString, message);
    const test::CliRun run = test::runCli(arguments, withToken ? kToken : QString());
    QVERIFY2(run.finished, qPrintable(run.describe()));
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(QString::fromUtf8(run.err).contains(message), qPrintable(run.describe()));
    QCOMPARE(QString::fromUtf8(run.err).count(QLatin1Char('\n')), 1); // one line
    QVERIFY(m_gitlab->requests().isEmpty());
}

void ConfigureScenarios::confirmationOnTerminal_data()
{
    QTest::addColumn<QString>("answer");
    QTest::addColumn<bool>("applied");
    QTest::newRow("yes") << "y" << true;
    QTest::newRow("no") << "n" << false;
    QTest::newRow("Enter") << "" << false;
}

void ConfigureScenarios::confirmationOnTerminal()
{
    QFETCH(QString, answer);
    QFETCH(bool, applied);
    const QString script = QStandardPaths::findExecutable(QStringLiteral("script"));
    if (script.isEmpty())
        QSKIP("script(1) is missing (bsdutils)");
    // script(1) gives the CLI a pseudo-terminal; the answer is typed once the question shows.
    QStringList quoted;
    for (const QString& a : configureArgs(QStringLiteral("marketplace")))
        quoted.append(QStringLiteral("'%1'").arg(a));
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("GITLAB_TOKEN"), kToken);
    env.insert(QStringLiteral("NO_COLOR"), QStringLiteral("1"));
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(script, {QStringLiteral("-q"), QStringLiteral("-e"), QStringLiteral("-c"),
                     QStringLiteral("'%1' %2").arg(test::cliPath(), quoted.join(QLatin1Char(' '))),
                     QStringLiteral("/dev/null")});
    QVERIFY(p.waitForStarted());
    QByteArray seen;
    QTRY_VERIFY_WITH_TIMEOUT((seen += p.readAll()).contains("[y/N]"), 20000);
    QVERIFY(m_gitlab->state().applications.isEmpty()); // nothing before the answer
    p.write(answer.toUtf8() + "\n");
    QTRY_VERIFY_WITH_TIMEOUT(p.state() == QProcess::NotRunning, 20000);
    seen += p.readAll();
    QCOMPARE(p.exitCode(), applied ? 0 : 1);
    QCOMPARE(m_gitlab->state().applications.size(), applied ? 1 : 0);
    QCOMPARE(writes().isEmpty(), !applied);
    if (!applied)
        QVERIFY2(seen.contains("Not applied: nothing was changed."), seen.constData());
    QVERIFY2(!seen.contains(kToken.toUtf8()), "the token reached the terminal");
}

void ConfigureScenarios::plantedSecretsAppearNowhere()
{
    // A site admin on the fake Jira site, for the jira.* checks.
    test::FakeJiraAccount account;
    account.apiToken = kJiraToken;
    account.groups.append({QStringLiteral("site-admins"), QStringLiteral("id-site-admins")});
    account.globalPermissions = {QStringLiteral("USER_PICKER")};
    m_jira->addAccount(kJiraEmail, account);

    QTemporaryDir home;
    QTemporaryDir outputs;
    QVERIFY(home.isValid() && outputs.isValid());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral(".config")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), home.filePath(QStringLiteral(".cache")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral(".local/share")));
    env.insert(QStringLiteral("TMPDIR"), home.filePath(QStringLiteral("tmp")));
    QDir(home.path()).mkpath(QStringLiteral("tmp"));
    env.insert(QStringLiteral("GITLAB_TOKEN"), kToken);
    env.insert(QStringLiteral("JIRA_API_TOKEN"), kJiraToken);
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=true"));

    const QString jiraSite =
        QStringLiteral("https://%1:%2").arg(kJiraHost).arg(m_nginx->port(QStringLiteral("jira")));
    const QStringList jira{
        QStringLiteral("--jira-site"),
        jiraSite,
        QStringLiteral("--jira-email"),
        kJiraEmail,
        QStringLiteral("--resolve"),
        QStringLiteral("%1:%2:127.0.0.1").arg(kJiraHost).arg(m_nginx->port(QStringLiteral("jira")))};
    QList<QStringList> commands;
    for (const QString& format : {QStringLiteral("text"), QStringLiteral("json")}) {
        QStringList check = configureArgs(QStringLiteral("marketplace"));
        check[0] = QStringLiteral("check");
        check.removeAt(2); // --method marketplace → auto
        check.removeAt(2);
        commands.append(check + jira +
                        QStringList{QStringLiteral("--format"), format, QStringLiteral("--output"),
                                    outputs.filePath(QStringLiteral("report.") + format)});
        commands.append(check + jira + QStringList{QStringLiteral("--format"), format});
    }
    commands.append(configureArgs(QStringLiteral("marketplace"), {QStringLiteral("--dry-run")}));
    commands.append(configureArgs(QStringLiteral("manual"), {QStringLiteral("--yes")}));
    commands.append(
        configureArgs(QStringLiteral("marketplace"),
                      {QStringLiteral("--yes"), QStringLiteral("--format"), QStringLiteral("json")}));
    commands.append(configureArgs(QStringLiteral("marketplace"), {QStringLiteral("--yes")})); // no change
    commands.append({QStringLiteral("check"), QStringLiteral("--help")});
    commands.append({QStringLiteral("configure"), QStringLiteral("--help")});

    QByteArray everything;
    for (const QStringList& arguments : std::as_const(commands)) {
        QProcess p;
        p.setProcessEnvironment(env);
        QSignalSpy done(&p, &QProcess::finished);
        p.start(test::cliPath(), arguments);
        p.closeWriteChannel();
        QVERIFY(done.wait(60000));
        QVERIFY2(p.exitCode() == 0 || p.exitCode() == 1,
                 qPrintable(QStringLiteral("%1 → %2: %3")
                                .arg(arguments.join(QLatin1Char(' ')))
                                .arg(p.exitCode())
                                .arg(QString::fromUtf8(p.readAllStandardError()))));
        everything += p.readAllStandardOutput() + p.readAllStandardError();
    }
    rememberSecrets();
    QVERIFY(!m_secrets.isEmpty()); // the setup made applications, whose secrets GitLab returned
    QVERIFY(everything.contains("set up for the marketplace method and verified"));
    QVERIFY(QFile::exists(outputs.filePath(QStringLiteral("report.json"))));

    // Every byte the commands printed and every file they (or Qt) wrote.
    QStringList files;
    for (const QString& root : {home.path(), outputs.path()}) {
        QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        while (it.hasNext())
            files.append(it.next());
    }
    QVERIFY(files.size() >= 2);
    QSet<QString> secrets = m_secrets;
    secrets << kToken << kJiraToken
            << QString::fromLatin1(QByteArray(kJiraEmail.toUtf8() + ':' + kJiraToken.toUtf8()).toBase64());
    for (const QString& secret : std::as_const(secrets)) {
        QVERIFY2(!everything.contains(secret.toUtf8()), "a planted secret in the output of a command");
        for (const QString& path : std::as_const(files)) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(!f.readAll().contains(secret.toUtf8()),
                     qPrintable(QStringLiteral("a secret in %1").arg(path)));
        }
    }
}

} // namespace gjd

QTEST_GUILESS_MAIN(gjd::ConfigureScenarios)
#include "tst_configurescenarios.moc"
