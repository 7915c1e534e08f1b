// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "checkrunner.h"
#include "fleetreport.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QThread>

#include <memory>
#include <vector>

namespace gjd {

// Runs one CheckRunner per instance, at most `parallel` at a time, in file order:
//
//   start(jobs, parallel) ──► instanceStarted(i) … instanceFinished(i) … ──► finished()
//
// Each instance's run is exactly `check` for it (its own probes, timeouts and connection count:
// concurrency is across instances, never more connections to one host). A job that could not be
// prepared (FleetEntry::error) is reported at once and takes no slot. Reports are kept without
// their HTTP transcripts unless keepTranscripts (an export per instance needs them), which holds
// the memory of 200 instances to their findings. Nothing blocks; cancel() ends every run.
//
// The runners live on worker threads (one per core, at most maxThreads), each with its own event
// loop: a TLS handshake costs a millisecond or more of CPU (OpenSSL 3 builds a context per socket),
// and fifty instances are five hundred of them, which one thread would do one after the other.
// Signals and reports arrive on the thread that owns the FleetRunner.
class FleetRunner : public QObject
{
    Q_OBJECT

public:
    struct Job
    {
        FleetEntry entry;        // line, url, text; error set when the instance cannot run
        RunOptions options;      // when it can
        Credentials credentials; // its own token, if any (never another instance's)
    };

    explicit FleetRunner(QObject* parent = nullptr);
    ~FleetRunner() override;

    static constexpr int defaultParallel = 32;
    static constexpr int maxParallel = 256;
    static constexpr int maxThreads = 8;
    // Open files (sockets) one instance may hold at once: the TCP probe's connections to every
    // address at once (TcpProbe::maxAddresses), the TLS probe and its direct comparison through a
    // proxy, nine anonymous HTTP probes, the Forge one, five API and three Jira probes, which may
    // all run together (fleetrunner.cpp checks the sum); and what the process holds besides them.
    static constexpr int filesPerInstance = 32;
    static constexpr int filesReserved = 64;
    // How many instances fit at once within `openFileLimit` (-1: no limit): at least one.
    static int parallelWithin(qint64 openFileLimit);

    void setKeepTranscripts(bool keep) { m_keepTranscripts = keep; }
    // Returns false (and does nothing) while a run is under way. Raises the process's limit of
    // open files as far as `parallel` instances need, and runs fewer at a time when the limit
    // stays lower (parallel() then says how many): a socket refused for want of descriptors would
    // fail its probe as if the instance were unreachable.
    bool start(QList<Job> jobs, int parallel);
    // Instances at a time in the current or last run.
    int parallel() const { return m_parallel; }
    void cancel();
    bool isRunning() const { return m_running; }
    int total() const { return int(m_jobs.size()); }
    int done() const { return m_done; }
    // Every entry so far, in file order; the reports of instances still running are missing.
    FleetReport report() const;
    const FleetEntry& entry(int index) const { return m_jobs.at(index).entry; }
    // Drops the HTTP transcripts of a finished instance (once its export is written).
    void releaseTranscripts(int index);

signals:
    void instanceStarted(int index);
    void instanceFinished(int index);
    void finished();

private:
    void startNext();
    void onRunnerFinished(int worker, int index, const Report& report);
    void startWorkers();

    QList<Job> m_jobs;
    std::vector<std::unique_ptr<QThread>> m_threads;
    std::vector<class FleetWorker*> m_workers; // one per thread, living there
    std::vector<int> m_load;                   // runs under way per worker
    int m_parallel = defaultParallel;
    int m_next = 0;
    int m_active = 0;
    int m_done = 0;
    bool m_running = false;
    bool m_keepTranscripts = false;
    QElapsedTimer m_clock;
    qint64 m_durationMs = 0;
};

} // namespace gjd
