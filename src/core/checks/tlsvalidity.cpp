// SPDX-License-Identifier: GPL-3.0-or-later
#include "tls/chainanalysis.h"
#include "tlscommon.h"

namespace gjd {
namespace {

class TlsValidityCheck final
{
    Q_DECLARE_TR_FUNCTIONS(gjd::TlsValidityCheck)

public:
    static QString day(const QDateTime& dt) { return dt.toUTC().toString(QStringLiteral("yyyy-MM-dd")); }

    static void evaluate(const RunContext& ctx, Finding& f)
    {
        const ChainAnalysis& chain = *ctx.chainAnalysis();
        const QDateTime now = ctx.now;
        // The path clients build: a served copy of the root is not on it (clients use their own).
        const QList<int> onPath = chain.path;

        QStringList failures;
        QStringList warnings;
        QJsonArray list;
        bool leafFailed = false;
        bool caFailed = false;
        bool leafSoon = false;    // the leaf expires soon
        bool unusedStale = false; // a served certificate off the path is out of date
        for (int i = 0; i < chain.served.size(); ++i) {
            const QSslCertificate& c = chain.served.at(i);
            const bool isLeaf = i == 0;
            const bool used = onPath.contains(i);
            const QString label = tlscommon::nameIn(c, chain.served);
            const QString role =
                isLeaf ? tr("The leaf certificate %1").arg(label)
                : used ? tr("The CA certificate %1").arg(label)
                : i == chain.anchorServedIndex
                    ? tr("The served copy of the root %1 (clients use their own)").arg(label)
                    : tr("The unused served certificate %1 (issued by %2)").arg(label, c.issuerDisplayName());
            QString state = QStringLiteral("valid");
            QString problem;
            if (c.effectiveDate() > now) {
                state = QStringLiteral("not-yet-valid");
                problem = tr("%1 is not valid before %2.").arg(role, day(c.effectiveDate()));
                if (used)
                    (isLeaf ? leafFailed : caFailed) = true;
            } else if (c.expiryDate() < now) {
                state = QStringLiteral("expired");
                problem = tr("%1 expired on %2 (%n day(s) ago).", nullptr, int(c.expiryDate().daysTo(now)))
                              .arg(role, day(c.expiryDate()));
                if (used)
                    (isLeaf ? leafFailed : caFailed) = true;
            } else if (isLeaf) {
                const qint64 left = now.secsTo(c.expiryDate());
                if (left < expiryWarningSeconds(c.effectiveDate(), c.expiryDate())) {
                    state = QStringLiteral("expires-soon");
                    leafSoon = true;
                    warnings.append(tr("%1 expires on %2, in %n day(s).", nullptr, int(left / 86400))
                                        .arg(role, day(c.expiryDate())));
                }
            }
            list.append(
                QJsonObject{{QStringLiteral("certificate"), certificateFingerprint(c)},
                            {QStringLiteral("subject"), tlscommon::name(c)},
                            {QStringLiteral("not_before"), c.effectiveDate().toUTC().toString(Qt::ISODate)},
                            {QStringLiteral("not_after"), c.expiryDate().toUTC().toString(Qt::ISODate)},
                            {QStringLiteral("state"), state}});
            if (!problem.isEmpty())
                (used ? failures : warnings).append(problem);
            unusedStale = unusedStale || (!problem.isEmpty() && !used);
        }
        f.evidence.insert(QStringLiteral("certificates"), list);
        f.evidence.insert(QStringLiteral("now"), now.toUTC().toString(Qt::ISODate));
        if (!failures.isEmpty()) {
            tlscommon::setBothReject(f);
            QStringList fixes;
            if (leafFailed)
                fixes.append(
                    tr("Renew the certificate and serve the renewed chain (certbot renew, or Omnibus "
                       "letsencrypt['auto_renew'] = true)."));
            if (caFailed)
                fixes.append(
                    tr("The certificate itself needs no change: the intermediate served with it is "
                       "out of date. Download the CA's current intermediate, serve it instead of the "
                       "old one, and rebuild the full-chain file."));
            set(f, Status::Fail, failures.join(QLatin1Char(' ')), fixes.join(QLatin1Char(' ')));
            f.details = warnings.join(QLatin1Char('\n'));
            f.explains = tlscommon::tlsExplains();
            f.docs = {docs::omnibusSsl};
            return;
        }
        if (!warnings.isEmpty()) {
            QStringList fixes;
            if (leafSoon)
                fixes.append(tr("Renew the certificate now and make renewal automatic (certbot's timer, or "
                                "Omnibus letsencrypt['auto_renew'] = true)."));
            if (unusedStale)
                fixes.append(tr("Remove the out-of-date certificate from the served bundle (the full-chain "
                                "file): clients do not need it, and some refuse a chain that contains it."));
            set(f, Status::Warn, warnings.join(QLatin1Char(' ')), fixes.join(QLatin1Char(' ')));
            f.docs = {docs::omnibusSsl};
            return;
        }
        const QSslCertificate& leaf = chain.served.constFirst();
        set(f, Status::Pass,
            tr("Every served certificate is valid; the leaf expires on %1 (in %n day(s)).", nullptr,
               int(now.daysTo(leaf.expiryDate())))
                .arg(day(leaf.expiryDate())));
    }
};

} // namespace

namespace checks {

void tlsValidity(const RunContext& context, Finding& finding)
{
    TlsValidityCheck::evaluate(context, finding);
}

} // namespace checks

} // namespace gjd
