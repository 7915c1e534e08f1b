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
class DoorButton;
class SetupWizard;

// The start screen with its three doors and the recent instances, the setup wizard, the
// diagnostics pane behind "Check an instance" and the export viewer behind "Open a
// troubleshooting export".
// Object names for tests: "pages" (QStackedWidget), "startPage", "setupDoor", "checkDoor",
// "exportDoor", "recentList", "setupPage" (holds the SetupWizard "setupWizard"), "checkPage"
// (DiagnosticsPage), "exportPage" (ExportViewPage).
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
    QWidget* pageWidget(Page page) const;
    DoorButton* doorOf(Page page) const;
    void retranslate();
    void applyStartPageStyle();
    void setupLanguageMenu();
    void changeLanguage(const QString& language);
    void showAbout();
    void updateRecentInstances();

    std::unique_ptr<Ui::MainWindow> m_ui;
    QActionGroup* m_languageGroup;
    QPointer<AboutDialog> m_aboutDialog;
    Page m_lastDoor = Page::Setup;
    CredentialStore* m_credentialStore;
    SetupWizard* m_wizard = nullptr;
};

} // namespace gjd
