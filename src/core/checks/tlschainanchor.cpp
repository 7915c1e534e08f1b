// SPDX-License-Identifier: GPL-3.0-or-later
#include "tls/chainanalysis.h"
#include "tlscommon.h"

namespace gjd {
namespace {

class TlsChainAnchorCheck final
{
    Q_DECLARE_TR_FUNCTIONS(gjd::TlsChainAnchorCheck)

public:
    static void evaluate(const RunContext& ctx, Finding& f)
    {
        const ChainAnalysis& chain = *ctx.chainAnalysis();
        if (chain.selfSignedLeaf) {
            set(f, Status::Skip, tr("Not applicable: the leaf certificate is self-signed."));
            return;
        }
        if (chain.rootServed()) {
            const QSslCertificate root = chain.served.at(chain.anchorServedIndex);
            f.evidence.insert(QStringLiteral("root"), certificateFingerprint(root));
            const bool isRoot = inspectCertificate(root).selfSigned;
            set(f, Status::Info,
                isRoot ? tr("The server sends the root %1 itself: harmless, but unnecessary — clients use "
                            "their own "
                            "copy.")
                             .arg(tlscommon::name(root))
                       : tr("The server sends %1, which the trust store already holds: harmless, but "
                            "unnecessary.")
                             .arg(tlscommon::name(root)),
                tr("Optionally remove the root from the certificate file to save bytes in every handshake."));
            return;
        }
        set(f, Status::Pass, tr("The root is not sent, as recommended."));
    }
};

} // namespace

namespace checks {

void tlsChainAnchor(const RunContext& context, Finding& finding)
{
    TlsChainAnchorCheck::evaluate(context, finding);
}

} // namespace checks

} // namespace gjd
