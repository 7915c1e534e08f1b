// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpcommon.h"
#include "tokencommon.h"

namespace gjd {
namespace {

class ConnectCorsCheck final
{
    Q_DECLARE_TR_FUNCTIONS(gjd::ConnectCorsCheck)

public:
    static void evaluate(const RunContext& ctx, Finding& f)
    {
        const HttpResponse& get = *ctx.httpResult(probe::applicationId);
        const HttpResponse& preflight = *ctx.httpResult(probe::applicationIdPreflight);
        const QByteArray getOrigin = get.header("Access-Control-Allow-Origin");
        const QByteArray preflightOrigin = preflight.header("Access-Control-Allow-Origin");
        f.evidence.insert(QStringLiteral("origin"), gitlabComOrigin);
        f.evidence.insert(QStringLiteral("get"), httpcommon::evidence(get, {"Access-Control-Allow-Origin"}));
        f.evidence.insert(
            QStringLiteral("preflight"),
            httpcommon::evidence(preflight, {"Access-Control-Allow-Origin", "Access-Control-Allow-Methods"}));
        f.docs = {docs::jiraCloudAppTroubleshooting};
        const QByteArray wanted = gitlabComOrigin.toLatin1();
        if (getOrigin == wanted && preflightOrigin == wanted) {
            set(f, Status::Pass,
                tr("oauth_application_id allows the origin %1 (GET and preflight).").arg(gitlabComOrigin));
            return;
        }
        f.explains = {explains::failedToLoadAppId};
        if (!httpcommon::answeredByGitLabJsonEndpoint(get)) {
            set(f, Status::Fail,
                tr("oauth_application_id does not reach GitLab (%1), so GitLab.com's app pages get no CORS "
                   "answer from "
                   "GitLab at all.")
                    .arg(get.errorCode.isEmpty() ? tr("an HTML page with %1").arg(httpcommon::statusText(get))
                                                 : get.error),
                tr("Make the reverse proxy pass /-/jira_connect/ to GitLab unchanged (see "
                   "connect.oauth_application_id)."));
            return;
        }
        const QString missing = getOrigin.isEmpty() && preflightOrigin.isEmpty()
                                    ? tr("no Access-Control-Allow-Origin header")
                                    : tr("Access-Control-Allow-Origin \"%1\" / \"%2\" instead of %3")
                                          .arg(QString::fromLatin1(getOrigin),
                                               QString::fromLatin1(preflightOrigin), gitlabComOrigin);
        // With the settings we know which of the two causes it is.
        if (const auto settings = tokencommon::settings(ctx)) {
            const QString proxy = settings->value(QStringLiteral("jira_connect_proxy_url")).toString();
            f.evidence.insert(QStringLiteral("jira_connect_proxy_url"), proxy);
            if (proxy != gitlabComOrigin) {
                set(f, Status::Fail,
                    tr("GitLab answers GitLab.com's app pages with %1, because the Jira Connect Proxy URL is "
                       "\"%2\", not "
                       "exactly %3 (GitLab compares the strings).")
                        .arg(missing, proxy, gitlabComOrigin),
                    tr("Set the Jira Connect Proxy URL to exactly https://gitlab.com — no trailing slash."));
                return;
            }
            set(f, Status::Fail,
                tr("The proxy URL setting is right, but the answers carry %1: the reverse proxy strips "
                   "GitLab's CORS "
                   "headers.")
                    .arg(missing),
                tr("Remove proxy_hide_header Access-Control-Allow-Origin (and any add_header that replaces "
                   "it) for "
                   "/-/jira_connect/ in the reverse proxy."));
            return;
        }
        set(f, Status::Fail,
            tr("GitLab.com's app pages get %1 from oauth_application_id, so the browser refuses the answer.")
                .arg(missing),
            tr("Set the Jira Connect Proxy URL to exactly https://gitlab.com (no trailing slash); if it is, "
               "the reverse "
               "proxy strips the CORS headers (proxy_hide_header Access-Control-Allow-Origin). With an admin "
               "token (%1) this check tells which.")
                .arg(ControlNames::name(ctx.options.frontend, Control::GitLabToken)));
    }
};

} // namespace

namespace checks {

void connectCors(const RunContext& context, Finding& finding)
{
    ConnectCorsCheck::evaluate(context, finding);
}

} // namespace checks

} // namespace gjd
