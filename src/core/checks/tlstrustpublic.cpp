// SPDX-License-Identifier: GPL-3.0-or-later
#include "tls/chainanalysis.h"
#include "tlscommon.h"

namespace gjd {
namespace {

class TlsTrustPublicCheck final
{
    Q_DECLARE_TR_FUNCTIONS(gjd::TlsTrustPublicCheck)

public:
    static void evaluate(const RunContext& ctx, Finding& f)
    {
        judge(ctx, f);
        // Seen only through a proxy that may inspect TLS: a corporate root that this computer
        // trusts can stand in for the server's chain (tls.handshake says what was compared).
        if (f.status != Status::Skip && ctx.tls &&
            ctx.tls->directView == TlsResult::DirectView::Unavailable) {
            const QString caution =
                tr("The chain was seen only through the proxy %1: if it inspects TLS, this is the proxy's "
                   "chain, and %2 may be its root rather than the server's.")
                    .arg(ctx.tls->proxy, tlscommon::name(ctx.chainAnalysis()->anchorCertificate));
            f.details = f.details.isEmpty() ? caution : f.details + QLatin1Char(' ') + caution;
        }
    }

private:
    static void judge(const RunContext& ctx, Finding& f)
    {
        const ChainAnalysis& chain = *ctx.chainAnalysis();
        const bool system = ctx.options.trustStoreSource == QLatin1String("system");
        const QString store =
            system ? tr("this computer's system trust store") : ctx.options.trustStoreSource;
        f.evidence.insert(QStringLiteral("trust_store"), ctx.options.trustStoreSource);
        f.evidence.insert(QStringLiteral("anchor"), tlscommon::name(chain.anchorCertificate));
        const QString publicCaRemedy =
            tr("Use a certificate from a public CA that GitLab.com and Atlassian trust, for example Let's "
               "Encrypt "
               "(Omnibus: letsencrypt['enable'] = true), and serve it with its full chain.");
        switch (chain.anchor) {
        case ChainAnalysis::Anchor::TrustStore:
            f.evidence.insert(QStringLiteral("source"), QStringLiteral("trust-store"));
            set(f, Status::Pass,
                tr("The chain ends at %1, which %2 trusts.")
                    .arg(tlscommon::name(chain.anchorCertificate), store));
            if (system)
                f.details = tr(
                    "This computer's trust store stands in for the public one; a root that an administrator "
                    "added here is not trusted by GitLab.com or Atlassian.");
            return;
        case ChainAnalysis::Anchor::ExtraCa:
            f.evidence.insert(QStringLiteral("source"), QStringLiteral("ca-file"));
            tlscommon::setBothReject(f);
            set(f, Status::Fail,
                tr("The chain is trusted only through %3 (%1, root %2): GitLab.com and Atlassian will not "
                   "trust "
                   "this.")
                    .arg(ctx.options.extraCaSource, tlscommon::name(chain.anchorCertificate),
                         ControlNames::name(ctx.options.frontend, Control::CaFile)),
                publicCaRemedy);
            f.details =
                tr("A private CA is fine inside your network, but Jira Cloud and GitLab.com only accept "
                   "certificates from public CAs.");
            break;
        case ChainAnalysis::Anchor::UntrustedRoot:
            f.evidence.insert(QStringLiteral("source"), QStringLiteral("none"));
            tlscommon::setBothReject(f);
            if (chain.selfSignedLeaf)
                set(f, Status::Fail,
                    tr("The certificate is self-signed: GitLab.com and Atlassian will not trust it."),
                    publicCaRemedy);
            else
                set(f, Status::Fail,
                    tr("The chain ends at the unknown root %1, which %2 does not hold.")
                        .arg(tlscommon::name(chain.anchorCertificate), store),
                    publicCaRemedy);
            break;
        case ChainAnalysis::Anchor::None:
            set(f, Status::Skip, tr("Skipped: tls.chain.complete failed."));
            return;
        }
        f.explains = tlscommon::tlsExplains();
        f.docs = {docs::jiraCloudAppAdmin, docs::omnibusSsl};
    }
};

} // namespace

namespace checks {

void tlsTrustPublic(const RunContext& context, Finding& finding)
{
    TlsTrustPublicCheck::evaluate(context, finding);
}

} // namespace checks

} // namespace gjd
