// SPDX-License-Identifier: GPL-3.0-or-later
//
// The fleet page (File → Check a fleet…), driven by object name (offscreen), against three
// instances of the fake GitLab behind a real nginx (a complete chain, a chain without its
// intermediate, a certificate five days from its end) listed in a targets file with a comment, a
// blank line, a line that is no instance and the same instance twice: one row per line in file
// order, the bad lines with their line number and error, the verdicts and the summary; Enter on a
// row opens its report and Escape leads back; the saved fleet report validates against
// docs/fleet.schema.json; the recent instances from the File menu; Cancel, and another file during
// a run. Saves screenshots (English and German) into <build>/screenshots/.

#include "fakegitlab.h"
#include "fleetmodel.h"
#include "fleetpage.h"
#include "i18n.h"
#include "mainwindow.h"
#include "nginxserver.h"
#include "pageloader.h"
#include "pages.h"
#include "reportview.h"
#include "screenshots.h"
#include "testpki.h"
#include "tinyproxy.h"
#include "uisettings.h"
#include "uistyle.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMenu>
#include <QProcess>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStyleHints>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <memory>

using gjd::FleetModel;
using gjd::FleetPage;
using gjd::MainWindow;

namespace {

const QString kHost = QStringLiteral("gitlab.test");
// Planted: the proxy's password must reach the proxy, and nothing else (settings, fleet report).
const QString kProxyUser = QStringLiteral("bob");
const QString kProxyPassword = QStringLiteral("Pl4nted-fleet-proxy.PW_16");
const QSize kWindowSize(800, 600); // the smallest display the product supports
constexpr int kRunTimeoutMs = 90000;

QString proxyTo(quint16 port)
{
    return QStringLiteral("proxy_pass http://127.0.0.1:%1; proxy_set_header Host %2:$server_port; "
                          "proxy_set_header X-Forwarded-Proto https;")
        .arg(port)
        .arg(kHost);
}

QString cell(const FleetPage& page, int row, int column)
{
    const auto* table = page.findChild<QTableView*>(QStringLiteral("fleetTable"));
    return table->model()->index(row, column).data().toString();
}

// The page's text with a plural form in the current language: the English catalogue gives
// "3 instances" for "%n instance(s)" once it has the form.
QString plural(const char* source, int n)
{
    return QCoreApplication::translate("gjd::FleetPage", source, nullptr, n);
}

// "3 instances: 0 pass, 1 warn, 2 fail; 2 lines cannot be used"
QString summaryText(int instances, int pass, int warn, int fail, int badLines)
{
    QString text =
        plural("%n instance(s): %1 pass, %2 warn, %3 fail", instances).arg(pass).arg(warn).arg(fail);
    if (badLines > 0)
        text += QLatin1String("; ") + plural("%n line(s) cannot be used", badLines);
    return text;
}

FleetModel::State stateOf(const FleetPage& page, int row)
{
    const auto* table = page.findChild<QTableView*>(QStringLiteral("fleetTable"));
    return FleetModel::State(table->model()->index(row, 0).data(FleetModel::StateRole).toInt());
}

QString statusOf(const gjd::Report& report, const QString& id)
{
    for (const gjd::Finding& f : report.checks) {
        if (f.id == id)
            return gjd::statusId(f.status);
    }
    return QStringLiteral("(not run)");
}

} // namespace

class TestFleetPage final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void oneRowPerLineInFileOrder();
    void enterOpensTheReportAndEscapeLeadsBack();
    void savedFleetReportValidates();
    void recentInstancesFromTheFileMenu();
    void checkAFleetAsksForATargetsFile();
    void unreadableFileIsSaidOnThePage();
    void cancelEndsTheRunningInstances();
    void proxyLoginFromThisSession();
    void anotherFileDuringARunReplacesIt();
    void fitsAt800x600_data();
    void fitsAt800x600();
    void screenshots_data();
    void screenshots();

private:
    QString url(const QString& site) const;
    // "https://gitlab.test:PORT --resolve gitlab.test:PORT:127.0.0.1"
    QString line(const QString& site) const;
    // The targets file of the test: lines 2, 4 and 6 are instances, 3 is none, 7 repeats line 2.
    QString writeTargets(const QString& name) const;
    QString writeFile(const QString& name, const QString& text) const;
    // Opens `path` in the page and waits for the run's end.
    void runFile(FleetPage& page, const QString& path);
    static int rowOfLine(const FleetPage& page, int line);

    std::unique_ptr<gjd::test::FakeGitLab> m_full;
    std::unique_ptr<gjd::test::FakeGitLab> m_leafOnly;
    std::unique_ptr<gjd::test::FakeGitLab> m_expiring;
    std::unique_ptr<gjd::test::NginxServer> m_nginx;
    std::unique_ptr<gjd::test::StallServer> m_stall;
    QList<QSslCertificate> m_trust;
    QTemporaryDir m_dir;
};

void TestFleetPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    gjd::installReadablePlaceholders(); // as the program does (src/app/main.cpp)
    QCoreApplication::setOrganizationName(QStringLiteral("gitlab-jira-doctor-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_fleetpage"));
    // The pages are linked in here; the program loads them as a module (tests/gui/tst_program.cpp checks it).
    gjd::setPageHostFactory(&gjd::createPageHost);
    QVERIFY2(!gjd::test::pkiDir().isEmpty(), "run through ctest (fixture pki)");
    QVERIFY(QDir().mkpath(gjd::test::screenshotDir()));
    QVERIFY(m_dir.isValid());
    m_trust = QSslCertificate::fromPath(gjd::test::pki(QStringLiteral("trust.pem")));
    QVERIFY(!m_trust.isEmpty());

    m_full = std::make_unique<gjd::test::FakeGitLab>();
    m_leafOnly = std::make_unique<gjd::test::FakeGitLab>();
    m_expiring = std::make_unique<gjd::test::FakeGitLab>();
    QVERIFY(m_full->listen() && m_leafOnly->listen() && m_expiring->listen());
    QList<gjd::test::NginxSite> sites;
    const std::pair<const char*, gjd::test::FakeGitLab*> served[] = {
        {"full", m_full.get()}, {"leaf-only", m_leafOnly.get()}, {"expiring", m_expiring.get()}};
    for (const auto& [bundle, fake] : served) {
        const QString name = QLatin1String(bundle);
        auto site = gjd::test::NginxSite::tls(name, gjd::test::pki(name + QStringLiteral(".pem")),
                                              gjd::test::pki(name + QStringLiteral(".key")));
        site.rootLocation = proxyTo(fake->port());
        sites.append(site);
    }
    m_nginx = std::make_unique<gjd::test::NginxServer>(sites);
    QVERIFY2(m_nginx->start(), qPrintable(m_nginx->errorString()));
    m_stall = std::make_unique<gjd::test::StallServer>();
    QVERIFY(m_stall->start());
}

void TestFleetPage::init()
{
    QSettings().clear();
    // Each fake is a Marketplace instance as it should be, with its own public URL.
    const std::pair<const char*, gjd::test::FakeGitLab*> served[] = {
        {"full", m_full.get()}, {"leaf-only", m_leafOnly.get()}, {"expiring", m_expiring.get()}};
    for (const auto& [site, fake] : served) {
        fake->state() = gjd::test::FakeGitLabState{};
        fake->state().settings = gjd::test::FakeGitLabState::defaultSettings();
        fake->state().externalUrl = QUrl(url(QLatin1String(site)));
        fake->setSetting(QStringLiteral("jira_connect_proxy_url"), QStringLiteral("https://gitlab.com"));
        gjd::test::FakeGitLabApplication app;
        app.name = QStringLiteral("GitLab for Jira Cloud app");
        app.redirectUri = QStringLiteral("https://gitlab.com/-/jira_connect/oauth_callbacks");
        app.confidential = false;
        app = fake->addApplication(app);
        fake->setSetting(QStringLiteral("jira_connect_application_key"), app.uid);
    }
}

void TestFleetPage::cleanup()
{
    gjd::installTranslations(*QCoreApplication::instance(), QStringLiteral("en"));
    QSettings().clear();
}

QString TestFleetPage::url(const QString& site) const
{
    return QStringLiteral("https://%1:%2").arg(kHost).arg(m_nginx->port(site));
}

QString TestFleetPage::line(const QString& site) const
{
    return QStringLiteral("%1 --resolve %2:%3:127.0.0.1").arg(url(site), kHost).arg(m_nginx->port(site));
}

QString TestFleetPage::writeFile(const QString& name, const QString& text) const
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return QString();
    file.write(text.toUtf8());
    return path;
}

QString TestFleetPage::writeTargets(const QString& name) const
{
    return writeFile(name, QStringLiteral("# the test fleet\n"                     // 1
                                          "%1\n"                                   // 2
                                          "gitlab.broken.example --token secret\n" // 3: no such option
                                          "%2\n"                                   // 4
                                          "\n"                                     // 5
                                          "%3 --method marketplace\n"              // 6
                                          "%4\n")                                  // 7: the same as line 2
                               .arg(line(QStringLiteral("full")), line(QStringLiteral("leaf-only")),
                                    line(QStringLiteral("expiring")),
                                    line(QStringLiteral("full"))
                                        .replace(QLatin1String("https://gitlab.test"),
                                                 QLatin1String("https://GITLAB.test"))));
}

void TestFleetPage::runFile(FleetPage& page, const QString& path)
{
    page.setPublicTrustStore(m_trust, QStringLiteral("trust.pem"));
    QVERIFY(page.openFile(path));
    QVERIFY(page.isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(!page.isRunning(), kRunTimeoutMs);
}

int TestFleetPage::rowOfLine(const FleetPage& page, int line)
{
    const auto* table = page.findChild<QTableView*>(QStringLiteral("fleetTable"));
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        if (table->model()->index(row, FleetModel::LineColumn).data().toInt() == line)
            return row;
    }
    return -1;
}

void TestFleetPage::oneRowPerLineInFileOrder()
{
    FleetPage page;
    page.resize(kWindowSize);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    auto* table = page.findChild<QTableView*>(QStringLiteral("fleetTable"));
    QVERIFY(table);
    QVERIFY(!table->isVisible()); // nothing opened yet: the page says what it is for
    QVERIFY(page.findChild<QLabel*>(QStringLiteral("emptyLabel"))->isVisible());

    // Rows change while the run goes on: one instance has its verdict while another still runs.
    bool live = false;
    connect(table->model(), &QAbstractItemModel::dataChanged, this, [&] {
        if (!page.isRunning())
            return;
        bool done = false, open = false;
        for (int row = 0; row < table->model()->rowCount(); ++row) {
            done |= stateOf(page, row) == FleetModel::State::Done;
            open |= stateOf(page, row) == FleetModel::State::Running;
        }
        live |= done && open;
    });
    const QString path = writeTargets(QStringLiteral("fleet.txt"));
    page.setPublicTrustStore(m_trust, QStringLiteral("trust.pem"));
    QVERIFY(page.openFile(path));
    QVERIFY(page.isRunning());
    // Every line at once, in file order, the bad ones already said.
    QCOMPARE(table->model()->rowCount(), 5);
    QVERIFY(table->isVisible());
    QStringList lines;
    for (int row = 0; row < 5; ++row)
        lines.append(cell(page, row, FleetModel::LineColumn));
    QCOMPARE(lines, QStringList({"2", "3", "4", "6", "7"}));
    QCOMPARE(stateOf(page, 1), FleetModel::State::Unusable);
    QCOMPARE(stateOf(page, 4), FleetModel::State::Unusable);
    for (int row : {0, 2, 3})
        QVERIFY2(cell(page, row, FleetModel::VerdictColumn) == QLatin1String("waiting") ||
                     cell(page, row, FleetModel::VerdictColumn) == QLatin1String("running…"),
                 qPrintable(cell(page, row, FleetModel::VerdictColumn)));
    QVERIFY(!page.findChild<QPushButton*>(QStringLiteral("saveButton"))->isEnabled());
    QVERIFY(page.findChild<QPushButton*>(QStringLiteral("cancelButton"))->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(!page.isRunning(), kRunTimeoutMs);
    QVERIFY2(live, "no row had its verdict while another instance was still running");

    // The bad lines: their line number, the line's first word (what follows may be a token given
    // where it does not belong: never shown) and the parser's own words.
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const gjd::FleetTargets parsed = gjd::FleetTargets::parse(file.readAll());
    QCOMPARE(parsed.errors.size(), 2);
    QCOMPARE(cell(page, 1, FleetModel::InstanceColumn), QStringLiteral("gitlab.broken.example …"));
    for (int column = 0;
         column < page.findChild<QTableView*>(QStringLiteral("fleetTable"))->model()->columnCount(); ++column)
        QVERIFY2(!cell(page, 1, column).contains(QLatin1String("secret")), qPrintable(cell(page, 1, column)));
    QCOMPARE(cell(page, 1, FleetModel::VerdictColumn),
             QStringLiteral("cannot be used: %1").arg(parsed.errors.at(0).error));
    QVERIFY2(parsed.errors.at(0).error.contains(QLatin1String("--token")),
             qPrintable(parsed.errors.at(0).error));
    QCOMPARE(cell(page, 4, FleetModel::VerdictColumn),
             QStringLiteral("cannot be used: the same instance as line 2"));
    QVERIFY(table->columnSpan(1, FleetModel::VerdictColumn) > 1); // the error across the result columns
    QCOMPARE(table->columnSpan(0, FleetModel::VerdictColumn), 1);

    // The instances, with the verdicts the checks give them (anonymous: no token was sent).
    QCOMPARE(cell(page, 0, FleetModel::InstanceColumn), url(QStringLiteral("full")));
    QCOMPARE(cell(page, 2, FleetModel::InstanceColumn), url(QStringLiteral("leaf-only")));
    QCOMPARE(cell(page, 3, FleetModel::InstanceColumn), url(QStringLiteral("expiring")));
    const std::optional<gjd::FleetReport>& report = page.report();
    QVERIFY(report.has_value());
    QCOMPARE(report->entries.size(), 5);
    const gjd::Report& full = *report->entries.at(0).report;
    const gjd::Report& leafOnly = *report->entries.at(2).report;
    const gjd::Report& expiring = *report->entries.at(3).report;
    QCOMPARE(statusOf(full, QStringLiteral("tls.chain.complete")), QStringLiteral("pass"));
    QCOMPARE(statusOf(leafOnly, QStringLiteral("tls.chain.complete")), QStringLiteral("fail"));
    QCOMPARE(statusOf(expiring, QStringLiteral("tls.chain.complete")), QStringLiteral("pass"));
    QCOMPARE(statusOf(expiring, QStringLiteral("tls.validity")), QStringLiteral("warn")); // 5 days left
    for (const gjd::Report* r : {&full, &leafOnly, &expiring})
        QCOMPARE(statusOf(*r, QStringLiteral("gitlab.token")), QStringLiteral("skip"));
    QCOMPARE(cell(page, 0, FleetModel::VerdictColumn), QStringLiteral("warn"));
    QCOMPARE(cell(page, 2, FleetModel::VerdictColumn), QStringLiteral("fail"));
    QCOMPARE(cell(page, 3, FleetModel::VerdictColumn), QStringLiteral("warn"));
    for (int row : {0, 2, 3}) {
        QCOMPARE(stateOf(page, row), FleetModel::State::Done);
        const gjd::Report& r = *report->entries.at(row).report;
        int failing = 0;
        QString first;
        for (const gjd::Finding& f : r.checks) {
            if (f.status == gjd::Status::Fail || f.status == gjd::Status::Error) {
                if (failing++ == 0)
                    first = f.id;
            }
        }
        QCOMPARE(cell(page, row, FleetModel::FailingColumn), QString::number(failing));
        QCOMPARE(cell(page, row, FleetModel::FirstFailingColumn), first);
        QVERIFY(cell(page, row, FleetModel::DurationColumn).endsWith(QLatin1String(" s")));
    }
    QCOMPARE(cell(page, 2, FleetModel::FirstFailingColumn), QStringLiteral("tls.chain.complete"));

    // The summary above the table, and the failing checks most common first.
    const QString summary = page.findChild<QLabel*>(QStringLiteral("summaryLabel"))->text();
    QCOMPARE(summary, summaryText(3, 0, 2, 1, 2));
    const gjd::FleetReport::FleetSummary s = report->summary();
    QVERIFY(!s.failing.isEmpty());
    const QString failing = page.findChild<QLabel*>(QStringLiteral("failingLabel"))->text();
    QVERIFY2(failing.startsWith(QStringLiteral("Failing checks, most common first: %1 (%2)")
                                    .arg(s.failing.first().id)
                                    .arg(s.failing.first().count)),
             qPrintable(failing));
    QVERIFY2(failing.contains(QLatin1String("tls.chain.complete (1)")) ||
                 failing.contains(QLatin1String(" more")),
             qPrintable(failing));
    QVERIFY(page.findChild<QLabel*>(QStringLiteral("sourceLabel"))
                ->text()
                .contains(QDir::toNativeSeparators(path)));
    QVERIFY(page.findChild<QLabel*>(QStringLiteral("noteLabel"))->text().contains(QLatin1String("no token")));
    QVERIFY(page.findChild<QPushButton*>(QStringLiteral("saveButton"))->isEnabled());
    QVERIFY(!page.findChild<QPushButton*>(QStringLiteral("cancelButton"))->isEnabled());
    // A fleet run is not "an instance checked": the recent instances stay as they were.
    QVERIFY(gjd::uisettings::recentInstances().isEmpty());
}

void TestFleetPage::enterOpensTheReportAndEscapeLeadsBack()
{
    MainWindow window;
    window.resize(kWindowSize);
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.showPage(MainWindow::Page::Fleet);
    auto* page = window.findChild<FleetPage*>(QStringLiteral("fleetPage"));
    QVERIFY(page);
    QCOMPARE(window.currentPage(), MainWindow::Page::Fleet);
    runFile(*page, writeTargets(QStringLiteral("enter.txt")));
    auto* table = page->findChild<QTableView*>(QStringLiteral("fleetTable"));
    QTRY_VERIFY(table->hasFocus());

    // A bad line has no report to open.
    table->setCurrentIndex(table->model()->index(1, FleetModel::InstanceColumn));
    QTest::keyClick(table, Qt::Key_Return);
    QVERIFY(!page->isShowingInstance());

    // Keyboard only: Down to the leaf-only instance (line 4), Enter.
    table->setCurrentIndex(table->model()->index(1, FleetModel::InstanceColumn));
    QTest::keyClick(table, Qt::Key_Down);
    QCOMPARE(table->currentIndex().row(), 2);
    QTest::keyClick(table, Qt::Key_Return);
    QVERIFY(page->isShowingInstance());
    auto* view = page->findChild<gjd::ReportView*>(QStringLiteral("reportView"));
    QVERIFY(view && view->isVisible());
    QCOMPARE(view->report().url, page->report()->entries.at(2).report->url);
    // With its HTTP exchanges, as after a single check.
    auto* tabs = view->findChild<QTabWidget*>(QStringLiteral("resultTabs"));
    auto* exchanges = view->findChild<QComboBox*>(QStringLiteral("transcriptCombo"));
    QVERIFY(tabs && exchanges);
    QVERIFY(!view->report().transcripts.isEmpty());
    QVERIFY(tabs->isTabVisible(tabs->indexOf(exchanges->parentWidget())));
    QCOMPARE(exchanges->count(), view->report().transcripts.size());
    QCOMPARE(view->report().checks.size(), page->report()->entries.at(2).report->checks.size());
    QVERIFY(page->findChild<QLabel*>(QStringLiteral("instanceLabel"))
                ->text()
                .startsWith(QStringLiteral("Line 4: %1").arg(url(QStringLiteral("leaf-only")))));
    QVERIFY(
        page->findChild<QLabel*>(QStringLiteral("instanceVerdictLabel"))->text().startsWith("Verdict FAIL"));
    // It lands on a failure, as the export viewer does.
    QCOMPARE(statusOf(view->report(), view->currentCheck()), QStringLiteral("fail"));
    auto* tree = view->findChild<QTreeView*>(QStringLiteral("checkTree"));
    QTRY_VERIFY(tree->hasFocus());
    // The rest of the click that opened it (where one click activates, a habitual double click's
    // second click) does not move it: clicks wait one double-click interval, made long here so
    // that a slow machine cannot turn this into a race.
    const int interval = QGuiApplication::styleHints()->mouseDoubleClickInterval();
    QGuiApplication::styleHints()->setMouseDoubleClickInterval(60000);
    const QString worst = view->currentCheck();
    const QModelIndex other = tree->indexBelow(tree->currentIndex());
    QVERIFY(other.isValid());
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, Qt::NoModifier, tree->visualRect(other).center());
    QCOMPARE(view->currentCheck(), worst);
    QGuiApplication::styleHints()->setMouseDoubleClickInterval(interval);

    // Escape: back to the fleet, on the row it came from; again: the start screen.
    QTest::keyClick(tree, Qt::Key_Escape);
    QVERIFY(!page->isShowingInstance());
    QCOMPARE(window.currentPage(), MainWindow::Page::Fleet);
    QCOMPARE(table->currentIndex().row(), 2);
    QTRY_VERIFY(table->hasFocus());
    QTest::keyClick(table, Qt::Key_Escape);
    QTRY_COMPARE(window.currentPage(), MainWindow::Page::Start);

    // A double click opens a row too; the instance page's Back button leads back.
    window.showPage(MainWindow::Page::Fleet);
    const QRect rect = table->visualRect(table->model()->index(0, FleetModel::InstanceColumn));
    QSignalSpy doubleClicked(table, &QAbstractItemView::doubleClicked);
    // As a mouse does it: a click, then the double click (QTest sends only the latter).
    QTest::mouseClick(table->viewport(), Qt::LeftButton, Qt::NoModifier, rect.center());
    QVERIFY(!page->isShowingInstance()); // a click selects
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, Qt::NoModifier, rect.center());
    QCOMPARE(doubleClicked.size(), 1);
    // The report opens once the button is up: the release, where the pointer still is, must not
    // land on the report's list and select the check under it instead of the worst one.
    QVERIFY(!page->isShowingInstance());
    QTest::mouseRelease(table->viewport(), Qt::LeftButton, Qt::NoModifier, rect.center());
    QTRY_VERIFY(page->isShowingInstance());
    QCOMPARE(view->report().url, page->report()->entries.at(0).report->url);
    QCOMPARE(statusOf(view->report(), view->currentCheck()), gjd::statusId(view->report().summary().verdict));
    QTest::mouseClick(page->findChild<QPushButton*>(QStringLiteral("instanceBackButton")), Qt::LeftButton);
    QVERIFY(!page->isShowingInstance());
    QCOMPARE(window.currentPage(), MainWindow::Page::Fleet);
}

void TestFleetPage::savedFleetReportValidates()
{
    FleetPage page;
    page.show();
    const QString targets = writeTargets(QStringLiteral("save.txt"));
    runFile(page, targets);

    // The button asks where (a save dialog for JSON).
    auto* save = page.findChild<QPushButton*>(QStringLiteral("saveButton"));
    QVERIFY(save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);
    QFileDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = page.findChild<QFileDialog*>()) != nullptr && dialog->isVisible());
    QCOMPARE(dialog->acceptMode(), QFileDialog::AcceptSave);
    QCOMPARE(dialog->defaultSuffix(), QStringLiteral("json"));
    dialog->reject();

    const QString path = m_dir.filePath(QStringLiteral("fleet.json"));
    QSignalSpy saved(&page, &FleetPage::saved);
    page.saveReportTo(path);
    QVERIFY(saved.wait(30000));
    QCOMPARE(saved.first().first().toString(), path);
    QVERIFY(page.findChild<QLabel*>(QStringLiteral("summaryLabel"))
                ->text()
                .contains(QDir::toNativeSeparators(path)));

    QProcess python;
    python.setProcessChannelMode(QProcess::MergedChannels);
    python.start(QStringLiteral(GJD_PYTHON),
                 {QStringLiteral(GJD_SOURCE_DIR "/tests/validate-report.py"),
                  QStringLiteral(GJD_SOURCE_DIR "/docs/fleet.schema.json"), path});
    QVERIFY2(python.waitForFinished(60000), "python3 did not finish");
    QVERIFY2(python.exitStatus() == QProcess::NormalExit && python.exitCode() == 0,
             qPrintable(QString::fromUtf8(python.readAll())));

    // What it holds: the instances in file order, the bad lines with their numbers, the source.
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(root.value(QStringLiteral("source")).toString(), QDir::toNativeSeparators(targets));
    const QJsonArray instances = root.value(QStringLiteral("instances")).toArray();
    QCOMPARE(instances.size(), 3);
    QCOMPARE(instances.at(0).toObject().value(QStringLiteral("line")).toInt(), 2);
    QCOMPARE(instances.at(1).toObject().value(QStringLiteral("line")).toInt(), 4);
    QCOMPARE(instances.at(2).toObject().value(QStringLiteral("line")).toInt(), 6);
    QCOMPARE(instances.at(1).toObject().value(QStringLiteral("verdict")).toString(), QStringLiteral("fail"));
    const QJsonArray bad = root.value(QStringLiteral("bad_lines")).toArray();
    QCOMPARE(bad.size(), 2);
    QCOMPARE(bad.at(0).toObject().value(QStringLiteral("line")).toInt(), 3);
    QCOMPARE(bad.at(1).toObject().value(QStringLiteral("line")).toInt(), 7);
    const QJsonObject summary = root.value(QStringLiteral("summary")).toObject();
    QCOMPARE(summary.value(QStringLiteral("instances")).toInt(), 3);
    QCOMPARE(summary.value(QStringLiteral("bad_lines")).toInt(), 2);
    // Read back as `show` reads it.
    QString error;
    QVERIFY2(gjd::FleetReport::fromJson(root, &error), qPrintable(error));

    // A file that cannot be written is said, and nothing else changes.
    QSignalSpy failed(&page, &FleetPage::saveFailed);
    page.saveReportTo(m_dir.path()); // a folder
    QVERIFY(failed.wait(30000));
    QVERIFY(page.findChild<QLabel*>(QStringLiteral("errorLabel"))->isVisible());
    QVERIFY(save->isEnabled());
}

void TestFleetPage::recentInstancesFromTheFileMenu()
{
    MainWindow window;
    window.resize(kWindowSize);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* action = window.findChild<QAction*>(QStringLiteral("fleetRecentAction"));
    QVERIFY(action);
    QVERIFY(window.findChild<QMenu*>(QStringLiteral("fileMenu"))->actions().contains(action));
    QVERIFY(!action->isEnabled()); // no recent instances yet

    // Addresses, not names: the recent instances carry no --resolve. The certificates are for
    // gitlab.test, so both fail, each in a row of its own.
    const QString first = QStringLiteral("https://127.0.0.1:%1").arg(m_nginx->port(QStringLiteral("full")));
    const QString second =
        QStringLiteral("https://127.0.0.1:%1").arg(m_nginx->port(QStringLiteral("leaf-only")));
    gjd::uisettings::addRecentInstance(second);
    gjd::uisettings::addRecentInstance(first); // newest first
    window.showPage(MainWindow::Page::Start);
    QVERIFY(action->isEnabled());
    action->trigger();
    QCOMPARE(window.currentPage(), MainWindow::Page::Fleet);
    auto* page = window.findChild<FleetPage*>(QStringLiteral("fleetPage"));
    QVERIFY(page && page->isRunning());
    auto* table = page->findChild<QTableView*>(QStringLiteral("fleetTable"));
    QCOMPARE(table->model()->rowCount(), 2);
    QCOMPARE(cell(*page, 0, FleetModel::InstanceColumn), first);
    QCOMPARE(cell(*page, 1, FleetModel::InstanceColumn), second);
    QVERIFY(table->isColumnHidden(FleetModel::LineColumn)); // no file, no lines
    QTRY_VERIFY_WITH_TIMEOUT(!page->isRunning(), kRunTimeoutMs);
    for (int row : {0, 1}) {
        QCOMPARE(stateOf(*page, row), FleetModel::State::Done);
        QCOMPARE(cell(*page, row, FleetModel::VerdictColumn), QStringLiteral("fail"));
    }
    const QString summary = page->findChild<QLabel*>(QStringLiteral("summaryLabel"))->text();
    QVERIFY2(summary.startsWith(summaryText(2, 0, 0, 2, 0) + QLatin1Char('\n')) ||
                 summary == summaryText(2, 0, 0, 2, 0),
             qPrintable(summary));
    QVERIFY(
        page->findChild<QLabel*>(QStringLiteral("sourceLabel"))->text().contains(QLatin1String("recent")));
    // The page's own button does the same.
    auto* recent = page->findChild<QPushButton*>(QStringLiteral("recentButton"));
    QVERIFY(recent->isEnabled());
    QTest::mouseClick(recent, Qt::LeftButton);
    QVERIFY(page->isRunning());
    QCOMPARE(table->model()->rowCount(), 2);
    page->cancel();
    QTRY_VERIFY_WITH_TIMEOUT(!page->isRunning(), kRunTimeoutMs);
}

void TestFleetPage::checkAFleetAsksForATargetsFile()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* action = window.findChild<QAction*>(QStringLiteral("fleetFileAction"));
    QVERIFY(action && action->isEnabled());
    QVERIFY(window.findChild<QMenu*>(QStringLiteral("fileMenu"))->actions().contains(action));
    action->trigger();
    QCOMPARE(window.currentPage(), MainWindow::Page::Fleet);
    auto* page = window.findChild<FleetPage*>(QStringLiteral("fleetPage"));
    QVERIFY(page);
    QFileDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = page->findChild<QFileDialog*>()) != nullptr && dialog->isVisible());
    QCOMPARE(dialog->acceptMode(), QFileDialog::AcceptOpen);
    QCOMPARE(dialog->fileMode(), QFileDialog::ExistingFile);
    QVERIFY2(dialog->nameFilters().join(QLatin1Char(' ')).contains(QLatin1String("*.txt")),
             qPrintable(dialog->nameFilters().join(QLatin1Char(' '))));
    QVERIFY(dialog->nameFilters().join(QLatin1Char(' ')).contains(QLatin1String("(*)")));

    // The file chosen is read and checked: one line, an address nothing listens on.
    const QString path = writeFile(QStringLiteral("chosen.txt"), QStringLiteral("https://127.0.0.1:1\n"));
    dialog->selectFile(path);
    static_cast<QDialog*>(dialog)->accept(); // QFileDialog::accept(), as the Open button
    QVERIFY(page->isRunning());
    QCOMPARE(page->findChild<QTableView*>(QStringLiteral("fleetTable"))->model()->rowCount(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(!page->isRunning(), kRunTimeoutMs);
    QCOMPARE(cell(*page, 0, FleetModel::VerdictColumn), QStringLiteral("fail"));
}

void TestFleetPage::unreadableFileIsSaidOnThePage()
{
    FleetPage page;
    page.show();
    auto* error = page.findChild<QLabel*>(QStringLiteral("errorLabel"));
    const QString missing = m_dir.filePath(QStringLiteral("no-such-file.txt"));
    QVERIFY(!page.openFile(missing));
    QVERIFY(!page.isRunning());
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QLatin1String("no-such-file.txt")), qPrintable(error->text()));
    // A file with comments only names no instance.
    const QString empty = writeFile(QStringLiteral("empty.txt"), QStringLiteral("# nothing yet\n\n"));
    QVERIFY(!page.openFile(empty));
    QVERIFY2(error->text().contains(QLatin1String("names no instance")), qPrintable(error->text()));
    // Binary data is not a targets file.
    const QString binary = writeFile(QStringLiteral("binary.txt"), QString(QChar(0)));
    QVERIFY(!page.openFile(binary));
    QVERIFY2(error->text().contains(QLatin1String("UTF-8")), qPrintable(error->text()));
    QCOMPARE(page.findChild<QTableView*>(QStringLiteral("fleetTable"))->model()->rowCount(), 0);
    QVERIFY(page.findChild<QLabel*>(QStringLiteral("emptyLabel"))->isVisible());
}

void TestFleetPage::cancelEndsTheRunningInstances()
{
    FleetPage page;
    page.show();
    // Two instances that never answer the handshake: they run until cancelled.
    const QString path =
        writeFile(QStringLiteral("stall.txt"),
                  QStringLiteral("https://%1:%2 --resolve %1:%2:127.0.0.1\nhttps://127.0.0.1:%2\nnot/a url\n")
                      .arg(kHost)
                      .arg(m_stall->serverPort()));
    QVERIFY(page.openFile(path));
    auto* table = page.findChild<QTableView*>(QStringLiteral("fleetTable"));
    QTRY_VERIFY(stateOf(page, 0) == FleetModel::State::Running &&
                stateOf(page, 1) == FleetModel::State::Running);
    QCOMPARE(cell(page, 0, FleetModel::VerdictColumn), QStringLiteral("running…"));
    QTest::mouseClick(page.findChild<QPushButton*>(QStringLiteral("cancelButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!page.isRunning(), kRunTimeoutMs);
    QCOMPARE(table->model()->rowCount(), 3);
    for (int row : {0, 1}) {
        QCOMPARE(stateOf(page, row), FleetModel::State::Cancelled);
        QCOMPARE(cell(page, row, FleetModel::VerdictColumn), QStringLiteral("cancelled"));
        QVERIFY(cell(page, row, FleetModel::FailingColumn).isEmpty()); // no verdict, no count
    }
    QCOMPARE(stateOf(page, 2), FleetModel::State::Unusable);
    // No fleet report: most checks never ran.
    QVERIFY(!page.report());
    QVERIFY(!page.findChild<QPushButton*>(QStringLiteral("saveButton"))->isEnabled());
    const QString summary = page.findChild<QLabel*>(QStringLiteral("summaryLabel"))->text();
    QCOMPARE(summary, summaryText(0, 0, 0, 0, 1) + QLatin1Char('\n') +
                          plural("Cancelled: %n instance(s) not checked to the end.", 2));
    // What ran before the cancel can still be read.
    QVERIFY(page.openRow(0));
    QVERIFY(page.findChild<QLabel*>(QStringLiteral("instanceVerdictLabel"))->text().startsWith("Cancelled"));
    page.showFleet();
    QVERIFY(page.findChild<QPushButton*>(QStringLiteral("runButton"))->isEnabled());
}

// A proxy that asks for a login: the fleet goes through it with the login used with the same
// proxy fields in this session (memory only), and says so; without one, the proxy's 407 is
// tcp.connect's finding for every instance.
void TestFleetPage::proxyLoginFromThisSession()
{
    gjd::test::TinyProxy proxy;
    QVERIFY2(proxy.start(kProxyUser, kProxyPassword), qPrintable(proxy.output()));
    const gjd::test::ProxyEnvironment environment({});
    // By address: the proxy cannot resolve gitlab.test, and --resolve would go around the proxy.
    const quint16 web = m_nginx->port(QStringLiteral("full"));
    const QString targets =
        writeFile(QStringLiteral("proxied.txt"), QStringLiteral("https://127.0.0.1:%1\n").arg(web));
    // What the pane and the wizard do after a run through the proxy (tst_diagnosticspage).
    gjd::uisettings::setProxyFields({proxy.url(), QString(), false}, kProxyUser, kProxyPassword);

    FleetPage page;
    page.resize(kWindowSize);
    page.show();
    runFile(page, targets);
    const gjd::Report& report = *page.report()->entries.at(0).report;
    for (const char* id : {"tcp.connect", "tls.handshake", "tls.chain.complete"})
        QCOMPARE(statusOf(report, QLatin1String(id)), QStringLiteral("pass"));
    QVERIFY2(proxy.connectsTo(web) >= 2, qPrintable(QString::number(proxy.connectsTo(web))));
    const QString note = page.findChild<QLabel*>(QStringLiteral("noteLabel"))->text();
    QVERIFY2(note.contains(QStringLiteral("through the proxy %1 as user %2").arg(proxy.url(), kProxyUser)),
             qPrintable(note));
    QVERIFY(!note.contains(kProxyPassword));
    // The login belongs to the proxy fields it was used with: changed fields (another window of
    // the program, a reset of the settings) do not get it.
    QSettings().setValue(QStringLiteral("connection/proxy"), QStringLiteral("http://127.0.0.1:9"));
    QVERIFY(gjd::uisettings::sessionProxyLogin().user.isEmpty());
    QVERIFY(gjd::uisettings::sessionProxyLogin().password.isEmpty());
    QSettings().setValue(QStringLiteral("connection/proxy"), proxy.url());
    QCOMPARE(gjd::uisettings::sessionProxyLogin().password, kProxyPassword); // its fields again
    // The password reached the proxy and nothing else: not the settings, not the fleet report.
    const QByteArray basic = (kProxyUser + QLatin1Char(':') + kProxyPassword).toUtf8().toBase64();
    QVERIFY(!gjd::test::settingsBytes().contains(kProxyPassword.toUtf8()));
    const QString saved = m_dir.filePath(QStringLiteral("proxied.json"));
    QSignalSpy written(&page, &FleetPage::saved);
    page.saveReportTo(saved);
    QVERIFY(written.wait(30000));
    QFile file(saved);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray json = file.readAll();
    QVERIFY(json.contains(proxy.url().toUtf8()));
    QVERIFY(!json.contains(kProxyPassword.toUtf8()) && !json.contains(basic));

    // A run through the same proxy without a login (another session, or the pane's login
    // cleared): the proxy refuses, and the report says so.
    gjd::uisettings::setProxyFields({proxy.url(), QString(), false});
    QVERIFY(gjd::uisettings::sessionProxyLogin().password.isEmpty());
    runFile(page, targets);
    const gjd::Finding* refused = page.report()->entries.at(0).report->find(QStringLiteral("tcp.connect"));
    QVERIFY(refused && refused->status == gjd::Status::Fail);
    QVERIFY2(refused->summary.contains(QLatin1String("407")), qPrintable(refused->summary));
}

void TestFleetPage::anotherFileDuringARunReplacesIt()
{
    FleetPage page;
    page.show();
    page.setPublicTrustStore(m_trust, QStringLiteral("trust.pem"));
    const QString stall = writeFile(QStringLiteral("stall-only.txt"),
                                    QStringLiteral("https://127.0.0.1:%1\n").arg(m_stall->serverPort()));
    QVERIFY(page.openFile(stall));
    QTRY_COMPARE(stateOf(page, 0), FleetModel::State::Running);
    // Chosen while the stalled instance runs: that run ends, this one takes its place.
    QVERIFY(page.openFile(writeTargets(QStringLiteral("next.txt"))));
    QTRY_COMPARE_WITH_TIMEOUT(page.findChild<QTableView*>(QStringLiteral("fleetTable"))->model()->rowCount(),
                              5, kRunTimeoutMs);
    QVERIFY(page.isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(!page.isRunning(), kRunTimeoutMs);
    QVERIFY(page.report());
    QCOMPARE(page.report()->entries.size(), 5);
    QCOMPARE(cell(page, 0, FleetModel::InstanceColumn), url(QStringLiteral("full")));
    QCOMPARE(stateOf(page, 0), FleetModel::State::Done);
}

void TestFleetPage::fitsAt800x600_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << QStringLiteral("en");
    QTest::newRow("de") << QStringLiteral("de");
}

// In the smallest window, after a run: every column of the table in view without a horizontal
// scroll bar, the URLs with room, the buttons as wide as their texts, a few rows in view.
void TestFleetPage::fitsAt800x600()
{
    QFETCH(QString, language);
    gjd::installTranslations(*QCoreApplication::instance(), language);
    MainWindow window;
    window.resize(kWindowSize);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.showPage(MainWindow::Page::Fleet);
    auto* page = window.findChild<FleetPage*>(QStringLiteral("fleetPage"));
    runFile(*page, writeTargets(QStringLiteral("fit.txt")));
    QCoreApplication::processEvents();
    auto* table = page->findChild<QTableView*>(QStringLiteral("fleetTable"));
    QVERIFY(!table->horizontalScrollBar()->isVisible());
    QVERIFY2(table->columnWidth(FleetModel::InstanceColumn) >= 200,
             qPrintable(QString::number(table->columnWidth(FleetModel::InstanceColumn))));
    int columns = 0;
    for (int c = 0; c < FleetModel::ColumnCount; ++c)
        columns += table->isColumnHidden(c) ? 0 : table->columnWidth(c);
    QVERIFY(columns <= table->viewport()->width());
    QVERIFY(table->height() >= 5 * table->verticalHeader()->defaultSectionSize());
    for (QPushButton* button : page->findChildren<QPushButton*>()) {
        if (!button->isVisible())
            continue;
        QVERIFY2(button->width() >= button->sizeHint().width(),
                 qPrintable(QStringLiteral("%1: %2 < %3")
                                .arg(button->objectName())
                                .arg(button->width())
                                .arg(button->sizeHint().width())));
    }
    for (QLabel* label : page->findChildren<QLabel*>()) {
        if (label->isVisible() && label->wordWrap())
            QVERIFY2(label->height() >= label->heightForWidth(label->width()),
                     qPrintable(label->objectName()));
    }
}

void TestFleetPage::screenshots_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << QStringLiteral("en");
    QTest::newRow("de") << QStringLiteral("de");
}

void TestFleetPage::screenshots()
{
    QFETCH(QString, language);
    gjd::installTranslations(*QCoreApplication::instance(), language);
    const auto save = [&language](QWidget& w, const char* name) {
        gjd::test::saveScreenshot(w, language + QLatin1Char('-') + QLatin1String(name));
    };
    MainWindow window;
    window.resize(kWindowSize);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.showPage(MainWindow::Page::Fleet);
    auto* page = window.findChild<FleetPage*>(QStringLiteral("fleetPage"));
    save(window, "fleet-empty");
    runFile(*page, writeTargets(language + QStringLiteral("-fleet.txt")));
    page->findChild<QTableView*>(QStringLiteral("fleetTable"))->selectRow(2);
    save(window, "fleet-run");
    QVERIFY(page->openRow(2));
    save(window, "fleet-instance");
}

QTEST_MAIN(TestFleetPage)
#include "tst_fleetpage.moc"
