// SPDX-License-Identifier: GPL-3.0-or-later
#include "probe.h"

namespace gjd {

Probe::Probe(RunContext& context, QObject* parent)
    : QObject(parent)
    , m_context(context)
{
}

Probe::~Probe() = default;

void Probe::start()
{
    m_clock.start();
    run();
}

QString Probe::stepText() const
{
    if (m_finished || !m_clock.isValid())
        return QString();
    return tr("Running the %1 probe…").arg(id());
}

void Probe::abort(AbortReason reason, int timeoutMs)
{
    if (m_finished)
        return;
    stop(reason, timeoutMs);
    finish();
}

void Probe::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    emit finished();
}

} // namespace gjd
