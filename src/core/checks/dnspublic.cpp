// SPDX-License-Identifier: GPL-3.0-or-later
#include "addressclassifier.h"
#include "check.h"

#include <QJsonArray>

namespace gjd {
namespace {

class DnsPublicCheck final
{
    Q_DECLARE_TR_FUNCTIONS(gjd::DnsPublicCheck)

public:
    static void evaluate(const RunContext& ctx, Finding& f)
    {
        if (ctx.dns->addresses.isEmpty() && !ctx.dns->proxy.isEmpty()) {
            skipFor(f, QStringLiteral("resolved-by-proxy"),
                    tr("No address is known here: the proxy %1 resolves %2.")
                        .arg(ctx.dns->proxy, ctx.target().host()));
            return;
        }
        QJsonArray list;
        QStringList problems;
        for (const QHostAddress& a : ctx.dns->addresses) {
            const AddressClass c = AddressClassifier::classify(a);
            list.append(QJsonObject{{QStringLiteral("address"), a.toString()},
                                    {QStringLiteral("class"), c.code},
                                    {QStringLiteral("range"), c.range},
                                    {QStringLiteral("public"), c.isPublic}});
            if (!c.isPublic)
                problems.append(c.range.isEmpty() ? tr("%1 is %2").arg(a.toString(), c.name)
                                                  : tr("%1 is %2, %3").arg(a.toString(), c.name, c.range));
        }
        f.evidence.insert(QStringLiteral("addresses"), list);
        if (problems.isEmpty()) {
            set(f, Status::Pass, tr("Every address of %1 is publicly routable.").arg(ctx.target().host()));
            return;
        }
        f.status = Status::Warn;
        f.summary = tr("%1: Jira Cloud and GitLab.com cannot reach such an address.")
                        .arg(problems.join(QLatin1String("; ")));
        f.details = ctx.dns->fromResolveOption
                        ? tr("The address comes from %1. Check the address that public DNS will give.")
                              .arg(ControlNames::name(ctx.options.frontend, Control::Address))
                        : tr("From inside a split-horizon network, public DNS may answer differently: ask a "
                             "public resolver "
                             "(for example: dig +short %1 @1.1.1.1) to see what Jira Cloud sees.")
                              .arg(ctx.target().host());
        f.remedy = ctx.dns->literalAddress
                       ? tr("Use a URL whose host name resolves to a public address, or publish the instance "
                            "through a "
                            "reverse proxy with a public address and check that URL.")
                       : tr("Give %1 a public address (an A/AAAA record reachable from the internet), or "
                            "publish the "
                            "instance through a reverse proxy with a public address and check that URL.")
                             .arg(ctx.target().host());
        f.docs = {docs::jiraCloudAppAdmin};
        f.explains = {explains::failedToUpdateInstance};
    }
};

} // namespace

namespace checks {

void dnsPublic(const RunContext& context, Finding& finding)
{
    DnsPublicCheck::evaluate(context, finding);
}

} // namespace checks

} // namespace gjd
