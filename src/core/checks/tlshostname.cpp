// SPDX-License-Identifier: GPL-3.0-or-later
#include "tls/chainanalysis.h"
#include "tlscommon.h"

#include <QHostAddress>

namespace gjd {
namespace {

class TlsHostnameCheck final
{
    Q_DECLARE_TR_FUNCTIONS(gjd::TlsHostnameCheck)

public:
    // What to serve instead. An address needs an IP-address SAN (a wildcard never covers one); a
    // wildcard is suggested only where one could cover the host (three labels or more).
    static QString remedy(const QString& host)
    {
        const QString sameSite =
            tr("If several sites share the address, check the nginx server_name of the HTTPS "
               "server for %1.")
                .arg(host);
        if (!QHostAddress(host).isNull())
            return tr("Serve a certificate with %1 as an IP-address Subject Alternative Name (not a DNS "
                      "name), "
                      "or better, give the instance a DNS name: public CAs and Jira Cloud work with names.")
                       .arg(host) +
                   QLatin1Char(' ') + sameSite;
        if (host.count(QLatin1Char('.')) >= 2)
            return tr("Serve a certificate whose Subject Alternative Name includes %1 (or a wildcard such as "
                      "*.%2 "
                      "that covers it).")
                       .arg(host, host.section(QLatin1Char('.'), 1)) +
                   QLatin1Char(' ') + sameSite;
        return tr("Serve a certificate whose Subject Alternative Name includes %1.").arg(host) +
               QLatin1Char(' ') + sameSite;
    }

    static void evaluate(const RunContext& ctx, Finding& f)
    {
        const QSslCertificate leaf = ctx.tls->chain.constFirst();
        const QString host = ctx.target().host();
        QStringList sans;
        const auto alternatives = leaf.subjectAlternativeNames();
        for (auto it = alternatives.cbegin(); it != alternatives.cend(); ++it)
            sans.append(it.value());
        const QStringList cn = leaf.subjectInfo(QSslCertificate::CommonName);
        f.evidence.insert(QStringLiteral("host"), host);
        f.evidence.insert(QStringLiteral("san"), QJsonArray::fromStringList(sans));
        f.evidence.insert(QStringLiteral("common_name"), cn.value(0));
        f.evidence.insert(QStringLiteral("leaf"), certificateFingerprint(leaf));

        bool byCommonName = false;
        if (hostMatchesCertificate(host, leaf, &byCommonName)) {
            if (byCommonName) {
                set(f, Status::Warn,
                    tr("%1 matches only the certificate's Common Name; it has no Subject Alternative Name, "
                       "which "
                       "current clients require.")
                        .arg(host),
                    tr("Reissue the certificate with %1 in its Subject Alternative Name (every public CA "
                       "does this).")
                        .arg(host));
                return;
            }
            set(f, Status::Pass,
                tr("%1 matches the certificate (SAN: %2).").arg(host, sans.join(QLatin1String(", "))));
            return;
        }
        const QString names =
            sans.isEmpty() ? tr("no SAN, CN %1").arg(cn.value(0)) : sans.join(QLatin1String(", "));
        tlscommon::setBothReject(f);
        set(f, Status::Fail, tr("The certificate is not valid for %1: it names %2.").arg(host, names),
            remedy(host));
        f.explains = tlscommon::tlsExplains();
        f.docs = {docs::omnibusSsl};
    }
};

} // namespace

namespace checks {

void tlsHostname(const RunContext& context, Finding& finding)
{
    TlsHostnameCheck::evaluate(context, finding);
}

} // namespace checks

} // namespace gjd
