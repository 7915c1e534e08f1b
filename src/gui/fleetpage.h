// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fleet/fleetrunner.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QSslCertificate>
#include <QTimer>
#include <QWidget>

#include <optional>

class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace gjd {

class FleetModel;
class ReportView;

// "Check a fleet": the instances of a targets file (`check --targets`, docs/monitoring.md) or the
// recent instances, checked at the same time, one row per line with its verdict; a row opens that
// instance's report in a ReportView, as the export viewer shows one.
//
//   openFile(path) / checkInstances(urls) ──► rows (bad lines at once: "cannot be used: …")
//        ──► FleetRunner (async, FleetRunner::defaultParallel at a time)
//        ──► instanceStarted/instanceFinished ──► the row and the summary above the table
//        ──► finished ──► the fleet report (Save fleet report… writes it as JSON)
//   Cancel ends every run; a file or list asked for during a run replaces it once it has ended.
//
// The checks are anonymous: one token would reach every instance of the list (docs/monitoring.md,
// "Tokens"). The connection is the diagnostics pane's default: the proxy fields as last used there
// (uisettings.h), the default timeout, the system's CA store; a line's own options (--ca-file,
// --resolve, …) over them (FleetTarget::runOptions).
//
// Object names for tests: "backButton", "headingLabel", "openButton", "recentButton",
// "errorLabel", "emptyLabel", "sourceLabel", "noteLabel", "summaryLabel", "failingLabel",
// "progressBar", "runButton", "cancelButton", "saveButton", "fleetTable" (a QTableView of a
// FleetModel); the instance's page: "instancePage", "instanceBackButton", "instanceLabel",
// "instanceVerdictLabel", "reportView" (a ReportView).
class FleetPage final : public QWidget
{
    Q_OBJECT

public:
    explicit FleetPage(QWidget* parent = nullptr);
    ~FleetPage() override;

    QPushButton* backButton() const { return m_backButton; }
    // Reads a targets file (at most FleetTargets::maxBytes, so on this thread) and checks its
    // instances. False, with the reason said on the page, when the file itself cannot be used;
    // what is shown stays.
    bool openFile(const QString& path);
    // Asks for a targets file (non-blocking file dialog), then openFile().
    void chooseFile();
    // Checks these instances, one row each in this order (the recent instances).
    void checkInstances(const QStringList& urls);
    // Checks the rows shown again.
    void run();
    void cancel();
    bool isRunning() const { return m_runner.isRunning(); }
    // The fleet report of the last complete run; none while running or after a cancelled run.
    const std::optional<FleetReport>& report() const { return m_report; }
    // Writes report() as JSON (in the background); saved(path) or saveFailed(error) when done.
    void saveReportTo(const QString& path);
    // Opens the row's report in the instance page; false when the row has none (yet).
    bool openRow(int row);
    void openRowOnceReleased(int row);
    // The fleet's table again (the instance page's Back, Escape there).
    void showFleet();
    bool isShowingInstance() const;
    // Focus for someone arriving at the page: the table when it has rows, else Open.
    void focusFirstField();

    // What "publicly trusted" is measured against: the system store unless set (the tests use
    // their own root, as `check --trust-store` does).
    void setPublicTrustStore(const QList<QSslCertificate>& certificates, const QString& source);

signals:
    void backRequested();
    void runningChanged(bool running);
    void saved(const QString& path);
    void saveFailed(const QString& error);

protected:
    void changeEvent(QEvent* event) override;
    bool event(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    struct Source
    {
        QString path; // the targets file; empty for the recent instances
        FleetTargets targets;
    };
    // The options every instance starts from: the desktop program's, the proxy as saved by the
    // diagnostics pane, the trust store; nullopt with *error when the saved proxy cannot be used.
    std::optional<RunOptions> baseOptions(QString* error) const;
    void start(Source source);
    void onInstanceStarted(int index);
    void onInstanceFinished(int index);
    void onFinished();
    void chooseSaveFile();
    void onSaved();
    void showError(const QString& error);
    void setRunning(bool running);
    void updateButtons();
    void updateSummary();
    void updateSource();
    void updateInstanceLabels();
    QString startFolder() const;
    void updateNote();
    void updateColours();
    void updateSpans();
    void fitColumns();
    void retranslate();

    QStackedWidget* m_stack;
    // The fleet's page.
    QPushButton* m_backButton;
    QLabel* m_headingLabel;
    QPushButton* m_openButton;
    QPushButton* m_recentButton;
    QLabel* m_errorLabel;
    QLabel* m_emptyLabel;
    QLabel* m_sourceLabel;
    QLabel* m_noteLabel;
    QLabel* m_summaryLabel;
    QLabel* m_failingLabel;
    QProgressBar* m_progressBar;
    QPushButton* m_runButton;
    QPushButton* m_cancelButton;
    QPushButton* m_saveButton;
    QTableView* m_table;
    FleetModel* m_model;
    // The instance's page.
    QWidget* m_instancePage;
    QPushButton* m_instanceBackButton;
    QLabel* m_instanceLabel;
    QLabel* m_instanceVerdictLabel;
    ReportView* m_view;
    QElapsedTimer m_openedAt; // when a row was opened by activation (eventFilter)
    int m_openRow = -1;

    FleetRunner m_runner;
    Source m_source;                 // what the rows show
    std::optional<Source> m_pending; // asked for during a run: started when it has ended
    bool m_cancelled = false;        // the last run was cancelled
    std::optional<FleetReport> m_report;
    QTimer m_summaryTimer; // updates of the summary during a run, batched
    QFutureWatcher<QString> m_writer;
    QString m_writingPath;
    QString m_savedPath; // the last report saved, said under the summary
    QList<QSslCertificate> m_trustStore;
    QString m_trustStoreSource;
};

} // namespace gjd
