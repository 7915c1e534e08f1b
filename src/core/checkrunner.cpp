// SPDX-License-Identifier: GPL-3.0-or-later
#include "checkrunner.h"

#include "clock.h"
#include "http/systemcas.h"

#include <algorithm>
#include <optional>

#include "checks/check.h"
#include "methoddetection.h"
#include "probes/probecatalogue.h"

#include <QLoggingCategory>
#include <QMetaMethod>
#include <QSslSocket>
#include <QSysInfo>

Q_LOGGING_CATEGORY(lcRunner, "gjd.runner", QtInfoMsg)

namespace gjd {

namespace {

QStringList probeDependencies(const QString& id)
{
    const ProbeSpec* spec = findProbe(id);
    return spec ? spec->dependsOn : QStringList();
}

// Probes whose results tell the installation method when --method is auto.
const QStringList& methodProbes()
{
    static const QStringList ids{probe::descriptor, probe::apiSettings};
    return ids;
}

} // namespace

CheckRunner::CheckRunner(QObject* parent)
    : QObject(parent)
{
    m_runTimer.setSingleShot(true);
    connect(&m_runTimer, &QTimer::timeout, this, &CheckRunner::onRunTimeout);
    m_graceTimer.setSingleShot(true);
    connect(&m_graceTimer, &QTimer::timeout, this, &CheckRunner::onGraceOver);
}

const CheckList& CheckRunner::checks() const
{
    return m_checks ? *m_checks : catalogue();
}

const Check* CheckRunner::findIn(const QString& id) const
{
    for (const auto& c : checks()) {
        if (c->id() == id)
            return c.get();
    }
    return nullptr;
}

CheckRunner::~CheckRunner()
{
    // Probes hold sockets parented to themselves; destroying them aborts the I/O.
    m_probes.clear();
}

QStringList CheckRunner::selectedIds() const
{
    QStringList out;
    for (const auto& c : checks()) {
        if (m_selected.contains(c->id()))
            out.append(c->id());
    }
    return out;
}

std::unique_ptr<Probe> CheckRunner::createProbe(const QString& id)
{
    const ProbeSpec* spec = findProbe(id);
    return spec ? spec->create(m_context) : nullptr;
}

bool CheckRunner::start(const RunOptions& options, const Credentials& credentials)
{
    if (m_running)
        return false;
    m_running = true;
    ++m_runNumber;
    m_cancelled = false;
    m_forcing = false;
    m_boundReached = false;
    // The whole system store is parsed only where the chain analysis needs it (no hashed
    // certificate directory, see onProbeFinished): it costs tenths of a second of CPU, seconds on
    // a busy machine, and the program's exit waits for it. A request with a token loads it itself.
    if (options.trustStore.isEmpty() && options.trustStoreSource == QLatin1String("system") &&
        !systemcas::hashedLookupAvailable())
        systemcas::preload();
    m_clock.start();
    m_context = RunContext{};
    m_context.options = options;
    // Whatever the caller passed (a NaN turned into INT_MIN once): every timer gets a real bound.
    m_context.options.probeTimeoutMs = std::clamp(options.probeTimeoutMs, 100, 600 * 1000);
    m_context.credentials = credentials;
    m_context.now = options.now.isValid() ? options.now.toUTC() : Clock::nowUtc();
    m_context.url = InstanceUrl::parse(options.url);
    if (!options.publicUrl.isEmpty())
        m_context.publicUrl = InstanceUrl::parse(options.publicUrl);
    if (!options.jiraSite.isEmpty())
        m_context.jiraSite = InstanceUrl::parse(options.jiraSite);
    if (const auto method = methodFromId(options.method)) {
        m_context.method = *method;
        m_context.methodSource = QStringLiteral("given");
        m_context.methodResolved = true;
    } else {
        // Decided once the descriptor (and, with a token, the settings) arrived; checks that
        // depend on the method wait for it.
        m_context.method = Method::Marketplace;
        m_context.methodSource = QStringLiteral("assumed");
        m_context.methodResolved = false;
    }
    m_report = Report{};
    m_announced.clear();
    m_waiting.clear();
    m_waitingScheduled = false; // an earlier run's pending update skips itself (run number)
    m_probes.clear();

    // Selection: --only (all when empty) minus --skip, plus every prerequisite of what is left.
    m_selected = selectChecks(checks(), options.only, options.skip);

    // The probes the selected checks read, with their dependencies.
    QSet<QString> probeIds;
    for (const auto& c : checks()) {
        if (!m_selected.contains(c->id()))
            continue;
        for (const QString& p : c->probes()) {
            QStringList pending{p};
            while (!pending.isEmpty()) {
                const QString id = pending.takeLast();
                if (probeIds.contains(id))
                    continue;
                probeIds.insert(id);
                pending.append(probeDependencies(id));
            }
        }
    }
    if (!m_context.methodResolved) {
        bool needed = false;
        for (const auto& c : checks())
            needed = needed || (m_selected.contains(c->id()) && dependsOnMethod(*c));
        for (const QString& id : methodProbes()) {
            if (!needed)
                break;
            QStringList pending{id};
            while (!pending.isEmpty()) {
                const QString p = pending.takeLast();
                if (!probeIds.contains(p)) {
                    probeIds.insert(p);
                    pending.append(probeDependencies(p));
                }
            }
        }
    }
    for (const QString& id : std::as_const(probeIds)) {
        auto state = std::make_shared<ProbeState>();
        state->id = id;
        state->dependsOn = probeDependencies(id);
        state->timer.setSingleShot(true);
        m_probes.insert(id, state);
    }

    const int probeTimeout = m_context.options.probeTimeoutMs;
    const int runTimeout = options.runTimeoutMs > 0 ? std::min(options.runTimeoutMs, probeTimeout * 3 + 5000)
                                                    : probeTimeout * 3 + 5000;
    m_runTimer.start(runTimeout);

    if (!m_context.url.isValid() || (!options.publicUrl.isEmpty() && !m_context.publicUrl.isValid())) {
        for (const auto& state : std::as_const(m_probes))
            state->done = true;
    }
    // Decide and start asynchronously, so that callers connect to the signals first.
    QTimer::singleShot(0, this, [this] {
        startReadyProbes();
        advance();
    });
    return true;
}

void CheckRunner::startReadyProbes()
{
    bool changed = true;
    while (changed) {
        changed = false;
        for (const auto& state : std::as_const(m_probes)) {
            if (state->started || state->done)
                continue;
            bool ready = true;
            bool impossible = m_cancelled;
            for (const QString& dep : std::as_const(state->dependsOn)) {
                const auto d = m_probes.value(dep);
                if (!d)
                    impossible = true; // not a probe: it never runs, nor does this one
                else if (!d->done)
                    ready = false;
                else if (!d->probe || !d->probe->succeeded())
                    impossible = true;
            }
            if (impossible) {
                state->done = true; // never runs; its dependants see no result
                changed = true;
                continue;
            }
            if (!ready)
                continue;
            state->probe = createProbe(state->id);
            if (!state->probe) {
                state->done = true; // not a probe of the catalogue: what reads it is an error
                changed = true;
                continue;
            }
            state->started = true;
            Probe* probe = state->probe.get();
            const QString id = state->id;
            connect(probe, &Probe::finished, this, [this, id] { onProbeFinished(id); });
            connect(probe, &Probe::stepChanged, this, &CheckRunner::scheduleWaitingUpdate);
            const int timeout = m_context.options.probeTimeoutMs;
            connect(&state->timer, &QTimer::timeout, probe,
                    [probe, timeout] { probe->abort(Probe::AbortReason::Timeout, timeout); });
            state->timer.start(timeout);
            for (const auto& c : checks()) {
                if (m_selected.contains(c->id()) && c->probes().contains(id) &&
                    !m_announced.contains(c->id())) {
                    m_announced.insert(c->id());
                    emit checkStarted(c->id());
                }
            }
            qCDebug(lcRunner) << "probe" << id << "started";
            state->startMs = m_clock.elapsed();
            probe->start();
            scheduleWaitingUpdate();
        }
    }
}

QString CheckRunner::waitingFor(const QString& checkId) const
{
    if (!m_running || !m_announced.contains(checkId) || m_context.findings.contains(checkId))
        return QString();
    const Check* check = findIn(checkId);
    if (!check)
        return QString();
    // The probes it reads that are under way; for one that has not started, the ones it needs first.
    QStringList steps;
    QSet<QString> seen;
    QStringList pending = check->probes();
    while (!pending.isEmpty()) {
        const QString id = pending.takeFirst();
        if (seen.contains(id))
            continue;
        seen.insert(id);
        const auto state = m_probes.value(id);
        if (!state)
            continue;
        if (state->completing)
            steps.append(tr("Loading the system's trusted certificates…"));
        else if (state->started && !state->done && state->probe)
            steps.append(state->probe->stepText());
        else if (!state->started && !state->done)
            pending.append(state->dependsOn);
    }
    steps.removeAll(QString());
    steps.removeDuplicates();
    if (steps.isEmpty()) {
        QStringList undecided;
        for (const QString& p : check->prerequisites()) {
            if (!m_context.findings.contains(p))
                undecided.append(p);
        }
        if (!undecided.isEmpty())
            steps.append(tr("Waiting for %1…").arg(undecided.join(QStringLiteral(", "))));
        else if (!m_context.methodResolved && dependsOnMethod(*check))
            steps.append(tr("Waiting until the installation method is known…"));
    }
    return steps.join(QStringLiteral("; "));
}

void CheckRunner::scheduleWaitingUpdate()
{
    // Nobody listens in a fleet (FleetRunner): the texts would cost a few per cent of its CPU.
    static const QMetaMethod waitingSignal = QMetaMethod::fromSignal(&CheckRunner::checkWaiting);
    if (m_waitingScheduled || !m_running || !isSignalConnected(waitingSignal))
        return;
    m_waitingScheduled = true;
    QTimer::singleShot(0, this, [this, run = m_runNumber] {
        m_waitingScheduled = false;
        if (m_running && run == m_runNumber)
            updateWaiting();
    });
}

void CheckRunner::updateWaiting()
{
    for (const auto& c : checks()) {
        const QString id = c->id();
        if (!m_announced.contains(id) || m_context.findings.contains(id)) {
            m_waiting.remove(id);
            continue;
        }
        const QString text = waitingFor(id);
        auto it = m_waiting.find(id);
        if (text.isEmpty() || (it != m_waiting.end() && *it == text))
            continue;
        m_waiting.insert(id, text);
        emit checkWaiting(id, text);
    }
}

void CheckRunner::onProbeFinished(const QString& id)
{
    const auto state = m_probes.value(id);
    if (!state || state->done || state->completing)
        return;
    state->timer.stop();
    scheduleWaitingUpdate();
    state->durationMs = state->probe ? state->probe->elapsedMs() : 0;
    state->succeeded = state->probe && state->probe->succeeded();
    qCDebug(lcRunner) << "probe" << id << "finished in" << state->durationMs << "ms";
    const bool analyse = id == QLatin1String("tls") && m_context.tls && m_context.tls->handshakeOk &&
                         !m_context.tls->chain.isEmpty();
    // An empty trust store from "system" means the system's. The analysis asks it only about the
    // served chain's names: the hashed directories answer that from a few files, as OpenSSL and
    // Qt's own verification look it up. Without them, the whole store is loaded off the UI thread
    // (systemcas). The TLS probe counts as done only once its chain is analysed.
    const bool systemStore = m_context.options.trustStore.isEmpty() &&
                             m_context.options.trustStoreSource == QLatin1String("system");
    std::optional<QList<QSslCertificate>> systemLookup;
    if (analyse && systemStore)
        systemLookup = systemcas::lookUpBySubjectHash(ChainAnalysis::trustStoreLookups(m_context.tls->chain));
    auto complete = [this, state, analyse, systemStore, systemLookup, run = m_runNumber] {
        // A store that became ready after this run ended (or during the next one) is not ours.
        if (!m_running || run != m_runNumber)
            return;
        state->completing = false;
        state->done = true;
        if (analyse)
            m_context.chain = ChainAnalysis::analyze(
                m_context.tls->chain,
                !systemStore ? m_context.options.trustStore
                             : (systemLookup ? *systemLookup : systemcas::certificates()),
                m_context.options.extraCaCertificates);
        // Probes emit finished() from inside socket signal handlers: continue from the event loop.
        QTimer::singleShot(0, this, [this] {
            startReadyProbes();
            advance();
        });
    };
    if (analyse && systemStore && !systemLookup && !systemcas::ready()) {
        state->completing = true;
        systemcas::whenReady(this, complete);
        return;
    }
    complete();
}

QList<CheckRunner::ProbeTiming> CheckRunner::probeTimings() const
{
    QList<ProbeTiming> out;
    for (const auto& state : m_probes) {
        // An HTTP probe that did not apply (no token, no public URL, no Jira site) sent nothing.
        const bool http = state->id.startsWith(QLatin1String("http.")) ||
                          state->id.startsWith(QLatin1String("api.")) ||
                          state->id.startsWith(QLatin1String("jira."));
        if (state->startMs >= 0 && (!http || m_context.http.contains(state->id)))
            out.append({state->id, state->startMs, state->durationMs, state->succeeded});
    }
    std::sort(out.begin(), out.end(), [](const ProbeTiming& a, const ProbeTiming& b) {
        return a.startMs != b.startMs ? a.startMs < b.startMs : a.id < b.id;
    });
    return out;
}

QList<HttpTranscript> CheckRunner::transcripts() const
{
    QList<HttpTranscript> out;
    for (const ProbeTiming& timing : probeTimings()) {
        const auto it = m_context.http.constFind(timing.id);
        if (it == m_context.http.constEnd())
            continue;
        QByteArray text;
        for (const HttpResponse& r : *it) {
            // Where the answer came from and how it ended, before the exchange itself: a
            // transcript without an answer must still say why.
            text += "# " + r.finalUrl.toString(QUrl::RemoveUserInfo).toUtf8();
            if (!r.peerAddress.isNull())
                text += " (" + r.peerAddress.toString().toUtf8() + ')';
            text += ", " + QByteArray::number(r.durationMs) + " ms";
            if (!r.errorCode.isEmpty())
                text += ", " + r.errorCode.toUtf8() + ": " + r.error.toUtf8();
            text += "\n" + r.transcript;
            if (!text.endsWith('\n'))
                text += '\n';
        }
        out.append({timing.id, text});
    }
    return out;
}

Finding CheckRunner::decide(const Check& check)
{
    Finding f;
    f.id = check.id();
    f.category = check.category();
    f.title = check.title();
    f.prerequisites = check.prerequisites();

    if (!m_selected.contains(f.id)) {
        set(f, Status::Skip,
            m_context.options.frontend == Frontend::Desktop ? tr("Not part of this run.")
                                                            : tr("Not selected (--only / --skip)."));
        f.evidence.insert(QStringLiteral("skipped_because"), QStringLiteral("not-selected"));
        return f;
    }
    if (m_cancelled) {
        set(f, Status::Skip, tr("Not run: the run was cancelled."));
        f.evidence.insert(QStringLiteral("skipped_because"), QStringLiteral("cancelled"));
        return f;
    }
    for (const QString& p : check.prerequisites()) {
        const Finding& pre = m_context.findings.value(p);
        if (pre.status == Status::Fail || pre.status == Status::Error || pre.status == Status::Skip) {
            const QString because = pre.evidence.value(QStringLiteral("skipped_because")).toString();
            if (pre.status == Status::Skip && !because.isEmpty() && !findIn(because)) {
                // Skipped for a reason that is not a failure (no token, not applicable to the
                // method, not selected): the same reason holds here.
                set(f, Status::Skip, pre.summary);
                f.evidence.insert(QStringLiteral("skipped_because"), because);
                return f;
            }
            // Name the check that actually failed, not an intermediate skip.
            const QString root = pre.status == Status::Skip && findIn(because) ? because : p;
            set(f, Status::Skip, tr("Skipped: %1 did not pass.").arg(root));
            f.evidence.insert(QStringLiteral("skipped_because"), root);
            return f;
        }
    }
    if (!check.methods().contains(m_context.method)) {
        set(f, Status::Skip, tr("Not applicable to the %1 method.").arg(methodId(m_context.method)));
        f.evidence.insert(QStringLiteral("skipped_because"), QStringLiteral("method"));
        return f;
    }
    qint64 duration = 0;
    for (const QString& p : check.probes()) {
        const auto state = m_probes.value(p);
        if ((!state || !state->probe) && check.probesOptional())
            continue;
        if (state && !state->probe && m_boundReached && findProbe(p)) {
            set(f, Status::Error,
                tr("Not decided: the %1 probe could not start within the run's time bound.").arg(p));
            f.evidence.insert(QStringLiteral("error"), QStringLiteral("run-timeout"));
            return f;
        }
        if (!state || !state->probe) {
            // The probe never ran although the prerequisites passed: a defect, not the target's.
            set(f, Status::Error, tr("Internal error: the %1 probe did not run.").arg(p));
            return f;
        }
        if (!state->probe->isFinished() || !state->done) {
            set(f, Status::Error,
                tr("Not decided: the %1 probe did not end within the run's time bound.").arg(p));
            f.evidence.insert(QStringLiteral("error"), QStringLiteral("run-timeout"));
            return f;
        }
        duration = std::max(duration, state->durationMs);
    }
    check.evaluate(m_context, f);
    f.durationMs = duration;
    return f;
}

void CheckRunner::advance()
{
    if (!m_running || m_advancing)
        return;
    m_advancing = true;
    resolveMethod();
    // Repeat until nothing more can be decided: a prerequisite may come later in the catalogue.
    bool allDecided = false;
    bool progress = true;
    while (progress) {
        progress = false;
        allDecided = true;
        for (const auto& c : checks()) {
            const QString id = c->id();
            if (m_context.findings.contains(id))
                continue;
            bool ready = true;
            for (const QString& p : c->prerequisites())
                ready = ready && m_context.findings.contains(p);
            if (m_selected.contains(id) && !m_cancelled) {
                for (const QString& p : c->probes()) {
                    const auto state = m_probes.value(p);
                    ready = ready && (!state || state->done);
                }
                ready = ready && (m_context.methodResolved || !dependsOnMethod(*c));
            }
            if (!ready) {
                allDecided = false;
                continue;
            }
            if (m_selected.contains(id) && !m_announced.contains(id)) {
                m_announced.insert(id);
                emit checkStarted(id);
            }
            const Finding f = decide(*c);
            m_context.findings.insert(id, f);
            progress = true;
            emit checkFinished(f);
        }
    }
    m_advancing = false;
    if (!allDecided && (m_forcing || !probesPending()))
        decideTheRest();
    else if (allDecided)
        finishRun();
}

bool CheckRunner::probesPending() const
{
    // A probe that has not started by now waits for one that is running, or never starts.
    for (const auto& state : m_probes) {
        if ((state->started && !state->done) || state->completing)
            return true;
        if (state->started || state->done)
            continue;
        // Not started yet, but startable: its dependencies finished (it starts from the event loop).
        bool startable = !m_cancelled;
        for (const QString& dep : std::as_const(state->dependsOn)) {
            const auto d = m_probes.value(dep);
            startable = startable && d && d->done;
        }
        if (startable)
            return true;
    }
    return false;
}

void CheckRunner::decideTheRest()
{
    // Nothing more will arrive (or the run bound passed): what is still undecided waits for
    // something that does not exist, for itself, or for a probe that did not end. Decide it, in
    // catalogue order, so that its dependants can follow, and end the run.
    for (const auto& state : std::as_const(m_probes)) {
        if (!state->started)
            state->done = true;
    }
    m_forcing = true;
    resolveMethod(true);
    for (;;) {
        bool progress = false;
        bool undecided = false;
        for (const auto& c : checks()) {
            const QString id = c->id();
            if (m_context.findings.contains(id))
                continue;
            bool ready = true;
            QStringList missing;
            for (const QString& p : c->prerequisites()) {
                if (!m_context.findings.contains(p)) {
                    ready = false;
                    missing.append(p);
                }
            }
            if (!ready) {
                undecided = true;
                continue;
            }
            const Finding f = decide(*c);
            m_context.findings.insert(id, f);
            progress = true;
            emit checkFinished(f);
        }
        if (!undecided)
            break;
        if (progress)
            continue;
        // Only waits on waits are left: break the first one.
        for (const auto& c : checks()) {
            if (m_context.findings.contains(c->id()))
                continue;
            Finding f;
            f.id = c->id();
            f.category = c->category();
            f.title = c->title();
            f.prerequisites = c->prerequisites();
            QStringList missing;
            for (const QString& p : c->prerequisites()) {
                if (!m_context.findings.contains(p))
                    missing.append(p);
            }
            if (m_cancelled) {
                set(f, Status::Skip, tr("Not run: the run was cancelled."));
                f.evidence.insert(QStringLiteral("skipped_because"), QStringLiteral("cancelled"));
            } else {
                set(f, Status::Error,
                    tr("Internal error: this check waits for %1, which is never decided.")
                        .arg(missing.join(QStringLiteral(", "))));
            }
            m_context.findings.insert(f.id, f);
            emit checkFinished(f);
            break;
        }
    }
    finishRun();
}

bool CheckRunner::dependsOnMethod(const Check& check)
{
    return check.methodDependent() || !check.appliesToEveryMethod();
}

void CheckRunner::resolveMethod(bool now)
{
    if (m_context.methodResolved)
        return;
    for (const QString& id : methodProbes()) {
        const auto state = m_probes.value(id);
        if (state && !state->done && !m_cancelled && !now)
            return;
    }
    const MethodGuess guess = detectMethod(m_context);
    m_context.method = guess.method;
    m_context.methodSource = guess.detected ? QStringLiteral("detected") : QStringLiteral("assumed");
    m_context.methodReason = guess.reason;
    m_context.methodResolved = true;
}

void CheckRunner::finishRun()
{
    if (!m_running)
        return;
    m_runTimer.stop();
    m_graceTimer.stop();
    for (const auto& state : std::as_const(m_probes)) {
        state->timer.stop();
        if (state->probe && !state->probe->isFinished())
            state->probe->abort(Probe::AbortReason::Cancelled, 0);
    }
    Report& r = m_report;
    r.toolVersion = QStringLiteral(GJD_VERSION);
    r.generatedAt = m_context.now;
    r.url = m_context.url.isValid() ? m_context.url.toString() : m_context.options.url;
    if (!m_context.options.publicUrl.isEmpty()) {
        const InstanceUrl publicUrl = InstanceUrl::parse(m_context.options.publicUrl);
        r.publicUrl = publicUrl.isValid() ? publicUrl.toString() : m_context.options.publicUrl;
    }
    r.method = methodId(m_context.method);
    r.methodSource = m_context.methodSource;
    r.methodReason = m_context.methodReason;
    r.vantageOs = QSysInfo::prettyProductName();
    r.vantageQt = QString::fromLatin1(qVersion());
    r.vantageTlsBackend = QSslSocket::activeBackend();
    r.durationMs = m_clock.elapsed();
    for (const auto& c : checks())
        r.checks.append(m_context.findings.value(c->id()));
    if (m_context.tls) {
        for (const QSslCertificate& cert : std::as_const(m_context.tls->chain))
            r.certificates.append(CertificateInfo::fromCertificate(cert));
    }
    r.transcripts = transcripts();
    m_running = false;
    emit finished(r);
}

void CheckRunner::onRunTimeout()
{
    if (!m_running)
        return;
    qCInfo(lcRunner) << "run time bound reached; aborting the probes still running";
    m_boundReached = true;
    const int bound = m_runTimer.interval();
    for (const auto& state : std::as_const(m_probes)) {
        if (state->probe && !state->probe->isFinished())
            state->probe->abort(Probe::AbortReason::RunTimeout, bound);
    }
    // The aborted probes report at once; whatever still waits a second later is decided then.
    m_graceTimer.start(1000);
}

void CheckRunner::onGraceOver()
{
    if (!m_running)
        return;
    qCDebug(lcRunner) << "run ended by its time bound";
    m_forcing = true;
    advance();
}

void CheckRunner::cancel()
{
    if (!m_running || m_cancelled)
        return;
    m_cancelled = true;
    for (const auto& state : std::as_const(m_probes)) {
        if (state->probe && !state->probe->isFinished())
            state->probe->abort(Probe::AbortReason::Cancelled, 0);
        else if (!state->started)
            state->done = true;
    }
    QTimer::singleShot(0, this, &CheckRunner::advance);
}

} // namespace gjd
