// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "controlnames.h"
#include "finding.h"
#include "http/httpexchange.h"
#include "instanceurl.h"
#include "tls/chainanalysis.h"

#include <QDateTime>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QSslCertificate>
#include <QString>

#include <optional>

namespace gjd {

enum class Method
{
    Marketplace,
    Manual,
    Proxy
};
QString methodId(Method method);
std::optional<Method> methodFromId(const QString& id);

// --resolve HOST:PORT:ADDRESS[,ADDRESS…], as curl has it.
struct ResolveOverride
{
    QString host; // ASCII, lowercase
    quint16 port = 0;
    QList<QHostAddress> addresses; // in the given order, at least one

    // Parses "host:port:address[,address…]" ("[v6]" allowed); nullopt with *error set.
    static std::optional<ResolveOverride> parse(const QString& text, QString* error);
    // "address[,address…]" ("[v6]" allowed); nullopt when one is not an IP address.
    static std::optional<QList<QHostAddress>> parseAddresses(const QString& text);
    // "Connect to ADDRESS[,ADDRESS…]" for the host and port of every valid URL in `urls` (the
    // desktop program's "Connect to address"); nullopt with *error when the addresses do not parse.
    static std::optional<QList<ResolveOverride>> forUrls(const QStringList& urls, const QString& addresses,
                                                         QString* error);
};

// A PEM bundle of CA certificates (--ca-file, --trust-store, the desktop program's private CA
// file): readable, at most 16 MiB, at least one certificate. nullopt with *error (translated,
// naming the file) otherwise.
std::optional<QList<QSslCertificate>> readPemBundle(const QString& path, QString* error);

// Everything a run needs from the user. Secrets never live here.
struct RunOptions
{
    QString url;
    QString publicUrl;                       // --public-url, empty when none
    QString jiraSite;                        // --jira-site, empty when none
    QString jiraEmail;                       // --jira-email
    QString method = QStringLiteral("auto"); // auto | marketplace | manual | proxy
    QList<ResolveOverride> resolve;
    QList<QSslCertificate> extraCaCertificates; // --ca-file: connect through them, never "public"
    QString extraCaSource;                      // the file name, for findings
    // What the remote side trusts. Empty with source "system": the system store, loaded in the
    // background (http/systemcas.h) so that the UI thread never waits for it.
    QList<QSslCertificate> trustStore;
    QString trustStoreSource = QStringLiteral("system"); // "system" or the file name
    int probeTimeoutMs = 10000;
    int runTimeoutMs = 0; // 0: derived from probeTimeoutMs
    QStringList only;     // ids or prefixes ("tls.")
    QStringList skip;
    QDateTime now; // invalid: the current time (tests pin it)
    // Whose controls the texts name (--ca-file, or the desktop program's fields).
    Frontend frontend = Frontend::Cli;
    // HTTP proxies for the probes (--proxy, --no-proxy, HTTPS_PROXY...): none by default.
    ProxyConfig proxy;
};

struct DnsResult
{
    bool ok = false;
    QList<QHostAddress> addresses;
    bool fromResolveOption = false;
    bool literalAddress = false;
    QString errorCode; // "nxdomain", "timeout", "lookup-failed", "no-address"
    QString error;     // translated
    qint64 durationMs = 0;
    // The proxy the connections go through (ProxyServer::display()), which resolves the name
    // itself: this machine's lookup is then only information. Empty: direct.
    QString proxy;
};

struct TcpAttempt
{
    QHostAddress address;
    bool connected = false;
    QString errorCode; // "refused", "timeout", "unreachable", "error"
    QString error;
    qint64 durationMs = 0;
};

struct TcpResult
{
    // Through a proxy: one attempt, the tunnel (CONNECT host:port) opened by `proxy`
    // (ProxyServer::display()); its address is null. Empty: direct, one attempt per address.
    QString proxy;
    QList<TcpAttempt> attempts;
    qint64 durationMs = 0;
    int connectedCount() const;
};

struct TlsResult
{
    bool connected = false; // TCP part
    bool handshakeOk = false;
    QHostAddress address; // null through a proxy
    QString proxy;        // the proxy whose tunnel carried the handshake (display()), or empty
    QString protocol;     // "TLSv1.3", as OpenSSL names it
    QString cipher;
    QList<QSslCertificate> chain; // as served, the first ChainAnalysis::maxServed of them
    int servedCount = 0;          // how many the server sent
    QString errorCode; // "timeout", "plain-http", "protocol-version", "key-too-small", "no-shared-cipher",
                       // "closed", "connect", "handshake", "chain-too-large", "handshake-refused"
    QString error;     // translated one-liner
    QString rawError;  // the TLS library's own text
    qint64 connectMs = 0;
    qint64 handshakeMs = 0;
    qint64 durationMs = 0;

    // What the key exchange was, as negotiated (the probe accepts any: tls.key_exchange judges).
    QString keyExchange;        // "ECDH", "DH", "RSA", as Qt names the method; TLS 1.3: "ECDH"/"DH"
    int ephemeralKeyBits = 0;   // the server's ephemeral key (DHE group or ECDHE curve), 0 if none
    QByteArray ephemeralKeyDer; // its SubjectPublicKeyInfo (DER), for the DHE group's prime
    QList<int> servedSizes;     // DER size of every certificate served (not only those kept)

    // The server demands a client certificate: a TLS 1.3 alert after the handshake, or its first
    // answer says so (nginx's 400 "No required SSL certificate was sent"). What said it, in
    // clientCertificateSignal.
    bool clientCertificateRequired = false;
    QString clientCertificateSignal;

    // Through a proxy the probe also makes the handshake directly, when this computer resolves the
    // name, because a proxy that inspects TLS presents a certificate of its own for the server.
    //   Same: both saw the same leaf; Intercepted: they differ, and the fields above are the
    //   server's (the direct handshake), proxyChain what the proxy presented; Unavailable: no
    //   direct handshake (directError says why), so the fields above may be the proxy's.
    enum class DirectView
    {
        NotTried, // no proxy
        Same,
        Intercepted,
        Unavailable
    };
    DirectView directView = DirectView::NotTried;
    QString directError;
    QList<QSslCertificate> proxyChain;
};

// Secrets for one run. Kept apart from RunOptions so that nothing that serialises options (the
// report, settings, exports) can ever see them.
struct Credentials
{
    QByteArray gitlabToken; // personal access token of an administrator, scope api
    QByteArray jiraToken;   // Atlassian API token of --jira-email
};

// The shared state of one run: the parsed input, probe results as they arrive, and the findings
// already made. Probes write their own result; checks only read.
struct RunContext
{
    RunOptions options;
    InstanceUrl url;       // the instance, as the admin reaches it (API calls with a token)
    InstanceUrl publicUrl; // --public-url: what Jira Cloud and GitLab.com reach; invalid when not given
    Method method = Method::Marketplace;
    QString methodSource = QStringLiteral("assumed"); // given | detected | assumed
    QString methodReason;                             // how it was detected (translated)
    bool methodResolved = false;
    Credentials credentials;
    QDateTime now;

    std::optional<DnsResult> dns;
    std::optional<TcpResult> tcp;
    std::optional<TlsResult> tls;
    std::optional<ChainAnalysis> chain;       // computed once from tls
    QHash<QString, QList<HttpResponse>> http; // HTTP probe id -> responses (pages), in order

    QHash<QString, Finding> findings;

    // The URL Jira Cloud and GitLab.com connect to: the public URL when given, else the instance.
    // Network, TLS and anonymous HTTP probes go there.
    const InstanceUrl& target() const { return publicUrl.isValid() ? publicUrl : url; }
    const ChainAnalysis* chainAnalysis() const { return chain ? &*chain : nullptr; }
    // The (last) response of an HTTP probe; nullptr when the probe did not run.
    const HttpResponse* httpResult(const QString& probeId) const;
    bool hasToken() const { return !credentials.gitlabToken.isEmpty(); }
    // The Jira site (https://<site>.atlassian.net) when --jira-site, --jira-email and a token are there.
    InstanceUrl jiraSite;
    bool hasJira() const
    {
        return jiraSite.isValid() && !options.jiraEmail.isEmpty() && !credentials.jiraToken.isEmpty();
    }
    const std::optional<ResolveOverride> resolveFor(const QString& host, quint16 port) const;
    // The proxy a connection to host:port goes through, or none. An address given with --resolve
    // is connected to directly: the admin named where to connect.
    std::optional<ProxyServer> proxyFor(const QString& host, quint16 port) const;
};

} // namespace gjd
