// SPDX-License-Identifier: GPL-3.0-or-later
#include "check.h"

#include <QJsonArray>

namespace gjd {
namespace {

class DnsResolveCheck final
{
    Q_DECLARE_TR_FUNCTIONS(gjd::DnsResolveCheck)

public:
    static void evaluate(const RunContext& ctx, Finding& f)
    {
        const DnsResult& dns = *ctx.dns;
        QJsonArray v4;
        QJsonArray v6;
        QStringList all;
        for (const QHostAddress& a : dns.addresses) {
            (a.protocol() == QAbstractSocket::IPv6Protocol ? v6 : v4).append(a.toString());
            all.append(a.toString());
        }
        f.evidence.insert(QStringLiteral("host"), ctx.target().host());
        f.evidence.insert(QStringLiteral("a"), v4);
        f.evidence.insert(QStringLiteral("aaaa"), v6);
        f.evidence.insert(QStringLiteral("source"), dns.fromResolveOption ? QStringLiteral("--resolve")
                                                    : dns.literalAddress  ? QStringLiteral("literal")
                                                                         : QStringLiteral("system-resolver"));
        if (!dns.proxy.isEmpty())
            f.evidence.insert(QStringLiteral("proxy"), dns.proxy);
        if (!dns.ok && !dns.proxy.isEmpty()) {
            // Through a proxy the name is the proxy's to resolve: tcp.connect says whether it did.
            f.evidence.insert(QStringLiteral("error"), dns.errorCode);
            set(f, Status::Info,
                tr("%1 does not resolve on this computer (%2), but the connections go through the proxy %3, "
                   "which resolves the name itself.")
                    .arg(ctx.target().host(), dns.error, dns.proxy));
            f.details = tr("Jira Cloud and GitLab.com resolve it with public DNS: make sure a public A/AAAA "
                           "record exists (dig +short %1 @1.1.1.1).")
                            .arg(ctx.target().host());
            return;
        }
        if (!dns.ok) {
            f.evidence.insert(QStringLiteral("error"), dns.errorCode);
            const QString remedy =
                dns.errorCode == QLatin1String("timeout")
                    ? tr("Check this computer's DNS resolver, then that the name servers of %1 answer.")
                          .arg(ctx.target().host())
                    : tr("Create a public A (and, if the instance has IPv6, AAAA) record for %1. To check a "
                         "server before "
                         "DNS points at it, use --resolve %1:%2:ADDRESS.")
                          .arg(ctx.target().host())
                          .arg(ctx.target().port());
            set(f, Status::Fail, dns.error, remedy);
            return;
        }
        if (dns.fromResolveOption) {
            set(f, Status::Pass,
                tr("Using %1 for %2, as given with %3 (DNS was not asked).")
                    .arg(all.join(QLatin1String(", ")), ctx.target().host(),
                         ControlNames::name(ctx.options.frontend, Control::Address)));
        } else if (dns.literalAddress) {
            set(f, Status::Pass,
                tr("The URL names the address %1 directly.").arg(all.join(QLatin1String(", "))));
            f.details = tr(
                "Jira Cloud and GitLab.com can use an address, but a publicly trusted certificate for a bare "
                "IP address is rare; a host name is the usual setup.");
        } else {
            set(f, Status::Pass,
                tr("%1 resolves to %2.").arg(ctx.target().host(), all.join(QLatin1String(", "))));
            if (!dns.proxy.isEmpty())
                f.details =
                    tr("The connections go through the proxy %1, which resolves the name itself; these "
                       "are this computer's answers.")
                        .arg(dns.proxy);
        }
    }
};

} // namespace

namespace checks {

void dnsResolve(const RunContext& context, Finding& finding)
{
    DnsResolveCheck::evaluate(context, finding);
}

} // namespace checks

} // namespace gjd
