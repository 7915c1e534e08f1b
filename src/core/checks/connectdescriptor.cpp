// SPDX-License-Identifier: GPL-3.0-or-later
#include "connect/descriptor.h"
#include "httpcommon.h"
#include "probes/probecatalogue.h"

namespace gjd {
namespace {

class ConnectDescriptorCheck final
{
    Q_DECLARE_TR_FUNCTIONS(gjd::ConnectDescriptorCheck)

public:
    static void evaluate(const RunContext& ctx, Finding& f)
    {
        const HttpResponse& r = *ctx.httpResult(probe::descriptor);
        f.evidence = httpcommon::evidence(r, {"X-Request-Id", "Server"});
        const QString url = ctx.target().toString() + QStringLiteral("/-/jira_connect/app_descriptor.json");
        f.docs = {docs::jiraCloudAppAdmin, docs::connectDescriptor};
        const QString proxyRemedy =
            tr("Make the reverse proxy pass /-/jira_connect/ to GitLab unchanged (nginx: a \"location /\" "
               "with proxy_pass "
               "to GitLab, and no location, auth_request or WAF rule that catches /-/jira_connect/).");
        if (r.errorCode == QLatin1String("too-large")) {
            set(f, Status::Fail, tr("%1 is larger than 1 MiB; GitLab's descriptor is about 3 KiB.").arg(url),
                proxyRemedy);
            return;
        }
        if (!r.errorCode.isEmpty()) {
            set(f, Status::Fail, tr("%1 gave no complete answer: %2").arg(url, r.error), proxyRemedy);
            return;
        }
        if (r.status != 200) {
            set(f, Status::Fail,
                tr("%1 answered %2 instead of the descriptor.").arg(url, httpcommon::statusText(r)),
                proxyRemedy);
            return;
        }
        QString error;
        const auto json = Descriptor::parseObject(r, &error);
        if (!json) {
            set(f, Status::Fail, tr("%1 answered 200, but not with the descriptor: %2").arg(url, error),
                proxyRemedy);
            return;
        }
        const QString key = json->value(QStringLiteral("key")).toString();
        const QString baseUrl = json->value(QStringLiteral("baseUrl")).toString();
        f.evidence.insert(QStringLiteral("key"), key);
        f.evidence.insert(QStringLiteral("baseUrl"), baseUrl);
        set(f, Status::Pass, tr("Served at %1: key %2, baseUrl %3.").arg(url, key, baseUrl));
    }
};

} // namespace

namespace checks {

void connectDescriptor(const RunContext& context, Finding& finding)
{
    ConnectDescriptorCheck::evaluate(context, finding);
}

} // namespace checks

} // namespace gjd
