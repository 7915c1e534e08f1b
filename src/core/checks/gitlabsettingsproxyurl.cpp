// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpcommon.h"
#include "tokencommon.h"

namespace gjd {
namespace {

class GitLabSettingsProxyUrlCheck final
{
    Q_DECLARE_TR_FUNCTIONS(gjd::GitLabSettingsProxyUrlCheck)

public:
    static void evaluate(const RunContext& ctx, Finding& f)
    {
        const auto settings = tokencommon::SettingsReader::require(ctx, f);
        f.docs = {docs::jiraCloudAppAdmin};
        if (!settings)
            return;
        const QString proxy = settings->value(QStringLiteral("jira_connect_proxy_url")).toString();
        f.evidence.insert(QStringLiteral("jira_connect_proxy_url"), proxy);
        f.evidence.insert(QStringLiteral("method"), methodId(ctx.method));
        const QString setIt =
            tr("Set Admin → Settings → General → GitLab for Jira App → Jira Connect Proxy URL to exactly "
               "https://gitlab.com (no trailing slash).");
        if (ctx.method != Method::Marketplace) {
            if (proxy.trimmed().isEmpty()) {
                set(f, Status::Pass, tr("Blank, as the %1 method needs.").arg(methodId(ctx.method)));
                return;
            }
            set(f, Status::Fail,
                tr("Set to %1; the %2 method needs it blank.").arg(proxy, methodId(ctx.method)),
                tr("Clear the Jira Connect Proxy URL (Admin → Settings → General → GitLab for Jira App)."));
            f.explains = {explains::previouslyInstalledFromMarketplace};
            return;
        }
        if (proxy == gitlabComOrigin) {
            set(f, Status::Pass, tr("Exactly %1.").arg(gitlabComOrigin));
            return;
        }
        if (proxy.trimmed().isEmpty()) {
            set(f, Status::Fail, tr("Blank: the instance is not in Marketplace mode."), setIt);
            f.explains = {explains::failedToUpdateVersion, explains::failedToLoadAppId};
            return;
        }
        QString trimmed = proxy.trimmed();
        while (trimmed.endsWith(QLatin1Char('/')))
            trimmed.chop(1);
        if (trimmed.compare(gitlabComOrigin, Qt::CaseInsensitive) == 0) {
            set(f, Status::Fail,
                tr("\"%1\" is not exactly %2: GitLab compares the browser's Origin with this string, so CORS "
                   "never "
                   "matches.")
                    .arg(proxy, gitlabComOrigin),
                setIt);
            f.explains = {explains::failedToLoadAppId};
            return;
        }
        if (trimmed.compare(QStringLiteral("http://gitlab.com"), Qt::CaseInsensitive) == 0) {
            set(f, Status::Fail,
                tr("\"%1\" uses http; the Marketplace app runs on %2.").arg(proxy, gitlabComOrigin), setIt);
            f.explains = {explains::failedToLoadAppId};
            return;
        }
        set(f, Status::Info,
            tr("Set to %1, another instance that relays for this one (a proxy chain): its own setup decides.")
                .arg(proxy));
    }
};

} // namespace

namespace checks {

void gitLabSettingsProxyUrl(const RunContext& context, Finding& finding)
{
    GitLabSettingsProxyUrlCheck::evaluate(context, finding);
}

} // namespace checks

} // namespace gjd
