// SPDX-License-Identifier: GPL-3.0-or-later
#include "tlscommon.h"

namespace gjd {
namespace {

class TlsHandshakeCheck final
{
    Q_DECLARE_TR_FUNCTIONS(gjd::TlsHandshakeCheck)

public:
    // Through a proxy: whether the proxy inspects TLS, from the direct handshake beside the
    // proxied one (TlsResult::directView).
    static void judgeDirectView(const RunContext& ctx, Finding& f)
    {
        const TlsResult& tls = *ctx.tls;
        const QString host = ctx.target().host();
        const auto issuer = [](const QList<QSslCertificate>& chain) {
            return chain.isEmpty() ? QStringLiteral("-") : distinguishedName(chain.constFirst(), true);
        };
        switch (tls.directView) {
        case TlsResult::DirectView::NotTried:
            return;
        case TlsResult::DirectView::Same:
            f.evidence.insert(QStringLiteral("direct_comparison"), QStringLiteral("same"));
            f.details = tr("A direct handshake saw the same certificate: the proxy %1 passes TLS through "
                           "unchanged.")
                            .arg(tls.proxy);
            return;
        case TlsResult::DirectView::Unavailable:
            f.evidence.insert(QStringLiteral("direct_comparison"), QStringLiteral("unavailable"));
            f.evidence.insert(QStringLiteral("direct_error"), tls.directError);
            f.details = tr("Seen only through the proxy %1 (no direct handshake: %2). If the proxy inspects "
                           "TLS, the certificates judged here are the proxy's, not the server's; the leaf's "
                           "issuer is %3.")
                            .arg(tls.proxy, tls.directError, issuer(tls.chain));
            return;
        case TlsResult::DirectView::Intercepted:
            break;
        }
        f.evidence.insert(QStringLiteral("direct_comparison"), QStringLiteral("intercepted"));
        f.evidence.insert(QStringLiteral("proxy_issuer"), issuer(tls.proxyChain));
        f.evidence.insert(QStringLiteral("proxy_served"), tlscommon::fingerprints(tls.proxyChain));
        // Warn: what Jira Cloud and GitLab.com see is judged (the direct chain), but every HTTP
        // answer of this run passed through the proxy's inspection, which may change headers.
        set(f, Status::Warn,
            tr("The proxy %1 inspects TLS: through it, %2 presents a certificate issued by %3. The TLS "
               "checks judge the chain the server sent directly; the HTTP checks went through the proxy, "
               "which may have changed the answers.")
                .arg(tls.proxy, host, issuer(tls.proxyChain)),
            tr("Exempt %1 from TLS inspection on the proxy, or, where the instance is reached without the "
               "proxy, add %1 to %2.")
                .arg(host, ControlNames::name(ctx.options.frontend, Control::NoProxy)));
        f.details =
            tr("Directly, the server sent %1 with %2 and %3.")
                .arg(tls.chain.isEmpty() ? QStringLiteral("-") : tlscommon::name(tls.chain.constFirst()),
                     tls.protocol, tls.cipher);
    }

    static void evaluate(const RunContext& ctx, Finding& f)
    {
        const TlsResult& tls = *ctx.tls;
        f.evidence.insert(QStringLiteral("address"), tls.address.toString());
        if (!tls.proxy.isEmpty()) // through this proxy's tunnel: the address is the proxy's to choose
            f.evidence.insert(QStringLiteral("proxy"), tls.proxy);
        f.evidence.insert(QStringLiteral("port"), ctx.target().port());
        f.evidence.insert(QStringLiteral("sni"), ctx.target().host());
        f.evidence.insert(QStringLiteral("connect_ms"), tls.connectMs);
        if (tls.handshakeOk) {
            f.evidence.insert(QStringLiteral("protocol"), tls.protocol);
            f.evidence.insert(QStringLiteral("cipher"), tls.cipher);
            f.evidence.insert(QStringLiteral("handshake_ms"), tls.handshakeMs);
            f.evidence.insert(QStringLiteral("served"), tlscommon::fingerprints(tls.chain));
            set(f, Status::Pass,
                tr("%1 with %2, %n certificate(s) served, in %3 ms.", nullptr, int(tls.chain.size()))
                    .arg(tls.protocol, tls.cipher)
                    .arg(tls.handshakeMs));
            judgeDirectView(ctx, f);
            return;
        }
        f.evidence.insert(QStringLiteral("error"), tls.errorCode);
        if (!tls.rawError.isEmpty())
            f.evidence.insert(QStringLiteral("tls_library_error"), tls.rawError);
        f.explains = tlscommon::tlsExplains();
        f.docs = {docs::omnibusSsl, docs::nginxHttps};
        const QString port = QString::number(ctx.target().port());
        QString remedy;
        if (tls.errorCode == QLatin1String("plain-http")) {
            remedy = tr("Serve HTTPS on port %1: nginx \"listen %1 ssl;\" with ssl_certificate and "
                        "ssl_certificate_key; "
                        "Omnibus: external_url 'https://…' plus nginx['ssl_certificate'] or "
                        "letsencrypt['enable'] = true.")
                         .arg(port);
        } else if (tls.errorCode == QLatin1String("timeout")) {
            remedy = tr("Something accepts connections on port %1 but never answers TLS: check the load "
                        "balancer or port "
                        "forwarding in front of GitLab, and that the web server behind it is running.")
                         .arg(port);
        } else if (tls.errorCode == QLatin1String("connect-timeout")) {
            remedy = tr("A firewall drops connections to port %1: allow inbound TCP %1 from the internet.")
                         .arg(port);
        } else if (tls.errorCode == QLatin1String("client-certificate")) {
            remedy =
                tr("Do not require client certificates for the GitLab site (nginx: ssl_verify_client off).");
        } else if (tls.errorCode == QLatin1String("handshake-refused")) {
            remedy = tr(
                "Allow current cipher suites and signature algorithms (GitLab's reverse-proxy example lists "
                "them) and do not require client certificates (nginx: ssl_verify_client off).");
        } else if (tls.errorCode == QLatin1String("chain-too-large")) {
            remedy =
                tr("Serve only the leaf and its intermediates (nginx ssl_certificate): a bundle of every CA "
                   "certificate is not a chain. If the leaf itself is that large (thousands of names), split "
                   "the names over several certificates.");
        } else if (tls.errorCode == QLatin1String("protocol-version")) {
            remedy = tr("Enable TLS 1.2 and 1.3: nginx \"ssl_protocols TLSv1.2 TLSv1.3;\"; Omnibus "
                        "nginx['ssl_protocols'] = \"TLSv1.2 TLSv1.3\".");
        } else if (tls.errorCode == QLatin1String("key-too-small")) {
            remedy = tr("Reissue the certificate with an RSA key of at least 2048 bits or an EC P-256 key.");
        } else if (tls.errorCode == QLatin1String("no-shared-cipher")) {
            remedy = tr("Allow current cipher suites, for example nginx \"ssl_ciphers HIGH:!aNULL:!MD5;\" or "
                        "the list in "
                        "GitLab's reverse-proxy example.");
        } else {
            remedy = tr("Look at the web server's error log for the handshake failure, and check that port "
                        "%1 serves "
                        "HTTPS for %2.")
                         .arg(port, ctx.target().host());
        }
        tlscommon::setBothReject(f);
        set(f, Status::Fail, tls.error, remedy);
    }
};

} // namespace

namespace checks {

void tlsHandshake(const RunContext& context, Finding& finding)
{
    TlsHandshakeCheck::evaluate(context, finding);
}

} // namespace checks

} // namespace gjd
