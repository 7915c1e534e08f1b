// SPDX-License-Identifier: GPL-3.0-or-later
#include "setupplan.h"

#include "clock.h"
#include "connect/descriptor.h"
#include "connect/platformfacts.h"
#include "i18n.h"
#include "probes/probecatalogue.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>

namespace gjd {

namespace {

// null and "" are the same blank value to GitLab (allow_blank); strings compare exactly, since
// GitLab compares the proxy URL with the Origin header as a plain string.
bool sameValue(const QJsonValue& a, const QJsonValue& b)
{
    const auto blank = [](const QJsonValue& v) {
        return v.isNull() || v.isUndefined() || (v.isString() && v.toString().isEmpty());
    };
    if (a.isBool() || b.isBool())
        return a.toBool(false) == b.toBool(false) && !a.isUndefined() && !b.isUndefined();
    if (blank(a) || blank(b))
        return blank(a) && blank(b);
    return a == b;
}

// A response as one line for an error message: status, and GitLab's JSON message if any.
QString answerText(const HttpResponse& r)
{
    if (!r.hasAnswer())
        return r.error;
    QString text = QStringLiteral("%1 %2").arg(r.status).arg(QString::fromLatin1(r.reason).trimmed());
    const QJsonObject json = QJsonDocument::fromJson(r.body).object();
    const QJsonValue message = json.contains(QStringLiteral("message"))
                                   ? json.value(QStringLiteral("message"))
                                   : json.value(QStringLiteral("error"));
    if (message.isString() && !message.toString().isEmpty())
        text += QStringLiteral(" (") + message.toString().left(200) + QLatin1Char(')');
    return text.trimmed();
}

std::optional<QJsonObject> objectOf(const RunContext& ctx, const QString& probeId)
{
    const HttpResponse* r = ctx.httpResult(probeId);
    if (!r || r->status != 200)
        return std::nullopt;
    QString error;
    return Descriptor::parseObject(*r, &error);
}

} // namespace

// ---------------------------------------------------------------------------------------------

OAuthApplication OAuthApplication::fromJson(const QJsonObject& json)
{
    OAuthApplication app;
    app.id = json.value(QStringLiteral("id")).toInteger();
    app.uid = json.value(QStringLiteral("application_id")).toString();
    app.name = json.value(QStringLiteral("application_name")).toString();
    app.callbackUrl = json.value(QStringLiteral("callback_url")).toString();
    app.confidential = json.value(QStringLiteral("confidential")).toBool(true);
    if (json.contains(QStringLiteral("scopes"))) {
        const QJsonValue value = json.value(QStringLiteral("scopes"));
        QStringList scopes;
        if (value.isArray()) {
            const QJsonArray list = value.toArray();
            for (const QJsonValue& v : list)
                scopes.append(v.toString());
        } else {
            scopes = value.toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        }
        app.scopes = scopes;
    }
    return app;
}

QJsonObject OAuthApplication::toJson() const
{
    QJsonObject out{{QStringLiteral("id"), id},
                    {QStringLiteral("application_id"), uid},
                    {QStringLiteral("application_name"), name},
                    {QStringLiteral("callback_url"), callbackUrl},
                    {QStringLiteral("confidential"), confidential}};
    if (scopes)
        out.insert(QStringLiteral("scopes"), QJsonArray::fromStringList(*scopes));
    return out;
}

namespace setup {

QString defaultApplicationName()
{
    // Not translated: it is data stored in GitLab that every admin of the instance sees.
    return QStringLiteral("GitLab for Jira Cloud app");
}

QString redirectUri(Method method, const InstanceUrl& target)
{
    if (method == Method::Marketplace)
        return QStringLiteral("https://gitlab.com/-/jira_connect/oauth_callbacks");
    return target.toString() + QStringLiteral("/-/jira_connect/oauth_callbacks");
}

QStringList applicationProblems(const OAuthApplication& app, const QString& redirectUri)
{
    QStringList problems;
    if (app.confidential)
        problems.append(
            SetupPlan::tr("it is confidential (the Jira app signs in with PKCE, without a secret)"));
    const QStringList callbacks =
        app.callbackUrl.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    if (!callbacks.contains(redirectUri))
        problems.append(
            SetupPlan::tr("its redirect URI is \"%1\", not %2").arg(app.callbackUrl, redirectUri));
    if (app.scopes && *app.scopes != QStringList{QStringLiteral("api")})
        problems.append(
            SetupPlan::tr("its scopes are \"%1\", not exactly api").arg(app.scopes->join(QLatin1Char(' '))));
    return problems;
}

QString applicationAdminUrl(const InstanceUrl& url, qint64 id)
{
    return QStringLiteral("%1/admin/applications/%2").arg(url.toString()).arg(id);
}

} // namespace setup

// ---------------------------------------------------------------------------------------------

std::optional<GitLabState> GitLabState::fromContext(const RunContext& ctx, QString* error, QString* remedy)
{
    const QString newToken =
        SetupPlan::tr("Create a personal access token of an administrator with the scope api (and "
                      "admin_mode when Admin Mode is on): %1/-/user_settings/personal_access_tokens, "
                      "and give it in %2.")
            .arg(ctx.url.toString(), ControlNames::name(ctx.options.frontend, Control::GitLabToken));
    const HttpResponse* user = ctx.httpResult(probe::apiUser);
    if (!user) {
        *error =
            SetupPlan::tr("No administrator token: the setup reads and writes GitLab's settings with one.");
        *remedy = newToken;
        return std::nullopt;
    }
    const QString userUrl = ctx.url.toString() + QStringLiteral("/api/v4/user");
    if (user->errorCode == QLatin1String("untrusted")) {
        *error = user->error;
        *remedy =
            SetupPlan::tr(
                "The token is only sent to a server whose certificate verifies from this computer: fix the "
                "certificate, or give the private CA in %1.")
                .arg(ControlNames::name(ctx.options.frontend, Control::CaFile));
        return std::nullopt;
    }
    if (!user->errorCode.isEmpty()) {
        *error = SetupPlan::tr("%1 gave no complete answer: %2").arg(userUrl, user->error);
        *remedy = SetupPlan::tr("Check that the instance URL reaches GitLab's API from this computer.");
        return std::nullopt;
    }
    if (user->status == 401) {
        *error =
            SetupPlan::tr("GitLab refused the token (401 Unauthorized): it is wrong, expired or revoked.");
        *remedy = newToken;
        return std::nullopt;
    }
    const auto userJson = objectOf(ctx, probe::apiUser);
    if (!userJson) {
        *error = SetupPlan::tr("%1 answered %2, not the user as JSON.").arg(userUrl, answerText(*user));
        *remedy = SetupPlan::tr(
            "Check that the URL is the GitLab instance itself (with its relative root, if any).");
        return std::nullopt;
    }

    GitLabState state;
    state.username = userJson->value(QStringLiteral("username")).toString();
    state.isAdmin = userJson->value(QStringLiteral("is_admin")).toBool(false);
    state.externalHost = QUrl(userJson->value(QStringLiteral("web_url")).toString()).host().toLower();
    if (const auto version = objectOf(ctx, probe::apiVersion))
        state.version = GitLabVersion::parse(version->value(QStringLiteral("version")).toString());
    if (const auto token = objectOf(ctx, probe::apiToken)) {
        const QJsonArray scopes = token->value(QStringLiteral("scopes")).toArray();
        for (const QJsonValue& v : scopes)
            state.tokenScopes.append(v.toString());
    }
    if (!state.isAdmin)
        return state; // the settings and applications answer 403: the plan says why

    const HttpResponse* settings = ctx.httpResult(probe::apiSettings);
    const auto settingsJson = objectOf(ctx, probe::apiSettings);
    if (!settingsJson) {
        *error = SetupPlan::tr("The application settings could not be read: %1.")
                     .arg(settings ? answerText(*settings) : SetupPlan::tr("no answer"));
        *remedy = SetupPlan::tr(
            "Check the token (administrator, scope api; admin_mode under Admin Mode) and GitLab's "
            "logs (production_json.log).");
        return std::nullopt;
    }
    state.settings = *settingsJson;

    const auto pages = ctx.http.constFind(probe::apiApplications);
    if (pages == ctx.http.constEnd() || pages->isEmpty()) {
        *error = SetupPlan::tr("The OAuth applications could not be read: no answer.");
        *remedy = SetupPlan::tr("Check that the instance URL reaches GitLab's API from this computer.");
        return std::nullopt;
    }
    for (const HttpResponse& page : *pages) {
        QJsonParseError parseError{};
        const QJsonDocument doc = page.status == 200 && page.errorCode.isEmpty()
                                      ? QJsonDocument::fromJson(page.body, &parseError)
                                      : QJsonDocument();
        if (page.status != 200 || !page.errorCode.isEmpty() || parseError.error != QJsonParseError::NoError ||
            !doc.isArray()) {
            *error = SetupPlan::tr("The OAuth applications could not be read: %1.").arg(answerText(page));
            *remedy = SetupPlan::tr(
                "Check the token (administrator, scope api; admin_mode under Admin Mode) and GitLab's "
                "logs (production_json.log).");
            return std::nullopt;
        }
        const QJsonArray items = doc.array();
        for (const QJsonValue& v : items) {
            const QJsonObject o = v.toObject();
            state.applicationScopesListed =
                state.applicationScopesListed || o.contains(QStringLiteral("scopes"));
            state.applications.append(OAuthApplication::fromJson(o));
        }
    }
    state.applicationsReadable = true;
    return state;
}

// ---------------------------------------------------------------------------------------------

bool SettingChange::changes() const
{
    return fromNewApplication || !sameValue(current, planned);
}

bool SetupPlan::hasChanges() const
{
    return remove || !retire.isEmpty() || applicationAction == ApplicationAction::Create ||
           !changedSettings().isEmpty();
}

QList<SettingChange> SetupPlan::changedSettings() const
{
    QList<SettingChange> out;
    for (const SettingChange& s : settings) {
        if (s.changes())
            out.append(s);
    }
    return out;
}

SetupPlan SetupPlan::make(const SetupInput& input, const GitLabState& state)
{
    SetupPlan plan;
    plan.method = input.method;
    plan.url = input.url.toString();
    plan.target = input.target().toString();
    plan.version = state.version;
    plan.application.name = input.applicationName.trimmed().isEmpty() ? setup::defaultApplicationName()
                                                                      : input.applicationName.trimmed();
    plan.application.redirectUri = setup::redirectUri(input.method, input.target());

    // Atlassian Connect's end of support, for the methods that rely on it: a legacy install that
    // runs may be kept up (with a warning); a new one cannot be made once Jira refuses private apps.
    const InstallTypeDecision installed = InstallTypes::fromSettings(state.settings);
    const QDate today = (input.now.isValid() ? input.now : Clock::nowUtc()).date();
    if (input.method != Method::Marketplace) {
        using namespace platform;
        // Relayed by another instance is no install of this instance's own app: a new one.
        const bool existing = installed.type == InstallType::LegacyConnect && installed.servesOwnApp;
        if (!existing && state.isAdmin && privateConnectInstallsBlocked().reached(today))
            plan.blockers.append(
                SetupPlan::tr("A new %1 install cannot be made: %2 Use the Marketplace method.")
                    .arg(methodId(input.method), PlatformText::newInstallStatus(today)));
        else
            plan.notes.append(
                {PlanNote::Level::Warning, QStringLiteral("connect-eol"),
                 SetupPlan::tr("The %1 method relies on Atlassian Connect. %2 Move to the Marketplace method "
                               "(--method marketplace).")
                     .arg(methodId(input.method),
                          (existing ? QString() : PlatformText::newInstallStatus(today) + QLatin1Char(' ')) +
                              PlatformText::connectStatus(today))});
    }

    // What makes the setup impossible as it stands.
    if (!state.isAdmin) {
        const bool adminModeHint =
            !state.tokenScopes.isEmpty() && !state.tokenScopes.contains(QLatin1String("admin_mode"));
        plan.blockers.append(
            adminModeHint
                ? SetupPlan::tr("The token of %1 is not treated as an administrator's: either %1 is no "
                                "administrator, or "
                                "Admin Mode is on and the token lacks the admin_mode scope. Create a token "
                                "with the scopes "
                                "api and admin_mode.")
                      .arg(state.username)
                : SetupPlan::tr(
                      "%1 is not an administrator: only an administrator can create OAuth applications and "
                      "change the application settings.")
                      .arg(state.username));
    } else if (!state.tokenScopes.isEmpty() && !state.tokenScopes.contains(QLatin1String("api"))) {
        plan.blockers.append(
            SetupPlan::tr("The token has the scopes %1 but not api, which writing settings needs.")
                .arg(state.tokenScopes.join(QLatin1String(", "))));
    }
    if (state.version && !state.version->atLeast(15, 7))
        plan.blockers.append(
            SetupPlan::tr("GitLab %1 is older than 15.7, the first version the GitLab for Jira Cloud app "
                          "supports with OAuth. Upgrade GitLab first.")
                .arg(state.version->toString()));
    if (state.isAdmin && !state.settings.contains(setup::applicationKey))
        plan.blockers.append(
            SetupPlan::tr("This GitLab has no setting %1 (it arrived with OAuth for the Jira app in "
                          "15.7). Upgrade GitLab first.")
                .arg(setup::applicationKey));

    // The OAuth application.
    const QString key = state.settings.value(setup::applicationKey).toString().trimmed();
    std::optional<OAuthApplication> referenced;
    for (const OAuthApplication& app : state.applications) {
        if (!key.isEmpty() && app.uid == key)
            referenced = app;
    }
    const QString& uri = plan.application.redirectUri;
    // Moving a legacy install: its application (this instance's own Jira callback) is the old one,
    // reported or retired after the settings switch, never "misconfigured" and deleted first.
    const bool moving = input.method == Method::Marketplace && installed.type == InstallType::LegacyConnect;
    const QString legacyRedirect = setup::redirectUri(Method::Manual, input.target());
    const auto isLegacyApplication = [&legacyRedirect](const OAuthApplication& app) {
        return app.callbackUrl.split(QRegularExpression(QStringLiteral("\\s+"))).contains(legacyRedirect);
    };
    // An application made right for another method or host (switching from manual to Marketplace,
    // a new public URL) is not misconfigured: it stays, unused, and a new one is made.
    const auto forOtherRedirect = [](const OAuthApplication& app) {
        return !app.confidential && (!app.scopes || *app.scopes == QStringList{QStringLiteral("api")}) &&
               app.callbackUrl.contains(QLatin1String("/-/jira_connect/oauth_callbacks"));
    };
    if (referenced && setup::applicationProblems(*referenced, uri).isEmpty()) {
        plan.applicationAction = ApplicationAction::Reuse;
        plan.reuse = referenced;
    } else if (referenced && !forOtherRedirect(*referenced) &&
               !(moving && isLegacyApplication(*referenced))) {
        plan.misconfigured = referenced;
        plan.misconfiguredProblems = setup::applicationProblems(*referenced, uri);
        if (input.replaceMisconfigured) {
            plan.remove = referenced;
            plan.applicationAction = ApplicationAction::Create;
        } else {
            plan.applicationAction = ApplicationAction::Blocked;
        }
    } else {
        // A correct application the key does not point at (yet): one this setup created before a
        // failure, or one an admin made by hand. Prefer the setup's name, then the oldest.
        std::optional<OAuthApplication> candidate;
        for (const OAuthApplication& app : state.applications) {
            if (!setup::applicationProblems(app, uri).isEmpty())
                continue;
            const bool better =
                !candidate || (app.name == plan.application.name && candidate->name != plan.application.name);
            if (better)
                candidate = app;
        }
        if (candidate) {
            plan.applicationAction = ApplicationAction::Reuse;
            plan.reuse = candidate;
        } else {
            plan.applicationAction = ApplicationAction::Create;
        }
    }
    if (plan.reuse && !state.applicationScopesListed)
        plan.notes.append(
            {PlanNote::Level::Info, QStringLiteral("scopes-not-listed"),
             SetupPlan::tr("This GitLab does not list the scopes of applications: make sure \"%1\" has only "
                           "the scope api (%2).")
                 .arg(plan.reuse->name, setup::applicationAdminUrl(input.url, plan.reuse->id))});
    // Moving a legacy install to Marketplace, and the legacy applications the admin let go.
    if (moving) {
        Migration m;
        m.from = installed;
        m.relaysForOthers = installed.relaysForOthers;
        m.removeOldApplication = input.removeOldApplication;
        if (!state.externalHost.isEmpty() && installed.proxyUrl.isEmpty())
            m.oldKey = Descriptor::keyForHost(state.externalHost);
        if (referenced && isLegacyApplication(*referenced))
            m.oldApplication = referenced;
        plan.migration = m;
        plan.notes.append(
            {PlanNote::Level::Info, QStringLiteral("migration"),
             SetupPlan::tr("This instance has a legacy Connect install: %1. The plan moves it to "
                           "the Marketplace app.")
                 .arg(installed.reason)});
    }
    if (input.method == Method::Marketplace && input.removeOldApplication) {
        for (const OAuthApplication& app : state.applications) {
            const bool used = plan.reuse && plan.reuse->id == app.id;
            if (!used && isLegacyApplication(app))
                plan.retire.append(app);
        }
    }
    for (const OAuthApplication& app : state.applications) {
        const bool retired = std::any_of(plan.retire.cbegin(), plan.retire.cend(),
                                         [&app](const OAuthApplication& r) { return r.id == app.id; });
        if (retired)
            continue;
        if (plan.migration && plan.migration->oldApplication &&
            plan.migration->oldApplication->id == app.id) {
            plan.notes.append(
                {PlanNote::Level::Info, QStringLiteral("old-application"),
                 SetupPlan::tr(
                     "The legacy app's OAuth application \"%1\" (id %2) stays as it is; delete it at %3 "
                     "once Jira uses the Marketplace app.")
                     .arg(app.name)
                     .arg(app.id)
                     .arg(setup::applicationAdminUrl(input.url, app.id))});
            continue;
        }
        const bool used = (plan.reuse && plan.reuse->id == app.id) ||
                          (plan.remove && plan.remove->id == app.id) ||
                          (plan.misconfigured && plan.misconfigured->id == app.id);
        if (used || !app.callbackUrl.contains(QLatin1String("/-/jira_connect/oauth_callbacks")))
            continue;
        plan.notes.append(
            {PlanNote::Level::Info, QStringLiteral("leftover-application"),
             SetupPlan::tr(
                 "The application \"%1\" (id %2) also points at a Jira callback and stays as it is; "
                 "delete it at %3 if nothing uses it.")
                 .arg(app.name)
                 .arg(app.id)
                 .arg(setup::applicationAdminUrl(input.url, app.id))});
    }

    // The settings.
    const auto settingOf = [&state](const QString& name) {
        SettingChange change;
        change.key = name;
        change.current = state.settings.value(name);
        return change;
    };
    SettingChange keyChange = settingOf(setup::applicationKey);
    if (plan.reuse) {
        keyChange.planned = plan.reuse->uid;
        keyChange.why = SetupPlan::tr("the Application ID of \"%1\"").arg(plan.reuse->name);
    } else if (plan.applicationAction == ApplicationAction::Blocked) {
        keyChange.planned = keyChange.current;
        keyChange.why = SetupPlan::tr("kept: the application it points at needs fixing first");
    } else {
        keyChange.planned = QJsonValue::Null;
        keyChange.fromNewApplication = true;
        keyChange.why = SetupPlan::tr("the Application ID of the new application");
    }
    plan.settings.append(keyChange);

    SettingChange proxy = settingOf(setup::proxyUrl);
    if (input.method == Method::Marketplace) {
        proxy.planned = gitlabComOrigin;
        proxy.why = SetupPlan::tr(
            "GitLab.com relays for the Marketplace app; exactly this, without a trailing slash");
    } else {
        proxy.planned = QString();
        proxy.why = SetupPlan::tr("blank: Jira calls this instance directly");
    }
    plan.settings.append(proxy);

    const bool relay = input.method == Method::Proxy;
    // An instance with public key storage on relays for others (that is all the setting is for):
    // switching it off would cut them off at once, on the move and on every later run.
    const bool keepRelaying =
        input.method == Method::Marketplace && state.settings.value(setup::publicKeyStorage).toBool();
    if (relay || state.settings.contains(setup::publicKeyStorage)) {
        SettingChange storage = settingOf(setup::publicKeyStorage);
        storage.planned = relay || keepRelaying;
        storage.why =
            relay ? SetupPlan::tr("on: other instances verify Jira's tokens through this one")
            : keepRelaying
                ? SetupPlan::tr("kept on until the instances that use this one as their proxy have moved")
                : SetupPlan::tr("off: only an instance that relays for others needs it");
        if (relay && !state.settings.contains(setup::publicKeyStorage) && state.isAdmin)
            plan.blockers.append(
                SetupPlan::tr("This GitLab has no setting %1 (it arrived in 15.9). Upgrade GitLab first.")
                    .arg(setup::publicKeyStorage));
        plan.settings.append(storage);
    }

    if (keepRelaying)
        plan.notes.append(
            {PlanNote::Level::Warning, QStringLiteral("proxy-for-others"),
             SetupPlan::tr("Other instances use this one as their Jira Connect proxy (public key storage "
                           "is on): every instance whose Jira Connect Proxy URL points at %1 must move to "
                           "the Marketplace app too: they lose their Jira connection once the private app is "
                           "uninstalled. Public key "
                           "storage stays on; turn it off once none of them points here.")
                 .arg(input.target().toString())});

    // Behind a reverse proxy with another host name, Jira's tokens name the public host as their
    // audience; GitLab accepts it only as the additional audience URL (17.7+).
    const bool hostDiffers = !state.externalHost.isEmpty() && state.externalHost != input.target().host();
    if (hostDiffers) {
        if (state.version && state.version->atLeast(17, 7)) {
            SettingChange audience = settingOf(setup::additionalAudience);
            audience.planned = input.target().toString();
            audience.why = SetupPlan::tr("Jira reaches GitLab as %1, but its external_url host is %2")
                               .arg(input.target().hostAndPort(), state.externalHost);
            plan.settings.append(audience);
        } else {
            plan.notes.append(
                {PlanNote::Level::Warning, QStringLiteral("audience-needs-17.7"),
                 SetupPlan::tr(
                     "Jira reaches GitLab as %1 but GitLab's external_url host is %2: Jira's tokens will be "
                     "rejected with \"Invalid audience\" unless GitLab is 17.7 or later, where the public "
                     "URL can "
                     "be set as the additional audience URL.")
                     .arg(input.target().hostAndPort(), state.externalHost)});
        }
    }
    return plan;
}

QJsonObject SetupPlan::toJson() const
{
    auto action = [](ApplicationAction a) {
        switch (a) {
        case ApplicationAction::Reuse:
            return QStringLiteral("reuse");
        case ApplicationAction::Create:
            return QStringLiteral("create");
        case ApplicationAction::Blocked:
            return QStringLiteral("blocked");
        }
        return QString();
    };
    QJsonObject app{{QStringLiteral("action"), action(applicationAction)},
                    {QStringLiteral("name"), application.name},
                    {QStringLiteral("redirect_uri"), application.redirectUri},
                    {QStringLiteral("scopes"), application.scopes},
                    {QStringLiteral("confidential"), application.confidential}};
    if (reuse)
        app.insert(QStringLiteral("reuse"), reuse->toJson());
    if (remove)
        app.insert(QStringLiteral("delete"), remove->toJson());
    if (misconfigured) {
        app.insert(QStringLiteral("misconfigured"), misconfigured->toJson());
        app.insert(QStringLiteral("problems"), QJsonArray::fromStringList(misconfiguredProblems));
    }
    QJsonArray retireJson;
    for (const OAuthApplication& a : retire)
        retireJson.append(a.toJson());
    app.insert(QStringLiteral("retire"), retireJson);
    QJsonArray settingsJson;
    for (const SettingChange& s : settings) {
        QJsonObject o{{QStringLiteral("key"), s.key},
                      {QStringLiteral("current"), s.current.isUndefined() ? QJsonValue() : s.current},
                      {QStringLiteral("planned"), s.planned},
                      {QStringLiteral("change"), s.changes()},
                      {QStringLiteral("why"), s.why}};
        if (s.fromNewApplication)
            o.insert(QStringLiteral("planned_from_new_application"), true);
        settingsJson.append(o);
    }
    QJsonArray notesJson;
    for (const PlanNote& n : notes)
        notesJson.append(QJsonObject{{QStringLiteral("level"), n.level == PlanNote::Level::Warning
                                                                   ? QStringLiteral("warning")
                                                                   : QStringLiteral("info")},
                                     {QStringLiteral("code"), n.code},
                                     {QStringLiteral("text"), n.text}});
    return QJsonObject{
        {QStringLiteral("method"), methodId(method)},
        {QStringLiteral("url"), url},
        {QStringLiteral("target"), target},
        {QStringLiteral("gitlab_version"), version ? QJsonValue(version->toString()) : QJsonValue()},
        {QStringLiteral("application"), app},
        {QStringLiteral("settings"), settingsJson},
        {QStringLiteral("notes"), notesJson},
        {QStringLiteral("migration"), migration ? QJsonValue(migration->toJson(target)) : QJsonValue()},
        {QStringLiteral("blockers"), QJsonArray::fromStringList(blockers)},
        {QStringLiteral("blocked"), isBlocked()},
        {QStringLiteral("changes"), hasChanges()}};
}

// ---------------------------------------------------------------------------------------------

QStringList Migration::jiraSteps(const QString& target, bool moving, const QString& oldKey)
{
    const QString open = tr("In Jira, where it says \"App management has moved to Administration\", choose "
                            "Take me there → Installed apps (older sites still show Manage your apps).");
    const QString install = tr("Install \"GitLab for Jira Cloud\" from the Atlassian Marketplace. Where Jira "
                               "asks, approve its major upgrade to Atlassian's Forge platform.");
    const QString getStarted =
        tr("In Installed apps, open the app's menu (…) → Get started → Change GitLab version → GitLab "
           "self-managed, enter %1 (no trailing slash) and sign in to GitLab.")
            .arg(target);
    if (!moving)
        return {install, open, getStarted,
                tr("Link groups: link the groups whose projects Jira should show.")};
    return {open,
            oldKey.isEmpty()
                ? tr("Uninstall the private GitLab for Jira Cloud app (the one installed from a descriptor "
                     "URL, not "
                     "from the Marketplace).")
                : tr("Uninstall the private app with the key %1 that this instance served.").arg(oldKey),
            install, getStarted, tr("Link your groups again in the Marketplace app (Link groups).")};
}

QStringList Migration::unknowns()
{
    return platform::PlatformText::unknowns();
}

QJsonObject Migration::toJson(const QString& target) const
{
    return {{QStringLiteral("from"), installTypeId(from.type)},
            {QStringLiteral("old_key"), oldKey.isEmpty() ? QJsonValue() : QJsonValue(oldKey)},
            {QStringLiteral("old_application"),
             oldApplication ? QJsonValue(oldApplication->toJson()) : QJsonValue()},
            {QStringLiteral("remove_old_application"), removeOldApplication},
            {QStringLiteral("relays_for_others"), relaysForOthers},
            {QStringLiteral("jira_steps"), QJsonArray::fromStringList(jiraSteps(target))},
            {QStringLiteral("unknowns"), QJsonArray::fromStringList(unknowns())}};
}

QList<VerifyItem> verifySetup(const SetupPlan& plan, const QString& applicationUid,
                              const GitLabState& readBack)
{
    QList<VerifyItem> items;
    for (const SettingChange& s : plan.settings) {
        VerifyItem item;
        item.key = s.key;
        item.expected =
            s.fromNewApplication || s.key == setup::applicationKey ? QJsonValue(applicationUid) : s.planned;
        item.actual = readBack.settings.value(s.key);
        item.ok = !readBack.settings.isEmpty() && sameValue(item.expected, item.actual);
        const bool blank = item.actual.isNull() || item.actual.isUndefined() ||
                           (item.actual.isString() && item.actual.toString().isEmpty());
        const QString shown = item.actual.isBool()
                                  ? (item.actual.toBool() ? QStringLiteral("true") : QStringLiteral("false"))
                              : blank ? SetupPlan::tr("(blank)")
                                      : QStringLiteral("\"%1\"").arg(item.actual.toString());
        item.text = item.ok ? SetupPlan::tr("%1 is %2.").arg(s.key, shown)
                            : SetupPlan::tr("%1 reads back as %2, not as planned.").arg(s.key, shown);
        items.append(item);
    }
    VerifyItem app;
    app.key = QStringLiteral("oauth_application");
    app.expected = applicationUid;
    const auto it = std::find_if(readBack.applications.cbegin(), readBack.applications.cend(),
                                 [&](const OAuthApplication& a) { return a.uid == applicationUid; });
    if (applicationUid.isEmpty() || it == readBack.applications.cend()) {
        app.text =
            SetupPlan::tr("No OAuth application with the Application ID %1 exists.").arg(applicationUid);
    } else {
        app.actual = it->toJson();
        const QStringList problems = setup::applicationProblems(*it, plan.application.redirectUri);
        app.ok = problems.isEmpty();
        app.text = app.ok ? SetupPlan::tr("\"%1\" (id %2): not confidential, redirect URI %3.")
                                .arg(it->name)
                                .arg(it->id)
                                .arg(plan.application.redirectUri)
                          : SetupPlan::tr("\"%1\": %2.").arg(it->name, problems.join(QLatin1String("; ")));
    }
    items.append(app);
    for (const OAuthApplication& old : plan.retire) {
        VerifyItem gone;
        gone.key = QStringLiteral("retired_application");
        gone.expected = QJsonValue::Null;
        const bool present = std::any_of(readBack.applications.cbegin(), readBack.applications.cend(),
                                         [&old](const OAuthApplication& a) { return a.id == old.id; });
        gone.actual = present ? QJsonValue(old.toJson()) : QJsonValue::Null;
        gone.ok = readBack.applicationsReadable && !present;
        gone.text =
            gone.ok
                ? SetupPlan::tr("The legacy application \"%1\" (id %2) is deleted.").arg(old.name).arg(old.id)
                : SetupPlan::tr("The legacy application \"%1\" (id %2) still exists.")
                      .arg(old.name)
                      .arg(old.id);
        items.append(gone);
    }
    return items;
}

} // namespace gjd
