// SPDX-License-Identifier: GPL-3.0-or-later
#include "connect/descriptor.h"
#include "httpcommon.h"
#include "probes/probecatalogue.h"

namespace gjd {
namespace {

class ConnectDescriptorBaseUrlCheck final
{
    Q_DECLARE_TR_FUNCTIONS(gjd::ConnectDescriptorBaseUrlCheck)

public:
    static void evaluate(const RunContext& ctx, Finding& f)
    {
        QString error;
        const QJsonObject json = *Descriptor::parseObject(*ctx.httpResult(probe::descriptor), &error);
        const QString baseUrl = json.value(QStringLiteral("baseUrl")).toString();
        const InstanceUrl& target = ctx.target();
        const QString expected = target.toString() + QStringLiteral("/-/jira_connect");
        f.evidence.insert(QStringLiteral("baseUrl"), baseUrl);
        f.evidence.insert(QStringLiteral("expected"), expected);
        f.docs = {docs::jiraCloudAppAdmin};

        const QUrl url(baseUrl);
        const QString hostRemedy = tr("Make the reverse proxy send the public host name to GitLab: nginx "
                                      "\"proxy_set_header Host %1;\" "
                                      "(GitLab builds baseUrl from the Host header). From GitLab 17.7 also "
                                      "set the Jira Connect Additional "
                                      "Audience URL to %2.")
                                       .arg(target.hostAndPort(), target.toString());
        if (url.scheme() == QLatin1String("http")) {
            set(f, Status::Fail, tr("baseUrl %1 uses http; Jira Cloud requires https.").arg(baseUrl),
                tr("Set external_url to https://… in gitlab.rb, and keep gitlab.yml's "
                   "jira_connect.enforce_jira_base_url_https at its default (true)."));
            return;
        }
        const QString host = url.host().toLower();
        const int port = url.port(443);
        if (host != target.host() || port != target.port()) {
            set(f, Status::Fail,
                tr("baseUrl is %1, but Jira reaches the instance as %2: GitLab does not see the public host "
                   "name, so "
                   "Jira's tokens fail with \"Invalid audience\".")
                    .arg(baseUrl, target.toString()),
                hostRemedy);
            f.explains = {explains::invalidAudience, explains::invalidJwt, explains::failedToUpdateInstance};
            return;
        }
        QString path = url.path();
        while (path.endsWith(QLatin1Char('/')))
            path.chop(1);
        if (path != target.path() + QStringLiteral("/-/jira_connect")) {
            set(f, Status::Fail,
                tr("baseUrl %1 has the path %2; expected %3/-/jira_connect.")
                    .arg(baseUrl, path, target.path()),
                tr("Serve GitLab under the same relative root publicly and internally (gitlab.rb "
                   "external_url with the "
                   "path), or make the reverse proxy map the paths one to one."));
            f.explains = {explains::invalidAudience};
            return;
        }
        set(f, Status::Pass, tr("baseUrl %1 matches the public URL.").arg(baseUrl));
    }
};

} // namespace

namespace checks {

void connectDescriptorBaseUrl(const RunContext& context, Finding& finding)
{
    ConnectDescriptorBaseUrlCheck::evaluate(context, finding);
}

} // namespace checks

} // namespace gjd
