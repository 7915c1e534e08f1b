// SPDX-License-Identifier: GPL-3.0-or-later
#include "tls/chainanalysis.h"
#include "tlscommon.h"

namespace gjd {
namespace {

class TlsChainOrderCheck final
{
    Q_DECLARE_TR_FUNCTIONS(gjd::TlsChainOrderCheck)

public:
    static void evaluate(const RunContext& ctx, Finding& f)
    {
        const ChainAnalysis& chain = *ctx.chainAnalysis();
        QList<int> expected = chain.path;
        if (chain.anchorServedIndex >= 0 && !chain.selfSignedLeaf)
            expected.append(chain.anchorServedIndex);
        QList<int> servedOnPath;
        for (int i = 0; i < chain.served.size(); ++i) {
            if (expected.contains(i))
                servedOnPath.append(i);
        }
        QStringList servedNames;
        for (int i : servedOnPath)
            servedNames.append(tlscommon::name(chain.served.at(i)));
        QStringList expectedNames;
        for (int i : expected)
            expectedNames.append(tlscommon::name(chain.served.at(i)));
        f.evidence.insert(QStringLiteral("served_order"), QJsonArray::fromStringList(servedNames));
        f.evidence.insert(QStringLiteral("expected_order"), QJsonArray::fromStringList(expectedNames));
        if (chain.orderCorrect) {
            set(f, Status::Pass,
                expected.size() > 1 ? tr("Served in issuing order: leaf first, then each issuer.")
                                    : tr("Only the leaf is on the served path; there is nothing to order."));
            return;
        }
        const QString arrow = QStringLiteral(" → ");
        set(f, Status::Warn,
            tr("The certificates are served out of order: %1; expected %2.")
                .arg(servedNames.join(arrow), expectedNames.join(arrow)),
            tr("Reorder the certificate file (nginx ssl_certificate, Omnibus nginx['ssl_certificate']): the "
               "leaf first, "
               "then its issuer, then that certificate's issuer."));
        f.details =
            tr("Most clients reorder the chain themselves, but older Java and embedded TLS stacks do not.");
        f.docs = {docs::nginxHttps};
    }
};

} // namespace

namespace checks {

void tlsChainOrder(const RunContext& context, Finding& finding)
{
    TlsChainOrderCheck::evaluate(context, finding);
}

} // namespace checks

} // namespace gjd
