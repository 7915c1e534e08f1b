// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpcommon.h"
#include "probes/probecatalogue.h"

namespace gjd {
namespace {

class ConnectOAuthCallbacksCheck final
{
    Q_DECLARE_TR_FUNCTIONS(gjd::ConnectOAuthCallbacksCheck)

public:
    static void evaluate(const RunContext& ctx, Finding& f)
    {
        const HttpResponse& r = *ctx.httpResult(probe::oauthCallbacks);
        f.evidence = httpcommon::evidence(r, {"X-Request-Id"});
        const QString url = ctx.target().toString() + QStringLiteral("/-/jira_connect/oauth_callbacks");
        f.docs = {docs::jiraCloudAppAdmin};
        if (r.errorCode.isEmpty() && r.status == 200) {
            set(f, Status::Pass, tr("%1 answers 200.").arg(url));
            return;
        }
        if (!r.errorCode.isEmpty()) {
            set(f, Status::Fail, tr("%1 gave no complete answer: %2").arg(url, r.error),
                tr("Make the reverse proxy pass /-/jira_connect/oauth_callbacks to GitLab."));
            f.explains = {explains::failedToSignIn};
            return;
        }
        set(f, Status::Fail,
            tr("%1 answered %2: the OAuth sign-in cannot return to GitLab.")
                .arg(url, httpcommon::statusText(r)),
            tr("Make the reverse proxy pass /-/jira_connect/oauth_callbacks to GitLab; the OAuth "
               "application's redirect "
               "URI must be exactly this URL."));
        f.explains = {explains::failedToSignIn};
    }
};

} // namespace

namespace checks {

void connectOAuthCallbacks(const RunContext& context, Finding& finding)
{
    ConnectOAuthCallbacksCheck::evaluate(context, finding);
}

} // namespace checks

} // namespace gjd
