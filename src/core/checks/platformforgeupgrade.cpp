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
        f.summary = tr("In Jira, open Settings → Apps; where Jira says \"App management has moved to "
                       "Administration\", choose Take me there → Installed apps. Open \"GitLab for Jira "
                       "Cloud\" and approve the major update Jira offers for it, if it offers one.");
        f.details =
            tr("GitLab republished the Marketplace app on Atlassian's Forge platform as a major upgrade that "
               "a "
               "Jira site or organization administrator must approve. It keeps the app's key and the "
               "synced data. A site that has not approved it stays on the Connect version, which is the one "
               "at risk: %1 Nothing this program can ask tells whether a site approved it.")
                .arg(platform::PlatformText::connectStatus(ctx.now.date()));
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
