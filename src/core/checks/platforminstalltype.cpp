// SPDX-License-Identifier: GPL-3.0-or-later
#include "check.h"
#include "connect/platformfacts.h"
#include "platformcommon.h"

namespace gjd {
namespace {

class PlatformInstallTypeCheck final
{
    Q_DECLARE_TR_FUNCTIONS(gjd::PlatformInstallTypeCheck)

public:
    static void evaluate(const RunContext& ctx, Finding& f)
    {
        const InstallTypeDecision d = InstallTypes::decide(ctx);
        f.docs = {docs::jiraCloudAppAdmin};
        if (!d.decided) {
            skipFor(f, QStringLiteral("undecided"),
                    tr("The install type could not be decided: no administrator's token was given, and the "
                       "descriptor and the Application ID endpoint gave no usable answer."));
            return;
        }
        f.evidence.insert(QStringLiteral("install_type"), installTypeId(d.type));
        f.evidence.insert(QStringLiteral("decided_by"), d.decidedBy);
        if (!d.descriptorKey.isEmpty())
            f.evidence.insert(QStringLiteral("descriptor_key"), d.descriptorKey);
        if (d.decidedBy == QLatin1String("settings")) {
            f.evidence.insert(QStringLiteral("jira_connect_proxy_url"), d.proxyUrl);
            f.evidence.insert(QStringLiteral("forge_setting"),
                              d.forgeSettingAbsent ? QStringLiteral("absent") : QStringLiteral("present"));
            f.evidence.insert(QStringLiteral("relays_for_others"), d.relaysForOthers);
            f.evidence.insert(QStringLiteral("reason"), d.reason);
        }
        const QString how = d.decidedBy == QLatin1String("settings")
                                ? tr("Decided from the GitLab settings: %1.").arg(d.reason)
                                : tr("Decided without a token, from %1. A native Forge install "
                                     "(jira_forge_app_id) shows only in the settings.")
                                      .arg(d.reason);
        QStringList details{how};
        if (d.forgeSettingAbsent)
            details.append(tr("This GitLab has no jira_forge_app_id setting: it predates GitLab's Forge "
                              "support."));
        const QString move =
            ctx.options.frontend == Frontend::Desktop
                ? tr("Move to the Marketplace app with the setup wizard (\"Existing legacy install: move it "
                     "to the "
                     "Marketplace app\"), then install \"GitLab for Jira Cloud\" from the Atlassian "
                     "Marketplace "
                     "in Jira.")
                : tr("Move to the Marketplace app: gitlab-jira-doctor-cli configure <URL> --method "
                     "marketplace, or "
                     "the desktop program's setup wizard (\"Existing legacy install: move it to the "
                     "Marketplace "
                     "app\"), "
                     "then install \"GitLab for Jira Cloud\" from the Atlassian Marketplace in Jira.");
        switch (d.type) {
        case InstallType::Marketplace:
            set(f, Status::Info,
                tr("marketplace: the Marketplace app, reached through GitLab.com, as expected."));
            break;
        case InstallType::ForgeNative:
            set(f, Status::Info,
                tr("forge-native: GitLab's native Forge mode, which is experimental in GitLab and not yet "
                   "documented for administrators."));
            break;
        case InstallType::LegacyConnect: {
            const bool ended = platform::connectPhase(ctx.now.date()) == platform::ConnectPhase::EndOfSupport;
            set(f, ended ? Status::Fail : Status::Warn,
                tr("legacy-connect: a private Connect app, which Atlassian's Connect end of support puts at "
                   "risk."),
                move);
            details.append(platform::PlatformText::connectStatus(ctx.now.date()));
            if (d.relaysForOthers)
                details.append(tr("Other instances use this one as their Jira Connect proxy: each of them "
                                  "must move to the Marketplace app too."));
            f.explains = {};
            break;
        }
        case InstallType::None:
            set(f, Status::Info, tr("none: the GitLab for Jira Cloud app is not set up on this instance."),
                ctx.options.frontend == Frontend::Desktop
                    ? tr("Set it up with the setup wizard (Set up the GitLab for Jira Cloud app, on the "
                         "start "
                         "page).")
                    : tr("Set it up with the Marketplace method: gitlab-jira-doctor-cli configure <URL> "
                         "--method "
                         "marketplace, or the desktop program's setup wizard."));
            break;
        }
        f.details = details.join(QLatin1Char(' '));
    }
};

} // namespace

namespace checks {

void platformInstallType(const RunContext& context, Finding& finding)
{
    PlatformInstallTypeCheck::evaluate(context, finding);
}

} // namespace checks

} // namespace gjd
