// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakegitlab.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QUrlQuery>

#include <algorithm>
#include <utility>

// Sources for the behaviour modelled here (gitlabhq/gitlabhq unless noted), beyond GitLab's
// documentation of the GitLab for Jira Cloud app and its REST API (docs.gitlab.com):
//   config/application.rb (Rack::Cors blocks), rack-cors 2.x lib/rack/cors.rb + resource.rb,
//   lib/atlassian/jira_connect.rb, app/controllers/jira_connect/*, lib/api/applications.rb,
//   lib/api/settings.rb, lib/api/api_guard.rb, lib/gitlab/auth/auth_finders.rb,
//   app/models/application_setting.rb (validations), app/validators/public_url_validator.rb.

namespace gjd::test {

namespace {

using fake::hasHeaderIn;
using fake::headerIn;
using fake::Headers;
using fake::methodName;

QString randomHex(int bytes)
{
    return QString::fromLatin1(fake::randomHex(bytes));
}

QString isoTime(const QDateTime& time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

struct Version
{
    int major = 0;
    int minor = 0;
    int patch = 0;
};

Version parseVersion(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("^(\\d+)\\.(\\d+)(?:\\.(\\d+))?"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return {};
    return {m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt()};
}

bool atLeast(const QString& version, int major, int minor, int patch)
{
    const Version v = parseVersion(version);
    if (v.major != major)
        return v.major > major;
    if (v.minor != minor)
        return v.minor > minor;
    return v.patch >= patch;
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
        removeHeader(name);
        headers.append({name, value});
    }
    void removeHeader(const QByteArray& name)
    {
        headers.removeIf([&name](const auto& h) { return h.first.compare(name, Qt::CaseInsensitive) == 0; });
    }
    bool hasHeader(const QByteArray& name) const { return hasHeaderIn(headers, name); }
    QByteArray header(const QByteArray& name) const { return headerIn(headers, name); }
};

QByteArray toJson(const QJsonValue& value)
{
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    if (value.isObject())
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    // Top-level scalars: QJsonDocument cannot hold them.
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

// Grape's `present`/`error!`: "application/json" without a charset.
Reply apiJson(int status, const QJsonValue& value)
{
    Reply r;
    r.status = status;
    r.setHeader("Content-Type", "application/json");
    r.setHeader("Cache-Control", status < 300 ? "max-age=0, private, must-revalidate" : "no-cache");
    r.body = toJson(value);
    return r;
}

Reply apiMessage(int status, const QString& message)
{
    return apiJson(status, QJsonObject{{"message", message}});
}

// Rails' `render json:`.
Reply railsJson(int status, const QJsonValue& value)
{
    Reply r;
    r.status = status;
    r.setHeader("Content-Type", "application/json; charset=utf-8");
    r.setHeader("Cache-Control", "max-age=0, private, must-revalidate");
    r.body = toJson(value);
    return r;
}

Reply html(int status, const QByteArray& body)
{
    Reply r;
    r.status = status;
    r.setHeader("Content-Type", "text/html; charset=utf-8");
    r.setHeader("Cache-Control", status < 300 ? "max-age=0, private, must-revalidate" : "no-cache");
    r.body = body;
    return r;
}

// Rails `head :status`: no body, no content type.
Reply head(int status)
{
    Reply r;
    r.status = status;
    r.setHeader("Cache-Control", "no-cache");
    return r;
}

QByteArray errorPage(int status, const QByteArray& title, const QByteArray& text)
{
    return "<!DOCTYPE html>\n<html>\n<head>\n<meta content=\"width=device-width, initial-scale=1, "
           "maximum-scale=1\" name=\"viewport\">\n<title>" +
           title +
           "</title>\n</head>\n<body>\n<div class=\"page-container\">\n"
           "<img alt=\"GitLab Logo\" src=\"/assets/gitlab_logo.svg\">\n<h1>" +
           QByteArray::number(status) + "</h1>\n<div class=\"container\">\n<h3>" + title +
           "</h3>\n<hr>\n<p>" + text + "</p>\n</div>\n</div>\n</body>\n</html>\n";
}

// ---------------------------------------------------------------------------------------------
// Request parameters (Rack + Grape)

// Form decoding: '+' is a space in application/x-www-form-urlencoded, which QUrlQuery ignores.
QList<QPair<QString, QString>> decodeForm(const QByteArray& encoded)
{
    QList<QPair<QString, QString>> out;
    for (const QByteArray& part : encoded.split('&')) {
        if (part.isEmpty())
            continue;
        const qsizetype eq = part.indexOf('=');
        QByteArray key = eq < 0 ? part : part.left(eq);
        QByteArray value = eq < 0 ? QByteArray() : part.mid(eq + 1);
        key.replace('+', ' ');
        value.replace('+', ' ');
        out.append({QString::fromUtf8(QByteArray::fromPercentEncoding(key)),
                    QString::fromUtf8(QByteArray::fromPercentEncoding(value))});
    }
    return out;
}

// Grape's Boolean (dry-types Params::Bool).
std::optional<QJsonValue> coerceBool(const QJsonValue& v)
{
    if (v.isNull() || v.isBool())
        return v;
    if (v.isDouble()) {
        if (v.toDouble() == 1)
            return QJsonValue(true);
        if (v.toDouble() == 0)
            return QJsonValue(false);
        return std::nullopt;
    }
    if (v.isString()) {
        static const QStringList yes{"1",    "on", "On", "ON",  "t",   "true", "True",
                                     "TRUE", "T",  "y",  "yes", "Yes", "YES",  "Y"};
        static const QStringList no{"0",     "off", "Off", "OFF", "f",  "false", "False",
                                    "FALSE", "F",   "n",   "no",  "No", "NO",    "N"};
        if (yes.contains(v.toString()))
            return QJsonValue(true);
        if (no.contains(v.toString()))
            return QJsonValue(false);
    }
    return std::nullopt;
}

std::optional<QJsonValue> coerceString(const QJsonValue& v)
{
    if (v.isNull() || v.isString())
        return v;
    if (v.isBool())
        return QJsonValue(v.toBool() ? QStringLiteral("true") : QStringLiteral("false"));
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (d == static_cast<double>(static_cast<qint64>(d)))
            return QJsonValue(QString::number(static_cast<qint64>(d)));
        return QJsonValue(QString::number(d));
    }
    return std::nullopt;
}

std::optional<QJsonValue> coerceInt(const QJsonValue& v)
{
    if (v.isNull())
        return v;
    if (v.isDouble() && v.toDouble() == static_cast<double>(static_cast<qint64>(v.toDouble())))
        return QJsonValue(static_cast<qint64>(v.toDouble()));
    if (v.isString()) {
        bool ok = false;
        const qint64 n = v.toString().trimmed().toLongLong(&ok);
        if (ok)
            return QJsonValue(n);
    }
    return std::nullopt;
}

enum class ParamType
{
    String,
    Bool,
    Int
};

struct SettingAttribute
{
    const char* name;
    ParamType type;
};

// The PUT /application/settings attributes the fake knows (a subset of GitLab's ~400). Order is
// the declaration order the at_least_one_of message lists them in.
const QList<SettingAttribute>& settingAttributes()
{
    static const QList<SettingAttribute> attributes{
        {"admin_mode", ParamType::Bool},
        {"after_sign_out_path", ParamType::String},
        {"allow_local_requests_from_system_hooks", ParamType::Bool},
        {"allow_local_requests_from_web_hooks_and_services", ParamType::Bool},
        {"default_projects_limit", ParamType::Int},
        {"deny_all_requests_except_allowed", ParamType::Bool},
        {"gravatar_enabled", ParamType::Bool},
        {"help_page_text", ParamType::String},
        {"home_page_url", ParamType::String},
        {"max_attachment_size", ParamType::Int},
        {"password_authentication_enabled_for_web", ParamType::Bool},
        {"require_two_factor_authentication", ParamType::Bool},
        {"session_expire_delay", ParamType::Int},
        {"sign_in_text", ParamType::String},
        {"signup_enabled", ParamType::Bool},
        {"two_factor_grace_period", ParamType::Int},
        {"user_oauth_applications", ParamType::Bool},
        {"version_check_enabled", ParamType::Bool},
        {"jira_connect_application_key", ParamType::String},
        {"jira_connect_public_key_storage_enabled", ParamType::Bool},
        {"jira_connect_proxy_url", ParamType::String},
        {"jira_connect_additional_audience_url", ParamType::String}, // 17.7+
        {"jira_forge_app_id", ParamType::String},                    // Forge support
    };
    return attributes;
}

const QString kAdditionalAudience = QStringLiteral("jira_connect_additional_audience_url");
const QString kForgeAppId = QStringLiteral("jira_forge_app_id");

// Scopes Doorkeeper accepts for an OAuth application (Gitlab::Auth.all_available_scopes).
const QStringList& knownOauthScopes()
{
    static const QStringList scopes{"api",
                                    "read_api",
                                    "read_user",
                                    "create_runner",
                                    "manage_runner",
                                    "k8s_proxy",
                                    "read_repository",
                                    "write_repository",
                                    "read_registry",
                                    "write_registry",
                                    "read_virtual_registry",
                                    "write_virtual_registry",
                                    "ai_features",
                                    "sudo",
                                    "admin_mode",
                                    "read_service_ping",
                                    "openid",
                                    "profile",
                                    "email"};
    return scopes;
}

// ---------------------------------------------------------------------------------------------
// The public_url validator (AddressableUrlValidator + Gitlab::HTTP_V2::UrlBlocker), minus DNS.

bool inRange(const QHostAddress& address, const char* subnet)
{
    return address.isInSubnet(QHostAddress::parseSubnet(QString::fromLatin1(subnet)));
}

QString publicUrlError(const QString& value, const QHash<QString, QString>& dns)
{
    const QUrl url(value.trimmed(), QUrl::StrictMode);
    if (!url.isValid())
        return QStringLiteral("is blocked: URI is invalid");
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        return QStringLiteral("is blocked: Only allowed schemes are http, https");
    QString host = url.host();
    if (host.isEmpty())
        return QStringLiteral("is blocked: URI is invalid");

    QHostAddress address;
    if (!address.setAddress(host)) {
        if (dns.contains(host)) {
            if (dns.value(host).isEmpty() || !address.setAddress(dns.value(host)))
                return QStringLiteral("is blocked: Host cannot be resolved or invalid");
        } else if (host == QLatin1String("localhost") || host.endsWith(QLatin1String(".localhost"))) {
            address = QHostAddress(QHostAddress::LocalHost);
        } else {
            return {}; // a name the fake does not resolve: treated as public
        }
    }
    bool ok = false;
    const quint32 v4 = address.toIPv4Address(&ok);
    if (ok)
        address = QHostAddress(v4);
    if (address.isLoopback() || address == QHostAddress(QHostAddress::AnyIPv4) ||
        address == QHostAddress(QHostAddress::AnyIPv6))
        return QStringLiteral("is blocked: Requests to localhost are not allowed");
    if (inRange(address, "169.254.0.0/16") || inRange(address, "fe80::/10"))
        return QStringLiteral("is blocked: Requests to the link local network are not allowed");
    if (inRange(address, "10.0.0.0/8") || inRange(address, "172.16.0.0/12") ||
        inRange(address, "192.168.0.0/16") || inRange(address, "fc00::/7") || inRange(address, "fec0::/10"))
        return QStringLiteral("is blocked: Requests to the local network are not allowed");
    return {};
}

// ---------------------------------------------------------------------------------------------
// rack-cors, as configured in GitLab's config/application.rb.

struct CorsResource
{
    enum class Origins
    {
        ExternalUrl,
        Any,
        ProxyUrl
    };
    Origins origins;
    const char* path;
    QStringList methods; // lower case
    bool anyHeaders;
    QStringList headers; // lower case, when !anyHeaders
    bool credentials;
    QByteArray expose;
};

const QList<CorsResource>& corsResources()
{
    static const QByteArray apiExpose =
        "Link, X-Total, X-Total-Pages, X-Per-Page, X-Page, X-Next-Page, X-Prev-Page, X-Gitlab-Blob-Id, "
        "X-Gitlab-Commit-Id, X-Gitlab-Content-Sha256, X-Gitlab-Encoding, X-Gitlab-File-Name, "
        "X-Gitlab-File-Path, X-Gitlab-Last-Commit-Id, X-Gitlab-Ref, X-Gitlab-Size, X-Request-Id, ETag";
    static const QStringList any{"get", "head", "post", "put", "patch", "delete", "options"};
    static const QStringList oauthHeaders{"authorization", "x-csrf-token", "x-requested-with"};
    static const QList<CorsResource> resources{
        {CorsResource::Origins::ExternalUrl, "/api/*", any, true, {}, true, apiExpose},
        {CorsResource::Origins::Any, "/api/*", any, true, {}, false, apiExpose},
        {CorsResource::Origins::ProxyUrl,
         "/-/jira_connect/oauth_application_id",
         {"get", "options"},
         true,
         {},
         false,
         {}},
        {CorsResource::Origins::ProxyUrl,
         "/-/jira_connect/subscriptions.json",
         {"get", "options"},
         true,
         {},
         false,
         {}},
        {CorsResource::Origins::ProxyUrl,
         "/-/jira_connect/subscriptions/*",
         {"delete", "options"},
         true,
         {},
         false,
         {}},
        {CorsResource::Origins::Any, "/oauth/token", {"post", "options"}, false, oauthHeaders, false, {}},
        {CorsResource::Origins::Any, "/oauth/revoke", {"post", "options"}, false, oauthHeaders, false, {}},
        {CorsResource::Origins::Any,
         "/oauth/token/info",
         {"get", "head", "options"},
         false,
         {"authorization"},
         false,
         {}},
    };
    return resources;
}

// Rack::Cors::Resource#compile: "/*" → "\/?(.*?)", "*" → "(.*?)", anchored at both ends.
bool corsPathMatches(const char* pattern, const QString& path)
{
    QString re;
    const QString p = QString::fromLatin1(pattern);
    for (qsizetype i = 0; i < p.size(); ++i) {
        const QChar c = p.at(i);
        if (c == QLatin1Char('/') && i + 1 < p.size() && p.at(i + 1) == QLatin1Char('*')) {
            re += QStringLiteral("\\/?(.*?)");
            ++i;
        } else if (c == QLatin1Char('*')) {
            re += QStringLiteral("(.*?)");
        } else {
            re += QRegularExpression::escape(QString(c));
        }
    }
    return QRegularExpression(QStringLiteral("\\A") + re + QStringLiteral("\\z")).match(path).hasMatch();
}

// ---------------------------------------------------------------------------------------------
// One exchange: the request as GitLab sees it, and the router producing GitLab's answer.

struct Exchange
{
    QByteArray method; // as sent; HEAD is routed like GET
    QString fullPath;
    QString path; // inside the relative root
    QUrlQuery query;
    Headers headers;
    QByteArray body;

    QByteArray header(const QByteArray& name) const { return headerIn(headers, name); }
    bool has(const QByteArray& name) const { return hasHeaderIn(headers, name); }
    bool isGet() const { return method == "GET" || method == "HEAD"; }
};

class Router
{
public:
    Router(FakeGitLabState& state, const Exchange& exchange)
        : s(state)
        , x(exchange)
    {
    }

    Reply dispatch();

private:
    // --- instance and request URLs
    QString root() const;
    QString configUrl() const;  // Gitlab.config.gitlab.url
    QString gitlabHost() const; // Atlassian::JiraConnect#gitlab_host
    QString requestScheme() const;
    QString requestHost() const;     // host, without port
    int requestOptionalPort() const; // -1 when the port is standard for the request scheme
    QString requestUrl(const QString& pathInsideRoot) const; // a Rails *_url helper
    QString jiraConnectBaseUrlHttps() const;
    bool atLeast(int major, int minor, int patch = 0) const
    {
        return gjd::test::atLeast(s.version, major, minor, patch);
    }
    // The jira_forge_app_id setting and /api/v4/integrations/jira_forge/*. GitLab's docs give no
    // version for them; the fake's assumption is the release its support preparation was filed
    // under (reference/platform-2026-12.md: 18.10). The product never relies on a version: it
    // reads whether the setting is there.
    bool forgeSupported() const { return atLeast(18, 10); }

    // --- settings
    QString settingString(const QString& key) const;
    bool settingPresent(const QString& key) const; // Rails `present?`
    bool adminMode() const { return s.settings.value(QStringLiteral("admin_mode")).toBool(); }
    QJsonObject visibleSettings() const;

    // --- Rails side
    enum class Format
    {
        Html,
        Json,
        Any
    };
    Format format() const;
    Reply render403() const;
    Reply render404() const;
    Reply redirectToSignIn() const;
    Reply unknownRoute() const;
    Reply signInPage() const;
    Reply jiraConnect(const QString& sub);
    Reply appDescriptor() const;
    Reply corsPreflightCheck(const QByteArray& methods) const;
    Reply oauth(const QString& sub) const;

    // --- API side
    Reply api(QString sub);
    struct Auth
    {
        std::optional<Reply> failure;
        FakeGitLabToken* token = nullptr;
    };
    Auth authenticate(const QStringList& endpointScopes, bool anyScope = false);
    bool effectiveAdmin(const FakeGitLabToken& token) const;
    std::optional<QJsonObject> params(Reply* error) const;
    Reply userJson(const FakeGitLabToken& token) const;
    Reply metadata(bool versionOnly) const;
    Reply personalAccessTokenSelf(const FakeGitLabToken& token) const;
    Reply settingsPut();
    Reply applicationsList() const;
    Reply applicationsCreate();
    QJsonObject applicationJson(const FakeGitLabApplication& app, bool withSecret) const;

    FakeGitLabState& s;
    const Exchange& x;
};

QString Router::root() const
{
    QString path = s.externalUrl.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    return path;
}

QString Router::configUrl() const
{
    return s.externalUrl.adjusted(QUrl::StripTrailingSlash | QUrl::RemoveQuery | QUrl::RemoveFragment)
        .toString();
}

QString Router::gitlabHost() const
{
    // jira_connect_proxy_url? → URI(proxy).hostname + URI(proxy).path; else the external_url host.
    if (settingPresent(QStringLiteral("jira_connect_proxy_url"))) {
        const QUrl proxy(settingString(QStringLiteral("jira_connect_proxy_url")).trimmed());
        return proxy.host() + proxy.path(QUrl::FullyEncoded);
    }
    return s.externalUrl.host();
}

QString Router::requestScheme() const
{
    // Rack: X-Forwarded-Proto (first value) when it names http(s); the fake itself is plain HTTP.
    const QByteArray forwarded = x.header("X-Forwarded-Proto").split(',').first().trimmed().toLower();
    if (forwarded == "https" || forwarded == "http")
        return QString::fromLatin1(forwarded);
    return QStringLiteral("http");
}

// Rails: raw_host_with_port is the last X-Forwarded-Host value, else Host.
QPair<QString, int> splitHostPort(const QString& raw)
{
    static const QRegularExpression re(QStringLiteral("^(.*):(\\d+)$"));
    const auto m = re.match(raw);
    if (m.hasMatch())
        return {m.captured(1), m.captured(2).toInt()};
    return {raw, -1};
}

QString Router::requestHost() const
{
    QString raw;
    if (x.has("X-Forwarded-Host"))
        raw = QString::fromLatin1(x.header("X-Forwarded-Host").split(',').last().trimmed());
    else
        raw = QString::fromLatin1(x.header("Host"));
    if (raw.isEmpty())
        return s.externalUrl.host();
    return splitHostPort(raw).first;
}

int Router::requestOptionalPort() const
{
    QString raw;
    if (x.has("X-Forwarded-Host"))
        raw = QString::fromLatin1(x.header("X-Forwarded-Host").split(',').last().trimmed());
    else
        raw = QString::fromLatin1(x.header("Host"));
    const int port = splitHostPort(raw).second;
    const int standard = requestScheme() == QLatin1String("https") ? 443 : 80;
    return port < 0 || port == standard ? -1 : port;
}

QString Router::requestUrl(const QString& pathInsideRoot) const
{
    const int port = requestOptionalPort();
    return requestScheme() + QStringLiteral("://") + requestHost() +
           (port > 0 ? QStringLiteral(":") + QString::number(port) : QString()) + root() + pathInsideRoot;
}

// baseUrl = jira_connect_base_url(protocol: 'https').
//
// Rails builds it from the *request*: host from X-Forwarded-Host or Host, port only when it is
// not the standard port of the request's own scheme (request.optional_port, with the scheme taken
// from X-Forwarded-Proto), and then url_for drops the port again when it is 443, the default of the
// forced https. So behind nginx: "Host: h:8443" → https://h:8443; "Host: h:443" → https://h (either
// way); "Host: h:80" → https://h unless X-Forwarded-Proto is https (then https://h:80, as Rails
// does). The key, in contrast, never looks at the request (external_url or proxy URL only).
QString Router::jiraConnectBaseUrlHttps() const
{
    const int port = requestOptionalPort();
    return QStringLiteral("https://") + requestHost() +
           (port > 0 && port != 443 ? QStringLiteral(":") + QString::number(port) : QString()) + root() +
           QStringLiteral("/-/jira_connect");
}

QString Router::settingString(const QString& key) const
{
    const QJsonValue v = s.settings.value(key);
    return v.isString() ? v.toString() : QString();
}

bool Router::settingPresent(const QString& key) const
{
    return !settingString(key).trimmed().isEmpty();
}

QJsonObject Router::visibleSettings() const
{
    QJsonObject out = s.settings;
    if (!atLeast(17, 7))
        out.remove(kAdditionalAudience);
    else if (!out.contains(kAdditionalAudience))
        out.insert(kAdditionalAudience, QJsonValue::Null);
    // Optional in GitLab's settings API: instances that predate Forge support do not return it.
    if (!forgeSupported())
        out.remove(kForgeAppId);
    else if (!out.contains(kForgeAppId))
        out.insert(kForgeAppId, QJsonValue::Null);
    return out;
}

// Rails format negotiation, as far as render_403/render_404 care: an extension wins; an Accept
// header is used unless it looks like a browser's ("…, */*"); otherwise HTML.
Router::Format Router::format() const
{
    if (x.path.endsWith(QLatin1String(".json")))
        return Format::Json;
    const QByteArray accept = x.header("Accept").trimmed();
    static const QRegularExpression browserLike(QStringLiteral(",\\s*\\*/\\*|\\*/\\*\\s*,"));
    if (accept.isEmpty() || browserLike.match(QString::fromLatin1(accept)).hasMatch())
        return Format::Html;
    const QByteArray first = accept.split(',').first().split(';').first().trimmed();
    if (first == "*/*")
        return Format::Any;
    if (first.contains("json"))
        return Format::Json;
    if (first.contains("html"))
        return Format::Html;
    return Format::Any;
}

// render_403: `format.any { head :forbidden }` comes first, then html.
Reply Router::render403() const
{
    if (format() == Format::Html)
        return html(403,
                    errorPage(403, "Access Denied", "You don't have the permission to access this page."));
    return head(403);
}

// render_404: html first, then js, then `format.any { head :not_found }`.
Reply Router::render404() const
{
    if (format() == Format::Json)
        return head(404);
    return html(404, errorPage(404, "Not Found",
                               "The page could not be found or you don't have permission to view it."));
}

Reply Router::redirectToSignIn() const
{
    const QString location = requestUrl(QStringLiteral("/users/sign_in"));
    Reply r = html(302, "<html><body>You are being <a href=\"" + location.toHtmlEscaped().toUtf8() +
                            "\">redirected</a>.</body></html>");
    r.setHeader("Location", location.toUtf8());
    return r;
}

// The catch-all `match '*unmatched_route', via: :all, to: 'application#route_not_found'` runs
// authenticate_user! for anonymous users: Devise redirects navigational formats to the sign-in
// page and answers 401 to the others. Non-GET requests fail the CSRF check first (422).
Reply Router::unknownRoute() const
{
    if (!s.unknownRoutesRedirectToSignIn)
        return render404();
    if (!x.isGet())
        return html(422, errorPage(422, "The change you requested was rejected",
                                   "Make sure you have access to the thing you tried to change."));
    if (format() == Format::Json) {
        Reply r = railsJson(401, QJsonObject{{"error", "You need to sign in or sign up before continuing."}});
        return r;
    }
    return redirectToSignIn();
}

Reply Router::signInPage() const
{
    const QByteArray gitlabUrl = configUrl().toUtf8();
    const QByteArray rootPath = root().toUtf8();
    const QByteArray body =
        "<!DOCTYPE html>\n<html class=\"gl-light ui-neutral with-header\" lang=\"en\">\n<head "
        "prefix=\"og: http://ogp.me/ns#\">\n<meta charset=\"utf-8\">\n<meta content=\"IE=edge\" "
        "http-equiv=\"X-UA-Compatible\">\n<meta content=\"width=device-width, initial-scale=1\" "
        "name=\"viewport\">\n<title>Sign in · GitLab</title>\n"
        "<meta content=\"GitLab\" property=\"og:site_name\">\n"
        "<meta content=\"Sign in · GitLab\" property=\"og:title\">\n"
        "<meta content=\"GitLab Enterprise Edition\" property=\"og:description\">\n"
        "<meta content=\"" +
        gitlabUrl +
        "/users/sign_in\" property=\"og:url\">\n"
        "<meta content=\"GitLab Enterprise Edition\" name=\"description\">\n"
        "<link rel=\"icon\" type=\"image/png\" href=\"" +
        rootPath +
        "/assets/favicon-72a2cad5025aa931d6ea56c3201d1f18e68a8cd39788c7c80d5b2b82aa5143ef.png\" "
        "id=\"favicon\">\n"
        "<meta name=\"csrf-param\" content=\"authenticity_token\" />\n"
        "<meta name=\"csrf-token\" content=\"" +
        randomHex(32).toLatin1() +
        "\" />\n"
        "<script>\n//<![CDATA[\nwindow.gon={};gon.api_version=\"v4\";gon.default_avatar_url=\"" +
        gitlabUrl +
        "/assets/no_avatar-849f9c04a3a0d0cea2424ae97b27447dc64a7dbfae83c036c45b403392f0e8ba.png\";"
        "gon.max_file_size=100;gon.asset_host=null;gon.webpack_public_path=\"" +
        rootPath + "/assets/webpack/\";gon.relative_url_root=\"" + rootPath + "\";gon.gitlab_url=\"" +
        gitlabUrl +
        "\";gon.promo_url=\"https://about.gitlab.com\";gon.forum_url=\"https://forum.gitlab.com\";"
        "gon.docs_url=\"https://docs.gitlab.com\";gon.revision=\"" +
        s.revision.toUtf8() +
        "\";gon.feature_category=\"system_access\";\n//]]>\n</script>\n</head>\n"
        "<body class=\"gl-h-full login-page navless\" data-page=\"sessions:new\">\n"
        "<div class=\"gl-h-full borderless gl-flex gl-flex-wrap\">\n"
        "<h1 class=\"gl-sr-only\">Sign in</h1>\n"
        "<form class=\"gl-show-field-errors js-arkose-labs-form\" id=\"new_user\" action=\"" +
        rootPath +
        "/users/sign_in\" accept-charset=\"UTF-8\" method=\"post\">\n"
        "<label for=\"user_login\">Username or primary email</label>\n"
        "<input autocomplete=\"username\" class=\"form-control gl-form-input js-username-field\" "
        "type=\"text\" name=\"user[login]\" id=\"user_login\" />\n"
        "<label for=\"user_password\">Password</label>\n"
        "<input class=\"form-control gl-form-input js-password\" autocomplete=\"current-password\" "
        "type=\"password\" name=\"user[password]\" id=\"user_password\" />\n"
        "<button type=\"submit\" class=\"gl-button btn btn-block btn-md btn-confirm\" "
        "data-testid=\"sign-in-button\">Sign in</button>\n</form>\n</div>\n</body>\n</html>\n";
    Reply r = html(200, body);
    r.setHeader("Set-Cookie",
                "_gitlab_session=" + randomHex(16).toLatin1() +
                    "; path=" + (rootPath.isEmpty() ? QByteArray("/") : rootPath) + "; HttpOnly" +
                    (s.externalUrl.scheme() == QLatin1String("https") ? "; secure" : "") + "; SameSite=None");
    return r;
}

Reply Router::dispatch()
{
    const QString& p = x.path;
    if (p == QLatin1String("/api") || p.startsWith(QLatin1String("/api/")))
        return api(p.mid(4));
    if (p == QLatin1String("/-/jira_connect") || p.startsWith(QLatin1String("/-/jira_connect/")))
        return jiraConnect(p.mid(15));
    if (p == QLatin1String("/users/sign_in") && x.isGet())
        return signInPage();
    if (p.startsWith(QLatin1String("/oauth/")))
        return oauth(p.mid(6));
    return unknownRoute();
}

// ---------------------------------------------------------------------------------------------
// /-/jira_connect

Reply Router::jiraConnect(const QString& sub)
{
    const bool get = x.isGet();
    const QByteArray& m = x.method;
    auto stripJson = [](const QString& path) {
        return path.endsWith(QLatin1String(".json")) ? path.chopped(5) : path;
    };
    const QString route = stripJson(sub);

    // `root to: proc { [404, {}, ['']] }`
    if (sub.isEmpty() || sub == QLatin1String("/")) {
        Reply r;
        r.status = 404;
        return r;
    }
    if (route == QLatin1String("/app_descriptor") && get)
        return appDescriptor();

    if ((sub == QLatin1String("/events/installed") || sub == QLatin1String("/events/uninstalled")) &&
        m == "POST") {
        if (!s.jiraConnectAllowlisted)
            return render404();
        // verify_asymmetric_atlassian_jwt! → head :unauthorized (no valid JWT can reach the fake).
        return head(401);
    }

    if (route == QLatin1String("/oauth_application_id")) {
        if (m == "OPTIONS")
            return corsPreflightCheck("GET, OPTIONS");
        if (get) {
            const QString key = settingString(QStringLiteral("jira_connect_application_key"));
            if (key.trimmed().isEmpty())
                return head(404);
            return railsJson(200, QJsonObject{{"application_id", key}});
        }
    }

    if (sub == QLatin1String("/oauth_callbacks") && get) {
        return html(200, "<!DOCTYPE html>\n<html>\n<head>\n<title>GitLab</title>\n</head>\n<body>\n"
                         "<div class=\"js-jira-connect-oauth-callbacks\" data-state=\"\"></div>\n"
                         "<p>You can close this window.</p>\n</body>\n</html>\n");
    }

    static const QRegularExpression publicKey(QStringLiteral("^/public_keys/([^/.]+)$"));
    if (const auto match = publicKey.match(sub); match.hasMatch() && get) {
        const bool storage =
            s.settings.value(QStringLiteral("jira_connect_public_key_storage_enabled")).toBool();
        if (!storage || !s.publicKeys.contains(match.captured(1)))
            return render404();
        Reply r;
        r.setHeader("Content-Type", "text/plain; charset=utf-8");
        r.setHeader("Cache-Control", "max-age=0, private, must-revalidate");
        r.body = s.publicKeys.value(match.captured(1)).toUtf8();
        return r;
    }

    if (route == QLatin1String("/subscriptions")) {
        if (m == "OPTIONS")
            return corsPreflightCheck("GET, OPTIONS");
        if (get || m == "POST")
            return render403();
    }
    static const QRegularExpression subscription(QStringLiteral("^/subscriptions/[^/]+$"));
    if (subscription.match(sub).hasMatch()) {
        if (m == "OPTIONS")
            return corsPreflightCheck("DELETE, OPTIONS");
        if (m == "DELETE")
            return render403();
    }

    if (route == QLatin1String("/installations") && (get || m == "PUT"))
        return render403();
    if (sub == QLatin1String("/branches/new") && get)
        return redirectToSignIn(); // authenticate_user!
    if ((route == QLatin1String("/branches/route") || route == QLatin1String("/workspaces/search") ||
         route == QLatin1String("/repositories/search")) &&
        get)
        return render403();
    if (route == QLatin1String("/repositories/associate") && m == "POST")
        return render403();

    return unknownRoute();
}

// OPTIONS without Access-Control-Request-Method reaches the Rails controller (a real browser
// preflight never does: rack-cors answers it first). It answers with the *setting* as
// Access-Control-Allow-Origin, whatever Origin was sent (spec: Origin http://notgitlab.com →
// ACAO https://gitlab.com), and 404 when no proxy URL is set.
Reply Router::corsPreflightCheck(const QByteArray& methods) const
{
    if (!settingPresent(QStringLiteral("jira_connect_proxy_url")))
        return render404();
    Reply r;
    r.setHeader("Content-Type", "text/plain; charset=utf-8");
    r.setHeader("Access-Control-Allow-Origin",
                settingString(QStringLiteral("jira_connect_proxy_url")).toUtf8());
    r.setHeader("Access-Control-Allow-Methods", methods);
    return r;
}

Reply Router::appDescriptor() const
{
    const QString host = gitlabHost();
    const QString key = QString(QStringLiteral("gitlab-jira-connect-") + host).left(64);
    const QString displayName = host == QLatin1String("gitlab.com") ? QStringLiteral("GitLab")
                                                                    : QStringLiteral("GitLab (%1)").arg(host);
    const QString logoUrl = requestUrl(QStringLiteral(
        "/assets/gitlab_logo-2957169c8ef64c58616a1ac3f4fc626e8a35ce4eb3ed31bb0d873712f2a041a0.png"));
    const QString homeUrl = QStringLiteral("https://gitlab.com");
    const QString docUrl = QStringLiteral("https://docs.gitlab.com/ee/integration/jira/");

    auto provider = [&](const char* moduleKey, const char* name) {
        return QJsonObject{{"homeUrl", homeUrl},
                           {"logoUrl", logoUrl},
                           {"documentationUrl", docUrl},
                           {"actions", QJsonObject{}},
                           {"name", QJsonObject{{"value", QString::fromLatin1(name)}}},
                           {"key", QString::fromLatin1(moduleKey)}};
    };
    auto action = [&](const QString& url) {
        return QJsonObject{{"templateUrl", url}};
    };

    const QJsonObject modules{
        {"postInstallPage", QJsonObject{{"key", "gitlab-configuration"},
                                        {"name", QJsonObject{{"value", "GitLab Configuration"}}},
                                        {"url", "/subscriptions"},
                                        {"conditions", QJsonArray{QJsonObject{{"condition", "user_is_admin"},
                                                                              {"invert", false}}}}}},
        {"jiraDevelopmentTool",
         QJsonObject{
             {"actions",
              QJsonObject{
                  {"createBranch",
                   action(requestUrl(QStringLiteral("/-/jira_connect/branches/route")) +
                          QStringLiteral(
                              "?issue_key={issue.key}&issue_summary={issue.summary}&jwt={jwt}&addonkey=") +
                          key)},
                  {"searchConnectedWorkspaces",
                   action(requestUrl(QStringLiteral("/-/jira_connect/workspaces/search")))},
                  {"searchRepositories",
                   action(requestUrl(QStringLiteral("/-/jira_connect/repositories/search")))},
                  {"associateRepository",
                   action(requestUrl(QStringLiteral("/-/jira_connect/repositories/associate")))}}},
             {"key", "gitlab-development-tool"},
             {"application", QJsonObject{{"value", displayName}}},
             {"name", QJsonObject{{"value", displayName}}},
             {"url", homeUrl},
             {"logoUrl", logoUrl},
             {"capabilities", QJsonArray{"branch", "commit", "pull_request"}}}},
        {"jiraBuildInfoProvider", provider("gitlab-ci", "GitLab CI")},
        {"jiraDeploymentInfoProvider", provider("gitlab-deployments", "GitLab Deployments")},
        {"jiraFeatureFlagInfoProvider", provider("gitlab-feature-flags", "GitLab Feature Flags")},
    };

    const QJsonObject descriptor{
        {"name", QStringLiteral("GitLab for Jira (%1)").arg(host)},
        {"description", "Integrate commits, branches and merge requests from GitLab into Jira"},
        {"key", key},
        {"baseUrl", jiraConnectBaseUrlHttps()},
        {"lifecycle",
         QJsonObject{{"installed", "/events/installed"}, {"uninstalled", "/events/uninstalled"}}},
        {"vendor", QJsonObject{{"name", "GitLab"}, {"url", "https://gitlab.com"}}},
        {"links", QJsonObject{{"documentation",
                               requestUrl(QStringLiteral("/help/integration/jira/development_panel.md"))}}},
        {"authentication", QJsonObject{{"type", "jwt"}}},
        {"modules", modules},
        {"scopes", QJsonArray{"READ", "WRITE", "DELETE"}},
        {"apiVersion", 1},
        {"apiMigrations", QJsonObject{{"context-qsh", true}, {"signed-install", true}, {"gdpr", true}}},
    };
    return railsJson(200, descriptor);
}

// Doorkeeper's token and revoke endpoints (no grant can succeed against the fake).
Reply Router::oauth(const QString& sub) const
{
    Reply r;
    if (sub == QLatin1String("/token") && (x.method == "POST" || x.method == "OPTIONS")) {
        QUrlQuery form = x.query;
        for (const auto& [k, v] : decodeForm(x.body))
            form.addQueryItem(k, v);
        const QString grant = form.queryItemValue(QStringLiteral("grant_type"));
        const QString clientId = form.queryItemValue(QStringLiteral("client_id"));
        const bool knownClient =
            std::any_of(s.applications.cbegin(), s.applications.cend(),
                        [&clientId](const FakeGitLabApplication& a) { return a.uid == clientId; });
        if (grant.isEmpty())
            r = railsJson(400, QJsonObject{{"error", "invalid_request"},
                                           {"error_description", "Missing required parameter: grant_type."}});
        else if (!knownClient)
            r = railsJson(401,
                          QJsonObject{{"error", "invalid_client"},
                                      {"error_description",
                                       "Client authentication failed due to unknown client, no client "
                                       "authentication included, or unsupported authentication method."}});
        else
            r = railsJson(
                400, QJsonObject{{"error", "invalid_grant"},
                                 {"error_description",
                                  "The provided authorization grant is invalid, expired, revoked, does not "
                                  "match the redirection URI used in the authorization request, or was "
                                  "issued to another client."}});
        r.setHeader("Cache-Control", "no-store");
        r.setHeader("Pragma", "no-cache");
        return r;
    }
    if (sub == QLatin1String("/revoke") && (x.method == "POST" || x.method == "OPTIONS"))
        return railsJson(200, QJsonObject{});
    return unknownRoute();
}

// ---------------------------------------------------------------------------------------------
// /api/v4

bool Router::effectiveAdmin(const FakeGitLabToken& token) const
{
    // With Admin Mode on, only a token carrying the admin_mode scope gets admin rights.
    return token.user.isAdmin && (!adminMode() || token.scopes.contains(QStringLiteral("admin_mode")));
}

// API::APIGuard + Gitlab::Auth::AuthFinders. The token is looked up like a PAT: the private_token
// parameter, the PRIVATE-TOKEN header, then a Bearer token (or access_token parameter).
Router::Auth Router::authenticate(const QStringList& endpointScopes, bool anyScope)
{
    Auth auth;
    QString value = x.query.queryItemValue(QStringLiteral("private_token"), QUrl::FullyDecoded);
    if (value.isEmpty())
        value = QString::fromUtf8(x.header("PRIVATE-TOKEN"));
    if (value.isEmpty()) {
        const QByteArray authorization = x.header("Authorization").trimmed();
        if (authorization.left(7).compare("Bearer ", Qt::CaseInsensitive) == 0)
            value = QString::fromUtf8(authorization.mid(7).trimmed());
    }
    if (value.isEmpty())
        value = x.query.queryItemValue(QStringLiteral("access_token"), QUrl::FullyDecoded);

    if (value.isEmpty() || !s.tokens.contains(value)) {
        auth.failure = apiMessage(401, QStringLiteral("401 Unauthorized"));
        return auth;
    }
    FakeGitLabToken& token = s.tokens[value];

    // rack-oauth2's Bearer::Unauthorized: JSON error plus a WWW-Authenticate header.
    auto invalidToken = [](const char* description) {
        Reply r = apiJson(401, QJsonObject{{"error", "invalid_token"}, {"error_description", description}});
        r.setHeader("WWW-Authenticate",
                    QByteArray("Bearer realm=\"Protected by OAuth 2.0\", error=\"invalid_token\", "
                               "error_description=\"") +
                        description + "\"");
        return r;
    };
    const QDate today = suiteNow().date();
    if (token.expiresAt.isValid() && token.expiresAt <= today) {
        auth.failure = invalidToken("Token is expired. You can either do re-authorization or token refresh.");
        return auth;
    }
    if (token.revoked) {
        auth.failure = invalidToken("Token was revoked. You have to re-authorize from the user.");
        return auth;
    }

    // Scopes: the endpoint's own plus API::API's (api; read_api for GET/HEAD).
    QStringList allowed = endpointScopes;
    allowed << QStringLiteral("api");
    if (x.isGet())
        allowed << QStringLiteral("read_api");
    const bool sufficient =
        anyScope || std::any_of(token.scopes.cbegin(), token.scopes.cend(),
                                [&allowed](const QString& sc) { return allowed.contains(sc); });
    if (!sufficient) {
        QStringList named = endpointScopes;
        named << QStringLiteral("api") << QStringLiteral("read_api");
        auth.failure =
            apiJson(403, QJsonObject{{"error", "insufficient_scope"},
                                     {"error_description",
                                      "The request requires higher privileges than provided by the "
                                      "access token."},
                                     {"scope", named.join(QLatin1Char(' '))}});
        return auth;
    }
    token.lastUsedAt = suiteNow();
    auth.token = &token;
    return auth;
}

// Grape params: the query string, then the body (form or JSON; the body wins).
std::optional<QJsonObject> Router::params(Reply* error) const
{
    QJsonObject out;
    for (const auto& [k, v] : decodeForm(x.query.query(QUrl::FullyEncoded).toUtf8()))
        out.insert(k, v);
    const QByteArray mediaType = x.header("Content-Type").split(';').first().trimmed().toLower();
    if (mediaType == "application/json") {
        if (x.body.trimmed().isEmpty())
            return out;
        QJsonParseError parseError{};
        const QJsonDocument doc = QJsonDocument::fromJson(x.body, &parseError);
        if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
            *error = apiJson(400, QJsonObject{{"error", "message body does not match declared format"}});
            return std::nullopt;
        }
        const QJsonObject body = doc.object();
        for (auto it = body.begin(); it != body.end(); ++it)
            out.insert(it.key(), it.value());
    } else if (mediaType == "application/x-www-form-urlencoded" ||
               (mediaType.isEmpty() && x.method == "POST")) {
        for (const auto& [k, v] : decodeForm(x.body))
            out.insert(k, v);
    }
    return out;
}

Reply Router::api(QString sub)
{
    if (!sub.startsWith(QLatin1String("/v4/")) && sub != QLatin1String("/v4"))
        return apiMessage(404, QStringLiteral("404 Not Found"));
    sub = sub.mid(3);
    if (sub.endsWith(QLatin1String(".json")))
        sub.chop(5);
    const bool get = x.isGet();
    const QByteArray& m = x.method;

    if ((sub == QLatin1String("/version") && get) ||
        (sub == QLatin1String("/metadata") && get && atLeast(15, 2))) {
        Auth auth = authenticate({QStringLiteral("read_user"), QStringLiteral("ai_features")});
        if (auth.failure)
            return *auth.failure;
        return metadata(sub == QLatin1String("/version") && !atLeast(15, 5));
    }
    if (sub == QLatin1String("/user") && get) {
        Auth auth = authenticate({QStringLiteral("read_user")});
        if (auth.failure)
            return *auth.failure;
        return userJson(*auth.token);
    }
    if (sub == QLatin1String("/personal_access_tokens/self") && get && atLeast(15, 1)) {
        Auth auth = authenticate({}, true);
        if (auth.failure)
            return *auth.failure;
        return personalAccessTokenSelf(*auth.token);
    }

    // lib/api/integrations/jira_forge/installations.rb: authenticated by a Forge Invocation Token
    // only (a GitLab token is not even looked at); without a valid one, unauthorized!(…).
    if (forgeSupported() &&
        ((sub == QLatin1String("/integrations/jira_forge/installation") && m == "PUT") ||
         (sub == QLatin1String("/integrations/jira_forge/installation/forge_token") && m == "POST")))
        return apiMessage(401,
                          QStringLiteral("401 Unauthorized - Forge invocation token authentication failed"));

    const bool settings = sub == QLatin1String("/application/settings") && (get || m == "PUT");
    static const QRegularExpression appRoute(QStringLiteral("^/applications(?:/([^/]+)(/renew-secret)?)?$"));
    const auto appMatch = appRoute.match(sub);
    const bool apps = appMatch.hasMatch() &&
                      ((appMatch.captured(1).isEmpty() && (get || m == "POST")) ||
                       (!appMatch.captured(1).isEmpty() && appMatch.captured(2).isEmpty() && m == "DELETE") ||
                       (!appMatch.captured(2).isEmpty() && m == "POST" && atLeast(16, 11)));
    if (!settings && !apps)
        return apiMessage(404, QStringLiteral("404 Not Found"));

    // before { authenticated_as_admin! }
    Auth auth = authenticate({});
    if (auth.failure)
        return *auth.failure;
    if (!effectiveAdmin(*auth.token))
        return apiMessage(403, QStringLiteral("403 Forbidden"));

    if (settings)
        return get ? apiJson(200, visibleSettings()) : settingsPut();

    if (appMatch.captured(1).isEmpty())
        return get ? applicationsList() : applicationsCreate();

    bool isNumber = false;
    const qint64 id = appMatch.captured(1).toLongLong(&isNumber);
    if (!isNumber)
        return apiJson(400, QJsonObject{{"error", "id is invalid"}});
    const auto it = std::find_if(s.applications.begin(), s.applications.end(),
                                 [id](const FakeGitLabApplication& a) { return a.id == id; });
    if (it == s.applications.end())
        return apiMessage(404, QStringLiteral("404 Application Not Found"));
    if (m == "DELETE") {
        s.applications.erase(it);
        Reply r;
        r.status = 204;
        r.setHeader("Cache-Control", "no-cache");
        return r;
    }
    it->secret = QStringLiteral("gloas-") + randomHex(32);
    return apiJson(200, applicationJson(*it, true));
}

Reply Router::metadata(bool versionOnly) const
{
    QJsonObject out{{"version", s.version}, {"revision", s.revision}};
    if (versionOnly)
        return apiJson(200, out);
    const QUrl external = s.externalUrl;
    QUrl kasUrl = external;
    kasUrl.setScheme(external.scheme() == QLatin1String("https") ? QStringLiteral("wss")
                                                                 : QStringLiteral("ws"));
    kasUrl.setPath(root() + QStringLiteral("/-/kubernetes-agent/"));
    QUrl proxyUrl = external;
    proxyUrl.setPath(root() + QStringLiteral("/-/kubernetes-agent/k8s-proxy/"));
    QString plainVersion = s.version;
    plainVersion.remove(QRegularExpression(QStringLiteral("-(ee|ce)$")));
    if (s.kasEnabled) {
        out.insert(QStringLiteral("kas"), QJsonObject{{"enabled", true},
                                                      {"externalUrl", kasUrl.toString()},
                                                      {"externalK8sProxyUrl", proxyUrl.toString()},
                                                      {"version", plainVersion}});
    } else {
        out.insert(QStringLiteral("kas"), QJsonObject{{"enabled", false},
                                                      {"externalUrl", QJsonValue::Null},
                                                      {"externalK8sProxyUrl", QJsonValue::Null},
                                                      {"version", QJsonValue::Null}});
    }
    out.insert(QStringLiteral("enterprise"), s.version.endsWith(QLatin1String("-ee")));
    return apiJson(200, out);
}

// GET /user: Entities::UserWithAdmin only when the caller can administer (admin, and under Admin
// Mode a token with the admin_mode scope); otherwise Entities::UserPublic, which has no is_admin.
Reply Router::userJson(const FakeGitLabToken& token) const
{
    const FakeGitLabUser& u = token.user;
    const QString created = QStringLiteral("2023-01-10T09:00:00.000Z");
    QJsonObject out{
        {"id", u.id},
        {"username", u.username},
        {"public_email", ""},
        {"name", u.name.isEmpty() ? u.username : u.name},
        {"state", "active"},
        {"locked", false},
        {"avatar_url",
         QStringLiteral("https://secure.gravatar.com/avatar/%1?s=80&d=identicon").arg(randomHex(32))},
        {"web_url", QString(configUrl() + QLatin1Char('/') + u.username)},
        {"created_at", created},
        {"bio", ""},
        {"location", ""},
        {"skype", ""},
        {"linkedin", ""},
        {"twitter", ""},
        {"discord", ""},
        {"website_url", ""},
        {"organization", ""},
        {"job_title", ""},
        {"pronouns", QJsonValue::Null},
        {"bot", false},
        {"work_information", QJsonValue::Null},
        {"local_time", QJsonValue::Null},
        {"last_sign_in_at", created},
        {"confirmed_at", created},
        {"last_activity_on", suiteNow().date().toString(Qt::ISODate)},
        {"email", QString(u.username + QStringLiteral("@example.com"))},
        {"theme_id", 3},
        {"color_scheme_id", 1},
        {"projects_limit", 100000},
        {"current_sign_in_at", created},
        {"identities", QJsonArray{}},
        {"can_create_group", true},
        {"can_create_project", true},
        {"two_factor_enabled", false},
        {"external", false},
        {"private_profile", false},
        {"commit_email", QString(u.username + QStringLiteral("@example.com"))},
    };
    if (effectiveAdmin(token)) {
        out.insert(QStringLiteral("is_admin"), true);
        out.insert(QStringLiteral("note"), QJsonValue::Null);
        out.insert(QStringLiteral("namespace_id"), u.id);
        out.insert(QStringLiteral("created_by"), QJsonValue::Null);
        out.insert(QStringLiteral("email_reset_offered_at"), QJsonValue::Null);
    }
    return apiJson(200, out);
}

Reply Router::personalAccessTokenSelf(const FakeGitLabToken& token) const
{
    return apiJson(
        200, QJsonObject{
                 {"id", token.id},
                 {"name", token.name},
                 {"revoked", token.revoked},
                 {"created_at", isoTime(token.createdAt)},
                 {"description", token.description},
                 {"scopes", QJsonArray::fromStringList(token.scopes)},
                 {"user_id", token.user.id},
                 {"last_used_at", token.lastUsedAt.isValid() ? QJsonValue(isoTime(token.lastUsedAt))
                                                             : QJsonValue(QJsonValue::Null)},
                 {"active", true}, // an inactive token never gets this far
                 {"expires_at", token.expiresAt.isValid() ? QJsonValue(token.expiresAt.toString(Qt::ISODate))
                                                          : QJsonValue(QJsonValue::Null)},
             });
}

Reply Router::settingsPut()
{
    Reply error;
    const std::optional<QJsonObject> p = params(&error);
    if (!p)
        return error;

    // Grape: declared attributes only (unknown keys are dropped), coerced; then at_least_one_of.
    QStringList declared;
    QStringList grapeErrors;
    QJsonObject changes;
    for (const SettingAttribute& attribute : settingAttributes()) {
        const QString name = QString::fromLatin1(attribute.name);
        if ((name == kAdditionalAudience && !atLeast(17, 7)) || (name == kForgeAppId && !forgeSupported()))
            continue;
        declared << name;
        if (!p->contains(name))
            continue;
        std::optional<QJsonValue> value;
        switch (attribute.type) {
        case ParamType::String:
            value = coerceString(p->value(name));
            break;
        case ParamType::Bool:
            value = coerceBool(p->value(name));
            break;
        case ParamType::Int:
            value = coerceInt(p->value(name));
            break;
        }
        if (!value)
            grapeErrors << name + QStringLiteral(" is invalid");
        else
            changes.insert(name, *value);
    }
    if (changes.isEmpty() && grapeErrors.isEmpty())
        grapeErrors << declared.join(QStringLiteral(", ")) +
                           QStringLiteral(" are missing, at least one parameter must be provided");
    if (!grapeErrors.isEmpty())
        return apiJson(400, QJsonObject{{"error", grapeErrors.join(QStringLiteral(", "))}});

    // ApplicationSetting validations (render_validation_error! → 400 {"message": {...}}).
    QJsonObject invalid;
    auto addError = [&invalid](const QString& key, const QString& message) {
        QJsonArray list = invalid.value(key).toArray();
        list.append(message);
        invalid.insert(key, list);
    };
    for (const QString& key : {QStringLiteral("jira_connect_application_key"),
                               QStringLiteral("jira_connect_proxy_url"), kAdditionalAudience}) {
        if (!changes.contains(key) || !changes.value(key).isString())
            continue;
        QString value = changes.value(key).toString();
        if (key != QLatin1String("jira_connect_application_key")) {
            value = value.trimmed(); // AddressableUrlValidator strips the attribute
            changes.insert(key, value);
        }
        if (value.trimmed().isEmpty())
            continue; // allow_blank: true
        if (value.size() > 255)
            addError(key, QStringLiteral("is too long (maximum is 255 characters)"));
        if (key != QLatin1String("jira_connect_application_key")) {
            const QString blocked = publicUrlError(value, s.dnsOverrides);
            if (!blocked.isEmpty())
                addError(key, blocked);
        }
    }
    if (!invalid.isEmpty())
        return apiJson(400, QJsonObject{{"message", invalid}});

    for (auto it = changes.begin(); it != changes.end(); ++it)
        s.settings.insert(it.key(), it.value());
    s.settings.insert(QStringLiteral("updated_at"), isoTime(suiteNow()));
    return apiJson(200, visibleSettings());
}

QJsonObject Router::applicationJson(const FakeGitLabApplication& app, bool withSecret) const
{
    QJsonObject out{{"id", app.id},
                    {"application_id", app.uid},
                    {"application_name", app.name},
                    {"callback_url", app.redirectUri},
                    {"confidential", app.confidential}};
    if (withSecret)
        out.insert(QStringLiteral("secret"), app.secret);
    else if (s.listApplicationScopes)
        out.insert(QStringLiteral("scopes"),
                   QJsonArray::fromStringList(app.scopes.split(QLatin1Char(' '), Qt::SkipEmptyParts)));
    return out;
}

Reply Router::applicationsList() const
{
    QList<FakeGitLabApplication> apps = s.applications;
    std::sort(apps.begin(), apps.end(),
              [](const FakeGitLabApplication& a, const FakeGitLabApplication& b) { return a.id < b.id; });
    if (!s.paginateApplications) {
        QJsonArray all;
        for (const auto& app : apps)
            all.append(applicationJson(app, false));
        return apiJson(200, all);
    }

    // Gitlab::Pagination::OffsetPagination + OffsetHeaderBuilder.
    bool ok = false;
    int page = x.query.queryItemValue(QStringLiteral("page")).toInt(&ok);
    if (!ok || page < 1)
        page = 1;
    int perPage = x.query.queryItemValue(QStringLiteral("per_page")).toInt(&ok);
    if (!ok || perPage < 1)
        perPage = 20;
    perPage = std::min(perPage, 100);
    const int total = static_cast<int>(apps.size());
    const int totalPages = std::max(1, (total + perPage - 1) / perPage);
    QJsonArray items;
    for (int i = (page - 1) * perPage; i < std::min(total, page * perPage); ++i)
        items.append(applicationJson(apps.at(i), false));

    // Link URLs: the request URL with GitLab's configured host and port, params sorted (to_query).
    auto pageUrl = [&](int n) -> QString {
        QList<QPair<QString, QString>> params = decodeForm(x.query.query(QUrl::FullyEncoded).toUtf8());
        params.removeIf([](const auto& kv) {
            return kv.first == QLatin1String("page") || kv.first == QLatin1String("per_page");
        });
        params << qMakePair(QStringLiteral("page"), QString::number(n))
               << qMakePair(QStringLiteral("per_page"), QString::number(perPage));
        std::sort(params.begin(), params.end());
        QStringList encoded;
        for (const auto& [k, v] : params)
            encoded << QString::fromLatin1(QUrl::toPercentEncoding(k) + '=' + QUrl::toPercentEncoding(v));
        QUrl url;
        url.setScheme(requestScheme());
        url.setHost(s.externalUrl.host());
        url.setPort(s.externalUrl.port());
        url.setPath(x.fullPath);
        return url.toString() + QLatin1Char('?') + encoded.join(QLatin1Char('&'));
    };
    QStringList links;
    if (page > 1)
        links << QStringLiteral("<%1>; rel=\"prev\"").arg(pageUrl(page - 1));
    if (page < totalPages)
        links << QStringLiteral("<%1>; rel=\"next\"").arg(pageUrl(page + 1));
    links << QStringLiteral("<%1>; rel=\"first\"").arg(pageUrl(1));
    links << QStringLiteral("<%1>; rel=\"last\"").arg(pageUrl(totalPages));

    Reply r = apiJson(200, items);
    r.setHeader("Link", links.join(QStringLiteral(", ")).toUtf8());
    r.setHeader("X-Next-Page", page < totalPages ? QByteArray::number(page + 1) : QByteArray());
    r.setHeader("X-Page", QByteArray::number(page));
    r.setHeader("X-Per-Page", QByteArray::number(perPage));
    r.setHeader("X-Prev-Page", page > 1 ? QByteArray::number(page - 1) : QByteArray());
    r.setHeader("X-Total", QByteArray::number(total));
    r.setHeader("X-Total-Pages", QByteArray::number(totalPages));
    return r;
}

Reply Router::applicationsCreate()
{
    Reply error;
    const std::optional<QJsonObject> p = params(&error);
    if (!p)
        return error;

    // Grape: requires name, redirect_uri (String), scopes (String, allow_blank: false);
    // optional confidential (Boolean, default true).
    QStringList grapeErrors;
    QJsonObject values;
    for (const char* required : {"name", "redirect_uri", "scopes"}) {
        const QString name = QString::fromLatin1(required);
        if (!p->contains(name)) {
            grapeErrors << name + QStringLiteral(" is missing");
            continue;
        }
        const std::optional<QJsonValue> value = coerceString(p->value(name));
        if (!value) {
            grapeErrors << name + QStringLiteral(" is invalid");
            continue;
        }
        if (name == QLatin1String("scopes") && value->toString().trimmed().isEmpty()) {
            grapeErrors << name + QStringLiteral(" is empty");
            continue;
        }
        values.insert(name, *value);
    }
    bool confidential = true;
    if (p->contains(QStringLiteral("confidential"))) {
        const std::optional<QJsonValue> value = coerceBool(p->value(QStringLiteral("confidential")));
        if (!value)
            grapeErrors << QStringLiteral("confidential is invalid");
        else if (!value->isNull())
            confidential = value->toBool();
    }
    if (!grapeErrors.isEmpty())
        return apiJson(400, QJsonObject{{"error", grapeErrors.join(QStringLiteral(", "))}});

    // Doorkeeper::Application validations.
    QJsonObject invalid;
    const QString name = values.value(QStringLiteral("name")).toString();
    const QString redirect = values.value(QStringLiteral("redirect_uri")).toString();
    const QString scopes = values.value(QStringLiteral("scopes")).toString();
    if (name.trimmed().isEmpty())
        invalid.insert(QStringLiteral("name"), QJsonArray{"can't be blank"});
    if (redirect.trimmed().isEmpty()) {
        invalid.insert(QStringLiteral("redirect_uri"), QJsonArray{"can't be blank"});
    } else {
        for (const QString& uri :
             redirect.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts)) {
            const QUrl url(uri, QUrl::StrictMode);
            QString problem;
            if (!url.isValid())
                problem = QStringLiteral("must be a valid URI.");
            else if (url.hasFragment())
                problem = QStringLiteral("cannot contain a fragment.");
            else if (url.scheme().isEmpty() || url.isRelative())
                problem = QStringLiteral("must be an absolute URI.");
            if (!problem.isEmpty()) {
                invalid.insert(QStringLiteral("redirect_uri"), QJsonArray{problem});
                break;
            }
        }
    }
    const QStringList requested = scopes.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (!std::all_of(requested.cbegin(), requested.cend(),
                     [](const QString& sc) { return knownOauthScopes().contains(sc); }))
        invalid.insert(QStringLiteral("scopes"), QJsonArray{"doesn't match configured on the server."});
    if (!invalid.isEmpty())
        return apiJson(400, QJsonObject{{"message", invalid}});

    FakeGitLabApplication app;
    qint64 maxId = s.lastApplicationId;
    for (const auto& existing : s.applications)
        maxId = std::max(maxId, existing.id);
    app.id = maxId + 1;
    s.lastApplicationId = app.id;
    app.uid = randomHex(32);
    app.secret = QStringLiteral("gloas-") + randomHex(32);
    app.name = name;
    app.redirectUri = redirect;
    app.scopes = requested.join(QLatin1Char(' '));
    app.confidential = confidential;
    s.applications.append(app);
    return apiJson(201, applicationJson(app, true));
}

// ---------------------------------------------------------------------------------------------
// rack-cors around the Rails app (paths are inside the relative root, like PATH_INFO).

bool originAllowed(const CorsResource& r, const QByteArray& origin, const FakeGitLabState& s)
{
    switch (r.origins) {
    case CorsResource::Origins::Any:
        return true;
    case CorsResource::Origins::ExternalUrl:
        return QString::fromUtf8(origin) == s.externalUrl.adjusted(QUrl::StripTrailingSlash).toString();
    case CorsResource::Origins::ProxyUrl: {
        // `source == Gitlab::CurrentSettings.jira_connect_proxy_url`: a plain string comparison.
        const QJsonValue proxy = s.settings.value(QStringLiteral("jira_connect_proxy_url"));
        return proxy.isString() && proxy.toString() == QString::fromUtf8(origin);
    }
    }
    return false;
}

const CorsResource* matchCors(const QString& path, const QByteArray& origin, const FakeGitLabState& s)
{
    for (const CorsResource& r : corsResources()) {
        if (originAllowed(r, origin, s) && corsPathMatches(r.path, path))
            return &r;
    }
    return nullptr;
}

const CorsResource* corsResourceForPath(const QString& path)
{
    for (const CorsResource& r : corsResources()) {
        if (corsPathMatches(r.path, path))
            return &r;
    }
    return nullptr;
}

Headers corsHeaders(const CorsResource& r, const QByteArray& origin)
{
    QStringList upper;
    for (const QString& method : r.methods)
        upper << method.toUpper();
    Headers h{
        {"Access-Control-Allow-Origin", r.origins == CorsResource::Origins::Any ? QByteArray("*") : origin},
        {"Access-Control-Allow-Methods", upper.join(QStringLiteral(", ")).toLatin1()},
        {"Access-Control-Expose-Headers", r.expose},
        {"Access-Control-Max-Age", "7200"}};
    if (r.credentials)
        h.emplaceBack("Access-Control-Allow-Credentials", "true");
    return h;
}

// A browser preflight (OPTIONS + Origin + Access-Control-Request-Method) never reaches Rails:
// rack-cors answers 200 with an empty body, with CORS headers only when a resource allows the
// origin, the requested method and the requested headers.
Reply corsPreflight(const Exchange& x, const FakeGitLabState& s)
{
    Reply r;
    const QByteArray origin = x.header("Origin");
    const CorsResource* resource = matchCors(x.path, origin, s);
    if (!resource)
        return r;
    const QString method = QString::fromLatin1(x.header("Access-Control-Request-Method")).trimmed().toLower();
    if (!resource->methods.contains(method))
        return r;
    const QByteArray requestHeaders = x.header("Access-Control-Request-Headers");
    if (x.has("Access-Control-Request-Headers") && !resource->anyHeaders) {
        static const QStringList simple{"accept", "accept-language", "content-language", "content-type"};
        for (const QString& header :
             QString::fromLatin1(requestHeaders).split(QRegularExpression(QStringLiteral(",\\s*")))) {
            const QString h = header.trimmed().toLower();
            if (!simple.contains(h) && !resource->headers.contains(h))
                return r;
        }
    }
    r.headers = corsHeaders(*resource, origin);
    if (x.has("Access-Control-Request-Headers"))
        r.setHeader("Access-Control-Allow-Headers", requestHeaders);
    return r;
}

bool noBodyStatus(int status)
{
    return (status >= 100 && status < 200) || status == 204 || status == 304;
}

} // namespace

// ---------------------------------------------------------------------------------------------

QByteArray FakeGitLabRequest::header(const QByteArray& name) const
{
    return headerIn(headers, name);
}

bool FakeGitLabRequest::hasHeader(const QByteArray& name) const
{
    return hasHeaderIn(headers, name);
}

QJsonObject FakeGitLabState::defaultSettings()
{
    return QJsonObject{
        {"id", 1},
        {"admin_mode", false},
        {"after_sign_out_path", QJsonValue::Null},
        {"after_sign_up_text", QJsonValue::Null},
        {"allow_local_requests_from_system_hooks", true},
        {"allow_local_requests_from_web_hooks_and_services", false},
        {"created_at", "2023-01-10T09:00:00.000Z"},
        {"default_branch_protection", 2},
        {"default_group_visibility", "private"},
        {"default_project_visibility", "private"},
        {"default_projects_limit", 100000},
        {"default_snippet_visibility", "private"},
        {"deny_all_requests_except_allowed", false},
        {"disabled_oauth_sign_in_sources", QJsonArray{}},
        {"domain_allowlist", QJsonValue::Null},
        {"domain_denylist", QJsonValue::Null},
        {"domain_denylist_enabled", false},
        {"external_authorization_service_enabled", false},
        {"gravatar_enabled", true},
        {"help_page_text", QJsonValue::Null},
        {"home_page_url", QJsonValue::Null},
        {"import_sources", QJsonArray{"github", "bitbucket", "bitbucket_server", "fogbugz", "git",
                                      "gitlab_project", "gitea", "manifest"}},
        {"max_attachment_size", 100},
        {"outbound_local_requests_whitelist", QJsonArray{}},
        {"password_authentication_enabled_for_git", true},
        {"password_authentication_enabled_for_web", true},
        {"require_admin_approval_after_user_signup", true},
        {"require_two_factor_authentication", false},
        {"restricted_visibility_levels", QJsonArray{}},
        {"session_expire_delay", 10080},
        {"sign_in_text", QJsonValue::Null},
        {"signup_enabled", true},
        {"two_factor_grace_period", 48},
        {"updated_at", "2025-01-20T12:00:00.000Z"},
        {"usage_ping_enabled", true},
        {"user_oauth_applications", true},
        {"version_check_enabled", true},
        {"jira_connect_application_key", QJsonValue::Null},
        {"jira_connect_proxy_url", QJsonValue::Null},
        {"jira_connect_public_key_storage_enabled", false},
        {"jira_connect_additional_audience_url", QJsonValue::Null},
    };
}

FakeGitLab::FakeGitLab(QObject* parent)
    : QObject(parent)
    , m_server(std::make_unique<QHttpServer>())
{
    m_state.settings = FakeGitLabState::defaultSettings();
    // No routes: every request goes to the "missing" handler, which gives full control over
    // method, status and headers (QHttpServer's router cannot express rack-cors or Rails formats).
    m_server->setMissingHandler([this](const QHttpServerRequest& request, QHttpServerResponder&& responder) {
        handle(request, std::move(responder));
    });
}

FakeGitLab::~FakeGitLab() = default;

bool FakeGitLab::listen(quint16 port)
{
    m_port = listenOnLoopback(*m_server, port);
    return m_port != 0;
}

QUrl FakeGitLab::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(relativeRoot()));
}

QString FakeGitLab::relativeRoot() const
{
    QString path = m_state.externalUrl.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    return path;
}

bool FakeGitLab::versionAtLeast(int major, int minor, int patch) const
{
    return atLeast(m_state.version, major, minor, patch);
}

QJsonValue FakeGitLab::setting(const QString& key) const
{
    return m_state.settings.value(key);
}

void FakeGitLab::setSetting(const QString& key, const QJsonValue& value)
{
    m_state.settings.insert(key, value);
}

QString FakeGitLab::addToken(const QString& value, FakeGitLabToken token)
{
    if (token.id == 0) {
        qint64 maxId = 0;
        for (const auto& existing : std::as_const(m_state.tokens))
            maxId = std::max(maxId, existing.id);
        token.id = maxId + 1;
    }
    if (token.name.isEmpty())
        token.name = QStringLiteral("token-%1").arg(token.id);
    if (!token.createdAt.isValid())
        token.createdAt = suiteNow().addDays(-1);
    m_state.tokens.insert(value, token);
    return value;
}

QString FakeGitLab::addAdminToken(const QString& value, const QStringList& scopes)
{
    FakeGitLabToken token;
    token.user.isAdmin = true;
    token.user.name = QStringLiteral("Administrator");
    token.scopes = scopes;
    return addToken(value, token);
}

FakeGitLabApplication FakeGitLab::addApplication(FakeGitLabApplication application)
{
    if (application.id == 0) {
        qint64 maxId = m_state.lastApplicationId;
        for (const auto& existing : std::as_const(m_state.applications))
            maxId = std::max(maxId, existing.id);
        application.id = maxId + 1;
    }
    m_state.lastApplicationId = std::max(m_state.lastApplicationId, application.id);
    if (application.uid.isEmpty())
        application.uid = randomHex(32);
    if (application.secret.isEmpty())
        application.secret = QStringLiteral("gloas-") + randomHex(32);
    m_state.applications.append(application);
    return application;
}

void FakeGitLab::failNext(const QByteArray& method, const QString& path, const FakeGitLabFailure& failure,
                          int times)
{
    m_failures.add(method, path, failure, times);
}

void FakeGitLab::clearFailures()
{
    m_failures.clear();
}

QList<FakeGitLabRequest> FakeGitLab::requestsTo(const QString& pathInsideRoot) const
{
    const QString full = relativeRoot() + pathInsideRoot;
    QList<FakeGitLabRequest> out;
    for (const auto& request : m_requests) {
        if (request.path == full)
            out.append(request);
    }
    return out;
}

void FakeGitLab::handle(const QHttpServerRequest& request, QHttpServerResponder&& responder)
{
    Exchange x;
    x.method = methodName(request.method());
    x.fullPath = request.url().path();
    x.query = request.query();
    x.headers = request.headers();
    x.body = request.body();

    FakeGitLabRequest logged;
    logged.method = x.method;
    logged.path = x.fullPath;
    logged.query = request.url().query(QUrl::FullyEncoded);
    logged.headers = x.headers;
    logged.body = x.body;
    m_requests.append(logged);
    const int index = static_cast<int>(m_requests.size() - 1);

    const QString root = relativeRoot();
    const bool insideRoot =
        root.isEmpty() || x.fullPath == root || x.fullPath.startsWith(root + QLatin1Char('/'));
    if (insideRoot) {
        x.path = x.fullPath.mid(root.size());
        if (x.path.isEmpty())
            x.path = QStringLiteral("/");
    }

    Reply reply;
    if (const std::optional<FakeGitLabFailure> failure = m_failures.take(logged, x.path)) {
        switch (failure->kind) {
        case FakeGitLabFailure::Kind::DropConnection:
            if (QTcpSocket* socket = responder.socket())
                socket->abort();
            emit requestHandled(index);
            return;
        case FakeGitLabFailure::Kind::Stall:
            emit requestHandled(index);
            return;
        case FakeGitLabFailure::Kind::Status:
            reply.status = failure->status;
            if (!failure->contentType.isEmpty())
                reply.setHeader("Content-Type", failure->contentType);
            reply.body = failure->body;
            break;
        }
    } else if (!insideRoot) {
        // Rack::URLMap in config.ru maps only the relative root to the Rails app.
        reply.status = 404;
        reply.setHeader("Content-Type", "text/plain");
        reply.setHeader("X-Cascade", "pass");
        reply.body = "Not Found: " + x.fullPath.toUtf8();
    } else if (x.method == "OPTIONS" && x.has("Origin") && x.has("Access-Control-Request-Method")) {
        reply = corsPreflight(x, m_state);
    } else {
        Router router(m_state, x);
        reply = router.dispatch();
        // rack-cors on the way out: its headers under the app's (the app's win), and
        // `Vary: Origin` whenever a CORS resource covers the path.
        if (x.has("Origin")) {
            if (const CorsResource* resource = matchCors(x.path, x.header("Origin"), m_state)) {
                for (const auto& [name, value] : corsHeaders(*resource, x.header("Origin"))) {
                    if (!reply.hasHeader(name))
                        reply.headers.emplaceBack(name, value);
                }
            }
        }
        if (corsResourceForPath(x.path)) {
            const QByteArray vary = reply.header("Vary");
            if (vary.isEmpty())
                reply.setHeader("Vary", "Origin");
            else if (!vary.contains("Origin"))
                reply.setHeader("Vary", vary + ", Origin");
        }
    }

    // What every GitLab response carries (Workhorse/Rails).
    const QByteArray requestId = randomHex(13).toUpper().toLatin1();
    reply.headers.emplaceBack("X-Request-Id", requestId);
    reply.headers.emplaceBack("X-Gitlab-Meta",
                              "{\"correlation_id\":\"" + requestId + "\",\"version\":\"1\"}");
    reply.headers.emplaceBack("X-Content-Type-Options", "nosniff");
    reply.headers.emplaceBack("X-Frame-Options", "SAMEORIGIN");
    reply.headers.emplaceBack("Referrer-Policy", "strict-origin-when-cross-origin");
    reply.headers.emplaceBack("X-Runtime", "0.012345");

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
