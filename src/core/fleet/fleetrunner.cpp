// SPDX-License-Identifier: GPL-3.0-or-later
#include "fleetrunner.h"

#include "clock.h"
#include "openfiles.h"
#include "probes/tcpprobe.h"

#include <QPointer>
#include <QTimer>

#include <functional>

#include <algorithm>

namespace gjd {

// The runners of one worker thread. Lives on that thread: everything it creates (runners, probes,
// sockets) does too.
class FleetWorker final : public QObject
{
public:
    // Runs `options` here; `done` is called on this thread with the report.
    void run(const RunOptions& options, const Credentials& credentials,
             std::function<void(const Report&)> done)
    {
        auto* runner = new CheckRunner(this);
        connect(runner, &CheckRunner::finished, this, [runner, done](const Report& report) {
            done(report);
            runner->deleteLater();
        });
        runner->start(options, credentials);
    }
    void cancelAll()
    {
        const auto runners = findChildren<CheckRunner*>(QString(), Qt::FindDirectChildrenOnly);
        for (CheckRunner* runner : runners)
            runner->cancel();
    }
};

FleetRunner::FleetRunner(QObject* parent)
    : QObject(parent)
{
}

FleetRunner::~FleetRunner()
{
    // Every runner ends on its own thread before the thread does; their late reports are for a
    // FleetRunner that is gone, and Qt drops calls queued for a deleted receiver.
    for (FleetWorker* worker : m_workers)
        QMetaObject::invokeMethod(
            worker, [worker] { worker->cancelAll(); }, Qt::BlockingQueuedConnection);
    // Each worker (and the runners it still holds) is deleted on its thread as the thread ends.
    for (const auto& thread : m_threads) {
        thread->quit();
        thread->wait();
    }
}

static_assert(TcpProbe::maxAddresses + 2 + 9 + 1 + 5 + 3 <= FleetRunner::filesPerInstance,
              "an instance's probes may hold more sockets at once than FleetRunner counts");

int FleetRunner::parallelWithin(qint64 openFileLimit)
{
    if (openFileLimit < 0)
        return maxParallel;
    return int(std::clamp<qint64>((openFileLimit - filesReserved) / filesPerInstance, 1, maxParallel));
}

void FleetRunner::startWorkers()
{
    if (!m_threads.empty())
        return;
    const int count = std::clamp(QThread::idealThreadCount(), 1, maxThreads);
    for (int i = 0; i < count; ++i) {
        auto thread = std::make_unique<QThread>();
        thread->setObjectName(QStringLiteral("gjd-fleet-%1").arg(i));
        auto* worker = new FleetWorker;
        worker->moveToThread(thread.get());
        connect(thread.get(), &QThread::finished, worker, &QObject::deleteLater);
        thread->start();
        m_workers.push_back(worker);
        m_threads.push_back(std::move(thread));
    }
    m_load.assign(m_workers.size(), 0);
}

bool FleetRunner::start(QList<Job> jobs, int parallel)
{
    if (m_running)
        return false;
    startWorkers();
    m_jobs = std::move(jobs);
    const int wanted = std::clamp(parallel, 1, maxParallel);
    m_parallel = std::min(
        wanted, parallelWithin(openfiles::raiseTo(qint64(wanted) * filesPerInstance + filesReserved)));
    m_next = 0;
    m_active = 0;
    m_done = 0;
    m_running = true;
    m_clock.start();
    // From the event loop, so that a caller connected after start() sees every signal.
    QTimer::singleShot(0, this, &FleetRunner::startNext);
    return true;
}

void FleetRunner::startNext()
{
    while (m_running && m_next < m_jobs.size() && m_active < m_parallel) {
        const int index = m_next++;
        Job& job = m_jobs[index];
        emit instanceStarted(index);
        if (!job.entry.error.isEmpty()) {
            ++m_done;
            emit instanceFinished(index);
            continue;
        }
        // The least busy worker.
        const int worker = int(std::min_element(m_load.cbegin(), m_load.cend()) - m_load.cbegin());
        ++m_load[size_t(worker)];
        ++m_active;
        QPointer<FleetRunner> self(this);
        QMetaObject::invokeMethod(m_workers[size_t(worker)], [w = m_workers[size_t(worker)], self, worker,
                                                              index, options = job.options,
                                                              credentials = job.credentials] {
            w->run(options, credentials, [self, worker, index](const Report& report) {
                // Back to the FleetRunner's thread; dropped if it is gone.
                if (self)
                    QMetaObject::invokeMethod(self.data(), [self, worker, index, report] {
                        if (self)
                            self->onRunnerFinished(worker, index, report);
                    });
            });
        });
        // The token is the worker's now: no copy stays here.
        job.credentials = Credentials{};
    }
    if (m_running && m_done == m_jobs.size()) {
        m_running = false;
        m_durationMs = m_clock.elapsed();
        emit finished();
    }
}

void FleetRunner::onRunnerFinished(int worker, int index, const Report& report)
{
    Job& job = m_jobs[index];
    job.entry.report = report;
    if (!m_keepTranscripts)
        job.entry.report->transcripts.clear();
    --m_load[size_t(worker)];
    --m_active;
    ++m_done;
    emit instanceFinished(index);
    startNext();
}

void FleetRunner::cancel()
{
    if (!m_running)
        return;
    // Jobs not started yet are dropped: the report says they did not run.
    for (qsizetype i = m_next; i < m_jobs.size(); ++i) {
        if (m_jobs[i].entry.error.isEmpty())
            m_jobs[i].entry.error = tr("Cancelled before it ran.");
        m_jobs[i].credentials = Credentials{};
        ++m_done;
    }
    m_next = int(m_jobs.size());
    // The runners under way finish with a report of their own ("cancelled").
    for (FleetWorker* worker : m_workers)
        QMetaObject::invokeMethod(worker, [worker] { worker->cancelAll(); });
    startNext();
}

void FleetRunner::releaseTranscripts(int index)
{
    if (index >= 0 && index < m_jobs.size() && m_jobs[index].entry.report)
        m_jobs[index].entry.report->transcripts.clear();
}

FleetReport FleetRunner::report() const
{
    FleetReport r;
    r.toolVersion = QStringLiteral(GJD_VERSION);
    r.generatedAt = Clock::nowUtc();
    r.durationMs = m_running ? m_clock.elapsed() : m_durationMs;
    r.parallel = m_parallel;
    for (const Job& job : m_jobs)
        r.entries.append(job.entry);
    return r;
}

} // namespace gjd
