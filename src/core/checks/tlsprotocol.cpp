// SPDX-License-Identifier: GPL-3.0-or-later
#include "tlscommon.h"

namespace gjd {
namespace {

class TlsProtocolCheck final
{
    Q_DECLARE_TR_FUNCTIONS(gjd::TlsProtocolCheck)

public:
    // Not tls.handshake: a server that only speaks TLS 1.0/1.1 fails the handshake, and this check
    // is the one that names why.

    static void evaluate(const RunContext& ctx, Finding& f)
    {
        const TlsResult& tls = *ctx.tls;
        const QString remedy = tr("Enable TLS 1.2 and 1.3: nginx \"ssl_protocols TLSv1.2 TLSv1.3;\"; Omnibus "
                                  "nginx['ssl_protocols'] = \"TLSv1.2 TLSv1.3\".");
        if (!tls.handshakeOk) {
            if (tls.errorCode == QLatin1String("protocol-version")) {
                f.evidence.insert(QStringLiteral("negotiated"), QJsonValue());
                tlscommon::setBothReject(f);
                set(f, Status::Fail,
                    tr("The server refuses TLS 1.2 and 1.3, which Jira Cloud and GitLab.com require."),
                    remedy);
                f.explains = tlscommon::tlsExplains();
                return;
            }
            set(f, Status::Skip, tr("Skipped: tls.handshake failed."));
            f.evidence.insert(QStringLiteral("skipped_because"), QStringLiteral("tls.handshake"));
            return;
        }
        f.evidence.insert(QStringLiteral("negotiated"), tls.protocol);
        if (tls.protocol == QLatin1String("TLSv1.2") || tls.protocol == QLatin1String("TLSv1.3")) {
            set(f, Status::Pass, tr("Negotiated %1.").arg(tls.protocol));
            return;
        }
        tlscommon::setBothReject(f);
        set(f, Status::Fail,
            tr("Negotiated %1; Jira Cloud and GitLab.com require TLS 1.2 or newer.").arg(tls.protocol),
            remedy);
        f.explains = tlscommon::tlsExplains();
    }
};

} // namespace

namespace checks {

void tlsProtocol(const RunContext& context, Finding& finding)
{
    TlsProtocolCheck::evaluate(context, finding);
}

} // namespace checks

} // namespace gjd
