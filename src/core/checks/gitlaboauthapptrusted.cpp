// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpcommon.h"
#include "tokencommon.h"

namespace gjd {
namespace {

class GitLabOAuthAppTrustedCheck final : public Check
{
    Q_DECLARE_TR_FUNCTIONS(gjd::GitLabOAuthAppTrustedCheck)

public:
    QString id() const override { return QStringLiteral("gitlab.oauth_app.trusted"); }
    QString category() const override { return category::settings; }
    QString title() const override { return tr("OAuth application not trusted"); }
    QStringList prerequisites() const override { return {QStringLiteral("gitlab.settings.application_key")}; }
    QStringList probes() const override { return {probe::apiSettings, probe::apiApplications}; }

    void evaluate(const RunContext& ctx, Finding& f) const override
    {
        const QString key = tokencommon::settings(ctx)
                                ->value(QStringLiteral("jira_connect_application_key"))
                                .toString()
                                .trimmed();
        const QJsonObject app = *tokencommon::applicationByUid(*tokencommon::applications(ctx), key);
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

std::unique_ptr<Check> makeGitLabOAuthAppTrustedCheck()
{
    return std::make_unique<GitLabOAuthAppTrustedCheck>();
}

} // namespace gjd
