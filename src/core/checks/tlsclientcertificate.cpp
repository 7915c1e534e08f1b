// SPDX-License-Identifier: GPL-3.0-or-later
#include "tlscommon.h"

namespace gjd {
namespace {

// tls.client_certificate: the server demands a client certificate, which GitLab.com and Jira
// Cloud never present. The TLS probe sees it as a TLS 1.3 alert after the handshake, a failed
// TLS 1.2 handshake ("certificate required"), or nginx's 400 "No required SSL certificate was
// sent" as the first answer.
class TlsClientCertificateCheck final
{
    Q_DECLARE_TR_FUNCTIONS(gjd::TlsClientCertificateCheck)

public:
    static void evaluate(const RunContext& ctx, Finding& f)
    {
        const TlsResult& tls = *ctx.tls;
        const bool inHandshake = !tls.handshakeOk && tls.errorCode == QLatin1String("client-certificate");
        if (!tls.clientCertificateRequired && !inHandshake) {
            if (!tls.handshakeOk)
                set(f, Status::Skip, tr("Skipped: tls.handshake failed."));
            else
                set(f, Status::Pass, tr("The server does not ask for a client certificate."));
            return;
        }
        const QString signal = inHandshake ? tls.rawError : tls.clientCertificateSignal;
        f.evidence.insert(QStringLiteral("signal"), signal);
        tlscommon::setBothReject(f);
        set(f, Status::Fail,
            tr("The server requires a client certificate (%1). GitLab.com and Jira Cloud present none, so "
               "every request they make fails.")
                .arg(signal),
            tr("Do not require client certificates on the public GitLab site: nginx \"ssl_verify_client "
               "off;\" "
               "(or \"optional\", with no location that needs one for GitLab.com or Jira)."));
        f.explains = tlscommon::tlsExplains();
        f.docs = {docs::nginxHttps};
    }
};

} // namespace

namespace checks {

void tlsClientCertificate(const RunContext& context, Finding& finding)
{
    TlsClientCertificateCheck::evaluate(context, finding);
}

} // namespace checks

} // namespace gjd
