// SPDX-License-Identifier: GPL-3.0-or-later
//
// The setup wizard driven by object name (offscreen) against the fake GitLab and the fake Jira
// Cloud site behind a real nginx: a healthy Marketplace setup from scratch (every page, then
// GitLab's state checked), the same again (nothing new is created), a token that is not an
// administrator's (stays on the first page, says why), a misconfigured application (refused until
// the admin asks to replace it), the state that survives closing the wizard, and the proxy typed on
// the first page (the runs get it, the settings never its login). Saves a screenshot of every page,
// in English and German, into <build>/screenshots/.

#include "credentials/credentialstore.h"
#include "exportdialog.h"
#include "fakegitlab.h"
#include "fakejira.h"
#include "i18n.h"
#include "nginxserver.h"
#include "screenshots.h"
#include "setupwizard.h"
#include "testpki.h"
#include "uistyle.h"
#include "wizard/instancepage.h"
#include "wizard/methodpage.h"
#include "wizard/settingspage.h"
#include "wizard/wizardcontext.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

#include <memory>

using gjd::SetupWizard;

namespace {

const QString kHost = QStringLiteral("gitlab.test");
const QString kToken = QStringLiteral("glpat-PLANTED-wizard-TOKEN-0011");
const QString kUserToken = QStringLiteral("glpat-PLANTED-wizard-USER-0012");
const QString kJiraToken = QStringLiteral("ATATT-PLANTED-wizard-JIRA-0013");
const QString kJiraEmail = QStringLiteral("admin@acme.example");
const QString kProxyUser = QStringLiteral("proxyuser-0014");
const QString kProxyPassword = QStringLiteral("Pl4nted-wizard-PROXY-0015");
const QString kCallback = QStringLiteral("https://gitlab.com/-/jira_connect/oauth_callbacks");
const QSize kSize(800, 600); // the smallest screen the wizard must fit

// The rows of a check list (the wizard's FindingList: an item view, or a widget holding one).
int rowCount(QWidget* list)
{
    auto* view = qobject_cast<QAbstractItemView*>(list);
    if (!view && list)
        view = list->findChild<QAbstractItemView*>();
    return view && view->model() ? view->model()->rowCount() : -1;
}

// Clicks `button` two or three times with no pause, as a double or triple click reaches a
// button: each press and release is a click.
void doubleClick(QAbstractButton* button)
{
    for (int i = 0; i < 2; ++i)
        QTest::mouseClick(button, Qt::LeftButton);
}
void tripleClick(QAbstractButton* button)
{
    for (int i = 0; i < 3; ++i)
        QTest::mouseClick(button, Qt::LeftButton);
}

} // namespace

class TestSetupWizard final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void healthyMarketplaceSetupFromScratch_data();
    void healthyMarketplaceSetupFromScratch();
    void secondRunCreatesNothing();
    void legacyInstallIsMovedToMarketplace_data();
    void legacyInstallIsMovedToMarketplace();
    void nonAdminTokenStaysOnTheFirstPage();
    void misconfiguredApplicationNeedsConsent();
    void stateSurvivesClosing();
    void cancelStopsAStalledCheck();
    void repeatedClicksWriteOnlyThroughTheirButtons();
    void untrustedChainOnTheFirstPageLeadsOn();
    void pagesStandAlone();
    void proxyReachesTheRunsNotTheSettings();

private:
    QString url() const
    {
        return QStringLiteral("https://%1:%2").arg(kHost).arg(m_nginx->port(QStringLiteral("gitlab")));
    }
    QString jiraSite() const
    {
        return QStringLiteral("https://%1:%2").arg(kHost).arg(m_nginx->port(QStringLiteral("jira")));
    }
    std::unique_ptr<SetupWizard> makeWizard();
    void fillInstancePage(SetupWizard& w, const QString& token);
    // Clicks Next and waits until the wizard shows `page` (async pages move on by themselves).
    void nextTo(SetupWizard& w, SetupWizard::PageId page, int timeoutMs = 30000);
    void waitUntilNextEnabled(SetupWizard& w, int timeoutMs = 30000);
    void shoot(SetupWizard& w, const QString& language, const char* name);
    // The requests that changed GitLab's state (POST, PUT, DELETE to the API).
    QStringList writes() const;
    // On the OAuth page: waits for the plan, creates the application with its own button.
    void createApplication(SetupWizard& w);
    // On the Settings page: applies (or verifies) with its own button and waits for the read-back.
    void applySettings(SetupWizard& w);

    std::unique_ptr<gjd::test::FakeGitLab> m_gitlab;
    std::unique_ptr<gjd::test::FakeJira> m_jira;
    std::unique_ptr<gjd::test::NginxServer> m_nginx;
    std::unique_ptr<gjd::MemoryCredentialStore> m_store; // fresh for every test
};

void TestSetupWizard::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    gjd::installReadablePlaceholders(); // as the program does (src/app/main.cpp)
    QCoreApplication::setOrganizationName(QStringLiteral("gitlab-jira-doctor-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_setupwizard"));
    QVERIFY2(!gjd::test::pkiDir().isEmpty(), "run through ctest (fixture pki)");
    QVERIFY(QDir().mkpath(gjd::test::screenshotDir()));
    m_gitlab = std::make_unique<gjd::test::FakeGitLab>();
    m_jira = std::make_unique<gjd::test::FakeJira>();
    QVERIFY(m_gitlab->listen() && m_jira->listen());
    auto gitlab =
        gjd::test::NginxSite::tls(QStringLiteral("gitlab"), gjd::test::pki(QStringLiteral("full.pem")),
                                  gjd::test::pki(QStringLiteral("full.key")));
    gitlab.rootLocation =
        QStringLiteral("proxy_pass http://127.0.0.1:%1; proxy_set_header Host %2:$server_port; "
                       "proxy_set_header X-Forwarded-Proto https;")
            .arg(m_gitlab->port())
            .arg(kHost);
    // The same GitLab behind a server that does not send the intermediate certificate.
    auto broken =
        gjd::test::NginxSite::tls(QStringLiteral("broken"), gjd::test::pki(QStringLiteral("leaf-only.pem")),
                                  gjd::test::pki(QStringLiteral("leaf-only.key")));
    broken.rootLocation = gitlab.rootLocation;
    auto jira = gjd::test::NginxSite::tls(QStringLiteral("jira"), gjd::test::pki(QStringLiteral("full.pem")),
                                          gjd::test::pki(QStringLiteral("full.key")));
    jira.rootLocation =
        QStringLiteral("proxy_pass http://127.0.0.1:%1; proxy_set_header Host $host;").arg(m_jira->port());
    m_nginx =
        std::make_unique<gjd::test::NginxServer>(QList<gjd::test::NginxSite>() << gitlab << jira << broken);
    QVERIFY2(m_nginx->start(), qPrintable(m_nginx->errorString()));

    gjd::test::FakeJiraAccount account;
    account.apiToken = kJiraToken;
    account.groups.append({QStringLiteral("site-admins"), QStringLiteral("id-site-admins")});
    account.globalPermissions = {QStringLiteral("USER_PICKER")};
    m_jira->addAccount(kJiraEmail, account);
}

// A fresh GitLab 17.8 whose external_url is the URL the wizard uses.
void TestSetupWizard::init()
{
    QSettings().clear();
    m_store = std::make_unique<gjd::MemoryCredentialStore>();
    m_gitlab->clearFailures();
    m_gitlab->state() = gjd::test::FakeGitLabState{};
    m_gitlab->state().settings = gjd::test::FakeGitLabState::defaultSettings();
    m_gitlab->state().externalUrl = QUrl(url());
    m_gitlab->addAdminToken(kToken, {QStringLiteral("api")});
    gjd::test::FakeGitLabToken user;
    user.user.id = 2;
    user.user.username = QStringLiteral("alice");
    m_gitlab->addToken(kUserToken, user);
}

void TestSetupWizard::cleanup()
{
    gjd::installTranslations(*QCoreApplication::instance(), QStringLiteral("en"));
    QSettings settings;
    settings.sync();
    QFile file(settings.fileName());
    if (file.open(QIODevice::ReadOnly)) {
        const QByteArray bytes = file.readAll();
        for (const QString& secret : {kToken, kUserToken, kJiraToken, kProxyPassword})
            QVERIFY2(!bytes.contains(secret.toUtf8()), "a token reached the settings file");
    }
    QSettings().clear();
}

std::unique_ptr<SetupWizard> TestSetupWizard::makeWizard()
{
    auto w = std::make_unique<SetupWizard>(m_store.get());
    w->setPublicTrustStore(QSslCertificate::fromPath(gjd::test::pki(QStringLiteral("trust.pem"))),
                           QStringLiteral("trust.pem"));
    QString error;
    w->addResolveOverride(*gjd::ResolveOverride::parse(
        QStringLiteral("%1:%2:127.0.0.1").arg(kHost).arg(m_nginx->port(QStringLiteral("jira"))), &error));
    w->resize(kSize);
    w->show();
    return w;
}

void TestSetupWizard::fillInstancePage(SetupWizard& w, const QString& token)
{
    QCOMPARE(w.currentId(), int(SetupWizard::InstancePage));
    w.findChild<QLineEdit*>(QStringLiteral("urlEdit"))->setText(url() + QStringLiteral("/"));
    auto* tokenEdit = w.findChild<QLineEdit*>(QStringLiteral("tokenEdit"));
    tokenEdit->clear();
    QTest::keyClicks(tokenEdit, token);
    w.findChild<QLineEdit*>(QStringLiteral("caFileEdit"))
        ->setText(gjd::test::pki(QStringLiteral("root.pem")));
    w.findChild<QLineEdit*>(QStringLiteral("addressEdit"))->setText(QStringLiteral("127.0.0.1"));
}

void TestSetupWizard::waitUntilNextEnabled(SetupWizard& w, int timeoutMs)
{
    QAbstractButton* next =
        w.button(w.currentId() == SetupWizard::VerifyPage ? QWizard::FinishButton : QWizard::NextButton);
    QTRY_VERIFY_WITH_TIMEOUT(next->isEnabled(), timeoutMs);
    QTRY_VERIFY(!w.isSettling()); // the rest of a double click on the last page's Next is ignored
}

void TestSetupWizard::nextTo(SetupWizard& w, SetupWizard::PageId page, int timeoutMs)
{
    waitUntilNextEnabled(w, timeoutMs);
    QTest::mouseClick(w.button(QWizard::NextButton), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(w.currentId(), int(page), timeoutMs);
}

QStringList TestSetupWizard::writes() const
{
    QStringList result;
    for (const auto& r : m_gitlab->requests()) {
        if ((r.method == "POST" || r.method == "PUT" || r.method == "DELETE") &&
            r.path.contains(QLatin1String("/api/")))
            result.append(QString::fromLatin1(r.method) + QLatin1Char(' ') + r.path);
    }
    return result;
}

void TestSetupWizard::createApplication(SetupWizard& w)
{
    QCOMPARE(w.currentId(), int(SetupWizard::OAuthPage));
    auto* create = w.findChild<QPushButton*>(QStringLiteral("createApplicationButton"));
    QTRY_VERIFY_WITH_TIMEOUT(create->isEnabled(), 30000);
    QVERIFY(!w.button(QWizard::NextButton)->isEnabled()); // only the button with the verb writes
    QTest::mouseClick(create, Qt::LeftButton);
    waitUntilNextEnabled(w);
}

void TestSetupWizard::applySettings(SetupWizard& w)
{
    QCOMPARE(w.currentId(), int(SetupWizard::SettingsPage));
    auto* apply = w.findChild<QPushButton*>(QStringLiteral("applySettingsButton"));
    QTRY_VERIFY_WITH_TIMEOUT(apply->isEnabled(), 30000);
    QVERIFY(!w.button(QWizard::NextButton)->isEnabled());
    QTest::mouseClick(apply, Qt::LeftButton);
    auto* readBack = w.findChild<QTreeWidget*>(QStringLiteral("readBack"));
    QTRY_VERIFY_WITH_TIMEOUT(readBack->isVisible() && readBack->topLevelItemCount() > 0, 30000);
    waitUntilNextEnabled(w);
    QCOMPARE(w.currentId(), int(SetupWizard::SettingsPage)); // the read-back is shown first
}

void TestSetupWizard::shoot(SetupWizard& w, const QString& language, const char* name)
{
    gjd::test::saveScreenshot(w, QStringLiteral("%1-wizard-%2").arg(language, QLatin1String(name)));
}

void TestSetupWizard::healthyMarketplaceSetupFromScratch_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << QStringLiteral("en");
    QTest::newRow("de") << QStringLiteral("de");
}

void TestSetupWizard::healthyMarketplaceSetupFromScratch()
{
    QFETCH(QString, language);
    gjd::installTranslations(*QCoreApplication::instance(), language);
    auto w = makeWizard();
    QVERIFY(QTest::qWaitForWindowExposed(w.get()));
    QVERIFY(!w->button(QWizard::NextButton)->isEnabled());
    shoot(*w, language, "1-instance-empty");

    // 1. Instance: the token is checked before anything else, and remembered on request.
    fillInstancePage(*w, kToken);
    w->findChild<QCheckBox*>(QStringLiteral("rememberTokenCheck"))->setChecked(true);
    w->findChild<QAbstractButton*>(QStringLiteral("optionsToggle"))->click();
    shoot(*w, language, "1-instance");
    nextTo(*w, SetupWizard::MethodPage);
    QTRY_COMPARE(m_store->size(), 1);

    // 2. Installation: nothing is set up, so a new install, with the Marketplace app.
    QVERIFY(w->findChild<QRadioButton*>(QStringLiteral("newInstallRadio"))->isChecked());
    QVERIFY(w->findChild<QLabel*>(QStringLiteral("detectedInstall"))->text().contains(QLatin1String("none")));
    QVERIFY(w->findChild<QLabel*>(QStringLiteral("moveNote"))->text().contains(QLatin1String("2026")));
    QVERIFY(!w->findChild<QWidget*>(QStringLiteral("moveBox"))->isVisible());
    shoot(*w, language, "2-method");

    // 3. Prerequisites: nothing fails (loopback and the port are warnings).
    nextTo(*w, SetupWizard::PrerequisitesPage);
    waitUntilNextEnabled(*w);
    QCOMPARE(rowCount(w->findChild<QWidget*>(QStringLiteral("prerequisiteList"))), 13);
    QVERIFY(!w->findChild<QCheckBox*>(QStringLiteral("continueAnyway"))->isVisible());
    shoot(*w, language, "3-prerequisites");

    // 4. OAuth: planned before anything is written; Create application creates it.
    nextTo(*w, SetupWizard::OAuthPage);
    QTRY_VERIFY_WITH_TIMEOUT(
        w->findChild<QPushButton*>(QStringLiteral("createApplicationButton"))->isEnabled(), 30000);
    QVERIFY(m_gitlab->state().applications.isEmpty());
    QCOMPARE(w->findChild<QLineEdit*>(QStringLiteral("redirectUri"))->text(), kCallback);
    shoot(*w, language, "4-oauth");
    createApplication(*w);
    QCOMPARE(m_gitlab->state().applications.size(), 1);
    shoot(*w, language, "4-oauth-created");
    nextTo(*w, SetupWizard::SettingsPage);
    QCOMPARE(m_gitlab->state().applications.size(), 1);
    const auto app = m_gitlab->state().applications.constFirst();
    QCOMPARE(app.confidential, false);
    QCOMPARE(app.redirectUri, kCallback);

    // 5. Settings: now → planned, nothing written until Apply settings; then read back, and the
    // table shows what GitLab has now.
    auto* diff = w->findChild<QTreeWidget*>(QStringLiteral("settingsDiff"));
    QVERIFY(diff->topLevelItemCount() >= 3);
    QVERIFY(m_gitlab->setting(QStringLiteral("jira_connect_proxy_url")).isNull());
    const auto proxyRow = [diff] {
        for (int i = 0; i < diff->topLevelItemCount(); ++i) {
            if (diff->topLevelItem(i)->text(0) == QLatin1String("jira_connect_proxy_url"))
                return diff->topLevelItem(i);
        }
        return static_cast<QTreeWidgetItem*>(nullptr);
    };
    QVERIFY(proxyRow() && proxyRow()->text(1) != proxyRow()->text(2)); // marked as changing
    shoot(*w, language, "5-settings");
    // While the write runs, Back is disabled: its result reaches the page that started it.
    QTest::mouseClick(w->findChild<QPushButton*>(QStringLiteral("applySettingsButton")), Qt::LeftButton);
    QVERIFY(!w->button(QWizard::BackButton)->isEnabled());
    auto* readBack = w->findChild<QTreeWidget*>(QStringLiteral("readBack"));
    QTRY_VERIFY_WITH_TIMEOUT(readBack->isVisible() && readBack->topLevelItemCount() > 0, 30000);
    waitUntilNextEnabled(*w);
    QVERIFY(w->button(QWizard::BackButton)->isEnabled());
    QVERIFY(proxyRow() && proxyRow()->text(1) == proxyRow()->text(2)); // the plan shows the new values
    QCOMPARE(m_gitlab->setting(QStringLiteral("jira_connect_proxy_url")).toString(),
             QStringLiteral("https://gitlab.com"));
    QCOMPARE(m_gitlab->setting(QStringLiteral("jira_connect_application_key")).toString(), app.uid);
    shoot(*w, language, "5-settings-verified");
    // Back to the OAuth page and forward again: the job has ended, so the Settings page reads
    // GitLab again; nothing is left to change, and nothing is written.
    const qsizetype writesBefore = writes().size();
    QTest::mouseClick(w->button(QWizard::BackButton), Qt::LeftButton);
    QTRY_COMPARE(w->currentId(), int(SetupWizard::OAuthPage));
    nextTo(*w, SetupWizard::SettingsPage);
    auto* apply = w->findChild<QPushButton*>(QStringLiteral("applySettingsButton"));
    QTRY_VERIFY_WITH_TIMEOUT(apply->isEnabled(), 30000);
    QVERIFY(proxyRow() && proxyRow()->text(1) == proxyRow()->text(2));
    applySettings(*w);
    QCOMPARE(writes().size(), writesBefore);

    // 6. Jira user: site admin with Browse users and groups.
    nextTo(*w, SetupWizard::JiraPage);
    w->findChild<QLineEdit*>(QStringLiteral("jiraSiteEdit"))->setText(jiraSite());
    w->findChild<QLineEdit*>(QStringLiteral("jiraEmailEdit"))->setText(kJiraEmail);
    QTest::keyClicks(w->findChild<QLineEdit*>(QStringLiteral("jiraTokenEdit")), kJiraToken);
    w->findChild<QCheckBox*>(QStringLiteral("rememberJiraTokenCheck"))->setChecked(true);
    shoot(*w, language, "6-jira");
    // Next checks the user; the result stays on the page until Next again.
    waitUntilNextEnabled(*w);
    QTest::mouseClick(w->button(QWizard::NextButton), Qt::LeftButton);
    auto* jiraMessage = w->page(SetupWizard::JiraPage)->findChild<QLabel*>(QStringLiteral("message"));
    QTRY_VERIFY_WITH_TIMEOUT(jiraMessage->isVisible() && !jiraMessage->text().isEmpty(), 30000);
    QCOMPARE(w->currentId(), int(SetupWizard::JiraPage));
    QCOMPARE(rowCount(w->findChild<QWidget*>(QStringLiteral("jiraResults"))), 3);
    shoot(*w, language, "6-jira-checked");
    nextTo(*w, SetupWizard::InstallPage);
    QTRY_COMPARE(m_store->size(), 2); // the GitLab token and the Jira API token, on request

    // 7. Install: the exact value to type, without the trailing slash the admin typed.
    auto* value = w->findChild<QLineEdit*>(QStringLiteral("instanceUrlValue"));
    QCOMPARE(value->text(), url());
    w->findChild<QAbstractButton*>(QStringLiteral("instanceUrlValueCopy"))->click();
    QCOMPARE(QApplication::clipboard()->text(), url());
    shoot(*w, language, "7-install");

    // 8. Verify: the full diagnostics, and the console checks with the admin's paths.
    nextTo(*w, SetupWizard::VerifyPage);
    waitUntilNextEnabled(*w, 60000);
    const QString verdict = w->findChild<QLabel*>(QStringLiteral("verifyVerdict"))->text();
    QVERIFY2(verdict.contains(QLatin1String("WARN")) || verdict.contains(QLatin1String("WARNUNG")),
             qPrintable(verdict));
    QTest::keyClicks(w->findChild<QLineEdit*>(QStringLiteral("groupPathEdit")),
                     QStringLiteral("acme/platform"));
    QCOMPARE(w->findChild<QLineEdit*>(QStringLiteral("snippet0"))->text(),
             QStringLiteral("JiraConnectSubscription.where(namespace: Namespace.by_path('acme/platform'))"));
    QVERIFY(w->findChild<QLineEdit*>(QStringLiteral("snippet2"))->text().contains(jiraSite()));
    shoot(*w, language, "8-verify");
    // Export: the verified state for the records; neither token is in any file of it.
    auto* exportButton = w->findChild<QPushButton*>(QStringLiteral("exportButton"));
    QVERIFY(exportButton && exportButton->isEnabled());
    QTest::mouseClick(exportButton, Qt::LeftButton);
    auto* dialog = w->findChild<gjd::ExportDialog*>();
    QVERIFY(dialog && dialog->isVisible());
    QSignalSpy ready(dialog, &gjd::ExportDialog::ready);
    QVERIFY(!dialog->isBusy() || ready.wait(20000)); // built in the background
    QVERIFY(dialog->bundle().files().size() > 10);
    for (const gjd::BundleFile& f : dialog->bundle().files()) {
        for (const QString& secret : {kToken, kJiraToken})
            QVERIFY2(!f.content.contains(secret.toUtf8()), qPrintable(f.path));
    }
    QVERIFY(dialog->bundle().file(QStringLiteral("http/jira.myself.txt")));
    dialog->reject();
    QTest::mouseClick(w->button(QWizard::FinishButton), Qt::LeftButton);
    QVERIFY(!w->isVisible());
    QCOMPARE(m_gitlab->state().applications.size(), 1);
}

void TestSetupWizard::secondRunCreatesNothing()
{
    // Configured as the first run leaves it.
    gjd::test::FakeGitLabApplication app;
    app.name = QStringLiteral("GitLab for Jira Cloud app");
    app.redirectUri = kCallback;
    app.confidential = false;
    app = m_gitlab->addApplication(app);
    m_gitlab->setSetting(QStringLiteral("jira_connect_proxy_url"), QStringLiteral("https://gitlab.com"));
    m_gitlab->setSetting(QStringLiteral("jira_connect_application_key"), app.uid);
    m_gitlab->clearRequests();

    auto w = makeWizard();
    fillInstancePage(*w, kToken);
    nextTo(*w, SetupWizard::MethodPage);
    nextTo(*w, SetupWizard::PrerequisitesPage);
    nextTo(*w, SetupWizard::OAuthPage);
    waitUntilNextEnabled(*w);
    QVERIFY2(w->findChild<QLabel*>(QStringLiteral("applicationPlan"))
                 ->text()
                 .contains(QLatin1String("will be used")),
             qPrintable(w->findChild<QLabel*>(QStringLiteral("applicationPlan"))->text()));
    QVERIFY(!w->findChild<QPushButton*>(QStringLiteral("createApplicationButton"))->isVisible());
    nextTo(*w, SetupWizard::SettingsPage);
    applySettings(*w); // "Verify settings": nothing to change, read back only
    for (const auto& r : m_gitlab->requests())
        QVERIFY2(r.method == "GET" || r.method == "HEAD" || r.method == "OPTIONS" ||
                     r.path.endsWith(QLatin1String("/events/installed")),
                 qPrintable(QString::fromLatin1(r.method) + QLatin1Char(' ') + r.path));
    QCOMPARE(m_gitlab->state().applications.size(), 1);
}

void TestSetupWizard::legacyInstallIsMovedToMarketplace_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<bool>("consent"); // delete the legacy OAuth application
    QTest::newRow("en, keep the old application") << QStringLiteral("en") << false;
    QTest::newRow("de, delete the old application") << QStringLiteral("de") << true;
}

void TestSetupWizard::legacyInstallIsMovedToMarketplace()
{
    QFETCH(QString, language);
    QFETCH(bool, consent);
    // A manual install made before 2026-03-31: its own callback, its ID in the settings.
    gjd::test::FakeGitLabApplication legacy;
    legacy.name = QStringLiteral("Jira Connect (manual)");
    legacy.redirectUri = url() + QStringLiteral("/-/jira_connect/oauth_callbacks");
    legacy.confidential = false;
    legacy = m_gitlab->addApplication(legacy);
    m_gitlab->setSetting(QStringLiteral("jira_connect_application_key"), legacy.uid);
    m_gitlab->clearRequests();

    gjd::installTranslations(*QCoreApplication::instance(), language);
    auto w = makeWizard();
    fillInstancePage(*w, kToken);
    nextTo(*w, SetupWizard::MethodPage);

    // 2. The settings showed a legacy install: moving it is preselected, and says what changes.
    auto* move = w->findChild<QRadioButton*>(QStringLiteral("moveLegacyRadio"));
    QVERIFY(move->isChecked());
    QVERIFY(w->findChild<QLabel*>(QStringLiteral("detectedInstall"))
                ->text()
                .contains(QLatin1String("legacy-connect")));
    QVERIFY(w->findChild<QWidget*>(QStringLiteral("moveBox"))->isVisible());
    QVERIFY(w->findChild<QLabel*>(QStringLiteral("moveChanges"))
                ->text()
                .contains(QLatin1String("https://gitlab.com")));
    auto* removeOld = w->findChild<QCheckBox*>(QStringLiteral("removeOldApplicationCheck"));
    QVERIFY(!removeOld->isChecked()); // only with consent
    if (consent) {
        removeOld->setFocus();
        QTest::keyClick(removeOld, Qt::Key_Space); // as an admin would, from the keyboard
        QVERIFY(removeOld->isChecked());
    }
    shoot(*w, language, consent ? "2-method-move-delete" : "2-method-move");

    // 4. OAuth: a new application with GitLab.com's callback; nothing written yet.
    nextTo(*w, SetupWizard::PrerequisitesPage);
    nextTo(*w, SetupWizard::OAuthPage);
    QTRY_VERIFY_WITH_TIMEOUT(
        w->findChild<QPushButton*>(QStringLiteral("createApplicationButton"))->isEnabled(), 30000);
    QCOMPARE(w->findChild<QLineEdit*>(QStringLiteral("redirectUri"))->text(), kCallback);
    QCOMPARE(m_gitlab->state().applications.size(), 1);
    QVERIFY(w->findChild<QLabel*>(QStringLiteral("applicationPlan"))->text().contains(legacy.name));
    shoot(*w, language, "4-oauth-move");
    createApplication(*w);
    nextTo(*w, SetupWizard::SettingsPage);

    // 5. Settings: the proxy URL changes; the plan's notes speak of the move.
    auto* notes = w->findChild<QLabel*>(QStringLiteral("settingsNotes"));
    QVERIFY2(notes->isVisible() && notes->text().contains(QLatin1String("Connect")),
             qPrintable(notes->text()));
    shoot(*w, language, "5-settings-move");
    applySettings(*w);
    QCOMPARE(m_gitlab->setting(QStringLiteral("jira_connect_proxy_url")).toString(),
             QStringLiteral("https://gitlab.com"));
    const auto& apps = m_gitlab->state().applications;
    QCOMPARE(apps.size(), consent ? 1 : 2);
    QCOMPARE(apps.constLast().redirectUri, kCallback);
    QCOMPARE(m_gitlab->setting(QStringLiteral("jira_connect_application_key")).toString(),
             apps.constLast().uid);
    QCOMPARE(apps.constFirst().id == legacy.id, !consent);
    shoot(*w, language, "5-settings-move-verified");

    // 7. Install: uninstall the private app first, then the Marketplace app and its Forge upgrade.
    nextTo(*w, SetupWizard::JiraPage);
    w->findChild<QCheckBox*>(QStringLiteral("skipJira"))->setChecked(true);
    nextTo(*w, SetupWizard::InstallPage);
    const QString steps = w->findChild<QLabel*>(QStringLiteral("installSteps"))->text();
    QVERIFY2(steps.contains(QLatin1String("gitlab-jira-connect-gitlab.test")), qPrintable(steps));
    QVERIFY2(steps.indexOf(QLatin1String("gitlab-jira-connect-gitlab.test")) <
                 steps.indexOf(QLatin1String("Atlassian Marketplace")),
             qPrintable(steps));
    for (const char* gone : {"development mode", "Entwicklungsmodus", "Upload", "descriptor URL below"})
        QVERIFY2(!steps.contains(QLatin1String(gone), Qt::CaseInsensitive), qPrintable(steps));
    QVERIFY(w->findChild<QLabel*>(QStringLiteral("forgeUpgradeWhere"))
                ->text()
                .contains(QLatin1String("Installed apps")));
    QVERIFY(w->findChild<QLabel*>(QStringLiteral("forgeUpgradeWhy"))
                ->text()
                .contains(QLatin1String("December 2026")) ||
            w->findChild<QLabel*>(QStringLiteral("forgeUpgradeWhy"))
                ->text()
                .contains(QLatin1String("Dezember 2026")));
    shoot(*w, language, "7-install-move");
    w->reject();

    // A second run: now a Marketplace install; nothing is written, nothing is deleted.
    m_gitlab->clearRequests();
    const qsizetype applications = m_gitlab->state().applications.size();
    auto again = makeWizard();
    fillInstancePage(*again, kToken);
    nextTo(*again, SetupWizard::MethodPage);
    QVERIFY(again->findChild<QRadioButton*>(QStringLiteral("newInstallRadio"))->isChecked());
    nextTo(*again, SetupWizard::PrerequisitesPage);
    nextTo(*again, SetupWizard::OAuthPage);
    nextTo(*again, SetupWizard::SettingsPage);
    applySettings(*again);
    for (const auto& r : m_gitlab->requests())
        QVERIFY2(r.method == "GET" || r.method == "HEAD" || r.method == "OPTIONS" ||
                     r.path.endsWith(QLatin1String("/events/installed")),
                 qPrintable(QString::fromLatin1(r.method) + QLatin1Char(' ') + r.path));
    QCOMPARE(m_gitlab->state().applications.size(), applications);
}

void TestSetupWizard::nonAdminTokenStaysOnTheFirstPage()
{
    auto w = makeWizard();
    fillInstancePage(*w, kUserToken);
    waitUntilNextEnabled(*w);
    QTest::mouseClick(w->button(QWizard::NextButton), Qt::LeftButton);
    auto* message = w->page(SetupWizard::InstancePage)->findChild<QLabel*>(QStringLiteral("message"));
    QTRY_VERIFY_WITH_TIMEOUT(message->isVisible() && !message->text().isEmpty(), 30000);
    QCOMPARE(w->currentId(), int(SetupWizard::InstancePage));
    QVERIFY2(message->text().contains(QLatin1String("alice")), qPrintable(message->text()));
    QVERIFY2(message->text().contains(QLatin1String("admin_mode")), qPrintable(message->text()));
    QVERIFY(w->button(QWizard::NextButton)->isEnabled()); // fix the token and try again
}

void TestSetupWizard::misconfiguredApplicationNeedsConsent()
{
    gjd::test::FakeGitLabApplication bad;
    bad.name = QStringLiteral("Jira");
    bad.redirectUri = kCallback;
    bad.confidential = true;
    bad = m_gitlab->addApplication(bad);
    m_gitlab->setSetting(QStringLiteral("jira_connect_application_key"), bad.uid);

    auto w = makeWizard();
    fillInstancePage(*w, kToken);
    nextTo(*w, SetupWizard::MethodPage);
    nextTo(*w, SetupWizard::PrerequisitesPage);
    nextTo(*w, SetupWizard::OAuthPage);
    auto* replace = w->findChild<QCheckBox*>(QStringLiteral("replaceMisconfigured"));
    QTRY_VERIFY_WITH_TIMEOUT(replace->isVisible(), 30000);
    QVERIFY(!w->button(QWizard::NextButton)->isEnabled());
    auto* message = w->page(SetupWizard::OAuthPage)->findChild<QLabel*>(QStringLiteral("message"));
    QVERIFY2(message->text().contains(QLatin1String("confidential")), qPrintable(message->text()));
    shoot(*w, QStringLiteral("en"), "4-oauth-misconfigured");
    replace->setChecked(true);
    auto* create = w->findChild<QPushButton*>(QStringLiteral("createApplicationButton"));
    QTRY_VERIFY_WITH_TIMEOUT(create->isEnabled(), 30000);
    QCOMPARE(m_gitlab->state().applications.constFirst().id, bad.id); // nothing deleted yet
    createApplication(*w);
    nextTo(*w, SetupWizard::SettingsPage);
    QCOMPARE(m_gitlab->state().applications.size(), 1);
    QVERIFY(m_gitlab->state().applications.constFirst().id != bad.id);
    QCOMPARE(m_gitlab->state().applications.constFirst().confidential, false);
}

void TestSetupWizard::stateSurvivesClosing()
{
    {
        auto w = makeWizard();
        fillInstancePage(*w, kToken);
        w->findChild<QCheckBox*>(QStringLiteral("rememberTokenCheck"))->setChecked(true);
        nextTo(*w, SetupWizard::MethodPage);
        nextTo(*w, SetupWizard::PrerequisitesPage);
        w->reject();
    }
    auto w = makeWizard();
    QCOMPARE(w->findChild<QLineEdit*>(QStringLiteral("urlEdit"))->text(), url());
    QVERIFY(w->findChild<QCheckBox*>(QStringLiteral("rememberTokenCheck"))->isChecked());
    // The token comes back from the credential store, not from the settings.
    w->restart();
    QTRY_COMPARE(w->findChild<QLineEdit*>(QStringLiteral("tokenEdit"))->text(), kToken);

    // A token saved for one URL never lands under another one: here the URL changes while the
    // keychain answers (its answer comes later, as a real keychain's does).
    auto other = makeWizard();
    auto* tokenEdit = other->findChild<QLineEdit*>(QStringLiteral("tokenEdit"));
    tokenEdit->clear();
    other->restart(); // asks the store for the token of url()
    other->findChild<QLineEdit*>(QStringLiteral("urlEdit"))
        ->setText(QStringLiteral("https://elsewhere.example.com"));
    QTest::qWait(200);
    QVERIFY(tokenEdit->text().isEmpty());
}

void TestSetupWizard::cancelStopsAStalledCheck()
{
    gjd::test::StallServer stall;
    QVERIFY(stall.start());
    auto w = makeWizard();
    w->findChild<QLineEdit*>(QStringLiteral("urlEdit"))
        ->setText(QStringLiteral("https://%1:%2").arg(kHost).arg(stall.serverPort()));
    QTest::keyClicks(w->findChild<QLineEdit*>(QStringLiteral("tokenEdit")), kToken);
    w->findChild<QLineEdit*>(QStringLiteral("addressEdit"))->setText(QStringLiteral("127.0.0.1"));
    waitUntilNextEnabled(*w);
    int ticks = 0;
    QTimer ticker;
    connect(&ticker, &QTimer::timeout, this, [&ticks] { ++ticks; });
    ticker.start(20);
    QTest::mouseClick(w->button(QWizard::NextButton), Qt::LeftButton);
    auto* busy = w->page(SetupWizard::InstancePage)->findChild<QWidget*>(QStringLiteral("busyIndicator"));
    QVERIFY(busy->isVisible());
    QVERIFY(!w->button(QWizard::NextButton)->isEnabled()); // no second start while checking
    QTest::qWait(500);
    QVERIFY2(ticks >= 10, qPrintable(QString::number(ticks))); // the event loop keeps turning
    QVERIFY(stall.acceptedCount() > 0);
    QElapsedTimer clock;
    clock.start();
    QTest::mouseClick(w->button(QWizard::CancelButton), Qt::LeftButton);
    QVERIFY(!w->isVisible());
    QVERIFY(clock.elapsed() < 2000);
}

void TestSetupWizard::repeatedClicksWriteOnlyThroughTheirButtons()
{
    m_gitlab->clearRequests();
    auto w = makeWizard();
    fillInstancePage(*w, kToken);
    const auto stays = [&w](SetupWizard::PageId page) {
        QTest::qWait(300);
        return w->currentId() == int(page);
    };
    // Double and triple clicks on Next only ever move one page and never write.
    for (SetupWizard::PageId page :
         {SetupWizard::MethodPage, SetupWizard::PrerequisitesPage, SetupWizard::OAuthPage}) {
        waitUntilNextEnabled(*w);
        tripleClick(w->button(QWizard::NextButton));
        QTRY_COMPARE_WITH_TIMEOUT(w->currentId(), int(page), 30000);
        QVERIFY(stays(page));
        QVERIFY2(writes().isEmpty(), qPrintable(writes().join(QLatin1Char(','))));
    }
    // The OAuth page shows its plan; Next stays disabled, Back goes back, nothing is written.
    auto* create = w->findChild<QPushButton*>(QStringLiteral("createApplicationButton"));
    QTRY_VERIFY_WITH_TIMEOUT(create->isEnabled(), 30000);
    tripleClick(w->button(QWizard::NextButton));
    QVERIFY(stays(SetupWizard::OAuthPage));
    doubleClick(w->button(QWizard::BackButton));
    QVERIFY(w->currentId() < int(SetupWizard::OAuthPage));
    QVERIFY2(writes().isEmpty(), qPrintable(writes().join(QLatin1Char(','))));
    while (w->currentId() != int(SetupWizard::OAuthPage))
        nextTo(*w, SetupWizard::PageId(w->currentId() + 1));
    QTRY_VERIFY_WITH_TIMEOUT(create->isEnabled(), 30000);
    QVERIFY(writes().isEmpty());

    // Create application, clicked three times: one application.
    tripleClick(create);
    waitUntilNextEnabled(*w);
    QVERIFY(!create->isEnabled());
    QCOMPARE(writes().size(), 1);
    QVERIFY2(writes().constFirst().startsWith(QLatin1String("POST")) &&
                 writes().constFirst().endsWith(QLatin1String("/applications")),
             qPrintable(writes().constFirst()));
    QCOMPARE(m_gitlab->state().applications.size(), 1);

    // Next, clicked three times: the Settings page, with its plan; nothing written.
    tripleClick(w->button(QWizard::NextButton));
    QTRY_COMPARE_WITH_TIMEOUT(w->currentId(), int(SetupWizard::SettingsPage), 30000);
    QVERIFY(stays(SetupWizard::SettingsPage));
    QVERIFY(!w->button(QWizard::NextButton)->isEnabled());
    QCOMPARE(writes().size(), 1);

    // Apply settings, clicked three times: one write of the settings, then the read-back.
    auto* apply = w->findChild<QPushButton*>(QStringLiteral("applySettingsButton"));
    QVERIFY(apply->isEnabled());
    tripleClick(apply);
    waitUntilNextEnabled(*w);
    QVERIFY(!apply->isEnabled());
    QCOMPARE(writes().size(), 2);
    QVERIFY2(writes().constLast().startsWith(QLatin1String("PUT")), qPrintable(writes().constLast()));
    QCOMPARE(w->currentId(), int(SetupWizard::SettingsPage));

    // On to the end: no page after Settings writes.
    tripleClick(w->button(QWizard::NextButton));
    QTRY_COMPARE_WITH_TIMEOUT(w->currentId(), int(SetupWizard::JiraPage), 30000);
    w->findChild<QCheckBox*>(QStringLiteral("skipJira"))->setChecked(true);
    waitUntilNextEnabled(*w);
    tripleClick(w->button(QWizard::NextButton));
    QTRY_COMPARE_WITH_TIMEOUT(w->currentId(), int(SetupWizard::InstallPage), 30000);
    QVERIFY(stays(SetupWizard::InstallPage)); // the Jira steps are not skipped by the third click
    waitUntilNextEnabled(*w);
    tripleClick(w->button(QWizard::NextButton));
    QTRY_COMPARE_WITH_TIMEOUT(w->currentId(), int(SetupWizard::VerifyPage), 30000);
    waitUntilNextEnabled(*w, 60000);
    QCOMPARE(writes().size(), 2);
    shoot(*w, QStringLiteral("en"), "8-verify-after-clicks");
}

void TestSetupWizard::untrustedChainOnTheFirstPageLeadsOn()
{
    auto w = makeWizard();
    fillInstancePage(*w, kToken);
    const QString brokenUrl =
        QStringLiteral("https://%1:%2").arg(kHost).arg(m_nginx->port(QStringLiteral("broken")));
    w->findChild<QLineEdit*>(QStringLiteral("urlEdit"))->setText(brokenUrl);
    waitUntilNextEnabled(*w);
    QTest::mouseClick(w->button(QWizard::NextButton), Qt::LeftButton);

    // The page shows the finding that stops the token, with its fix, and the ways on.
    auto* box = w->findChild<QWidget*>(QStringLiteral("connectionProblems"));
    QTRY_VERIFY_WITH_TIMEOUT(box->isVisible(), 30000);
    QCOMPARE(w->currentId(), int(SetupWizard::InstancePage));
    QVERIFY(rowCount(box->findChild<QWidget*>(QStringLiteral("tlsProblems"))) >= 1);
    const QString detail = box->findChild<QLabel*>(QStringLiteral("findingDetail"))->text();
    QVERIFY2(detail.contains(QLatin1String("does not send")), qPrintable(detail));
    const QString message =
        w->page(SetupWizard::InstancePage)->findChild<QLabel*>(QStringLiteral("message"))->text();
    for (const char* cli : {"--ca-file", "GITLAB_TOKEN"})
        QVERIFY2(!message.contains(QLatin1String(cli)) && !detail.contains(QLatin1String(cli)),
                 qPrintable(message));
    shoot(*w, QStringLiteral("en"), "1-instance-untrusted");

    // Way 1: the diagnostics pane, with these results and the token (in memory).
    gjd::Report handed;
    QByteArray handedToken;
    connect(w.get(), &SetupWizard::openResults, this,
            [&](const gjd::ConnectionInput& input, const gjd::Report& report, const gjd::Credentials& c) {
                QCOMPARE(input.url, brokenUrl);
                handed = report;
                handedToken = c.gitlabToken;
            });
    QTest::mouseClick(box->findChild<QPushButton*>(QStringLiteral("openDiagnosticsButton")), Qt::LeftButton);
    QVERIFY(handed.find(QStringLiteral("tls.chain.complete")));
    QCOMPARE(handed.find(QStringLiteral("tls.chain.complete"))->status, gjd::Status::Fail);
    QCOMPARE(handedToken, kToken.toUtf8());

    // Way 2: choose a file with the root and the missing intermediate; the page checks again and
    // moves on.
    const QString bundle =
        QDir(QStringLiteral(GJD_BINARY_DIR)).filePath(QStringLiteral("wizard-ca-bundle.pem"));
    {
        QFile out(bundle);
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        for (const char* name : {"root.pem", "inter.pem"}) {
            QFile in(gjd::test::pki(QLatin1String(name)));
            QVERIFY(in.open(QIODevice::ReadOnly));
            out.write(in.readAll());
        }
    }
    QTest::mouseClick(box->findChild<QPushButton*>(QStringLiteral("chooseCaFileButton")), Qt::LeftButton);
    auto* dialog = w->findChild<QFileDialog*>(QStringLiteral("caFileDialog"));
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QVERIFY(dialog->nameFilters().value(0).contains(QLatin1String("*.pem")));
    emit dialog->fileSelected(bundle);
    dialog->close();
    QCOMPARE(w->findChild<QLineEdit*>(QStringLiteral("caFileEdit"))->text(), bundle);
    QTRY_COMPARE_WITH_TIMEOUT(w->currentId(), int(SetupWizard::MethodPage), 30000);
}

void TestSetupWizard::pagesStandAlone()
{
    // Every page is built from a context alone, without a wizard, and follows the language.
    gjd::wizard::WizardContext context(m_store.get());
    context.detected.type = QStringLiteral("legacy-connect");
    auto setup = std::make_unique<SetupWizard>(m_store.get());
    const QList<int> ids = setup->pageIds();
    QCOMPARE(ids.size(), 8);
    for (int id : ids) {
        auto* page = qobject_cast<gjd::wizard::AsyncPage*>(setup->page(id));
        QVERIFY2(page, qPrintable(setup->page(id)->objectName()));
    }
    setup.reset();
    // The Method page alone: a legacy install preselects the move.
    {
        gjd::wizard::MethodWizardPage page(&context);
        page.initializePage();
        QVERIFY(page.findChild<QRadioButton*>(QStringLiteral("moveLegacyRadio"))->isChecked());
        QVERIFY(context.movingLegacy);
        const QString english = page.title();
        gjd::installTranslations(*QCoreApplication::instance(), QStringLiteral("de"));
        QCoreApplication::processEvents(); // LanguageChange is posted
        QVERIFY2(page.findChild<QLabel*>(QStringLiteral("detectedInstall"))
                     ->text()
                     .contains(QLatin1String("legacy-connect")),
                 qPrintable(page.findChild<QLabel*>(QStringLiteral("detectedInstall"))->text()));
        QVERIFY(page.findChild<QRadioButton*>(QStringLiteral("moveLegacyRadio"))->text() !=
                QLatin1String("&Existing legacy install: move it to the Marketplace app"));
        Q_UNUSED(english);
        gjd::installTranslations(*QCoreApplication::instance(), QStringLiteral("en"));
    }
    // The Settings page alone, before any plan: nothing to apply, Next not possible.
    {
        gjd::wizard::SettingsWizardPage page(&context);
        page.initializePage();
        QVERIFY(page.rows().isEmpty());
        QVERIFY(!page.findChild<QPushButton*>(QStringLiteral("applySettingsButton"))->isEnabled());
        QVERIFY(!page.isComplete());
    }
    // The Instance page alone: Next needs a URL and a token.
    {
        gjd::wizard::InstanceWizardPage page(&context);
        QVERIFY(!page.isComplete());
        page.findChild<QLineEdit*>(QStringLiteral("urlEdit"))->setText(url());
        QTest::keyClicks(page.findChild<QLineEdit*>(QStringLiteral("tokenEdit")), kToken);
        QVERIFY(page.isComplete());
        QCOMPARE(context.gitlabToken, kToken.toUtf8());
    }
}

void TestSetupWizard::proxyReachesTheRunsNotTheSettings()
{
    // Typed on the first page, as HTTPS_PROXY has it: the login moves to its own fields.
    {
        gjd::wizard::WizardContext context(m_store.get());
        gjd::wizard::InstanceWizardPage page(&context);
        page.findChild<QLineEdit*>(QStringLiteral("urlEdit"))->setText(url());
        QTest::keyClicks(page.findChild<QLineEdit*>(QStringLiteral("tokenEdit")), kToken);
        page.findChild<QAbstractButton*>(QStringLiteral("optionsToggle"))->click();
        QTest::keyClicks(page.findChild<QLineEdit*>(QStringLiteral("proxyEdit")),
                         QStringLiteral("http://%1:%2@proxy.example:3128").arg(kProxyUser, kProxyPassword));
        page.findChild<QLineEdit*>(QStringLiteral("noProxyEdit"))->setText(QStringLiteral(".corp.example"));
        QCOMPARE(page.findChild<QLineEdit*>(QStringLiteral("proxyEdit"))->text(),
                 QStringLiteral("http://proxy.example:3128"));
        QCOMPARE(page.findChild<QLineEdit*>(QStringLiteral("proxyPasswordEdit"))->echoMode(),
                 QLineEdit::Password);
        QVERIFY(page.isComplete());
        // Every run of the wizard (the token check, the plan, the verification) uses it.
        QString error;
        const auto options = context.runOptions(&error);
        QVERIFY2(options, qPrintable(error));
        const auto server = options->proxy.proxyFor(QUrl(url()));
        QVERIFY(server);
        QCOMPARE(server->display(), QStringLiteral("http://proxy.example:3128"));
        QCOMPARE(server->user, kProxyUser);
        QCOMPARE(server->password, kProxyPassword);
        QVERIFY(!options->proxy.proxyFor(QUrl(QStringLiteral("https://git.corp.example"))));
        // A bad one keeps Next off, said on the page.
        page.findChild<QLineEdit*>(QStringLiteral("proxyEdit"))
            ->setText(QStringLiteral("socks5://proxy.example"));
        QVERIFY(!page.isComplete());
        QVERIFY(page.findChild<QLabel*>(QStringLiteral("urlError"))->text().contains(QLatin1String("SOCKS")));
        page.findChild<QLineEdit*>(QStringLiteral("proxyEdit"))
            ->setText(QStringLiteral("http://proxy.example:3128"));
        QVERIFY(page.isComplete());
        context.save();
    }
    // Kept for the next time without its login; the settings file never saw it.
    QSettings settings;
    settings.sync();
    QFile file(settings.fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY2(bytes.contains("proxy.example:3128"), bytes.constData());
    QVERIFY2(!bytes.contains(kProxyPassword.toUtf8()) && !bytes.contains(kProxyUser.toUtf8()),
             bytes.constData());
    gjd::wizard::WizardContext next(m_store.get());
    next.load();
    QCOMPARE(next.connection.proxy, QStringLiteral("http://proxy.example:3128"));
    QCOMPARE(next.connection.noProxy, QStringLiteral(".corp.example"));
    QVERIFY(next.connection.proxyUser.isEmpty() && next.connection.proxyPassword.isEmpty());
    gjd::wizard::InstanceWizardPage page(&next);
    QCOMPARE(page.findChild<QLineEdit*>(QStringLiteral("proxyEdit"))->text(), next.connection.proxy);
    QVERIFY(page.findChild<QAbstractButton*>(QStringLiteral("optionsToggle"))->isChecked());
}

QTEST_MAIN(TestSetupWizard)
#include "tst_setupwizard.moc"
