// SPDX-License-Identifier: GPL-3.0-or-later
//
// The diagnostics pane, driven by object name (offscreen), against the fake GitLab behind a real
// nginx: a healthy Marketplace instance, a broken one (incomplete chain, proxy URL with a trailing
// slash), a server that never answers (the window stays responsive, Cancel works), and Re-run
// failed after the setting was fixed; then Export from the pane (the preview is what is written),
// the export opened again in the viewer and compared with a later one; the proxy fields, and a run
// through a real tinyproxy (CONNECT, 407 without the login). Saves screenshots of the pane, the
// export dialog, the viewer and the comparison (English and German) into <build>/screenshots/.

#include "checks/check.h"
#include "diagnosticspage.h"
#include "diffdialog.h"
#include "export/exportbundle.h"
#include "exportdialog.h"
#include "exportviewpage.h"
#include "fakegitlab.h"
#include "htmlformatter.h"
#include "i18n.h"
#include "mainwindow.h"
#include "nginxserver.h"
#include "pageloader.h"
#include "pages.h"
#include "reportview.h"
#include "samplereport.h"
#include "screenshots.h"
#include "testpki.h"
#include "textformatter.h"
#include "tinyproxy.h"
#include "uisettings.h"
#include "uistyle.h"
#include "waterfallwidget.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>

#include <memory>

using gjd::DiagnosticsPage;
using gjd::test::ProxyEnvironment;
using gjd::test::settingsBytes;
using gjd::test::TinyProxy;

namespace {

const QString kHost = QStringLiteral("gitlab.test");
const QString kToken = QStringLiteral("glpat-PLANTED-gui-TOKEN-0007");
const QSize kWindowSize(1100, 760);

// Planted: the proxy's password must reach the proxy, and nothing else (settings, report, export).
const QString kProxyUser = QStringLiteral("alice");
const QString kProxyPassword = QStringLiteral("Pl4nted-proxy.PW_07");
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
    void showResultsKeepsResultsAndTokens();
    void staleResultsAreCleared();
    void anotherInstanceDuringARun();
    void enterInTheTokenFieldRuns();
    void caFileBrowseButton();
    void caFileIsJudgedAgainWhenItChanges();
    void httpUrlIsNotedNotChanged();
    void proxyFieldsFollowTheEnvironment();
    void badProxyIsSaidAndBlocks();
    void proxyLoginIsTakenOutOfTheUrl();
    void runThroughARealProxy();
    void everyFieldFitsAt800x600();
    void startScreenListsRecentInstances();
    void exportPreviewIsWhatIsWritten();
    void openedExportShowsTheSameChecks();
    void compareFailingThenFixed();
    void unreadableExportIsSaidOnThePage();
    void screenshots_data();
    void screenshots();

private:
    QString url(const QString& site) const;
    // Fills the page for `site` (token, private CA, 127.0.0.1) and runs it to the end.
    void runAgainst(DiagnosticsPage& page, const QString& site, bool withToken = true);
    QString statusOf(DiagnosticsPage& page, const QString& id) const;
    // Runs the pane against `site` and saves its export (secrets level) as `name` in m_exports.
    QString exportOf(const QString& site, const QString& name);
    gjd::ExportDialog* openExportDialog(DiagnosticsPage& page);
    void configureHealthy(gjd::test::FakeGitLab& fake, quint16 publicPort);
    // A finished run made elsewhere: every check of the catalogue passes, but
    // tls.chain.complete fails; one transcript carries the token.
    gjd::Report madeElsewhere(const QString& url) const;

    std::unique_ptr<gjd::test::FakeGitLab> m_healthy;
    std::unique_ptr<gjd::test::FakeGitLab> m_broken;
    std::unique_ptr<gjd::test::NginxServer> m_nginx;
    std::unique_ptr<gjd::test::StallServer> m_stall;
    QList<QSslCertificate> m_trust;
    QTemporaryDir m_exports;
};

void TestDiagnosticsPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    gjd::installReadablePlaceholders(); // as the program does (src/app/main.cpp)
    QCoreApplication::setOrganizationName(QStringLiteral("gitlab-jira-doctor-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_diagnosticspage"));
    // The pages are linked in here; the program loads them as a module (tests/gui/tst_program.cpp checks it).
    gjd::setPageHostFactory(&gjd::createPageHost);
    QVERIFY2(!gjd::test::pkiDir().isEmpty(), "run through ctest (fixture pki)");
    QVERIFY(QDir().mkpath(gjd::test::screenshotDir()));
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
    const QByteArray settings = settingsBytes();
    QVERIFY2(!settings.contains(kToken.toUtf8()), "the token reached the settings file");
    QVERIFY2(!settings.contains(kProxyPassword.toUtf8()), "the proxy password reached the settings file");
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
    auto* tree = page.findChild<QTreeView*>(QStringLiteral("checkTree"));
    const QAbstractItemModel* model = tree->model();
    for (int g = 0; g < model->rowCount(); ++g) {
        const QModelIndex group = model->index(g, 0);
        for (int c = 0; c < model->rowCount(group); ++c) {
            if (model->index(c, 0, group).data(gjd::ReportView::checkIdRole).toString() == id)
                return model->index(c, 1, group).data().toString();
        }
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
    // Jira needs both the site and the email (said under the pane's own options); a bad address
    // is said at once.
    page.findChild<QToolButton*>(QStringLiteral("optionsToggle"))->click();
    page.findChild<QToolButton*>(QStringLiteral("moreOptionsToggle"))->click();
    auto* optionsError = page.findChild<QLabel*>(QStringLiteral("optionsError"));
    QVERIFY(optionsError && !optionsError->isVisible());
    page.findChild<QLineEdit*>(QStringLiteral("jiraSiteEdit"))
        ->setText(QStringLiteral("https://acme.atlassian.net"));
    QVERIFY(!run->isEnabled());
    QVERIFY(optionsError->isVisible());
    QVERIFY2(optionsError->text().contains(QLatin1String("email")), qPrintable(optionsError->text()));
    page.findChild<QLineEdit*>(QStringLiteral("jiraEmailEdit"))
        ->setText(QStringLiteral("admin@acme.example"));
    QVERIFY(run->isEnabled());
    QVERIFY(!optionsError->isVisible());
    page.findChild<QLineEdit*>(QStringLiteral("addressEdit"))->setText(QStringLiteral("not-an-ip"));
    QVERIFY(!run->isEnabled());
    QVERIFY(error->text().startsWith(QLatin1String("Connect to address")));
    // A private CA file that cannot be read: said before Run, naming the field and the file.
    page.findChild<QLineEdit*>(QStringLiteral("addressEdit"))->setText(QStringLiteral("127.0.0.1"));
    QVERIFY(run->isEnabled());
    page.findChild<QLineEdit*>(QStringLiteral("caFileEdit"))->setText(QStringLiteral("/dev/zero"));
    QVERIFY(!run->isEnabled());
    QVERIFY2(error->text().startsWith(QLatin1String("Private CA file")), qPrintable(error->text()));
    QVERIFY(error->text().contains(QLatin1String("/dev/zero")));
    page.findChild<QLineEdit*>(QStringLiteral("caFileEdit"))->clear();
    QVERIFY(run->isEnabled());
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
    QCOMPARE(page.report().checks.size(), int(gjd::catalogue().size()));
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
    QCOMPARE(copy->text(), QStringLiteral("Copied")); // feedback where the click was
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
    QCOMPARE(page.report().checks.size(), int(gjd::catalogue().size())); // merged, nothing lost
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
    // Cancelled is not a result: no verdict, nothing to copy, export or re-run.
    const QString verdict = page.findChild<QLabel*>(QStringLiteral("verdictLabel"))->text();
    QVERIFY2(verdict.contains(QLatin1String("cancelled")), qPrintable(verdict));
    QVERIFY2(verdict.contains(QString::number(m_stall->serverPort())), qPrintable(verdict));
    QVERIFY2(!verdict.contains(QLatin1String("verdict WARN")) &&
                 !verdict.contains(QLatin1String("verdict FAIL")) &&
                 !verdict.contains(QLatin1String("verdict PASS")) &&
                 !verdict.contains(QLatin1String("WARN")) && !verdict.contains(QLatin1String("PASS")),
             qPrintable(verdict));
    QVERIFY(!page.findChild<QPushButton*>(QStringLiteral("copySummaryButton"))->isEnabled());
    QVERIFY(!page.findChild<QPushButton*>(QStringLiteral("exportButton"))->isEnabled());
    QVERIFY(!page.findChild<QPushButton*>(QStringLiteral("rerunFailedButton"))->isEnabled());
    QVERIFY(page.report().checks.isEmpty());
    // Nor is it a checked instance.
    QVERIFY(!gjd::uisettings::recentInstances().contains(
        QStringLiteral("https://%1:%2").arg(kHost).arg(m_stall->serverPort())));
}

gjd::Report TestDiagnosticsPage::madeElsewhere(const QString& url) const
{
    gjd::Report r = gjd::test::reportHeader(url);
    for (const auto& c : gjd::catalogue()) {
        gjd::Finding f;
        f.id = c->id();
        f.category = c->category();
        f.title = c->title();
        f.status = gjd::Status::Pass;
        f.summary = QStringLiteral("Fine.");
        r.checks.append(f);
    }
    for (gjd::Finding& f : r.checks) {
        if (f.id == QLatin1String("tls.chain.complete")) {
            f.status = gjd::Status::Fail;
            f.summary = QStringLiteral("The intermediate is missing (from the wizard's run).");
        }
    }
    // As if HttpExchange had missed it: the export must still not carry it.
    r.transcripts = {
        {QStringLiteral("api.settings"),
         QByteArray("GET /api/v4/application/settings HTTP/1.1\nPRIVATE-TOKEN: ") + kToken.toUtf8() + "\n"}};
    return r;
}

void TestDiagnosticsPage::showResultsKeepsResultsAndTokens()
{
    DiagnosticsPage page;
    page.resize(kWindowSize);
    page.show();
    gjd::ConnectionInput input;
    input.url = QStringLiteral("https://gitlab.example.com");
    input.publicUrl = QStringLiteral("https://jira-facing.example.com");
    input.caFile = gjd::test::pki(QStringLiteral("root.pem"));
    input.address = QStringLiteral("127.0.0.1");
    input.jiraSite = QStringLiteral("https://acme.atlassian.net");
    input.jiraEmail = QStringLiteral("admin@acme.example");
    input.proxy = QStringLiteral("http://%1:%2@proxy.example:3128").arg(kProxyUser, kProxyPassword);
    input.noProxy = QStringLiteral(".corp.example");
    gjd::Credentials credentials;
    credentials.gitlabToken = kToken.toUtf8();
    credentials.jiraToken = "ATATT-planted-jira-token";
    gjd::Report report = madeElsewhere(QStringLiteral("https://gitlab.example.com"));
    // As if a proxy's Basic credentials had slipped into a transcript: the export must not carry them.
    report.transcripts.append({QStringLiteral("proxy.connect"),
                               "CONNECT gitlab.example.com:443 HTTP/1.1\nProxy-Authorization: Basic " +
                                   (kProxyUser + QLatin1Char(':') + kProxyPassword).toUtf8().toBase64() +
                                   "\nX-Echo: " + kProxyPassword.toUtf8() + "\n"});
    QList<gjd::CheckRunner::ProbeTiming> timings;
    timings.append({QStringLiteral("dns"), 0, 12, true});
    timings.append({QStringLiteral("tls"), 12, 30, true});
    page.showResults(input, report, credentials, timings);

    // The form is the run's.
    QCOMPARE(page.findChild<QLineEdit*>(QStringLiteral("urlEdit"))->text(), input.url);
    QCOMPARE(page.findChild<QLineEdit*>(QStringLiteral("publicUrlEdit"))->text(), input.publicUrl);
    QCOMPARE(page.findChild<QLineEdit*>(QStringLiteral("caFileEdit"))->text(), input.caFile);
    QCOMPARE(page.findChild<QLineEdit*>(QStringLiteral("addressEdit"))->text(), input.address);
    QCOMPARE(page.findChild<QLineEdit*>(QStringLiteral("jiraSiteEdit"))->text(), input.jiraSite);
    QCOMPARE(page.findChild<QLineEdit*>(QStringLiteral("jiraEmailEdit"))->text(), input.jiraEmail);
    QCOMPARE(page.findChild<QLineEdit*>(QStringLiteral("tokenEdit"))->text(), kToken);
    QCOMPARE(page.findChild<QLineEdit*>(QStringLiteral("jiraTokenEdit"))->text(),
             QStringLiteral("ATATT-planted-jira-token"));
    // The proxy's login in its own fields (memory only), not in the URL.
    QCOMPARE(page.findChild<QLineEdit*>(QStringLiteral("proxyEdit"))->text(),
             QStringLiteral("http://proxy.example:3128"));
    QCOMPARE(page.findChild<QLineEdit*>(QStringLiteral("proxyUserEdit"))->text(), kProxyUser);
    QCOMPARE(page.findChild<QLineEdit*>(QStringLiteral("proxyPasswordEdit"))->text(), kProxyPassword);
    QCOMPARE(page.findChild<QLineEdit*>(QStringLiteral("noProxyEdit"))->text(), input.noProxy);
    // The results, as after a run here: findings, not "waiting".
    QCOMPARE(statusOf(page, QStringLiteral("tls.chain.complete")), QStringLiteral("fail"));
    QCOMPARE(statusOf(page, QStringLiteral("dns.resolve")), QStringLiteral("pass"));
    QCOMPARE(page.report().checks.size(), report.checks.size());
    QVERIFY(page.detailsHtml(QStringLiteral("tls.chain.complete")).contains(QLatin1String("wizard")));
    QCOMPARE(page.findChild<gjd::WaterfallWidget*>(QStringLiteral("waterfall"))->timings().size(), 2);
    const QString verdict = page.findChild<QLabel*>(QStringLiteral("verdictLabel"))->text();
    QVERIFY2(verdict.startsWith(QLatin1String("https://gitlab.example.com")) &&
                 verdict.contains(QLatin1String("verdict FAIL")),
             qPrintable(verdict));
    for (const char* button : {"copySummaryButton", "exportButton", "rerunFailedButton", "runButton"})
        QVERIFY2(page.findChild<QPushButton*>(QLatin1String(button))->isEnabled(), button);
    QVERIFY(!page.isRunning());

    // The tokens stay out of the export even once the fields are cleared.
    page.findChild<QLineEdit*>(QStringLiteral("tokenEdit"))->clear();
    page.findChild<QLineEdit*>(QStringLiteral("jiraTokenEdit"))->clear();
    QCOMPARE(statusOf(page, QStringLiteral("tls.chain.complete")), QStringLiteral("fail")); // still shown
    gjd::ExportDialog* dialog = openExportDialog(page);
    QVERIFY(dialog);
    const gjd::BundleFile* transcript = dialog->bundle().file(QStringLiteral("http/api.settings.txt"));
    QVERIFY(transcript);
    QVERIFY(transcript->content.contains("PRIVATE-TOKEN"));
    for (const gjd::BundleFile& f : dialog->bundle().files()) {
        QVERIFY2(!f.content.contains(kToken.toUtf8()), qPrintable(f.path));
        QVERIFY2(!f.content.contains("ATATT-planted-jira-token"), qPrintable(f.path));
        QVERIFY2(!f.content.contains(kProxyPassword.toUtf8()), qPrintable(f.path));
        QVERIFY2(!f.content.contains((kProxyUser + QLatin1Char(':') + kProxyPassword).toUtf8().toBase64()),
                 qPrintable(f.path));
    }
    QVERIFY(dialog->bundle().file(QStringLiteral("http/proxy.connect.txt")));
    dialog->reject();

    // A handed-over token belongs to its instance: another host, typed or chosen from the recent
    // instances, empties the field, so it is never sent there unseen.
    auto* tokenEdit = page.findChild<QLineEdit*>(QStringLiteral("tokenEdit"));
    page.showResults(input, report, credentials, timings);
    QCOMPARE(tokenEdit->text(), kToken);
    page.findChild<QLineEdit*>(QStringLiteral("urlEdit"))
        ->setText(QStringLiteral("https://gitlab.example.com/"));
    QCOMPARE(tokenEdit->text(), kToken); // the same instance
    page.setUrl(QStringLiteral("https://other.example.com"));
    QVERIFY(tokenEdit->text().isEmpty());
    page.showResults(input, report, credentials, timings);
    page.findChild<QLineEdit*>(QStringLiteral("urlEdit"))
        ->setText(QStringLiteral("https://other.example.com"));
    QVERIFY(tokenEdit->text().isEmpty());
}

void TestDiagnosticsPage::staleResultsAreCleared()
{
    DiagnosticsPage page;
    page.show();
    gjd::ConnectionInput input;
    input.url = QStringLiteral("https://old.example.com");
    page.showResults(input, madeElsewhere(QStringLiteral("https://old.example.com")), {});
    auto* urlEdit = page.findChild<QLineEdit*>(QStringLiteral("urlEdit"));
    auto* verdict = page.findChild<QLabel*>(QStringLiteral("verdictLabel"));
    auto* exportButton = page.findChild<QPushButton*>(QStringLiteral("exportButton"));
    QCOMPARE(statusOf(page, QStringLiteral("tls.chain.complete")), QStringLiteral("fail"));

    // Another spelling of the same instance keeps them.
    urlEdit->setText(QStringLiteral("  old.example.com/ "));
    QCOMPARE(statusOf(page, QStringLiteral("tls.chain.complete")), QStringLiteral("fail"));
    QVERIFY(exportButton->isEnabled());

    // Another instance (as a recent instance chosen on the start screen sets it): nothing of the
    // old one stays under the new URL.
    page.setUrl(QStringLiteral("https://new.example.com"));
    QVERIFY(statusOf(page, QStringLiteral("tls.chain.complete")) != QLatin1String("fail"));
    QVERIFY(statusOf(page, QStringLiteral("dns.resolve")) != QLatin1String("pass"));
    QVERIFY2(!verdict->text().contains(QLatin1String("old.example.com")), qPrintable(verdict->text()));
    QVERIFY(!verdict->text().contains(QLatin1String("verdict")));
    QVERIFY(page.report().checks.isEmpty());
    for (const char* button : {"copySummaryButton", "exportButton", "rerunFailedButton"})
        QVERIFY2(!page.findChild<QPushButton*>(QLatin1String(button))->isEnabled(), button);
    // Going back does not bring them back: they were cleared, not hidden.
    urlEdit->setText(QStringLiteral("https://old.example.com"));
    QVERIFY(page.report().checks.isEmpty());

    // Another option that changes what is checked (where to connect) clears them too.
    page.showResults(input, madeElsewhere(QStringLiteral("https://old.example.com")), {});
    QVERIFY(exportButton->isEnabled());
    page.findChild<QLineEdit*>(QStringLiteral("addressEdit"))->setText(QStringLiteral("192.0.2.7"));
    QVERIFY(!exportButton->isEnabled());
    QVERIFY(page.report().checks.isEmpty());
    // So does another proxy ("reachable from here" means something else through it); its login
    // does not.
    page.showResults(input, madeElsewhere(QStringLiteral("https://old.example.com")), {});
    page.findChild<QLineEdit*>(QStringLiteral("proxyUserEdit"))->setText(kProxyUser);
    QVERIFY(exportButton->isEnabled());
    page.findChild<QLineEdit*>(QStringLiteral("proxyEdit"))
        ->setText(QStringLiteral("http://proxy.example:3128"));
    QVERIFY(!exportButton->isEnabled());
    page.showResults(input, madeElsewhere(QStringLiteral("https://old.example.com")), {});
    page.findChild<QCheckBox*>(QStringLiteral("proxyDirectCheck"))->click();
    QVERIFY(!exportButton->isEnabled());
}

void TestDiagnosticsPage::anotherInstanceDuringARun()
{
    DiagnosticsPage page;
    page.show();
    gjd::ConnectionInput old;
    old.url = QStringLiteral("https://old.example.com");
    old.caFile = gjd::test::pki(QStringLiteral("root.pem"));
    old.address = QStringLiteral("127.0.0.1");
    page.showResults(old, madeElsewhere(old.url), {});
    page.setPublicTrustStore(m_trust, QStringLiteral("trust.pem"));
    auto* verdict = page.findChild<QLabel*>(QStringLiteral("verdictLabel"));

    // A run of the stalled server; meanwhile the healthy instance is asked for, the way the start
    // screen's recent list does it (MainWindow::checkInstance: setUrl, then run).
    page.setUrl(QStringLiteral("https://%1:%2").arg(kHost).arg(m_stall->serverPort()));
    page.run();
    QVERIFY(page.isRunning());
    // A new run: the old results are gone at once, the label names what is checked.
    QVERIFY(statusOf(page, QStringLiteral("tls.chain.complete")) != QLatin1String("fail"));
    QVERIFY2(verdict->text().contains(QString::number(m_stall->serverPort())), qPrintable(verdict->text()));
    QVERIFY(!verdict->text().contains(QLatin1String("old.example.com")));
    QTest::qWait(200);
    page.setUrl(url(QStringLiteral("healthy")));
    page.run();
    QTRY_VERIFY_WITH_TIMEOUT(page.isRunning() && verdict->text().contains(url(QStringLiteral("healthy"))),
                             5000);
    QTRY_VERIFY_WITH_TIMEOUT(!page.isRunning(), 60000);
    QCOMPARE(page.report().url, url(QStringLiteral("healthy")));
    QVERIFY2(verdict->text().startsWith(url(QStringLiteral("healthy"))), qPrintable(verdict->text()));
    QCOMPARE(statusOf(page, QStringLiteral("tls.chain.complete")), QStringLiteral("pass"));
    QCOMPARE(page.findChild<QLineEdit*>(QStringLiteral("urlEdit"))->text(), url(QStringLiteral("healthy")));
}

void TestDiagnosticsPage::enterInTheTokenFieldRuns()
{
    DiagnosticsPage page;
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    page.findChild<QLineEdit*>(QStringLiteral("urlEdit"))
        ->setText(QStringLiteral("https://%1:%2").arg(kHost).arg(m_stall->serverPort()));
    page.findChild<QLineEdit*>(QStringLiteral("addressEdit"))->setText(QStringLiteral("127.0.0.1"));
    auto* token = page.findChild<QLineEdit*>(QStringLiteral("tokenEdit"));
    QCOMPARE(token->echoMode(), QLineEdit::Password);
    QVERIFY(token->inputMethodHints() & Qt::ImhSensitiveData);
    token->setFocus();
    QTest::keyClicks(token, kToken);
    QVERIFY(!page.isRunning());
    QTest::keyClick(token, Qt::Key_Return);
    QVERIFY(page.isRunning());
    page.cancel();
    QTRY_VERIFY_WITH_TIMEOUT(!page.isRunning(), 3000);
}

void TestDiagnosticsPage::caFileBrowseButton()
{
    DiagnosticsPage page;
    page.show();
    auto* toggle = page.findChild<QToolButton*>(QStringLiteral("optionsToggle"));
    QVERIFY(toggle);
    QCOMPARE(toggle->text(), QStringLiteral("Connection &options"));
    auto* caFile = page.findChild<QLineEdit*>(QStringLiteral("caFileEdit"));
    auto* browse = page.findChild<QToolButton*>(QStringLiteral("caFileBrowse"));
    QVERIFY(caFile && browse);
    QVERIFY(!browse->isVisible());
    toggle->click();
    QVERIFY(browse->isVisible() && caFile->isVisible());
    QVERIFY(!browse->accessibleName().isEmpty());
    browse->click();
    auto* dialog = page.findChild<QFileDialog*>(QStringLiteral("caFileDialog"));
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QVERIFY(dialog->nameFilters().value(0).contains(QLatin1String("*.pem")));
    QCOMPARE(dialog->fileMode(), QFileDialog::ExistingFile);
    // What is chosen lands in the field.
    const QString root = gjd::test::pki(QStringLiteral("root.pem"));
    emit dialog->fileSelected(root);
    QCOMPARE(caFile->text(), root);
    dialog->reject();
}

void TestDiagnosticsPage::caFileIsJudgedAgainWhenItChanges()
{
    // The form judges the CA file once per version of it (path, size, modification time), not on
    // every keystroke; a file that changes is judged again.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("ca.pem"));
    QVERIFY(QFile::copy(gjd::test::pki(QStringLiteral("root.pem")), path));
    DiagnosticsPage page;
    page.show();
    auto* run = page.findChild<QPushButton*>(QStringLiteral("runButton"));
    auto* url = page.findChild<QLineEdit*>(QStringLiteral("urlEdit"));
    url->setText(QStringLiteral("https://gitlab.example.com"));
    page.findChild<QLineEdit*>(QStringLiteral("caFileEdit"))->setText(path);
    QVERIFY(run->isEnabled());

    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("not a certificate\n");
    }
    QTest::keyClick(url, Qt::Key_Backspace); // any keystroke judges the form again
    QVERIFY(!run->isEnabled());
    QVERIFY(page.findChild<QLabel*>(QStringLiteral("urlError"))->text().contains(path));

    QFile::remove(path);
    QVERIFY(QFile::copy(gjd::test::pki(QStringLiteral("root.pem")), path));
    QTest::keyClicks(url, QStringLiteral("m"));
    QVERIFY(run->isEnabled());
}

void TestDiagnosticsPage::httpUrlIsNotedNotChanged()
{
    DiagnosticsPage page;
    page.show();
    auto* urlEdit = page.findChild<QLineEdit*>(QStringLiteral("urlEdit"));
    auto* note = page.findChild<QLabel*>(QStringLiteral("urlNote"));
    auto* error = page.findChild<QLabel*>(QStringLiteral("urlError"));
    QVERIFY(note && !note->isVisible());
    QTest::keyClicks(urlEdit, QStringLiteral("http://gitlab.example.com"));
    // Said, not done: the field keeps what was typed; Run stays possible.
    QCOMPARE(urlEdit->text(), QStringLiteral("http://gitlab.example.com"));
    QVERIFY(note->isVisible());
    QVERIFY2(note->text().contains(QLatin1String("HTTPS only")) &&
                 note->text().contains(QLatin1String("https://gitlab.example.com")),
             qPrintable(note->text()));
    QVERIFY(!error->isVisible());
    QVERIFY(page.findChild<QPushButton*>(QStringLiteral("runButton"))->isEnabled());
    urlEdit->setText(QStringLiteral("https://gitlab.example.com"));
    QVERIFY(!note->isVisible());
}

void TestDiagnosticsPage::proxyFieldsFollowTheEnvironment()
{
    const auto findings = [](DiagnosticsPage& page) {
        QString error;
        const auto options = gjd::buildRunOptions(page.input(), &error);
        return std::make_pair(options, error);
    };
    {
        const ProxyEnvironment environment(
            {{"HTTPS_PROXY", QStringLiteral("http://%1:%2@proxy.corp.example:3128")
                                 .arg(kProxyUser, kProxyPassword)
                                 .toUtf8()},
             {"NO_PROXY", "localhost,.corp.example"}});
        DiagnosticsPage page;
        page.show();
        auto* proxy = page.findChild<QLineEdit*>(QStringLiteral("proxyEdit"));
        auto* user = page.findChild<QLineEdit*>(QStringLiteral("proxyUserEdit"));
        auto* password = page.findChild<QLineEdit*>(QStringLiteral("proxyPasswordEdit"));
        auto* noProxy = page.findChild<QLineEdit*>(QStringLiteral("noProxyEdit"));
        auto* direct = page.findChild<QCheckBox*>(QStringLiteral("proxyDirectCheck"));
        QVERIFY(proxy && user && password && noProxy && direct);
        // In the connection options, and reached from the address field with Tab.
        QVERIFY(page.findChild<QWidget*>(QStringLiteral("connectionOptions"))->isAncestorOf(proxy));
        QWidget* next = page.findChild<QLineEdit*>(QStringLiteral("addressEdit"))->nextInFocusChain();
        while (next && !(next->focusPolicy() & Qt::TabFocus))
            next = next->nextInFocusChain();
        QCOMPARE(next, proxy);
        // What an empty field stands for, without the environment's login.
        QCOMPARE(proxy->placeholderText(),
                 QStringLiteral("from the environment: http://proxy.corp.example:3128"));
        QVERIFY(!proxy->placeholderText().contains(kProxyUser));
        QCOMPARE(noProxy->placeholderText(),
                 QStringLiteral("from the environment: localhost, .corp.example"));
        // Empty fields are the environment's proxy, with its login, and NO_PROXY: as curl.
        page.findChild<QLineEdit*>(QStringLiteral("urlEdit"))
            ->setText(QStringLiteral("https://gitlab.example.com"));
        QVERIFY(page.findChild<QPushButton*>(QStringLiteral("runButton"))->isEnabled());
        auto [options, error] = findings(page);
        QVERIFY2(options, qPrintable(error));
        const auto server = options->proxy.proxyFor(QUrl(QStringLiteral("https://gitlab.example.com")));
        QVERIFY(server);
        QCOMPARE(server->display(), QStringLiteral("http://proxy.corp.example:3128"));
        QCOMPARE(server->password, kProxyPassword);
        QVERIFY(!options->proxy.proxyFor(QUrl(QStringLiteral("https://git.corp.example"))));
        // The login belongs to a proxy typed here: greyed while the server field is empty.
        QVERIFY(!user->isEnabled() && !password->isEnabled());
        proxy->setText(QStringLiteral("http://proxy.example:8080"));
        QVERIFY(user->isEnabled() && password->isEnabled());
        noProxy->setText(QStringLiteral("gitlab.example.com"));
        std::tie(options, error) = findings(page);
        QVERIFY2(options, qPrintable(error));
        QVERIFY(!options->proxy.proxyFor(QUrl(QStringLiteral("https://gitlab.example.com"))));
        QCOMPARE(options->proxy.proxyFor(QUrl(QStringLiteral("https://git.corp.example")))->display(),
                 QStringLiteral("http://proxy.example:8080"));
        // "Connect directly": no proxy at all, the fields it overrides greyed.
        direct->click();
        QVERIFY(!proxy->isEnabled() && !user->isEnabled() && !password->isEnabled() && !noProxy->isEnabled());
        std::tie(options, error) = findings(page);
        QVERIFY2(options, qPrintable(error));
        QVERIFY(options->proxy.isEmpty());
        direct->click();
        QVERIFY(proxy->isEnabled() && user->isEnabled() && noProxy->isEnabled());
    }
    {
        const ProxyEnvironment none({});
        DiagnosticsPage page;
        QCOMPARE(page.findChild<QLineEdit*>(QStringLiteral("proxyEdit"))->placeholderText(),
                 QStringLiteral("none (direct connection)"));
        QVERIFY(page.findChild<QLineEdit*>(QStringLiteral("noProxyEdit"))
                    ->placeholderText()
                    .startsWith(QLatin1String("optional:")));
    }
}

void TestDiagnosticsPage::badProxyIsSaidAndBlocks()
{
    const ProxyEnvironment environment({});
    DiagnosticsPage page;
    page.show();
    page.findChild<QLineEdit*>(QStringLiteral("urlEdit"))
        ->setText(QStringLiteral("https://gitlab.example.com"));
    page.findChild<QToolButton*>(QStringLiteral("optionsToggle"))->click();
    auto* run = page.findChild<QPushButton*>(QStringLiteral("runButton"));
    auto* error = page.findChild<QLabel*>(QStringLiteral("urlError"));
    auto* proxy = page.findChild<QLineEdit*>(QStringLiteral("proxyEdit"));
    QVERIFY(run->isEnabled());
    const std::pair<QString, QString> bad[] = {
        {QStringLiteral("https://proxy.example:3128"), QStringLiteral("HTTPS proxies")},
        {QStringLiteral("socks5://proxy.example:1080"), QStringLiteral("SOCKS")},
        {QStringLiteral("http://proxy.example:3128/path"), QStringLiteral("not a proxy URL")},
        {QStringLiteral("ftp://proxy.example"), QStringLiteral("not a proxy URL")},
        {QStringLiteral("http://proxy.example:99999"), QStringLiteral("not a proxy URL")},
        // Set, not typed: the login stays in the field, and the message must not repeat it.
        {QStringLiteral("https://%1:%2@proxy.example:3128").arg(kProxyUser, kProxyPassword),
         QStringLiteral("HTTPS proxies")},
    };
    for (const auto& [text, said] : bad) {
        proxy->setText(text);
        QVERIFY2(!run->isEnabled(), qPrintable(text));
        QVERIFY2(error->isVisible() && error->text().startsWith(QLatin1String("Proxy server")) &&
                     error->text().contains(said),
                 qPrintable(text + QStringLiteral(" → ") + error->text()));
        QVERIFY(!error->text().contains(kProxyPassword));
    }
    proxy->setText(QStringLiteral("proxy.example:3128")); // http:// assumed, as curl does
    QVERIFY(run->isEnabled());
    QVERIFY(!error->isVisible());
    // A password without the user name it belongs to.
    page.findChild<QLineEdit*>(QStringLiteral("proxyPasswordEdit"))->setText(kProxyPassword);
    QVERIFY(!run->isEnabled());
    QVERIFY2(error->text().startsWith(QLatin1String("Proxy login")), qPrintable(error->text()));
    page.findChild<QLineEdit*>(QStringLiteral("proxyUserEdit"))->setText(kProxyUser);
    QVERIFY(run->isEnabled());

    // A proxy from the environment that cannot be used blocks too, naming the variable, as in the
    // CLI; "Connect directly" gets past it, as `--proxy ""` does.
    const ProxyEnvironment broken({{"HTTPS_PROXY", QByteArray("https://proxy.corp.example:3128")}});
    DiagnosticsPage other;
    other.show();
    other.findChild<QLineEdit*>(QStringLiteral("urlEdit"))
        ->setText(QStringLiteral("https://gitlab.example.com"));
    auto* otherRun = other.findChild<QPushButton*>(QStringLiteral("runButton"));
    auto* otherError = other.findChild<QLabel*>(QStringLiteral("urlError"));
    QVERIFY(!otherRun->isEnabled());
    QVERIFY2(otherError->text().contains(QLatin1String("HTTPS_PROXY")) &&
                 otherError->text().contains(QLatin1String("environment")),
             qPrintable(otherError->text()));
    other.findChild<QCheckBox*>(QStringLiteral("proxyDirectCheck"))->click();
    QVERIFY(otherRun->isEnabled());
    QVERIFY(!otherError->isVisible());
}

void TestDiagnosticsPage::proxyLoginIsTakenOutOfTheUrl()
{
    const ProxyEnvironment environment({});
    DiagnosticsPage page;
    page.show();
    page.findChild<QLineEdit*>(QStringLiteral("urlEdit"))
        ->setText(QStringLiteral("https://gitlab.example.com"));
    page.findChild<QToolButton*>(QStringLiteral("optionsToggle"))->click();
    auto* proxy = page.findChild<QLineEdit*>(QStringLiteral("proxyEdit"));
    auto* user = page.findChild<QLineEdit*>(QStringLiteral("proxyUserEdit"));
    auto* password = page.findChild<QLineEdit*>(QStringLiteral("proxyPasswordEdit"));
    // Masked as the tokens are.
    QCOMPARE(password->echoMode(), QLineEdit::Password);
    // Pasted (insert() is what a paste does): the login leaves the URL at once, and Undo does not
    // bring it back.
    proxy->setFocus();
    proxy->insert(QStringLiteral("http://%1:%2@proxy.example:3128").arg(kProxyUser, kProxyPassword));
    QCOMPARE(proxy->text(), QStringLiteral("http://proxy.example:3128"));
    QCOMPARE(user->text(), kProxyUser);
    QCOMPARE(password->text(), kProxyPassword);
    proxy->undo();
    QVERIFY(!proxy->text().contains(kProxyPassword));
    // Typed key by key, without a scheme and percent-encoded: the same once the "@" is there.
    proxy->clear();
    QTest::keyClicks(proxy, QStringLiteral("bob:p%40ss%3Aword@10.0.0.1:8080"));
    QCOMPARE(proxy->text(), QStringLiteral("10.0.0.1:8080"));
    QCOMPARE(user->text(), QStringLiteral("bob"));
    QCOMPARE(password->text(), QStringLiteral("p@ss:word"));
    // The run gets the login, encoded again.
    QString error;
    const auto options = gjd::buildRunOptions(page.input(), &error);
    QVERIFY2(options, qPrintable(error));
    const auto server = options->proxy.proxyFor(QUrl(QStringLiteral("https://gitlab.example.com")));
    QVERIFY(server);
    QCOMPARE(server->host, QStringLiteral("10.0.0.1"));
    QCOMPARE(server->port, quint16(8080));
    QCOMPARE(server->user, QStringLiteral("bob"));
    QCOMPARE(server->password, QStringLiteral("p@ss:word"));
}

void TestDiagnosticsPage::runThroughARealProxy()
{
    TinyProxy proxy;
    QVERIFY2(proxy.start(kProxyUser, kProxyPassword), qPrintable(proxy.output()));
    const ProxyEnvironment environment({});
    // By address: the proxy cannot resolve gitlab.test, and the connections go through it by name.
    const quint16 web = m_nginx->port(QStringLiteral("healthy"));
    {
        DiagnosticsPage page;
        page.resize(kWindowSize);
        page.show();
        page.setPublicTrustStore(m_trust, QStringLiteral("trust.pem"));
        page.findChild<QLineEdit*>(QStringLiteral("urlEdit"))
            ->setText(QStringLiteral("https://127.0.0.1:%1").arg(web));
        page.findChild<QToolButton*>(QStringLiteral("optionsToggle"))->click();
        auto* proxyEdit = page.findChild<QLineEdit*>(QStringLiteral("proxyEdit"));
        auto* run = page.findChild<QPushButton*>(QStringLiteral("runButton"));

        // Without the login: the proxy's 407 is tcp.connect's finding, a finding about the proxy.
        proxyEdit->setText(proxy.url());
        QTest::mouseClick(run, Qt::LeftButton);
        QVERIFY(page.isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(!page.isRunning(), 60000);
        QCOMPARE(statusOf(page, QStringLiteral("tcp.connect")), QStringLiteral("fail"));
        const gjd::Finding* refused = page.report().find(QStringLiteral("tcp.connect"));
        QVERIFY(refused);
        QVERIFY2(refused->summary.contains(QLatin1String("407")), qPrintable(refused->summary));
        QVERIFY(proxy.connectsTo(web) >= 1); // asked, and refused

        // With it, typed into the URL as HTTPS_PROXY has it: tunnels to nginx through the proxy.
        const int before = proxy.connectsTo(web);
        proxyEdit->clear();
        QTest::keyClicks(
            proxyEdit,
            QStringLiteral("http://%1:%2@127.0.0.1:%3").arg(kProxyUser, kProxyPassword).arg(proxy.port()));
        QCOMPARE(proxyEdit->text(), proxy.url());
        QTest::mouseClick(run, Qt::LeftButton);
        QVERIFY(page.isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(!page.isRunning(), 60000);
        for (const char* id : {"tcp.connect", "tls.handshake", "tls.chain.complete"})
            QVERIFY2(statusOf(page, QLatin1String(id)) == QLatin1String("pass"),
                     qPrintable(QStringLiteral("%1: %2 (%3)")
                                    .arg(QLatin1String(id), statusOf(page, QLatin1String(id)),
                                         page.report().find(QLatin1String(id))->summary)));
        // The report says the connections went through the proxy, as the CLI's does.
        for (const char* id : {"tcp.connect", "tls.handshake", "http.base"}) {
            const gjd::Finding* f = page.report().find(QLatin1String(id));
            QVERIFY2(f && f->evidence.value(QStringLiteral("proxy")).toString() == proxy.url(), id);
        }
        QVERIFY2(proxy.connectsTo(web) >= before + 2, qPrintable(QString::number(proxy.connectsTo(web))));
        // The login stays for this session (the fleet page goes through the same proxy with it),
        // in memory only.
        QCOMPARE(gjd::uisettings::sessionProxyLogin().user, kProxyUser);
        QCOMPARE(gjd::uisettings::sessionProxyLogin().password, kProxyPassword);
        QVERIFY(page.selectCheck(QStringLiteral("tcp.connect")));
        QVERIFY(page.detailsHtml(QStringLiteral("tcp.connect")).contains(proxy.url()));
        // Never its login: not in the report, nor in any file of the export.
        const QByteArray basic = (kProxyUser + QLatin1Char(':') + kProxyPassword).toUtf8().toBase64();
        const QByteArray json = QJsonDocument(page.report().toJson()).toJson();
        QVERIFY(!json.contains(kProxyPassword.toUtf8()) && !json.contains(basic));
        gjd::ExportDialog* dialog = openExportDialog(page);
        QVERIFY(dialog);
        for (const gjd::BundleFile& f : dialog->bundle().files())
            QVERIFY2(!f.content.contains(kProxyPassword.toUtf8()) && !f.content.contains(basic),
                     qPrintable(f.path));
        dialog->reject();
    }
    // Remembered for the next session, without the login.
    const QByteArray settings = settingsBytes();
    QVERIFY2(settings.contains(QStringLiteral("127.0.0.1:%1").arg(proxy.port()).toUtf8()),
             settings.constData());
    QVERIFY2(!settings.contains(kProxyPassword.toUtf8()) && !settings.contains(kProxyUser.toUtf8()),
             settings.constData());
    DiagnosticsPage next;
    QCOMPARE(next.findChild<QLineEdit*>(QStringLiteral("proxyEdit"))->text(), proxy.url());
    QVERIFY(next.findChild<QLineEdit*>(QStringLiteral("proxyUserEdit"))->text().isEmpty());
    QVERIFY(next.findChild<QLineEdit*>(QStringLiteral("proxyPasswordEdit"))->text().isEmpty());
}

void TestDiagnosticsPage::everyFieldFitsAt800x600()
{
    // The pane in the smallest window (800x600 less the menu bar), both sections open and a long
    // problem said: the fields scroll instead of being squeezed over each other, and the tree
    // keeps a few rows.
    DiagnosticsPage page;
    page.resize(800, 570);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    page.findChild<QToolButton*>(QStringLiteral("optionsToggle"))->click();
    page.findChild<QToolButton*>(QStringLiteral("moreOptionsToggle"))->click();
    page.findChild<QLineEdit*>(QStringLiteral("proxyEdit"))
        ->setText(QStringLiteral("https://proxy.example:3128"));
    QTest::qWait(50);
    for (QWidget* field : page.findChild<QWidget*>(QStringLiteral("fields"))->findChildren<QWidget*>()) {
        if (!field->isVisible() || field->objectName().startsWith(QLatin1String("qt_")) || // a spin box's
            !(qobject_cast<QLineEdit*>(field) || qobject_cast<QComboBox*>(field)))
            continue;
        QVERIFY2(field->height() >= field->minimumSizeHint().height(),
                 qPrintable(QStringLiteral("%1: %2 px").arg(field->objectName()).arg(field->height())));
    }
    auto* error = page.findChild<QLabel*>(QStringLiteral("urlError"));
    QVERIFY(error->isVisible());
    QVERIFY2(error->height() >= error->heightForWidth(error->width()),
             qPrintable(QString::number(error->height())));
    QVERIFY(page.findChild<QWidget*>(QStringLiteral("checkTree"))->height() >= 80);
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

namespace {

// Opens `path` in the viewer and waits for it (exports are read in the background).
bool openIn(gjd::ExportViewPage& viewer, const QString& path)
{
    QSignalSpy loaded(&viewer, &gjd::ExportViewPage::loaded);
    viewer.openFile(path);
    return (!loaded.isEmpty() || loaded.wait(20000)) && loaded.first().first().toBool();
}

bool compareIn(gjd::ExportViewPage& viewer, const QString& path)
{
    QSignalSpy compared(&viewer, &gjd::ExportViewPage::compared);
    viewer.compareWith(path);
    return (!compared.isEmpty() || compared.wait(20000)) && compared.first().first().toBool();
}

// Waits until the dialog's preview is built (in the background).
bool waitReady(gjd::ExportDialog& dialog)
{
    QSignalSpy ready(&dialog, &gjd::ExportDialog::ready);
    return !dialog.isBusy() || ready.wait(20000);
}

// Saves and waits for the outcome (written in the background); true when saved.
bool saveIn(gjd::ExportDialog& dialog, const QString& path)
{
    if (!waitReady(dialog))
        return false;
    QSignalSpy saved(&dialog, &gjd::ExportDialog::saved);
    QSignalSpy failed(&dialog, &gjd::ExportDialog::saveFailed);
    dialog.saveTo(path);
    for (int i = 0; i < 400 && saved.isEmpty() && failed.isEmpty(); ++i)
        QTest::qWait(50);
    return !saved.isEmpty();
}

} // namespace

gjd::ExportDialog* TestDiagnosticsPage::openExportDialog(DiagnosticsPage& page)
{
    auto* button = page.findChild<QPushButton*>(QStringLiteral("exportButton"));
    if (!button || !button->isEnabled())
        return nullptr;
    QTest::mouseClick(button, Qt::LeftButton);
    auto* dialog = page.findChild<gjd::ExportDialog*>();
    return dialog && waitReady(*dialog) ? dialog : nullptr;
}

QString TestDiagnosticsPage::exportOf(const QString& site, const QString& name)
{
    DiagnosticsPage page;
    page.show();
    runAgainst(page, site);
    gjd::ExportDialog* dialog = openExportDialog(page);
    if (!dialog)
        return QString();
    const QString path = m_exports.filePath(name);
    return saveIn(*dialog, path) ? path : QString();
}

void TestDiagnosticsPage::exportPreviewIsWhatIsWritten()
{
    DiagnosticsPage page;
    page.resize(kWindowSize);
    page.show();
    auto* exportButton = page.findChild<QPushButton*>(QStringLiteral("exportButton"));
    QVERIFY(exportButton && !exportButton->isEnabled()); // nothing to export yet
    runAgainst(page, QStringLiteral("broken"));
    gjd::ExportDialog* dialog = openExportDialog(page);
    QVERIFY(dialog && dialog->isVisible());

    // The list is the bundle's files; the viewer shows a file's bytes as they will be written.
    auto* list = dialog->findChild<QListWidget*>(QStringLiteral("fileList"));
    auto* view = dialog->findChild<QPlainTextEdit*>(QStringLiteral("fileView"));
    QCOMPARE(list->count(), int(dialog->bundle().files().size()));
    for (int i = 0; i < list->count(); ++i) {
        list->setCurrentRow(i);
        const gjd::BundleFile& f = dialog->bundle().files().at(i);
        QVERIFY(list->item(i)->text().startsWith(f.path));
        // (QPlainTextEdit shows CRLF line ends as line ends.)
        QCOMPARE(view->toPlainText(), QString::fromUtf8(f.content).remove(QLatin1Char('\r')));
        QVERIFY2(!f.content.contains(kToken.toUtf8()), qPrintable(f.path)); // typed in the pane
    }
    QVERIFY(dialog->bundle().file(QStringLiteral("http/api.version.txt")) ||
            dialog->bundle().file(QStringLiteral("http/http.version.txt")));

    // Identities: the host disappears from every file, and the preview follows at once.
    dialog->findChild<QRadioButton*>(QStringLiteral("identitiesRadio"))->click();
    QCOMPARE(dialog->level(), gjd::RedactionLevel::Identities);
    QVERIFY(!dialog->findChild<QPushButton*>(QStringLiteral("saveButton"))->isEnabled()); // building
    QVERIFY(waitReady(*dialog));
    QVERIFY(dialog->findChild<QPushButton*>(QStringLiteral("saveButton"))->isEnabled());
    for (const gjd::BundleFile& f : dialog->bundle().files())
        QVERIFY2(!f.content.contains(kHost.toUtf8()), qPrintable(f.path));
    list->setCurrentRow(0);
    QVERIFY(view->toPlainText().contains(QLatin1String("host-1")));
    QVERIFY(dialog->suggestedFileName().startsWith(QLatin1String("gitlab-jira-doctor-export-")));
    QVERIFY(dialog->findChild<QLabel*>(QStringLiteral("summaryLabel"))
                ->text()
                .contains(QLatin1String("pseudonyms")));

    // Saved, it reads back to exactly the previewed report.
    const QString path = m_exports.filePath(QStringLiteral("preview.zip"));
    QVERIFY(saveIn(*dialog, path));
    // The pane says where it went.
    QVERIFY(page.findChild<QLabel*>(QStringLiteral("verdictLabel"))->text().contains(path));
    QString error;
    const auto opened = gjd::ExportReader::open(path, &error);
    QVERIFY2(opened, qPrintable(error));
    QCOMPARE(opened->report.toJson(), dialog->bundle().report().toJson());
    QCOMPARE(opened->files.size(), dialog->bundle().files().size());

    // A place that cannot be written: said in the dialog, which stays open.
    QVERIFY(!saveIn(*dialog, path + QStringLiteral("/inside.zip")));
    auto* errorLabel = dialog->findChild<QLabel*>(QStringLiteral("errorLabel"));
    QVERIFY(errorLabel->isVisible());
    QVERIFY2(errorLabel->text().contains(QLatin1String("inside.zip")), qPrintable(errorLabel->text()));
    dialog->reject();
}

void TestDiagnosticsPage::openedExportShowsTheSameChecks()
{
    DiagnosticsPage page;
    page.show();
    runAgainst(page, QStringLiteral("broken"));
    gjd::ExportDialog* dialog = openExportDialog(page);
    QVERIFY(dialog);
    const QString path = m_exports.filePath(QStringLiteral("same.zip"));
    QVERIFY(saveIn(*dialog, path));

    gjd::MainWindow window;
    window.show();
    window.showPage(gjd::MainWindow::Page::Export); // the page is built on first use
    auto* viewer = window.findChild<gjd::ExportViewPage*>(QStringLiteral("exportPage"));
    QVERIFY(viewer);
    QSignalSpy loaded(viewer, &gjd::ExportViewPage::loaded);
    window.openExport(path);
    QCOMPARE(window.currentPage(), gjd::MainWindow::Page::Export);
    QVERIFY(loaded.wait(20000));
    QCOMPARE(loaded.first().first().toBool(), true);
    const QAbstractItemModel* model = viewer->findChild<QTreeView*>(QStringLiteral("checkTree"))->model();
    int listed = 0;
    for (int g = 0; g < model->rowCount(); ++g) {
        const QModelIndex group = model->index(g, 0);
        for (int c = 0; c < model->rowCount(group); ++c) {
            ++listed;
            const QString id = model->index(c, 0, group).data(gjd::ReportView::checkIdRole).toString();
            const gjd::Finding* f = page.report().find(id);
            QVERIFY2(f, qPrintable(id));
            QCOMPARE(model->index(c, 1, group).data().toString(), gjd::TextFormatter::statusTitle(f->status));
        }
    }
    QCOMPARE(listed, int(page.report().checks.size()));
    // The details are the pane's, and read-only: nothing to run here.
    const gjd::Report& shown = viewer->opened()->report;
    QCOMPARE(viewer->findChild<QTextBrowser*>(QStringLiteral("detailsView"))->toHtml().isEmpty(), false);
    QCOMPARE(shown.find(QStringLiteral("tls.chain.complete"))->status, gjd::Status::Fail);
    QCOMPARE(gjd::HtmlFormatter::findingHtml(*shown.find(QStringLiteral("tls.chain.complete")), shown),
             page.detailsHtml(QStringLiteral("tls.chain.complete")));
    QVERIFY(!viewer->findChild<QPushButton*>(QStringLiteral("runButton")));
    // The banner: where, when, which version, which redaction.
    const QString banner = viewer->findChild<QLabel*>(QStringLiteral("bannerLabel"))->text();
    QVERIFY2(banner.contains(url(QStringLiteral("broken"))), qPrintable(banner));
    QVERIFY(banner.contains(QLatin1String(GJD_VERSION)));
    QVERIFY(banner.contains(QLatin1String("Redaction: secrets")));
    QVERIFY(banner.contains(QLatin1String("same.zip")));
    // The transcripts come along.
    auto* probes = viewer->findChild<QComboBox*>(QStringLiteral("transcriptCombo"));
    auto* transcript = viewer->findChild<QPlainTextEdit*>(QStringLiteral("transcriptView"));
    QVERIFY(probes->count() >= 3);
    QCOMPARE(probes->count(), int(shown.transcripts.size()));
    const int descriptor = probes->findText(QStringLiteral("http.descriptor"));
    QVERIFY(descriptor >= 0);
    probes->setCurrentIndex(descriptor);
    QVERIFY2(
        transcript->toPlainText().contains(QLatin1String("GET /-/jira_connect/app_descriptor.json HTTP/1.1")),
        qPrintable(transcript->toPlainText()));
    QVERIFY(transcript->toPlainText().contains(QLatin1String("HTTP/1.1 200")));
}

void TestDiagnosticsPage::compareFailingThenFixed()
{
    // The clock is pinned for the suite: the fix comes five minutes later.
    const QByteArray suiteNow = qgetenv("GJD_NOW");
    qputenv("GJD_NOW", "2026-12-02T12:00:00Z");
    const QString broken = exportOf(QStringLiteral("broken"), QStringLiteral("before.zip"));
    qputenv("GJD_NOW", "2026-12-02T12:05:00Z");
    const QString healthy = exportOf(QStringLiteral("healthy"), QStringLiteral("after.zip"));
    qputenv("GJD_NOW", suiteNow);
    QVERIFY(!broken.isEmpty() && !healthy.isEmpty());
    gjd::ExportViewPage viewer;
    viewer.show();
    // Opened the other way round: the older export is still "before".
    QVERIFY(openIn(viewer, healthy));
    QVERIFY(viewer.findChild<QPushButton*>(QStringLiteral("compareButton"))->isEnabled());
    QVERIFY(compareIn(viewer, broken));
    auto* diff = viewer.findChild<gjd::DiffDialog*>();
    QVERIFY(diff && diff->isVisible());
    const QAbstractItemModel* diffModel = diff->findChild<QTreeView*>(QStringLiteral("diffTree"))->model();
    QString fixedSection;
    for (int i = 0; i < diffModel->rowCount(); ++i) {
        const QModelIndex section = diffModel->index(i, 0);
        for (int j = 0; j < diffModel->rowCount(section); ++j) {
            if (diffModel->index(j, 0, section).data(gjd::ReportView::checkIdRole).toString() ==
                QLatin1String("tls.chain.complete"))
                fixedSection = section.data().toString();
        }
    }
    QVERIFY2(fixedSection.startsWith(QLatin1String("Fixed")), qPrintable(fixedSection));
    const QString header = diff->findChild<QLabel*>(QStringLiteral("diffHeader"))->text();
    QVERIFY2(header.contains(QLatin1String("before.zip")) &&
                 header.indexOf(QLatin1String("before.zip")) < header.indexOf(QLatin1String("after.zip")),
             qPrintable(header));
    QVERIFY(header.contains(QLatin1String("different instances"))); // two sites, two ports
    QVERIFY(diff->findChild<QLabel*>(QStringLiteral("diffSummary"))->text().contains(QLatin1String("fixed")));
}

void TestDiagnosticsPage::unreadableExportIsSaidOnThePage()
{
    gjd::ExportViewPage viewer;
    viewer.show();
    const QString bad = m_exports.filePath(QStringLiteral("bad.zip"));
    {
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("PK\x03\x04 not really a zip");
    }
    QVERIFY(!openIn(viewer, bad));
    auto* error = viewer.findChild<QLabel*>(QStringLiteral("errorLabel"));
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QLatin1String("bad.zip")) &&
                 error->text().contains(QLatin1String("not a readable ZIP")),
             qPrintable(error->text()));
    QVERIFY(!viewer.opened());
    QVERIFY(viewer.findChild<QLabel*>(QStringLiteral("emptyLabel"))->isVisible());
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
        gjd::test::saveScreenshot(w, language + QLatin1Char('-') + QLatin1String(name));
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
        // The proxy fields filled in, with NO_PROXY from the environment, and a problem said.
        const ProxyEnvironment environment({{"NO_PROXY", QByteArray("localhost,.corp.example,10.0.0.0/8")}});
        DiagnosticsPage page;
        page.resize(kWindowSize);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.findChild<QLineEdit*>(QStringLiteral("urlEdit"))
            ->setText(QStringLiteral("https://gitlab.example.com"));
        page.findChild<QToolButton*>(QStringLiteral("optionsToggle"))->click();
        QTest::keyClicks(
            page.findChild<QLineEdit*>(QStringLiteral("proxyEdit")),
            QStringLiteral("https://%1:%2@proxy.corp.example:3128").arg(kProxyUser, kProxyPassword));
        QTest::qWait(50); // the problem's label settles its height in a second layout pass
        save(page, "pane-proxy-problem");
        auto* proxy = page.findChild<QLineEdit*>(QStringLiteral("proxyEdit"));
        proxy->setText(proxy->text().replace(QLatin1String("https://"), QLatin1String("http://")));
        save(page, "pane-proxy");
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
        gjd::ExportDialog* dialog = openExportDialog(page);
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        save(*dialog, "export-preview-secrets");
        dialog->findChild<QRadioButton*>(QStringLiteral("identitiesRadio"))->click();
        QVERIFY(waitReady(*dialog));
        dialog->findChild<QListWidget*>(QStringLiteral("fileList"))->setCurrentRow(0);
        save(*dialog, "export-preview-identities");
        const QString path = m_exports.filePath(language + QStringLiteral("-shot.zip"));
        QVERIFY(saveIn(*dialog, path));
        gjd::MainWindow window;
        window.resize(kWindowSize);
        window.show();
        window.showPage(gjd::MainWindow::Page::Export); // the page is built on first use
        auto* viewer = window.findChild<gjd::ExportViewPage*>(QStringLiteral("exportPage"));
        QVERIFY(viewer);
        QVERIFY(openIn(*viewer, path));
        save(window, "export-viewer");
        viewer->findChild<QTabWidget*>(QStringLiteral("resultTabs"))->setCurrentIndex(2);
        save(window, "export-viewer-http");
        const QString healthy =
            exportOf(QStringLiteral("healthy"), language + QStringLiteral("-healthy.zip"));
        QVERIFY(compareIn(*viewer, healthy));
        auto* diff = viewer->findChild<gjd::DiffDialog*>();
        QVERIFY(diff && QTest::qWaitForWindowExposed(diff));
        save(*diff, "export-diff");
        diff->close();
        window.showPage(gjd::MainWindow::Page::Start);
    }
    {
        gjd::MainWindow window;
        window.resize(kWindowSize);
        window.show();
        window.showPage(gjd::MainWindow::Page::Export);
        save(window, "export-empty");
    }
}

QTEST_MAIN(TestDiagnosticsPage)
#include "tst_diagnosticspage.moc"
