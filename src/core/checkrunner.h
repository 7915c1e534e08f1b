// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "finding.h"
#include "report.h"
#include "runcontext.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <memory>

namespace gjd {

class Probe;

// Runs the checks of the catalogue against one instance, as a job-like QObject:
//
//   start(options)
//     ├─ input.url parsed at once; probes whose dependencies are met start concurrently:
//     │     dns ──┬── tcp   (every address at once)
//     │           ├── tls   (handshake; does not wait for tcp)
//     │           └── http.* (descriptor, lifecycle, CORS…; do not wait for tls)
//     │     api.*  (with a token, to the instance URL; start at once)
//     ├─ each probe: its own timeout (options.probeTimeoutMs) → abort(Timeout)
//     ├─ whenever a probe finishes: every check whose probes and prerequisites are done is
//     │  evaluated (catalogue order) → checkFinished(finding)
//     ├─ the whole run: options.runTimeoutMs (default 3 × probe timeout + 5 s) → every probe
//     │  aborted; a second later whatever is still undecided is decided (error) and the run ends
//     └─ all checks decided → finished(report)
//   cancel() aborts the probes; checks not yet decided become skip ("cancelled").
//
// While a check runs (checkStarted … checkFinished), waitingFor() says what it waits for: the step
// of each probe it reads that is under way (directly, or a probe those need first), such as
// "TLS handshake with gitlab.example.com…". checkWaiting() repeats it whenever it changes; the
// updates are coalesced in the event loop, so a chatty probe costs one evaluation per loop pass.
//
// Nothing blocks: no nested event loop, no waiting. Checks whose prerequisite failed are skip
// and name it. A run ends whatever the catalogue says: a check that waits for a prerequisite or a
// probe that does not exist (or for itself) is decided as an internal error once nothing else
// can happen, and the time bound holds whatever the servers send.
class CheckRunner : public QObject
{
    Q_OBJECT

public:
    explicit CheckRunner(QObject* parent = nullptr);
    ~CheckRunner() override;

    // Starts a run; returns false (and does nothing) when one is already running.
    bool start(const RunOptions& options, const Credentials& credentials = {});
    void cancel();
    bool isRunning() const { return m_running; }
    const Report& report() const { return m_report; }
    // The checks to run instead of the catalogue (tests of the runner's own guarantees); null for
    // the catalogue. Set before start(); the list must outlive the runner.
    void setChecks(const std::vector<std::unique_ptr<class Check>>* checks) { m_checks = checks; }
    // The ids the run reports on (selected plus their prerequisites), once start() was called.
    QStringList selectedIds() const;

    // When each probe ran, relative to the start of the run: the timing waterfall.
    struct ProbeTiming
    {
        QString id; // internal probe id ("tls", "http.descriptor", "api.settings"…)
        qint64 startMs = 0;
        qint64 durationMs = 0;
        bool succeeded = false;
    };
    // The probes that started, in start order.
    QList<ProbeTiming> probeTimings() const;
    // What each HTTP probe sent and received, secrets removed; also in the report.
    QList<HttpTranscript> transcripts() const;
    // What a running check waits for, translated, several steps joined by "; "
    // ("Waiting for GET /-/jira_connect/app_descriptor.json on gitlab.example.com…"); empty when
    // the check is not running (not started, decided, or no run).
    QString waitingFor(const QString& checkId) const;

signals:
    void checkStarted(const QString& id);
    // A running check waits for something else now (text as waitingFor(); never empty).
    void checkWaiting(const QString& checkId, const QString& text);
    void checkFinished(const gjd::Finding& finding);
    void finished(const gjd::Report& report);

private:
    struct ProbeState
    {
        QString id;
        QStringList dependsOn;
        std::unique_ptr<Probe> probe;
        QTimer timer;
        bool started = false;
        bool done = false;       // finished, or will never run
        bool completing = false; // finished, waiting for the system trust store
        qint64 startMs = -1;
        qint64 durationMs = 0;
        bool succeeded = false;
    };

    void startReadyProbes();
    void scheduleWaitingUpdate();
    void updateWaiting();
    void onProbeFinished(const QString& id);
    void advance();
    void finishRun();
    void onRunTimeout();
    void onGraceOver();
    bool probesPending() const;
    void decideTheRest();
    const std::vector<std::unique_ptr<class Check>>& checks() const;
    const class Check* findIn(const QString& id) const;
    std::unique_ptr<Probe> createProbe(const QString& id);
    Finding decide(const class Check& check);
    void resolveMethod(bool now = false); // now: without waiting for the method probes
    static bool dependsOnMethod(const class Check& check);

    RunContext m_context;
    Report m_report;
    QElapsedTimer m_clock;
    QTimer m_runTimer;
    QTimer m_graceTimer; // from the run bound to the forced end
    const std::vector<std::unique_ptr<class Check>>* m_checks = nullptr;
    bool m_running = false;
    quint64 m_runNumber = 0;     // tells a late callback of an earlier run from this one
    bool m_forcing = false;      // nothing is waited for any more: the bound passed, or nothing can happen
    bool m_boundReached = false; // the run bound passed
    bool m_cancelled = false;
    bool m_advancing = false;
    QSet<QString> m_selected;
    QSet<QString> m_announced;
    QHash<QString, QString> m_waiting; // what checkWaiting() said last, per running check
    bool m_waitingScheduled = false;
    QHash<QString, std::shared_ptr<ProbeState>> m_probes;
};

} // namespace gjd
