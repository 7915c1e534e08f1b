// SPDX-License-Identifier: GPL-3.0-or-later
#include "probecatalogue.h"

#include "dnsprobe.h"
#include "httpprobe.h"
#include "runcontext.h"
#include "tcpprobe.h"
#include "tlsprobe.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace gjd {

namespace {

// An anonymous request to the URL Jira Cloud and GitLab.com use, over the address DNS gave.
HttpProbe::Builder anonymous(const QByteArray& method, const QString& path, HttpHeaders headers = {},
                             int maxRedirects = 0)
{
    return [=](const RunContext& ctx) -> std::optional<HttpRequest> {
        HttpRequest r;
        r.method = method;
        r.url = QUrl(ctx.target().toString() + path);
        r.headers = headers;
        r.maxRedirects = maxRedirects;
        r.proxy = ctx.options.proxy;
        // Through a proxy, the proxy resolves the name: the addresses found here do not matter.
        const bool proxied = ctx.proxyFor(ctx.target().host(), ctx.target().port()).has_value();
        if (!proxied && ctx.dns && !ctx.dns->addresses.isEmpty()) {
            r.address = ctx.dns->addresses.constFirst();
            r.fallbackAddresses = ctx.dns->addresses.mid(1);
            r.connectTimeoutMs = std::max(500, ctx.options.probeTimeoutMs / int(ctx.dns->addresses.size()));
        }
        return r;
    };
}

// An API request with the admin token, to the instance URL (not the public one).
HttpProbe::Builder api(const QString& path)
{
    return [=](const RunContext& ctx) -> std::optional<HttpRequest> {
        if (!ctx.hasToken())
            return std::nullopt;
        return gitlabApiRequest(ctx, "GET", path);
    };
}

// A Jira Cloud REST call with Basic auth (email + API token), to the --jira-site.
HttpProbe::Builder jira(const std::function<QString(const RunContext&)>& pathAndQuery)
{
    return [=](const RunContext& ctx) -> std::optional<HttpRequest> {
        if (!ctx.hasJira())
            return std::nullopt;
        const QString path = pathAndQuery(ctx);
        if (path.isEmpty())
            return std::nullopt;
        HttpRequest r;
        r.url = QUrl(ctx.jiraSite.toString() + path);
        if (const auto override = ctx.resolveFor(ctx.jiraSite.host(), ctx.jiraSite.port()))
            r.address = override->addresses.constFirst();
        r.proxy = ctx.options.proxy;
        r.secretHeaderName = "Authorization";
        r.secretHeaderValue =
            "Basic " +
            QByteArray(ctx.options.jiraEmail.toUtf8() + ':' + ctx.credentials.jiraToken).toBase64();
        r.trustedCas = ctx.options.extraCaCertificates + ctx.options.trustStore;
        r.headers = {{"Accept", "application/json"}};
        return r;
    };
}

std::unique_ptr<Probe> jiraProbe(RunContext& ctx, const QString& id, HttpProbe::Builder builder)
{
    auto probe = std::make_unique<HttpProbe>(ctx, id, std::move(builder));
    probe->setRetryOnRateLimit(true);
    return probe;
}

std::unique_ptr<Probe> http(RunContext& ctx, const QString& id, HttpProbe::Builder builder, int pages = 1)
{
    return std::make_unique<HttpProbe>(ctx, id, std::move(builder), pages);
}

} // namespace

HttpRequest gitlabApiRequest(const RunContext& ctx, const QByteArray& method, const QString& pathAndQuery)
{
    HttpRequest r;
    r.method = method;
    r.url = QUrl(ctx.url.toString() + pathAndQuery);
    if (const auto override = ctx.resolveFor(ctx.url.host(), ctx.url.port()))
        r.address = override->addresses.constFirst();
    r.proxy = ctx.options.proxy;
    r.secretHeaderName = "PRIVATE-TOKEN";
    r.secretHeaderValue = ctx.credentials.gitlabToken;
    // cli.md: the --trust-store roots also count when deciding whether a token may be sent.
    r.trustedCas = ctx.options.extraCaCertificates + ctx.options.trustStore;
    r.headers = {{"Accept", "application/json"}};
    return r;
}

const QList<ProbeSpec>& probeCatalogue()
{
    static const QList<ProbeSpec> specs = [] {
        const QString connect = QStringLiteral("/-/jira_connect");
        const HttpHeaders origin{{"Origin", gitlabComOrigin.toLatin1()}};
        QList<ProbeSpec> list;
        list.append({probe::dns, {}, [](RunContext& c) {
                         return std::make_unique<DnsProbe>(c);
                     }});
        list.append({probe::tcp, {probe::dns}, [](RunContext& c) {
                         return std::make_unique<TcpProbe>(c);
                     }});
        list.append({probe::tls, {probe::dns}, [](RunContext& c) {
                         return std::make_unique<TlsProbe>(c);
                     }});
        // Anonymous HTTP probes start with the TLS handshake: they do not wait for it.
        list.append({probe::signIn, {probe::dns}, [=](RunContext& c) {
                         return http(c, probe::signIn,
                                     anonymous("GET", QStringLiteral("/users/sign_in"),
                                               {{"Accept", "text/html"}}, 10));
                     }});
        list.append({probe::versionAnonymous, {probe::dns}, [=](RunContext& c) {
                         return http(c, probe::versionAnonymous,
                                     anonymous("GET", QStringLiteral("/api/v4/version"),
                                               {{"Accept", "application/json"}}));
                     }});
        list.append({probe::descriptor, {probe::dns}, [=](RunContext& c) {
                         return http(c, probe::descriptor,
                                     anonymous("GET", connect + QStringLiteral("/app_descriptor.json")));
                     }});
        list.append(
            {probe::descriptorDirect, {}, [=](RunContext& c) {
                 return http(
                     c, probe::descriptorDirect, [=](const RunContext& ctx) -> std::optional<HttpRequest> {
                         if (!ctx.publicUrl.isValid())
                             return std::nullopt;
                         HttpRequest r;
                         r.url = QUrl(ctx.url.toString() + connect + QStringLiteral("/app_descriptor.json"));
                         r.proxy = ctx.options.proxy;
                         if (const auto override = ctx.resolveFor(ctx.url.host(), ctx.url.port()))
                             r.address = override->addresses.constFirst();
                         return r;
                     });
             }});
        list.append({probe::installed, {probe::dns}, [=](RunContext& c) {
                         return http(c, probe::installed,
                                     anonymous("POST", connect + QStringLiteral("/events/installed"),
                                               {{"Content-Type", "application/json"}}));
                     }});
        list.append({probe::applicationId, {probe::dns}, [=](RunContext& c) {
                         return http(
                             c, probe::applicationId,
                             anonymous("GET", connect + QStringLiteral("/oauth_application_id"), origin));
                     }});
        list.append({probe::applicationIdPreflight, {probe::dns}, [=](RunContext& c) {
                         return http(
                             c, probe::applicationIdPreflight,
                             anonymous("OPTIONS", connect + QStringLiteral("/oauth_application_id"),
                                       origin + HttpHeaders{{"Access-Control-Request-Method", "GET"}}));
                     }});
        list.append({probe::oauthCallbacks, {probe::dns}, [=](RunContext& c) {
                         return http(c, probe::oauthCallbacks,
                                     anonymous("GET", connect + QStringLiteral("/oauth_callbacks"),
                                               {{"Accept", "text/html"}}));
                     }});
        list.append({probe::oauthTokenPreflight, {probe::dns}, [=](RunContext& c) {
                         return http(c, probe::oauthTokenPreflight,
                                     anonymous("OPTIONS", QStringLiteral("/oauth/token"),
                                               origin + HttpHeaders{{"Access-Control-Request-Method", "POST"},
                                                                    {"Access-Control-Request-Headers",
                                                                     "content-type"}}));
                     }});
        // Native Forge mode only (jira_forge_app_id set, which only the settings show): what Forge
        // calls first, anonymously. GitLab answers 401 when the route reaches it.
        list.append({probe::forgeInstallation, {probe::dns, probe::apiSettings}, [=](RunContext& c) {
                         const auto put = anonymous(
                             "PUT", QStringLiteral("/api/v4/integrations/jira_forge/installation"),
                             {{"Content-Type", "application/json"}, {"Accept", "application/json"}});
                         return http(c, probe::forgeInstallation,
                                     [=](const RunContext& ctx) -> std::optional<HttpRequest> {
                                         const HttpResponse* s = ctx.httpResult(probe::apiSettings);
                                         if (!s || s->status != 200)
                                             return std::nullopt;
                                         const QJsonObject settings =
                                             QJsonDocument::fromJson(s->body).object();
                                         if (settings.value(QStringLiteral("jira_forge_app_id"))
                                                 .toString()
                                                 .trimmed()
                                                 .isEmpty())
                                             return std::nullopt;
                                         auto r = put(ctx);
                                         if (r)
                                             r->body = "{}";
                                         return r;
                                     });
                     }});
        // API calls with the token go to the instance URL and need no DNS probe of the public one.
        list.append({probe::apiVersion, {}, [](RunContext& c) {
                         return http(c, probe::apiVersion, api(QStringLiteral("/api/v4/version")));
                     }});
        list.append({probe::apiUser, {}, [](RunContext& c) {
                         return http(c, probe::apiUser, api(QStringLiteral("/api/v4/user")));
                     }});
        list.append({probe::apiToken, {}, [](RunContext& c) {
                         return http(c, probe::apiToken,
                                     api(QStringLiteral("/api/v4/personal_access_tokens/self")));
                     }});
        list.append({probe::apiSettings, {}, [](RunContext& c) {
                         return http(c, probe::apiSettings,
                                     api(QStringLiteral("/api/v4/application/settings")));
                     }});
        list.append({probe::apiApplications, {}, [](RunContext& c) {
                         return http(c, probe::apiApplications,
                                     api(QStringLiteral("/api/v4/applications?per_page=100")), 20);
                     }});
        list.append({probe::jiraMyself, {}, [](RunContext& c) {
                         return jiraProbe(c, probe::jiraMyself, jira([](const RunContext&) {
                                              return QStringLiteral("/rest/api/3/myself?expand=groups");
                                          }));
                     }});
        list.append({probe::jiraPermissions, {}, [](RunContext& c) {
                         return jiraProbe(c, probe::jiraPermissions, jira([](const RunContext&) {
                                              return QStringLiteral(
                                                  "/rest/api/3/mypermissions?permissions=USER_PICKER");
                                          }));
                     }});
        // Needs the caller's accountId: after jira.myself.
        list.append({probe::jiraUserGroups, {probe::jiraMyself}, [](RunContext& c) {
                         return jiraProbe(
                             c, probe::jiraUserGroups, jira([](const RunContext& ctx) {
                                 const HttpResponse* me = ctx.httpResult(probe::jiraMyself);
                                 if (!me || me->status != 200)
                                     return QString();
                                 const QJsonObject json = QJsonDocument::fromJson(me->body).object();
                                 const QString id = json.value(QStringLiteral("accountId")).toString();
                                 return id.isEmpty() ? QString()
                                                     : QStringLiteral("/rest/api/3/user/groups?accountId=") +
                                                           QString::fromLatin1(QUrl::toPercentEncoding(id));
                             }));
                     }});
        return list;
    }();
    return specs;
}

const ProbeSpec* findProbe(const QString& id)
{
    for (const ProbeSpec& s : probeCatalogue()) {
        if (s.id == id)
            return &s;
    }
    return nullptr;
}

} // namespace gjd
