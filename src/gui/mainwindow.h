// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>
#include <QPointer>

#include <memory>

class QActionGroup;

namespace gjd {

namespace Ui {
class MainWindow;
}

class AboutDialog;
class CredentialStore;
class DiagnosticsPage;
class DoorButton;
class ExportViewPage;
class SetupWizard;

// The start screen with its three doors and the recent instances, the setup wizard, the
// diagnostics pane behind "Check an instance" and the export viewer behind "Open a
// troubleshooting export".
//
// Only the start screen is built with the window: each other page is built the first time it is
// shown (showPage, checkInstance, openExport, the menus), which keeps the cold start close to
// that of an empty Qt window (docs/benchmarks.md, "Cold start (issue 13)").
//
// Object names for tests: "pages" (QStackedWidget), "startPage", "setupDoor", "checkDoor",
// "exportDoor", "recentList"; once shown: "setupPage" (holds the SetupWizard "setupWizard"),
// "checkPage" (DiagnosticsPage), "exportPage" (ExportViewPage). Menus: "openExportAction",
// "exportAction", "recentMenu", "quitAction", "documentationAction", "aboutAction".
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    enum class Page
    {
        Start,
        Setup,
        Check,
        Export
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

protected:
    void changeEvent(QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    // The page's widget, or null while it has not been built.
    QWidget* pageWidget(Page page) const;
    // The page's widget, built (and added to the stack) on first use.
    QWidget* ensurePage(Page page);
    SetupWizard* setupWizard();
    DiagnosticsPage* diagnosticsPage();
    ExportViewPage* exportViewPage();
    DoorButton* doorOf(Page page) const;
    void retranslate();
    void applyStartPageStyle();
    void setupLanguageMenu();
    void changeLanguage(const QString& language);
    void showAbout();
    void updateRecentInstances();
    void updateExportAction();
    void openExportFile();
    void exportReport();

    std::unique_ptr<Ui::MainWindow> m_ui;
    QActionGroup* m_languageGroup;
    QPointer<AboutDialog> m_aboutDialog;
    Page m_lastDoor = Page::Setup;
    CredentialStore* m_credentialStore;
    QWidget* m_setupPage = nullptr;
    SetupWizard* m_wizard = nullptr;
    DiagnosticsPage* m_checkPage = nullptr;
    ExportViewPage* m_exportPage = nullptr;
};

} // namespace gjd
