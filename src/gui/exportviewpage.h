// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "export/exportbundle.h"

#include <QFutureWatcher>
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
    // Reads the export in the background, then shows it (loaded(true)); on failure keeps what was
    // shown and says why on the page (loaded(false)). Ignored while another file is being read.
    void openFile(const QString& path);
    // Reads another export in the background and compares it with the shown one (the older is
    // "before") in the diff dialog; compared(ok) when done.
    void compareWith(const QString& path);
    bool isBusy() const { return m_reader.isRunning(); }
    const std::optional<OpenedExport>& opened() const { return m_opened; }
    // Asks for a file to open (non-blocking file dialog).
    void chooseFile();

signals:
    void backRequested();
    void loaded(bool ok);
    void compared(bool ok);

protected:
    void changeEvent(QEvent* event) override;

private:
    struct ReadResult
    {
        std::optional<OpenedExport> opened;
        QString error;
    };
    void read(const QString& path, bool forComparison);
    void onRead();
    void setBusy(bool busy, const QString& path = QString());
    void chooseComparison();
    void showError(const QString& error);
    void updateErrorColour();
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
    QFutureWatcher<ReadResult> m_reader;
    bool m_forComparison = false;
};

} // namespace gjd
