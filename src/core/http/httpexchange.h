// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "httpresponseparser.h"
#include "proxyconfig.h"

#include <QAbstractSocket>
#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QSslCertificate>
#include <QTimer>
#include <QUrl>

class QSslSocket;

namespace gjd {

struct HttpRequest
{
    QByteArray method = "GET";
    QUrl url;            // https://host[:port]/path[?query]
    HttpHeaders headers; // sent as given, after Host/User-Agent/Accept/Connection; an Accept
                         // here replaces the default "Accept: */*"
    QByteArray body;
    // Connect here instead of resolving the URL's host (--resolve, or the address DNS gave);
    // the URL's host stays the SNI name and the Host header.
    QHostAddress address;
    // Further addresses of the same host, tried in order when a connection fails; with more than
    // one address each gets connectTimeoutMs to connect (a silent address must not eat the budget).
    QList<QHostAddress> fallbackAddresses;
    int connectTimeoutMs = 0;
    // The proxies to tunnel through (HTTP CONNECT), decided per URL, so also for redirects. A URL
    // whose host has `address` goes direct: --resolve names where to connect.
    ProxyConfig proxy;
    int maxRedirects = 0; // 0: report a redirect as the answer
    qint64 maxBodyBytes = 1024 * 1024;
    // Secret header (PRIVATE-TOKEN): sent only over https to a server whose certificate verifies
    // against `trustedCas` + the system store, and never to another origin after a redirect.
    // Its value never reaches a transcript, a log or an error message.
    QByteArray secretHeaderName;
    QByteArray secretHeaderValue;
    QList<QSslCertificate> trustedCas; // for requests that carry a secret
};

struct HttpHop
{
    QUrl url;
    int status = 0;
    QByteArray location;
};

struct HttpResponse
{
    // Transport outcome. errorCode is empty when an HTTP answer was read completely.
    QString errorCode; // "timeout", "cancelled", "connect", "tls", "untrusted", "closed", "protocol",
                       // "too-large", "redirect-loop", "too-many-redirects", "insecure", "cross-origin",
                       // "proxy-auth", "proxy" (the proxy asked for credentials, or refused the tunnel)
    QString error;     // translated one-liner

    int status = 0; // of the last answer
    QByteArray reason;
    HttpHeaders headers;
    QByteArray body; // at most maxBodyBytes
    bool bodyTruncated = false;
    QList<HttpHop> hops; // every answer that redirected, in order
    QUrl finalUrl;
    QHostAddress peerAddress;
    QString proxy; // the proxy the last connection went through (ProxyServer::display()), or empty
    qint64 durationMs = 0;
    QByteArray transcript; // request and response heads (+ body start), secrets removed

    bool hasAnswer() const { return status > 0; }
    QByteArray header(const QByteArray& name) const; // first value, case-insensitive; empty if none
    QList<QByteArray> headerValues(const QByteArray& name) const;
    bool isJson() const; // content type says JSON
};

// One HTTP/1.1 request over a fresh TLS connection, with a hard cap on what it reads and manual
// redirects. Written for probing servers that may be hostile or broken: nothing is trusted, no
// size is believed, every wait is bounded by the caller (abort()).
//
//   start() → connect (address or host) → TLS (SNI = URL host) → request → status line → headers
//           → body (Content-Length | chunked | until close, capped) → [redirect → again] → finished()
class HttpExchange : public QObject
{
    Q_OBJECT

public:
    explicit HttpExchange(QObject* parent = nullptr);
    ~HttpExchange() override;

    void start(const HttpRequest& request);
    // Ends the exchange now with the given error code ("timeout", "cancelled"); emits finished().
    void abort(const QString& code, const QString& error);
    bool isFinished() const { return m_finished; }
    const HttpResponse& response() const { return m_response; }

    // Where the exchange is, for a progress display and for what a timeout says was received.
    enum class Step
    {
        Idle,
        Connecting,    // TCP connect (also while the system trust store loads)
        Handshaking,   // TCP connected, TLS handshake
        Waiting,       // request sent, nothing received yet
        ReceivingHead, // part of the status line and headers received
        ReceivingBody, // headers received, body incomplete
        Done
    };
    Step step() const { return m_step; }
    // The current step in words, translated: "TLS handshake with gitlab.example.com…",
    // "Waiting for GET /-/jira_connect/app_descriptor.json on gitlab.example.com…"; empty when idle
    // or done. stepChanged() when it changes.
    QString stepText() const;
    // What a timeout now says: how long, and what was received ("Timed out after 10 s with the
    // headers received (200 OK) and the body incomplete (512 bytes received)."). Callers put it
    // after "… gave no complete answer:", so it never says that again.
    QString timeoutText(int timeoutMs) const;

    static constexpr int maxHeaderBytes = HttpResponseParser::maxHeaderBytes;
    // The body with the values of secret-holding JSON fields replaced by [REDACTED].
    static QByteArray redactSecretFields(const QByteArray& body);
    // What a socket error means when the connection goes through `proxy` (its display()): the
    // proxy asked for credentials, cannot be reached, or refused the tunnel; empty when the
    // error is not the proxy's (or there is no proxy). Never names the proxy's credentials.
    static QString proxyErrorText(QAbstractSocket::SocketError error, const QString& proxy,
                                  const QString& host, const QString& qtText);

signals:
    void finished();
    void stepChanged();

private:
    enum class State
    {
        Idle,
        Connecting,
        Reading, // the request is sent; m_parser reads the answer
        Done
    };

    void connectTo(const QUrl& url);
    bool tryNextAddress();
    void sendRequest();
    void onReadyRead();
    void onDisconnected();
    void onSocketError();
    void handle(HttpResponseParser::Result result);
    void captureParsed();
    void messageComplete();
    void fail(const QString& code, const QString& error);
    void finish();
    void setStep(Step step);
    void releaseSocket();
    bool sendsSecret() const;
    QByteArray requestHead(bool forTranscript) const;

    HttpRequest m_request;
    HttpResponse m_response;
    QUrl m_currentUrl;
    QPointer<QSslSocket> m_socket;
    HttpResponseParser m_parser;
    bool m_headLogged = false; // this hop's response head is in the transcript
    State m_state = State::Idle;
    Step m_step = Step::Idle;
    bool m_finished = false;
    qint64 m_started = 0;
    QList<QUrl> m_visited;
    QTimer m_connectTimer;
    int m_addressIndex = 0; // 0: request.address, n: fallbackAddresses[n - 1]
};

} // namespace gjd
