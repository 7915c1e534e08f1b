// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "export/exportbundle.h"

#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;

namespace gjd {

class ReportView;

// "Open a troubleshooting export": what a customer's export (or a report.json) holds, as the same
// tree and details the diagnostics pane shows, read-only, under a banner that says where and
// when it was made, by which version and how it was redacted. "Compare with…" opens a second one
// and lists what changed per check. Exports are read in memory, never unpacked to disk.
//
// Object names for tests: "backButton", "openButton", "compareButton", "emptyLabel",
// "errorLabel", "bannerLabel", "verdictLabel", "reportView".
class ExportViewPage final : public QWidget
{
    Q_OBJECT

public:
    explicit ExportViewPage(QWidget* parent = nullptr);

    QPushButton* backButton() const { return m_backButton; }
    // Shows the export; on failure keeps what was shown and says why on the page.
    bool openFile(const QString& path);
    // Compares the shown export with another one (the older is "before"); opens the diff dialog.
    bool compareWith(const QString& path);
    const std::optional<OpenedExport>& opened() const { return m_opened; }
    // Asks for a file to open (non-blocking file dialog).
    void chooseFile();

signals:
    void backRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void chooseComparison();
    void showError(const QString& error);
    void updateBanner();
    void retranslate();

    QPushButton* m_backButton;
    QLabel* m_headingLabel;
    QPushButton* m_openButton;
    QPushButton* m_compareButton;
    QLabel* m_emptyLabel;
    QLabel* m_errorLabel;
    QLabel* m_bannerLabel;
    QLabel* m_verdictLabel;
    ReportView* m_view;
    std::optional<OpenedExport> m_opened;
};

} // namespace gjd
