// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "probe.h"

#include <QPointer>

class QSslSocket;
class QTcpSocket;

namespace gjd {

// One TLS handshake with the instance, SNI = the instance host, accepting any certificate: the
// point is to record what the server sends (protocol, cipher, the chain as served), which the
// TLS checks then judge. Addresses are tried in order until one accepts the TCP connection.
// When the handshake fails in a way that suggests a plain-HTTP server on the port, a short
// plain request confirms it.
class TlsProbe final : public Probe
{
    Q_OBJECT

public:
    using Probe::Probe;
    ~TlsProbe() override;
    QString id() const override { return QStringLiteral("tls"); }
    bool succeeded() const override;

protected:
    void run() override;
    void stop(AbortReason reason, int timeoutMs) override;

private:
    void tryAddress(int index);
    void onEncrypted();
    void onError();
    void sniffPlainHttp();
    void finishWithError(const QString& code, const QString& error);
    void releaseSockets();

    QPointer<QSslSocket> m_socket;
    QPointer<QTcpSocket> m_sniffer;
    int m_addressIndex = 0;
    qint64 m_connectedAt = 0;
    bool m_tcpConnected = false;
    QString m_lastConnectError;
};

} // namespace gjd
