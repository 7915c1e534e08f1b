// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpcommon.h"
#include "probes/probecatalogue.h"

namespace gjd {
namespace {

class ConnectLifecycleCheck final
{
    Q_DECLARE_TR_FUNCTIONS(gjd::ConnectLifecycleCheck)

public:
    static void evaluate(const RunContext& ctx, Finding& f)
    {
        const HttpResponse& r = *ctx.httpResult(probe::installed);
        f.evidence = httpcommon::evidence(r, {"Server", "X-Request-Id", "Allow"});
        const QString url = ctx.target().toString() + QStringLiteral("/-/jira_connect/events/installed");
        f.docs = {docs::jiraCloudAppTroubleshooting};
        f.explains = {explains::failedToUpdateInstance, explains::invalidJwt};
        const QString proxyRemedy =
            tr("Let POST requests to /-/jira_connect/events/ through to GitLab: remove the WAF rule, "
               "limit_except or "
               "\"location\" that blocks them (GitLab.com and Jira send the install events there).");
        if (!r.errorCode.isEmpty()) {
            set(f, Status::Fail, tr("POST %1 gave no complete answer: %2").arg(url, r.error), proxyRemedy);
            return;
        }
        if (r.status == 401) {
            f.explains.clear();
            set(f, Status::Pass, tr("POST %1 without a token answers 401, as GitLab does.").arg(url));
            return;
        }
        if (r.status == 404) {
            set(f, Status::Fail,
                tr("POST %1 answered 404: the route does not reach GitLab, or the instance's integration "
                   "allowlist "
                   "excludes the GitLab for Jira Cloud app.")
                    .arg(url),
                tr("Allow the GitLab for Jira Cloud app in Admin → Settings → General → Integrations "
                   "(allowlist), and make "
                   "the reverse proxy pass /-/jira_connect/ to GitLab."));
            return;
        }
        if (r.status >= 200 && r.status < 300) {
            set(f, Status::Fail,
                tr("POST %1 answered %2 without a token: whatever answers is not GitLab.")
                    .arg(url, httpcommon::statusText(r)),
                tr("Point the reverse proxy's /-/jira_connect/ at GitLab."));
            return;
        }
        const QString html = httpcommon::looksLikeHtml(r) ? tr(" (an HTML page)") : QString();
        set(f, Status::Fail,
            tr("POST %1 answered %2%3 instead of 401: a proxy or WAF blocks the install events.")
                .arg(url, httpcommon::statusText(r), html),
            proxyRemedy);
    }
};

} // namespace

namespace checks {

void connectLifecycle(const RunContext& context, Finding& finding)
{
    ConnectLifecycleCheck::evaluate(context, finding);
}

} // namespace checks

} // namespace gjd
