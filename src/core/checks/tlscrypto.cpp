// SPDX-License-Identifier: GPL-3.0-or-later
#include "tls/chainanalysis.h"
#include "tlscommon.h"

namespace gjd {
namespace {

class TlsCryptoCheck final
{
    Q_DECLARE_TR_FUNCTIONS(gjd::TlsCryptoCheck)

public:
    static void evaluate(const RunContext& ctx, Finding& f)
    {
        const ChainAnalysis& chain = *ctx.chainAnalysis();
        // The root's own signature does not matter (it is trusted by identity), so only the served
        // path is judged: the leaf and its intermediates.
        QJsonArray list;
        QStringList problems;
        bool weakSignature = false;
        bool weakRsa = false;   // RSA/DSA under 2048 bits (1024 and more: Java still accepts)
        bool tinyRsa = false;   // under 1024 bits: Java refuses too
        bool weakOther = false; // EC under 256 bits and the like
        for (int i : chain.path) {
            const QSslCertificate& c = chain.served.at(i);
            const CertificateCrypto info = inspectCertificate(c);
            list.append(QJsonObject{{QStringLiteral("certificate"), certificateFingerprint(c)},
                                    {QStringLiteral("subject"), tlscommon::name(c)},
                                    {QStringLiteral("signature"), info.signatureAlgorithm},
                                    {QStringLiteral("key"), info.keyAlgorithm},
                                    {QStringLiteral("bits"), info.keyBits}});
            if (info.weakSignature) {
                weakSignature = true;
                problems.append(tr("%1 is signed with %2.").arg(tlscommon::name(c), info.signatureAlgorithm));
            }
            if (info.weakKey) {
                const bool rsa =
                    info.keyAlgorithm == QLatin1String("RSA") || info.keyAlgorithm == QLatin1String("DSA");
                weakRsa = weakRsa || rsa;
                tinyRsa = tinyRsa || (rsa && info.keyBits < 1024);
                weakOther = weakOther || !rsa;
            }
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
        // GitLab.com's OpenSSL at security level 2 refuses SHA-1 signatures and RSA keys under 2048
        // bits. Java refuses RSA under 1024 bits; SHA-1 only on chains to the JDK's own roots
        // (jdk.certpath.disabledAlgorithms "SHA1 jdkCA"), so for a private root it is not known.
        const char* jira = tinyRsa ? tlscommon::kReject
                                   : (weakSignature || weakOther ? tlscommon::kUnknown : tlscommon::kAccept);
        tlscommon::setConsumers(f, tlscommon::kReject, jira);
        QStringList fixes;
        if (weakSignature)
            fixes.append(
                tr("Have the CA reissue the certificate with a SHA-256 (or stronger) signature; public "
                   "CAs have not issued SHA-1 certificates since 2016."));
        if (weakRsa || weakOther)
            fixes.append(
                tr("Reissue the certificate with a new key: RSA of at least 2048 bits or EC P-256."));
        set(f, Status::Fail, problems.join(QLatin1Char(' ')), fixes.join(QLatin1Char(' ')));
        f.explains = tlscommon::tlsExplains();
        f.docs = {docs::omnibusSsl};
    }
};

} // namespace

namespace checks {

void tlsCrypto(const RunContext& context, Finding& finding)
{
    TlsCryptoCheck::evaluate(context, finding);
}

} // namespace checks

} // namespace gjd
