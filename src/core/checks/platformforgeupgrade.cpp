// SPDX-License-Identifier: GPL-3.0-or-later
#include "check.h"
#include "connect/platformfacts.h"

namespace gjd {
namespace {

// GitLab republished the Marketplace app on Forge as a major upgrade a Jira admin must approve
// (reference/platform-2026-12.md). No API tells whether a site approved it, so this is manual.
class PlatformForgeUpgradeCheck final : public Check
{
    Q_DECLARE_TR_FUNCTIONS(gjd::PlatformForgeUpgradeCheck)

public:
    QString id() const override { return QStringLiteral("platform.forge_upgrade"); }
    QString category() const override { return category::platform; }
    QString title() const override { return tr("Forge upgrade of the Marketplace app approved in Jira"); }
    QList<Method> methods() const override { return {Method::Marketplace}; }
    QStringList prerequisites() const override { return {QStringLiteral("input.url")}; }

    void evaluate(const RunContext& ctx, Finding& f) const override
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

std::unique_ptr<Check> makePlatformForgeUpgradeCheck()
{
    return std::make_unique<PlatformForgeUpgradeCheck>();
}

} // namespace gjd
