// SPDX-License-Identifier: GPL-3.0-or-later
#include "connect/descriptor.h"
#include "gitlabversion.h"
#include "httpcommon.h"
#include "probes/probecatalogue.h"

namespace gjd {
namespace {

class GitLabVersionCheck final
{
    Q_DECLARE_TR_FUNCTIONS(gjd::GitLabVersionCheck)

public:
    static void evaluate(const RunContext& ctx, Finding& f)
    {
        const HttpResponse& r = *ctx.httpResult(probe::apiVersion);
        f.evidence = httpcommon::evidence(r);
        QString error;
        const auto json = r.status == 200 ? Descriptor::parseObject(r, &error) : std::nullopt;
        const QString text = json ? json->value(QStringLiteral("version")).toString() : QString();
        const auto version = GitLabVersion::parse(text);
        if (!r.errorCode.isEmpty()) {
            set(f, Status::Fail, tr("/api/v4/version gave no complete answer: %1").arg(r.error),
                tr("Check that the instance URL reaches GitLab's API from this computer."));
            return;
        }
        if (!version) {
            set(f, Status::Fail,
                tr("/api/v4/version answered %1 without a readable version.").arg(httpcommon::statusText(r)),
                tr("Check that the token works for the API (see gitlab.token)."));
            return;
        }
        f.evidence.insert(QStringLiteral("version"), text);
        f.docs = {docs::jiraCloudAppAdmin};
        const QString upgrade =
            tr("Upgrade GitLab (the GitLab for Jira Cloud app follows GitLab's releases).");
        if (ctx.method == Method::Marketplace && !version->atLeast(15, 7)) {
            set(f, Status::Fail,
                tr("GitLab %1 is older than 15.7, the first version the Marketplace app supports.").arg(text),
                upgrade);
            f.explains = {explains::failedToUpdateVersion};
            return;
        }
        if (ctx.method == Method::Manual && !version->atLeast(17, 6)) {
            set(f, Status::Warn,
                tr("GitLab %1: up to 17.5, manual installs fail with a 401 since Atlassian's JWT change of "
                   "November 2024 "
                   "(fixed in 17.6 and backported to 17.5 patch releases).")
                    .arg(text),
                upgrade);
            f.explains = {explains::installReturned401};
            return;
        }
        if (!version->atLeast(17, 2)) {
            set(f, Status::Warn,
                tr("GitLab %1 works, but branches can be created from Jira only from 17.2.").arg(text),
                upgrade);
            return;
        }
        set(f, Status::Pass, tr("GitLab %1.").arg(text));
    }
};

} // namespace

namespace checks {

void gitLabVersion(const RunContext& context, Finding& finding)
{
    GitLabVersionCheck::evaluate(context, finding);
}

} // namespace checks

} // namespace gjd
