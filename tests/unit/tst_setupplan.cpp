// SPDX-License-Identifier: GPL-3.0-or-later
// SetupPlan::make and verifySetup as pure functions: GitLab's state in, the plan out.

#include "connect/installtype.h"
#include "setup/methodadvice.h"
#include "setup/railssnippets.h"
#include "setup/setupplan.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>

namespace gjd {

namespace {

const QString kMarketplaceCallback = QStringLiteral("https://gitlab.com/-/jira_connect/oauth_callbacks");
const QString kOwnCallback = QStringLiteral("https://gitlab.example.com/-/jira_connect/oauth_callbacks");

OAuthApplication app(qint64 id, const QString& name, const QString& callback, bool confidential = false,
                     std::optional<QStringList> scopes = std::nullopt)
{
    OAuthApplication a;
    a.id = id;
    a.uid = QStringLiteral("uid-%1").arg(id);
    a.name = name;
    a.callbackUrl = callback;
    a.confidential = confidential;
    a.scopes = scopes;
    return a;
}

// A fresh GitLab 17.8 as an admin's token reads it.
GitLabState fresh()
{
    GitLabState s;
    s.version = GitLabVersion::parse(QStringLiteral("17.8.1-ee"));
    s.username = QStringLiteral("root");
    s.isAdmin = true;
    s.tokenScopes = {QStringLiteral("api")};
    s.externalHost = QStringLiteral("gitlab.example.com");
    s.settings = QJsonObject{{setup::applicationKey, QJsonValue::Null},
                             {setup::proxyUrl, QJsonValue::Null},
                             {setup::publicKeyStorage, false},
                             {setup::additionalAudience, QJsonValue::Null}};
    s.applicationsReadable = true;
    return s;
}

SetupInput input(Method method, const QString& publicUrl = {})
{
    SetupInput in;
    in.method = method;
    in.url = InstanceUrl::parse(QStringLiteral("https://gitlab.example.com"));
    if (!publicUrl.isEmpty())
        in.publicUrl = InstanceUrl::parse(publicUrl);
    in.now = QDateTime(QDate(2026, 11, 25), QTime(12, 0), Qt::UTC);
    return in;
}

const SettingChange* settingIn(const SetupPlan& plan, const QString& key)
{
    for (const SettingChange& s : plan.settings) {
        if (s.key == key)
            return &s;
    }
    return nullptr;
}

QStringList noteCodes(const SetupPlan& plan)
{
    QStringList codes;
    for (const PlanNote& n : plan.notes)
        codes.append(n.code);
    return codes;
}

} // namespace

class TestSetupPlan final : public QObject
{
    Q_OBJECT

private slots:
    void applicationChoice_data();
    void applicationChoice();
    void settingsPerMethod_data();
    void settingsPerMethod();
    void blankValuesAreEqual();
    void audience_data();
    void audience();
    void blockers_data();
    void blockers();
    void connectEndOfSupport_data();
    void connectEndOfSupport();
    void relayedInstallIsNoExistingOne();
    void movingKeepsABrokenLegacyApplicationForLater();
    void applicationFromJson();
    void verification();
    void methodAdvice_data();
    void methodAdvice();
    void railsSnippetsEscape();
};

void TestSetupPlan::applicationChoice_data()
{
    QTest::addColumn<QList<OAuthApplication>>("applications");
    QTest::addColumn<QString>("key");
    QTest::addColumn<bool>("replace");
    QTest::addColumn<QString>("action"); // reuse|create|blocked
    QTest::addColumn<qint64>("reused");  // id
    QTest::addColumn<qint64>("removed"); // id, 0: none
    QTest::addColumn<int>("leftovers");

    const QString ours = setup::defaultApplicationName();
    QTest::newRow("fresh: create") << QList<OAuthApplication>{} << "" << false << "create" << qint64(0)
                                   << qint64(0) << 0;
    QTest::newRow("the key's application is right: reuse")
        << QList<OAuthApplication>{app(3, QStringLiteral("Jira"), kMarketplaceCallback)} << "uid-3" << false
        << "reuse" << qint64(3) << qint64(0) << 0;
    QTest::newRow("one of several redirect URIs is enough")
        << QList<OAuthApplication>{app(3, QStringLiteral("Jira"),
                                       QStringLiteral("https://x.test/cb\n") + kMarketplaceCallback)}
        << "uid-3" << false << "reuse" << qint64(3) << qint64(0) << 0;
    QTest::newRow("confidential: blocked, left alone")
        << QList<OAuthApplication>{app(3, QStringLiteral("Jira"), kMarketplaceCallback, true)} << "uid-3"
        << false << "blocked" << qint64(0) << qint64(0) << 0;
    QTest::newRow("scopes api read_user: blocked")
        << QList<OAuthApplication>{app(3, QStringLiteral("Jira"), kMarketplaceCallback, false,
                                       QStringList{QStringLiteral("api"), QStringLiteral("read_user")})}
        << "uid-3" << false << "blocked" << qint64(0) << qint64(0) << 0;
    QTest::newRow("not a Jira callback: blocked")
        << QList<OAuthApplication>{app(3, QStringLiteral("Jira"), QStringLiteral("https://gitlab.com/wrong"))}
        << "uid-3" << false << "blocked" << qint64(0) << qint64(0) << 0;
    QTest::newRow("misconfigured + --replace-misconfigured: delete, create")
        << QList<OAuthApplication>{app(3, QStringLiteral("Jira"), kMarketplaceCallback, true)} << "uid-3"
        << true << "create" << qint64(0) << qint64(3) << 0;
    // A manual install's application: moving to Marketplace reports it as the old one.
    QTest::newRow("another method's application: create, report it")
        << QList<OAuthApplication>{app(3, ours, kOwnCallback)} << "uid-3" << false << "create" << qint64(0)
        << qint64(0) << 1;
    QTest::newRow("key points nowhere, ours exists (a failed run): reuse it")
        << QList<OAuthApplication>{app(2, QStringLiteral("by hand"), kMarketplaceCallback),
                                   app(5, ours, kMarketplaceCallback)}
        << "uid-deleted" << false << "reuse" << qint64(5) << qint64(0) << 1;
    QTest::newRow("no key, one made by hand: reuse it")
        << QList<OAuthApplication>{app(2, QStringLiteral("Jira Connect"), kMarketplaceCallback)} << ""
        << false << "reuse" << qint64(2) << qint64(0) << 0;
    QTest::newRow("no key, only wrong ones: create, report them")
        << QList<OAuthApplication>{app(2, ours, kMarketplaceCallback, true),
                                   app(4, QStringLiteral("CI"), QStringLiteral("https://ci/cb"))}
        << "" << false << "create" << qint64(0) << qint64(0) << 1;
}

void TestSetupPlan::applicationChoice()
{
    QFETCH(QList<OAuthApplication>, applications);
    QFETCH(QString, key);
    QFETCH(bool, replace);
    QFETCH(QString, action);
    QFETCH(qint64, reused);
    QFETCH(qint64, removed);
    QFETCH(int, leftovers);

    GitLabState state = fresh();
    state.applications = applications;
    if (!key.isEmpty())
        state.settings.insert(setup::applicationKey, key);
    SetupInput in = input(Method::Marketplace);
    in.replaceMisconfigured = replace;
    const SetupPlan plan = SetupPlan::make(in, state);

    QCOMPARE(plan.toJson()
                 .value(QStringLiteral("application"))
                 .toObject()
                 .value(QStringLiteral("action"))
                 .toString(),
             action);
    QCOMPARE(plan.reuse ? plan.reuse->id : 0, reused);
    QCOMPARE(plan.remove ? plan.remove->id : 0, removed);
    QCOMPARE(int(noteCodes(plan).count(QStringLiteral("leftover-application")) +
                 noteCodes(plan).count(QStringLiteral("old-application"))),
             leftovers);
    QCOMPARE(plan.isBlocked(), action == QLatin1String("blocked"));
    if (action == QLatin1String("blocked"))
        QVERIFY(!plan.misconfiguredProblems.isEmpty());
    const SettingChange* k = settingIn(plan, setup::applicationKey);
    QVERIFY(k);
    if (action == QLatin1String("reuse")) {
        QCOMPARE(k->planned.toString(), QStringLiteral("uid-%1").arg(reused));
        QCOMPARE(k->changes(), key != k->planned.toString());
    } else if (action == QLatin1String("create")) {
        QVERIFY(k->fromNewApplication);
        QVERIFY(k->changes());
    } else {
        QVERIFY(!k->changes()); // refused: the key stays as it is
    }
    QCOMPARE(plan.application.redirectUri, kMarketplaceCallback);
    QCOMPARE(plan.application.scopes, QStringLiteral("api"));
    QCOMPARE(plan.application.confidential, false);
}

void TestSetupPlan::settingsPerMethod_data()
{
    QTest::addColumn<Method>("method");
    QTest::addColumn<QString>("proxy");
    QTest::addColumn<bool>("storage");
    QTest::addColumn<QString>("redirect");
    QTest::newRow("marketplace") << Method::Marketplace << "https://gitlab.com" << false
                                 << kMarketplaceCallback;
    QTest::newRow("manual") << Method::Manual << "" << false << kOwnCallback;
    QTest::newRow("proxy") << Method::Proxy << "" << true << kOwnCallback;
}

void TestSetupPlan::settingsPerMethod()
{
    QFETCH(Method, method);
    QFETCH(QString, proxy);
    QFETCH(bool, storage);
    QFETCH(QString, redirect);
    SetupInput in = input(method);
    if (method != Method::Marketplace) // a new legacy install, while Jira still took one
        in.now = QDateTime(QDate(2026, 2, 1), QTime(12, 0), Qt::UTC);
    const SetupPlan plan = SetupPlan::make(in, fresh());
    QVERIFY(!plan.isBlocked());
    QVERIFY(plan.hasChanges());
    QCOMPARE(plan.application.redirectUri, redirect);
    QCOMPARE(settingIn(plan, setup::proxyUrl)->planned.toString(), proxy);
    QCOMPARE(settingIn(plan, setup::proxyUrl)->changes(), !proxy.isEmpty()); // null → "" is no change
    QCOMPARE(settingIn(plan, setup::publicKeyStorage)->planned.toBool(), storage);
    QCOMPARE(settingIn(plan, setup::publicKeyStorage)->changes(), storage);
    QVERIFY(!settingIn(plan, setup::additionalAudience)); // same host: not managed
}

void TestSetupPlan::blankValuesAreEqual()
{
    // Configured for Marketplace, except a trailing slash on the proxy URL (GitLab compares it
    // with the Origin header as a plain string): exactly that one change.
    GitLabState state = fresh();
    state.applications = {app(7, setup::defaultApplicationName(), kMarketplaceCallback)};
    state.settings.insert(setup::applicationKey, QStringLiteral("uid-7"));
    state.settings.insert(setup::proxyUrl, QStringLiteral("https://gitlab.com/"));
    SetupPlan plan = SetupPlan::make(input(Method::Marketplace), state);
    QCOMPARE(plan.changedSettings().size(), 1);
    QCOMPARE(plan.changedSettings().constFirst().key, setup::proxyUrl);

    state.settings.insert(setup::proxyUrl, QStringLiteral("https://gitlab.com"));
    plan = SetupPlan::make(input(Method::Marketplace), state);
    QVERIFY(!plan.hasChanges());

    // Manual: "" and null are both blank.
    state.applications = {app(8, setup::defaultApplicationName(), kOwnCallback)};
    state.settings.insert(setup::applicationKey, QStringLiteral("uid-8"));
    state.settings.insert(setup::proxyUrl, QString());
    plan = SetupPlan::make(input(Method::Manual), state);
    QVERIFY(!plan.hasChanges());
}

void TestSetupPlan::audience_data()
{
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("externalHost");
    QTest::addColumn<QString>("publicUrl");
    QTest::addColumn<QString>("planned"); // empty: not managed
    QTest::addColumn<bool>("warning");
    QTest::newRow("same host") << "17.8.0"
                               << "gitlab.example.com"
                               << ""
                               << "" << false;
    QTest::newRow("public URL, 17.8") << "17.8.0"
                                      << "gitlab.example.com"
                                      << "https://jira-gw.example.com"
                                      << "https://jira-gw.example.com" << false;
    QTest::newRow("public URL with a port and a root") << "17.7.0"
                                                       << "gitlab.internal"
                                                       << "https://gw.example.com:8443/gitlab"
                                                       << "https://gw.example.com:8443/gitlab" << false;
    QTest::newRow("public URL, 17.6: warn") << "17.6.2"
                                            << "gitlab.example.com"
                                            << "https://jira-gw.example.com"
                                            << "" << true;
    QTest::newRow("external_url is the public host") << "17.8.0"
                                                     << "jira-gw.example.com"
                                                     << "https://jira-gw.example.com"
                                                     << "" << false;
}

void TestSetupPlan::audience()
{
    QFETCH(QString, version);
    QFETCH(QString, externalHost);
    QFETCH(QString, publicUrl);
    QFETCH(QString, planned);
    QFETCH(bool, warning);
    GitLabState state = fresh();
    state.version = GitLabVersion::parse(version);
    state.externalHost = externalHost;
    const SetupPlan plan = SetupPlan::make(input(Method::Manual, publicUrl), state);
    const SettingChange* audience = settingIn(plan, setup::additionalAudience);
    QCOMPARE(audience ? audience->planned.toString() : QString(), planned);
    QCOMPARE(noteCodes(plan).contains(QStringLiteral("audience-needs-17.7")), warning);
    if (!publicUrl.isEmpty())
        QCOMPARE(plan.application.redirectUri, publicUrl + QStringLiteral("/-/jira_connect/oauth_callbacks"));
}

void TestSetupPlan::blockers_data()
{
    QTest::addColumn<bool>("admin");
    QTest::addColumn<QStringList>("scopes");
    QTest::addColumn<QString>("version");
    QTest::addColumn<bool>("hasKeySetting");
    QTest::addColumn<QString>("expected"); // a part of the blocker; empty: none
    QTest::newRow("admin") << true << QStringList{"api"} << "17.8.0" << true << "";
    QTest::newRow("not admin, scopes unknown")
        << false << QStringList{} << "17.8.0" << true << "is not an administrator";
    QTest::newRow("Admin Mode without admin_mode")
        << false << QStringList{"api"} << "17.8.0" << true << "lacks the admin_mode scope";
    QTest::newRow("not admin, with admin_mode")
        << false << QStringList{"api", "admin_mode"} << "17.8.0" << true << "is not an administrator";
    QTest::newRow("read_api only") << true << QStringList{"read_api"} << "17.8.0" << true << "not api";
    QTest::newRow("GitLab 15.6") << true << QStringList{"api"} << "15.6.1" << true << "older than 15.7";
    QTest::newRow("no application key setting")
        << true << QStringList{"api"} << "15.7.0" << false << "no setting jira_connect_application_key";
}

void TestSetupPlan::blockers()
{
    QFETCH(bool, admin);
    QFETCH(QStringList, scopes);
    QFETCH(QString, version);
    QFETCH(bool, hasKeySetting);
    QFETCH(QString, expected);
    GitLabState state = fresh();
    state.isAdmin = admin;
    state.tokenScopes = scopes;
    state.version = GitLabVersion::parse(version);
    if (!admin)
        state.settings = QJsonObject(); // 403
    if (!hasKeySetting)
        state.settings.remove(setup::applicationKey);
    const SetupPlan plan = SetupPlan::make(input(Method::Marketplace), state);
    QCOMPARE(plan.isBlocked(), !expected.isEmpty());
    if (!expected.isEmpty())
        QVERIFY2(plan.blockers.join(QLatin1Char(' ')).contains(expected),
                 qPrintable(plan.blockers.join(QLatin1Char('|'))));
}

void TestSetupPlan::connectEndOfSupport_data()
{
    QTest::addColumn<Method>("method");
    QTest::addColumn<bool>("existing"); // GitLab already has a legacy install
    QTest::addColumn<QDate>("today");
    QTest::addColumn<QString>("note");    // part of the connect-eol note; empty: none
    QTest::addColumn<QString>("blocker"); // part of a blocker; empty: not blocked
    QTest::newRow("marketplace") << Method::Marketplace << false << QDate(2026, 11, 25) << ""
                                 << "";
    QTest::newRow("manual, new, before the block")
        << Method::Manual << false << QDate(2026, 2, 1) << "From 31 March 2026 Jira no longer installs"
        << "";
    QTest::newRow("manual, new, the day of the block") << Method::Manual << false << QDate(2026, 3, 31) << ""
                                                       << "cannot be installed since 31 March 2026";
    QTest::newRow("proxy, new, April") << Method::Proxy << false << QDate(2026, 4, 1) << ""
                                       << "A new proxy install cannot be made";
    QTest::newRow("manual, existing, November")
        << Method::Manual << true << QDate(2026, 11, 25) << "ends Connect support in December 2026"
        << "";
    QTest::newRow("manual, existing, December")
        << Method::Manual << true << QDate(2026, 12, 2) << "dates Connect's end of support to December 2026"
        << "";
    QTest::newRow("proxy, existing, a year later")
        << Method::Proxy << true << QDate(2027, 12, 2) << "dates Connect's end of support to December 2026"
        << "";
}

void TestSetupPlan::connectEndOfSupport()
{
    QFETCH(Method, method);
    QFETCH(bool, existing);
    QFETCH(QDate, today);
    QFETCH(QString, note);
    QFETCH(QString, blocker);
    SetupInput in = input(method);
    in.now = QDateTime(today, QTime(9, 0), Qt::UTC);
    GitLabState state = fresh();
    if (existing) {
        state.applications = {app(3, QStringLiteral("Jira (manual)"), kOwnCallback)};
        state.settings.insert(setup::applicationKey, QStringLiteral("uid-3"));
        state.settings.insert(setup::publicKeyStorage, method == Method::Proxy);
    }
    const SetupPlan plan = SetupPlan::make(in, state);
    QString text;
    for (const PlanNote& n : plan.notes) {
        if (n.code == QLatin1String("connect-eol")) {
            QCOMPARE(n.level, PlanNote::Level::Warning);
            text = n.text;
        }
    }
    QCOMPARE(text.isEmpty(), note.isEmpty());
    QVERIFY2(text.contains(note), qPrintable(text));
    const QString blockers = plan.blockers.join(QLatin1Char(' '));
    QCOMPARE(plan.isBlocked(), !blocker.isEmpty());
    QVERIFY2(blockers.contains(blocker), qPrintable(blockers));
    // Atlassian's month, never a day it did not give.
    for (const QString& t : {text, blockers}) {
        QVERIFY2(!QRegularExpression(QStringLiteral("\\b\\d{1,2}\\.? December|December \\d{1,2}\\b"))
                      .match(t)
                      .hasMatch(),
                 qPrintable(t));
    }
}

void TestSetupPlan::relayedInstallIsNoExistingOne()
{
    // Relayed by another instance's private app: --method manual would need this instance's own
    // private app in Jira, which Jira no longer installs.
    SetupInput in = input(Method::Manual);
    in.now = QDateTime(QDate(2026, 12, 2), QTime(9, 0), Qt::UTC);
    GitLabState state = fresh();
    state.settings.insert(setup::proxyUrl, QStringLiteral("https://gitlab.relay.example"));
    QCOMPARE(InstallTypes::fromSettings(state.settings).type, InstallType::LegacyConnect);
    QVERIFY(!InstallTypes::fromSettings(state.settings).servesOwnApp);
    const SetupPlan plan = SetupPlan::make(in, state);
    QVERIFY(plan.isBlocked());
    QVERIFY2(
        plan.blockers.join(QLatin1Char(' ')).contains(QLatin1String("A new manual install cannot be made")),
        qPrintable(plan.blockers.join(QLatin1Char('|'))));
}

void TestSetupPlan::movingKeepsABrokenLegacyApplicationForLater()
{
    // The legacy app's application is confidential (and so broken for Jira anyway): moving does not
    // call it misconfigured and delete it first; it stays, or goes after the settings with consent.
    GitLabState state = fresh();
    state.applications = {app(3, QStringLiteral("Jira (manual)"), kOwnCallback, true)};
    state.settings.insert(setup::applicationKey, QStringLiteral("uid-3"));
    for (const bool consent : {false, true}) {
        SetupInput in = input(Method::Marketplace);
        in.replaceMisconfigured = true; // even then
        in.removeOldApplication = consent;
        const SetupPlan plan = SetupPlan::make(in, state);
        QVERIFY(!plan.isBlocked());
        QVERIFY(!plan.remove);
        QVERIFY(!plan.misconfigured);
        QCOMPARE(plan.applicationAction, SetupPlan::ApplicationAction::Create);
        QVERIFY(plan.migration && plan.migration->oldApplication);
        QCOMPARE(plan.migration->oldApplication->id, 3);
        QCOMPARE(plan.retire.size(), consent ? 1 : 0);
    }
}

void TestSetupPlan::applicationFromJson()
{
    const OAuthApplication listed = OAuthApplication::fromJson(
        QJsonObject{{QStringLiteral("id"), 12},
                    {QStringLiteral("application_id"), QStringLiteral("abc")},
                    {QStringLiteral("application_name"), QStringLiteral("Jira")},
                    {QStringLiteral("callback_url"), kMarketplaceCallback},
                    {QStringLiteral("confidential"), false},
                    {QStringLiteral("scopes"), QJsonArray{QStringLiteral("api")}}});
    QCOMPARE(listed.id, 12);
    QCOMPARE(listed.uid, QStringLiteral("abc"));
    QCOMPARE(listed.scopes.value(), QStringList{QStringLiteral("api")});
    QVERIFY(setup::applicationProblems(listed, kMarketplaceCallback).isEmpty());
    // No "confidential" (older GitLab): assume the API's default, true.
    const OAuthApplication old = OAuthApplication::fromJson(
        QJsonObject{{QStringLiteral("id"), 1}, {QStringLiteral("callback_url"), kMarketplaceCallback}});
    QVERIFY(old.confidential);
    QVERIFY(!old.scopes);
    QCOMPARE(setup::applicationProblems(old, kMarketplaceCallback).size(), 1);
}

void TestSetupPlan::verification()
{
    const SetupPlan plan = SetupPlan::make(input(Method::Marketplace), fresh());
    GitLabState after = fresh();
    after.applications = {app(1, setup::defaultApplicationName(), kMarketplaceCallback)};
    after.settings.insert(setup::applicationKey, QStringLiteral("uid-1"));
    after.settings.insert(setup::proxyUrl, QStringLiteral("https://gitlab.com"));
    QList<VerifyItem> items = verifySetup(plan, QStringLiteral("uid-1"), after);
    QCOMPARE(items.size(), plan.settings.size() + 1);
    for (const VerifyItem& v : items)
        QVERIFY2(v.ok, qPrintable(v.text));

    after.settings.insert(setup::proxyUrl, QStringLiteral("https://gitlab.com/"));
    items = verifySetup(plan, QStringLiteral("uid-1"), after);
    QCOMPARE(std::count_if(items.cbegin(), items.cend(), [](const VerifyItem& v) { return !v.ok; }), 1);

    // The application vanished (deleted by someone else meanwhile).
    after.settings.insert(setup::proxyUrl, QStringLiteral("https://gitlab.com"));
    after.applications.clear();
    items = verifySetup(plan, QStringLiteral("uid-1"), after);
    QVERIFY(!items.constLast().ok);
    QVERIFY(items.constLast().text.contains(QLatin1String("uid-1")));
}

void TestSetupPlan::methodAdvice_data()
{
    QTest::addColumn<QString>("detected"); // install type from the settings; "" not known
    QTest::addColumn<bool>("relaysForOthers");
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("expected"); // "new", "move", or "" for none
    QTest::addColumn<QString>("text");     // part of the reasons and warnings
    QTest::newRow("not known") << "" << false << "17.8.0"
                               << "new"
                               << "New installs use the Marketplace app";
    QTest::newRow("nothing set up") << "none" << false << "17.8.0"
                                    << "new"
                                    << "New installs use the Marketplace app";
    QTest::newRow("too old") << "legacy-connect" << false << "15.6.0"
                             << ""
                             << "older than 15.7";
    QTest::newRow("marketplace already") << "marketplace" << false << "17.8.0"
                                         << "new"
                                         << "already set up";
    QTest::newRow("legacy: move it") << "legacy-connect" << false << "17.8.0"
                                     << "move"
                                     << "legacy Connect install";
    QTest::newRow("legacy proxy for others: move it, and say who else must")
        << "legacy-connect" << true << "17.8.0"
        << "move"
        << "must move to the Marketplace app too";
    QTest::newRow("native Forge: left as it is") << "forge-native" << false << "18.10.0"
                                                 << "new"
                                                 << "leaves jira_forge_app_id as it is";
    QTest::newRow("16.x: no branches from Jira") << "none" << false << "16.11.0"
                                                 << "new"
                                                 << "17.2";
}

void TestSetupPlan::methodAdvice()
{
    QFETCH(QString, detected);
    QFETCH(bool, relaysForOthers);
    QFETCH(QString, version);
    QFETCH(QString, expected);
    QFETCH(QString, text);
    DetectedInstall d;
    d.type = detected;
    d.reason = QStringLiteral("what the settings showed");
    d.relaysForOthers = relaysForOthers;
    const MethodAdvice advice = MethodAdvice::advise(d, GitLabVersion::parse(version));
    const QString path = !advice.recommended                            ? QString()
                         : *advice.recommended == SetupPath::MoveLegacy ? QStringLiteral("move")
                                                                        : QStringLiteral("new");
    QCOMPARE(path, expected);
    QVERIFY(!advice.reasons.isEmpty());
    const QString all = (advice.reasons + advice.warnings).join(QLatin1Char(' '));
    QVERIFY2(all.contains(text), qPrintable(all));
}

void TestSetupPlan::railsSnippetsEscape()
{
    const QList<RailsSnippet> filled =
        RailsSnippet::forPaths(QStringLiteral("acme/platform"), QStringLiteral("acme/platform/api"),
                               QStringLiteral("https://acme.atlassian.net/"));
    QCOMPARE(filled.size(), 3);
    QCOMPARE(filled.at(0).code,
             QStringLiteral("JiraConnectSubscription.where(namespace: Namespace.by_path('acme/platform'))"));
    QCOMPARE(filled.at(1).code,
             QStringLiteral("Project.find_by_full_path('acme/platform/api').jira_subscription_exists?"));
    QCOMPARE(filled.at(2).code,
             QStringLiteral(
                 "JiraConnectInstallation.find_by_base_url('https://acme.atlassian.net').subscriptions"));
    // A hostile path stays one string literal.
    const QList<RailsSnippet> hostile =
        RailsSnippet::forPaths(QStringLiteral("a'); system('rm -rf /'); ('\\"), QString(), QString());
    QCOMPARE(hostile.at(0).code,
             QStringLiteral("JiraConnectSubscription.where(namespace: Namespace.by_path('a\\'); system(\\'rm "
                            "-rf /\\'); (\\'\\\\'))"));
    QVERIFY(hostile.at(1).code.contains(QLatin1String("'group/project'")));
}

} // namespace gjd

QTEST_GUILESS_MAIN(gjd::TestSetupPlan)
#include "tst_setupplan.moc"
