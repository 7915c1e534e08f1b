// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpcommon.h"
#include "probes/probecatalogue.h"

namespace gjd {
namespace {

class ConnectOAuthTokenCorsCheck final
{
    Q_DECLARE_TR_FUNCTIONS(gjd::ConnectOAuthTokenCorsCheck)

public:
    static void evaluate(const RunContext& ctx, Finding& f)
    {
        const HttpResponse& r = *ctx.httpResult(probe::oauthTokenPreflight);
        f.evidence = httpcommon::evidence(r, {"Access-Control-Allow-Origin", "Access-Control-Allow-Methods",
                                              "Access-Control-Allow-Headers"});
        const QByteArray allowed = r.header("Access-Control-Allow-Origin");
        const QString url = ctx.target().toString() + QStringLiteral("/oauth/token");
        f.docs = {docs::jiraCloudAppTroubleshooting};
        if (allowed == gitlabComOrigin.toLatin1() || allowed == "*") {
            set(f, Status::Pass,
                tr("%1 allows POST from %2 (preflight answered).").arg(url, gitlabComOrigin));
            return;
        }
        if (!r.errorCode.isEmpty()) {
            set(f, Status::Warn,
                tr("The preflight for POST %1 from %2 got no complete answer (%3): Chromium browsers may not "
                   "finish the "
                   "sign-in.")
                    .arg(url, gitlabComOrigin, r.error),
                tr("Let OPTIONS and POST to /oauth/token through the reverse proxy unchanged."));
            f.explains = {explains::failedToSignIn};
            return;
        }
        set(f, Status::Warn,
            tr("The preflight for POST %1 from %2 got %3 and no Access-Control-Allow-Origin: Chromium "
               "browsers cannot "
               "finish the sign-in.")
                .arg(url, gitlabComOrigin, httpcommon::statusText(r)),
            tr("Let OPTIONS and POST to /oauth/token through the reverse proxy unchanged (no "
               "proxy_hide_header "
               "Access-Control-Allow-Origin); meanwhile Firefox can be used to sign in."));
        f.explains = {explains::failedToSignIn};
    }
};

} // namespace

namespace checks {

void connectOAuthTokenCors(const RunContext& context, Finding& finding)
{
    ConnectOAuthTokenCorsCheck::evaluate(context, finding);
}

} // namespace checks

} // namespace gjd
