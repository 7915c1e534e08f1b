// SPDX-License-Identifier: GPL-3.0-or-later
#include "check.h"

#include "manualcommon.h"

#include <QJsonArray>

namespace gjd {
namespace {

class ManualOutboundCheck final
{
    Q_DECLARE_TR_FUNCTIONS(gjd::ManualOutboundCheck)

public:
    static void evaluate(const RunContext& ctx, Finding& f)
    {
        const bool marketplace = ctx.method == Method::Marketplace;
        ManualCommands commands;
        if (marketplace)
            commands.add(
                QStringLiteral("curl --head https://gitlab.com"),
                tr("an HTTP status line (200 or 30x): GitLab.com relays the install events and serves the "
                   "public keys"));
        commands.add(QStringLiteral("curl --head https://connect-install-keys.atlassian.com"),
                     tr("\"HTTP/2 404\": the host answers, which is all that is needed"));
        commands.add(QStringLiteral("curl --head https://<your-site>.atlassian.net"),
                     tr("an HTTP status line: GitLab sends development information to Jira Cloud"));
        f.evidence.insert(QStringLiteral("commands"), commands.evidence());
        f.docs = {docs::jiraCloudAppTroubleshooting};
        f.status = Status::Manual;
        f.summary = marketplace
                        ? tr("On the GitLab server itself run \"curl --head https://gitlab.com\" (expect a "
                             "status line) "
                             "and \"curl --head https://connect-install-keys.atlassian.com\" (expect 404).")
                        : tr("On the GitLab server itself run \"curl --head "
                             "https://connect-install-keys.atlassian.com\" "
                             "(expect 404).");
        f.details =
            tr("This computer is not the GitLab server, so it cannot test the server's outbound traffic:\n") +
            commands.text() +
            tr("\n\nA timeout or \"Could not resolve host\" means the firewall or proxy blocks the "
               "instance's "
               "outbound HTTPS; in gitlab.rb, gitlab_rails['env'] can set http_proxy/https_proxy.");
        f.remedy = tr("Allow outbound HTTPS from the GitLab server to gitlab.com, "
                      "connect-install-keys.atlassian.com and "
                      "your Atlassian site.");
        f.explains = {explains::installReturned401, explains::failedToUpdateInstance};
    }
};

} // namespace

namespace checks {

void manualOutbound(const RunContext& context, Finding& finding)
{
    ManualOutboundCheck::evaluate(context, finding);
}

} // namespace checks

} // namespace gjd
