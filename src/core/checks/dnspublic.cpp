// SPDX-License-Identifier: GPL-3.0-or-later
#include "addressclassifier.h"
#include "check.h"

#include <QJsonArray>

namespace gjd {
namespace {

class DnsPublicCheck final : public Check
{
    Q_DECLARE_TR_FUNCTIONS(gjd::DnsPublicCheck)

public:
    QString id() const override { return QStringLiteral("dns.public"); }
    QString category() const override { return category::network; }
    QString title() const override { return tr("Addresses are publicly routable"); }
    QStringList prerequisites() const override { return {QStringLiteral("dns.resolve")}; }
    QStringList probes() const override { return {QStringLiteral("dns")}; }

    void evaluate(const RunContext& ctx, Finding& f) const override
    {
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

std::unique_ptr<Check> makeDnsPublicCheck()
{
    return std::make_unique<DnsPublicCheck>();
}

} // namespace gjd
