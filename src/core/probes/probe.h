// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>

namespace gjd {

struct RunContext;

// One network measurement (DNS lookup, TCP connects, a TLS handshake…) shared by the checks that
// read its result. A probe runs asynchronously, writes its result into the RunContext and emits
// finished() exactly once, also when it is aborted.
//
//   start() ──► … event loop … ──► result written ──► finished()
//      └── abort(Timeout | Cancelled | RunTimeout) ──► result written ──► finished()
class Probe : public QObject
{
    Q_OBJECT

public:
    enum class AbortReason
    {
        Timeout,
        Cancelled,
        RunTimeout
    };
    Q_ENUM(AbortReason)

    Probe(RunContext& context, QObject* parent = nullptr);
    ~Probe() override;

    virtual QString id() const = 0;
    void start();
    // Ends the probe now; records the reason in the result. No-op when already finished.
    void abort(AbortReason reason, int timeoutMs);
    bool isFinished() const { return m_finished; }
    // Whether the probes that depend on this one can use its result.
    virtual bool succeeded() const = 0;
    qint64 elapsedMs() const { return m_clock.isValid() ? m_clock.elapsed() : 0; }
    // What the probe does now, translated, for "what does this check wait for"
    // (CheckRunner::waitingFor): "Resolving gitlab.example.com…", "TLS handshake with
    // gitlab.example.com…". Empty before start() and once finished. stepChanged() when it changes.
    virtual QString stepText() const;

signals:
    void finished();
    void stepChanged();

protected:
    virtual void run() = 0;
    virtual void stop(AbortReason reason, int timeoutMs) = 0;
    void finish();

    RunContext& m_context;

private:
    QElapsedTimer m_clock;
    bool m_finished = false;
};

} // namespace gjd
