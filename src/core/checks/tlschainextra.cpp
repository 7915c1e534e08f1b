// SPDX-License-Identifier: GPL-3.0-or-later
#include "tls/chainanalysis.h"
#include "tlscommon.h"

#include <algorithm>

namespace gjd {
namespace {

class TlsChainExtraCheck final
{
    Q_DECLARE_TR_FUNCTIONS(gjd::TlsChainExtraCheck)

public:
    static void evaluate(const RunContext& ctx, Finding& f)
    {
        const ChainAnalysis& chain = *ctx.chainAnalysis();
        QList<QSslCertificate> extra;
        QStringList names;
        for (int i : chain.extra) {
            extra.append(chain.served.at(i));
            // With its issuer: an unused cross-signed copy of a root is told apart from the root.
            const QSslCertificate& c = chain.served.at(i);
            const QString issuer = distinguishedName(c, true);
            const QString label = tlscommon::nameIn(c, chain.served);
            names.append(issuer == distinguishedName(c) || label.contains(issuer)
                             ? label
                             : tr("%1, issued by %2").arg(label, issuer));
        }
        f.evidence.insert(QStringLiteral("extra"), tlscommon::fingerprints(extra));
        f.evidence.insert(QStringLiteral("extra_subjects"), QJsonArray::fromStringList(names));
        const int sent = std::max(ctx.tls->servedCount, int(chain.served.size()));
        f.evidence.insert(QStringLiteral("served_count"), sent);
        if (sent > chain.served.size()) {
            set(f, Status::Warn,
                tr("The server sends %n certificate(s); only the first %1 were analysed.", nullptr, sent)
                    .arg(chain.served.size()),
                tr("Serve only the leaf and its intermediates (nginx ssl_certificate, Omnibus "
                   "nginx['ssl_certificate']): a chain has two to five certificates."));
            f.details =
                tr("Unrelated certificates waste bytes in every handshake and can confuse strict clients.");
            return;
        }
        if (extra.isEmpty()) {
            set(f, Status::Pass, tr("Every served certificate is on the path."));
            return;
        }
        // The first certificate served is a CA certificate with its own key, and the real leaf
        // comes later: the path is built from the CA certificate, the leaf looks "extra". Removing
        // it would be the wrong fix.
        const QSslCertificate& first = chain.served.constFirst();
        if (inspectPurpose(first).ca) {
            for (const QSslCertificate& c : std::as_const(extra)) {
                if (inspectPurpose(c).ca || distinguishedName(c, true) != distinguishedName(first))
                    continue;
                set(f, Status::Warn,
                    tr("The first certificate served, %1, is a CA certificate; the server's own certificate "
                       "%2 (issued by it) is served after it.")
                        .arg(tlscommon::name(first), tlscommon::name(c)),
                    tr("Put the leaf first, with its key: nginx ssl_certificate starts with the server's own "
                       "certificate, then its intermediates, and ssl_certificate_key is the leaf's key "
                       "(Omnibus "
                       "nginx['ssl_certificate'] and nginx['ssl_certificate_key'])."));
                f.evidence.insert(QStringLiteral("first_is_ca"), true);
                return;
            }
        }
        set(f, Status::Warn,
            tr("The server also sends %n certificate(s) that are not on the path: %1.", nullptr,
               int(extra.size()))
                .arg(names.join(QLatin1String("; "))),
            tr("Remove them from the certificate file (nginx ssl_certificate, Omnibus "
               "nginx['ssl_certificate']); keep only "
               "the leaf and its intermediates."));
        f.details =
            tr("Unrelated certificates waste bytes in every handshake and can confuse strict clients.");
    }
};

} // namespace

namespace checks {

void tlsChainExtra(const RunContext& context, Finding& finding)
{
    TlsChainExtraCheck::evaluate(context, finding);
}

} // namespace checks

} // namespace gjd
