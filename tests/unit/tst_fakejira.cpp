// SPDX-License-Identifier: GPL-3.0-or-later
// Pins the fake Jira Cloud site to what reference/atlassian.md §1 says Jira Cloud does, so tests
// built on the fake test against Jira's behaviour, not against our hopes.
#include "fakejira.h"
#include "namclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace gjd::test;

namespace {

using Response = NamResponse;

// Accounts of the fixture site. Secrets are made-up values shaped like the real thing.
const QString kSiteAdmin = "site.admin@example.com"; // site-admins (+ a nested group), all permissions
const QString kOrgAdmin = "org.admin@example.com";   // org-admins, ADMINISTER + USER_PICKER
const QString kJiraAdmin = "jira.admin@example.com"; // no admin group, ADMINISTER only
const QString kPrivate = "private@example.com";      // email/time zone hidden, no groups, nothing granted
const QString kInactive = "gone@example.com";        // deactivated
const QString kPassword = "correct-horse-battery";   // every account's password

QString tokenFor(const QString& email)
{
    return "ATATT3xFfGF0-" + email.section('@', 0, 0) + "-0123456789abcdef";
}

QByteArray auth(const QString& email)
{
    return FakeJira::basicAuth(email, tokenFor(email));
}

const QByteArray kJson = "application/json;charset=UTF-8";
const QString kMessageRequired = "The 'permissions' query parameter is required.";
const QString kUserMissing = "Specified user does not exist or you do not have required permissions";

QStringList groupNames(const QJsonArray& items)
{
    QStringList names;
    for (const auto& item : items)
        names.append(item.toObject().value("name").toString());
    return names;
}

} // namespace

class TestFakeJira final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void myselfExpand_data();
    void myselfExpand();
    void myselfShape();
    void myselfPrivacyNulls();
    void adminGroups_data();
    void adminGroups();

    void authentication_data();
    void authentication();
    void credentialsCheckedOnAnonymousResources();

    void myPermissions_data();
    void myPermissions();
    void unknownPermissionKeyOnSite();
    void permissionsList();

    void userGroups_data();
    void userGroups();

    void ipAllowlist_data();
    void ipAllowlist();
    void rateLimitThenSuccess();
    void siteUnknown_data();
    void siteUnknown();
    void traceHeaders_data();
    void traceHeaders();
    void errorCollectionWithoutStatus();

    void routesAndVersions_data();
    void routesAndVersions();
    void requestLog();
    void failureInjection();

private:
    Response send(const QByteArray& method, const QString& pathAndQuery, const RawHeaders& headers = {},
                  const QByteArray& body = {});
    Response get(const QString& pathAndQuery, const QByteArray& authorization = {})
    {
        RawHeaders headers;
        if (!authorization.isEmpty())
            headers.append({"Authorization", authorization});
        return send("GET", pathAndQuery, headers);
    }
    QString accountId(const QString& email) { return m_fake->account(email)->accountId; }

    std::unique_ptr<FakeJira> m_fake;
    std::unique_ptr<QNetworkAccessManager> m_nam;
};

void TestFakeJira::init()
{
    m_fake = std::make_unique<FakeJira>();

    FakeJiraAccount siteAdmin;
    siteAdmin.displayName = "Site Admin";
    siteAdmin.apiToken = tokenFor(kSiteAdmin);
    siteAdmin.password = kPassword;
    // "gitlab-sync" is held only through membership of a nested group; Jira lists it like any other.
    siteAdmin.groups = {{"site-admins", "0b9a2d3c-1111-4e6f-8a9b-000000000001"},
                        {"jira-software-users", "0b9a2d3c-1111-4e6f-8a9b-000000000002"},
                        {"gitlab-sync", "0b9a2d3c-1111-4e6f-8a9b-000000000003"}};
    siteAdmin.globalPermissions = {"ADMINISTER", "SYSTEM_ADMIN", "USER_PICKER"};
    siteAdmin.applicationRoles = {"jira-software", "jira-servicedesk"};
    m_fake->addAccount(kSiteAdmin, siteAdmin);

    FakeJiraAccount orgAdmin;
    orgAdmin.displayName = "Org Admin";
    orgAdmin.apiToken = tokenFor(kOrgAdmin);
    orgAdmin.password = kPassword;
    orgAdmin.groups = {{"org-admins", "0b9a2d3c-2222-4e6f-8a9b-000000000001"},
                       {"jira-software-users", "0b9a2d3c-1111-4e6f-8a9b-000000000002"}};
    orgAdmin.globalPermissions = {"ADMINISTER", "USER_PICKER"};
    m_fake->addAccount(kOrgAdmin, orgAdmin);

    FakeJiraAccount jiraAdmin;
    jiraAdmin.displayName = "Jira Admin";
    jiraAdmin.apiToken = tokenFor(kJiraAdmin);
    jiraAdmin.password = kPassword;
    jiraAdmin.groups = {{"jira-administrators", "0b9a2d3c-3333-4e6f-8a9b-000000000001"},
                        {"Site-Admins", QString()}}; // wrong case, and a group without an id
    jiraAdmin.globalPermissions = {"ADMINISTER"};
    m_fake->addAccount(kJiraAdmin, jiraAdmin);

    FakeJiraAccount privateAccount;
    privateAccount.displayName = "Private Person";
    privateAccount.apiToken = tokenFor(kPrivate);
    privateAccount.emailAddress = QString(); // hidden by the profile's privacy settings
    privateAccount.timeZone = QString();
    privateAccount.applicationRoles = {};
    m_fake->addAccount(kPrivate, privateAccount);

    FakeJiraAccount inactive;
    inactive.apiToken = tokenFor(kInactive);
    inactive.active = false;
    m_fake->addAccount(kInactive, inactive);

    QVERIFY(m_fake->listen());
    m_nam = std::make_unique<QNetworkAccessManager>();
}

void TestFakeJira::cleanup()
{
    m_nam.reset();
    m_fake.reset();
}

Response TestFakeJira::send(const QByteArray& method, const QString& pathAndQuery, const RawHeaders& headers,
                            const QByteArray& body)
{
    return sendRequest(*m_nam, m_fake->url(), method, pathAndQuery, headers, body, 2000);
}

// ---------------------------------------------------------------------------------------------
// GET /myself

void TestFakeJira::myselfExpand_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<bool>("groupsExpanded");
    QTest::addColumn<bool>("rolesExpanded");

    QTest::newRow("none") << "" << false << false;
    QTest::newRow("groups") << "?expand=groups" << true << false;
    QTest::newRow("applicationRoles") << "?expand=applicationRoles" << false << true;
    QTest::newRow("both") << "?expand=groups,applicationRoles" << true << true;
    QTest::newRow("both, encoded comma and spaces") << "?expand=applicationRoles%2C%20groups" << true << true;
    QTest::newRow("unknown expand ignored") << "?expand=operations" << false << false;
}

void TestFakeJira::myselfExpand()
{
    QFETCH(QString, query);
    QFETCH(bool, groupsExpanded);
    QFETCH(bool, rolesExpanded);

    const Response r = get("/rest/api/3/myself" + query, auth(kSiteAdmin));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("Content-Type"), kJson);
    const QJsonObject user = r.json();

    // Unexpanded, the wrappers still carry the size, with no items.
    const QJsonObject groups = user.value("groups").toObject();
    QCOMPARE(groups.value("size").toInt(), 3);
    QCOMPARE(groups.value("items").toArray().size(), groupsExpanded ? 3 : 0);
    QCOMPARE(groups.contains("max-results"), groupsExpanded);
    if (groupsExpanded) {
        QCOMPARE(groups.value("max-results").toInt(), 200);
        QCOMPARE(groupNames(groups.value("items").toArray()),
                 QStringList({"site-admins", "jira-software-users", "gitlab-sync"}));
        const QJsonObject first = groups.value("items").toArray().first().toObject();
        QCOMPARE(first.value("groupId").toString(), "0b9a2d3c-1111-4e6f-8a9b-000000000001");
        QCOMPARE(
            first.value("self").toString(),
            "https://gjd-test.atlassian.net/rest/api/3/group?groupId=0b9a2d3c-1111-4e6f-8a9b-000000000001");
    }

    const QJsonObject roles = user.value("applicationRoles").toObject();
    QCOMPARE(roles.value("size").toInt(), 2);
    QCOMPARE(roles.value("items").toArray().size(), rolesExpanded ? 2 : 0);
    if (rolesExpanded) {
        const QJsonObject role = roles.value("items").toArray().first().toObject();
        QCOMPARE(role.value("key").toString(), "jira-software");
        QVERIFY(!role.value("name").toString().isEmpty());
        QVERIFY(role.value("groups").isArray());
        QVERIFY(role.value("groupDetails").isArray());
        QCOMPARE(roles.value("items").toArray().at(1).toObject().value("key").toString(), "jira-servicedesk");
    }
    QCOMPARE(user.value("expand").toString(), "groups,applicationRoles");
}

void TestFakeJira::myselfShape()
{
    const Response r = get("/rest/api/3/myself", auth(kSiteAdmin));
    QCOMPARE(r.status, 200);
    const QJsonObject user = r.json();
    const QString id = accountId(kSiteAdmin);
    QVERIFY(!id.isEmpty());
    QCOMPARE(user.value("accountId").toString(), id);
    QCOMPARE(user.value("self").toString(), "https://gjd-test.atlassian.net/rest/api/3/user?accountId=" + id);
    QCOMPARE(user.value("accountType").toString(), "atlassian");
    QCOMPARE(user.value("emailAddress").toString(), kSiteAdmin);
    QCOMPARE(user.value("displayName").toString(), "Site Admin");
    QCOMPARE(user.value("active").toBool(), true);
    QCOMPARE(user.value("timeZone").toString(), "Europe/Berlin");
    QCOMPARE(user.value("locale").toString(), "en_US");
    // Deprecated (GDPR) and always empty.
    QVERIFY(user.value("key").isString() && user.value("key").toString().isEmpty());
    QVERIFY(user.value("name").isString() && user.value("name").toString().isEmpty());
    const QJsonObject avatars = user.value("avatarUrls").toObject();
    QCOMPARE(avatars.keys(), QStringList({"16x16", "24x24", "32x32", "48x48"}));
    QVERIFY(avatars.value("48x48").toString().startsWith("https://"));
    // Jira names the caller in a header too.
    QCOMPARE(r.header("X-AACCOUNTID"), id.toLatin1());

    // The base URL is the site's configuration, not the Host the request came with.
    m_fake->state().baseUrl = QUrl("https://other-site.atlassian.net/");
    QCOMPARE(get("/rest/api/3/myself", auth(kSiteAdmin)).json().value("self").toString(),
             "https://other-site.atlassian.net/rest/api/3/user?accountId=" + id);
}

void TestFakeJira::myselfPrivacyNulls()
{
    const QJsonObject user = get("/rest/api/3/myself?expand=groups,applicationRoles", auth(kPrivate)).json();
    QVERIFY(user.contains("emailAddress"));
    QVERIFY(user.value("emailAddress").isNull());
    QVERIFY(user.value("timeZone").isNull());
    QCOMPARE(user.value("locale").toString(), "en_US");
    QCOMPARE(user.value("groups").toObject().value("size").toInt(), 0);
    QCOMPARE(user.value("groups").toObject().value("items").toArray().size(), 0);
    QCOMPARE(user.value("applicationRoles").toObject().value("size").toInt(), 0);

    // A shown address other than the login email.
    m_fake->account(kPrivate)->emailAddress = "shown@example.org";
    QCOMPARE(get("/rest/api/3/myself", auth(kPrivate)).json().value("emailAddress").toString(),
             "shown@example.org");
}

// What jira.admin_group and jira.browse_users see for the three kinds of administrator.
void TestFakeJira::adminGroups_data()
{
    QTest::addColumn<QString>("email");
    QTest::addColumn<QStringList>("groups");
    QTest::addColumn<bool>("administer");
    QTest::addColumn<bool>("userPicker");

    QTest::newRow("site-admins (original user management)")
        << kSiteAdmin << QStringList{"site-admins", "jira-software-users", "gitlab-sync"} << true << true;
    QTest::newRow("org-admins (centralized user management)")
        << kOrgAdmin << QStringList{"org-admins", "jira-software-users"} << true << true;
    QTest::newRow("Administer Jira only, group name in the wrong case")
        << kJiraAdmin << QStringList{"jira-administrators", "Site-Admins"} << true << false;
    QTest::newRow("no groups") << kPrivate << QStringList{} << false << false;
}

void TestFakeJira::adminGroups()
{
    QFETCH(QString, email);
    QFETCH(QStringList, groups);
    QFETCH(bool, administer);
    QFETCH(bool, userPicker);

    const Response me = get("/rest/api/3/myself?expand=groups", auth(email));
    QCOMPARE(me.status, 200);
    QCOMPARE(groupNames(me.json().value("groups").toObject().value("items").toArray()), groups);

    const Response perms = get("/rest/api/3/mypermissions?permissions=ADMINISTER,USER_PICKER", auth(email));
    QCOMPARE(perms.status, 200);
    const QJsonObject p = perms.json().value("permissions").toObject();
    QCOMPARE(p.value("ADMINISTER").toObject().value("havePermission").toBool(), administer);
    QCOMPARE(p.value("USER_PICKER").toObject().value("havePermission").toBool(), userPicker);
}

// ---------------------------------------------------------------------------------------------
// Basic auth

void TestFakeJira::authentication_data()
{
    QTest::addColumn<QByteArray>("authorization"); // empty: no header
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body"); // prefix of the body
    QTest::addColumn<bool>("seraphFailed");

    const QByteArray failed = "Client must be authenticated to access this resource.";
    const QByteArray deprecated =
        "Basic authentication with passwords is deprecated.  For more information, see: "
        "https://developer.atlassian.com/cloud/confluence/deprecation-notice-basic-auth/";

    QTest::newRow("API token") << auth(kSiteAdmin) << 200 << QByteArray("{") << false;
    QTest::newRow("email in another case")
        << FakeJira::basicAuth(kSiteAdmin.toUpper(), tokenFor(kSiteAdmin)) << 200 << QByteArray("{") << false;
    QTest::newRow("lower-case scheme")
        << "basic " + auth(kSiteAdmin).mid(6) << 200 << QByteArray("{") << false;
    QTest::newRow("password instead of API token")
        << FakeJira::basicAuth(kSiteAdmin, kPassword) << 401 << deprecated << false;
    QTest::newRow("wrong token") << FakeJira::basicAuth(kSiteAdmin, "ATATT3xFfGF0-not-the-token") << 401
                                 << failed << true;
    QTest::newRow("another account's token")
        << FakeJira::basicAuth(kSiteAdmin, tokenFor(kOrgAdmin)) << 401 << failed << true;
    QTest::newRow("unknown email") << FakeJira::basicAuth("nobody@example.com", tokenFor(kSiteAdmin)) << 401
                                   << failed << true;
    QTest::newRow("no credentials") << QByteArray() << 401 << failed << true;
    QTest::newRow("token as Bearer") << "Bearer " + tokenFor(kSiteAdmin).toLatin1() << 401 << failed << true;
    QTest::newRow("not base64") << QByteArray("Basic %%%%") << 401 << failed << true;
    QTest::newRow("no colon") << "Basic " + kSiteAdmin.toUtf8().toBase64() << 401 << failed << true;
    QTest::newRow("deactivated account") << auth(kInactive) << 401 << failed << true;
}

void TestFakeJira::authentication()
{
    QFETCH(QByteArray, authorization);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(bool, seraphFailed);

    const Response r = get("/rest/api/3/myself", authorization);
    QCOMPARE(r.status, status);
    QVERIFY2(r.body.startsWith(body), r.body.constData());
    if (status == 401) {
        QCOMPARE(r.body, body); // the whole body, in plain text
        QVERIFY(r.header("Content-Type").startsWith("text/plain"));
        QVERIFY(!r.isJson());
        QCOMPARE(r.has("X-AACCOUNTID"), false);
    }
    QCOMPARE(r.header("X-Seraph-LoginReason"),
             seraphFailed ? QByteArray("AUTHENTICATED_FAILED") : QByteArray());
    QCOMPARE(r.header("WWW-Authenticate"),
             seraphFailed ? QByteArray("Basic realm=\"protected-area\"") : QByteArray());
}

void TestFakeJira::credentialsCheckedOnAnonymousResources()
{
    // Open to anonymous callers …
    QCOMPARE(get("/rest/api/3/permissions").status, 200);
    const Response anonymous = get("/rest/api/3/mypermissions?permissions=ADMINISTER");
    QCOMPARE(anonymous.status, 200);
    QCOMPARE(anonymous.json().value("permissions")["ADMINISTER"]["havePermission"].toBool(), false);
    // … but credentials that are sent are checked.
    const QByteArray wrong = FakeJira::basicAuth(kSiteAdmin, "wrong");
    QCOMPARE(get("/rest/api/3/permissions", wrong).status, 401);
    QCOMPARE(get("/rest/api/3/mypermissions?permissions=ADMINISTER", wrong).status, 401);
    QCOMPARE(get("/rest/api/3/permissions", FakeJira::basicAuth(kSiteAdmin, kPassword)).status, 401);
    // /user/groups needs a user.
    QCOMPARE(get("/rest/api/3/user/groups?accountId=" + accountId(kSiteAdmin)).status, 401);
}

// ---------------------------------------------------------------------------------------------
// Permissions

void TestFakeJira::myPermissions_data()
{
    QTest::addColumn<QString>("email"); // empty: anonymous
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("status");
    QTest::addColumn<QStringList>("granted");  // 200: the keys with havePermission true
    QTest::addColumn<QStringList>("denied");   // 200: the keys with havePermission false
    QTest::addColumn<QString>("errorMessage"); // 400: errorMessages[0] contains this

    QTest::newRow("admin, both") << kSiteAdmin << "?permissions=ADMINISTER,USER_PICKER" << 200
                                 << QStringList{"ADMINISTER", "USER_PICKER"} << QStringList{} << "";
    QTest::newRow("site admin") << kSiteAdmin << "?permissions=SYSTEM_ADMIN" << 200
                                << QStringList{"SYSTEM_ADMIN"} << QStringList{} << "";
    QTest::newRow("org admin not system admin")
        << kOrgAdmin << "?permissions=SYSTEM_ADMIN,ADMINISTER" << 200 << QStringList{"ADMINISTER"}
        << QStringList{"SYSTEM_ADMIN"} << "";
    QTest::newRow("Administer Jira without Browse users")
        << kJiraAdmin << "?permissions=USER_PICKER,ADMINISTER" << 200 << QStringList{"ADMINISTER"}
        << QStringList{"USER_PICKER"} << "";
    QTest::newRow("nothing granted") << kPrivate << "?permissions=ADMINISTER,USER_PICKER,BROWSE_PROJECTS"
                                     << 200 << QStringList{}
                                     << QStringList{"ADMINISTER", "USER_PICKER", "BROWSE_PROJECTS"} << "";
    QTest::newRow("project context ignored") << kOrgAdmin << "?permissions=USER_PICKER&projectKey=GJD" << 200
                                             << QStringList{"USER_PICKER"} << QStringList{} << "";
    QTest::newRow("anonymous") << ""
                               << "?permissions=ADMINISTER" << 200 << QStringList{}
                               << QStringList{"ADMINISTER"} << "";
    QTest::newRow("parameter missing")
        << kSiteAdmin << "" << 400 << QStringList{} << QStringList{} << kMessageRequired;
    QTest::newRow("parameter empty") << kSiteAdmin << "?permissions=" << 400 << QStringList{} << QStringList{}
                                     << kMessageRequired;
    QTest::newRow("only commas") << kSiteAdmin << "?permissions=,," << 400 << QStringList{} << QStringList{}
                                 << kMessageRequired;
    QTest::newRow("unknown key") << kSiteAdmin << "?permissions=ADMINISTER,BROWSE_USERS" << 400
                                 << QStringList{} << QStringList{} << "BROWSE_USERS";
    QTest::newRow("key in lower case is unknown")
        << kSiteAdmin << "?permissions=administer" << 400 << QStringList{} << QStringList{} << "administer";
}

void TestFakeJira::myPermissions()
{
    QFETCH(QString, email);
    QFETCH(QString, query);
    QFETCH(int, status);
    QFETCH(QStringList, granted);
    QFETCH(QStringList, denied);
    QFETCH(QString, errorMessage);

    const Response r = get("/rest/api/3/mypermissions" + query, email.isEmpty() ? QByteArray() : auth(email));
    QCOMPARE(r.status, status);
    QCOMPARE(r.header("Content-Type"), kJson);
    const QJsonObject body = r.json();
    if (status != 200) {
        QCOMPARE(body.value("status").toInt(), status);
        QVERIFY(body.value("errors").isObject());
        QCOMPARE(body.value("errorMessages").toArray().size(), 1);
        QVERIFY2(body.value("errorMessages")[0].toString().contains(errorMessage),
                 qPrintable(body.value("errorMessages")[0].toString()));
        return;
    }
    const QJsonObject permissions = body.value("permissions").toObject();
    QCOMPARE(permissions.size(), granted.size() + denied.size());
    for (const auto& key : granted)
        QVERIFY2(permissions.value(key)["havePermission"].toBool(), qPrintable(key));
    for (const auto& key : denied) {
        QVERIFY2(permissions.value(key)["havePermission"].isBool(), qPrintable(key));
        QVERIFY2(!permissions.value(key)["havePermission"].toBool(), qPrintable(key));
    }
    if (permissions.contains("USER_PICKER")) {
        const QJsonObject p = permissions.value("USER_PICKER").toObject();
        QCOMPARE(p.value("id").toString(), "27");
        QCOMPARE(p.value("key").toString(), "USER_PICKER");
        QCOMPARE(p.value("name").toString(), "Browse users and groups");
        QCOMPARE(p.value("type").toString(), "GLOBAL");
        QVERIFY(!p.value("description").toString().isEmpty());
        QCOMPARE(p.value("deprecatedKey"), QJsonValue(false));
    }
}

// A Cloud site that does not know USER_PICKER: mypermissions rejects the key, /permissions does
// not list it, and /user/groups is the probe that still tells the two kinds of account apart.
void TestFakeJira::unknownPermissionKeyOnSite()
{
    QVERIFY(m_fake->knowsPermission("USER_PICKER"));
    m_fake->forgetPermission("USER_PICKER");
    QVERIFY(!m_fake->knowsPermission("USER_PICKER"));

    const Response r = get("/rest/api/3/mypermissions?permissions=ADMINISTER,USER_PICKER", auth(kSiteAdmin));
    QCOMPARE(r.status, 400);
    QVERIFY(r.json().value("errorMessages")[0].toString().contains("USER_PICKER"));
    QCOMPARE(get("/rest/api/3/mypermissions?permissions=ADMINISTER", auth(kSiteAdmin)).status, 200);

    QVERIFY(!get("/rest/api/3/permissions").json().value("permissions").toObject().contains("USER_PICKER"));

    QCOMPARE(get("/rest/api/3/user/groups?accountId=" + accountId(kSiteAdmin), auth(kSiteAdmin)).status, 200);
    QCOMPARE(get("/rest/api/3/user/groups?accountId=" + accountId(kJiraAdmin), auth(kJiraAdmin)).status, 403);
}

void TestFakeJira::permissionsList()
{
    const Response r = get("/rest/api/3/permissions");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("Content-Type"), kJson);
    const QJsonObject permissions = r.json().value("permissions").toObject();
    QCOMPARE(permissions.size(), m_fake->state().permissions.size());
    for (const auto& key : {"ADMINISTER", "SYSTEM_ADMIN", "USER_PICKER", "BROWSE_PROJECTS"})
        QVERIFY2(permissions.contains(key), key);
    for (auto it = permissions.begin(); it != permissions.end(); ++it) {
        const QJsonObject p = it.value().toObject();
        QCOMPARE(p.keys(), QStringList({"description", "key", "name", "type"}));
        QCOMPARE(p.value("key").toString(), it.key());
    }
    QCOMPARE(permissions.value("USER_PICKER")["name"].toString(), "Browse users and groups");
    QCOMPARE(permissions.value("USER_PICKER")["type"].toString(), "GLOBAL");
    QCOMPARE(permissions.value("BROWSE_PROJECTS")["type"].toString(), "PROJECT");
}

// ---------------------------------------------------------------------------------------------
// GET /user/groups

void TestFakeJira::userGroups_data()
{
    QTest::addColumn<QString>("caller");
    QTest::addColumn<QString>("target"); // an email, or a literal account id prefixed with '#'
    QTest::addColumn<int>("status");
    QTest::addColumn<QStringList>("groups");
    QTest::addColumn<QString>("errorMessage");

    QTest::newRow("own groups") << kSiteAdmin << kSiteAdmin << 200
                                << QStringList{"site-admins", "jira-software-users", "gitlab-sync"} << "";
    QTest::newRow("another account's groups")
        << kOrgAdmin << kJiraAdmin << 200 << QStringList{"jira-administrators", "Site-Admins"} << "";
    QTest::newRow("account in no group") << kOrgAdmin << kPrivate << 200 << QStringList{} << "";
    QTest::newRow("caller lacks Browse users, own id")
        << kJiraAdmin << kJiraAdmin << 403 << QStringList{} << "";
    QTest::newRow("caller lacks Browse users, other id")
        << kPrivate << kSiteAdmin << 403 << QStringList{} << "";
    QTest::newRow("no permission beats unknown id")
        << kJiraAdmin << "#5b10ac8d82e05b22cc7d4ef5" << 403 << QStringList{} << "";
    QTest::newRow("unknown account id")
        << kSiteAdmin << "#5b10ac8d82e05b22cc7d4ef5" << 404 << QStringList{} << kUserMissing;
    QTest::newRow("accountId missing") << kSiteAdmin << "#" << 400 << QStringList{} << "accountId";
}

void TestFakeJira::userGroups()
{
    QFETCH(QString, caller);
    QFETCH(QString, target);
    QFETCH(int, status);
    QFETCH(QStringList, groups);
    QFETCH(QString, errorMessage);

    const QString id = target.startsWith('#') ? target.mid(1) : accountId(target);
    const Response r =
        get(id.isEmpty() ? QString("/rest/api/3/user/groups") : "/rest/api/3/user/groups?accountId=" + id,
            auth(caller));
    QCOMPARE(r.status, status);
    QCOMPARE(r.header("Content-Type"), kJson);
    if (status == 200) {
        const QJsonDocument doc = QJsonDocument::fromJson(r.body);
        QVERIFY(doc.isArray()); // a plain array, not a wrapper
        QCOMPARE(groupNames(doc.array()), groups);
        for (const auto& item : doc.array()) {
            const QJsonObject group = item.toObject();
            QCOMPARE(group.keys(), QStringList({"groupId", "name", "self"}));
            QVERIFY(group.value("self").toString().startsWith(
                "https://gjd-test.atlassian.net/rest/api/3/group?"));
        }
        if (groups.contains("Site-Admins")) { // the group without an id
            const QJsonObject g = doc.array().at(1).toObject();
            QVERIFY(g.value("groupId").isNull());
            QCOMPARE(g.value("self").toString(),
                     "https://gjd-test.atlassian.net/rest/api/3/group?groupname=Site-Admins");
        }
        return;
    }
    const QJsonObject body = r.json();
    QCOMPARE(body.value("status").toInt(), status);
    QCOMPARE(body.value("errorMessages").toArray().size(), 1);
    QVERIFY(body.value("errorMessages")[0].toString().contains(errorMessage));
}

// ---------------------------------------------------------------------------------------------
// Site switches

void TestFakeJira::ipAllowlist_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<QByteArray>("forwardedFor");
    QTest::addColumn<QString>("overrideAddress");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("address"); // named in the 403

    const QByteArray none;
    QTest::newRow("myself") << "/rest/api/3/myself?expand=groups" << auth(kSiteAdmin) << none << "" << 403
                            << "127.0.0.1";
    QTest::newRow("mypermissions") << "/rest/api/3/mypermissions?permissions=ADMINISTER" << auth(kSiteAdmin)
                                   << none << "" << 403 << "127.0.0.1";
    QTest::newRow("user/groups") << "/rest/api/3/user/groups?accountId=x" << auth(kOrgAdmin) << none << ""
                                 << 403 << "127.0.0.1";
    QTest::newRow("before the credentials are checked")
        << "/rest/api/3/myself" << FakeJira::basicAuth(kSiteAdmin, "wrong") << none << "" << 403
        << "127.0.0.1";
    QTest::newRow("behind nginx") << "/rest/api/3/myself" << auth(kSiteAdmin)
                                  << QByteArray("203.0.113.7, 10.0.0.1") << "" << 403 << "203.0.113.7";
    QTest::newRow("configured address")
        << "/rest/api/3/myself" << auth(kSiteAdmin) << none << "198.51.100.23" << 403 << "198.51.100.23";
    QTest::newRow("anonymous request passes") << "/rest/api/3/permissions" << none << none << "" << 200 << "";
}

void TestFakeJira::ipAllowlist()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, authorization);
    QFETCH(QByteArray, forwardedFor);
    QFETCH(QString, overrideAddress);
    QFETCH(int, status);
    QFETCH(QString, address);

    m_fake->setIpAllowlistBlocked(true);
    m_fake->state().ipAllowlistClientAddress = overrideAddress;
    RawHeaders headers;
    if (!authorization.isEmpty())
        headers.append({"Authorization", authorization});
    if (!forwardedFor.isEmpty())
        headers.append({"X-Forwarded-For", forwardedFor});
    const Response r = send("GET", path, headers);
    QCOMPARE(r.status, status);
    if (status == 403) {
        QCOMPARE(r.header("Content-Type"), kJson);
        const QJsonObject body = r.json();
        QCOMPARE(body.value("errorMessages").toArray(),
                 QJsonArray({QString("The IP address " + address +
                                     " was rejected because it is not on the allowed list.")}));
        QVERIFY(body.value("errors").toObject().isEmpty());
        QCOMPARE(body.value("status").toInt(), 403);
    }

    m_fake->setIpAllowlistBlocked(false);
    QCOMPARE(send("GET", path, headers).status == 403, false);
}

void TestFakeJira::rateLimitThenSuccess()
{
    m_fake->rateLimitNext(2, 1);
    const QRegularExpression resetFormat("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}Z$");
    for (int i = 0; i < 2; ++i) {
        // Every request counts, anonymous ones and failed logins included.
        const Response r = i == 0 ? get("/rest/api/3/myself?expand=groups", auth(kSiteAdmin))
                                  : get("/rest/api/3/permissions");
        QCOMPARE(r.status, 429);
        QCOMPARE(r.header("Retry-After"), QByteArray("1"));
        QVERIFY2(resetFormat.match(QString::fromLatin1(r.header("X-RateLimit-Reset"))).hasMatch(),
                 r.header("X-RateLimit-Reset").constData());
        QCOMPARE(r.header("X-RateLimit-Limit"), QByteArray("100"));
        QCOMPARE(r.header("X-RateLimit-Remaining"), QByteArray("0"));
        QCOMPARE(r.header("X-RateLimit-NearLimit"), QByteArray("true"));
        QCOMPARE(r.header("RateLimit-Reason"), QByteArray("jira-burst-based"));
        QCOMPARE(r.json().value("status").toInt(), 429);
        QVERIFY(!r.json().value("errorMessages").toArray().isEmpty());
    }
    QCOMPARE(m_fake->state().rateLimitNext, 0);
    // The retry (a client waits Retry-After first; the fake does not hold it to that).
    const Response retry = get("/rest/api/3/myself?expand=groups", auth(kSiteAdmin));
    QCOMPARE(retry.status, 200);
    QVERIFY(!retry.has("Retry-After"));
    QCOMPARE(m_fake->requests().size(), 3);

    m_fake->rateLimitNext(1, 7);
    m_fake->state().rateLimitReason = "jira-per-issue-on-write";
    const Response r = get("/rest/api/3/myself", auth(kSiteAdmin));
    QCOMPARE(r.header("Retry-After"), QByteArray("7"));
    QCOMPARE(r.header("RateLimit-Reason"), QByteArray("jira-per-issue-on-write"));
}

void TestFakeJira::siteUnknown_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("authorization");

    QTest::newRow("myself") << "/rest/api/3/myself?expand=groups" << auth(kSiteAdmin);
    QTest::newRow("permissions, anonymous") << "/rest/api/3/permissions" << QByteArray();
    QTest::newRow("root") << "/" << QByteArray();
    QTest::newRow("wrong credentials too") << "/rest/api/3/myself" << FakeJira::basicAuth(kSiteAdmin, "x");
}

void TestFakeJira::siteUnknown()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, authorization);

    m_fake->setSiteUnknown(true);
    const Response r = get(path, authorization);
    QCOMPARE(r.status, 404);
    QVERIFY(r.header("Content-Type").startsWith("text/html"));
    QVERIFY(!r.isJson());
    QVERIFY(r.body.contains("Site not found"));
    QVERIFY(r.has("atl-traceid"));
}

void TestFakeJira::traceHeaders_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<QString>("mode"); // "", "allowlist", "site", "rate"
    QTest::addColumn<int>("status");

    QTest::newRow("200 myself") << "/rest/api/3/myself" << auth(kSiteAdmin) << "" << 200;
    QTest::newRow("200 user/groups") << "/rest/api/3/user/groups?accountId=%1" << auth(kSiteAdmin) << ""
                                     << 200;
    QTest::newRow("400 mypermissions") << "/rest/api/3/mypermissions" << auth(kSiteAdmin) << "" << 400;
    QTest::newRow("401 wrong token") << "/rest/api/3/myself" << FakeJira::basicAuth(kSiteAdmin, "x") << ""
                                     << 401;
    QTest::newRow("401 password") << "/rest/api/3/myself" << FakeJira::basicAuth(kSiteAdmin, kPassword) << ""
                                  << 401;
    QTest::newRow("403 allowlist") << "/rest/api/3/myself" << auth(kSiteAdmin) << "allowlist" << 403;
    QTest::newRow("403 user/groups") << "/rest/api/3/user/groups?accountId=%1" << auth(kJiraAdmin) << ""
                                     << 403;
    QTest::newRow("404 unknown site") << "/rest/api/3/myself" << auth(kSiteAdmin) << "site" << 404;
    QTest::newRow("404 unknown resource") << "/rest/api/3/nothing-here" << auth(kSiteAdmin) << "" << 404;
    QTest::newRow("429") << "/rest/api/3/myself" << auth(kSiteAdmin) << "rate" << 429;
}

void TestFakeJira::traceHeaders()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, authorization);
    QFETCH(QString, mode);
    QFETCH(int, status);

    m_fake->setIpAllowlistBlocked(mode == "allowlist");
    m_fake->setSiteUnknown(mode == "site");
    if (mode == "rate")
        m_fake->rateLimitNext(2);
    if (path.contains("%1"))
        path = path.arg(accountId(kSiteAdmin));

    const Response first = get(path, authorization);
    const Response second = get(path, authorization);
    QCOMPARE(first.status, status);
    QCOMPARE(second.status, status);

    const QRegularExpression traceFormat("^[0-9a-f]{16}$");
    const QRegularExpression requestIdFormat(
        "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
    for (const Response* r : {&first, &second}) {
        QVERIFY(traceFormat.match(QString::fromLatin1(r->header("atl-traceid"))).hasMatch());
        QVERIFY(requestIdFormat.match(QString::fromLatin1(r->header("x-arequestid"))).hasMatch());
    }
    QVERIFY(first.header("atl-traceid") != second.header("atl-traceid"));
    QVERIFY(first.header("x-arequestid") != second.header("x-arequestid"));

    // The log pairs each request with the ids it was answered with.
    QCOMPARE(m_fake->requests().size(), 2);
    QCOMPARE(m_fake->requests().at(0).traceId, first.header("atl-traceid"));
    QCOMPARE(m_fake->requests().at(0).requestId, first.header("x-arequestid"));
    QCOMPARE(m_fake->requests().at(1).traceId, second.header("atl-traceid"));
    QCOMPARE(m_fake->requests().at(0).status, status);
}

void TestFakeJira::errorCollectionWithoutStatus()
{
    m_fake->state().errorStatusField = false;
    const Response r = get("/rest/api/3/mypermissions", auth(kSiteAdmin));
    QCOMPARE(r.status, 400);
    // {"errorMessages":["The 'permissions' query parameter is required."],"errors":{}} as captured from
    // Cloud.
    QCOMPARE(r.json(),
             QJsonObject({{"errorMessages", QJsonArray{kMessageRequired}}, {"errors", QJsonObject{}}}));
}

// ---------------------------------------------------------------------------------------------
// Routing, log, failures

void TestFakeJira::routesAndVersions_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("contentType"); // prefix
    QTest::addColumn<QString>("selfPrefix");     // 200 myself: the self link; else a body substring

    QTest::newRow("v2 myself") << QByteArray("GET") << "/rest/api/2/myself" << 200 << kJson
                               << "https://gjd-test.atlassian.net/rest/api/2/user?accountId=";
    QTest::newRow("latest myself") << QByteArray("GET") << "/rest/api/latest/myself" << 200 << kJson
                                   << "https://gjd-test.atlassian.net/rest/api/3/user?accountId=";
    QTest::newRow("unknown resource")
        << QByteArray("GET") << "/rest/api/3/user/search?query=a" << 404 << kJson
        << "null for uri: https://gjd-test.atlassian.net/rest/api/3/user/search?query=a";
    QTest::newRow("POST myself") << QByteArray("POST") << "/rest/api/3/myself" << 405 << QByteArray() << "";
    QTest::newRow("outside the API") << QByteArray("GET") << "/secure/Dashboard.jspa" << 404
                                     << QByteArray("text/html") << "dead link";
    QTest::newRow("trailing slash is another resource")
        << QByteArray("GET") << "/rest/api/3/myself/" << 404 << kJson << "null for uri";
}

void TestFakeJira::routesAndVersions()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(int, status);
    QFETCH(QByteArray, contentType);
    QFETCH(QString, selfPrefix);

    const Response r = send(method, path, {{"Authorization", auth(kSiteAdmin)}});
    QCOMPARE(r.status, status);
    QVERIFY2(r.header("Content-Type").startsWith(contentType), r.header("Content-Type").constData());
    if (status == 200)
        QVERIFY(r.json().value("self").toString().startsWith(selfPrefix));
    else
        QVERIFY2(QString::fromUtf8(r.body).contains(selfPrefix), r.body.constData());
}

void TestFakeJira::requestLog()
{
    QSignalSpy handled(m_fake.get(), &FakeJira::requestHandled);
    send("GET", "/rest/api/3/mypermissions?permissions=ADMINISTER%2CUSER_PICKER",
         {{"Authorization", auth(kOrgAdmin)}, {"Accept", "application/json"}});
    send("PUT", "/rest/api/3/myself", {{"Content-Type", "application/json"}}, "{\"a\":1}");
    get("/rest/api/3/myself", FakeJira::basicAuth(kSiteAdmin, "not-the-token"));
    QCOMPARE(handled.size(), 3);
    QCOMPARE(handled.at(2).at(0).toInt(), 2);

    const QList<FakeJiraRequest>& log = m_fake->requests();
    QCOMPARE(log.size(), 3);
    QCOMPARE(log[0].method, QByteArray("GET"));
    QCOMPARE(log[0].path, "/rest/api/3/mypermissions");
    QCOMPARE(log[0].query, "permissions=ADMINISTER%2CUSER_PICKER");
    QCOMPARE(log[0].header("accept"), QByteArray("application/json"));
    QCOMPARE(log[0].authEmail, kOrgAdmin);
    QCOMPARE(log[0].status, 200);
    QCOMPARE(log[1].method, QByteArray("PUT"));
    QCOMPARE(log[1].body, QByteArray("{\"a\":1}"));
    QVERIFY(log[1].authEmail.isEmpty());
    QCOMPARE(log[1].status, 405);
    // Who called, even when the secret was wrong; the secret is only in the raw header.
    QCOMPARE(log[2].authEmail, kSiteAdmin);
    QCOMPARE(log[2].status, 401);
    QVERIFY(!log[2].authEmail.contains("not-the-token"));

    QCOMPARE(m_fake->requestsTo("/rest/api/3/myself").size(), 2);
    m_fake->clearRequests();
    QVERIFY(m_fake->requests().isEmpty());
}

void TestFakeJira::failureInjection()
{
    m_fake->failNext("GET", "/rest/api/3/myself", FakeJiraFailure::httpStatus(503, "upstream down"), 1);
    const Response failed = get("/rest/api/3/myself", auth(kSiteAdmin));
    QCOMPARE(failed.status, 503);
    QCOMPARE(failed.body, QByteArray("upstream down"));
    QVERIFY(failed.has("atl-traceid"));
    QCOMPARE(get("/rest/api/3/myself", auth(kSiteAdmin)).status, 200);

    // Dropped connections (QNAM retries a request whose connection closed before any answer,
    // hence more than one).
    m_fake->failNext("*", "/rest/api/3/permissions", FakeJiraFailure::dropConnection(), 5);
    const Response dropped = get("/rest/api/3/permissions");
    QCOMPARE(dropped.status, -1);
    QCOMPARE(dropped.error, QNetworkReply::RemoteHostClosedError);
    QCOMPARE(m_fake->requests().last().status, 0);
    m_fake->clearFailures();

    // A stalled answer: the client's own timeout ends it.
    m_fake->failNext("GET", "/rest/api/3/myself", FakeJiraFailure::stall());
    QNetworkRequest stalled(m_fake->url().resolved(QUrl("/rest/api/3/myself")));
    stalled.setTransferTimeout(200);
    QNetworkReply* reply = m_nam->get(stalled);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QVERIFY(finished.wait(2000));
    QCOMPARE(reply->error(), QNetworkReply::OperationCanceledError);
    reply->deleteLater();

    m_fake->setInjector([](const FakeJiraRequest& request) -> std::optional<FakeJiraFailure> {
        if (request.path.endsWith("/mypermissions"))
            return FakeJiraFailure::httpStatus(502, "<html>Bad Gateway</html>", "text/html");
        return std::nullopt;
    });
    QCOMPARE(get("/rest/api/3/mypermissions?permissions=ADMINISTER", auth(kSiteAdmin)).status, 502);
    QCOMPARE(get("/rest/api/3/myself", auth(kSiteAdmin)).status, 200);
    m_fake->clearFailures();
    QCOMPARE(get("/rest/api/3/mypermissions?permissions=ADMINISTER", auth(kSiteAdmin)).status, 200);
}

QTEST_GUILESS_MAIN(TestFakeJira)
#include "tst_fakejira.moc"
