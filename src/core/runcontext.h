// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "finding.h"
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

// --resolve HOST:PORT:ADDRESS, as curl has it.
struct ResolveOverride
{
    QString host; // ASCII, lowercase
    quint16 port = 0;
    QHostAddress address;

    // Parses "host:port:address" ("[v6]" allowed for the address); nullopt with *error set.
    static std::optional<ResolveOverride> parse(const QString& text, QString* error);
};

// Everything a run needs from the user. Secrets never live here.
struct RunOptions
{
    QString url;
    QString publicUrl;                       // --public-url, empty when none
    QString method = QStringLiteral("auto"); // auto | marketplace | manual | proxy
    QList<ResolveOverride> resolve;
    QList<QSslCertificate> extraCaCertificates; // --ca-file: connect through them, never "public"
    QString extraCaSource;                      // the file name, for findings
    QList<QSslCertificate> trustStore;          // what the remote side trusts
    QString trustStoreSource;                   // "system" or the file name
    int probeTimeoutMs = 10000;
    int runTimeoutMs = 0; // 0: derived from probeTimeoutMs
    QStringList only;     // ids or prefixes ("tls.")
    QStringList skip;
    QDateTime now; // invalid: the current time (tests pin it)
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
    QList<TcpAttempt> attempts;
    qint64 durationMs = 0;
    int connectedCount() const;
};

struct TlsResult
{
    bool connected = false; // TCP part
    bool handshakeOk = false;
    QHostAddress address;
    QString protocol; // "TLSv1.3", as OpenSSL names it
    QString cipher;
    QList<QSslCertificate> chain; // as served
    QString errorCode; // "timeout", "plain-http", "protocol-version", "key-too-small", "no-shared-cipher",
                       // "closed", "connect", "handshake"
    QString error;     // translated one-liner
    QString rawError;  // the TLS library's own text
    qint64 connectMs = 0;
    qint64 handshakeMs = 0;
    qint64 durationMs = 0;
};

// The shared state of one run: the parsed input, probe results as they arrive, and the findings
// already made. Probes write their own result; checks only read.
struct RunContext
{
    RunOptions options;
    InstanceUrl url;
    Method method = Method::Marketplace;
    QString methodSource = QStringLiteral("assumed"); // given | detected | assumed
    QDateTime now;

    std::optional<DnsResult> dns;
    std::optional<TcpResult> tcp;
    std::optional<TlsResult> tls;
    std::optional<ChainAnalysis> chain; // computed once from tls

    QHash<QString, Finding> findings;

    const ChainAnalysis* chainAnalysis() const { return chain ? &*chain : nullptr; }
    const std::optional<ResolveOverride> resolveFor(const QString& host, quint16 port) const;
};

} // namespace gjd
