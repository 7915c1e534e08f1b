// SPDX-License-Identifier: GPL-3.0-or-later
#include "tlsprobe.h"

#include "http/httpexchange.h"
#include "http/observingtls.h"
#include "runcontext.h"

#include <QLoggingCategory>
#include <QNetworkProxy>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>

Q_LOGGING_CATEGORY(lcTls, "gjd.tls", QtInfoMsg)

namespace gjd {

namespace {

bool containsAny(const QString& text, std::initializer_list<const char*> needles)
{
    for (const char* n : needles) {
        if (text.contains(QLatin1String(n), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

// What a completed handshake negotiated and the certificates served: the proxied and the direct
// handshake record the same things.
void recordHandshake(const QSslSocket& socket, TlsResult& r)
{
    r.handshakeOk = true;
    const QSslCipher cipher = socket.sessionCipher();
    r.protocol = cipher.protocolString();
    r.cipher = cipher.name();
    r.keyExchange = cipher.keyExchangeMethod();
    const QSslKey ephemeral = socket.sslConfiguration().ephemeralServerKey();
    if (!ephemeral.isNull()) {
        r.ephemeralKeyBits = ephemeral.length();
        if (ephemeral.algorithm() == QSsl::Dh) {
            r.keyExchange = QStringLiteral("DH");
            r.ephemeralKeyDer = ephemeral.toDer();
        } else if (ephemeral.algorithm() == QSsl::Ec) {
            r.keyExchange = QStringLiteral("ECDH");
        }
    }
    const QList<QSslCertificate> served = socket.peerCertificateChain();
    r.servedCount = int(served.size());
    r.servedSizes.clear();
    for (const QSslCertificate& c : served)
        r.servedSizes.append(int(c.toDer().size()));
    r.chain = served.mid(0, ChainAnalysis::maxServed); // what the checks look at, bounded
}

} // namespace

TlsProbe::~TlsProbe()
{
    releaseSockets();
    releaseDirect();
}

bool TlsProbe::succeeded() const
{
    return m_context.tls && m_context.tls->handshakeOk;
}

QString TlsProbe::stepText() const
{
    if (isFinished() || !m_context.tls)
        return QString();
    const QString host = m_context.target().host();
    if (m_mainDone)
        return tr("Comparing with a direct TLS handshake with %1 (%2)…")
            .arg(host, m_directSeen.address.toString());
    switch (m_step) {
    case Step::Connecting:
        if (m_proxy)
            return tr("Opening a tunnel to %1 port %2 through the proxy %3…")
                .arg(host)
                .arg(m_context.target().port())
                .arg(m_proxy->display());
        return tr("Connecting to %1 (%2) on port %3…")
            .arg(host, m_context.tls->address.toString())
            .arg(m_context.target().port());
    case Step::Handshaking:
        return tr("TLS handshake with %1…").arg(host);
    case Step::AwaitingAnswer:
        return tr("Waiting for the first answer of %1 after the TLS handshake…").arg(host);
    case Step::Sniffing:
        return tr("Asking %1 in plain HTTP on port %2…").arg(host).arg(m_context.target().port());
    }
    return QString();
}

void TlsProbe::setStep(Step step)
{
    if (m_step == step)
        return;
    m_step = step;
    emit stepChanged();
}

void TlsProbe::run()
{
    m_connectTimer.setSingleShot(true);
    connect(&m_connectTimer, &QTimer::timeout, this, &TlsProbe::onConnectTimeout);
    m_postHandshakeTimer.setSingleShot(true);
    connect(&m_postHandshakeTimer, &QTimer::timeout, this, [this] { confirmAfterHandshake(QString()); });
    m_context.tls = TlsResult{};
    m_proxy = m_context.proxyFor(m_context.target().host(), m_context.target().port());
    if (m_proxy)
        m_context.tls->proxy = m_proxy->display();
    if (!m_proxy && (!m_context.dns || m_context.dns->addresses.isEmpty())) {
        finishWithError(QStringLiteral("connect"), tr("No address to connect to."));
        return;
    }
    if (m_proxy)
        startDirect();
    tryAddress(0);
}

void TlsProbe::startDirect()
{
    m_context.tls->directView = TlsResult::DirectView::Unavailable;
    if (!m_context.dns || m_context.dns->addresses.isEmpty()) {
        m_context.tls->directError = tr("this computer does not resolve %1").arg(m_context.target().host());
        return;
    }
    m_directPending = true;
    m_directSeen = TlsResult{};
    m_directSeen.address = m_context.dns->addresses.constFirst();
    auto* socket = new QSslSocket(this);
    m_direct = socket;
    QSslConfiguration config = observingTlsConfiguration();
    config.setCaCertificates({});
    socket->setSslConfiguration(config);
    socket->setProxy(QNetworkProxy(QNetworkProxy::NoProxy));
    connect(socket, &QSslSocket::sslErrors, socket,
            [socket](const QList<QSslError>&) { socket->ignoreSslErrors(); });
    connect(socket, &QSslSocket::encrypted, this, [this, socket] {
        recordHandshake(*socket, m_directSeen);
        endDirect(QString());
    });
    connect(socket, &QSslSocket::errorOccurred, this, [this, socket] { endDirect(socket->errorString()); });
    m_directTimer.setSingleShot(true);
    connect(&m_directTimer, &QTimer::timeout, this,
            [this] { endDirect(tr("no TLS answer from %1 in time").arg(m_directSeen.address.toString())); });
    m_directTimer.start(m_context.options.probeTimeoutMs);
    socket->connectToHostEncrypted(m_directSeen.address.toString(), m_context.target().port(),
                                   m_context.target().host());
}

void TlsProbe::endDirect(const QString& error)
{
    if (!m_directPending)
        return;
    m_directPending = false;
    m_directTimer.stop();
    if (!m_directSeen.handshakeOk)
        m_context.tls->directError = error;
    releaseDirect();
    if (m_mainDone)
        conclude();
}

void TlsProbe::releaseDirect()
{
    if (m_direct) {
        m_direct->disconnect(this);
        m_direct->abort();
        m_direct->deleteLater();
        m_direct = nullptr;
    }
}

void TlsProbe::mainDone()
{
    if (m_mainDone)
        return;
    releaseSockets();
    m_mainDone = true;
    if (!m_directPending) {
        conclude();
        return;
    }
    // The proxied handshake is what this computer can rely on; the direct one is a comparison
    // and gets a short grace, not the whole budget again (a firewall that drops it would
    // otherwise hold every proxied run for the probe timeout).
    const int graceMs = std::min(m_context.options.probeTimeoutMs, 1500);
    if (m_directTimer.remainingTime() < 0 || m_directTimer.remainingTime() > graceMs)
        m_directTimer.start(graceMs);
    emit stepChanged();
}

void TlsProbe::conclude()
{
    TlsResult& r = *m_context.tls;
    if (r.directView != TlsResult::DirectView::NotTried && r.handshakeOk && m_directSeen.handshakeOk) {
        const bool sameLeaf = !r.chain.isEmpty() && !m_directSeen.chain.isEmpty() &&
                              r.chain.constFirst() == m_directSeen.chain.constFirst();
        if (sameLeaf) {
            r.directView = TlsResult::DirectView::Same;
        } else {
            // The proxy presented its own certificate: what Jira Cloud and GitLab.com see is what
            // the server sends directly, so the TLS checks judge that.
            r.directView = TlsResult::DirectView::Intercepted;
            r.proxyChain = r.chain;
            r.protocol = m_directSeen.protocol;
            r.cipher = m_directSeen.cipher;
            r.keyExchange = m_directSeen.keyExchange;
            r.ephemeralKeyBits = m_directSeen.ephemeralKeyBits;
            r.ephemeralKeyDer = m_directSeen.ephemeralKeyDer;
            r.chain = m_directSeen.chain;
            r.servedCount = m_directSeen.servedCount;
            r.servedSizes = m_directSeen.servedSizes;
        }
    } else if (r.directView != TlsResult::DirectView::NotTried && m_directSeen.handshakeOk) {
        r.directView = TlsResult::DirectView::Unavailable;
        r.directError = tr("the handshake through the proxy failed, so there is nothing to compare");
    }
    finish();
}

void TlsProbe::tryAddress(int index)
{
    m_addressIndex = index;
    m_tcpConnected = false;
    m_connectedAt = 0;
    // Through a proxy the proxy resolves the name: no address of ours.
    const QHostAddress address = m_proxy ? QHostAddress() : m_context.dns->addresses.at(index);
    m_context.tls->address = address;
    // The address is part of the text: a second address is a new step.
    m_step = Step::Connecting;
    emit stepChanged();

    auto* socket = new QSslSocket(this);
    m_socket = socket;
    // What GitLab.com's and Atlassian's clients offer: TLS 1.2 and 1.3. A server limited to
    // TLS 1.0/1.1 then answers with a protocol_version alert, which tls.protocol names. Any
    // certificate and any key exchange: the checks judge them (http/observingtls.h).
    QSslConfiguration config = observingTlsConfiguration();
    config.setCaCertificates({});
    socket->setSslConfiguration(config);

    connect(socket, &QSslSocket::connected, this, [this] {
        m_tcpConnected = true;
        m_connectedAt = elapsedMs();
        m_connectTimer.stop();
        setStep(Step::Handshaking);
    });
    const int addresses = addressCount();
    if (addresses > 1)
        m_connectTimer.start(std::max(500, m_context.options.probeTimeoutMs / addresses));
    connect(socket, &QSslSocket::encrypted, this, &TlsProbe::onEncrypted);
    connect(socket, &QSslSocket::errorOccurred, this, &TlsProbe::onError);
    connect(socket, &QSslSocket::sslErrors, socket, [socket](const QList<QSslError>&) {
        socket->ignoreSslErrors(); // VerifyNone already; certificate problems are analysed later
    });
    qCDebug(lcTls) << "handshake with" << address << m_context.target().port() << "SNI"
                   << m_context.target().host();
    socket->setProxy(m_proxy ? m_proxy->toNetworkProxy() : QNetworkProxy(QNetworkProxy::NoProxy));
    socket->connectToHostEncrypted(m_proxy ? m_context.target().host() : address.toString(),
                                   m_context.target().port(), m_context.target().host());
}

int TlsProbe::addressCount() const
{
    return m_proxy ? 1 : int(m_context.dns->addresses.size());
}

void TlsProbe::onEncrypted()
{
    if (!m_socket || isFinished())
        return;
    TlsResult& r = *m_context.tls;
    r.connected = true;
    r.connectMs = m_connectedAt;
    r.handshakeMs = elapsedMs() - m_connectedAt;
    r.durationMs = elapsedMs();
    recordHandshake(*m_socket, r);
    if (r.chain.isEmpty()) {
        finishWithError(QStringLiteral("no-certificate"),
                        tr("The server completed the handshake without a certificate."));
        return;
    }
    // A server that requires a client certificate says so only after the handshake: with TLS 1.3
    // in an alert, with TLS 1.2 (nginx "ssl_verify_client on") in its first answer, a 400 whose
    // page says "No required SSL certificate was sent". Send a request and wait briefly for the
    // first answer (or that alert); GET, not HEAD: the page is the signal.
    m_awaitingAnswer = true;
    setStep(Step::AwaitingAnswer);
    connect(m_socket, &QSslSocket::readyRead, this, [this] {
        // Up to a few KiB: nginx's error page is small, and nothing else is looked at.
        m_firstAnswer += m_socket->read(kFirstAnswerLimit - m_firstAnswer.size());
        if (m_firstAnswer.size() >= kFirstAnswerLimit || m_firstAnswer.contains("</html>"))
            confirmAfterHandshake(QString());
    });
    connect(m_socket, &QSslSocket::disconnected, this, [this] { confirmAfterHandshake(QString()); });
    m_firstAnswer.clear();
    m_socket->write("GET / HTTP/1.0\r\nHost: " + m_context.target().host().toLatin1() + "\r\n\r\n");
    m_postHandshakeTimer.start(2000);
}

void TlsProbe::confirmAfterHandshake(const QString& errorText)
{
    if (!m_awaitingAnswer || isFinished())
        return;
    m_awaitingAnswer = false;
    m_postHandshakeTimer.stop();
    TlsResult& r = *m_context.tls;
    if (containsAny(errorText, {"certificate required", "handshake failure", "alert bad certificate"})) {
        // The handshake itself completed (the chain is there to judge): tls.client_certificate says it.
        r.clientCertificateRequired = true;
        r.clientCertificateSignal = tr("TLS alert after the handshake: %1").arg(errorText);
        r.rawError = errorText;
    } else if (m_firstAnswer.startsWith("HTTP/") && m_firstAnswer.mid(9, 3) == "400" &&
               m_firstAnswer.contains("No required SSL certificate was sent")) {
        r.clientCertificateRequired = true;
        r.clientCertificateSignal = tr("first answer: 400 \"No required SSL certificate was sent\"");
    }
    mainDone();
}

void TlsProbe::onConnectTimeout()
{
    if (!m_socket || isFinished() || m_tcpConnected)
        return;
    const QString address = m_context.tls->address.toString();
    m_lastConnectError = tr("%1 did not accept the connection in time").arg(address);
    releaseSockets();
    if (m_addressIndex + 1 < addressCount()) {
        tryAddress(m_addressIndex + 1);
        return;
    }
    finishWithError(QStringLiteral("connect-timeout"),
                    tr("No address of %1 accepted a TCP connection on port %2 in time.")
                        .arg(m_context.target().host())
                        .arg(m_context.target().port()));
}

void TlsProbe::onError()
{
    if (!m_socket || isFinished())
        return;
    const QAbstractSocket::SocketError error = m_socket->error();
    const QString text = m_socket->errorString();
    if (m_awaitingAnswer) {
        confirmAfterHandshake(text);
        return;
    }
    m_connectTimer.stop();
    const bool wasConnected = m_tcpConnected || m_socket->state() == QAbstractSocket::ConnectedState ||
                              error == QAbstractSocket::SslHandshakeFailedError ||
                              error == QAbstractSocket::RemoteHostClosedError;
    TlsResult& r = *m_context.tls;
    r.rawError = text;
    if (!wasConnected) {
        m_lastConnectError = text;
        releaseSockets();
        if (const QString proxyError =
                HttpExchange::proxyErrorText(error, m_context.tls->proxy, m_context.target().host(), text);
            !proxyError.isEmpty()) {
            finishWithError(error == QAbstractSocket::ProxyAuthenticationRequiredError
                                ? QStringLiteral("proxy-auth")
                                : QStringLiteral("proxy"),
                            proxyError);
            return;
        }
        if (m_addressIndex + 1 < addressCount()) {
            tryAddress(m_addressIndex + 1);
            return;
        }
        finishWithError(QStringLiteral("connect"),
                        tr("No address of %1 accepted a connection on port %2 (%3).")
                            .arg(m_context.target().host())
                            .arg(m_context.target().port())
                            .arg(text));
        return;
    }
    r.connected = true;
    r.connectMs = m_connectedAt;
    if (error == QAbstractSocket::RemoteHostClosedError) {
        finishWithError(QStringLiteral("closed"),
                        tr("The server closed the connection during the TLS handshake (no TLS on this port, "
                           "or the server rejected this client's offer)."));
        return;
    }
    if (containsAny(text, {"unsupported protocol", "protocol version", "no protocols available",
                           "version too low", "legacy sigalg"})) {
        finishWithError(
            QStringLiteral("protocol-version"),
            tr("The server offers only TLS versions older than 1.2, which clients refuse (%1).").arg(text));
        return;
    }
    if (containsAny(text, {"key too small", "dh key too small"})) {
        finishWithError(QStringLiteral("key-too-small"),
                        tr("The server's key is too small for today's TLS clients (%1): use RSA 2048 bits or "
                           "more, or EC P-256.")
                            .arg(text));
        return;
    }
    if (containsAny(text, {"no shared cipher", "no cipher"})) {
        finishWithError(
            QStringLiteral("no-shared-cipher"),
            tr("The server and a current TLS client have no cipher suite in common (%1).").arg(text));
        return;
    }
    if (containsAny(text, {"certificate required"})) {
        finishWithError(
            QStringLiteral("client-certificate"),
            tr("The server requires a client certificate (%1): GitLab.com and Jira Cloud have none to "
               "offer.")
                .arg(text));
        return;
    }
    if (containsAny(text, {"handshake failure"})) {
        finishWithError(
            QStringLiteral("handshake-refused"),
            tr("The server refused the handshake (handshake_failure): usually no shared cipher suite or "
               "signature algorithm, or it requires a client certificate (%1).")
                .arg(text));
        return;
    }
    if (containsAny(text, {"excessive message size"})) {
        finishWithError(
            QStringLiteral("chain-too-large"),
            tr("The server's certificate message is larger than TLS clients accept (about 100 KiB): a "
               "chain of far too many certificates, or a certificate with thousands of names."));
        return;
    }
    if (containsAny(text, {"wrong version number", "packet length too long", "unknown protocol",
                           "record layer failure", "http request"})) {
        sniffPlainHttp();
        return;
    }
    finishWithError(QStringLiteral("handshake"), tr("The TLS handshake failed: %1.").arg(text));
}

void TlsProbe::sniffPlainHttp()
{
    const QHostAddress address = m_context.tls->address;
    const QString host = m_context.target().host();
    releaseSockets();
    setStep(Step::Sniffing);
    auto* sniffer = new QTcpSocket(this);
    m_sniffer = sniffer;
    auto conclude = [this, sniffer] {
        if (isFinished() || m_sniffer != sniffer)
            return;
        const QByteArray head = sniffer->peek(16);
        if (head.startsWith("HTTP/"))
            finishWithError(QStringLiteral("plain-http"),
                            tr("The server answers plain HTTP on port %1 instead of TLS: it is not "
                               "configured for HTTPS on this port (nginx: \"listen %1 ssl\").")
                                .arg(m_context.target().port()));
        else
            finishWithError(QStringLiteral("handshake"), tr("The server does not speak TLS on port %1 (%2).")
                                                             .arg(m_context.target().port())
                                                             .arg(m_context.tls->rawError));
    };
    connect(sniffer, &QTcpSocket::connected, sniffer,
            [sniffer, host] { sniffer->write("HEAD / HTTP/1.0\r\nHost: " + host.toLatin1() + "\r\n\r\n"); });
    connect(sniffer, &QTcpSocket::readyRead, this, [sniffer, conclude] {
        if (sniffer->bytesAvailable() >= 5)
            conclude();
    });
    connect(sniffer, &QTcpSocket::errorOccurred, this, conclude);
    if (m_proxy) {
        sniffer->setProxy(m_proxy->toNetworkProxy());
        sniffer->connectToHost(host, m_context.target().port());
    } else {
        sniffer->setProxy(QNetworkProxy(QNetworkProxy::NoProxy));
        sniffer->connectToHost(address, m_context.target().port());
    }
}

void TlsProbe::finishWithError(const QString& code, const QString& error)
{
    TlsResult& r = *m_context.tls;
    r.handshakeOk = false;
    r.errorCode = code;
    r.error = error;
    r.durationMs = elapsedMs();
    mainDone();
}

void TlsProbe::releaseSockets()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    if (m_sniffer) {
        m_sniffer->disconnect(this);
        m_sniffer->abort();
        m_sniffer->deleteLater();
        m_sniffer = nullptr;
    }
}

void TlsProbe::stop(AbortReason reason, int timeoutMs)
{
    TlsResult& r = *m_context.tls;
    if (m_directPending) {
        m_directPending = false;
        m_directTimer.stop();
        releaseDirect();
        r.directError = reason == AbortReason::Cancelled ? tr("cancelled") : tr("no TLS answer in time");
    }
    if (m_mainDone)
        return; // only the comparison was outstanding: the proxied handshake's result stands
    m_connectTimer.stop();
    m_postHandshakeTimer.stop();
    if (m_awaitingAnswer && reason != AbortReason::Cancelled) {
        // The handshake succeeded; only the courtesy answer is missing.
        m_awaitingAnswer = false;
        releaseSockets();
        return;
    }
    m_awaitingAnswer = false;
    const bool connected =
        m_tcpConnected || (m_socket && m_socket->state() == QAbstractSocket::ConnectedState) || m_sniffer;
    releaseSockets();
    r.handshakeOk = false;
    r.connected = connected;
    r.durationMs = elapsedMs();
    if (reason == AbortReason::Cancelled) {
        r.errorCode = QStringLiteral("cancelled");
        r.error = tr("Cancelled.");
        return;
    }
    r.errorCode = QStringLiteral("timeout");
    r.error =
        connected
            ? tr("The server accepted the TCP connection but did not complete the TLS handshake within %1 s.")
                  .arg(timeoutMs / 1000.0)
            : tr("No TLS connection to %1 port %2 within %3 s.")
                  .arg(m_proxy ? m_context.target().host() : r.address.toString())
                  .arg(m_context.target().port())
                  .arg(timeoutMs / 1000.0);
}

} // namespace gjd
