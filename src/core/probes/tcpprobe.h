// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "probe.h"

#include <QList>

class QTcpSocket;

namespace gjd {

// Opens a TCP connection to every resolved address of the instance at once (at most 8).
class TcpProbe final : public Probe
{
    Q_OBJECT

public:
    using Probe::Probe;
    ~TcpProbe() override;
    QString id() const override { return QStringLiteral("tcp"); }
    bool succeeded() const override;
    QString stepText() const override;

    static constexpr int maxAddresses = 8;

protected:
    void run() override;
    void stop(AbortReason reason, int timeoutMs) override;

private:
    void settle(int index, bool connected, const QString& code, const QString& error);
    QString targetOf(int index) const;
    QList<QTcpSocket*> m_sockets;
    int m_pending = 0;
};

} // namespace gjd
