// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "checkrunner.h"
#include "report.h"

#include <QHash>
#include <QSslCertificate>

#include <QWidget>
#include <optional>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QToolButton;

namespace gjd {

class ReportView;

// "Check an instance": a URL (and optionally a token, a public URL, the method and Jira
// credentials) in, the checks of the catalogue out as a tree by category with live status icons,
// a details panel per check (evidence, the certificate chain as a tree, why, the fix, the
// documented error it explains, links) and a timing waterfall of the probes.
//
//   Run ──► CheckRunner (async; nothing blocks) ──► checkStarted/checkFinished ──► tree + details
//    ▲                                          └─► finished(report) ──► verdict, waterfall
//    └── Cancel aborts the probes; Re-run failed runs the failed/warned checks (and what they need)
//
// Secrets typed here live in the line edits only: never in QSettings, logs or the clipboard.
// Object names for tests: "backButton", "urlEdit", "urlError", "tokenEdit", "optionsToggle",
// "publicUrlEdit", "methodCombo", "jiraSiteEdit", "jiraEmailEdit", "jiraTokenEdit",
// "caFileEdit", "addressEdit", "timeoutSpin", "runButton", "cancelButton", "rerunFailedButton",
// "copySummaryButton", "exportButton", "verdictLabel", "progressBar", "reportView" (a ReportView, with
// "checkTree", "detailsView", "waterfall", "resultTabs", "transcriptCombo", "transcriptView").
class DiagnosticsPage final : public QWidget
{
    Q_OBJECT

public:
    explicit DiagnosticsPage(QWidget* parent = nullptr);
    ~DiagnosticsPage() override;

    QPushButton* backButton() const { return m_backButton; }
    void setUrl(const QString& url);
    // Focus for someone arriving at the page: the URL field, or Run when a URL is there.
    void focusFirstField();
    bool isRunning() const { return m_runner.isRunning(); }
    const Report& report() const { return m_report; }
    // Selects the check in the tree (and shows its details); false when it is not listed.
    bool selectCheck(const QString& id);
    // The details of a check as shown (HTML), for tests.
    QString detailsHtml(const QString& id) const;

    // What "publicly trusted" is measured against: the system store unless set (the tests use
    // their own root, as `check --trust-store` does).
    void setPublicTrustStore(const QList<QSslCertificate>& certificates, const QString& source);

    void run();
    void rerunFailed();
    void cancel();

signals:
    void backRequested();
    // After a run, with the instance URL as normalised; for the recent instances.
    void instanceChecked(const QString& url);
    void runningChanged(bool running);

protected:
    void changeEvent(QEvent* event) override;

private:
    void onCheckStarted(const QString& id);
    void onCheckFinished(const Finding& finding);
    void onFinished(const Report& report);
    void exportReport();
    // What the export must not contain: the tokens typed here, in every form.
    QList<QByteArray> secrets() const;
    void validate();
    void setRunning(bool running);
    void copySummary();
    void retranslate();
    void updateVerdict();
    // The run's options from the fields; nullopt with *error (translated) when one is unusable.
    std::optional<RunOptions> options(QString* error) const;

    QPushButton* m_backButton;
    QLabel* m_headingLabel;
    QLabel* m_urlLabel;
    QLineEdit* m_urlEdit;
    QLabel* m_urlError;
    QLabel* m_tokenLabel;
    QLineEdit* m_tokenEdit;
    QToolButton* m_optionsToggle;
    QWidget* m_options;
    QLabel* m_publicUrlLabel;
    QLineEdit* m_publicUrlEdit;
    QLabel* m_methodLabel;
    QComboBox* m_methodCombo;
    QLabel* m_jiraSiteLabel;
    QLineEdit* m_jiraSiteEdit;
    QLabel* m_jiraEmailLabel;
    QLineEdit* m_jiraEmailEdit;
    QLabel* m_jiraTokenLabel;
    QLineEdit* m_jiraTokenEdit;
    QLabel* m_caFileLabel;
    QLineEdit* m_caFileEdit;
    QToolButton* m_caFileBrowse;
    QLabel* m_addressLabel;
    QLineEdit* m_addressEdit;
    QLabel* m_timeoutLabel;
    QDoubleSpinBox* m_timeoutSpin;
    QPushButton* m_runButton;
    QPushButton* m_cancelButton;
    QPushButton* m_rerunFailedButton;
    QPushButton* m_copySummaryButton;
    QLabel* m_verdictLabel;
    QPushButton* m_exportButton;
    QProgressBar* m_progressBar;
    ReportView* m_view;

    CheckRunner m_runner;
    Report m_report;                // the last complete picture (merged after re-runs)
    int m_findingCount = 0;         // of the run going on
    QStringList m_rerunIds;         // non-empty during "Re-run failed"
    QList<QByteArray> m_runSecrets; // the tokens the runs used: kept out of exports (memory only)
    bool m_copied = false;
    QList<QSslCertificate> m_trustStore;
    QString m_trustStoreSource;
};

} // namespace gjd
