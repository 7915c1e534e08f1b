// SPDX-License-Identifier: GPL-3.0-or-later
#include "connect/platformfacts.h"
#include "httpcommon.h"
#include "tokencommon.h"

namespace gjd {
namespace {

class ConnectDescriptorKeyCheck final
{
    Q_DECLARE_TR_FUNCTIONS(gjd::ConnectDescriptorKeyCheck)

public:
    static void evaluate(const RunContext& ctx, Finding& f)
    {
        QString error;
        const QJsonObject json = *Descriptor::parseObject(*ctx.httpResult(probe::descriptor), &error);
        const QString key = json.value(QStringLiteral("key")).toString();
        f.evidence.insert(QStringLiteral("key"), key);
        f.evidence.insert(QStringLiteral("method"), methodId(ctx.method));
        f.docs = {docs::jiraCloudAppAdmin, docs::jiraCloudAppTroubleshooting};
        const QString rewriteRemedy = tr("Remove the reverse-proxy rule that rewrites response bodies for "
                                         "/-/jira_connect/ (nginx sub_filter, "
                                         "Apache Substitute, a WAF's response rewriting): the key "
                                         "gitlab-jira-connect-… must reach Jira unchanged.");

        // 1. The same descriptor fetched directly from the instance: what GitLab says.
        if (const HttpResponse* direct = ctx.httpResult(probe::descriptorDirect);
            direct && direct->status == 200) {
            if (const auto directJson = Descriptor::parseObject(*direct, &error)) {
                const QString directKey = directJson->value(QStringLiteral("key")).toString();
                f.evidence.insert(QStringLiteral("key_direct"), directKey);
                if (directKey != key) {
                    set(f, Status::Fail,
                        tr("The key differs between the public URL (%1) and the instance (%2): the reverse "
                           "proxy rewrites it.")
                            .arg(key, directKey),
                        rewriteRemedy);
                    f.explains = {explains::failedToLinkGroup};
                    return;
                }
            }
        }
        // 2. With a token: the key GitLab derives from its own settings.
        const QString expected = tokencommon::expectedKey(ctx);
        if (!expected.isEmpty()) {
            f.evidence.insert(QStringLiteral("expected"), expected);
            if (expected != key) {
                set(f, Status::Fail,
                    tr("The descriptor's key is %1, but GitLab's settings make it %2: something between "
                       "GitLab and Jira "
                       "rewrites it.")
                        .arg(key, expected),
                    rewriteRemedy);
                f.explains = {explains::failedToLinkGroup};
                return;
            }
        }
        if (!key.startsWith(Descriptor::keyPrefix)) {
            set(f, Status::Fail,
                tr("The key %1 is not of GitLab's form gitlab-jira-connect-<host>: a reverse proxy or filter "
                   "rewrites it.")
                    .arg(key),
                rewriteRemedy);
            f.explains = {explains::failedToLinkGroup};
            return;
        }
        if (key.startsWith(Descriptor::marketplaceKey) &&
            key.mid(Descriptor::marketplaceKey.size()).startsWith(QLatin1Char('/'))) {
            // GitLab appends the proxy URL's path: "https://gitlab.com/" gives a key with a slash.
            set(f, Status::Fail,
                tr("The key is %1: the Jira Connect Proxy URL has a path or a trailing slash, so the key is "
                   "not the "
                   "Marketplace app's %2 (and a \"/\" is not even allowed in a key).")
                    .arg(key, Descriptor::marketplaceKey),
                tr("Set Admin → Settings → General → GitLab for Jira App → Jira Connect Proxy URL to exactly "
                   "https://gitlab.com — no trailing slash."));
            f.explains = {explains::failedToLoadAppId, explains::failedToUpdateVersion};
            return;
        }
        const bool marketplaceKey = key == Descriptor::marketplaceKey;
        if (ctx.method == Method::Marketplace && !marketplaceKey) {
            set(f, Status::Fail,
                tr("The key is %1, so the Jira Connect Proxy URL is not set: the Marketplace app expects %2.")
                    .arg(key, Descriptor::marketplaceKey),
                tr("Set Admin → Settings → General → GitLab for Jira App → Jira Connect Proxy URL to "
                   "https://gitlab.com (exactly, no trailing slash), or use %1.")
                    .arg(ControlNames::name(ctx.options.frontend, Control::SetupToolMarketplace)));
            f.explains = {explains::failedToUpdateVersion, explains::failedToUpdateInstance};
            return;
        }
        if (ctx.method != Method::Marketplace && marketplaceKey) {
            set(f, Status::Fail,
                tr("The key is %1: the Jira Connect Proxy URL is still set, so Jira refuses a manual install "
                   "of this app.")
                    .arg(key),
                // Clearing the proxy URL for a manual install only helps while Jira still takes one.
                platform::privateConnectInstallsBlocked().reached(ctx.now.date())
                    ? tr("This instance is set up for the Marketplace app: keep it and check it with "
                         "--method "
                         "marketplace. %1")
                          .arg(platform::PlatformText::newInstallStatus(ctx.now.date()))
                    : tr("Clear Admin → Settings → General → GitLab for Jira App → Jira Connect Proxy URL "
                         "(in "
                         "GitLab 15.7, in the "
                         "Rails console: "
                         "ApplicationSetting.current_without_cache.update(jira_connect_proxy_url: "
                         "nil))."));
            f.explains = {explains::previouslyInstalledFromMarketplace};
            return;
        }
        if (!marketplaceKey) {
            const QString keyHost = key.mid(Descriptor::keyPrefix.size());
            if (keyHost != ctx.target().host() && !ctx.target().host().startsWith(keyHost)) {
                set(f, Status::Info,
                    tr("The key %1 names %2 (GitLab's external_url), not the public host %3: normal behind a "
                       "reverse "
                       "proxy; Jira will show the app under this key.")
                        .arg(key, keyHost, ctx.target().host()));
                return;
            }
        }
        set(f, Status::Pass, tr("The key %1 matches the %2 method.").arg(key, methodId(ctx.method)));
    }
};

} // namespace

namespace checks {

void connectDescriptorKey(const RunContext& context, Finding& finding)
{
    ConnectDescriptorKeyCheck::evaluate(context, finding);
}

} // namespace checks

} // namespace gjd
