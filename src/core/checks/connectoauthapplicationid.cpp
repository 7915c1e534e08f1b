// SPDX-License-Identifier: GPL-3.0-or-later
#include "connect/descriptor.h"
#include "httpcommon.h"
#include "tokencommon.h"

namespace gjd {
namespace {

class ConnectOAuthApplicationIdCheck final
{
    Q_DECLARE_TR_FUNCTIONS(gjd::ConnectOAuthApplicationIdCheck)

public:
    static void evaluate(const RunContext& ctx, Finding& f)
    {
        const HttpResponse& r = *ctx.httpResult(probe::applicationId);
        f.evidence = httpcommon::evidence(r, {"X-Request-Id"});
        const QString url = ctx.target().toString() + QStringLiteral("/-/jira_connect/oauth_application_id");
        f.docs = {docs::jiraCloudAppAdmin, docs::jiraCloudAppTroubleshooting};
        const QString keyRemedy =
            tr("Create the OAuth application and enter its Application ID in Admin → Settings → General → "
               "GitLab for Jira App → Jira Connect Application ID (%1 does both).")
                .arg(ControlNames::name(ctx.options.frontend, Control::SetupTool));
        if (!r.errorCode.isEmpty()) {
            set(f, Status::Fail, tr("%1 gave no complete answer: %2").arg(url, r.error),
                tr("Make the reverse proxy pass /-/jira_connect/ to GitLab."));
            f.explains = {explains::failedToLoadAppId};
            return;
        }
        const QString proxyRemedy =
            tr("Make the reverse proxy pass /-/jira_connect/ to GitLab unchanged (no location, "
               "error page or sign-in redirect of its own for these paths).");
        if (!httpcommon::answeredByGitLabJsonEndpoint(r)) {
            QString page;
            Descriptor::parseObject(r, &page); // names a sign-in page as such
            set(f, Status::Fail,
                tr("%1 answered %2: %3 The request does not reach GitLab.")
                    .arg(url, httpcommon::statusText(r), page),
                proxyRemedy);
            f.explains = {explains::failedToLoadAppId};
            return;
        }
        if (r.status == 404) {
            // GitLab's empty 404 means a blank key; with the settings at hand, a set key means
            // something else answered.
            const auto settings = tokencommon::settings(ctx);
            const bool keySet = settings && !settings->value(QStringLiteral("jira_connect_application_key"))
                                                 .toString()
                                                 .trimmed()
                                                 .isEmpty();
            if (keySet) {
                set(f, Status::Fail,
                    tr("%1 answered 404 although the Jira Connect Application ID is set: the request does "
                       "not reach "
                       "GitLab's Jira Connect controller.")
                        .arg(url),
                    proxyRemedy);
                f.explains = {explains::failedToLoadAppId};
                return;
            }
            set(f, Status::Fail, tr("%1 answered 404: the Jira Connect Application ID is not set.").arg(url),
                keyRemedy);
            f.explains = {explains::failedToLoadAppId, explains::missingClientId, explains::signInOrSignUp};
            return;
        }
        QString error;
        const auto json = r.status == 200 ? Descriptor::parseObject(r, &error) : std::nullopt;
        const QString applicationId =
            json ? json->value(QStringLiteral("application_id")).toString() : QString();
        if (!applicationId.isEmpty()) {
            f.evidence.insert(QStringLiteral("application_id"), applicationId);
            set(f, Status::Pass, tr("The app can read the OAuth application ID (%1).").arg(applicationId));
            return;
        }
        set(f, Status::Fail,
            tr("%1 answered %2 without an application ID%3.")
                .arg(url, httpcommon::statusText(r),
                     error.isEmpty() ? QString() : QStringLiteral(" (") + error + QLatin1Char(')')),
            tr("Make the reverse proxy pass /-/jira_connect/oauth_application_id to GitLab unchanged. If it "
               "does: %1")
                .arg(keyRemedy));
        f.explains = {explains::failedToLoadAppId};
    }
};

} // namespace

namespace checks {

void connectOAuthApplicationId(const RunContext& context, Finding& finding)
{
    ConnectOAuthApplicationIdCheck::evaluate(context, finding);
}

} // namespace checks

} // namespace gjd
