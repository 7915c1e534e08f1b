// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "probe.h"
#include "proxyconfig.h"
#include "runcontext.h"

#include <QPointer>
#include <QTimer>

#include <optional>

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
    QString stepText() const override;

protected:
    void run() override;
    void stop(AbortReason reason, int timeoutMs) override;

private:
    void tryAddress(int index);
    void onEncrypted();
    void onConnectTimeout();
    void confirmAfterHandshake(const QString& errorText);
    void onError();
    void sniffPlainHttp();
    void finishWithError(const QString& code, const QString& error);
    void releaseSockets();
    // Through a proxy: the same handshake directly, to tell an inspecting proxy (TlsResult::directView).
    void startDirect();
    void endDirect(const QString& error);
    void releaseDirect();
    // The proxied (or only) handshake is over: concludes once the direct one is too.
    void mainDone();
    void conclude();

    enum class Step
    {
        Connecting,
        Handshaking,
        AwaitingAnswer, // handshake done; the first answer tells whether a client certificate is required
        Sniffing        // the handshake failed like a plain-HTTP server: asking it in plain HTTP
    };
    void setStep(Step step);
    Step m_step = Step::Connecting;

    QPointer<QSslSocket> m_socket;
    QPointer<QTcpSocket> m_sniffer;
    int m_addressIndex = 0;
    std::optional<ProxyServer> m_proxy; // the tunnel the handshake goes through, if any
    int addressCount() const;
    qint64 m_connectedAt = 0;
    bool m_tcpConnected = false;
    QString m_lastConnectError;
    QTimer m_connectTimer; // per address, when there are several: a silent address must not eat the budget
    QTimer m_postHandshakeTimer; // how long to wait for the first answer after the handshake
    bool m_awaitingAnswer = false;
    static constexpr qint64 kFirstAnswerLimit = 4096;
    QByteArray m_firstAnswer; // the start of the server's first answer, for tls.client_certificate

    bool m_mainDone = false;
    bool m_directPending = false;
    QPointer<QSslSocket> m_direct;
    QTimer m_directTimer;
    TlsResult m_directSeen; // what the direct handshake saw
};

} // namespace gjd
