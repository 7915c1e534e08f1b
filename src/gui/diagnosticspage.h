// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "checkrunner.h"
#include "connectioninput.h"
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

class ConnectionForm;
class ReportView;

// "Check an instance": a URL (and optionally a token, a public URL, the method and Jira
// credentials) in, the checks of the catalogue out as a tree by category with live status icons,
// a details panel per check (evidence, the certificate chain as a tree, why, the fix, the
// documented error it explains, links) and a timing waterfall of the probes.
//
//   Run ──► CheckRunner (async; nothing blocks) ──► checkStarted/checkFinished ──► tree + details
//    ▲                                          └─► finished(report) ──► verdict, waterfall
//    └── Cancel aborts the probes (no verdict: "cancelled"); Re-run failed runs the failed/warned
//        checks (and what they need) and merges them in (Report::mergeRerun)
//   showResults(input, report, …) ──► the form and the tree of a run made elsewhere (the wizard)
//
// What is shown always belongs to what the form says: a new run, or a form that no longer
// checks the same thing (connectioninput.h, sameTarget), clears the previous results, and the
// verdict names the URL of the report it is about.
// Secrets typed here (the tokens, the proxy password) live in the line edits only: never in
// QSettings, logs, exports or the clipboard. After a run the proxy fields are remembered for the
// next session without the login (connectionform.h).
// Object names for tests: "backButton", the ConnectionForm's ("connectionForm": "urlEdit",
// "urlError", "urlNote", "tokenEdit", "publicUrlEdit", "optionsToggle", "caFileEdit",
// "caFileBrowse", "addressEdit", "proxyEdit", "proxyUserEdit", "proxyPasswordEdit",
// "noProxyEdit", "proxyDirectCheck"), "moreOptionsToggle", "methodCombo", "jiraSiteEdit",
// "jiraEmailEdit", "jiraTokenEdit", "timeoutSpin", "optionsError", "runButton", "cancelButton",
// "rerunFailedButton", "copySummaryButton", "exportButton", "verdictLabel", "progressBar",
// "reportView" (a ReportView, with "checkTree", "detailsView", "waterfall", "resultTabs",
// "transcriptCombo", "transcriptView").
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
    // The complete report shown (merged after re-runs); empty when none is (nothing run yet, the
    // run was cancelled, or the form changed since).
    const Report& report() const { return m_report; }
    // Selects the check in the tree (and shows its details); false when it is not listed.
    bool selectCheck(const QString& id);
    // The details of a check as shown (HTML), for tests.
    QString detailsHtml(const QString& id) const;
    // What the fields hold (the tokens aside; the proxy login included, for the run: memory only).
    ConnectionInput input() const;

    // What "publicly trusted" is measured against: the system store unless set (the tests use
    // their own root, as `check --trust-store` does).
    void setPublicTrustStore(const QList<QSslCertificate>& certificates, const QString& source);

    // A run made elsewhere (the setup wizard's last page), shown as if it had run here: the form
    // filled from `input`, the tokens in their fields (memory only) and kept out of exports, the
    // tree, verdict and waterfall, and Copy summary, Export and Re-run failed as after a run. A
    // run going on here is cancelled and its end not shown.
    void showResults(const ConnectionInput& input, const Report& report, const Credentials& credentials,
                     const QList<CheckRunner::ProbeTiming>& timings = {});

    // Starts a run of what the form says. During a run for something else (a recent instance
    // chosen meanwhile), that run is cancelled and this one starts when it has ended.
    void run();
    void rerunFailed();
    void cancel();

signals:
    void backRequested();
    // After a run (not a cancelled one), with the instance URL as normalised; for the recent
    // instances.
    void instanceChecked(const QString& url);
    void runningChanged(bool running);

protected:
    void changeEvent(QEvent* event) override;

private:
    // What becomes of the run going on when it ends.
    enum class AfterRun
    {
        Show,     // its results
        Discard,  // nothing: showResults() put another report there
        RunAgain, // nothing, then run() again: the form asks for another instance
    };

    void onCheckStarted(const QString& id);
    void onCheckFinished(const Finding& finding);
    void onFinished(const Report& report);
    void exportReport();
    // What the export must not contain: the tokens and the proxy password typed here, in every form.
    QList<QByteArray> secrets() const;
    void rememberSecrets(const Credentials& credentials, const ConnectionInput& input);
    Credentials credentials() const;
    void setInput(const ConnectionInput& input);
    void validate();
    void forgetHandedTokenOnHostChange();
    // Clears what is shown when the form no longer checks what it is about.
    void dropStaleResults();
    void clearResults();
    void setRunning(bool running);
    void updateActions();
    void copySummary();
    void retranslate();
    void updateVerdict();
    bool startRun(RunOptions options);

    QPushButton* m_backButton;
    QLabel* m_headingLabel;
    ConnectionForm* m_form;
    QLineEdit* m_urlEdit;   // the form's
    QLineEdit* m_tokenEdit; // the form's
    QToolButton* m_moreToggle;
    QWidget* m_options;
    QLabel* m_methodLabel;
    QComboBox* m_methodCombo;
    QLabel* m_jiraSiteLabel;
    QLineEdit* m_jiraSiteEdit;
    QLabel* m_jiraEmailLabel;
    QLineEdit* m_jiraEmailEdit;
    QLabel* m_jiraTokenLabel;
    QLineEdit* m_jiraTokenEdit;
    QLabel* m_timeoutLabel;
    QDoubleSpinBox* m_timeoutSpin;
    QLabel* m_optionsError;
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
    ConnectionInput m_runInput;     // what the run going on checks
    ConnectionInput m_shownInput;   // what the results shown (complete or cancelled) are about
    bool m_shown = false;           // the tree shows a run's results (m_report, or a cancelled run)
    QString m_cancelledUrl;         // the URL of the cancelled run shown; empty when none
    bool m_rerunCancelled = false;  // the last Re-run failed was cancelled: m_report is the run before
    bool m_cancelRequested = false; // cancel() during the run going on
    AfterRun m_afterRun = AfterRun::Show;
    int m_findingCount = 0;         // of the run going on
    QStringList m_rerunIds;         // non-empty during "Re-run failed"
    QList<QByteArray> m_runSecrets; // the runs' tokens and proxy passwords: kept out of exports
    bool m_copied = false;
    QString m_tokenHost; // host:port the token field was handed over for (empty: typed here)
    QList<QSslCertificate> m_trustStore;
    QString m_trustStoreSource;
};

} // namespace gjd
