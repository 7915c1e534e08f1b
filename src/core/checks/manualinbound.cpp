// SPDX-License-Identifier: GPL-3.0-or-later
#include "check.h"

#include <QJsonArray>

namespace gjd {
namespace {

class ManualInboundCheck final
{
    Q_DECLARE_TR_FUNCTIONS(gjd::ManualInboundCheck)

public:
    // GitLab.com's web/API fleet, which forwards the Marketplace app's lifecycle events.
    static QStringList gitlabComRanges()
    {
        return {QStringLiteral("34.74.90.64/28"), QStringLiteral("34.74.226.0/24")};
    }

    static void evaluate(const RunContext& ctx, Finding& f)
    {
        const bool marketplace = ctx.method == Method::Marketplace;
        QString snippet =
            QStringLiteral("# %1\nlocation /-/jira_connect/events/ {\n")
                .arg(tr("lifecycle events only: users' browsers must still reach the rest of GitLab"));
        if (marketplace) {
            for (const QString& range : gitlabComRanges())
                snippet += QStringLiteral("    allow %1;   # GitLab.com\n").arg(range);
        }
        snippet +=
            QStringLiteral("    # %1\n")
                .arg(tr(
                    "Atlassian egress ranges for Jira: https://ip-ranges.atlassian.com/ (direction egress, "
                    "product jira)"));
        snippet += QStringLiteral("    deny all;\n    proxy_pass <%1>;\n}\n").arg(tr("your GitLab upstream"));
        f.evidence.insert(QStringLiteral("gitlab_com_ranges"), QJsonArray::fromStringList(gitlabComRanges()));
        f.evidence.insert(QStringLiteral("atlassian_ranges"),
                          QStringLiteral("https://ip-ranges.atlassian.com/"));
        f.evidence.insert(QStringLiteral("nginx"), snippet);
        f.docs = {docs::jiraCloudAppAdmin, docs::atlassianIpRanges};
        f.status = Status::Manual;
        f.summary = marketplace ? tr("This computer cannot test whether GitLab.com (34.74.90.64/28, "
                                     "34.74.226.0/24) and Jira Cloud "
                                     "reach %1; check the firewall allows them.")
                                      .arg(ctx.target().toString())
                                : tr("This computer cannot test whether Jira Cloud (Atlassian's egress "
                                     "ranges) reaches %1; check "
                                     "the firewall allows it.")
                                      .arg(ctx.target().toString());
        f.details = tr("If the instance is behind a firewall, allow at least these sources to port %1. An "
                       "nginx snippet "
                       "that restricts only the lifecycle events:\n\n%2")
                        .arg(ctx.target().port())
                        .arg(snippet);
        f.remedy =
            tr("Allow inbound HTTPS from the ranges above; Atlassian's list changes, so take it from "
               "https://ip-ranges.atlassian.com/ (items with direction \"egress\" and product \"jira\").");
    }
};

} // namespace

namespace checks {

void manualInbound(const RunContext& context, Finding& finding)
{
    ManualInboundCheck::evaluate(context, finding);
}

} // namespace checks

} // namespace gjd
