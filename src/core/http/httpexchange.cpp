// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpexchange.h"

#include "observingtls.h"
#include "systemcas.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSslConfiguration>
#include <QSslSocket>

#include <algorithm>

Q_LOGGING_CATEGORY(lcHttp, "gjd.http", QtInfoMsg)

namespace gjd {

namespace {

constexpr int transcriptBodyBytes = 2048;

quint16 defaultPort(const QUrl& url)
{
    return static_cast<quint16>(url.port(url.scheme() == QLatin1String("http") ? 80 : 443));
}

bool sameOrigin(const QUrl& a, const QUrl& b)
{
    return a.scheme() == b.scheme() && a.host() == b.host() && defaultPort(a) == defaultPort(b);
}

QByteArray target(const QUrl& url)
{
    QByteArray path = url.path(QUrl::FullyEncoded).toLatin1();
    if (path.isEmpty())
        path = "/";
    if (url.hasQuery())
        path += '?' + url.query(QUrl::FullyEncoded).toLatin1();
    return path;
}

qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

QByteArray HttpResponse::header(const QByteArray& name) const
{
    for (const auto& h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return QByteArray();
}

QList<QByteArray> HttpResponse::headerValues(const QByteArray& name) const
{
    QList<QByteArray> out;
    for (const auto& h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            out.append(h.second);
    }
    return out;
}

bool HttpResponse::isJson() const
{
    const QByteArray type = header("Content-Type").toLower();
    return type.startsWith("application/json") || type.contains("+json");
}

HttpExchange::HttpExchange(QObject* parent)
    : QObject(parent)
{
    m_connectTimer.setSingleShot(true);
    connect(&m_connectTimer, &QTimer::timeout, this, [this] {
        if (m_state == State::Connecting && !tryNextAddress())
            fail(QStringLiteral("connect"),
                 tr("No address of %1 accepted a connection in time.").arg(m_currentUrl.host()));
    });
}

bool HttpExchange::tryNextAddress()
{
    // Only for the first hop (the addresses belong to the request's host).
    if (m_currentUrl != m_request.url || m_addressIndex >= m_request.fallbackAddresses.size())
        return false;
    ++m_addressIndex;
    connectTo(m_currentUrl);
    return true;
}

HttpExchange::~HttpExchange()
{
    releaseSocket();
}

bool HttpExchange::sendsSecret() const
{
    return !m_request.secretHeaderName.isEmpty();
}

void HttpExchange::start(const HttpRequest& request)
{
    m_request = request;
    m_started = now();
    m_currentUrl = request.url;
    m_visited = {request.url};
    if (sendsSecret() && request.url.scheme() != QLatin1String("https")) {
        // Never over plain HTTP, whatever the caller asked.
        fail(QStringLiteral("insecure"), tr("A token is never sent over plain http://."));
        return;
    }
    if (sendsSecret() && !systemcas::ready()) {
        // Verifying the server needs the system store, loaded off this thread; go on when it is.
        m_state = State::Connecting;
        systemcas::whenReady(this, [this] {
            if (!m_finished)
                connectTo(m_request.url);
        });
        return;
    }
    connectTo(request.url);
}

void HttpExchange::connectTo(const QUrl& url)
{
    releaseSocket();
    m_state = State::Connecting;
    setStep(Step::Connecting);
    HttpResponseParser::Limits limits;
    limits.maxBodyBytes = m_request.maxBodyBytes;
    limits.headRequest = m_request.method == "HEAD";
    m_parser = HttpResponseParser(limits);
    m_headLogged = false;
    m_response.status = 0;
    m_response.reason.clear();
    m_response.headers.clear();
    m_response.body.clear();
    m_response.bodyTruncated = false;
    m_response.finalUrl = url;

    auto* socket = new QSslSocket(this);
    m_socket = socket;
    const bool tls = url.scheme() == QLatin1String("https");
    // Anonymous probes look at whatever answers, as the TLS probe does: the TLS checks judge
    // the certificate and the key exchange by the product's rules.
    QSslConfiguration config = observingTlsConfiguration();
    if (sendsSecret()) {
        // A token only goes to a server that proves its name, at this machine's OpenSSL policy.
        config = QSslConfiguration::defaultConfiguration();
        config.setProtocol(QSsl::TlsV1_2OrLater);
        config.setPeerVerifyMode(QSslSocket::VerifyPeer);
        config.setCaCertificates(systemcas::certificates() + m_request.trustedCas);
    }
    socket->setSslConfiguration(config);
    socket->setReadBufferSize(256 * 1024);

    connect(socket, &QSslSocket::readyRead, this, &HttpExchange::onReadyRead);
    connect(socket, &QSslSocket::disconnected, this, &HttpExchange::onDisconnected);
    connect(socket, &QSslSocket::errorOccurred, this, &HttpExchange::onSocketError);
    if (tls) {
        connect(socket, &QSslSocket::connected, this, [this] { setStep(Step::Handshaking); });
        connect(socket, &QSslSocket::encrypted, this, &HttpExchange::sendRequest);
    } else {
        connect(socket, &QSslSocket::connected, this, &HttpExchange::sendRequest);
    }

    const QString host = url.host(QUrl::EncodeUnicode);
    const quint16 port = defaultPort(url);
    const QHostAddress address =
        m_addressIndex == 0 ? m_request.address : m_request.fallbackAddresses.value(m_addressIndex - 1);
    const bool useAddress = !address.isNull() && host == m_request.url.host(QUrl::EncodeUnicode) &&
                            port == defaultPort(m_request.url);
    // Through a proxy (CONNECT host:port, TLS end to end) unless --resolve named the address.
    const std::optional<ProxyServer> proxy = useAddress ? std::nullopt : m_request.proxy.proxyFor(url);
    socket->setProxy(proxy ? proxy->toNetworkProxy() : QNetworkProxy(QNetworkProxy::NoProxy));
    m_response.proxy = proxy ? proxy->display() : QString();
    const QString connectHost = useAddress ? address.toString() : host;
    if (useAddress && !m_request.fallbackAddresses.isEmpty() && m_request.connectTimeoutMs > 0) {
        connect(socket, &QSslSocket::connected, &m_connectTimer, &QTimer::stop);
        m_connectTimer.start(m_request.connectTimeoutMs);
    }
    qCDebug(lcHttp) << m_request.method << url.toDisplayString() << "via" << connectHost
                    << (proxy ? QStringLiteral("through ") + proxy->display() : QString());
    if (tls)
        socket->connectToHostEncrypted(connectHost, port, host);
    else
        socket->connectToHost(connectHost, port);
}

QByteArray HttpExchange::requestHead(bool forTranscript) const
{
    QByteArray head = m_request.method + ' ' + target(m_currentUrl) + " HTTP/1.1\r\n";
    QByteArray host = m_currentUrl.host(QUrl::EncodeUnicode).toLatin1();
    if (host.contains(':'))
        host = '[' + host + ']';
    const int port = m_currentUrl.port(-1);
    if (port > 0 && port != defaultPort(QUrl(m_currentUrl.scheme() + QStringLiteral("://x"))))
        host += ':' + QByteArray::number(port);
    head += "Host: " + host + "\r\n";
    head += "User-Agent: gitlab-jira-doctor/" GJD_VERSION "\r\n";
    // One Accept: the request's own (API calls ask for JSON, pages for HTML), else any type.
    const bool ownAccept =
        std::any_of(m_request.headers.cbegin(), m_request.headers.cend(),
                    [](const auto& h) { return h.first.compare("Accept", Qt::CaseInsensitive) == 0; });
    if (!ownAccept)
        head += "Accept: */*\r\n";
    head += "Connection: close\r\n";
    for (const auto& h : m_request.headers)
        head += h.first + ": " + h.second + "\r\n";
    if (sendsSecret() && sameOrigin(m_currentUrl, m_request.url))
        head += m_request.secretHeaderName + ": " +
                (forTranscript ? QByteArrayLiteral("[REDACTED]") : m_request.secretHeaderValue) + "\r\n";
    if (!m_request.body.isEmpty() || m_request.method == "POST" || m_request.method == "PUT")
        head += "Content-Length: " + QByteArray::number(m_request.body.size()) + "\r\n";
    head += "\r\n";
    return head;
}

void HttpExchange::sendRequest()
{
    if (!m_socket || m_finished)
        return;
    m_response.peerAddress = m_socket->peerAddress();
    const QByteArray head = requestHead(false);
    m_response.transcript += requestHead(true);
    if (!m_request.body.isEmpty() && !sendsSecret())
        m_response.transcript += m_request.body.left(transcriptBodyBytes) + "\r\n";
    m_socket->write(head);
    if (!m_request.body.isEmpty())
        m_socket->write(m_request.body);
    m_state = State::Reading;
    setStep(Step::Waiting);
}

void HttpExchange::onReadyRead()
{
    if (!m_socket || m_finished)
        return;
    if (m_state != State::Reading) {
        m_socket->readAll(); // nothing is expected before the request is sent
        return;
    }
    const QByteArray data = m_socket->readAll();
    if (!data.isEmpty() && m_step == Step::Waiting)
        setStep(Step::ReceivingHead);
    handle(m_parser.feed(data));
    // Unless the answer completed (finished, or a redirect connects anew).
    if (!m_finished && m_state == State::Reading && m_parser.headComplete())
        setStep(Step::ReceivingBody);
}

void HttpExchange::handle(HttpResponseParser::Result result)
{
    if (result == HttpResponseParser::Result::NeedMore || m_finished)
        return;
    captureParsed();
    if (result == HttpResponseParser::Result::Error) {
        fail(m_parser.errorCode(), m_parser.error());
        return;
    }
    messageComplete();
}

void HttpExchange::captureParsed()
{
    // What the answer said so far, also when it ends early (a timeout, a reset, a cap): a stalled
    // proxy's status and headers are what the admin needs to see.
    m_response.status = m_parser.status();
    m_response.reason = m_parser.reason();
    m_response.headers = m_parser.headers();
    m_response.body = m_parser.body();
    m_response.bodyTruncated = m_parser.bodyTruncated();
    if (m_parser.headComplete() && !m_headLogged) {
        m_headLogged = true;
        m_response.transcript +=
            "HTTP/1.1 " + QByteArray::number(m_response.status) + ' ' + m_response.reason + "\r\n";
        for (const auto& h : std::as_const(m_response.headers)) {
            const bool cookie = h.first.compare("Set-Cookie", Qt::CaseInsensitive) == 0;
            m_response.transcript +=
                h.first + ": " + (cookie ? QByteArrayLiteral("[REDACTED]") : h.second) + "\r\n";
        }
        m_response.transcript += "\r\n";
    }
}

// JSON string values of fields that hold secrets, also when the body start was cut inside the
// value: every key that ends in secret, token, password, passphrase, api key, private or signing
// key, dsn or credentials — the "secret" of a new OAuth application, Jira's sharedSecret, and the
// integrations' keys in GitLab's application settings (akismet_api_key, recaptcha_private_key,
// slack_app_secret, elasticsearch_password, sentry_dsn…), which GET /application/settings lists.
QByteArray HttpExchange::redactSecretFields(const QByteArray& body)
{
    static const QRegularExpression field(
        QStringLiteral("(\"[A-Za-z0-9_.-]*(?:secret|token|password|passwd|passphrase|api_?key|private_?key|"
                       "signing_?key|key_?pass|dsn|credentials?)\"\\s*:\\s*\")(?:[^\"\\\\]|\\\\.)*\"?"),
        QRegularExpression::CaseInsensitiveOption);
    if (!body.contains('"'))
        return body;
    QString text = QString::fromUtf8(body);
    if (!field.match(text).hasMatch())
        return body; // left byte for byte as it came
    text.replace(field, QStringLiteral("\\1[REDACTED]\""));
    return text.toUtf8();
}

void HttpExchange::messageComplete()
{
    m_state = State::Done;
    m_response.transcript += redactSecretFields(m_response.body.left(transcriptBodyBytes));
    if (m_response.body.size() > transcriptBodyBytes)
        m_response.transcript +=
            "\r\n[… " + QByteArray::number(m_response.body.size() - transcriptBodyBytes) + " more bytes]";
    m_response.transcript += "\r\n\r\n";

    const int status = m_response.status;
    const bool redirect = status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    const QByteArray location = m_response.header("Location");
    if (redirect && !location.isEmpty() && m_request.maxRedirects > 0) {
        m_response.hops.append({m_currentUrl, status, location});
        const QUrl next = m_currentUrl.resolved(QUrl::fromEncoded(location));
        if (!next.isValid() ||
            (next.scheme() != QLatin1String("https") && next.scheme() != QLatin1String("http"))) {
            fail(QStringLiteral("protocol"), tr("The server redirected to an invalid location."));
            return;
        }
        if (m_visited.contains(next)) {
            fail(QStringLiteral("redirect-loop"),
                 tr("The server redirects in a loop (%1 is reached again).").arg(next.toDisplayString()));
            return;
        }
        if (m_response.hops.size() > m_request.maxRedirects) {
            fail(QStringLiteral("too-many-redirects"),
                 tr("More than %1 redirects.").arg(m_request.maxRedirects));
            return;
        }
        m_visited.append(next);
        m_currentUrl = next;
        if (status == 303) {
            m_request.method = "GET";
            m_request.body.clear();
        }
        connectTo(next);
        return;
    }
    finish();
}

void HttpExchange::onDisconnected()
{
    if (m_finished)
        return;
    if (m_state == State::Reading) {
        handle(m_parser.endOfStream());
        return;
    }
    if (m_state == State::Done)
        return;
    fail(QStringLiteral("closed"), tr("The server closed the connection without answering."));
}

void HttpExchange::onSocketError()
{
    if (!m_socket || m_finished)
        return;
    const auto error = m_socket->error();
    if (error == QAbstractSocket::RemoteHostClosedError) {
        onDisconnected();
        return;
    }
    const QString text = m_socket->errorString();
    if (error == QAbstractSocket::SslHandshakeFailedError) {
        if (sendsSecret() && !m_socket->sslHandshakeErrors().isEmpty())
            fail(QStringLiteral("untrusted"),
                 tr("The certificate of %1 could not be verified (%2), so the token was not sent.")
                     .arg(m_currentUrl.host(), m_socket->sslHandshakeErrors().constFirst().errorString()));
        else
            fail(QStringLiteral("tls"), tr("TLS failed: %1.").arg(text));
        return;
    }
    if (const QString proxyError = proxyErrorText(error, m_response.proxy, m_currentUrl.host(), text);
        !proxyError.isEmpty()) {
        fail(error == QAbstractSocket::ProxyAuthenticationRequiredError ? QStringLiteral("proxy-auth")
                                                                        : QStringLiteral("proxy"),
             proxyError);
        return;
    }
    if (m_state == State::Connecting) {
        m_connectTimer.stop();
        if (tryNextAddress())
            return;
        fail(QStringLiteral("connect"), tr("Could not connect to %1: %2.").arg(m_currentUrl.host(), text));
    } else
        fail(QStringLiteral("closed"), tr("The connection failed: %1.").arg(text));
}

QString HttpExchange::proxyErrorText(QAbstractSocket::SocketError error, const QString& proxy,
                                     const QString& host, const QString& qtText)
{
    if (proxy.isEmpty())
        return QString();
    switch (error) {
    case QAbstractSocket::ProxyAuthenticationRequiredError:
        return tr("The proxy %1 asks for credentials (407 Proxy Authentication Required) before it "
                  "opens a tunnel to %2.")
            .arg(proxy, host);
    case QAbstractSocket::ProxyConnectionRefusedError:
    case QAbstractSocket::ProxyNotFoundError:
        return tr("The proxy %1 cannot be reached: %2.").arg(proxy, qtText);
    case QAbstractSocket::ProxyConnectionClosedError:
    case QAbstractSocket::ProxyConnectionTimeoutError:
    case QAbstractSocket::ProxyProtocolError:
    case QAbstractSocket::SocketAccessError:
        return tr("The proxy %1 did not open a tunnel (CONNECT) to %2: %3.").arg(proxy, host, qtText);
    default:
        return QString();
    }
}

void HttpExchange::abort(const QString& code, const QString& error)
{
    if (m_finished)
        return;
    fail(code, error);
}

void HttpExchange::fail(const QString& code, const QString& error)
{
    if (m_finished)
        return;
    if (m_state == State::Reading)
        captureParsed();
    m_response.errorCode = code;
    m_response.error = error;
    finish();
}

void HttpExchange::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_state = State::Done;
    m_step = Step::Done; // no stepChanged(): finished() says it
    m_response.durationMs = now() - m_started;
    releaseSocket();
    emit finished();
}

void HttpExchange::setStep(Step step)
{
    if (m_step == step)
        return;
    m_step = step;
    emit stepChanged();
}

QString HttpExchange::stepText() const
{
    const QString host = m_currentUrl.host();
    // The path without the query: short, and the query may carry what a progress line need not show.
    QString path = m_currentUrl.path();
    if (path.isEmpty())
        path = QStringLiteral("/");
    if (path.size() > 60)
        path = path.left(59) + QStringLiteral("…");
    const QString method = QString::fromLatin1(m_request.method);
    switch (m_step) {
    case Step::Idle:
    case Step::Done:
        return QString();
    case Step::Connecting:
        return tr("Connecting to %1…").arg(host);
    case Step::Handshaking:
        return tr("TLS handshake with %1…").arg(host);
    case Step::Waiting:
        return tr("Waiting for %1 %2 on %3…").arg(method, path, host);
    case Step::ReceivingHead:
    case Step::ReceivingBody:
        return tr("Receiving the answer to %1 %2 from %3…").arg(method, path, host);
    }
    return QString();
}

QString HttpExchange::timeoutText(int timeoutMs) const
{
    const double seconds = timeoutMs / 1000.0;
    switch (m_step) {
    case Step::Connecting:
        return tr("Timed out after %1 s while connecting to %2.").arg(seconds).arg(m_currentUrl.host());
    case Step::Handshaking:
        return tr("Timed out after %1 s during the TLS handshake with %2.")
            .arg(seconds)
            .arg(m_currentUrl.host());
    case Step::Waiting:
        return tr("Timed out after %1 s with the request sent and nothing received.").arg(seconds);
    case Step::ReceivingHead:
        return tr("Timed out after %1 s with the status line and headers received only in part.")
            .arg(seconds);
    case Step::ReceivingBody: {
        const QString status = QStringLiteral("%1 %2")
                                   .arg(m_parser.status())
                                   .arg(QString::fromLatin1(m_parser.reason()))
                                   .trimmed();
        // The body is capped (maxBodyBytes), so it always fits an int.
        const int received = int(m_parser.body().size());
        return tr("Timed out after %1 s with the headers received (%2) and the body incomplete (%n byte(s) "
                  "received).",
                  nullptr, received)
            .arg(seconds)
            .arg(status);
    }
    case Step::Idle:
    case Step::Done:
        break;
    }
    return tr("Timed out after %1 s.").arg(seconds);
}

void HttpExchange::releaseSocket()
{
    m_connectTimer.stop();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
}

} // namespace gjd
