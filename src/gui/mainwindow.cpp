// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "ui_mainwindow.h"

#include "aboutdialog.h"
#include "doorbutton.h"
#include "i18n.h"
#include "pageloader.h"
#include "safefile.h"
#include "uisettings.h"
#include "uistyle.h"

#include <QActionGroup>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QScreen>
#include <QShortcut>
#include <QUrl>
#include <QVBoxLayout>

namespace gjd {

namespace {

constexpr int kAppIconExtent = 72;

// The page behind a door (never the start screen, which is the window's own).
PageHost::Page hostPage(MainWindow::Page page)
{
    switch (page) {
    case MainWindow::Page::Check:
        return PageHost::Page::Check;
    case MainWindow::Page::Export:
        return PageHost::Page::Export;
    case MainWindow::Page::Fleet:
        return PageHost::Page::Fleet;
    case MainWindow::Page::Setup:
    case MainWindow::Page::Start:
        break;
    }
    return PageHost::Page::Setup;
}

MainWindow::Page windowPage(PageHost::Page page)
{
    switch (page) {
    case PageHost::Page::Check:
        return MainWindow::Page::Check;
    case PageHost::Page::Export:
        return MainWindow::Page::Export;
    case PageHost::Page::Fleet:
        return MainWindow::Page::Fleet;
    case PageHost::Page::Setup:
        break;
    }
    return MainWindow::Page::Setup;
}

} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_languageGroup(new QActionGroup(this))
{
    m_ui->setupUi(this);
    setWindowIcon(applicationIcon());

    m_ui->setupDoor->setIcon(startScreenIcon(QStringLiteral("door-setup")));
    m_ui->checkDoor->setIcon(startScreenIcon(QStringLiteral("door-check")));
    m_ui->exportDoor->setIcon(startScreenIcon(QStringLiteral("door-export")));
    m_ui->appIconLabel->setPixmap(
        applicationIcon().pixmap(QSize(kAppIconExtent, kAppIconExtent), devicePixelRatioF()));
    applyStartPageStyle();

    connect(m_ui->setupDoor, &DoorButton::clicked, this, [this] { showPage(Page::Setup); });
    connect(m_ui->checkDoor, &DoorButton::clicked, this, [this] { showPage(Page::Check); });
    connect(m_ui->exportDoor, &DoorButton::clicked, this, [this] { showPage(Page::Export); });
    connect(m_ui->recentList, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        if (PageHost* host = pages()) {
            host->setCheckUrl(item->text());
            showPage(Page::Check);
        }
    });
    auto* back = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    connect(back, &QShortcut::activated, this, [this] { showPage(Page::Start); });

    // The wizard adds the instance it set up while its page is shown.
    connect(m_ui->fileMenu, &QMenu::aboutToShow, this, &MainWindow::updateRecentInstances);
    // The actions' icons come from the icon theme, whose lookup parses the theme's index files:
    // about a fifth of the cold start under X11 (docs/benchmarks.md, "Cold start (issue 13)").
    // They show only in the menus, so they are looked up when a menu first opens.
    for (QMenu* menu : {m_ui->fileMenu, m_ui->helpMenu})
        connect(menu, &QMenu::aboutToShow, this, &MainWindow::setActionIcons);
    m_ui->openExportAction->setShortcut(QKeySequence::Open);
    connect(m_ui->openExportAction, &QAction::triggered, this, &MainWindow::openExportFile);
    connect(m_ui->exportAction, &QAction::triggered, this, &MainWindow::exportReport);
    connect(m_ui->fleetFileAction, &QAction::triggered, this, &MainWindow::checkFleetFile);
    connect(m_ui->fleetRecentAction, &QAction::triggered, this, &MainWindow::checkRecentInstances);
    m_ui->quitAction->setShortcut(QKeySequence::Quit);
    connect(m_ui->quitAction, &QAction::triggered, this, &QWidget::close);
    m_ui->documentationAction->setShortcut(QKeySequence::HelpContents);
    connect(m_ui->documentationAction, &QAction::triggered, this,
            [] { QDesktopServices::openUrl(QUrl(QStringLiteral(GJD_HOMEPAGE_URL))); });
    connect(m_ui->aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
    setupLanguageMenu();

    retranslate();
    if (!restoreGeometry(uisettings::mainWindowGeometry()))
        resize(900, 640);
    // Never larger than the screen's free area (an 800x600 display, a laptop with a big panel):
    // a window that opens partly off-screen hides its own buttons.
    if (const QScreen* screen = this->screen()) {
        const QSize room = screen->availableGeometry().size();
        if (width() > room.width() || height() > room.height())
            resize(size().boundedTo(room));
    }
    showPage(Page::Start);
}

MainWindow::~MainWindow() = default;

MainWindow::Page MainWindow::currentPage() const
{
    const QWidget* current = m_ui->pages->currentWidget();
    for (Page page : {Page::Setup, Page::Check, Page::Export, Page::Fleet}) {
        if (current && pageWidget(page) == current) {
            return page;
        }
    }
    return Page::Start;
}

void MainWindow::showPage(Page page)
{
    if (page == Page::Start) {
        m_ui->pages->setCurrentWidget(m_ui->startPage);
        // An instance set up or checked meanwhile is listed on return.
        updateRecentInstances();
        // Keyboard users land on the door they came through.
        doorOf(m_lastDoor)->setFocus(Qt::OtherFocusReason);
        return;
    }
    PageHost* host = pages();
    if (!host)
        return;
    m_ui->pages->setCurrentWidget(host->page(hostPage(page)));
    m_lastDoor = page;
    host->shown(hostPage(page));
}

QWidget* MainWindow::pageWidget(Page page) const
{
    if (page == Page::Start)
        return m_ui->startPage;
    return m_pages ? m_pages->builtPage(hostPage(page)) : nullptr;
}

bool MainWindow::preparePages()
{
    if (m_pages)
        return true;
    const PageHostModule& module = pageHostModule();
    if (!module.factory)
        return false;
    PageHost::Window window;
    window.stack = m_ui->pages;
    window.show = [this](PageHost::Page page) {
        showPage(windowPage(page));
    };
    window.showStart = [this] {
        showPage(Page::Start);
    };
    window.recentInstancesChanged = [this] {
        updateRecentInstances();
    };
    window.exportStateChanged = [this] {
        updateExportAction();
    };
    window.openStandardStreams = openStandardStreams();
    m_pages.reset(module.factory(window));
    return m_pages != nullptr;
}

PageHost* MainWindow::pages()
{
    if (preparePages())
        return m_pages.get();
    // Once: a second door gets the same answer, and a message box per click helps nobody.
    if (!m_pagesProblemShown) {
        m_pagesProblemShown = true;
        const QString problem = pageHostModule().problem.isEmpty()
                                    ? tr("The pages of GitLab Jira Doctor could not be created. Install the "
                                         "package gitlab-jira-doctor again.")
                                    : pageHostModule().problem;
        qWarning("%s", qUtf8Printable(problem)); // for a program started from a terminal
        QMessageBox::critical(this, QGuiApplication::applicationDisplayName(), problem);
    }
    return nullptr;
}

void MainWindow::whenCheckEnds(std::function<void()> then)
{
    if (PageHost* host = pages())
        host->whenCheckEnds(std::move(then));
}

DoorButton* MainWindow::doorOf(Page page) const
{
    switch (page) {
    case Page::Check:
    case Page::Fleet: // File → Check a fleet: the door for checking
        return m_ui->checkDoor;
    case Page::Export:
        return m_ui->exportDoor;
    case Page::Setup:
    case Page::Start:
        break;
    }
    return m_ui->setupDoor;
}

void MainWindow::openExport(const QString& path)
{
    showPage(Page::Export);
    if (m_pages)
        m_pages->openExport(path);
}

void MainWindow::checkInstance(const QString& url)
{
    PageHost* host = pages();
    if (!host)
        return;
    host->setCheckUrl(url);
    showPage(Page::Check);
    host->runCheck();
}

// File → Open export…: the viewer, and its file dialog (non-blocking).
void MainWindow::openExportFile()
{
    showPage(Page::Export);
    if (m_pages)
        m_pages->chooseExport();
}

// File → Export…: the diagnostics pane's own Export button, so that both open the same dialog
// with the same secrets to redact.
void MainWindow::exportReport()
{
    if (!m_ui->exportAction->isEnabled() || !m_pages || !m_pages->canExport())
        return;
    showPage(Page::Check);
    m_pages->exportReport();
}

// File → Check a fleet…: the fleet page, and its file dialog for a targets file (non-blocking).
void MainWindow::checkFleetFile()
{
    showPage(Page::Fleet);
    if (m_pages)
        m_pages->chooseFleetFile();
}

// File → Check the recent instances: the fleet page with one row per recent instance.
void MainWindow::checkRecentInstances()
{
    const QStringList urls = uisettings::recentInstances();
    PageHost* host = pages();
    if (urls.isEmpty() || !host)
        return;
    showPage(Page::Fleet);
    host->checkFleet(urls);
}

// Enabled while the diagnostics pane holds a finished report (as its Export button).
void MainWindow::updateExportAction()
{
    m_ui->exportAction->setEnabled(m_pages && m_pages->canExport());
}

// The start screen's list of instances checked before (URLs only; never a token).
// The start screen's list and File → Recent instances.
void MainWindow::updateRecentInstances()
{
    const QStringList urls = uisettings::recentInstances();
    QStringList listed;
    for (int row = 0; row < m_ui->recentList->count(); ++row)
        listed.append(m_ui->recentList->item(row)->text());
    if (listed != urls) { // unchanged: keep the selection
        m_ui->recentList->clear();
        m_ui->recentList->addItems(urls);
    }
    m_ui->recentLabel->setVisible(!urls.isEmpty());
    m_ui->recentList->setVisible(!urls.isEmpty());

    m_ui->recentMenu->clear();
    for (const QString& url : urls) {
        // A URL may hold '&': not a mnemonic.
        QAction* action =
            m_ui->recentMenu->addAction(QString(url).replace(QLatin1Char('&'), QLatin1String("&&")));
        action->setData(url);
        connect(action, &QAction::triggered, this, [this, url] { checkInstance(url); });
    }
    m_ui->recentMenu->setEnabled(!urls.isEmpty());
    m_ui->fleetRecentAction->setEnabled(!urls.isEmpty());
}

void MainWindow::changeEvent(QEvent* event)
{
    QMainWindow::changeEvent(event);
    switch (event->type()) {
    case QEvent::LanguageChange:
        m_ui->retranslateUi(this);
        retranslate();
        break;
    case QEvent::FontChange:
    case QEvent::PaletteChange:
        applyStartPageStyle();
        break;
    default:
        break;
    }
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    uisettings::setMainWindowGeometry(saveGeometry());
    QMainWindow::closeEvent(event);
}

// Strings that are not in the .ui file: set again after every language change.
void MainWindow::retranslate()
{
    m_ui->versionLabel->setText(tr("Version %1").arg(QStringLiteral(GJD_VERSION)));
    m_ui->appIconLabel->setAccessibleName(tr("GitLab Jira Doctor icon"));
}

void MainWindow::applyStartPageStyle()
{
    m_ui->titleLabel->setFont(scaledFont(font(), 2.0, QFont::Bold));
    m_ui->subtitleLabel->setFont(scaledFont(font(), 1.05));
    QPalette secondary = palette();
    secondary.setColor(QPalette::WindowText, secondaryTextColour(palette(), QPalette::Window));
    m_ui->subtitleLabel->setPalette(secondary);
    m_ui->versionLabel->setPalette(secondary);
    m_ui->versionLabel->setFont(scaledFont(font(), 0.9));
}

void MainWindow::setActionIcons()
{
    if (m_actionIconsSet)
        return;
    m_actionIconsSet = true;
    const std::pair<QAction*, const char*> icons[] = {
        {m_ui->openExportAction, "document-open"}, {m_ui->exportAction, "document-save-as"},
        {m_ui->quitAction, "application-exit"},    {m_ui->documentationAction, "help-contents"},
        {m_ui->aboutAction, "help-about"},
    };
    for (const auto& [action, name] : icons)
        action->setIcon(QIcon::fromTheme(QLatin1String(name)));
}

void MainWindow::setupLanguageMenu()
{
    m_languageGroup->setExclusive(true);
    const std::pair<QAction*, QString> choices[] = {
        {m_ui->systemLanguageAction, QString()},
        {m_ui->englishAction, QStringLiteral("en")},
        {m_ui->germanAction, QStringLiteral("de")},
    };
    const QString current = uisettings::language();
    for (const auto& [action, language] : choices) {
        action->setData(language);
        action->setChecked(language == current);
        m_languageGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, language = language] { changeLanguage(language); });
    }
    if (!m_languageGroup->checkedAction()) {
        m_ui->systemLanguageAction->setChecked(true);
    }
}

// Applied at once: the new translators send QEvent::LanguageChange to every widget.
void MainWindow::changeLanguage(const QString& language)
{
    uisettings::setLanguage(language);
    installTranslations(*QCoreApplication::instance(), language);
}

void MainWindow::showAbout()
{
    if (!m_aboutDialog) {
        m_aboutDialog = new AboutDialog(this);
        m_aboutDialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_aboutDialog->open();
    m_aboutDialog->raise();
    m_aboutDialog->activateWindow();
}

} // namespace gjd
