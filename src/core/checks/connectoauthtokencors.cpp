// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpcommon.h"
#include "probes/probecatalogue.h"

namespace gjd {
namespace {

class ConnectOAuthTokenCorsCheck final : public Check
{
    Q_DECLARE_TR_FUNCTIONS(gjd::ConnectOAuthTokenCorsCheck)

public:
    QString id() const override { return QStringLiteral("connect.oauth_token_cors"); }
    QString category() const override { return category::connect; }
    QString title() const override { return tr("CORS for the OAuth token endpoint"); }
    QList<Method> methods() const override { return {Method::Marketplace}; }
    QStringList prerequisites() const override { return {QStringLiteral("tls.client_certificate")}; }
    QStringList probes() const override { return {probe::oauthTokenPreflight}; }

    void evaluate(const RunContext& ctx, Finding& f) const override
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

std::unique_ptr<Check> makeConnectOAuthTokenCorsCheck()
{
    return std::make_unique<ConnectOAuthTokenCorsCheck>();
}

} // namespace gjd
