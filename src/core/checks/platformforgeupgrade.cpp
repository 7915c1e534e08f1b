// SPDX-License-Identifier: GPL-3.0-or-later
#include "check.h"
#include "connect/platformfacts.h"

namespace gjd {
namespace {

// GitLab republished the Marketplace app on Forge as a major upgrade a Jira admin must approve
// (reference/platform-2026-12.md). No API tells whether a site approved it, so this is manual.
class PlatformForgeUpgradeCheck final
{
    Q_DECLARE_TR_FUNCTIONS(gjd::PlatformForgeUpgradeCheck)

public:
    static void evaluate(const RunContext& ctx, Finding& f)
    {
        f.status = Status::Manual;
        f.summary = platform::PlatformText::forgeUpgradeWhere();
        f.details = platform::PlatformText::forgeUpgradeWhy(ctx.now.date());
        f.remedy = tr("Approve the upgrade as a Jira administrator (member of site-admins or org-admins).");
        f.evidence.insert(QStringLiteral("app_key"), QStringLiteral("gitlab-jira-connect-gitlab.com"));
        f.evidence.insert(QStringLiteral("source"), platform::connectEndOfSupport().source);
        f.docs = {docs::jiraCloudAppAdmin, docs::jiraCloudAppTroubleshooting};
    }
};

} // namespace

namespace checks {

void platformForgeUpgrade(const RunContext& context, Finding& finding)
{
    PlatformForgeUpgradeCheck::evaluate(context, finding);
}

} // namespace checks

} // namespace gjd
