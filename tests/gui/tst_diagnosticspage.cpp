// SPDX-License-Identifier: GPL-3.0-or-later
//
// The diagnostics pane, driven by object name (offscreen), against the fake GitLab behind a real
// nginx: a healthy Marketplace instance, a broken one (incomplete chain, proxy URL with a trailing
// slash), a server that never answers (the window stays responsive, Cancel works), and Re-run
// failed after the setting was fixed. Saves screenshots of the pane (English and German, idle,
// healthy, failing) into <build>/screenshots/.

#include "diagnosticspage.h"
#include "fakegitlab.h"
#include "i18n.h"
#include "mainwindow.h"
#include "nginxserver.h"
#include "testpki.h"
#include "uisettings.h"
#include "waterfallwidget.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>

#include <memory>

using gjd::DiagnosticsPage;

namespace {

const QString kHost = QStringLiteral("gitlab.test");
const QString kToken = QStringLiteral("glpat-PLANTED-gui-TOKEN-0007");
const QSize kWindowSize(1100, 760);

QString screenshotDir()
{
    return QStringLiteral(GJD_BINARY_DIR "/screenshots");
}

QString proxyTo(quint16 port)
{
    return QStringLiteral("proxy_pass http://127.0.0.1:%1; proxy_set_header Host %2:$server_port; "
                          "proxy_set_header X-Forwarded-Proto https;")
        .arg(port)
        .arg(kHost);
}

} // namespace

class TestDiagnosticsPage final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void runButtonFollowsTheUrl();
    void healthyInstance();
    void brokenInstanceShowsWhatFails();
    void rerunFailedAfterTheFix();
    void stalledServerKeepsTheWindowResponsive();
    void startScreenListsRecentInstances();
    void screenshots_data();
    void screenshots();

private:
    QString url(const QString& site) const;
    // Fills the page for `site` (token, private CA, 127.0.0.1) and runs it to the end.
    void runAgainst(DiagnosticsPage& page, const QString& site, bool withToken = true);
    QString statusOf(DiagnosticsPage& page, const QString& id) const;
    void configureHealthy(gjd::test::FakeGitLab& fake, quint16 publicPort);

    std::unique_ptr<gjd::test::FakeGitLab> m_healthy;
    std::unique_ptr<gjd::test::FakeGitLab> m_broken;
    std::unique_ptr<gjd::test::NginxServer> m_nginx;
    std::unique_ptr<gjd::test::StallServer> m_stall;
    QList<QSslCertificate> m_trust;
};

void TestDiagnosticsPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("gitlab-jira-doctor-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_diagnosticspage"));
    QVERIFY2(!gjd::test::pkiDir().isEmpty(), "run through ctest (fixture pki)");
    QVERIFY(QDir().mkpath(screenshotDir()));
    m_trust = QSslCertificate::fromPath(gjd::test::pki(QStringLiteral("trust.pem")));
    QVERIFY(!m_trust.isEmpty());

    m_healthy = std::make_unique<gjd::test::FakeGitLab>();
    m_broken = std::make_unique<gjd::test::FakeGitLab>();
    QVERIFY(m_healthy->listen() && m_broken->listen());
    auto healthy =
        gjd::test::NginxSite::tls(QStringLiteral("healthy"), gjd::test::pki(QStringLiteral("full.pem")),
                                  gjd::test::pki(QStringLiteral("full.key")));
    healthy.rootLocation = proxyTo(m_healthy->port());
    // The intermediate is missing from what this one serves.
    auto broken =
        gjd::test::NginxSite::tls(QStringLiteral("broken"), gjd::test::pki(QStringLiteral("leaf-only.pem")),
                                  gjd::test::pki(QStringLiteral("leaf-only.key")));
    broken.rootLocation = proxyTo(m_broken->port());
    m_nginx = std::make_unique<gjd::test::NginxServer>(QList<gjd::test::NginxSite>() << healthy << broken);
    QVERIFY2(m_nginx->start(), qPrintable(m_nginx->errorString()));
    m_stall = std::make_unique<gjd::test::StallServer>();
    QVERIFY(m_stall->start());
}

void TestDiagnosticsPage::configureHealthy(gjd::test::FakeGitLab& fake, quint16 publicPort)
{
    fake.state() = gjd::test::FakeGitLabState{};
    fake.state().settings = gjd::test::FakeGitLabState::defaultSettings();
    fake.state().externalUrl = QUrl(QStringLiteral("https://%1:%2").arg(kHost).arg(publicPort));
    fake.addAdminToken(kToken, {QStringLiteral("api")});
    gjd::test::FakeGitLabApplication app;
    app.name = QStringLiteral("GitLab for Jira Cloud app");
    app.redirectUri = QStringLiteral("https://gitlab.com/-/jira_connect/oauth_callbacks");
    app.confidential = false;
    app = fake.addApplication(app);
    fake.setSetting(QStringLiteral("jira_connect_proxy_url"), QStringLiteral("https://gitlab.com"));
    fake.setSetting(QStringLiteral("jira_connect_application_key"), app.uid);
}

void TestDiagnosticsPage::init()
{
    QSettings().clear();
    configureHealthy(*m_healthy, m_nginx->port(QStringLiteral("healthy")));
    configureHealthy(*m_broken, m_nginx->port(QStringLiteral("broken")));
    m_broken->setSetting(QStringLiteral("jira_connect_proxy_url"), QStringLiteral("https://gitlab.com/"));
}

void TestDiagnosticsPage::cleanup()
{
    gjd::installTranslations(*QCoreApplication::instance(), QStringLiteral("en"));
    // Secrets never reach the settings file.
    QSettings settings;
    settings.sync();
    QFile file(settings.fileName());
    if (file.open(QIODevice::ReadOnly))
        QVERIFY2(!file.readAll().contains(kToken.toUtf8()), "the token reached the settings file");
    QSettings().clear();
}

QString TestDiagnosticsPage::url(const QString& site) const
{
    return QStringLiteral("https://%1:%2").arg(kHost).arg(m_nginx->port(site));
}

void TestDiagnosticsPage::runAgainst(DiagnosticsPage& page, const QString& site, bool withToken)
{
    page.setPublicTrustStore(m_trust, QStringLiteral("trust.pem"));
    page.findChild<QLineEdit*>(QStringLiteral("urlEdit"))->setText(url(site));
    auto* token = page.findChild<QLineEdit*>(QStringLiteral("tokenEdit"));
    token->clear();
    if (withToken)
        QTest::keyClicks(token, kToken);
    page.findChild<QLineEdit*>(QStringLiteral("caFileEdit"))
        ->setText(gjd::test::pki(QStringLiteral("root.pem")));
    page.findChild<QLineEdit*>(QStringLiteral("addressEdit"))->setText(QStringLiteral("127.0.0.1"));
    auto* run = page.findChild<QPushButton*>(QStringLiteral("runButton"));
    QVERIFY(run->isEnabled());
    QTest::mouseClick(run, Qt::LeftButton);
    QVERIFY(page.isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(!page.isRunning(), 60000);
}

QString TestDiagnosticsPage::statusOf(DiagnosticsPage& page, const QString& id) const
{
    auto* tree = page.findChild<QTreeWidget*>(QStringLiteral("checkTree"));
    for (QTreeWidgetItemIterator it(tree); *it; ++it) {
        if ((*it)->toolTip(0).startsWith(id + QLatin1Char(' ')) || (*it)->toolTip(0) == id)
            return (*it)->text(1);
    }
    return QStringLiteral("(not listed)");
}

void TestDiagnosticsPage::runButtonFollowsTheUrl()
{
    DiagnosticsPage page;
    page.show();
    auto* urlEdit = page.findChild<QLineEdit*>(QStringLiteral("urlEdit"));
    auto* run = page.findChild<QPushButton*>(QStringLiteral("runButton"));
    auto* error = page.findChild<QLabel*>(QStringLiteral("urlError"));
    QVERIFY(urlEdit && run && error);
    QVERIFY(!run->isEnabled());
    QTest::keyClicks(urlEdit, QStringLiteral("ftp://gitlab.example.com"));
    QVERIFY(!run->isEnabled());
    QVERIFY(error->isVisible());
    QVERIFY(!error->text().isEmpty());
    urlEdit->setText(QStringLiteral("gitlab.example.com/"));
    QVERIFY(run->isEnabled());
    QVERIFY(!error->isVisible());
    // Jira needs both the site and the email; a bad address is said at once.
    page.findChild<QToolButton*>(QStringLiteral("optionsToggle"))->click();
    page.findChild<QLineEdit*>(QStringLiteral("jiraSiteEdit"))
        ->setText(QStringLiteral("https://acme.atlassian.net"));
    QVERIFY(!run->isEnabled());
    QVERIFY(error->text().contains(QLatin1String("email")));
    page.findChild<QLineEdit*>(QStringLiteral("jiraEmailEdit"))
        ->setText(QStringLiteral("admin@acme.example"));
    QVERIFY(run->isEnabled());
    page.findChild<QLineEdit*>(QStringLiteral("addressEdit"))->setText(QStringLiteral("not-an-ip"));
    QVERIFY(!run->isEnabled());
    QVERIFY(error->text().startsWith(QLatin1String("Connect to address")));
    // Secrets are masked.
    QCOMPARE(page.findChild<QLineEdit*>(QStringLiteral("tokenEdit"))->echoMode(), QLineEdit::Password);
    QCOMPARE(page.findChild<QLineEdit*>(QStringLiteral("jiraTokenEdit"))->echoMode(), QLineEdit::Password);
}

void TestDiagnosticsPage::healthyInstance()
{
    DiagnosticsPage page;
    page.resize(kWindowSize);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    runAgainst(page, QStringLiteral("healthy"));

    for (const char* id : {"tls.chain.complete", "tls.trust.public", "connect.descriptor", "connect.cors",
                           "gitlab.token", "gitlab.settings.proxy_url", "gitlab.oauth_app"})
        QVERIFY2(
            statusOf(page, QLatin1String(id)) == QLatin1String("pass"),
            qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(id), statusOf(page, QLatin1String(id)))));
    // Skip and manual are shown as what they are, never as pass.
    QCOMPARE(statusOf(page, QStringLiteral("manual.inbound")), QStringLiteral("manual"));
    QCOMPARE(statusOf(page, QStringLiteral("jira.auth")), QStringLiteral("skip"));
    QCOMPARE(page.report().checks.size(), 40);
    const QString verdict = page.findChild<QLabel*>(QStringLiteral("verdictLabel"))->text();
    QVERIFY2(verdict.contains(QLatin1String("verdict WARN")), qPrintable(verdict)); // loopback, port

    auto* waterfall = page.findChild<gjd::WaterfallWidget*>(QStringLiteral("waterfall"));
    QVERIFY(waterfall->timings().size() >= 10);
    QVERIFY(waterfall->timings().constFirst().startMs <= waterfall->timings().constLast().startMs);
    QVERIFY(waterfall->accessibleDescription().contains(QLatin1String("tls:")));

    QVERIFY(page.selectCheck(QStringLiteral("tls.chain.complete")));
    const QString details = page.findChild<QTextBrowser*>(QStringLiteral("detailsView"))->toPlainText();
    QVERIFY2(details.contains(QLatin1String("Certificate chain")), qPrintable(details));
    QVERIFY2(details.contains(QLatin1String("GJD Test Intermediate CA")), qPrintable(details));

    auto* copy = page.findChild<QPushButton*>(QStringLiteral("copySummaryButton"));
    QVERIFY(copy->isEnabled());
    QTest::mouseClick(copy, Qt::LeftButton);
    const QString markdown = QApplication::clipboard()->text();
    QVERIFY2(markdown.startsWith(QLatin1String("### GitLab for Jira Cloud app diagnostics")),
             qPrintable(markdown));
    QVERIFY(markdown.contains(QLatin1String("| `tls.chain.complete` |")));
    QVERIFY(!markdown.contains(kToken));
    QCOMPARE(gjd::uisettings::recentInstances().value(0), url(QStringLiteral("healthy")));
}

void TestDiagnosticsPage::brokenInstanceShowsWhatFails()
{
    DiagnosticsPage page;
    page.resize(kWindowSize);
    page.show();
    runAgainst(page, QStringLiteral("broken"));
    QCOMPARE(statusOf(page, QStringLiteral("tls.chain.complete")), QStringLiteral("fail"));
    QCOMPARE(statusOf(page, QStringLiteral("connect.cors")), QStringLiteral("fail"));
    // The token is only sent over a chain that verifies from here: the settings checks wait.
    QCOMPARE(statusOf(page, QStringLiteral("gitlab.token")), QStringLiteral("fail"));
    QCOMPARE(statusOf(page, QStringLiteral("gitlab.settings.proxy_url")), QStringLiteral("skip"));
    QVERIFY(page.selectCheck(QStringLiteral("tls.chain.complete")));
    const QString html = page.detailsHtml(QStringLiteral("tls.chain.complete"));
    QVERIFY2(html.contains(QLatin1String("missing: CN=GJD Test Intermediate CA")), qPrintable(html));
    QVERIFY(html.contains(QLatin1String("How to fix")));
    QVERIFY(html.contains(QLatin1String("Explains these errors")));
    QVERIFY(page.findChild<QPushButton*>(QStringLiteral("rerunFailedButton"))->isEnabled());
    const QString verdict = page.findChild<QLabel*>(QStringLiteral("verdictLabel"))->text();
    QVERIFY2(verdict.contains(QLatin1String("verdict FAIL")), qPrintable(verdict));
}

void TestDiagnosticsPage::rerunFailedAfterTheFix()
{
    DiagnosticsPage page;
    page.show();
    // The healthy chain, but the proxy URL with a trailing slash.
    m_healthy->setSetting(QStringLiteral("jira_connect_proxy_url"), QStringLiteral("https://gitlab.com/"));
    runAgainst(page, QStringLiteral("healthy"));
    QCOMPARE(statusOf(page, QStringLiteral("gitlab.settings.proxy_url")), QStringLiteral("fail"));
    const qint64 passedBefore = page.report().summary().count(gjd::Status::Pass);

    m_healthy->setSetting(QStringLiteral("jira_connect_proxy_url"), QStringLiteral("https://gitlab.com"));
    m_healthy->clearRequests();
    QTest::mouseClick(page.findChild<QPushButton*>(QStringLiteral("rerunFailedButton")), Qt::LeftButton);
    QVERIFY(page.isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(!page.isRunning(), 60000);
    QCOMPARE(statusOf(page, QStringLiteral("gitlab.settings.proxy_url")), QStringLiteral("pass"));
    QCOMPARE(statusOf(page, QStringLiteral("connect.cors")), QStringLiteral("pass"));
    QCOMPARE(page.report().checks.size(), 40); // merged, nothing lost
    QVERIFY(page.report().summary().count(gjd::Status::Pass) > passedBefore);
}

void TestDiagnosticsPage::stalledServerKeepsTheWindowResponsive()
{
    DiagnosticsPage page;
    page.show();
    page.findChild<QLineEdit*>(QStringLiteral("urlEdit"))
        ->setText(QStringLiteral("https://%1:%2").arg(kHost).arg(m_stall->serverPort()));
    page.findChild<QLineEdit*>(QStringLiteral("addressEdit"))->setText(QStringLiteral("127.0.0.1"));
    int ticks = 0;
    QTimer ticker;
    connect(&ticker, &QTimer::timeout, this, [&ticks] { ++ticks; });
    ticker.start(20);
    QTest::mouseClick(page.findChild<QPushButton*>(QStringLiteral("runButton")), Qt::LeftButton);
    QVERIFY(page.isRunning());
    QTest::qWait(600);
    // The event loop kept turning while the server said nothing.
    QVERIFY2(ticks >= 10, qPrintable(QString::number(ticks)));
    QVERIFY(page.isRunning());
    auto* cancel = page.findChild<QPushButton*>(QStringLiteral("cancelButton"));
    QVERIFY(cancel->isEnabled());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!page.isRunning(), 3000);
    QCOMPARE(statusOf(page, QStringLiteral("tls.handshake")), QStringLiteral("skip"));
    QVERIFY(page.findChild<QPushButton*>(QStringLiteral("runButton"))->isEnabled());
}

void TestDiagnosticsPage::startScreenListsRecentInstances()
{
    gjd::uisettings::addRecentInstance(QStringLiteral("https://old.example.com"));
    gjd::uisettings::addRecentInstance(QStringLiteral("https://gitlab.example.com"));
    gjd::MainWindow window;
    window.show();
    auto* list = window.findChild<QListWidget*>(QStringLiteral("recentList"));
    QVERIFY(list && list->isVisible());
    QCOMPARE(list->count(), 2);
    QCOMPARE(list->item(0)->text(), QStringLiteral("https://gitlab.example.com"));
    emit list->itemActivated(list->item(0));
    QCOMPARE(window.currentPage(), gjd::MainWindow::Page::Check);
    auto* pane = window.findChild<DiagnosticsPage*>(QStringLiteral("checkPage"));
    QCOMPARE(pane->findChild<QLineEdit*>(QStringLiteral("urlEdit"))->text(),
             QStringLiteral("https://gitlab.example.com"));
}

void TestDiagnosticsPage::screenshots_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << QStringLiteral("en");
    QTest::newRow("de") << QStringLiteral("de");
}

void TestDiagnosticsPage::screenshots()
{
    QFETCH(QString, language);
    gjd::installTranslations(*QCoreApplication::instance(), language);
    const auto save = [&language](QWidget& w, const char* name) {
        const QImage image = w.grab().toImage();
        const QString file =
            QStringLiteral("%1/%2-%3.png").arg(screenshotDir(), language, QLatin1String(name));
        QVERIFY2(image.save(file), qPrintable(file));
        QVERIFY(QFileInfo(file).size() > 2000);
    };
    {
        DiagnosticsPage page;
        page.resize(kWindowSize);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        save(page, "pane-idle");
        page.findChild<QToolButton*>(QStringLiteral("optionsToggle"))->click();
        QCoreApplication::processEvents();
        save(page, "pane-options");
    }
    {
        DiagnosticsPage page;
        page.resize(kWindowSize);
        page.show();
        runAgainst(page, QStringLiteral("healthy"));
        page.selectCheck(QStringLiteral("gitlab.oauth_app"));
        save(page, "pane-healthy");
        page.findChild<QTabWidget*>(QStringLiteral("resultTabs"))->setCurrentIndex(1);
        save(page, "pane-timing");
    }
    {
        DiagnosticsPage page;
        page.resize(kWindowSize);
        page.show();
        runAgainst(page, QStringLiteral("broken"));
        page.selectCheck(QStringLiteral("tls.chain.complete"));
        save(page, "pane-failing");
    }
}

QTEST_MAIN(TestDiagnosticsPage)
#include "tst_diagnosticspage.moc"
