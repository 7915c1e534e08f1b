// SPDX-License-Identifier: GPL-3.0-or-later
#include "tls/chainanalysis.h"
#include "tlscommon.h"

namespace gjd {
namespace {

// tls.leaf.purpose: the served leaf may authenticate a TLS server. Ruby (OpenSSL "unsuitable
// certificate purpose"), Java ("KeyUsage does not allow digital signatures") and curl refuse a leaf
// that its own extensions restrict to something else.
class TlsLeafPurposeCheck final
{
    Q_DECLARE_TR_FUNCTIONS(gjd::TlsLeafPurposeCheck)

public:
    static void evaluate(const RunContext& ctx, Finding& f)
    {
        const QSslCertificate& leaf = ctx.tls->chain.constFirst();
        const CertificatePurpose p = inspectPurpose(leaf);
        const QString name = tlscommon::name(leaf);
        f.evidence.insert(QStringLiteral("certificate"), certificateFingerprint(leaf));
        f.evidence.insert(QStringLiteral("subject"), name);
        if (p.hasExtendedKeyUsage)
            f.evidence.insert(QStringLiteral("extended_key_usage"),
                              QJsonArray::fromStringList(p.extendedKeyUsages));
        if (p.hasKeyUsage)
            f.evidence.insert(QStringLiteral("key_usage"), QJsonArray::fromStringList(p.keyUsages));
        f.evidence.insert(QStringLiteral("ca"), p.ca);

        // RSA key exchange (TLS 1.2 without (EC)DHE) encrypts with the leaf's key.
        const bool rsaKeyExchange = ctx.tls->keyExchange == QLatin1String("RSA");
        QStringList problems;
        if (p.hasExtendedKeyUsage && !p.serverAuth)
            problems.append(tr("its extended key usage (%1) does not include serverAuth")
                                .arg(p.extendedKeyUsages.join(QStringLiteral(", "))));
        if (p.hasKeyUsage && !p.digitalSignature && !(rsaKeyExchange && p.keyEncipherment))
            problems.append(tr("its key usage (%1) does not include digitalSignature")
                                .arg(p.keyUsages.join(QStringLiteral(", "))));
        if (p.hasKeyUsage && rsaKeyExchange && !p.keyEncipherment)
            problems.append(
                tr("its key usage (%1) does not include keyEncipherment, which RSA key exchange needs")
                    .arg(p.keyUsages.join(QStringLiteral(", "))));
        if (problems.isEmpty() && p.ca) {
            // Ruby, Java and curl all accept such a leaf when its usages allow a server (the oracles
            // in tests/oracles/README.md): a warning, not a verdict the clients do not give.
            tlscommon::setConsumers(f, tlscommon::kAccept, tlscommon::kAccept);
            set(f, Status::Warn,
                tr("The served leaf %1 is a CA certificate (basicConstraints CA:TRUE). GitLab.com and Jira "
                   "Cloud accept it today, but a server certificate must not be a CA (RFC 5280), and "
                   "stricter "
                   "clients refuse it.")
                    .arg(name),
                tr("Have the CA reissue the certificate with basicConstraints CA:FALSE; if the first "
                   "certificate served is not the server's own, put the leaf first."));
            f.docs = {docs::omnibusSsl};
            return;
        }
        if (problems.isEmpty()) {
            set(f, Status::Pass, tr("%1 may identify a TLS server.").arg(name));
            return;
        }
        if (p.ca)
            problems.append(tr("it is a CA certificate (basicConstraints CA:TRUE)"));
        tlscommon::setBothReject(f);
        set(f, Status::Fail,
            tr("The served leaf %1 may not identify a TLS server: %2. GitLab.com and Jira Cloud refuse it.")
                .arg(name, problems.join(QStringLiteral("; "))),
            tr("Have the CA reissue the certificate as a TLS server certificate: extendedKeyUsage "
               "serverAuth, "
               "keyUsage digitalSignature (and keyEncipherment for RSA keys), basicConstraints CA:FALSE. "
               "If the first certificate served is not the server's own, put the leaf first."));
        f.explains = tlscommon::tlsExplains();
        f.docs = {docs::omnibusSsl};
    }
};

} // namespace

namespace checks {

void tlsLeafPurpose(const RunContext& context, Finding& finding)
{
    TlsLeafPurposeCheck::evaluate(context, finding);
}

} // namespace checks

} // namespace gjd
