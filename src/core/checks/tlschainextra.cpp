// SPDX-License-Identifier: GPL-3.0-or-later
#include "tls/chainanalysis.h"
#include "tlscommon.h"

namespace gjd {
namespace {

class TlsChainExtraCheck final : public Check
{
    Q_DECLARE_TR_FUNCTIONS(gjd::TlsChainExtraCheck)

public:
    QString id() const override { return QStringLiteral("tls.chain.extra"); }
    QString category() const override { return category::tls; }
    QString title() const override { return tr("No unrelated certificates served"); }
    QStringList prerequisites() const override { return {QStringLiteral("tls.handshake")}; }
    QStringList probes() const override { return {QStringLiteral("tls")}; }

    void evaluate(const RunContext& ctx, Finding& f) const override
    {
        const ChainAnalysis& chain = *ctx.chainAnalysis();
        QList<QSslCertificate> extra;
        for (int i : chain.extra)
            extra.append(chain.served.at(i));
        f.evidence.insert(QStringLiteral("extra"), tlscommon::fingerprints(extra));
        f.evidence.insert(QStringLiteral("extra_subjects"),
                          QJsonArray::fromStringList(tlscommon::names(extra)));
        if (extra.isEmpty()) {
            set(f, Status::Pass, tr("Every served certificate is on the path."));
            return;
        }
        set(f, Status::Warn,
            tr("The server also sends %n certificate(s) that are not on the path: %1.", nullptr,
               int(extra.size()))
                .arg(tlscommon::names(extra).join(QLatin1String("; "))),
            tr("Remove them from the certificate file (nginx ssl_certificate, Omnibus "
               "nginx['ssl_certificate']); keep only "
               "the leaf and its intermediates."));
        f.details =
            tr("Unrelated certificates waste bytes in every handshake and can confuse strict clients.");
    }
};

} // namespace

std::unique_ptr<Check> makeTlsChainExtraCheck()
{
    return std::make_unique<TlsChainExtraCheck>();
}

} // namespace gjd
