// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connect/installtype.h"
#include "gitlabversion.h"
#include "instanceurl.h"
#include "runcontext.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace gjd {

// An instance-wide OAuth application as GET /api/v4/applications lists it (reference/gitlab.md §4).
struct OAuthApplication
{
    qint64 id = 0;       // numeric, for DELETE and the admin page
    QString uid;         // "application_id": what jira_connect_application_key holds
    QString name;        // "application_name"
    QString callbackUrl; // "callback_url"; Doorkeeper allows several URIs separated by whitespace
    bool confidential = true;
    std::optional<QStringList> scopes; // only newer GitLab versions list them

    static OAuthApplication fromJson(const QJsonObject& json);
    QJsonObject toJson() const;
};

// What the GitLab for Jira Cloud app needs of its OAuth application: the method's redirect URI,
// exactly the scope api, not confidential (the app signs in with PKCE, without a secret).
struct DesiredApplication
{
    QString name;
    QString redirectUri;
    QString scopes = QStringLiteral("api");
    bool confidential = false;
};

namespace setup {

// Keys of the "GitLab for Jira App" settings (PUT /api/v4/application/settings).
inline const QString applicationKey = QStringLiteral("jira_connect_application_key");
inline const QString proxyUrl = QStringLiteral("jira_connect_proxy_url");
inline const QString publicKeyStorage = QStringLiteral("jira_connect_public_key_storage_enabled");
inline const QString additionalAudience = QStringLiteral("jira_connect_additional_audience_url");

// The name an application created by the setup gets (and the one it prefers when reusing).
QString defaultApplicationName();
// The redirect URI the method needs: GitLab.com's callback for Marketplace, the instance's own
// (as Jira reaches it) for manual and proxy.
QString redirectUri(Method method, const InstanceUrl& target);
// Why `app` cannot be the Jira app's OAuth application (translated clauses); empty when it can.
QStringList applicationProblems(const OAuthApplication& app, const QString& redirectUri);
// Admin → Applications page of one application.
QString applicationAdminUrl(const InstanceUrl& url, qint64 id);

} // namespace setup

// What the setup reads from GitLab with the admin token, before planning and to verify.
struct GitLabState
{
    std::optional<GitLabVersion> version;
    QString username;
    bool isAdmin = false;    // GET /user has is_admin (an admin, with admin_mode under Admin Mode)
    QStringList tokenScopes; // empty when personal_access_tokens/self was not readable
    QString externalHost;    // host of external_url, from the user's web_url
    QJsonObject settings;    // GET /application/settings; empty when not readable (not admin)
    QList<OAuthApplication> applications;
    bool applicationsReadable = false;
    bool applicationScopesListed = false;

    // From the api.* probes of a run context. nullopt, with *error and *remedy set (translated),
    // when GitLab could not be asked at all: unreachable, token refused, an unexpected answer.
    // Not being an administrator is no error here: the plan reports it.
    static std::optional<GitLabState> fromContext(const RunContext& ctx, QString* error, QString* remedy);
};

// What the admin asked for.
struct SetupInput
{
    Method method = Method::Marketplace;
    InstanceUrl url;       // where the API is called
    InstanceUrl publicUrl; // what Jira and GitLab.com reach; invalid when it is `url`
    QString applicationName = setup::defaultApplicationName();
    bool replaceMisconfigured = false; // may delete the misconfigured application the key points at
    // Moving a legacy install to Marketplace: may delete the legacy OAuth application once the
    // settings point at the new one (the admin's consent; without it the application stays).
    bool removeOldApplication = false;
    QDateTime now; // for the Connect end-of-support dates

    const InstanceUrl& target() const { return publicUrl.isValid() ? publicUrl : url; }
};

// One setting of the "GitLab for Jira App" section: what GitLab has, what the method needs.
struct SettingChange
{
    QString key;
    QJsonValue current = QJsonValue::Undefined; // Undefined: GitLab does not have the setting
    QJsonValue planned;
    bool fromNewApplication = false; // planned is the Application ID of the application to create
    QString why;                     // translated: why this value

    bool changes() const;
};

// Moving a legacy Connect install (manual, or proxy for others) to the Marketplace app: what
// changes in GitLab is the plan's settings and application; this holds what the admin must know
// beyond them, and what happens in Jira.
struct Migration
{
    Q_DECLARE_TR_FUNCTIONS(gjd::Migration)

public:
    InstallTypeDecision from;                       // what GitLab's settings show today
    QString oldKey;                                 // the private app's key in Jira, when known
    std::optional<OAuthApplication> oldApplication; // the legacy app's OAuth application
    bool removeOldApplication = false;              // consent given: deleted after the settings switch
    bool relaysForOthers = false;                   // other instances use this one as their proxy

    // In Jira, in order, with today's navigation (translated).
    QStringList jiraSteps(const QString& target) const { return jiraSteps(target, true, oldKey); }
    // The same for a new install (moving: false) or a move away from the private app `oldKey`
    // (empty when not known): what the wizard's install page and `configure` show.
    static QStringList jiraSteps(const QString& target, bool moving, const QString& oldKey);
    // What nobody can say yet (translated); never guessed.
    static QStringList unknowns();
    QJsonObject toJson(const QString& target) const;
};

struct PlanNote
{
    enum class Level
    {
        Info,
        Warning
    };
    Level level = Level::Info;
    QString code; // stable: "connect-eol", "audience-needs-17.7", "leftover-application", …
    QString text; // translated
};

// Current → planned: computed from GitLabState without touching GitLab. Applying it changes only
// what differs; a plan made from a configured instance has no changes.
//
//   application: Reuse (a correct one exists: the one the key points at, else one of the same
//                name, else any correct one) | Create | Blocked (the key points at a
//                misconfigured one and --replace-misconfigured was not given)
//                plus `remove`: the misconfigured one, deleted first with --replace-misconfigured
//                plus `retire`: with the Marketplace method and the admin's consent, the legacy
//                applications, deleted only after the settings point at the new one
//   settings:    the method's values, only those that differ are written
class SetupPlan
{
    Q_DECLARE_TR_FUNCTIONS(gjd::SetupPlan)

public:
    enum class ApplicationAction
    {
        Reuse,
        Create,
        Blocked
    };

    Method method = Method::Marketplace;
    QString url;    // the instance, as the API is called
    QString target; // as Jira reaches it
    std::optional<GitLabVersion> version;
    DesiredApplication application;
    ApplicationAction applicationAction = ApplicationAction::Create;
    std::optional<OAuthApplication> reuse;         // Reuse
    std::optional<OAuthApplication> remove;        // deleted before creating the new one
    std::optional<OAuthApplication> misconfigured; // the one the key points at, when it is wrong
    std::optional<Migration> migration; // the method is marketplace and GitLab has a legacy install
    // With the admin's consent (removeOldApplication) and the Marketplace method: the legacy
    // applications (this instance's own Jira callback), deleted after the settings are written.
    QList<OAuthApplication> retire;
    QStringList misconfiguredProblems;
    QList<SettingChange> settings; // every setting the method manages, changed or not
    QList<PlanNote> notes;
    QStringList blockers; // translated; when not empty nothing may be applied

    bool isBlocked() const { return !blockers.isEmpty() || applicationAction == ApplicationAction::Blocked; }
    bool hasChanges() const;
    QList<SettingChange> changedSettings() const;
    QJsonObject toJson() const;

    static SetupPlan make(const SetupInput& input, const GitLabState& state);
};

// One line of the read-back verification.
struct VerifyItem
{
    QString key; // a setting key, or "oauth_application"
    QJsonValue expected;
    QJsonValue actual;
    bool ok = false;
    QString text; // translated
};

// Compares what GitLab reads back with what the plan wanted. `applicationUid` is the Application
// ID the setup used (reused or created).
QList<VerifyItem> verifySetup(const SetupPlan& plan, const QString& applicationUid,
                              const GitLabState& readBack);

} // namespace gjd
