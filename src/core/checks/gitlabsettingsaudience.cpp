// SPDX-License-Identifier: GPL-3.0-or-later
#include "gitlabversion.h"
#include "httpcommon.h"
#include "tokencommon.h"

namespace gjd {
namespace {

class GitLabSettingsAudienceCheck final
{
    Q_DECLARE_TR_FUNCTIONS(gjd::GitLabSettingsAudienceCheck)

public:
    static void evaluate(const RunContext& ctx, Finding& f)
    {
        QString error;
        std::optional<GitLabVersion> version;
        if (const HttpResponse* r = ctx.httpResult(probe::apiVersion); r && r->status == 200) {
            if (const auto json = Descriptor::parseObject(*r, &error))
                version = GitLabVersion::parse(json->value(QStringLiteral("version")).toString());
        }
        if (!version || !version->atLeast(17, 7)) {
            skipFor(f, QStringLiteral("version"),
                    version
                        ? tr("GitLab %1 has no Jira Connect Additional Audience URL (it arrived in 17.7).")
                              .arg(version->toString())
                        : tr("The GitLab version is unknown; the setting exists from 17.7."));
            return;
        }
        const auto settings = tokencommon::SettingsReader::require(ctx, f);
        if (!settings)
            return;
        const QString audience =
            settings->value(QStringLiteral("jira_connect_additional_audience_url")).toString();
        const QString externalHost = tokencommon::externalHost(ctx);
        const QString publicUrl = ctx.target().toString();
        f.evidence.insert(QStringLiteral("jira_connect_additional_audience_url"), audience);
        f.evidence.insert(QStringLiteral("external_url_host"), externalHost);
        f.evidence.insert(QStringLiteral("public_url"), publicUrl);
        f.docs = {docs::jiraCloudAppAdmin};
        if (externalHost.isEmpty() || externalHost == ctx.target().host()) {
            set(f, Status::Pass,
                audience.isEmpty()
                    ? tr("Not needed: Jira reaches GitLab under its own host name.")
                    : tr("Set to %1; not needed, as Jira reaches GitLab under its own host name.")
                          .arg(audience));
            return;
        }
        QString normalized = audience.trimmed();
        while (normalized.endsWith(QLatin1Char('/')))
            normalized.chop(1);
        if (normalized == publicUrl) {
            set(f, Status::Pass, tr("Set to the public URL %1.").arg(publicUrl));
            return;
        }
        set(f, Status::Warn,
            tr("Jira reaches GitLab as %1 but GitLab's external_url host is %2, and the additional audience "
               "URL is \"%3\": "
               "Jira's tokens may be rejected with \"Invalid audience\".")
                .arg(publicUrl, externalHost, audience),
            tr("Set Admin → Settings → General → GitLab for Jira App → Jira Connect Additional Audience URL "
               "to %1.")
                .arg(publicUrl));
        f.explains = {explains::invalidAudience};
    }
};

} // namespace

namespace checks {

void gitLabSettingsAudience(const RunContext& context, Finding& finding)
{
    GitLabSettingsAudienceCheck::evaluate(context, finding);
}

} // namespace checks

} // namespace gjd
