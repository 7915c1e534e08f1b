// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpcommon.h"
#include "platformcommon.h"

namespace gjd {
namespace {

class ForgeInstallationEndpointCheck final
{
    Q_DECLARE_TR_FUNCTIONS(gjd::ForgeInstallationEndpointCheck)

public:
    static void evaluate(const RunContext& ctx, Finding& f)
    {
        if (!platformcommon::ForgeGate::applies(ctx, f))
            return;
        const HttpResponse* response = ctx.httpResult(probe::forgeInstallation);
        const QString url =
            ctx.target().toString() + QStringLiteral("/api/v4/integrations/jira_forge/installation");
        if (!response) {
            skipFor(f, QStringLiteral("not-probed"), tr("PUT %1 was not sent.").arg(url));
            return;
        }
        const HttpResponse& r = *response;
        f.evidence = httpcommon::evidence(r, {"Server", "X-Request-Id", "Content-Type"});
        f.docs = {platformcommon::forgeRemoteContract};
        const QString proxyRemedy =
            tr("Let PUT and POST requests to /api/v4/integrations/jira_forge/ through to GitLab: remove the "
               "WAF rule, limit_except or \"location\" that blocks them (Atlassian's Forge platform calls "
               "them).");
        if (!r.errorCode.isEmpty()) {
            set(f, Status::Fail, tr("PUT %1 gave no complete answer: %2").arg(url, r.error), proxyRemedy);
            return;
        }
        if (r.status == 401) {
            const bool gitlabText = r.body.contains("Forge invocation token authentication failed");
            f.evidence.insert(QStringLiteral("gitlab_message"), gitlabText);
            set(f, Status::Pass,
                gitlabText ? tr("PUT %1 without a Forge token answers 401 \"Forge invocation token "
                                "authentication failed\", as GitLab does.")
                                 .arg(url)
                           : tr("PUT %1 without a Forge token answers 401, as GitLab does.").arg(url));
            return;
        }
        if (r.status == 404) {
            set(f, Status::Fail,
                tr("PUT %1 answered 404: this GitLab has no native Forge routes (too old), or the reverse "
                   "proxy does not pass them on.")
                    .arg(url),
                tr("Upgrade GitLab to a version with native Forge support, or make the reverse proxy pass "
                   "/api/v4/integrations/jira_forge/ to GitLab."));
            return;
        }
        if (r.status >= 200 && r.status < 300) {
            set(f, Status::Fail,
                tr("PUT %1 answered %2 without a token: whatever answers is not GitLab.")
                    .arg(url, httpcommon::statusText(r)),
                tr("Point the reverse proxy's /api/v4/ at GitLab."));
            return;
        }
        const QString html = httpcommon::looksLikeHtml(r) ? tr(" (an HTML page)") : QString();
        set(f, Status::Fail,
            tr("PUT %1 answered %2%3 instead of 401: a proxy or WAF blocks Forge's calls.")
                .arg(url, httpcommon::statusText(r), html),
            proxyRemedy);
    }
};

} // namespace

namespace checks {

void forgeInstallationEndpoint(const RunContext& context, Finding& finding)
{
    ForgeInstallationEndpointCheck::evaluate(context, finding);
}

} // namespace checks

} // namespace gjd
