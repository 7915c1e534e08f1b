// SPDX-License-Identifier: GPL-3.0-or-later
#include "connect/descriptor.h"
#include "httpcommon.h"
#include "probes/probecatalogue.h"

namespace gjd {
namespace {

class GitLabApiCheck final
{
    Q_DECLARE_TR_FUNCTIONS(gjd::GitLabApiCheck)

public:
    static void evaluate(const RunContext& ctx, Finding& f)
    {
        const HttpResponse& r = *ctx.httpResult(probe::versionAnonymous);
        f.evidence = httpcommon::evidence(r, {"WWW-Authenticate", "X-Request-Id"});
        const QString url = ctx.target().toString() + QStringLiteral("/api/v4/version");
        const QString remedy =
            tr("Make the reverse proxy pass /api/v4/ to GitLab unchanged: the Jira app's pages call "
               "the API from the browser.");
        f.docs = {docs::jiraCloudAppAdmin};
        if (!r.errorCode.isEmpty()) {
            set(f, Status::Fail, tr("%1 gave no complete HTTP answer: %2").arg(url, r.error), remedy);
            return;
        }
        QString error;
        const auto json = Descriptor::parseObject(r, &error);
        if (r.status == 401 && json &&
            json->value(QStringLiteral("message")).toString().startsWith(QLatin1String("401"))) {
            set(f, Status::Pass, tr("The API answers at %1 (401 without a token, as expected).").arg(url));
            return;
        }
        if (r.status == 200 && json && json->contains(QStringLiteral("version"))) {
            set(f, Status::Pass, tr("The API answers at %1.").arg(url));
            return;
        }
        // `error` is a sentence of its own ("The answer is an HTML page, not JSON.").
        const QString summary =
            json
                ? tr("%1 answered %2 with unexpected JSON: the GitLab API is not reachable through this URL.")
                      .arg(url, httpcommon::statusText(r))
                : tr("%1 answered %2. %3 The GitLab API is not reachable through this URL.")
                      .arg(url, httpcommon::statusText(r), error);
        set(f, Status::Fail, summary, remedy);
    }
};

} // namespace

namespace checks {

void gitLabApi(const RunContext& context, Finding& finding)
{
    GitLabApiCheck::evaluate(context, finding);
}

} // namespace checks

} // namespace gjd
