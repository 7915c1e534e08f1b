// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "probe.h"

class QHostInfo;

namespace gjd {

// Resolves the instance host (A and AAAA through the system resolver), unless --resolve gives the
// address or the URL is an address already.
class DnsProbe final : public Probe
{
    Q_OBJECT

public:
    using Probe::Probe;
    QString id() const override { return QStringLiteral("dns"); }
    bool succeeded() const override;
    QString stepText() const override;

protected:
    void run() override;
    void stop(AbortReason reason, int timeoutMs) override;

private:
    void onLookedUp(const QHostInfo& info);
    int m_lookupId = -1;
    QString m_proxy; // the proxy that resolves the name instead, if any
};

} // namespace gjd
