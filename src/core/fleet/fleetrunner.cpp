// SPDX-License-Identifier: GPL-3.0-or-later
#include "fleetrunner.h"

#include "clock.h"

#include <QTimer>

#include <algorithm>

namespace gjd {

FleetRunner::FleetRunner(QObject* parent)
    : QObject(parent)
{
}

FleetRunner::~FleetRunner() = default;

bool FleetRunner::start(QList<Job> jobs, int parallel)
{
    if (m_running)
        return false;
    m_jobs = std::move(jobs);
    m_runners.clear();
    m_runners.resize(size_t(m_jobs.size()));
    m_parallel = std::clamp(parallel, 1, maxParallel);
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
        auto runner = std::make_unique<CheckRunner>();
        connect(runner.get(), &CheckRunner::finished, this,
                [this, index](const Report& report) { onRunnerFinished(index, report); });
        ++m_active;
        CheckRunner* raw = runner.get();
        m_runners[size_t(index)] = std::move(runner);
        raw->start(job.options, job.credentials);
        // The token is the runner's now: no copy stays here.
        job.credentials = Credentials{};
    }
    if (m_running && m_done == m_jobs.size()) {
        m_running = false;
        m_durationMs = m_clock.elapsed();
        emit finished();
    }
}

void FleetRunner::onRunnerFinished(int index, const Report& report)
{
    Job& job = m_jobs[index];
    job.entry.report = report;
    if (!m_keepTranscripts)
        job.entry.report->transcripts.clear();
    // Not from inside its own signal: the runner goes once the event loop is back.
    if (auto& runner = m_runners[size_t(index)]) {
        runner->disconnect(this);
        runner.release()->deleteLater();
    }
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
    for (auto& runner : m_runners) {
        if (runner)
            runner->cancel(); // finishes with a report of its own, through onRunnerFinished
    }
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
