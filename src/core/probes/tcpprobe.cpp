// SPDX-License-Identifier: GPL-3.0-or-later
#include "tcpprobe.h"

#include "http/httpexchange.h"
#include "runcontext.h"

#include <QNetworkProxy>
#include <QTcpSocket>

namespace gjd {

TcpProbe::~TcpProbe()
{
    for (QTcpSocket* s : std::as_const(m_sockets)) {
        if (s)
            s->abort();
    }
}

bool TcpProbe::succeeded() const
{
    return m_context.tcp && m_context.tcp->connectedCount() > 0;
}

QString TcpProbe::stepText() const
{
    if (m_pending <= 0 || isFinished())
        return QString();
    if (m_context.tcp && !m_context.tcp->proxy.isEmpty())
        return tr("Opening a tunnel to %1 port %2 through the proxy %3…")
            .arg(m_context.target().host())
            .arg(m_context.target().port())
            .arg(m_context.tcp->proxy);
    return tr("Connecting to %n address(es) of %1 on port %2…", nullptr, m_pending)
        .arg(m_context.target().host())
        .arg(m_context.target().port());
}

void TcpProbe::run()
{
    TcpResult result;
    const std::optional<ProxyServer> proxy =
        m_context.proxyFor(m_context.target().host(), m_context.target().port());
    if (proxy) {
        result.proxy = proxy->display();
        result.attempts.append(TcpAttempt{QHostAddress(), false, QString(), QString(), 0});
    } else {
        const QList<QHostAddress> addresses =
            m_context.dns ? m_context.dns->addresses : QList<QHostAddress>();
        for (const QHostAddress& address : addresses.mid(0, maxAddresses))
            result.attempts.append(TcpAttempt{address, false, QString(), QString(), 0});
    }
    m_context.tcp = result;
    m_pending = static_cast<int>(result.attempts.size());
    if (m_pending == 0) {
        finish();
        return;
    }
    for (int i = 0; i < result.attempts.size(); ++i) {
        auto* socket = new QTcpSocket(this);
        m_sockets.append(socket);
        connect(socket, &QTcpSocket::connected, this, [this, i] { settle(i, true, QString(), QString()); });
        connect(socket, &QTcpSocket::errorOccurred, this,
                [this, i, socket](QAbstractSocket::SocketError error) {
                    QString code;
                    QString text = HttpExchange::proxyErrorText(
                        error, m_context.tcp->proxy, m_context.target().host(), socket->errorString());
                    if (!text.isEmpty()) {
                        settle(i, false,
                               error == QAbstractSocket::ProxyAuthenticationRequiredError
                                   ? QStringLiteral("proxy-auth")
                                   : QStringLiteral("proxy"),
                               text);
                        return;
                    }
                    const QString target = targetOf(i);
                    switch (error) {
                    case QAbstractSocket::ConnectionRefusedError:
                        code = QStringLiteral("refused");
                        text = tr("%1 port %2 refused the connection: nothing listens there, or a firewall "
                                  "rejects it.")
                                   .arg(target)
                                   .arg(m_context.target().port());
                        break;
                    case QAbstractSocket::SocketTimeoutError:
                        code = QStringLiteral("timeout");
                        text = tr("%1 port %2 did not answer.").arg(target).arg(m_context.target().port());
                        break;
                    case QAbstractSocket::NetworkError:
                    case QAbstractSocket::HostNotFoundError:
                        code = QStringLiteral("unreachable");
                        text = tr("%1 is unreachable from here: %2.").arg(target, socket->errorString());
                        break;
                    default:
                        code = QStringLiteral("error");
                        text = tr("Connecting to %1 port %2 failed: %3.")
                                   .arg(target)
                                   .arg(m_context.target().port())
                                   .arg(socket->errorString());
                        break;
                    }
                    settle(i, false, code, text);
                });
        if (proxy) {
            socket->setProxy(proxy->toNetworkProxy());
            socket->connectToHost(m_context.target().host(), m_context.target().port());
        } else {
            socket->setProxy(QNetworkProxy(QNetworkProxy::NoProxy));
            socket->connectToHost(result.attempts.at(i).address, m_context.target().port());
        }
    }
}

// What an attempt connected to, for messages: the address, or through a proxy the proxy.
QString TcpProbe::targetOf(int index) const
{
    if (!m_context.tcp->proxy.isEmpty())
        return tr("The proxy %1 (tunnel to %2)").arg(m_context.tcp->proxy, m_context.target().host());
    return m_context.tcp->attempts.at(index).address.toString();
}

void TcpProbe::settle(int index, bool connected, const QString& code, const QString& error)
{
    TcpAttempt& attempt = m_context.tcp->attempts[index];
    if (attempt.connected || !attempt.errorCode.isEmpty())
        return;
    attempt.connected = connected;
    attempt.errorCode = code;
    attempt.error = error;
    attempt.durationMs = elapsedMs();
    if (QTcpSocket* socket = m_sockets.value(index)) {
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
        m_sockets[index] = nullptr;
    }
    if (--m_pending == 0) {
        m_context.tcp->durationMs = elapsedMs();
        finish();
    } else {
        emit stepChanged();
    }
}

void TcpProbe::stop(AbortReason reason, int timeoutMs)
{
    for (int i = 0; i < m_sockets.size(); ++i) {
        if (!m_sockets.at(i))
            continue;
        const QString target = targetOf(i);
        if (reason == AbortReason::Cancelled)
            settle(i, false, QStringLiteral("cancelled"), tr("Cancelled."));
        else
            settle(i, false, QStringLiteral("timeout"),
                   tr("%1 port %2 did not answer within %3 s: a firewall probably drops the packets.")
                       .arg(target)
                       .arg(m_context.target().port())
                       .arg(timeoutMs / 1000.0));
    }
    m_context.tcp->durationMs = elapsedMs();
}

} // namespace gjd
