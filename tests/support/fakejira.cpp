// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakejira.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QUrlQuery>
#include <QUuid>

#include <algorithm>
#include <utility>

// Sources for the behaviour modelled here, beyond Atlassian's REST API reference for Jira Cloud
// (developer.atlassian.com, /rest/api/3 myself, mypermissions, groups):
//   - "The 'permissions' query parameter is required." with errors {}: the 400 quoted in
//     rhevm-qe-automation/pytest_jira#111 and AtlassianPS/JiraPS#390 (Cloud, 2019).
//   - The permission ids/names/descriptions: a Cloud mypermissions response captured in a public
//     script (USER_PICKER id "27", ADMINISTER "0", CREATE_PROJECT "-1", ids as strings).
//   - "Basic authentication with passwords is deprecated.  For more information, see: …" (two
//     spaces, as quoted by users of Cloud) and the plain-text "Client must be authenticated to
//     access this resource." body.
//   - "Specified user does not exist or you do not have required permissions": Cloud's 404 for
//     an unknown account (pycontribs/jira#975, fourplusone/terraform-provider-jira#44).
//   - atl-traceid as 16 hex digits (ankitpokhrel/jira-cli#401 shows "Atl-Traceid: 22e0681d33a74c6d").
// Not verified, kept plausible and marked [I] where they are produced: the unknown-permission-key
// message, the 403 message of /user/groups, the 429 body, the unknown-site page.

namespace gjd::test {

namespace {

using fake::hasHeaderIn;
using fake::headerIn;
using fake::Headers;
using fake::methodName;
using fake::randomHex;

// The decoded parts of a Basic Authorization header; nullopt if the header is not Basic.
struct BasicCredentials
{
    QString email;
    QString secret;
};

std::optional<BasicCredentials> parseBasic(const QByteArray& authorization)
{
    const QByteArray value = authorization.trimmed();
    const qsizetype space = value.indexOf(' ');
    if (space < 0 || value.left(space).compare("Basic", Qt::CaseInsensitive) != 0)
        return std::nullopt;
    const auto decoded = QByteArray::fromBase64Encoding(value.mid(space + 1).trimmed(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    const QString text = QString::fromUtf8(*decoded);
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    if (colon < 0)
        return std::nullopt;
    return BasicCredentials{text.left(colon), text.mid(colon + 1)};
}

// ---------------------------------------------------------------------------------------------
// Responses

struct Reply
{
    int status = 200;
    Headers headers;
    QByteArray body;

    void setHeader(const QByteArray& name, const QByteArray& value)
    {
        headers.removeIf([&name](const auto& h) { return h.first.compare(name, Qt::CaseInsensitive) == 0; });
        headers.append({name, value});
    }
};

QByteArray toJson(const QJsonValue& value)
{
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
}

Reply json(int status, const QJsonValue& value)
{
    Reply r;
    r.status = status;
    r.setHeader("Content-Type", "application/json;charset=UTF-8");
    r.setHeader("Cache-Control", "no-cache, no-store, no-transform");
    r.body = toJson(value);
    return r;
}

// ErrorCollection: {"errorMessages":[…],"errors":{…},"status":n}.
Reply errorCollection(const FakeJiraState& state, int status, const QStringList& messages,
                      const QJsonObject& errors = {})
{
    QJsonObject body{{"errorMessages", QJsonArray::fromStringList(messages)}, {"errors", errors}};
    if (state.errorStatusField)
        body.insert(QStringLiteral("status"), status);
    return json(status, body);
}

Reply plainText(int status, const QByteArray& text)
{
    Reply r;
    r.status = status;
    r.setHeader("Content-Type", "text/plain;charset=UTF-8");
    r.setHeader("Cache-Control", "no-cache, no-store, no-transform");
    r.body = text;
    return r;
}

Reply html(int status, const QByteArray& body)
{
    Reply r;
    r.status = status;
    r.setHeader("Content-Type", "text/html;charset=UTF-8");
    r.setHeader("Cache-Control", "no-cache, no-store, no-transform");
    r.body = body;
    return r;
}

const QByteArray kNotAuthenticated = "Client must be authenticated to access this resource.";
const QByteArray kPasswordDeprecated =
    "Basic authentication with passwords is deprecated.  For more information, see: "
    "https://developer.atlassian.com/cloud/confluence/deprecation-notice-basic-auth/";

// Wrong or missing credentials.
Reply authenticationFailed()
{
    Reply r = plainText(401, kNotAuthenticated);
    r.setHeader("X-Seraph-LoginReason", "AUTHENTICATED_FAILED");
    r.setHeader("WWW-Authenticate", "Basic realm=\"protected-area\"");
    return r;
}

QString applicationRoleName(const QString& key)
{
    static const QHash<QString, QString> names{
        {"jira-software", "Jira"},
        {"jira-servicedesk", "Jira Service Management"},
        {"jira-product-discovery", "Jira Product Discovery"},
        {"jira-core", "Jira Work Management"},
    };
    return names.value(key, key);
}

// ---------------------------------------------------------------------------------------------
// The site

struct Exchange
{
    QByteArray method;
    QString path;
    QUrlQuery query;
    Headers headers;
    QString peerAddress;

    QByteArray header(const QByteArray& name) const { return headerIn(headers, name); }
    bool has(const QByteArray& name) const { return hasHeaderIn(headers, name); }
    QString param(const QString& name) const { return query.queryItemValue(name, QUrl::FullyDecoded); }
};

class Site
{
public:
    Site(FakeJiraState& state, const Exchange& exchange)
        : s(state)
        , x(exchange)
    {
    }

    Reply dispatch();
    const FakeJiraAccount* caller() const { return m_caller; }

private:
    const FakeJiraAccount* findAccount(const QString& email) const;
    const FakeJiraAccount* findAccountById(const QString& accountId) const;
    std::optional<Reply> authenticate(); // a failure, or nullopt (m_caller set or anonymous)

    Reply myself(const QString& version) const;
    Reply myPermissions() const;
    Reply permissions() const;
    Reply userGroups(const QString& version) const;

    Reply siteNotFound() const;
    Reply rateLimited();
    Reply ipRejected() const;
    Reply notFound() const;

    QString base() const;
    QJsonObject groupJson(const FakeJiraGroup& group, const QString& version) const;
    QJsonObject applicationRoleJson(const QString& key, const FakeJiraAccount& account,
                                    const QString& version) const;
    const FakeJiraPermission* permission(const QString& key) const;

    FakeJiraState& s;
    const Exchange& x;
    const FakeJiraAccount* m_caller = nullptr;
};

QString Site::base() const
{
    QString url = s.baseUrl.toString(QUrl::FullyEncoded);
    while (url.endsWith(QLatin1Char('/')))
        url.chop(1);
    return url;
}

const FakeJiraAccount* Site::findAccount(const QString& email) const
{
    for (auto it = s.accounts.cbegin(); it != s.accounts.cend(); ++it) {
        if (it.key().compare(email, Qt::CaseInsensitive) == 0)
            return &it.value();
    }
    return nullptr;
}

const FakeJiraAccount* Site::findAccountById(const QString& accountId) const
{
    for (auto it = s.accounts.cbegin(); it != s.accounts.cend(); ++it) {
        if (it.value().accountId == accountId)
            return &it.value();
    }
    return nullptr;
}

const FakeJiraPermission* Site::permission(const QString& key) const
{
    for (const auto& p : s.permissions) {
        if (p.key == key)
            return &p;
    }
    return nullptr;
}

std::optional<Reply> Site::authenticate()
{
    // Jira checks credentials whenever they are sent, even on resources open to anonymous users.
    if (!x.has("Authorization"))
        return std::nullopt;
    const std::optional<BasicCredentials> credentials = parseBasic(x.header("Authorization"));
    if (!credentials)
        return authenticationFailed();
    const FakeJiraAccount* account = findAccount(credentials->email);
    if (!account || !account->active)
        return authenticationFailed();
    if (!account->apiToken.isEmpty() && credentials->secret == account->apiToken) {
        m_caller = account;
        return std::nullopt;
    }
    if (!account->password.isEmpty() && credentials->secret == account->password)
        return plainText(401, kPasswordDeprecated);
    return authenticationFailed();
}

Reply Site::dispatch()
{
    if (s.siteUnknown)
        return siteNotFound();
    if (s.rateLimitNext > 0)
        return rateLimited();
    if (s.ipAllowlistBlocked && x.has("Authorization"))
        return ipRejected();
    if (std::optional<Reply> failure = authenticate())
        return *failure;

    static const QRegularExpression api(QStringLiteral("^/rest/api/(2|3|latest)(/.*)$"));
    const QRegularExpressionMatch m = api.match(x.path);
    if (!m.hasMatch()) {
        // Jira's own "dead link" page for anything outside the REST API.
        return html(404, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                         "<title>Oops, you&#39;ve found a dead link. - Jira</title>\n</head>\n<body>\n"
                         "<h1>Oops, you've found a dead link.</h1>\n</body>\n</html>\n");
    }
    const QString version = m.captured(1) == QLatin1String("latest") ? QStringLiteral("3") : m.captured(1);
    const QString sub = m.captured(2);

    struct Route
    {
        const char* path;
        bool needsUser;
        std::function<Reply(const Site&, const QString&)> handler;
    };
    static const QList<Route> routes{
        {"/myself", true,
         [](const Site& site, const QString& v) {
             return site.myself(v);
         }},
        {"/mypermissions", false,
         [](const Site& site, const QString&) {
             return site.myPermissions();
         }},
        {"/permissions", false,
         [](const Site& site, const QString&) {
             return site.permissions();
         }},
        {"/user/groups", true,
         [](const Site& site, const QString& v) {
             return site.userGroups(v);
         }},
    };
    for (const auto& route : routes) {
        if (sub != QLatin1String(route.path))
            continue;
        // Jersey answers a method the resource does not have with a bare 405.
        if (x.method != "GET" && x.method != "HEAD") {
            Reply r;
            r.status = 405;
            r.setHeader("Allow", "GET,OPTIONS,HEAD");
            return r;
        }
        if (route.needsUser && !m_caller)
            return authenticationFailed();
        return route.handler(*this, version);
    }
    return notFound();
}

QJsonObject Site::groupJson(const FakeJiraGroup& group, const QString& version) const
{
    const QString query =
        group.groupId.isNull()
            ? QStringLiteral("groupname=") + QString::fromLatin1(QUrl::toPercentEncoding(group.name))
            : QStringLiteral("groupId=") + group.groupId;
    return QJsonObject{
        {"name", group.name},
        {"groupId", group.groupId.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(group.groupId)},
        {"self",
         QString(base() + QStringLiteral("/rest/api/") + version + QStringLiteral("/group?") + query)}};
}

QJsonObject Site::applicationRoleJson(const QString& key, const FakeJiraAccount& account,
                                      const QString& version) const
{
    // Which of the account's groups grant the role is not modelled: the role's groups are the
    // account's, which is enough for a client reading keys and names.
    QJsonArray groupNames;
    QJsonArray groupDetails;
    for (const auto& group : account.groups) {
        groupNames.append(group.name);
        groupDetails.append(groupJson(group, version));
    }
    return QJsonObject{{"key", key},
                       {"groups", groupNames},
                       {"groupDetails", groupDetails},
                       {"name", applicationRoleName(key)},
                       {"defaultGroups", QJsonArray{}},
                       {"defaultGroupsDetails", QJsonArray{}},
                       {"selectedByDefault", false},
                       {"defined", false},
                       {"numberOfSeats", 10},
                       {"remainingSeats", 9},
                       {"userCount", 1},
                       {"userCountDescription", "users"},
                       {"hasUnlimitedSeats", false},
                       {"platform", false}};
}

// GET /myself. Unexpanded, `groups` and `applicationRoles` carry only their size (Jira's
// SimpleListWrapper with no items), and `expand` names what can be expanded.
Reply Site::myself(const QString& version) const
{
    const FakeJiraAccount& a = *m_caller;
    QSet<QString> expand;
    for (const QString& part : x.param(QStringLiteral("expand")).split(QLatin1Char(',')))
        expand.insert(part.trimmed());

    QString loginEmail;
    for (auto it = s.accounts.cbegin(); it != s.accounts.cend(); ++it) {
        if (&it.value() == m_caller)
            loginEmail = it.key();
    }
    const QString email = a.emailAddress.has_value() ? *a.emailAddress : loginEmail;
    const auto nullable = [](const QString& v) {
        return v.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(v);
    };

    const QByteArray hash = QCryptographicHash::hash(a.accountId.toUtf8(), QCryptographicHash::Md5).toHex();
    QJsonObject avatars;
    for (const char* size : {"48x48", "24x24", "16x16", "32x32"}) {
        avatars.insert(QLatin1String(size),
                       QString(QStringLiteral("https://secure.gravatar.com/avatar/") +
                               QString::fromLatin1(hash) + QStringLiteral("?d=mm&s=") +
                               QString::fromLatin1(size).section(QLatin1Char('x'), 0, 0)));
    }

    QJsonObject groups{{"size", a.groups.size()}, {"items", QJsonArray{}}};
    if (expand.contains(QStringLiteral("groups"))) {
        QJsonArray items;
        for (const auto& group : a.groups)
            items.append(groupJson(group, version));
        groups.insert(QStringLiteral("items"), items);
        groups.insert(QStringLiteral("max-results"), 200);
    }
    QJsonObject roles{{"size", a.applicationRoles.size()}, {"items", QJsonArray{}}};
    if (expand.contains(QStringLiteral("applicationRoles"))) {
        QJsonArray items;
        for (const auto& key : a.applicationRoles)
            items.append(applicationRoleJson(key, a, version));
        roles.insert(QStringLiteral("items"), items);
        roles.insert(QStringLiteral("max-results"), 200);
    }

    return json(200, QJsonObject{
                         {"self", QString(base() + QStringLiteral("/rest/api/") + version +
                                          QStringLiteral("/user?accountId=") + a.accountId)},
                         {"accountId", a.accountId},
                         {"accountType", a.accountType},
                         {"emailAddress", nullable(email)},
                         {"avatarUrls", avatars},
                         {"displayName", a.displayName},
                         {"active", a.active},
                         {"timeZone", nullable(a.timeZone)},
                         {"locale", nullable(a.locale)},
                         {"key", ""},  // deprecated (GDPR), always empty
                         {"name", ""}, // deprecated (GDPR), always empty
                         {"groups", groups},
                         {"applicationRoles", roles},
                         {"expand", "groups,applicationRoles"},
                     });
}

// GET /mypermissions?permissions=A,B. Anonymous callers are allowed and hold nothing. Global
// permissions ignore projectKey/issueKey context, so the fake ignores them too.
Reply Site::myPermissions() const
{
    QStringList keys;
    for (const QString& part : x.param(QStringLiteral("permissions")).split(QLatin1Char(','))) {
        if (!part.trimmed().isEmpty())
            keys.append(part.trimmed());
    }
    if (keys.isEmpty())
        return errorCollection(s, 400, {QStringLiteral("The 'permissions' query parameter is required.")});
    QStringList unknown;
    for (const auto& key : keys) {
        if (!permission(key) && !unknown.contains(key))
            unknown.append(key);
    }
    if (!unknown.isEmpty()) // [I] wording
        return errorCollection(
            s, 400, {QStringLiteral("Invalid permission key(s): ") + unknown.join(QStringLiteral(", "))});

    QJsonObject out;
    for (const auto& key : keys) {
        const FakeJiraPermission& p = *permission(key);
        out.insert(key, QJsonObject{{"id", p.id},
                                    {"key", p.key},
                                    {"name", p.name},
                                    {"type", p.type},
                                    {"description", p.description},
                                    {"havePermission", m_caller && m_caller->globalPermissions.contains(key)},
                                    {"deprecatedKey", false}});
    }
    return json(200, QJsonObject{{"permissions", out}});
}

// GET /permissions: every permission the site knows; open to anonymous callers.
Reply Site::permissions() const
{
    QJsonObject out;
    for (const auto& p : s.permissions) {
        out.insert(
            p.key,
            QJsonObject{{"key", p.key}, {"name", p.name}, {"type", p.type}, {"description", p.description}});
    }
    return json(200, QJsonObject{{"permissions", out}});
}

// GET /user/groups?accountId=X: needs Browse users and groups — the account's USER_PICKER grant,
// whether or not the site lists that key (the probe for sites whose mypermissions lacks it).
Reply Site::userGroups(const QString& version) const
{
    const QString accountId = x.param(QStringLiteral("accountId"));
    if (accountId.isEmpty())
        return errorCollection(s, 400,
                               {QStringLiteral("The 'accountId' query parameter needs to be provided.")});
    if (!m_caller->globalPermissions.contains(QStringLiteral("USER_PICKER"))) // [I] wording
        return errorCollection(
            s, 403, {QStringLiteral("You do not have the permission to browse users and groups.")});
    const FakeJiraAccount* account = findAccountById(accountId);
    if (!account)
        return errorCollection(
            s, 404,
            {QStringLiteral("Specified user does not exist or you do not have required permissions")});
    QJsonArray out;
    for (const auto& group : account->groups)
        out.append(groupJson(group, version));
    return json(200, out);
}

// [I] An *.atlassian.net name with no site behind it: Atlassian's edge answers with an HTML page.
Reply Site::siteNotFound() const
{
    QByteArray host = x.header("Host");
    if (const qsizetype colon = host.indexOf(':'); colon >= 0)
        host.truncate(colon);
    host = QString::fromLatin1(host).toHtmlEscaped().toLatin1();
    return html(404, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                     "<title>Atlassian | Site not found</title>\n</head>\n<body>\n<main>\n"
                     "<h1>Site not found</h1>\n<p>We couldn't find a site at <strong>" +
                         host +
                         "</strong>. Check the address and try again.</p>\n"
                         "<p><a href=\"https://start.atlassian.com\">Go to your sites</a></p>\n"
                         "</main>\n</body>\n</html>\n");
}

// 429 with the headers of Atlassian's "Rate limiting" page. [I] the body.
Reply Site::rateLimited()
{
    --s.rateLimitNext;
    Reply r = errorCollection(s, 429, {QStringLiteral("Rate limit exceeded.")});
    r.setHeader("Retry-After", QByteArray::number(s.retryAfterSeconds));
    const QDateTime reset = suiteNow().addSecs(s.retryAfterSeconds);
    r.setHeader("X-RateLimit-Reset", reset.toString(QStringLiteral("yyyy-MM-ddTHH:mm")).toLatin1() + 'Z');
    r.setHeader("X-RateLimit-Limit", QByteArray::number(s.rateLimitLimit));
    r.setHeader("X-RateLimit-Remaining", "0");
    r.setHeader("X-RateLimit-NearLimit", "true");
    r.setHeader("RateLimit-Reason", s.rateLimitReason);
    return r;
}

Reply Site::ipRejected() const
{
    QString address = s.ipAllowlistClientAddress;
    if (address.isEmpty()) {
        const QByteArray forwarded = x.header("X-Forwarded-For");
        address =
            forwarded.isEmpty() ? x.peerAddress : QString::fromLatin1(forwarded.split(',').first().trimmed());
    }
    if (address.isEmpty())
        address = QStringLiteral("127.0.0.1");
    return errorCollection(s, 403,
                           {QStringLiteral("The IP address ") + address +
                            QStringLiteral(" was rejected because it is not on the allowed list.")});
}

// A REST path Jersey has no resource for.
Reply Site::notFound() const
{
    QString uri = base() + x.path;
    if (!x.query.isEmpty())
        uri += QLatin1Char('?') + x.query.toString(QUrl::FullyEncoded);
    return json(
        404, QJsonObject{{"message", QString(QStringLiteral("null for uri: ") + uri)}, {"status-code", 404}});
}

bool noBodyStatus(int status)
{
    return (status >= 100 && status < 200) || status == 204 || status == 304;
}

QString normalisedPeer(const QHostAddress& address)
{
    bool ok = false;
    const quint32 v4 = address.toIPv4Address(&ok);
    return ok ? QHostAddress(v4).toString() : address.toString();
}

} // namespace

// ---------------------------------------------------------------------------------------------

QByteArray FakeJiraRequest::header(const QByteArray& name) const
{
    return headerIn(headers, name);
}

bool FakeJiraRequest::hasHeader(const QByteArray& name) const
{
    return hasHeaderIn(headers, name);
}

QList<FakeJiraPermission> FakeJiraState::defaultPermissions()
{
    // Global permissions first, then the project permissions a client might ask for.
    return {
        {"ADMINISTER", "0", "Administer Jira", "GLOBAL",
         "Create and administer projects, issue types, fields, workflows, and schemes for all projects. "
         "Users with this permission can perform most administration tasks, except: managing users, "
         "importing data, and editing system email settings."},
        {"SYSTEM_ADMIN", "44", "Jira System Administrator", "GLOBAL",
         "Ability to perform all administration functions. There must be at least one group with this "
         "permission."},
        {"USER_PICKER", "27", "Browse users and groups", "GLOBAL",
         "View and select users or groups from the user picker, and share issues. Users with this "
         "permission can see the names of all users and groups on your site."},
        {"CREATE_SHARED_OBJECTS", "22", "Share dashboards and filters", "GLOBAL",
         "Share dashboards and filters with other users."},
        {"MANAGE_GROUP_FILTER_SUBSCRIPTIONS", "24", "Manage group filter subscriptions", "GLOBAL",
         "Create and delete group filter subscriptions."},
        {"BULK_CHANGE", "33", "Make bulk changes", "GLOBAL",
         "Modify collections of issues at once. For example, resolve multiple issues in one step."},
        {"CREATE_PROJECT", "-1", "Create next-gen projects", "GLOBAL",
         "Create projects separate from shared configurations and schemes. Next-gen projects don't "
         "affect existing projects or shared configurations like workflows, fields or permissions. "
         "Only licensed users can create next-gen projects."},
        {"BROWSE_PROJECTS", "10", "Browse Projects", "PROJECT",
         "Ability to browse projects and the issues within them."},
        {"CREATE_ISSUES", "11", "Create Issues", "PROJECT", "Ability to create issues."},
        {"ADMINISTER_PROJECTS", "23", "Administer Projects", "PROJECT",
         "Ability to administer a project in Jira."},
    };
}

FakeJira::FakeJira(QObject* parent)
    : QObject(parent)
    , m_server(std::make_unique<QHttpServer>())
{
    // No routes: every request goes to the "missing" handler, which gives full control over
    // method, status and headers.
    m_server->setMissingHandler([this](const QHttpServerRequest& request, QHttpServerResponder&& responder) {
        handle(request, std::move(responder));
    });
}

FakeJira::~FakeJira() = default;

bool FakeJira::listen(quint16 port)
{
    m_port = listenOnLoopback(*m_server, port);
    return m_port != 0;
}

QUrl FakeJira::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
}

FakeJiraAccount FakeJira::addAccount(const QString& email, FakeJiraAccount account)
{
    if (account.accountId.isEmpty()) {
        // The shape of a classic Atlassian account id (24 hex digits).
        do {
            account.accountId = QString::fromLatin1(randomHex(12));
        } while (
            std::any_of(m_state.accounts.cbegin(), m_state.accounts.cend(),
                        [&account](const FakeJiraAccount& a) { return a.accountId == account.accountId; }));
    }
    if (account.displayName.isEmpty())
        account.displayName = email.section(QLatin1Char('@'), 0, 0);
    for (auto it = m_state.accounts.begin(); it != m_state.accounts.end(); ++it) {
        if (it.key().compare(email, Qt::CaseInsensitive) == 0) {
            m_state.accounts.erase(it);
            break;
        }
    }
    m_state.accounts.insert(email, account);
    return account;
}

FakeJiraAccount* FakeJira::account(const QString& email)
{
    for (auto it = m_state.accounts.begin(); it != m_state.accounts.end(); ++it) {
        if (it.key().compare(email, Qt::CaseInsensitive) == 0)
            return &it.value();
    }
    return nullptr;
}

bool FakeJira::knowsPermission(const QString& key) const
{
    return std::any_of(m_state.permissions.cbegin(), m_state.permissions.cend(),
                       [&key](const FakeJiraPermission& p) { return p.key == key; });
}

void FakeJira::forgetPermission(const QString& key)
{
    m_state.permissions.removeIf([&key](const FakeJiraPermission& p) { return p.key == key; });
}

void FakeJira::rateLimitNext(int requests, int retryAfterSeconds)
{
    m_state.rateLimitNext = requests;
    m_state.retryAfterSeconds = retryAfterSeconds;
}

QByteArray FakeJira::basicAuth(const QString& email, const QString& secret)
{
    const QByteArray credentials = email.toUtf8() + ':' + secret.toUtf8();
    return QByteArray("Basic ") + credentials.toBase64();
}

void FakeJira::failNext(const QByteArray& method, const QString& path, const FakeJiraFailure& failure,
                        int times)
{
    m_failures.add(method, path, failure, times);
}

void FakeJira::clearFailures()
{
    m_failures.clear();
}

QList<FakeJiraRequest> FakeJira::requestsTo(const QString& path) const
{
    QList<FakeJiraRequest> out;
    for (const auto& request : m_requests) {
        if (request.path == path)
            out.append(request);
    }
    return out;
}

void FakeJira::handle(const QHttpServerRequest& request, QHttpServerResponder&& responder)
{
    Exchange x;
    x.method = methodName(request.method());
    x.path = request.url().path();
    x.query = request.query();
    x.headers = request.headers();
    x.peerAddress = normalisedPeer(request.remoteAddress());

    FakeJiraRequest logged;
    logged.method = x.method;
    logged.path = x.path;
    logged.query = request.url().query(QUrl::FullyEncoded);
    logged.headers = x.headers;
    logged.body = request.body();
    logged.traceId = randomHex(8);
    logged.requestId = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    if (const auto credentials = parseBasic(x.header("Authorization")))
        logged.authEmail = credentials->email;
    m_requests.append(logged);
    const int index = static_cast<int>(m_requests.size() - 1);

    Reply reply;
    if (const std::optional<FakeJiraFailure> failure = m_failures.take(logged)) {
        switch (failure->kind) {
        case FakeJiraFailure::Kind::DropConnection:
            if (QTcpSocket* socket = responder.socket())
                socket->abort();
            emit requestHandled(index);
            return;
        case FakeJiraFailure::Kind::Stall:
            emit requestHandled(index);
            return;
        case FakeJiraFailure::Kind::Status:
            reply.status = failure->status;
            if (!failure->contentType.isEmpty())
                reply.setHeader("Content-Type", failure->contentType);
            reply.body = failure->body;
            break;
        }
    } else {
        Site site(m_state, x);
        reply = site.dispatch();
        if (site.caller())
            reply.setHeader("X-AACCOUNTID", site.caller()->accountId.toLatin1());
    }

    // What every response from Atlassian's edge carries.
    reply.headers.emplaceBack("Server", "AtlassianEdge");
    reply.headers.emplaceBack("atl-traceid", logged.traceId);
    reply.headers.emplaceBack("x-arequestid", logged.requestId);
    reply.headers.emplaceBack("X-Content-Type-Options", "nosniff");

    m_requests[index].status = reply.status;

    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(reply.status));
    for (const auto& [name, value] : std::as_const(reply.headers))
        responder.writeHeader(name, value);
    if (noBodyStatus(reply.status)) {
        responder.writeBody(QByteArray());
    } else {
        responder.writeHeader("Content-Length", QByteArray::number(reply.body.size()));
        responder.writeBody(x.method == "HEAD" ? QByteArray() : reply.body);
    }
    emit requestHandled(index);
}

} // namespace gjd::test
