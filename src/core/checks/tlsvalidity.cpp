// SPDX-License-Identifier: GPL-3.0-or-later
#include "tls/chainanalysis.h"
#include "tlscommon.h"

namespace gjd {
namespace {

class TlsValidityCheck final : public Check
{
    Q_DECLARE_TR_FUNCTIONS(gjd::TlsValidityCheck)

public:
    QString id() const override { return QStringLiteral("tls.validity"); }
    QString category() const override { return category::tls; }
    QString title() const override { return tr("Certificates are within their validity"); }
    QStringList prerequisites() const override { return {QStringLiteral("tls.handshake")}; }
    QStringList probes() const override { return {QStringLiteral("tls")}; }

    static QString day(const QDateTime& dt) { return dt.toUTC().toString(QStringLiteral("yyyy-MM-dd")); }

    void evaluate(const RunContext& ctx, Finding& f) const override
    {
        const ChainAnalysis& chain = *ctx.chainAnalysis();
        const QDateTime now = ctx.now;
        // The path clients build: a served copy of the root is not on it (clients use their own).
        const QList<int> onPath = chain.path;

        QStringList failures;
        QStringList warnings;
        QJsonArray list;
        for (int i = 0; i < chain.served.size(); ++i) {
            const QSslCertificate& c = chain.served.at(i);
            const bool isLeaf = i == 0;
            const bool used = onPath.contains(i);
            const QString label = tlscommon::nameIn(c, chain.served);
            const QString role = isLeaf ? tr("The leaf certificate %1").arg(label)
                                 : used ? tr("The CA certificate %1").arg(label)
                                 : i == chain.anchorServedIndex
                                     ? tr("The served copy of the root %1 (clients use their own)").arg(label)
                                     : tr("The unused served certificate %1").arg(label);
            QString state = QStringLiteral("valid");
            QString problem;
            if (c.effectiveDate() > now) {
                state = QStringLiteral("not-yet-valid");
                problem = tr("%1 is not valid before %2.").arg(role, day(c.effectiveDate()));
            } else if (c.expiryDate() < now) {
                state = QStringLiteral("expired");
                problem = tr("%1 expired on %2 (%3 days ago).")
                              .arg(role, day(c.expiryDate()))
                              .arg(c.expiryDate().daysTo(now));
            } else if (isLeaf) {
                const qint64 left = now.secsTo(c.expiryDate());
                if (left < expiryWarningSeconds(c.effectiveDate(), c.expiryDate())) {
                    state = QStringLiteral("expires-soon");
                    warnings.append(tr("%1 expires on %2, in %3 day(s).")
                                        .arg(role, day(c.expiryDate()))
                                        .arg(left / 86400));
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
        }
        f.evidence.insert(QStringLiteral("certificates"), list);
        f.evidence.insert(QStringLiteral("now"), now.toUTC().toString(Qt::ISODate));
        if (!failures.isEmpty()) {
            set(f, Status::Fail, failures.join(QLatin1Char(' ')),
                tr("Renew the expired or not-yet-valid certificate and serve the renewed chain (certbot "
                   "renew, or Omnibus "
                   "letsencrypt['auto_renew'] = true). For a CA certificate, download the CA's current "
                   "intermediate and "
                   "rebuild the full-chain file."));
            f.details = warnings.join(QLatin1Char('\n'));
            f.explains = tlscommon::tlsExplains();
            f.docs = {docs::omnibusSsl};
            return;
        }
        if (!warnings.isEmpty()) {
            set(f, Status::Warn, warnings.join(QLatin1Char(' ')),
                tr("Renew the certificate now and make renewal automatic (certbot's timer, or Omnibus "
                   "letsencrypt['auto_renew'] = true)."));
            f.docs = {docs::omnibusSsl};
            return;
        }
        const QSslCertificate& leaf = chain.served.constFirst();
        set(f, Status::Pass,
            tr("Every served certificate is valid; the leaf expires on %1 (in %2 days).")
                .arg(day(leaf.expiryDate()))
                .arg(now.daysTo(leaf.expiryDate())));
    }
};

} // namespace

std::unique_ptr<Check> makeTlsValidityCheck()
{
    return std::make_unique<TlsValidityCheck>();
}

} // namespace gjd
