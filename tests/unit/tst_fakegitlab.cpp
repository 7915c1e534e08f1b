// SPDX-License-Identifier: GPL-3.0-or-later
// Pins the fake GitLab to what reference/gitlab.md (and the GitLab source behind it) says GitLab
// does, so tests built on the fake test against GitLab's behaviour, not against our hopes.
#include "fakegitlab.h"
#include "namclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace gjd::test;

namespace {

using Response = NamResponse;

const QByteArray kAdmin = "glpat-admin-0123456789";
const QByteArray kUser = "glpat-user-0123456789";

} // namespace

class TestFakeGitLab final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void descriptor_data();
    void descriptor();
    void descriptorShape();
    void descriptorWithoutExtensionAndHead();

    void lifecycleEvents_data();
    void lifecycleEvents();
    void oauthApplicationId();
    void cors_data();
    void cors();
    void otherJiraConnectRoutes();
    void publicKeys();
    void signInPage();

    void apiAuthentication_data();
    void apiAuthentication();
    void versionHistory();
    void adminMode_data();
    void adminMode();
    void personalAccessTokenSelf();

    void settingsPut_data();
    void settingsPut();
    void settingsAdditionalAudienceByVersion();
    void settingsRejectedChangeKeepsState();

    void applicationsCreate_data();
    void applicationsCreate();
    void applicationsListAndDelete();
    void applicationsPagination_data();
    void applicationsPagination();
    void applicationsPaginationEmptyHeaders();

    void unknownRoutes();
    void oauthToken();
    void requestLog();
    void failureInjection();

private:
    Response send(const QByteArray& method, const QString& pathInsideRoot, const RawHeaders& headers = {},
                  const QByteArray& body = {}, int timeoutMs = 3000);
    Response get(const QString& path, const RawHeaders& headers = {}) { return send("GET", path, headers); }
    Response api(const QByteArray& method, const QString& path, const QByteArray& token,
                 const QByteArray& body = {}, const QByteArray& contentType = {});

    std::unique_ptr<FakeGitLab> m_fake;
    std::unique_ptr<QNetworkAccessManager> m_nam;
};

void TestFakeGitLab::init()
{
    m_fake = std::make_unique<FakeGitLab>();
    m_fake->addAdminToken(QString::fromLatin1(kAdmin));
    FakeGitLabToken user;
    user.user = FakeGitLabUser{2, "alice", "Alice", false};
    m_fake->addToken(QString::fromLatin1(kUser), user);
    QVERIFY(m_fake->listen());
    m_nam = std::make_unique<QNetworkAccessManager>();
}

void TestFakeGitLab::cleanup()
{
    m_nam.reset();
    m_fake.reset();
}

Response TestFakeGitLab::send(const QByteArray& method, const QString& pathInsideRoot,
                              const RawHeaders& headers, const QByteArray& body, int timeoutMs)
{
    return sendRequest(*m_nam, m_fake->url(), method, pathInsideRoot, headers, body, timeoutMs);
}

Response TestFakeGitLab::api(const QByteArray& method, const QString& path, const QByteArray& token,
                             const QByteArray& body, const QByteArray& contentType)
{
    RawHeaders headers;
    if (!token.isEmpty())
        headers.append({"PRIVATE-TOKEN", token});
    if (!contentType.isEmpty())
        headers.append({"Content-Type", contentType});
    return send(method, QStringLiteral("/api/v4") + path, headers, body);
}

// ---------------------------------------------------------------------------------------------
// App descriptor

void TestFakeGitLab::descriptor_data()
{
    QTest::addColumn<QString>("externalUrl");
    QTest::addColumn<QString>("proxyUrl"); // null: setting unset
    QTest::addColumn<RawHeaders>("headers");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("baseUrl");
    QTest::addColumn<QString>("searchRepositories"); // a request-scheme *_url helper

    const QString plain = "https://gitlab.example.com";
    QTest::newRow("external host") << plain << QString() << RawHeaders{{"Host", "gitlab.example.com"}}
                                   << "gitlab-jira-connect-gitlab.example.com"
                                   << "GitLab for Jira (gitlab.example.com)"
                                   << "https://gitlab.example.com/-/jira_connect"
                                   << "http://gitlab.example.com/-/jira_connect/repositories/search";
    QTest::newRow("proxy gitlab.com")
        << plain << "https://gitlab.com" << RawHeaders{{"Host", "gitlab.example.com"}}
        << "gitlab-jira-connect-gitlab.com"
        << "GitLab for Jira (gitlab.com)"
        << "https://gitlab.example.com/-/jira_connect"
        << "http://gitlab.example.com/-/jira_connect/repositories/search";
    QTest::newRow("proxy with trailing slash keeps the slash")
        << plain << "https://gitlab.com/" << RawHeaders{{"Host", "gitlab.example.com"}}
        << "gitlab-jira-connect-gitlab.com/"
        << "GitLab for Jira (gitlab.com/)"
        << "https://gitlab.example.com/-/jira_connect"
        << "http://gitlab.example.com/-/jira_connect/repositories/search";
    QTest::newRow("proxy with path, port dropped")
        << plain << "https://proxy.example.org:8443/gitlab" << RawHeaders{{"Host", "gitlab.example.com"}}
        << "gitlab-jira-connect-proxy.example.org/gitlab"
        << "GitLab for Jira (proxy.example.org/gitlab)"
        << "https://gitlab.example.com/-/jira_connect"
        << "http://gitlab.example.com/-/jira_connect/repositories/search";
    QTest::newRow("blank proxy counts as unset")
        << plain << "" << RawHeaders{{"Host", "gitlab.example.com"}}
        << "gitlab-jira-connect-gitlab.example.com"
        << "GitLab for Jira (gitlab.example.com)"
        << "https://gitlab.example.com/-/jira_connect"
        << "http://gitlab.example.com/-/jira_connect/repositories/search";
    QTest::newRow("relative root") << "https://gitlab.example.com/gitlab" << QString()
                                   << RawHeaders{{"Host", "gitlab.example.com"}}
                                   << "gitlab-jira-connect-gitlab.example.com"
                                   << "GitLab for Jira (gitlab.example.com)"
                                   << "https://gitlab.example.com/gitlab/-/jira_connect"
                                   << "http://gitlab.example.com/gitlab/-/jira_connect/repositories/search";
    QTest::newRow("external_url port is not in the key")
        << "https://gitlab.example.com:8443" << QString() << RawHeaders{{"Host", "gitlab.example.com:8443"}}
        << "gitlab-jira-connect-gitlab.example.com"
        << "GitLab for Jira (gitlab.example.com)"
        << "https://gitlab.example.com:8443/-/jira_connect"
        << "http://gitlab.example.com:8443/-/jira_connect/repositories/search";
    QTest::newRow("baseUrl follows the Host header, key does not")
        << "https://gitlab.internal.test" << QString() << RawHeaders{{"Host", "jira-facing.example.com"}}
        << "gitlab-jira-connect-gitlab.internal.test"
        << "GitLab for Jira (gitlab.internal.test)"
        << "https://jira-facing.example.com/-/jira_connect"
        << "http://jira-facing.example.com/-/jira_connect/repositories/search";
    QTest::newRow("Host with a port") << plain << QString() << RawHeaders{{"Host", "gitlab.example.com:8443"}}
                                      << "gitlab-jira-connect-gitlab.example.com"
                                      << "GitLab for Jira (gitlab.example.com)"
                                      << "https://gitlab.example.com:8443/-/jira_connect"
                                      << "http://gitlab.example.com:8443/-/jira_connect/repositories/search";
    QTest::newRow("Host :443 over plain http: url_for drops 443 for https only")
        << plain << QString() << RawHeaders{{"Host", "gitlab.example.com:443"}}
        << "gitlab-jira-connect-gitlab.example.com"
        << "GitLab for Jira (gitlab.example.com)"
        << "https://gitlab.example.com/-/jira_connect"
        << "http://gitlab.example.com:443/-/jira_connect/repositories/search";
    QTest::newRow("Host :443 with X-Forwarded-Proto https")
        << plain << QString()
        << RawHeaders{{"Host", "gitlab.example.com:443"}, {"X-Forwarded-Proto", "https"}}
        << "gitlab-jira-connect-gitlab.example.com"
        << "GitLab for Jira (gitlab.example.com)"
        << "https://gitlab.example.com/-/jira_connect"
        << "https://gitlab.example.com/-/jira_connect/repositories/search";
    QTest::newRow("Host :80 over plain http")
        << plain << QString() << RawHeaders{{"Host", "gitlab.example.com:80"}}
        << "gitlab-jira-connect-gitlab.example.com"
        << "GitLab for Jira (gitlab.example.com)"
        << "https://gitlab.example.com/-/jira_connect"
        << "http://gitlab.example.com/-/jira_connect/repositories/search";
    QTest::newRow("Host :80 with X-Forwarded-Proto https keeps :80")
        << plain << QString() << RawHeaders{{"Host", "gitlab.example.com:80"}, {"X-Forwarded-Proto", "https"}}
        << "gitlab-jira-connect-gitlab.example.com"
        << "GitLab for Jira (gitlab.example.com)"
        << "https://gitlab.example.com:80/-/jira_connect"
        << "https://gitlab.example.com:80/-/jira_connect/repositories/search";
    QTest::newRow("X-Forwarded-Host wins over Host")
        << plain << QString()
        << RawHeaders{{"Host", "127.0.0.1:8080"}, {"X-Forwarded-Host", "a.example, public.example.com"}}
        << "gitlab-jira-connect-gitlab.example.com"
        << "GitLab for Jira (gitlab.example.com)"
        << "https://public.example.com/-/jira_connect"
        << "http://public.example.com/-/jira_connect/repositories/search";
    const QString longHost = "a-very-long-subdomain-name-for-testing.gitlab.example.com";
    QTest::newRow("key cut to 64 characters")
        << QString("https://" + longHost) << QString() << RawHeaders{{"Host", longHost.toLatin1()}}
        << QString("gitlab-jira-connect-" + longHost).left(64)
        << QString("GitLab for Jira (" + longHost + ")") << QString("https://" + longHost + "/-/jira_connect")
        << QString("http://" + longHost + "/-/jira_connect/repositories/search");
}

void TestFakeGitLab::descriptor()
{
    QFETCH(QString, externalUrl);
    QFETCH(QString, proxyUrl);
    QFETCH(RawHeaders, headers);
    m_fake->state().externalUrl = QUrl(externalUrl);
    if (!proxyUrl.isNull())
        m_fake->setSetting("jira_connect_proxy_url", proxyUrl);

    const Response r = get("/-/jira_connect/app_descriptor.json", headers);
    QCOMPARE(r.status, 200);
    QVERIFY(r.header("Content-Type").startsWith("application/json"));
    const QJsonObject d = r.json();
    QTEST(d.value("key").toString(), "key");
    QVERIFY(d.value("key").toString().size() <= 64);
    QTEST(d.value("name").toString(), "name");
    QTEST(d.value("baseUrl").toString(), "baseUrl");
    const QJsonObject actions =
        d.value("modules").toObject().value("jiraDevelopmentTool").toObject().value("actions").toObject();
    QTEST(actions.value("searchRepositories").toObject().value("templateUrl").toString(),
          "searchRepositories");
    QVERIFY(actions.value("createBranch")
                .toObject()
                .value("templateUrl")
                .toString()
                .endsWith("&addonkey=" + d.value("key").toString()));
}

void TestFakeGitLab::descriptorShape()
{
    const Response r = get("/-/jira_connect/app_descriptor.json", {{"Host", "gitlab.example.com"}});
    QCOMPARE(r.status, 200);
    const QJsonObject d = r.json();
    QCOMPARE(d.value("description").toString(),
             "Integrate commits, branches and merge requests from GitLab into Jira");
    QCOMPARE(d.value("lifecycle").toObject(),
             (QJsonObject{{"installed", "/events/installed"}, {"uninstalled", "/events/uninstalled"}}));
    QCOMPARE(d.value("vendor").toObject(), (QJsonObject{{"name", "GitLab"}, {"url", "https://gitlab.com"}}));
    QCOMPARE(d.value("authentication").toObject(), (QJsonObject{{"type", "jwt"}}));
    QCOMPARE(d.value("scopes").toArray(), (QJsonArray{"READ", "WRITE", "DELETE"}));
    QCOMPARE(d.value("apiVersion").toInt(), 1);
    QCOMPARE(d.value("apiMigrations").toObject(),
             (QJsonObject{{"context-qsh", true}, {"signed-install", true}, {"gdpr", true}}));
    for (const char* absent : {"enableLicensing", "adminPages", "webhooks"})
        QVERIFY2(!d.contains(absent), absent);

    const QJsonObject modules = d.value("modules").toObject();
    QCOMPARE(modules.keys(),
             (QStringList{"jiraBuildInfoProvider", "jiraDeploymentInfoProvider", "jiraDevelopmentTool",
                          "jiraFeatureFlagInfoProvider", "postInstallPage"}));
    const QJsonObject post = modules.value("postInstallPage").toObject();
    QCOMPARE(post.value("url").toString(), "/subscriptions");
    QCOMPARE(post.value("key").toString(), "gitlab-configuration");
    QCOMPARE(post.value("conditions").toArray(),
             (QJsonArray{QJsonObject{{"condition", "user_is_admin"}, {"invert", false}}}));
    const QJsonObject tool = modules.value("jiraDevelopmentTool").toObject();
    QCOMPARE(tool.value("key").toString(), "gitlab-development-tool");
    QCOMPARE(tool.value("name").toObject().value("value").toString(), "GitLab (gitlab.example.com)");
    QCOMPARE(tool.value("capabilities").toArray(), (QJsonArray{"branch", "commit", "pull_request"}));
    QCOMPARE(modules.value("jiraBuildInfoProvider").toObject().value("key").toString(), "gitlab-ci");
    QCOMPARE(modules.value("jiraDeploymentInfoProvider").toObject().value("key").toString(),
             "gitlab-deployments");
    QCOMPARE(modules.value("jiraFeatureFlagInfoProvider").toObject().value("key").toString(),
             "gitlab-feature-flags");
}

void TestFakeGitLab::descriptorWithoutExtensionAndHead()
{
    const Response plain = get("/-/jira_connect/app_descriptor");
    QCOMPARE(plain.status, 200);
    QVERIFY(plain.json().contains("baseUrl"));

    // HEAD: headers only, and the connection stays usable (framing is right).
    const Response head = send("HEAD", "/-/jira_connect/app_descriptor.json");
    QCOMPARE(head.status, 200);
    QVERIFY(head.body.isEmpty());
    QCOMPARE(head.header("Content-Length").toInt(), plain.body.size());
    QCOMPARE(get("/-/jira_connect/app_descriptor.json").status, 200);
}

// ---------------------------------------------------------------------------------------------
// Other /-/jira_connect routes

void TestFakeGitLab::lifecycleEvents_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("allowlisted");
    QTest::addColumn<int>("status");
    QTest::newRow("installed") << "/-/jira_connect/events/installed" << true << 401;
    QTest::newRow("uninstalled") << "/-/jira_connect/events/uninstalled" << true << 401;
    QTest::newRow("installed, not allowlisted") << "/-/jira_connect/events/installed" << false << 404;
}

void TestFakeGitLab::lifecycleEvents()
{
    QFETCH(QString, path);
    QFETCH(bool, allowlisted);
    QFETCH(int, status);
    m_fake->state().jiraConnectAllowlisted = allowlisted;
    const Response r = send("POST", path, {{"Content-Type", "application/json"}}, "{}");
    QCOMPARE(r.status, status);
    if (status == 401)
        QVERIFY(r.body.isEmpty());
    else
        QVERIFY(r.header("Content-Type").startsWith("text/html")); // GitLab's 404 page
}

void TestFakeGitLab::oauthApplicationId()
{
    Response r = get("/-/jira_connect/oauth_application_id");
    QCOMPARE(r.status, 404);
    QVERIFY(r.body.isEmpty());

    m_fake->setSetting("jira_connect_application_key", "");
    QCOMPARE(get("/-/jira_connect/oauth_application_id").status, 404);

    m_fake->setSetting("jira_connect_application_key", "3a1c0ffee");
    r = get("/-/jira_connect/oauth_application_id");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json(), (QJsonObject{{"application_id", "3a1c0ffee"}}));
}

void TestFakeGitLab::cors_data()
{
    QTest::addColumn<QString>("proxyUrl"); // null: unset
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<RawHeaders>("headers");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("allowOrigin");  // empty: header absent
    QTest::addColumn<QByteArray>("allowMethods"); // checked when allowOrigin is set

    const QString gitlabCom = "https://gitlab.com";
    const QString appId = "/-/jira_connect/oauth_application_id";
    const RawHeaders preflightGet{{"Origin", "https://gitlab.com"}, {"Access-Control-Request-Method", "GET"}};
    const RawHeaders fromGitlabCom{{"Origin", "https://gitlab.com"}};

    QTest::newRow("preflight, exact origin")
        << gitlabCom << QByteArray("OPTIONS") << appId << preflightGet << 200
        << QByteArray("https://gitlab.com") << QByteArray("GET, OPTIONS");
    QTest::newRow("preflight, setting with trailing slash never matches")
        << "https://gitlab.com/" << QByteArray("OPTIONS") << appId << preflightGet << 200 << QByteArray()
        << QByteArray();
    QTest::newRow("preflight, other origin")
        << gitlabCom << QByteArray("OPTIONS") << appId
        << RawHeaders{{"Origin", "https://evil.example"}, {"Access-Control-Request-Method", "GET"}} << 200
        << QByteArray() << QByteArray();
    QTest::newRow("preflight, no proxy URL: rack-cors still answers 200, without CORS headers")
        << QString() << QByteArray("OPTIONS") << appId << preflightGet << 200 << QByteArray() << QByteArray();
    QTest::newRow("GET, exact origin") << gitlabCom << QByteArray("GET") << appId << fromGitlabCom << 200
                                       << QByteArray("https://gitlab.com") << QByteArray("GET, OPTIONS");
    QTest::newRow("GET, setting with trailing slash") << "https://gitlab.com/" << QByteArray("GET") << appId
                                                      << fromGitlabCom << 200 << QByteArray() << QByteArray();
    QTest::newRow("GET, other origin")
        << gitlabCom << QByteArray("GET") << appId << RawHeaders{{"Origin", "https://gitlab.example"}} << 200
        << QByteArray() << QByteArray();
    QTest::newRow("plain OPTIONS, no proxy URL: 404") << QString() << QByteArray("OPTIONS") << appId
                                                      << fromGitlabCom << 404 << QByteArray() << QByteArray();
    QTest::newRow("plain OPTIONS, proxy URL set: the controller echoes the setting")
        << gitlabCom << QByteArray("OPTIONS") << appId << RawHeaders{{"Origin", "http://notgitlab.com"}}
        << 200 << QByteArray("https://gitlab.com") << QByteArray("GET, OPTIONS");
    QTest::newRow("subscriptions.json preflight")
        << gitlabCom << QByteArray("OPTIONS") << "/-/jira_connect/subscriptions.json" << preflightGet << 200
        << QByteArray("https://gitlab.com") << QByteArray("GET, OPTIONS");
    QTest::newRow("subscriptions.json GET without JWT: 403 still carries CORS")
        << gitlabCom << QByteArray("GET") << "/-/jira_connect/subscriptions.json" << fromGitlabCom << 403
        << QByteArray("https://gitlab.com") << QByteArray("GET, OPTIONS");
    QTest::newRow("subscriptions/:id preflight DELETE")
        << gitlabCom << QByteArray("OPTIONS") << "/-/jira_connect/subscriptions/123"
        << RawHeaders{{"Origin", "https://gitlab.com"}, {"Access-Control-Request-Method", "DELETE"}} << 200
        << QByteArray("https://gitlab.com") << QByteArray("DELETE, OPTIONS");
    QTest::newRow("subscriptions/:id preflight GET is not allowed")
        << gitlabCom << QByteArray("OPTIONS") << "/-/jira_connect/subscriptions/123" << preflightGet << 200
        << QByteArray() << QByteArray();
    QTest::newRow("oauth/token preflight from any origin")
        << QString() << QByteArray("OPTIONS") << "/oauth/token"
        << RawHeaders{{"Origin", "https://gitlab.com"},
                      {"Access-Control-Request-Method", "POST"},
                      {"Access-Control-Request-Headers", "authorization, content-type"}}
        << 200 << QByteArray("*") << QByteArray("POST, OPTIONS");
    QTest::newRow("oauth/revoke preflight from any origin")
        << QString() << QByteArray("OPTIONS") << "/oauth/revoke"
        << RawHeaders{{"Origin", "https://jira.example.net"}, {"Access-Control-Request-Method", "POST"}}
        << 200 << QByteArray("*") << QByteArray("POST, OPTIONS");
    QTest::newRow("oauth/token preflight with a header it does not allow")
        << QString() << QByteArray("OPTIONS") << "/oauth/token"
        << RawHeaders{{"Origin", "https://gitlab.com"},
                      {"Access-Control-Request-Method", "POST"},
                      {"Access-Control-Request-Headers", "x-custom"}}
        << 200 << QByteArray() << QByteArray();
    QTest::newRow("API GET from any origin")
        << QString() << QByteArray("GET") << "/api/v4/version" << fromGitlabCom << 401 << QByteArray("*")
        << QByteArray("GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
}

void TestFakeGitLab::cors()
{
    QFETCH(QString, proxyUrl);
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(RawHeaders, headers);
    QFETCH(QByteArray, allowOrigin);
    QFETCH(QByteArray, allowMethods);
    if (!proxyUrl.isNull())
        m_fake->setSetting("jira_connect_proxy_url", proxyUrl);
    m_fake->setSetting("jira_connect_application_key", "3a1c0ffee");

    const Response r = send(method, path, headers);
    QTEST(r.status, "status");
    if (allowOrigin.isEmpty()) {
        QVERIFY(!r.has("Access-Control-Allow-Origin"));
        QVERIFY(!r.has("Access-Control-Allow-Methods"));
    } else {
        QCOMPARE(r.header("Access-Control-Allow-Origin"), allowOrigin);
        QCOMPARE(r.header("Access-Control-Allow-Methods"), allowMethods);
    }
    if (path.startsWith("/-/jira_connect"))
        QVERIFY(!r.has("Access-Control-Allow-Credentials"));
}

void TestFakeGitLab::otherJiraConnectRoutes()
{
    Response r = get("/-/jira_connect");
    QCOMPARE(r.status, 404);
    QVERIFY(r.body.isEmpty());

    r = get("/-/jira_connect/oauth_callbacks");
    QCOMPARE(r.status, 200);
    QVERIFY(r.header("Content-Type").startsWith("text/html"));

    for (const char* path : {"/-/jira_connect/installations", "/-/jira_connect/subscriptions",
                             "/-/jira_connect/subscriptions.json", "/-/jira_connect/branches/route",
                             "/-/jira_connect/workspaces/search", "/-/jira_connect/repositories/search"})
        QCOMPARE(get(path).status, 403);
    QCOMPARE(get("/-/jira_connect/installations?jwt=not.a.jwt").status, 403);
    QCOMPARE(send("PUT", "/-/jira_connect/installations").status, 403);
    QCOMPARE(send("DELETE", "/-/jira_connect/subscriptions/7").status, 403);

    r = get("/-/jira_connect/branches/new");
    QCOMPARE(r.status, 302);
    QVERIFY(r.header("Location").endsWith("/users/sign_in"));
}

void TestFakeGitLab::publicKeys()
{
    const QString uuid = "d2b2c4a0-9a1e-4f7b-8c3d-2f0e1a6b5c4d";
    const QByteArray pem = "-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----\n";
    m_fake->state().publicKeys.insert(uuid, QString::fromLatin1(pem));

    QCOMPARE(get("/-/jira_connect/public_keys/" + uuid).status, 404); // storage disabled
    m_fake->setSetting("jira_connect_public_key_storage_enabled", true);
    const Response r = get("/-/jira_connect/public_keys/" + uuid);
    QCOMPARE(r.status, 200);
    QVERIFY(r.header("Content-Type").startsWith("text/plain"));
    QCOMPARE(r.body, pem);
    QCOMPARE(get("/-/jira_connect/public_keys/00000000-0000-0000-0000-000000000000").status, 404);
}

void TestFakeGitLab::signInPage()
{
    m_fake->state().externalUrl = QUrl("https://gitlab.example.com/gitlab");
    const Response r = get("/users/sign_in");
    QCOMPARE(r.status, 200);
    QVERIFY(r.header("Content-Type").startsWith("text/html"));
    QVERIFY(r.body.contains("<title>Sign in · GitLab</title>"));
    QVERIFY(r.body.contains("<meta content=\"GitLab\" property=\"og:site_name\">"));
    QVERIFY(r.body.contains("gon.gitlab_url=\"https://gitlab.example.com/gitlab\""));
    QVERIFY(r.body.contains("gon.relative_url_root=\"/gitlab\""));
}

// ---------------------------------------------------------------------------------------------
// API authentication

void TestFakeGitLab::apiAuthentication_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<RawHeaders>("headers");
    QTest::addColumn<int>("status");
    QTest::addColumn<QJsonObject>("body"); // empty: not compared

    const QJsonObject unauthorized{{"message", "401 Unauthorized"}};
    QTest::newRow("version, anonymous") << "/api/v4/version" << RawHeaders{} << 401 << unauthorized;
    QTest::newRow("metadata, anonymous") << "/api/v4/metadata" << RawHeaders{} << 401 << unauthorized;
    QTest::newRow("user, anonymous") << "/api/v4/user" << RawHeaders{} << 401 << unauthorized;
    QTest::newRow("settings, anonymous")
        << "/api/v4/application/settings" << RawHeaders{} << 401 << unauthorized;
    QTest::newRow("applications, anonymous") << "/api/v4/applications" << RawHeaders{} << 401 << unauthorized;
    QTest::newRow("unknown token") << "/api/v4/version" << RawHeaders{{"PRIVATE-TOKEN", "glpat-nope"}} << 401
                                   << unauthorized;
    QTest::newRow("unknown bearer") << "/api/v4/user" << RawHeaders{{"Authorization", "Bearer glpat-nope"}}
                                    << 401 << unauthorized;
    QTest::newRow("expired token")
        << "/api/v4/version" << RawHeaders{{"PRIVATE-TOKEN", "glpat-expired"}} << 401
        << QJsonObject{{"error", "invalid_token"},
                       {"error_description",
                        "Token is expired. You can either do re-authorization or token refresh."}};
    QTest::newRow("revoked token")
        << "/api/v4/version" << RawHeaders{{"PRIVATE-TOKEN", "glpat-revoked"}} << 401
        << QJsonObject{{"error", "invalid_token"},
                       {"error_description", "Token was revoked. You have to re-authorize from the user."}};
    QTest::newRow("PRIVATE-TOKEN") << "/api/v4/version" << RawHeaders{{"PRIVATE-TOKEN", kAdmin}} << 200
                                   << QJsonObject{};
    QTest::newRow("Bearer") << "/api/v4/version" << RawHeaders{{"Authorization", "Bearer " + kAdmin}} << 200
                            << QJsonObject{};
    QTest::newRow("private_token parameter") << QString::fromLatin1("/api/v4/version?private_token=" + kAdmin)
                                             << RawHeaders{} << 200 << QJsonObject{};
    QTest::newRow("read_user reads version")
        << "/api/v4/version" << RawHeaders{{"PRIVATE-TOKEN", "glpat-readuser"}} << 200 << QJsonObject{};
    QTest::newRow("read_user cannot read settings")
        << "/api/v4/application/settings" << RawHeaders{{"PRIVATE-TOKEN", "glpat-readuser"}} << 403
        << QJsonObject{{"error", "insufficient_scope"},
                       {"error_description",
                        "The request requires higher privileges than provided by the access token."},
                       {"scope", "api read_api"}};
    QTest::newRow("unknown API route") << "/api/v4/nope" << RawHeaders{{"PRIVATE-TOKEN", kAdmin}} << 404
                                       << QJsonObject{{"message", "404 Not Found"}};
    QTest::newRow("unknown API route, anonymous")
        << "/api/v4/projects/1/nope" << RawHeaders{} << 404 << QJsonObject{{"message", "404 Not Found"}};
}

void TestFakeGitLab::apiAuthentication()
{
    QFETCH(QString, path);
    QFETCH(RawHeaders, headers);
    QFETCH(QJsonObject, body);

    FakeGitLabToken expired;
    expired.expiresAt = suiteToday().addDays(-1);
    m_fake->addToken("glpat-expired", expired);
    FakeGitLabToken revoked;
    revoked.revoked = true;
    m_fake->addToken("glpat-revoked", revoked);
    FakeGitLabToken readUser;
    readUser.user.isAdmin = true;
    readUser.scopes = {"read_user"};
    m_fake->addToken("glpat-readuser", readUser);

    const Response r = send("GET", path, headers);
    QTEST(r.status, "status");
    QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
    if (!body.isEmpty())
        QCOMPARE(r.json(), body);
    if (r.json().value("error").toString() == "invalid_token")
        QVERIFY(r.header("WWW-Authenticate").startsWith("Bearer realm="));
    if (r.status == 200) {
        QCOMPARE(r.json().value("version").toString(), "17.8.1-ee");
        QVERIFY(r.json().contains("revision"));
        QVERIFY(r.json().value("kas").isObject());
        QCOMPARE(r.json().value("enterprise").toBool(), true);
    }
}

void TestFakeGitLab::versionHistory()
{
    // /metadata arrived in 15.2; before 15.5 /version answered only version and revision.
    m_fake->state().version = "15.3.2-ce";
    Response r = api("GET", "/metadata", kAdmin);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value("enterprise").toBool(), false);
    r = api("GET", "/version", kAdmin);
    QCOMPARE(r.json().keys(), (QStringList{"revision", "version"}));

    m_fake->state().version = "15.1.0-ee";
    QCOMPARE(api("GET", "/metadata", kAdmin).status, 404);

    m_fake->state().version = "16.0.0-ee";
    r = api("GET", "/version", kAdmin);
    QCOMPARE(r.json().value("kas").toObject().value("version").toString(), "16.0.0");
}

void TestFakeGitLab::adminMode_data()
{
    QTest::addColumn<bool>("isAdmin");
    QTest::addColumn<bool>("adminMode");
    QTest::addColumn<QStringList>("scopes");
    QTest::addColumn<bool>("showsIsAdmin");
    QTest::addColumn<int>("settingsStatus");

    QTest::newRow("admin") << true << false << QStringList{"api"} << true << 200;
    QTest::newRow("admin, read_api") << true << false << QStringList{"read_api"} << true << 200;
    QTest::newRow("admin under Admin Mode without admin_mode scope")
        << true << true << QStringList{"api"} << false << 403;
    QTest::newRow("admin under Admin Mode with admin_mode scope")
        << true << true << QStringList{"api", "admin_mode"} << true << 200;
    QTest::newRow("non-admin") << false << false << QStringList{"api"} << false << 403;
    QTest::newRow("non-admin with admin_mode scope")
        << false << true << QStringList{"api", "admin_mode"} << false << 403;
}

void TestFakeGitLab::adminMode()
{
    QFETCH(bool, isAdmin);
    QFETCH(bool, adminMode);
    QFETCH(QStringList, scopes);
    QFETCH(bool, showsIsAdmin);
    QFETCH(int, settingsStatus);

    m_fake->setAdminMode(adminMode);
    FakeGitLabToken token;
    token.user = FakeGitLabUser{7, "carol", "Carol", isAdmin};
    token.scopes = scopes;
    m_fake->addToken("glpat-carol", token);

    Response r = api("GET", "/user", "glpat-carol");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value("username").toString(), "carol");
    QCOMPARE(r.json().value("web_url").toString(), "https://gitlab.example.com/carol");
    QCOMPARE(r.json().contains("is_admin"), showsIsAdmin);
    if (showsIsAdmin)
        QCOMPARE(r.json().value("is_admin").toBool(), true);

    r = api("GET", "/application/settings", "glpat-carol");
    QCOMPARE(r.status, settingsStatus);
    if (settingsStatus == 403)
        QCOMPARE(r.json(), (QJsonObject{{"message", "403 Forbidden"}}));
    QCOMPARE(api("GET", "/applications", "glpat-carol").status, settingsStatus);
}

void TestFakeGitLab::personalAccessTokenSelf()
{
    FakeGitLabToken token;
    token.user = FakeGitLabUser{9, "dave", "Dave", false};
    token.scopes = {"read_user"};
    token.name = "doctor";
    token.expiresAt = suiteToday().addDays(30);
    m_fake->addToken("glpat-dave", token);

    const Response r = api("GET", "/personal_access_tokens/self", "glpat-dave");
    QCOMPARE(r.status, 200);
    const QJsonObject o = r.json();
    QStringList keys = o.keys();
    QStringList expected{"id",     "name",    "revoked",      "created_at", "description",
                         "scopes", "user_id", "last_used_at", "active",     "expires_at"};
    std::sort(expected.begin(), expected.end());
    QCOMPARE(keys, expected);
    QCOMPARE(o.value("name").toString(), "doctor");
    QCOMPARE(o.value("scopes").toArray(), (QJsonArray{"read_user"}));
    QCOMPARE(o.value("user_id").toInt(), 9);
    QCOMPARE(o.value("active").toBool(), true);
    QCOMPARE(o.value("revoked").toBool(), false);
    QCOMPARE(o.value("expires_at").toString(), token.expiresAt.toString(Qt::ISODate));
    QVERIFY(!o.value("last_used_at").isNull());
}

// ---------------------------------------------------------------------------------------------
// PUT /application/settings

void TestFakeGitLab::settingsPut_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QJsonObject>("error");    // compared when status != 200
    QTest::addColumn<QJsonObject>("expected"); // settings that must hold afterwards (status 200)

    const QByteArray form = "application/x-www-form-urlencoded";
    const QByteArray json = "application/json";
    const QString key255(255, QLatin1Char('k'));
    const QString key256(256, QLatin1Char('k'));

    QTest::newRow("form: proxy URL") << form << QByteArray("jira_connect_proxy_url=https%3A%2F%2Fgitlab.com")
                                     << 200 << QJsonObject{}
                                     << QJsonObject{{"jira_connect_proxy_url", "https://gitlab.com"}};
    QTest::newRow("json: proxy URL and key")
        << json
        << QByteArray(
               R"({"jira_connect_proxy_url":"https://gitlab.com","jira_connect_application_key":"abc"})")
        << 200 << QJsonObject{}
        << QJsonObject{{"jira_connect_proxy_url", "https://gitlab.com"},
                       {"jira_connect_application_key", "abc"}};
    QTest::newRow("blank proxy URL is allowed")
        << form << QByteArray("jira_connect_proxy_url=") << 200 << QJsonObject{}
        << QJsonObject{{"jira_connect_proxy_url", ""}};
    QTest::newRow("http proxy URL is allowed")
        << form << QByteArray("jira_connect_proxy_url=http://gitlab.example.org") << 200 << QJsonObject{}
        << QJsonObject{{"jira_connect_proxy_url", "http://gitlab.example.org"}};
    QTest::newRow("255 characters") << json
                                    << QByteArray(R"({"jira_connect_application_key":")" + key255.toLatin1() +
                                                  "\"}")
                                    << 200 << QJsonObject{}
                                    << QJsonObject{{"jira_connect_application_key", key255}};
    QTest::newRow("256 characters")
        << json << QByteArray(R"({"jira_connect_application_key":")" + key256.toLatin1() + "\"}") << 400
        << QJsonObject{{"message", QJsonObject{{"jira_connect_application_key",
                                                QJsonArray{"is too long (maximum is 255 characters)"}}}}}
        << QJsonObject{};
    QTest::newRow("unknown keys are ignored")
        << form << QByteArray("no_such_setting=1&jira_connect_application_key=abc") << 200 << QJsonObject{}
        << QJsonObject{{"jira_connect_application_key", "abc"}};
    QTest::newRow("public key storage from 1")
        << form << QByteArray("jira_connect_public_key_storage_enabled=1") << 200 << QJsonObject{}
        << QJsonObject{{"jira_connect_public_key_storage_enabled", true}};
    QTest::newRow("public key storage from json true")
        << json << QByteArray(R"({"jira_connect_public_key_storage_enabled":true})") << 200 << QJsonObject{}
        << QJsonObject{{"jira_connect_public_key_storage_enabled", true}};
    QTest::newRow("admin_mode from false") << form << QByteArray("admin_mode=false") << 200 << QJsonObject{}
                                           << QJsonObject{{"admin_mode", false}};
    QTest::newRow("boolean that is not one")
        << form << QByteArray("jira_connect_public_key_storage_enabled=maybe") << 400
        << QJsonObject{{"error", "jira_connect_public_key_storage_enabled is invalid"}} << QJsonObject{};
    QTest::newRow("invalid proxy URL: scheme")
        << form << QByteArray("jira_connect_proxy_url=ftp://gitlab.com") << 400
        << QJsonObject{{"message",
                        QJsonObject{{"jira_connect_proxy_url",
                                     QJsonArray{"is blocked: Only allowed schemes are http, https"}}}}}
        << QJsonObject{};
    QTest::newRow("invalid proxy URL: no scheme")
        << form << QByteArray("jira_connect_proxy_url=gitlab.com") << 400
        << QJsonObject{{"message",
                        QJsonObject{{"jira_connect_proxy_url",
                                     QJsonArray{"is blocked: Only allowed schemes are http, https"}}}}}
        << QJsonObject{};
    QTest::newRow("invalid proxy URL: localhost")
        << form << QByteArray("jira_connect_proxy_url=https://localhost:3000") << 400
        << QJsonObject{{"message",
                        QJsonObject{{"jira_connect_proxy_url",
                                     QJsonArray{"is blocked: Requests to localhost are not allowed"}}}}}
        << QJsonObject{};
    QTest::newRow("invalid proxy URL: private network")
        << form << QByteArray("jira_connect_proxy_url=https://10.1.2.3") << 400
        << QJsonObject{{"message",
                        QJsonObject{
                            {"jira_connect_proxy_url",
                             QJsonArray{"is blocked: Requests to the local network are not allowed"}}}}}
        << QJsonObject{};
    QTest::newRow("invalid proxy URL: resolves to a private address")
        << form << QByteArray("jira_connect_proxy_url=https://gitlab.corp.test") << 400
        << QJsonObject{{"message",
                        QJsonObject{
                            {"jira_connect_proxy_url",
                             QJsonArray{"is blocked: Requests to the local network are not allowed"}}}}}
        << QJsonObject{};
    QTest::newRow("no known attribute")
        << form << QByteArray("foo=bar") << 400
        << QJsonObject{{"error", "*are missing, at least one parameter must be provided"}} << QJsonObject{};
    QTest::newRow("empty body") << json << QByteArray() << 400
                                << QJsonObject{{"error",
                                                "*are missing, at least one parameter must be provided"}}
                                << QJsonObject{};
    QTest::newRow("malformed json") << json << QByteArray("{\"jira_connect_proxy_url\":") << 400
                                    << QJsonObject{{"error", "message body does not match declared format"}}
                                    << QJsonObject{};
}

void TestFakeGitLab::settingsPut()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QJsonObject, error);
    QFETCH(QJsonObject, expected);
    m_fake->state().dnsOverrides.insert("gitlab.corp.test", "10.20.30.40");

    const Response r = api("PUT", "/application/settings", kAdmin, body, contentType);
    QCOMPARE(r.status, status);
    QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
    if (status != 200) {
        const QString wanted = error.value("error").toString();
        if (wanted.startsWith('*')) // suffix match: the list of attributes is long
            QVERIFY2(r.json().value("error").toString().endsWith(wanted.mid(1)), r.body.constData());
        else
            QCOMPARE(r.json(), error);
        return;
    }
    const QJsonObject settings = r.json();
    QVERIFY(settings.contains("signup_enabled")); // the full settings object
    QVERIFY(!settings.contains("no_such_setting"));
    for (auto it = expected.begin(); it != expected.end(); ++it) {
        QCOMPARE(settings.value(it.key()), it.value());
        QCOMPARE(m_fake->setting(it.key()), it.value());
    }
    QCOMPARE(api("GET", "/application/settings", kAdmin).json(), settings);
}

void TestFakeGitLab::settingsAdditionalAudienceByVersion()
{
    const QByteArray body = "jira_connect_additional_audience_url=https://jira-proxy.example.com";

    m_fake->state().version = "17.6.2-ee";
    QVERIFY(
        !api("GET", "/application/settings", kAdmin).json().contains("jira_connect_additional_audience_url"));
    Response r = api("PUT", "/application/settings", kAdmin, body, "application/x-www-form-urlencoded");
    QCOMPARE(r.status, 400); // unknown before 17.7, so nothing known was given
    QVERIFY(!r.json().value("error").toString().contains("jira_connect_additional_audience_url"));

    m_fake->state().version = "17.7.0-ee";
    r = api("GET", "/application/settings", kAdmin);
    QVERIFY(r.json().contains("jira_connect_additional_audience_url"));
    QVERIFY(r.json().value("jira_connect_additional_audience_url").isNull());
    r = api("PUT", "/application/settings", kAdmin, body, "application/x-www-form-urlencoded");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value("jira_connect_additional_audience_url").toString(),
             "https://jira-proxy.example.com");
}

void TestFakeGitLab::settingsRejectedChangeKeepsState()
{
    m_fake->setSetting("jira_connect_proxy_url", "https://gitlab.com");
    const Response r = api("PUT", "/application/settings", kAdmin,
                           "jira_connect_application_key=ok&jira_connect_proxy_url=https://127.0.0.1",
                           "application/x-www-form-urlencoded");
    QCOMPARE(r.status, 400);
    QCOMPARE(m_fake->setting("jira_connect_proxy_url").toString(), "https://gitlab.com");
    QVERIFY(m_fake->setting("jira_connect_application_key").isNull());

    // Query-string parameters count too (Grape merges them).
    QCOMPARE(send("PUT", "/api/v4/application/settings?jira_connect_application_key=fromquery",
                  {{"PRIVATE-TOKEN", kAdmin}})
                 .status,
             200);
    QCOMPARE(m_fake->setting("jira_connect_application_key").toString(), "fromquery");

    QCOMPARE(api("PUT", "/application/settings", kUser, "signup_enabled=false",
                 "application/x-www-form-urlencoded")
                 .status,
             403);
    QCOMPARE(m_fake->setting("signup_enabled").toBool(), true);
}

// ---------------------------------------------------------------------------------------------
// /applications

void TestFakeGitLab::applicationsCreate_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QJsonValue>("confidentialOrError");

    const QByteArray form = "application/x-www-form-urlencoded";
    const QByteArray json = "application/json";
    const QByteArray base = "name=GitLab+for+Jira&redirect_uri=https%3A%2F%2Fgitlab.com%2F-%2Fjira_connect%"
                            "2Foauth_callbacks&scopes=api";

    QTest::newRow("form, confidential defaults to true") << form << base << 201 << QJsonValue(true);
    QTest::newRow("form, confidential=false")
        << form << QByteArray(base + "&confidential=false") << 201 << QJsonValue(false);
    QTest::newRow("json, confidential false")
        << json
        << QByteArray(
               R"({"name":"Jira","redirect_uri":"https://gitlab.example.com/-/jira_connect/oauth_callbacks","scopes":"api","confidential":false})")
        << 201 << QJsonValue(false);
    QTest::newRow("nothing given")
        << form << QByteArray() << 400
        << QJsonValue(QJsonObject{{"error", "name is missing, redirect_uri is missing, scopes is missing"}});
    QTest::newRow("blank scopes") << form << QByteArray("name=a&redirect_uri=https://x.example/cb&scopes=")
                                  << 400 << QJsonValue(QJsonObject{{"error", "scopes is empty"}});
    QTest::newRow("confidential not a boolean")
        << form << QByteArray(base + "&confidential=sure") << 400
        << QJsonValue(QJsonObject{{"error", "confidential is invalid"}});
    QTest::newRow("relative redirect URI")
        << form << QByteArray("name=a&redirect_uri=/-/jira_connect/oauth_callbacks&scopes=api") << 400
        << QJsonValue(QJsonObject{
               {"message", QJsonObject{{"redirect_uri", QJsonArray{"must be an absolute URI."}}}}});
    QTest::newRow("unknown scope")
        << form << QByteArray("name=a&redirect_uri=https://x.example/cb&scopes=api+everything") << 400
        << QJsonValue(QJsonObject{
               {"message", QJsonObject{{"scopes", QJsonArray{"doesn't match configured on the server."}}}}});
}

void TestFakeGitLab::applicationsCreate()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QJsonValue, confidentialOrError);

    const Response r = api("POST", "/applications", kAdmin, body, contentType);
    QCOMPARE(r.status, status);
    if (status != 201) {
        QCOMPARE(r.json(), confidentialOrError.toObject());
        QVERIFY(m_fake->state().applications.isEmpty());
        return;
    }
    const QJsonObject app = r.json();
    QStringList keys = app.keys();
    QCOMPARE(keys, (QStringList{"application_id", "application_name", "callback_url", "confidential", "id",
                                "secret"}));
    QCOMPARE(app.value("confidential"), confidentialOrError);
    QVERIFY(QRegularExpression("^[0-9a-f]{64}$").match(app.value("application_id").toString()).hasMatch());
    QVERIFY(app.value("secret").toString().startsWith("gloas-"));
    QCOMPARE(m_fake->state().applications.size(), 1);
    QCOMPARE(m_fake->state().applications.first().uid, app.value("application_id").toString());
    QCOMPARE(m_fake->state().applications.first().scopes, "api");
}

void TestFakeGitLab::applicationsListAndDelete()
{
    const FakeGitLabApplication first =
        m_fake->addApplication({0, {}, "one", "https://a.example/cb", "api", false, {}});
    m_fake->addApplication({0, {}, "two", "https://b.example/cb", "read_user", true, {}});

    Response r = api("GET", "/applications?per_page=1", kAdmin);
    QCOMPARE(r.status, 200);
    const QJsonArray list = r.jsonArray();
    QCOMPARE(list.size(), 2); // GitLab does not paginate this endpoint
    for (const char* header : {"X-Page", "X-Per-Page", "X-Next-Page", "X-Total", "Link"})
        QVERIFY2(!r.has(header), header);
    QCOMPARE(list.at(0).toObject(), (QJsonObject{{"id", first.id},
                                                 {"application_id", first.uid},
                                                 {"application_name", "one"},
                                                 {"callback_url", "https://a.example/cb"},
                                                 {"confidential", false}}));

    m_fake->state().listApplicationScopes = true;
    QCOMPARE(api("GET", "/applications", kAdmin).jsonArray().at(1).toObject().value("scopes").toArray(),
             (QJsonArray{"read_user"}));

    r = api("DELETE", "/applications/" + QString::number(first.id), kAdmin);
    QCOMPARE(r.status, 204);
    QVERIFY(r.body.isEmpty());
    QCOMPARE(m_fake->state().applications.size(), 1);
    r = api("DELETE", "/applications/" + QString::number(first.id), kAdmin);
    QCOMPARE(r.status, 404);
    QCOMPARE(r.json(), (QJsonObject{{"message", "404 Application Not Found"}}));
    r = api("DELETE", "/applications/abc", kAdmin);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json(), (QJsonObject{{"error", "id is invalid"}}));
    QCOMPARE(api("POST", "/applications", kUser, "name=a", "application/x-www-form-urlencoded").status, 403);
}

void TestFakeGitLab::applicationsPagination_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("count");
    QTest::addColumn<QByteArray>("page");
    QTest::addColumn<QByteArray>("perPage");
    QTest::addColumn<QByteArray>("nextPage");
    QTest::addColumn<QByteArray>("prevPage");
    QTest::addColumn<QStringList>("rels");

    QTest::newRow("default per_page") << "" << 5 << QByteArray("1") << QByteArray("20") << QByteArray()
                                      << QByteArray() << QStringList{"first", "last"};
    QTest::newRow("first page") << "?per_page=2" << 2 << QByteArray("1") << QByteArray("2") << QByteArray("2")
                                << QByteArray() << QStringList{"next", "first", "last"};
    QTest::newRow("middle page") << "?per_page=2&page=2" << 2 << QByteArray("2") << QByteArray("2")
                                 << QByteArray("3") << QByteArray("1")
                                 << QStringList{"prev", "next", "first", "last"};
    QTest::newRow("last page") << "?per_page=2&page=3" << 1 << QByteArray("3") << QByteArray("2")
                               << QByteArray() << QByteArray("2") << QStringList{"prev", "first", "last"};
    QTest::newRow("per_page capped at 100") << "?per_page=500" << 5 << QByteArray("1") << QByteArray("100")
                                            << QByteArray() << QByteArray() << QStringList{"first", "last"};
}

void TestFakeGitLab::applicationsPagination()
{
    QFETCH(QString, query);
    QFETCH(int, count);
    QFETCH(QStringList, rels);
    m_fake->state().paginateApplications = true;
    for (int i = 1; i <= 5; ++i)
        m_fake->addApplication({0, {}, QString("app%1").arg(i), "https://a.example/cb", "api", false, {}});

    const Response r = api("GET", "/applications" + query, kAdmin);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.jsonArray().size(), count);
    QTEST(r.header("X-Page"), "page");
    QTEST(r.header("X-Per-Page"), "perPage");
    QTEST(r.header("X-Next-Page"), "nextPage");
    QTEST(r.header("X-Prev-Page"), "prevPage");
    QCOMPARE(r.header("X-Total"), QByteArray("5"));

    QStringList found;
    static const QRegularExpression link("<([^>]+)>; rel=\"(\\w+)\"");
    auto it = link.globalMatch(QString::fromLatin1(r.header("Link")));
    while (it.hasNext()) {
        const auto m = it.next();
        found << m.captured(2);
        // Link URLs use GitLab's configured host, not the address the request came to.
        QVERIFY2(m.captured(1).startsWith("http://gitlab.example.com/api/v4/applications?page="),
                 qPrintable(m.captured(1)));
    }
    QCOMPARE(found, rels);
}

void TestFakeGitLab::applicationsPaginationEmptyHeaders()
{
    // GitLab sends X-Next-Page/X-Prev-Page with an empty value on the last/first page. QNAM hides
    // empty-valued headers, so look at the bytes.
    m_fake->state().paginateApplications = true;
    m_fake->addApplication({0, {}, "only", "https://a.example/cb", "api", false, {}});
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_fake->port());
    QVERIFY(socket.waitForConnected(3000));
    socket.write("GET /api/v4/applications HTTP/1.1\r\nHost: gitlab.example.com\r\nPRIVATE-TOKEN: " + kAdmin +
                 "\r\nConnection: close\r\n\r\n");
    QByteArray raw;
    QTRY_VERIFY_WITH_TIMEOUT((raw += socket.readAll()).contains("\r\n\r\n["), 3000);
    QVERIFY(raw.startsWith("HTTP/1.1 200 OK\r\n"));
    QVERIFY(raw.contains("\r\nX-Next-Page: \r\n"));
    QVERIFY(raw.contains("\r\nX-Prev-Page: \r\n"));
    QVERIFY(raw.contains("\r\nX-Total: 1\r\n"));
}

// ---------------------------------------------------------------------------------------------
// Catch-all, OAuth, request log, failure injection

void TestFakeGitLab::unknownRoutes()
{
    Response r = get("/no/such/page");
    QCOMPARE(r.status, 302);
    QCOMPARE(r.header("Location"),
             QByteArray("http://127.0.0.1:") + QByteArray::number(m_fake->port()) + "/users/sign_in");
    r = get("/no/such/page", {{"Accept", "application/json"}});
    QCOMPARE(r.status, 401);
    QCOMPARE(r.json().value("error").toString(), "You need to sign in or sign up before continuing.");
    QCOMPARE(get("/-/jira_connect/no_such_route").status, 302);

    m_fake->state().unknownRoutesRedirectToSignIn = false;
    r = get("/no/such/page");
    QCOMPARE(r.status, 404);
    QVERIFY(r.header("Content-Type").startsWith("text/html"));

    // Under a relative root, paths outside it never reach Rails.
    m_fake->state().externalUrl = QUrl("https://gitlab.example.com/gitlab");
    QCOMPARE(get("/-/jira_connect/app_descriptor.json").status, 200); // send() prefixes the root
    QUrl outside = m_fake->url();
    outside.setPath("/-/jira_connect/app_descriptor.json");
    QNetworkReply* reply = m_nam->get(QNetworkRequest(outside));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QVERIFY(finished.wait(3000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 404);
    reply->deleteLater();
}

void TestFakeGitLab::oauthToken()
{
    Response r = send("POST", "/oauth/token", {{"Content-Type", "application/x-www-form-urlencoded"}}, "");
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json().value("error").toString(), "invalid_request");
    r = send("POST", "/oauth/token", {{"Content-Type", "application/x-www-form-urlencoded"}},
             "grant_type=authorization_code&client_id=unknown&code=x");
    QCOMPARE(r.status, 401);
    QCOMPARE(r.json().value("error").toString(), "invalid_client");
}

void TestFakeGitLab::requestLog()
{
    QSignalSpy handled(m_fake.get(), &FakeGitLab::requestHandled);
    get("/-/jira_connect/oauth_application_id",
        {{"Origin", "https://gitlab.com"}, {"Host", "jira.example.com"}});
    api("PUT", "/application/settings", kAdmin, "jira_connect_application_key=k",
        "application/x-www-form-urlencoded");
    QCOMPARE(handled.count(), 2);

    const auto& log = m_fake->requests();
    QCOMPARE(log.size(), 2);
    QCOMPARE(log.at(0).method, QByteArray("GET"));
    QCOMPARE(log.at(0).path, "/-/jira_connect/oauth_application_id");
    QCOMPARE(log.at(0).header("origin"), QByteArray("https://gitlab.com"));
    QCOMPARE(log.at(0).header("Host"), QByteArray("jira.example.com"));
    QVERIFY(!log.at(0).hasHeader("PRIVATE-TOKEN")); // a token never went to the public route
    QCOMPARE(log.at(0).status, 404);
    QCOMPARE(log.at(1).method, QByteArray("PUT"));
    QVERIFY(log.at(1).header("PRIVATE-TOKEN") == kAdmin); // QVERIFY: a failure must not print the token
    QCOMPARE(log.at(1).body, QByteArray("jira_connect_application_key=k"));
    QCOMPARE(log.at(1).status, 200);
    QCOMPARE(m_fake->requestsTo("/api/v4/application/settings").size(), 1);

    m_fake->clearRequests();
    QVERIFY(m_fake->requests().isEmpty());
}

void TestFakeGitLab::failureInjection()
{
    // A one-shot 500, then GitLab again.
    m_fake->failNext("PUT", "/api/v4/application/settings", FakeGitLabFailure::httpStatus(500, "boom"));
    Response r = api("PUT", "/application/settings", kAdmin, "signup_enabled=false",
                     "application/x-www-form-urlencoded");
    QCOMPARE(r.status, 500);
    QCOMPARE(r.body, QByteArray("boom"));
    QCOMPARE(m_fake->setting("signup_enabled").toBool(), true); // never reached GitLab
    r = api("PUT", "/application/settings", kAdmin, "signup_enabled=false",
            "application/x-www-form-urlencoded");
    QCOMPARE(r.status, 200);

    // Dropped connections (QNAM retries a request whose connection closed before any answer).
    m_fake->failNext("*", "/-/jira_connect/app_descriptor.json", FakeGitLabFailure::dropConnection(), 5);
    r = get("/-/jira_connect/app_descriptor.json");
    QCOMPARE(r.status, -1);
    QCOMPARE(r.error, QNetworkReply::RemoteHostClosedError);
    QCOMPARE(m_fake->requests().last().status, 0);
    m_fake->clearFailures();

    // A stalled answer: the client's own timeout ends it.
    m_fake->setInjector([](const FakeGitLabRequest& request) -> std::optional<FakeGitLabFailure> {
        if (request.path.endsWith("/oauth_callbacks"))
            return FakeGitLabFailure::stall();
        return std::nullopt;
    });
    r = send("GET", "/-/jira_connect/oauth_callbacks", {}, {}, 300);
    QCOMPARE(r.status, -1);
    QCOMPARE(r.error, QNetworkReply::OperationCanceledError);
    QCOMPARE(get("/-/jira_connect/app_descriptor.json").status, 200);
}

QTEST_GUILESS_MAIN(TestFakeGitLab)
#include "tst_fakegitlab.moc"
