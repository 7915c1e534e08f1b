// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pagehost.h"

#include <QMainWindow>
#include <QPointer>

#include <functional>
#include <memory>

class QActionGroup;

namespace gjd {

namespace Ui {
class MainWindow;
}

class AboutDialog;
class DoorButton;

// The start screen with its three doors and the recent instances, the setup wizard, the
// diagnostics pane behind "Check an instance", the export viewer behind "Open a
// troubleshooting export" and the fleet page behind File → Check a fleet.
//
// Only the start screen is built with the window, and it needs nothing but Qt Widgets. The other
// pages come from a PageHost (pagehost.h, pages.h), which the desktop program loads from a module
// once the window is on screen (preparePages) or when a page is first asked for; each page is built
// the first time it is shown (showPage, checkInstance, openExport, the menus). That keeps the
// cold start close to that of an empty Qt window (docs/benchmarks.md, "Cold start (issue 13)").
//
// Object names for tests: "pages" (QStackedWidget), "startPage", "setupDoor", "checkDoor",
// "exportDoor", "recentList"; once shown: "setupPage" (holds the SetupWizard "setupWizard"),
// "checkPage" (DiagnosticsPage), "exportPage" (ExportViewPage), "fleetPage" (FleetPage). Menus:
// "openExportAction", "exportAction", "fleetFileAction", "fleetRecentAction", "recentMenu",
// "quitAction", "documentationAction", "aboutAction".
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    enum class Page
    {
        Start,
        Setup,
        Check,
        Export,
        Fleet
    };
    Q_ENUM(Page)

    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    Page currentPage() const;
    void showPage(Page page);
    // Opens the diagnostics pane with `url` and runs the checks (gitlab-jira-doctor --check URL).
    void checkInstance(const QString& url);
    // Opens the export viewer and reads an export or report there (gitlab-jira-doctor FILE.zip);
    // a file that cannot be read is said on the page.
    void openExport(const QString& path);
    // Loads the pages' module, if not done yet, without building a page; the system's CA
    // certificates are then read in the background. False if the module cannot be loaded (said
    // when a page is asked for).
    bool preparePages();
    // Calls `then` whenever a run of the diagnostics pane ends (bench/gui-benchmark.sh).
    void whenCheckEnds(std::function<void()> then);

protected:
    void changeEvent(QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    // The page's widget, or null while it has not been built.
    QWidget* pageWidget(Page page) const;
    // The pages, loaded on first use; null (and said in a message box) if they cannot be.
    PageHost* pages();
    DoorButton* doorOf(Page page) const;
    void retranslate();
    void applyStartPageStyle();
    void setActionIcons();
    void setupLanguageMenu();
    void changeLanguage(const QString& language);
    void showAbout();
    void updateRecentInstances();
    void updateExportAction();
    void openExportFile();
    void exportReport();
    void checkFleetFile();
    void checkRecentInstances();

    std::unique_ptr<Ui::MainWindow> m_ui;
    QActionGroup* m_languageGroup;
    QPointer<AboutDialog> m_aboutDialog;
    Page m_lastDoor = Page::Setup;
    std::unique_ptr<PageHost> m_pages;
    bool m_pagesProblemShown = false;
    bool m_actionIconsSet = false;
};

} // namespace gjd
