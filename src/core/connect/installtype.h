// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace gjd {

struct RunContext;

// Which kind of GitLab for Jira Cloud install an instance has (reference/platform-2026-12.md):
enum class InstallType
{
    None,          // nothing set up: no proxy URL, no Application ID, no Forge app ID
    Marketplace,   // the Marketplace app, reached through GitLab.com (proxy URL gitlab.com): expected
    LegacyConnect, // a private Connect app: the instance's own descriptor (manual), relaying for
                   // others (proxy), or relayed by another self-managed instance
    ForgeNative    // jira_forge_app_id set: GitLab's native Forge mode, experimental in GitLab
};

QString installTypeId(InstallType type); // "none", "marketplace", "legacy-connect", "forge-native"

// What decided the type, and what was seen. A pure value: the check, the report's header and
// the setup's migration path all read the same decision.
struct InstallTypeDecision
{
    bool decided = false;
    InstallType type = InstallType::None;
    QString decidedBy; // "settings" | "descriptor_key" | "descriptor_key+endpoints"
    QString reason;    // translated: what was seen
    // The settings were read and have no jira_forge_app_id field: GitLab predates Forge support.
    bool forgeSettingAbsent = false;
    bool relaysForOthers = false; // public key storage on: other instances use this one as proxy
    // A legacy install of the instance's own private app (its own key, no proxy URL): keeping it
    // needs no new install in Jira; one relayed by another instance does.
    bool servesOwnApp = false;
    QString proxyUrl;      // the Jira Connect Proxy URL setting, when read
    QString descriptorKey; // when the descriptor was read
};

class InstallTypes
{
    Q_DECLARE_TR_FUNCTIONS(gjd::InstallTypes)

public:
    // From GET /application/settings (with a token): the authoritative answer.
    static InstallTypeDecision fromSettings(const QJsonObject& settings);
    // From what a run saw: the settings when the token gave them, else the descriptor key and the
    // public oauth_application_id endpoint. Without a token a native Forge install cannot be seen.
    static InstallTypeDecision decide(const RunContext& ctx);
};

} // namespace gjd
