// SPDX-License-Identifier: GPL-3.0-or-later
#include "tls/chainanalysis.h"
#include "tlscommon.h"

namespace gjd {
namespace {

class TlsChainCompleteCheck final
{
    Q_DECLARE_TR_FUNCTIONS(gjd::TlsChainCompleteCheck)

public:
    static void evaluate(const RunContext& ctx, Finding& f)
    {
        const ChainAnalysis& chain = *ctx.chainAnalysis();
        f.evidence.insert(QStringLiteral("served"), tlscommon::fingerprints(chain.served));
        f.evidence.insert(QStringLiteral("path"),
                          QJsonArray::fromStringList(tlscommon::names(chain.pathCertificates())));
        f.evidence.insert(QStringLiteral("trust_store"), ctx.options.trustStoreSource);
        if (chain.isComplete()) {
            f.evidence.insert(QStringLiteral("anchor"), tlscommon::name(chain.anchorCertificate));
            if (chain.selfSignedLeaf) {
                set(f, Status::Pass,
                    tr("The leaf certificate is self-signed, so no intermediate can be missing "
                       "(whether it is trusted is tls.trust.public's finding)."));
            } else if (chain.anchor == ChainAnalysis::Anchor::UntrustedRoot) {
                set(f, Status::Pass,
                    tr("The served certificates lead from the leaf to the root %1 (which no trust store "
                       "holds: see tls.trust.public).")
                        .arg(tlscommon::name(chain.anchorCertificate)));
            } else {
                set(f, Status::Pass,
                    tr("The served certificates lead from the leaf to %1 without fetching anything.")
                        .arg(tlscommon::name(chain.anchorCertificate)));
            }
            return;
        }
        const QSslCertificate last = chain.served.at(chain.path.constLast());
        f.evidence.insert(QStringLiteral("missing_issuer"), chain.missingIssuer);
        f.evidence.insert(QStringLiteral("last_served_on_path"), tlscommon::name(last));
        const QString summary =
            chain.pathTooLong
                ? tr("The chain is longer than 16 certificates without reaching a trusted root (last: %1).")
                      .arg(tlscommon::name(last))
            : chain.missingIssuerInCaFile
                ? tr("The chain is incomplete: %1 was issued by %2, which the server does not send (only "
                     "your %3 has it, and GitLab.com's and Atlassian's clients do not).")
                      .arg(tlscommon::name(last), chain.missingIssuer,
                           ControlNames::name(ctx.options.frontend, Control::CaFile))
                : tr("The chain is incomplete: %1 was issued by %2, which the server does not send and no "
                     "trusted "
                     "root is.")
                      .arg(tlscommon::name(last), chain.missingIssuer);
        tlscommon::setBothReject(f);
        set(f, Status::Fail, summary,
            tr("Serve the full chain: the certificate file must hold the leaf followed by the intermediate "
               "certificate(s) "
               "up to, but not including, the root — nginx \"ssl_certificate /etc/ssl/fullchain.pem;\", "
               "Omnibus "
               "nginx['ssl_certificate'] = \"/etc/gitlab/ssl/fullchain.pem\" (with certbot use "
               "fullchain.pem, not "
               "cert.pem). If %1 is a private CA of your own, the instance needs a publicly trusted "
               "certificate instead.")
                .arg(chain.missingIssuer));
        f.details = tr("A browser may still show the site as secure because it fetches missing intermediates "
                       "(AIA) or has "
                       "them cached; GitLab.com and Atlassian do neither, so they reject the connection.");
        f.explains = tlscommon::tlsExplains();
        f.docs = {docs::jiraCloudAppAdmin, docs::omnibusSsl};
    }
};

} // namespace

namespace checks {

void tlsChainComplete(const RunContext& context, Finding& finding)
{
    TlsChainCompleteCheck::evaluate(context, finding);
}

} // namespace checks

} // namespace gjd
