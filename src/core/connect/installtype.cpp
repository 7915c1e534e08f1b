// SPDX-License-Identifier: GPL-3.0-or-later
#include "installtype.h"

#include "connect/descriptor.h"
#include "probes/probecatalogue.h"
#include "runcontext.h"

#include <QUrl>

namespace gjd {

namespace {

const QString kForgeAppId = QStringLiteral("jira_forge_app_id");

// GitLab.com, as the proxy URL or the key names it ("gitlab.com", "gitlab.com/" with a path).
bool isGitLabCom(const QString& hostAndPath)
{
    return hostAndPath == QLatin1String("gitlab.com") || hostAndPath.startsWith(QLatin1String("gitlab.com/"));
}

} // namespace

QString installTypeId(InstallType type)
{
    switch (type) {
    case InstallType::None:
        return QStringLiteral("none");
    case InstallType::Marketplace:
        return QStringLiteral("marketplace");
    case InstallType::LegacyConnect:
        return QStringLiteral("legacy-connect");
    case InstallType::ForgeNative:
        return QStringLiteral("forge-native");
    }
    return QString();
}

InstallTypeDecision InstallTypes::fromSettings(const QJsonObject& settings)
{
    InstallTypeDecision d;
    d.decided = true;
    d.decidedBy = QStringLiteral("settings");
    d.forgeSettingAbsent = !settings.contains(kForgeAppId);
    d.proxyUrl = settings.value(QStringLiteral("jira_connect_proxy_url")).toString().trimmed();
    d.relaysForOthers = settings.value(QStringLiteral("jira_connect_public_key_storage_enabled")).toBool();
    const QString forgeAppId = settings.value(kForgeAppId).toString().trimmed();
    const bool applicationKey =
        !settings.value(QStringLiteral("jira_connect_application_key")).toString().trimmed().isEmpty();

    if (!forgeAppId.isEmpty()) {
        d.type = InstallType::ForgeNative;
        d.reason = tr("the jira_forge_app_id setting is set (%1)").arg(forgeAppId);
    } else if (!d.proxyUrl.isEmpty()) {
        const QUrl proxy(d.proxyUrl);
        if (isGitLabCom(proxy.host().toLower() + proxy.path())) {
            d.type = InstallType::Marketplace;
            d.reason = tr("the Jira Connect Proxy URL setting is %1").arg(d.proxyUrl);
        } else {
            d.type = InstallType::LegacyConnect;
            d.reason = tr("the Jira Connect Proxy URL setting points at another instance (%1), which relays "
                          "through its own private Connect app")
                           .arg(d.proxyUrl);
        }
    } else if (d.relaysForOthers) {
        d.type = InstallType::LegacyConnect;
        d.servesOwnApp = true;
        d.reason = tr("no Jira Connect Proxy URL, and public key storage is on: the instance serves its own "
                      "Connect app and relays for other instances");
    } else if (applicationKey) {
        d.type = InstallType::LegacyConnect;
        d.servesOwnApp = true;
        d.reason = tr("no Jira Connect Proxy URL, and an Application ID is set: the instance serves its own "
                      "Connect app (a manual install)");
    } else {
        d.type = InstallType::None;
        d.reason = tr("no Jira Connect Proxy URL, Application ID or Forge app ID is set");
    }
    return d;
}

InstallTypeDecision InstallTypes::decide(const RunContext& ctx)
{
    QString error;
    if (const HttpResponse* s = ctx.httpResult(probe::apiSettings); s && s->status == 200) {
        if (const auto settings = Descriptor::parseObject(*s, &error))
            return fromSettings(*settings);
    }

    InstallTypeDecision d;
    // With --public-url, the descriptor as GitLab serves it: a proxy on the public side may rewrite
    // the key (connect.descriptor.key reports that), but the install is what GitLab says.
    const HttpResponse* direct = ctx.httpResult(probe::descriptorDirect);
    const HttpResponse* r = direct && direct->status == 200 ? direct : ctx.httpResult(probe::descriptor);
    if (!r || r->status != 200)
        return d;
    const auto descriptor = Descriptor::parseObject(*r, &error);
    if (!descriptor)
        return d;
    d.descriptorKey = descriptor->value(QStringLiteral("key")).toString();
    if (!d.descriptorKey.startsWith(Descriptor::keyPrefix))
        return d;
    const QString keyHost = d.descriptorKey.mid(Descriptor::keyPrefix.size());
    d.decidedBy = QStringLiteral("descriptor_key");
    if (isGitLabCom(keyHost)) {
        d.decided = true;
        d.type = InstallType::Marketplace;
        d.reason = tr("the descriptor key is %1: the proxy URL is GitLab.com").arg(d.descriptorKey);
        return d;
    }
    if (keyHost.contains(QLatin1Char('/'))) {
        // Only a proxy URL adds a path to the key; one that is not GitLab.com is another instance.
        d.decided = true;
        d.type = InstallType::LegacyConnect;
        d.reason = tr("the descriptor key %1 names another instance as the proxy").arg(d.descriptorKey);
        return d;
    }
    // The instance's own key is served whether or not anything was set up: the Application ID
    // endpoint tells whether the app was configured.
    d.decidedBy = QStringLiteral("descriptor_key+endpoints");
    const HttpResponse* appId = ctx.httpResult(probe::applicationId);
    if (!appId || !appId->hasAnswer())
        return d;
    if (appId->status == 404) {
        d.decided = true;
        d.type = InstallType::None;
        d.reason = tr("the descriptor key %1 is the instance's own, and /-/jira_connect/oauth_application_id "
                      "answers 404 (no Application ID set)")
                       .arg(d.descriptorKey);
        return d;
    }
    if (appId->status == 200) {
        const auto json = Descriptor::parseObject(*appId, &error);
        if (json && !json->value(QStringLiteral("application_id")).toString().isEmpty()) {
            d.decided = true;
            d.type = InstallType::LegacyConnect;
            d.servesOwnApp = true;
            d.reason = tr("the descriptor key %1 is the instance's own, and an Application ID is published")
                           .arg(d.descriptorKey);
        }
    }
    return d;
}

} // namespace gjd
