// SPDX-License-Identifier: GPL-3.0-or-later
#include "tls/chainanalysis.h"
#include "tlscommon.h"

namespace gjd {
namespace {

class TlsCryptoCheck final : public Check
{
    Q_DECLARE_TR_FUNCTIONS(gjd::TlsCryptoCheck)

public:
    QString id() const override { return QStringLiteral("tls.crypto"); }
    QString category() const override { return category::tls; }
    QString title() const override { return tr("Signatures and key sizes"); }
    QStringList prerequisites() const override { return {QStringLiteral("tls.handshake")}; }
    QStringList probes() const override { return {QStringLiteral("tls")}; }

    void evaluate(const RunContext& ctx, Finding& f) const override
    {
        const ChainAnalysis& chain = *ctx.chainAnalysis();
        // The root's own signature does not matter (it is trusted by identity), so only the served
        // path is judged: the leaf and its intermediates.
        QJsonArray list;
        QStringList problems;
        for (int i : chain.path) {
            const QSslCertificate& c = chain.served.at(i);
            const CertificateCrypto info = inspectCertificate(c);
            list.append(QJsonObject{{QStringLiteral("certificate"), certificateFingerprint(c)},
                                    {QStringLiteral("subject"), tlscommon::name(c)},
                                    {QStringLiteral("signature"), info.signatureAlgorithm},
                                    {QStringLiteral("key"), info.keyAlgorithm},
                                    {QStringLiteral("bits"), info.keyBits}});
            if (info.weakSignature)
                problems.append(tr("%1 is signed with %2.").arg(tlscommon::name(c), info.signatureAlgorithm));
            if (info.weakKey)
                problems.append(tr("%1 has a %2-bit %3 key.")
                                    .arg(tlscommon::name(c))
                                    .arg(info.keyBits)
                                    .arg(info.keyAlgorithm));
        }
        f.evidence.insert(QStringLiteral("certificates"), list);
        if (problems.isEmpty()) {
            set(f, Status::Pass, tr("Signatures and keys on the path are strong enough."));
            return;
        }
        set(f, Status::Fail, problems.join(QLatin1Char(' ')),
            tr("Reissue the certificate with a SHA-256 (or stronger) signature and an RSA key of at least "
               "2048 bits or an "
               "EC key of at least 256 bits; public CAs have not issued SHA-1 certificates since 2016."));
        f.explains = tlscommon::tlsExplains();
        f.docs = {docs::omnibusSsl};
    }
};

} // namespace

std::unique_ptr<Check> makeTlsCryptoCheck()
{
    return std::make_unique<TlsCryptoCheck>();
}

} // namespace gjd
