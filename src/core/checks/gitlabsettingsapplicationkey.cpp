// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpcommon.h"
#include "tokencommon.h"

namespace gjd {
namespace {

class GitLabSettingsApplicationKeyCheck final
{
    Q_DECLARE_TR_FUNCTIONS(gjd::GitLabSettingsApplicationKeyCheck)

public:
    static void evaluate(const RunContext& ctx, Finding& f)
    {
        const auto settings = tokencommon::SettingsReader::require(ctx, f);
        f.docs = {docs::jiraCloudAppAdmin};
        if (!settings)
            return;
        const QString key =
            settings->value(QStringLiteral("jira_connect_application_key")).toString().trimmed();
        f.evidence.insert(QStringLiteral("jira_connect_application_key"), key);
        const QString remedy =
            tr("Create the OAuth application (redirect URI %1, scope api, not confidential) and enter its "
               "Application ID in Admin → Settings → General → GitLab for Jira App; %2 does both.")
                .arg(tokencommon::redirectUri(ctx),
                     ControlNames::name(ctx.options.frontend, Control::SetupTool));
        if (key.isEmpty()) {
            set(f, Status::Fail, tr("The Jira Connect Application ID is blank."), remedy);
            f.explains = {explains::failedToLoadAppId, explains::missingClientId};
            return;
        }
        const auto apps = tokencommon::applications(ctx);
        if (!apps) {
            set(f, Status::Warn,
                tr("The Application ID is %1, but the OAuth applications could not be read to confirm it.")
                    .arg(key),
                tr("Use an administrator's token with the api scope."));
            return;
        }
        const auto app = tokencommon::applicationByUid(*apps, key);
        if (!app) {
            set(f, Status::Fail,
                tr("The Application ID %1 belongs to no OAuth application of this instance (%n "
                   "application(s) listed).",
                   nullptr, int(apps->size()))
                    .arg(key),
                remedy);
            f.explains = {explains::missingClientId, explains::failedToSignIn};
            return;
        }
        f.evidence.insert(QStringLiteral("application_name"), app->value(QStringLiteral("application_name")));
        set(f, Status::Pass,
            tr("Set to the OAuth application \"%1\".")
                .arg(app->value(QStringLiteral("application_name")).toString()));
    }
};

} // namespace

namespace checks {

void gitLabSettingsApplicationKey(const RunContext& context, Finding& finding)
{
    GitLabSettingsApplicationKeyCheck::evaluate(context, finding);
}

} // namespace checks

} // namespace gjd
