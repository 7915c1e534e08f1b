// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpcommon.h"
#include "probes/probecatalogue.h"

namespace gjd {
namespace {

class HttpBaseCheck final
{
    Q_DECLARE_TR_FUNCTIONS(gjd::HttpBaseCheck)

public:
    static void evaluate(const RunContext& ctx, Finding& f)
    {
        const HttpResponse& r = *ctx.httpResult(probe::signIn);
        f.evidence = httpcommon::evidence(r, {"Server", "X-Gitlab-Meta", "X-Request-Id", "Location"});
        const QString url = ctx.target().toString() + QStringLiteral("/users/sign_in");
        f.docs = {docs::jiraCloudAppAdmin};
        if (!r.hasAnswer() || (!r.errorCode.isEmpty() && r.errorCode != QLatin1String("too-large"))) {
            set(f, Status::Fail, tr("%1 gave no HTTP answer: %2").arg(url, r.error),
                tr("Check that the web server or reverse proxy passes requests to GitLab (nginx: proxy_pass "
                   "to "
                   "GitLab's workhorse or internal URL)."));
            return;
        }
        // Redirects that leave the origin: the reverse proxy or external_url sends clients elsewhere.
        QStringList hops;
        bool leftOrigin = false;
        for (const HttpHop& hop : r.hops) {
            const QUrl to = hop.url.resolved(QUrl::fromEncoded(hop.location));
            hops.append(QStringLiteral("%1 %2 → %3").arg(hop.status).arg(hop.url.toString(), to.toString()));
            leftOrigin = leftOrigin || to.host() != ctx.target().host() ||
                         to.scheme() != QLatin1String("https") || to.port(443) != ctx.target().port();
        }
        if (r.status >= 500) {
            set(f, Status::Fail,
                tr("%1 answered %2: the web server reaches no working GitLab behind it.")
                    .arg(url, httpcommon::statusText(r)),
                tr("Check that GitLab runs (gitlab-ctl status) and that the reverse proxy's proxy_pass "
                   "points at it."));
            return;
        }
        if (leftOrigin) {
            set(f, Status::Warn,
                tr("%1 redirects to another host or scheme: %2").arg(url, hops.join(QLatin1String("; "))),
                tr("Make the reverse proxy pass the public host name (nginx: proxy_set_header Host %1;) and "
                   "check "
                   "external_url in gitlab.rb: Jira Cloud and GitLab.com follow the same redirects and end "
                   "up elsewhere.")
                    .arg(ctx.target().hostAndPort()));
            return;
        }
        const QByteArray body = r.body.toLower();
        const bool gitlab = body.contains("gitlab") || !r.header("X-Gitlab-Meta").isEmpty();
        if (r.status != 200 || !gitlab) {
            set(f, Status::Warn,
                tr("%1 answered %2, which does not look like GitLab's sign-in page.")
                    .arg(url, httpcommon::statusText(r)),
                tr("Check that this URL is the GitLab instance (with its relative root, if any) and that the "
                   "reverse "
                   "proxy passes every path to GitLab."));
            return;
        }
        set(f, Status::Pass,
            hops.isEmpty() ? tr("GitLab's sign-in page answers at %1.").arg(url)
                           : tr("GitLab's sign-in page answers at %1 (after %2).")
                                 .arg(url, hops.join(QLatin1String("; "))));
    }
};

} // namespace

namespace checks {

void httpBase(const RunContext& context, Finding& finding)
{
    HttpBaseCheck::evaluate(context, finding);
}

} // namespace checks

} // namespace gjd
