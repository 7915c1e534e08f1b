// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpcommon.h"

#include "setup/setupplan.h"
#include "tokencommon.h"

namespace gjd {
namespace {

class GitLabOAuthAppCheck final
{
    Q_DECLARE_TR_FUNCTIONS(gjd::GitLabOAuthAppCheck)

public:
    static void evaluate(const RunContext& ctx, Finding& f)
    {
        const auto configured = tokencommon::configuredApplication(ctx);
        if (!configured) {
            skipFor(f, QStringLiteral("applications-unreadable"),
                    tr("The OAuth applications could not be read, so the application cannot be judged "
                       "(see gitlab.settings.application_key)."));
            return;
        }
        const QString& key = configured->key;
        const QJsonArray& apps = configured->all;
        const QJsonObject& app = configured->application;
        const QString expectedUri = tokencommon::redirectUri(ctx);
        const QString callback = app.value(QStringLiteral("callback_url")).toString();
        const bool confidential = app.value(QStringLiteral("confidential")).toBool(true);
        f.evidence.insert(QStringLiteral("id"), app.value(QStringLiteral("id")));
        f.evidence.insert(QStringLiteral("application_name"), app.value(QStringLiteral("application_name")));
        f.evidence.insert(QStringLiteral("callback_url"), callback);
        f.evidence.insert(QStringLiteral("confidential"), confidential);
        f.evidence.insert(QStringLiteral("expected_callback_url"), expectedUri);
        f.docs = {docs::jiraCloudAppAdmin, docs::jiraCloudAppTroubleshooting};
        const QString edit =
            tr("Edit the application in Admin → Applications (%1/admin/applications/%2/edit), or "
               "create a new one with %3.")
                .arg(ctx.url.toString())
                .arg(app.value(QStringLiteral("id")).toInt())
                .arg(ControlNames::name(ctx.options.frontend, Control::SetupTool));
        const OAuthApplication parsed = OAuthApplication::fromJson(app);
        if (parsed.scopes)
            f.evidence.insert(QStringLiteral("scopes"), QJsonArray::fromStringList(*parsed.scopes));
        const QStringList problems = setup::applicationProblems(parsed, expectedUri);
        if (!problems.isEmpty()) {
            set(f, Status::Fail,
                tr("The OAuth application \"%1\": %2.")
                    .arg(app.value(QStringLiteral("application_name")).toString(),
                         problems.join(QLatin1String("; "))),
                edit);
            f.explains = {explains::failedToSignIn};
            return;
        }
        // Other applications that also point at a Jira callback: leftovers that confuse admins.
        QStringList others;
        for (const QJsonValue& v : apps) {
            const QJsonObject o = v.toObject();
            if (o.value(QStringLiteral("application_id")).toString() != key &&
                o.value(QStringLiteral("callback_url"))
                    .toString()
                    .contains(QLatin1String("/-/jira_connect/oauth_callbacks")))
                others.append(o.value(QStringLiteral("application_name")).toString());
        }
        if (!others.isEmpty()) {
            f.evidence.insert(QStringLiteral("other_jira_applications"), QJsonArray::fromStringList(others));
            set(f, Status::Info,
                tr("\"%1\" is set up right; %n other application(s) also point at a Jira callback: %2.",
                   nullptr, int(others.size()))
                    .arg(app.value(QStringLiteral("application_name")).toString(),
                         others.join(QLatin1String(", "))));
            return;
        }
        set(f, Status::Pass,
            tr("\"%1\": not confidential, redirect URI %2.")
                .arg(app.value(QStringLiteral("application_name")).toString(), expectedUri));
    }
};

} // namespace

namespace checks {

void gitLabOAuthApp(const RunContext& context, Finding& finding)
{
    GitLabOAuthAppCheck::evaluate(context, finding);
}

} // namespace checks

} // namespace gjd
