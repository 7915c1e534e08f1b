// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpcommon.h"
#include "tokencommon.h"

namespace gjd {
namespace {

class GitLabOAuthAppTrustedCheck final
{
    Q_DECLARE_TR_FUNCTIONS(gjd::GitLabOAuthAppTrustedCheck)

public:
    static void evaluate(const RunContext& ctx, Finding& f)
    {
        const auto configured = tokencommon::configuredApplication(ctx);
        if (!configured) {
            skipFor(f, QStringLiteral("applications-unreadable"),
                    tr("The OAuth applications could not be read, so whether the application is trusted is "
                       "unknown (see gitlab.settings.application_key)."));
            return;
        }
        const QJsonObject& app = configured->application;
        const QString page = QStringLiteral("%1/admin/applications/%2/edit")
                                 .arg(ctx.url.toString())
                                 .arg(app.value(QStringLiteral("id")).toInt());
        f.evidence.insert(QStringLiteral("edit_page"), page);
        f.docs = {docs::jiraCloudAppTroubleshooting};
        f.explains = {explains::failedToSignIn};
        f.status = Status::Manual;
        f.summary =
            tr("The API does not show the Trusted flag: open %1 and make sure Trusted is cleared.").arg(page);
        f.remedy = tr("In Admin → Applications → \"%1\" → Edit, clear Trusted and save (a trusted "
                      "application makes the Jira "
                      "app's sign-in fail).")
                       .arg(app.value(QStringLiteral("application_name")).toString());
    }
};

} // namespace

namespace checks {

void gitLabOAuthAppTrusted(const RunContext& context, Finding& finding)
{
    GitLabOAuthAppTrustedCheck::evaluate(context, finding);
}

} // namespace checks

} // namespace gjd
