// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpcommon.h"
#include "jiracommon.h"

#include <QJsonArray>

namespace gjd {
namespace {

class JiraAuthCheck final
{
    Q_DECLARE_TR_FUNCTIONS(gjd::JiraAuthCheck)

public:
    static void evaluate(const RunContext& ctx, Finding& f)
    {
        if (!ctx.hasJira()) {
            skipFor(f, QStringLiteral("no-jira"),
                    tr("No Jira site given (%1): the Jira user is not checked.")
                        .arg(ControlNames::name(ctx.options.frontend, Control::JiraUser)));
            return;
        }
        const HttpResponse& r = *ctx.httpResult(probe::jiraMyself);
        const QString site = ctx.jiraSite.toString();
        f.evidence =
            httpcommon::evidence(r, {"atl-traceid", "x-arequestid", "X-Seraph-LoginReason", "Retry-After"});
        f.evidence.insert(QStringLiteral("site"), site);
        f.evidence.insert(QStringLiteral("email"), ctx.options.jiraEmail);
        f.docs = {docs::jiraCloudAppAdmin};
        const QString tokenRemedy =
            tr("Create an API token for %1 at %2 and use it (%3): Jira Cloud accepts API "
               "tokens, not account passwords.")
                .arg(ctx.options.jiraEmail, jiracommon::apiTokenPage(),
                     ControlNames::name(ctx.options.frontend, Control::JiraToken));
        if (r.errorCode == QLatin1String("untrusted")) {
            set(f, Status::Fail, r.error,
                tr("Check the Jira site address; Atlassian's certificates are public, so a "
                   "failure here means a TLS-intercepting proxy or a wrong address."));
            return;
        }
        if (!r.errorCode.isEmpty()) {
            set(f, Status::Fail, tr("%1 gave no complete answer: %2").arg(site, r.error),
                tr("Check the Jira site address (https://<your-site>.atlassian.net) and this computer's "
                   "connection."));
            return;
        }
        if (r.status == 401) {
            const bool password = r.body.contains("Basic authentication with passwords is deprecated");
            set(f, Status::Fail,
                password ? tr("Jira refused the sign-in: that is the account password, and Jira Cloud only "
                              "accepts an "
                              "API token.")
                         : tr("Jira refused the sign-in of %1 (401): the email or the API token is wrong, or "
                              "the token "
                              "was revoked.")
                               .arg(ctx.options.jiraEmail),
                tokenRemedy);
            return;
        }
        QString error;
        const auto json = Descriptor::parseObject(r, &error);
        if (r.status == 403) {
            QString messages;
            if (json) {
                const QJsonArray list = json->value(QStringLiteral("errorMessages")).toArray();
                for (const QJsonValue& v : list)
                    messages += v.toString() + QLatin1Char(' ');
            }
            if (messages.contains(QLatin1String("IP address"), Qt::CaseInsensitive) ||
                messages.contains(QLatin1String("allowed list"), Qt::CaseInsensitive)) {
                set(f, Status::Fail,
                    tr("The site's IP allowlist blocks this computer: %1").arg(messages.trimmed()),
                    tr("Run the check from an allowed network, or ask an organization admin to add this "
                       "computer's "
                       "address to the IP allowlist (admin.atlassian.com → Security → IP allowlists)."));
                return;
            }
            set(f, Status::Fail, tr("Jira refused access (403): %1").arg(messages.trimmed()), tokenRemedy);
            return;
        }
        if (r.status == 429) {
            set(f, Status::Warn,
                tr("Jira answered 429 (rate limited) twice, the second time after waiting as Retry-After "
                   "asked."),
                tr("Wait a minute and run the check again."));
            return;
        }
        if (r.status != 200 || !json) {
            set(f, Status::Fail,
                tr("%1 answered %2 and not with Jira's JSON: the site is unknown or not Jira Cloud.")
                    .arg(site, httpcommon::statusText(r)),
                tr("Use the address of your Jira Cloud site, such as https://your-site.atlassian.net."));
            return;
        }
        const QString name = json->value(QStringLiteral("displayName")).toString();
        f.evidence.insert(QStringLiteral("account_id"), json->value(QStringLiteral("accountId")));
        f.evidence.insert(QStringLiteral("display_name"), name);
        set(f, Status::Pass, tr("Signed in to %1 as %2.").arg(site, name));
    }
};

} // namespace

namespace checks {

void jiraAuth(const RunContext& context, Finding& finding)
{
    JiraAuthCheck::evaluate(context, finding);
}

} // namespace checks

} // namespace gjd
