// SPDX-License-Identifier: GPL-3.0-or-later
#include "platformcommon.h"

#include "manualcommon.h"

#include <QJsonArray>

namespace gjd {
namespace {

// In native Forge mode GitLab talks to Atlassian directly (reference/platform-2026-12.md): it
// pushes development information to api.atlassian.com and fetches Forge's signing keys from
// forge.cdn.prod.atlassian-dev.net (5 s timeout); Forge calls the instance from Atlassian's
// "Outgoing Connections" ranges and waits 25 s for UI calls, 5 s for events.
class ManualForgeNetworkCheck final
{
    Q_DECLARE_TR_FUNCTIONS(gjd::ManualForgeNetworkCheck)

public:
    static void evaluate(const RunContext& ctx, Finding& f)
    {
        if (!platformcommon::ForgeGate::applies(ctx, f))
            return;
        ManualCommands commands;
        commands.add(
            QStringLiteral("curl --head https://api.atlassian.com"),
            tr("an HTTP status line: in native Forge mode GitLab sends development information there"));
        commands.add(
            QStringLiteral("curl https://forge.cdn.prod.atlassian-dev.net/.well-known/jwks.json"),
            tr("a JSON document with \"keys\": GitLab checks Forge's invocation tokens with them and waits "
               "at most 5 seconds"));
        f.evidence.insert(QStringLiteral("commands"), commands.evidence());
        f.evidence.insert(QStringLiteral("outbound"),
                          QJsonArray{QStringLiteral("api.atlassian.com"),
                                     QStringLiteral("forge.cdn.prod.atlassian-dev.net")});
        f.evidence.insert(QStringLiteral("inbound"),
                          QStringLiteral("Atlassian \"Outgoing Connections\" ranges"));
        f.status = Status::Manual;
        f.summary = tr("On the GitLab server run \"curl --head https://api.atlassian.com\" and \"curl "
                       "https://forge.cdn.prod.atlassian-dev.net/.well-known/jwks.json\"; let Atlassian's "
                       "\"Outgoing Connections\" ranges reach %1/api/v4/integrations/jira_forge/.")
                        .arg(ctx.target().toString());
        f.details =
            tr("Native Forge mode is experimental in GitLab. This computer is not the GitLab server and "
               "not Atlassian, so it cannot test this traffic:\n") +
            commands.text() +
            tr("\n\nInbound, Forge calls the instance from the ranges Atlassian lists as \"Outgoing "
               "Connections\" and gives up after 25 seconds for calls from Jira's pages and 5 seconds for "
               "events.");
        f.remedy = tr("Allow outbound HTTPS from the GitLab server to api.atlassian.com and "
                      "forge.cdn.prod.atlassian-dev.net, and inbound HTTPS from Atlassian's \"Outgoing "
                      "Connections\" ranges.");
        f.docs = {platformcommon::forgeRemoteContract, docs::atlassianIpRanges};
    }
};

} // namespace

namespace checks {

void manualForgeNetwork(const RunContext& context, Finding& finding)
{
    ManualForgeNetworkCheck::evaluate(context, finding);
}

} // namespace checks

} // namespace gjd
