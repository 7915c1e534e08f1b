// SPDX-License-Identifier: GPL-3.0-or-later
// The rules of single checks, called directly: a RunContext built by hand (the served chain from
// the test PKI, tests/support/make-pki.sh; what the TLS probe would have recorded; the HTTP answers
// the probes would have read, shaped like tests/support/fakegitlab.cpp and fakejira.cpp give
// them), then the check's evaluate() from the catalogue. No network, no runner, no clock (GJD_NOW,
// or a fixed day): what a check decides from what it is given, including whom it says refuses it
// (evidence.consumers, checks.md).
#include "checks/check.h"
#include "checks/platformcommon.h"
#include "clock.h"
#include "probes/probecatalogue.h"
#include "runcontext.h"
#include "testpki.h"
#include "tls/chainanalysis.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QTest>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <functional>

using namespace gjd;

namespace {

// The server's ephemeral DHE key (SubjectPublicKeyInfo DER) for the group in a PKI parameter file.
QByteArray dhPublicKeyFor(const QString& parametersFile)
{
    const QByteArray pem = test::readPki(parametersFile);
    BIO* bio = BIO_new_mem_buf(pem.constData(), int(pem.size()));
    EVP_PKEY* parameters = PEM_read_bio_Parameters(bio, nullptr);
    BIO_free(bio);
    if (!parameters)
        return {};
    EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new_from_pkey(nullptr, parameters, nullptr);
    EVP_PKEY* key = nullptr;
    QByteArray der;
    // A composite modulus cannot be checked here: key generation does not test the group.
    if (ctx && EVP_PKEY_keygen_init(ctx) == 1 && EVP_PKEY_keygen(ctx, &key) == 1) {
        unsigned char* out = nullptr;
        const int length = i2d_PUBKEY(key, &out);
        if (length > 0)
            der = QByteArray(reinterpret_cast<const char*>(out), length);
        OPENSSL_free(out);
    }
    EVP_PKEY_free(key);
    EVP_PKEY_CTX_free(ctx);
    EVP_PKEY_free(parameters);
    return der;
}

// A context as the runner leaves it after a TLS 1.3 handshake with ECDHE that served `bundle`.
RunContext servedContext(const QString& bundle, const QString& host = QStringLiteral("gitlab.test"))
{
    RunContext ctx;
    ctx.url = InstanceUrl::parse(QStringLiteral("https://%1").arg(host));
    ctx.method = Method::Marketplace;
    ctx.now = Clock::nowUtc();
    TlsResult tls;
    tls.connected = true;
    tls.handshakeOk = true;
    tls.protocol = QStringLiteral("TLSv1.3");
    tls.cipher = QStringLiteral("TLS_AES_128_GCM_SHA256");
    tls.keyExchange = QStringLiteral("ECDH");
    tls.ephemeralKeyBits = 253;
    tls.chain = QSslCertificate::fromData(test::readPki(bundle + QStringLiteral(".pem")));
    tls.servedCount = int(tls.chain.size());
    for (const QSslCertificate& c : std::as_const(tls.chain))
        tls.servedSizes.append(int(c.toDer().size()));
    ctx.tls = tls;
    ctx.options.trustStoreSource = QStringLiteral("trust.pem"); // --trust-store
    ctx.chain = ChainAnalysis::analyze(
        tls.chain, QSslCertificate::fromData(test::readPki(QStringLiteral("trust.pem"))), {});
    return ctx;
}

// The same seen through the proxy http://proxy.corp:3128 and compared with a direct handshake
// (TlsResult::directView): `proxyBundle` is what the proxy presented when it differs.
RunContext proxiedContext(TlsResult::DirectView view, const QString& bundle,
                          const QString& proxyBundle = QString())
{
    RunContext ctx = servedContext(bundle);
    ctx.tls->proxy = QStringLiteral("http://proxy.corp:3128");
    ctx.tls->directView = view;
    if (view == TlsResult::DirectView::Unavailable)
        ctx.tls->directError = QStringLiteral("this computer does not resolve gitlab.test");
    if (!proxyBundle.isEmpty())
        ctx.tls->proxyChain = QSslCertificate::fromData(test::readPki(proxyBundle + QStringLiteral(".pem")));
    return ctx;
}

// The same with TLS 1.2 and DHE in the group of `parametersFile`.
RunContext dheContext(const QString& parametersFile)
{
    RunContext ctx = servedContext(QStringLiteral("full-rsa"));
    ctx.tls->protocol = QStringLiteral("TLSv1.2");
    ctx.tls->cipher = QStringLiteral("DHE-RSA-AES128-GCM-SHA256");
    ctx.tls->keyExchange = QStringLiteral("DH");
    ctx.tls->ephemeralKeyDer = dhPublicKeyFor(parametersFile);
    ctx.tls->ephemeralKeyBits = inspectDhGroup(ctx.tls->ephemeralKeyDer).bits;
    return ctx;
}

// A context for the network checks: `url`, and what DNS answered.
RunContext resolvedContext(const QString& url, const QList<QHostAddress>& addresses,
                           Method method = Method::Marketplace)
{
    RunContext ctx;
    ctx.url = InstanceUrl::parse(url);
    ctx.method = method;
    ctx.now = Clock::nowUtc();
    DnsResult dns;
    dns.ok = !addresses.isEmpty();
    dns.addresses = addresses;
    dns.literalAddress = !ctx.url.host().isEmpty() && !QHostAddress(ctx.url.host()).isNull();
    ctx.dns = dns;
    return ctx;
}

// The same after TCP connections to each address, each with the outcome given ("" = connected).
RunContext connectedContext(const QList<std::pair<QHostAddress, QString>>& attempts)
{
    QList<QHostAddress> addresses;
    for (const auto& attempt : attempts)
        addresses.append(attempt.first);
    RunContext ctx = resolvedContext(QStringLiteral("https://gitlab.example.com"), addresses);
    TcpResult tcp;
    for (const auto& [address, error] : attempts) {
        TcpAttempt a;
        a.address = address;
        a.connected = error.isEmpty();
        a.errorCode = error;
        a.error = error.isEmpty() ? QString() : QStringLiteral("%1: %2").arg(address.toString(), error);
        a.durationMs = 12;
        tcp.attempts.append(a);
    }
    ctx.tcp = tcp;
    return ctx;
}

const QHostAddress kDocumentation(QStringLiteral("203.0.113.10")); // TEST-NET-3: not routable
const QHostAddress kGlobal(QStringLiteral("8.8.8.8"));
const QHostAddress kPrivate(QStringLiteral("10.1.2.3"));

// A context after a handshake that failed with `errorCode` (TlsResult): nothing was served.
RunContext handshakeFailure(const QString& errorCode, const QString& error)
{
    RunContext ctx = resolvedContext(QStringLiteral("https://gitlab.test"), {kGlobal});
    TlsResult tls;
    tls.connected = true;
    tls.address = kGlobal;
    tls.errorCode = errorCode;
    tls.error = error;
    ctx.tls = tls;
    return ctx;
}

// `ctx` with the private CA bundle `caFile` given as --ca-file: the path analysed again with it.
RunContext withCaFile(RunContext ctx, const QString& caFile)
{
    ctx.options.extraCaSource = caFile + QStringLiteral(".pem");
    ctx.options.extraCaCertificates = QSslCertificate::fromData(test::readPki(ctx.options.extraCaSource));
    ctx.chain = ChainAnalysis::analyze(ctx.tls->chain,
                                       QSslCertificate::fromData(test::readPki(QStringLiteral("trust.pem"))),
                                       ctx.options.extraCaCertificates);
    return ctx;
}

// `ctx` on another day (platform milestones; a fixed day, never the clock).
RunContext onDay(RunContext ctx, const char* isoDay)
{
    ctx.now = QDateTime(QDate::fromString(QLatin1String(isoDay), Qt::ISODate), QTime(12, 0), Qt::UTC);
    return ctx;
}

// --- HTTP answers, as GitLab (tests/support/fakegitlab.cpp), Jira (fakejira.cpp) or a proxy in
// front of them gives them.

const QString kInstance = QStringLiteral("https://gitlab.example.com");
const QString kAppUid = QStringLiteral("5f0c6b3e9a1d4c2e8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c");
const QString kMarketplaceKey = QStringLiteral("gitlab-jira-connect-gitlab.com");
const QString kOwnKey = QStringLiteral("gitlab-jira-connect-gitlab.example.com");
const QString kInternal = QStringLiteral("https://gitlab.internal.lan"); // external_url behind a proxy
const QString kInternalKey = QStringLiteral("gitlab-jira-connect-gitlab.internal.lan");
const QString kGitLabComSlash = QStringLiteral("https://gitlab.com/"); // the classic mistake
const QString kMarketplaceCallback = QStringLiteral("https://gitlab.com/-/jira_connect/oauth_callbacks");

QByteArray reasonFor(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Not Allowed"; // nginx's wording
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    }
    return {};
}

// A complete answer: status line, Content-Type when given, further headers, body.
HttpResponse answer(int status, const QByteArray& contentType = {}, const QByteArray& body = {},
                    const HttpHeaders& headers = {})
{
    HttpResponse r;
    r.status = status;
    r.reason = reasonFor(status);
    if (!contentType.isEmpty())
        r.headers.append({"Content-Type", contentType});
    r.headers += headers;
    r.body = body;
    r.durationMs = 35;
    return r;
}

// Rails' `render json:` (Grape's API answers differ only in the charset, which nothing reads).
HttpResponse json(int status, const QJsonValue& value, const HttpHeaders& headers = {})
{
    const QByteArray body = value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                                            : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    return answer(status, "application/json; charset=utf-8", body, headers);
}

HttpResponse html(int status, const QByteArray& body, const HttpHeaders& headers = {})
{
    return answer(status, "text/html; charset=utf-8", body, headers);
}

// A request that got no complete answer (HttpResponse::errorCode).
HttpResponse noAnswer(const QString& errorCode, const QString& error)
{
    HttpResponse r;
    r.errorCode = errorCode;
    r.error = error;
    return r;
}

HttpResponse timedOut()
{
    return noAnswer(QStringLiteral("timeout"), QStringLiteral("Timed out after 10 s."));
}

HttpResponse closed()
{
    return noAnswer(QStringLiteral("closed"), QStringLiteral("The server closed the connection."));
}

// GitLab's JSON refusals: Grape's error!, {"message": "401 Unauthorized"}.
HttpResponse apiError(int status)
{
    return json(status, QJsonObject{{"message", QString(QString::number(status) + u' ' +
                                                        QString::fromLatin1(reasonFor(status)))}});
}

// nginx's own error page (a proxy or WAF answering instead of GitLab).
QByteArray nginxPage(int status)
{
    const QByteArray line = QByteArray::number(status) + ' ' + reasonFor(status);
    return "<html>\r\n<head><title>" + line + "</title></head>\r\n<body>\r\n<center><h1>" + line +
           "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
}

// GitLab's sign-in page and its 404 page, shortened.
const QByteArray kSignInPage =
    "<!DOCTYPE html>\n<html class=\"gl-light\" lang=\"en\">\n<head>\n<title>Sign in · GitLab</title>\n"
    "<meta content=\"GitLab\" property=\"og:site_name\">\n</head>\n<body data-page=\"sessions:new\">\n"
    "<form id=\"new_user\" action=\"/users/sign_in\" method=\"post\"></form>\n</body>\n</html>\n";
const QByteArray kGitLabNotFound =
    "<!DOCTYPE html>\n<html>\n<head>\n<title>Not Found (404)</title>\n</head>\n<body>\n<h1>404</h1>\n"
    "<p>The page could not be found or you don't have permission to view it.</p>\n</body>\n</html>\n";

// The redirect GitLab answers an anonymous request for a page that needs a session with.
HttpResponse signInRedirect()
{
    return html(302,
                "<html><body>You are being <a href=\"https://gitlab.example.com/users/sign_in\">"
                "redirected</a>.</body></html>",
                {{"Location", "https://gitlab.example.com/users/sign_in"}});
}

// The app descriptor as GitLab builds it (FakeGitLab's appDescriptor), with `key` and `baseUrl`.
QJsonObject descriptor(const QString& key = kMarketplaceKey,
                       const QString& baseUrl = kInstance + QStringLiteral("/-/jira_connect"))
{
    const QJsonObject provider{{"key", "gitlab-ci"},
                               {"name", QJsonObject{{"value", "GitLab CI"}}},
                               {"homeUrl", "https://gitlab.com"},
                               {"actions", QJsonObject{}}};
    const QJsonObject modules{
        {"postInstallPage", QJsonObject{{"key", "gitlab-configuration"},
                                        {"name", QJsonObject{{"value", "GitLab Configuration"}}},
                                        {"url", "/subscriptions"}}},
        {"jiraDevelopmentTool",
         QJsonObject{{"key", "gitlab-development-tool"},
                     {"name", QJsonObject{{"value", "GitLab"}}},
                     {"url", "https://gitlab.com"},
                     {"capabilities", QJsonArray{"branch", "commit", "pull_request"}}}},
        {"jiraBuildInfoProvider", provider}};
    return {{"name", "GitLab for Jira"},
            {"key", key},
            {"baseUrl", baseUrl},
            {"lifecycle",
             QJsonObject{{"installed", "/events/installed"}, {"uninstalled", "/events/uninstalled"}}},
            {"vendor", QJsonObject{{"name", "GitLab"}, {"url", "https://gitlab.com"}}},
            {"authentication", QJsonObject{{"type", "jwt"}}},
            {"modules", modules},
            {"scopes", QJsonArray{"READ", "WRITE", "DELETE"}},
            {"apiVersion", 1}};
}

HttpResponse descriptorAnswer(const QString& key = kMarketplaceKey,
                              const QString& baseUrl = kInstance + QStringLiteral("/-/jira_connect"))
{
    return json(200, descriptor(key, baseUrl));
}

// GET /-/jira_connect/oauth_application_id with the key set.
HttpResponse applicationId(const QString& uid = kAppUid, const HttpHeaders& headers = {})
{
    return json(200, QJsonObject{{"application_id", uid}}, headers);
}

// GET /api/v4/application/settings: GitLab's Jira fields set up for the Marketplace app, with
// `changes` applied.
HttpResponse settings(const QJsonObject& changes = {})
{
    QJsonObject s{{"signup_enabled", true},
                  {"jira_connect_application_key", kAppUid},
                  {"jira_connect_proxy_url", "https://gitlab.com"},
                  {"jira_connect_public_key_storage_enabled", false},
                  {"jira_connect_additional_audience_url", QJsonValue::Null},
                  {"jira_forge_app_id", QJsonValue::Null}};
    for (auto it = changes.constBegin(); it != changes.constEnd(); ++it)
        s.insert(it.key(), it.value());
    return json(200, s);
}

// The same for a manual install: no proxy URL.
HttpResponse manualSettings(const QJsonObject& changes = {})
{
    QJsonObject s{{"jira_connect_proxy_url", QJsonValue::Null}};
    for (auto it = changes.constBegin(); it != changes.constEnd(); ++it)
        s.insert(it.key(), it.value());
    return settings(s);
}

// The same with one setting changed.
HttpResponse settings(const char* key, const QJsonValue& value)
{
    return settings(QJsonObject{{QLatin1String(key), value}});
}

HttpResponse manualSettings(const char* key, const QJsonValue& value)
{
    return manualSettings(QJsonObject{{QLatin1String(key), value}});
}

// A native Forge install: jira_forge_app_id set (and no proxy URL).
const QString kForgeAppId = QStringLiteral("ari:cloud:ecosystem::app/0f8b4c1e-2d3a-4b5c-9d6e-7f8a9b0c1d2e");

HttpResponse forgeSettings(const QJsonValue& forgeAppId = kForgeAppId)
{
    return manualSettings("jira_forge_app_id", forgeAppId);
}

// GET /api/v4/user for root on the instance `externalUrl`: is_admin only when GitLab treats the
// token as an administrator's (Entities::UserWithAdmin).
HttpResponse user(bool admin = true, const QString& externalUrl = kInstance)
{
    QJsonObject u{{"id", 1},
                  {"username", "root"},
                  {"name", "Administrator"},
                  {"state", "active"},
                  {"web_url", QString(externalUrl + QStringLiteral("/root"))}};
    if (admin)
        u.insert(QStringLiteral("is_admin"), true);
    return json(200, u);
}

// GET /api/v4/personal_access_tokens/self.
HttpResponse tokenSelf(const QStringList& scopes = {QStringLiteral("api")},
                       const QJsonValue& expiresAt = QJsonValue::Null)
{
    return json(200, QJsonObject{{"id", 12},
                                 {"name", "doctor"},
                                 {"revoked", false},
                                 {"scopes", QJsonArray::fromStringList(scopes)},
                                 {"user_id", 1},
                                 {"active", true},
                                 {"expires_at", expiresAt}});
}

// One entry of GET /api/v4/applications.
QJsonObject application(qint64 id, const QString& uid, const QString& callback = kMarketplaceCallback,
                        bool confidential = false, const QString& name = QStringLiteral("GitLab for Jira"))
{
    return {{"id", id},
            {"application_id", uid},
            {"application_name", name},
            {"callback_url", callback},
            {"confidential", confidential}};
}

HttpResponse applications(const QJsonArray& list = {application(7, kAppUid)})
{
    return json(200, list);
}

// GET /api/v4/version with a token.
HttpResponse version(const QString& v)
{
    return json(200, QJsonObject{{"version", v}, {"revision", "ceb07b24cb0"}, {"enterprise", true}});
}

using Responses = QList<std::pair<QString, HttpResponse>>;

// A context after the HTTP probes gave `responses` (probe id → answer) for the instance `url`.
RunContext httpContext(const Responses& responses, Method method = Method::Marketplace,
                       const QString& url = kInstance)
{
    RunContext ctx;
    ctx.url = InstanceUrl::parse(url);
    ctx.method = method;
    ctx.methodResolved = true;
    ctx.now = Clock::nowUtc();
    for (const auto& [probeId, response] : responses)
        ctx.http[probeId].append(response);
    return ctx;
}

// The same with an administrator's token given (the api.* probes ran with it).
RunContext tokenContext(const Responses& responses, Method method = Method::Marketplace,
                        const QString& url = kInstance)
{
    RunContext ctx = httpContext(responses, method, url);
    ctx.credentials.gitlabToken = "glpat-test";
    return ctx;
}

// The contexts most rules need: one probe's answer, or the settings with the OAuth applications.
RunContext descriptorContext(const HttpResponse& response, Method method = Method::Marketplace,
                             const QString& url = kInstance)
{
    return httpContext({{probe::descriptor, response}}, method, url);
}

RunContext settingsContext(const HttpResponse& response, Method method = Method::Marketplace)
{
    return tokenContext({{probe::apiSettings, response}}, method);
}

RunContext applicationsContext(const HttpResponse& settingsAnswer, const HttpResponse& applicationsAnswer,
                               Method method = Method::Marketplace)
{
    return tokenContext({{probe::apiSettings, settingsAnswer}, {probe::apiApplications, applicationsAnswer}},
                        method);
}

// A native Forge install whose installation endpoint answered `response`.
RunContext forgeContext(const HttpResponse& response)
{
    return tokenContext({{probe::apiSettings, forgeSettings()}, {probe::forgeInstallation, response}});
}

// The same with a Jira site, email and API token given (the jira.* probes ran).
RunContext jiraContext(const Responses& responses)
{
    RunContext ctx = httpContext(responses);
    ctx.jiraSite = InstanceUrl::parse(QStringLiteral("https://example.atlassian.net"));
    ctx.options.jiraEmail = QStringLiteral("ada@example.com");
    ctx.credentials.jiraToken = "ATATT-test";
    return ctx;
}

// Jira's JSON (fakejira.cpp).
HttpResponse jiraJson(int status, const QJsonObject& value)
{
    return answer(status, "application/json;charset=UTF-8",
                  QJsonDocument(value).toJson(QJsonDocument::Compact));
}

// Jira's ErrorCollection.
HttpResponse jiraErrors(int status, const QString& message)
{
    return jiraJson(status, QJsonObject{{"errorMessages", QJsonArray{message}}, {"errors", QJsonObject{}}});
}

// GET /rest/api/3/myself?expand=groups for a user in `groups`.
HttpResponse myself(const QStringList& groups)
{
    QJsonArray items;
    for (const QString& g : groups)
        items.append(QJsonObject{{"name", g}, {"groupId", QString(QStringLiteral("id-") + g)}});
    return jiraJson(200, QJsonObject{{"accountId", "5b10ac8d82e05b22cc7d4ef5"},
                                     {"displayName", "Ada Admin"},
                                     {"active", true},
                                     {"groups", QJsonObject{{"size", items.size()}, {"items", items}}}});
}

// A Jira context after GET /myself answered `response`, or listed the user's `groups`.
RunContext myselfContext(const HttpResponse& response)
{
    return jiraContext({{probe::jiraMyself, response}});
}

RunContext groupsContext(const QStringList& groups)
{
    return myselfContext(myself(groups));
}

// GET /rest/api/3/mypermissions?permissions=USER_PICKER.
HttpResponse userPicker(bool granted)
{
    return jiraJson(
        200,
        QJsonObject{{"permissions", QJsonObject{{"USER_PICKER", QJsonObject{{"id", "27"},
                                                                            {"key", "USER_PICKER"},
                                                                            {"type", "GLOBAL"},
                                                                            {"havePermission", granted}}}}}});
}

struct Case
{
    const char* tag;
    const char* check;
    std::function<RunContext()> context;
    Status status;
    const char* gitlabCom; // evidence.consumers, or nullptr: none
    const char* jiraCloud;
    const char* pattern; // in summary + remedy (+ details), case-insensitive; empty: anything
};

const QList<Case>& cases()
{
    static const QList<Case> all = {
        // tls.leaf.purpose
        {"purpose: server leaf", "tls.leaf.purpose", [] { return servedContext(QStringLiteral("full")); },
         Status::Pass, nullptr, nullptr, ""},
        {"purpose: clientAuth only", "tls.leaf.purpose",
         [] { return servedContext(QStringLiteral("eku-client")); }, Status::Fail, "reject", "reject",
         "does not include serverAuth"},
        {"purpose: keyCertSign only", "tls.leaf.purpose",
         [] { return servedContext(QStringLiteral("ku-certsign")); }, Status::Fail, "reject", "reject",
         "keyCertSign.*does not include digitalSignature"},
        {"purpose: CA:TRUE with server usages", "tls.leaf.purpose",
         [] { return servedContext(QStringLiteral("leaf-ca")); }, Status::Warn, "accept", "accept",
         "CA:TRUE"},
        {"purpose: an intermediate served first", "tls.leaf.purpose",
         [] { return servedContext(QStringLiteral("inter-first")); }, Status::Fail, "reject", "reject",
         "put the leaf first"},
        // tls.key_exchange
        {"kx: ECDHE", "tls.key_exchange", [] { return servedContext(QStringLiteral("full")); }, Status::Pass,
         nullptr, nullptr, "ECDHE"},
        {"kx: ffdhe2048", "tls.key_exchange", [] { return dheContext(QStringLiteral("ffdhe2048.pem")); },
         Status::Pass, nullptr, nullptr, "2048-bit group"},
        {"kx: DHE 1024", "tls.key_exchange", [] { return dheContext(QStringLiteral("dh1024.pem")); },
         Status::Fail, "reject", "accept", "1024 bits.*ssl_dhparam"},
        {"kx: composite 2047", "tls.key_exchange",
         [] { return dheContext(QStringLiteral("dh-composite.pem")); }, Status::Fail, "reject", "reject",
         "2047 bits.*multiple of 64"},
        {"kx: composite 2048", "tls.key_exchange",
         [] { return dheContext(QStringLiteral("dh-composite-2048.pem")); }, Status::Fail, "accept", "accept",
         "not a prime"},
        // tls.handshake_size
        {"size: a normal chain", "tls.handshake_size", [] { return servedContext(QStringLiteral("full")); },
         Status::Pass, nullptr, nullptr, ""},
        {"size: 40 KiB, marketplace", "tls.handshake_size",
         [] { return servedContext(QStringLiteral("big-40k")); }, Status::Warn, "accept", "reject",
         "32768 bytes.*CN=gitlab.test alone"},
        {"size: 40 KiB, manual", "tls.handshake_size",
         [] {
             RunContext ctx = servedContext(QStringLiteral("big-40k"));
             ctx.method = Method::Manual;
             return ctx;
         },
         Status::Fail, "accept", "reject", "32768 bytes"},
        {"size: over OpenSSL's limit", "tls.handshake_size",
         [] {
             RunContext ctx = servedContext(QStringLiteral("full"));
             ctx.tls->handshakeOk = false;
             ctx.tls->errorCode = QStringLiteral("chain-too-large");
             return ctx;
         },
         Status::Fail, "reject", "reject", "100 KiB.*thousands"},
        {"size: another handshake failure", "tls.handshake_size",
         [] {
             RunContext ctx = servedContext(QStringLiteral("full"));
             ctx.tls->handshakeOk = false;
             ctx.tls->errorCode = QStringLiteral("handshake");
             return ctx;
         },
         Status::Skip, nullptr, nullptr, "tls.handshake"},
        // tls.client_certificate
        {"client certificate: not asked", "tls.client_certificate",
         [] { return servedContext(QStringLiteral("full")); }, Status::Pass, nullptr, nullptr, ""},
        {"client certificate: nginx's 400", "tls.client_certificate",
         [] {
             RunContext ctx = servedContext(QStringLiteral("full"));
             ctx.tls->clientCertificateRequired = true;
             ctx.tls->clientCertificateSignal = QStringLiteral("first answer: 400");
             return ctx;
         },
         Status::Fail, "reject", "reject", "first answer: 400.*ssl_verify_client off"},
        // tls.crypto: who refuses what
        {"crypto: RSA 1024", "tls.crypto", [] { return servedContext(QStringLiteral("rsa1024")); },
         Status::Fail, "reject", "accept", "1024-bit RSA.*at least 2048"},
        {"crypto: SHA-1", "tls.crypto", [] { return servedContext(QStringLiteral("sha1")); }, Status::Fail,
         "reject", "unknown", "SHA-?1.*SHA-256"},
        // input.url
        {"url: an https URL", "input.url",
         [] { return resolvedContext(QStringLiteral("https://gitlab.example.com"), {}); }, Status::Pass,
         nullptr, nullptr, ""},
        {"url: a trailing slash", "input.url",
         [] { return resolvedContext(QStringLiteral("https://gitlab.example.com/"), {}); }, Status::Warn,
         nullptr, nullptr, "trailing slash.*rejects"},
        {"url: not a URL", "input.url", [] { return resolvedContext(QStringLiteral("gitlab example"), {}); },
         Status::Fail, nullptr, nullptr, "https://gitlab.example.com"},
        // dns.public
        {"dns: a public address", "dns.public",
         [] { return resolvedContext(QStringLiteral("https://gitlab.example.com"), {kGlobal}); },
         Status::Pass, nullptr, nullptr, "publicly routable"},
        {"dns: a private address", "dns.public",
         [] { return resolvedContext(QStringLiteral("https://gitlab.example.com"), {kGlobal, kPrivate}); },
         Status::Warn, nullptr, nullptr, "10\\.1\\.2\\.3.*cannot reach.*public address"},
        {"dns: a documentation address", "dns.public",
         [] { return resolvedContext(QStringLiteral("https://gitlab.example.com"), {kDocumentation}); },
         Status::Warn, nullptr, nullptr, "203\\.0\\.113\\.10"},
        {"dns: an address URL", "dns.public",
         [] { return resolvedContext(QStringLiteral("https://10.1.2.3"), {kPrivate}); }, Status::Warn,
         nullptr, nullptr, "host name resolves to a public address"},
        // tcp.connect
        {"tcp: every address connects", "tcp.connect",
         [] { return connectedContext({{kGlobal, QString()}}); },
         Status::Pass, nullptr, nullptr, "port 443"},
        {"tcp: dropped (timeout)", "tcp.connect",
         [] { return connectedContext({{kGlobal, QStringLiteral("timeout")}}); },
         Status::Fail, nullptr, nullptr, "firewall drops.*34\\.74\\.90\\.64/28"},
        {"tcp: refused", "tcp.connect",
         [] { return connectedContext({{kGlobal, QStringLiteral("refused")}}); },
         Status::Fail, nullptr, nullptr, "listen on port 443"},
        {"tcp: one of two addresses fails", "tcp.connect",
         [] { return connectedContext({{kGlobal, QString()}, {kPrivate, QStringLiteral("refused")}}); },
         Status::Warn, nullptr, nullptr, ""},
        // port.allowed
        {"port: 443", "port.allowed",
         [] { return resolvedContext(QStringLiteral("https://gitlab.example.com"), {}); }, Status::Pass,
         nullptr, nullptr, "443"},
        {"port: 8443, marketplace", "port.allowed",
         [] { return resolvedContext(QStringLiteral("https://gitlab.example.com:8443"), {}); }, Status::Warn,
         nullptr, nullptr, "8443.*manual install would be refused.*reverse proxy listening on 443"},
        {"port: 8443, manual", "port.allowed",
         [] {
             return resolvedContext(QStringLiteral("https://gitlab.example.com:8443"), {}, Method::Manual);
         },
         Status::Fail, nullptr, nullptr, "only from those ports"},
        // tls.hostname
        {"hostname: an address URL", "tls.hostname",
         [] { return servedContext(QStringLiteral("full"), QStringLiteral("127.0.0.1")); }, Status::Fail,
         "reject", "reject", "IP-address Subject Alternative Name"},
        {"hostname: a wildcard only where one fits", "tls.hostname",
         [] { return servedContext(QStringLiteral("full"), QStringLiteral("git.example.com")); },
         Status::Fail, "reject", "reject", "\\*\\.example\\.com"},
        // dns.resolve
        {"resolve: the system resolver answers", "dns.resolve",
         [] { return resolvedContext(QStringLiteral("https://gitlab.example.com"), {kGlobal}); },
         Status::Pass, nullptr, nullptr, "gitlab\\.example\\.com resolves to 8\\.8\\.8\\.8"},
        {"resolve: given with --resolve", "dns.resolve",
         [] {
             RunContext ctx = resolvedContext(QStringLiteral("https://gitlab.example.com"), {kGlobal});
             ctx.dns->fromResolveOption = true;
             return ctx;
         },
         Status::Pass, nullptr, nullptr, "8\\.8\\.8\\.8.*--resolve.*DNS was not asked"},
        {"resolve: NXDOMAIN", "dns.resolve",
         [] {
             RunContext ctx = resolvedContext(QStringLiteral("https://gitlab.example.com"), {});
             ctx.dns->errorCode = QStringLiteral("nxdomain");
             ctx.dns->error = QStringLiteral("Host gitlab.example.com not found (NXDOMAIN).");
             return ctx;
         },
         Status::Fail, nullptr, nullptr,
         "NXDOMAIN.*public A \\(and.*AAAA\\) record for gitlab\\.example\\.com.*--resolve "
         "gitlab\\.example\\.com:443:ADDRESS"},
        {"resolve: the resolver times out", "dns.resolve",
         [] {
             RunContext ctx = resolvedContext(QStringLiteral("https://gitlab.example.com"), {});
             ctx.dns->errorCode = QStringLiteral("timeout");
             ctx.dns->error = QStringLiteral("No DNS answer for gitlab.example.com within 10 s.");
             return ctx;
         },
         Status::Fail, nullptr, nullptr, "DNS resolver.*name servers of gitlab\\.example\\.com"},
        // tls.handshake
        {"handshake: TLS 1.3", "tls.handshake",
         [] { return servedContext(QStringLiteral("full")); },
         Status::Pass, nullptr, nullptr, "TLSv1\\.3 with TLS_AES_128_GCM_SHA256, 2 certificate"},
        {"handshake: plain HTTP on the TLS port", "tls.handshake",
         [] {
             return handshakeFailure(QStringLiteral("plain-http"),
                                     QStringLiteral("Port 443 answers plain HTTP, not TLS."));
         },
         Status::Fail, "reject", "reject", "plain HTTP.*listen 443 ssl.*external_url 'https://"},
        {"handshake: no shared cipher", "tls.handshake",
         [] {
             return handshakeFailure(QStringLiteral("no-shared-cipher"),
                                     QStringLiteral("The server accepts none of the offered cipher suites."));
         },
         Status::Fail, "reject", "reject", "ssl_ciphers"},
        {"handshake: accepted, then never answered", "tls.handshake",
         [] {
             return handshakeFailure(QStringLiteral("timeout"),
                                     QStringLiteral("No TLS answer on port 443 within 10 s."));
         },
         Status::Fail, "reject", "reject", "never answers TLS.*load balancer"},
        {"handshake: through a proxy that passes TLS through", "tls.handshake",
         [] { return proxiedContext(TlsResult::DirectView::Same, QStringLiteral("full")); },
         Status::Pass, nullptr, nullptr, "direct handshake saw the same certificate.*http://proxy\\.corp:3128"},
        {"handshake: through a proxy that inspects TLS", "tls.handshake",
         [] {
             return proxiedContext(TlsResult::DirectView::Intercepted, QStringLiteral("full"),
                                   QStringLiteral("selfsigned"));
         },
         Status::Warn, nullptr, nullptr,
         "proxy http://proxy\\.corp:3128 inspects TLS: through it, gitlab\\.test presents a certificate "
         "issued by CN=.*judge the chain the server sent directly.*Exempt gitlab\\.test from TLS inspection.*"
         "add gitlab\\.test to --no-proxy or NO_PROXY.*Directly, the server sent CN=gitlab\\.test"},
        {"handshake: only through a proxy", "tls.handshake",
         [] { return proxiedContext(TlsResult::DirectView::Unavailable, QStringLiteral("full")); },
         Status::Pass, nullptr, nullptr,
         "Seen only through the proxy http://proxy\\.corp:3128 \\(no direct handshake: this computer does not "
         "resolve gitlab\\.test\\).*the proxy's, not the server's; the leaf's issuer is CN=GJD Test Intermediate"},
        {"key exchange: ECDHE on a curve Qt gives no size for (X25519)", "tls.key_exchange",
         [] {
             RunContext ctx = servedContext(QStringLiteral("full"));
             ctx.tls->protocol = QStringLiteral("TLSv1.2");
             ctx.tls->cipher = QStringLiteral("ECDHE-ECDSA-AES256-GCM-SHA384");
             ctx.tls->ephemeralKeyBits = -1;
             return ctx;
         },
         Status::Pass, nullptr, nullptr, "^ECDHE \\(ECDHE-ECDSA-AES256-GCM-SHA384\\)\\.$"},
        // tls.protocol
        {"protocol: TLS 1.3", "tls.protocol",
         [] { return servedContext(QStringLiteral("full")); },
         Status::Pass, nullptr, nullptr, "Negotiated TLSv1\\.3"},
        {"protocol: TLS 1.2", "tls.protocol",
         [] { return dheContext(QStringLiteral("ffdhe2048.pem")); },
         Status::Pass, nullptr, nullptr, "Negotiated TLSv1\\.2"},
        {"protocol: only TLS 1.0/1.1", "tls.protocol",
         [] {
             const QString error = QStringLiteral("The server refused TLS 1.2 and 1.3.");
             return handshakeFailure(QStringLiteral("protocol-version"), error);
         },
         Status::Fail, "reject", "reject", "refuses TLS 1\\.2 and 1\\.3.*ssl_protocols TLSv1\\.2 TLSv1\\.3"},
        {"protocol: negotiated below 1.2", "tls.protocol",
         [] {
             RunContext ctx = servedContext(QStringLiteral("full"));
             ctx.tls->protocol = QStringLiteral("TLSv1.1");
             return ctx;
         },
         Status::Fail, "reject", "reject", "Negotiated TLSv1\\.1.*ssl_protocols TLSv1\\.2 TLSv1\\.3"},
        {"protocol: another handshake failure", "tls.protocol",
         [] {
             return handshakeFailure(QStringLiteral("handshake"),
                                     QStringLiteral("The TLS handshake failed."));
         },
         Status::Skip, nullptr, nullptr, "tls\\.handshake failed"},
        // tls.validity
        {"validity: every certificate valid", "tls.validity",
         [] { return servedContext(QStringLiteral("full")); },
         Status::Pass, nullptr, nullptr,
         "Every served certificate is valid; the leaf expires on \\d{4}-\\d\\d-\\d\\d \\(in 3650 day"},
        {"validity: the leaf expired", "tls.validity",
         [] { return servedContext(QStringLiteral("expired-leaf")); },
         Status::Fail, "reject", "reject",
         "leaf certificate CN=gitlab\\.test expired on \\d{4}-\\d\\d-\\d\\d \\(365 day.*Renew the "
         "certificate"},
        {"validity: the leaf is not yet valid", "tls.validity",
         [] { return servedContext(QStringLiteral("notyet")); },
         Status::Fail, "reject", "reject", "not valid before \\d{4}-\\d\\d-\\d\\d"},
        {"validity: the intermediate expired", "tls.validity",
         [] { return servedContext(QStringLiteral("expired-inter")); },
         Status::Fail, "reject", "reject",
         "CA certificate CN=GJD Test Expired Intermediate,O=GJD Test expired on \\d{4}-\\d\\d-\\d\\d.*"
         "certificate itself needs no change.*current intermediate"},
        {"validity: the leaf expires in 5 days", "tls.validity",
         [] { return servedContext(QStringLiteral("expiring")); },
         Status::Warn, nullptr, nullptr,
         "expires on \\d{4}-\\d\\d-\\d\\d, in 5 day.*Renew the certificate now.*automatic"},
        // A served certificate nobody uses only warns (design.md). Its remedy is deliberately not
        // pinned: it asks to renew the leaf, which does not fit an unused extra certificate.
        {"validity: an expired unused cross-signed root", "tls.validity",
         [] { return servedContext(QStringLiteral("cross-expired")); },
         Status::Warn, nullptr, nullptr,
         "unused served certificate .*GJD Test Root CA.*\\(issued by GJD Old Root CA\\) expired on.*"
         "Remove the out-of-date certificate from the served bundle"},
        // tls.chain.complete
        {"complete: leaf and intermediate", "tls.chain.complete",
         [] { return servedContext(QStringLiteral("full")); },
         Status::Pass, nullptr, nullptr,
         "from the leaf to CN=GJD Test Root CA,O=GJD Test without fetching anything"},
        {"complete: the intermediate missing", "tls.chain.complete",
         [] { return servedContext(QStringLiteral("leaf-only")); },
         Status::Fail, "reject", "reject",
         "incomplete: CN=gitlab\\.test was issued by .*GJD Test Intermediate CA.*leaf followed by the "
         "intermediate.*nginx\\['ssl_certificate'\\].*fullchain\\.pem, not cert\\.pem"},
        {"complete: the intermediate only in --ca-file", "tls.chain.complete",
         [] { return withCaFile(servedContext(QStringLiteral("leaf-only")), QStringLiteral("inter")); },
         Status::Fail, "reject", "reject", "only your --ca-file has it.*Serve the full chain"},
        {"complete: a self-signed leaf", "tls.chain.complete",
         [] { return servedContext(QStringLiteral("selfsigned")); },
         Status::Pass, nullptr, nullptr, "self-signed.*tls\\.trust\\.public"},
        {"complete: up to an unknown root", "tls.chain.complete",
         [] { return servedContext(QStringLiteral("unknown-root")); },
         Status::Pass, nullptr, nullptr, "GJD Unknown Root CA.*which no trust store holds"},
        // tls.chain.order
        {"order: leaf, then its issuer", "tls.chain.order",
         [] { return servedContext(QStringLiteral("full")); },
         Status::Pass, nullptr, nullptr, "issuing order"},
        {"order: intermediates reversed", "tls.chain.order",
         [] { return servedContext(QStringLiteral("reversed")); },
         Status::Warn, nullptr, nullptr,
         "out of order: CN=gitlab\\.test → .*Policy CA,O=GJD Test → .*Issuing CA,O=GJD Test; expected "
         "CN=gitlab\\.test → .*Issuing CA,O=GJD Test → .*Policy CA,O=GJD Test\\..*Reorder.*leaf first"},
        // tls.chain.extra
        {"extra: nothing extra", "tls.chain.extra",
         [] { return servedContext(QStringLiteral("full")); },
         Status::Pass, nullptr, nullptr, "Every served certificate is on the path"},
        {"extra: an unrelated certificate", "tls.chain.extra",
         [] { return servedContext(QStringLiteral("extra")); },
         Status::Warn, nullptr, nullptr,
         "1 certificate.*not on the path: .*GJD Unrelated.*Remove them.*keep only the leaf and its "
         "intermediates"},
        {"extra: the intermediate twice", "tls.chain.extra",
         [] { return servedContext(QStringLiteral("duplicate")); },
         Status::Warn, nullptr, nullptr, "GJD Test Intermediate CA,O=GJD Test \\(served 2 times\\)"},
        {"extra: an intermediate served before the leaf", "tls.chain.extra",
         [] { return servedContext(QStringLiteral("inter-first")); },
         Status::Warn, nullptr, nullptr,
         "first certificate served.*is a CA certificate.*Put the leaf first, with its key.*"
         "ssl_certificate_key"},
        {"extra: more certificates than analysed", "tls.chain.extra",
         [] {
             RunContext ctx = servedContext(QStringLiteral("full"));
             ctx.tls->servedCount = 40;
             return ctx;
         },
         Status::Warn, nullptr, nullptr, "sends 40 certificate.*only the first 2 were analysed"},
        // tls.chain.anchor
        {"anchor: the root left out", "tls.chain.anchor",
         [] { return servedContext(QStringLiteral("full")); },
         Status::Pass, nullptr, nullptr, "not sent"},
        {"anchor: the root sent", "tls.chain.anchor",
         [] { return servedContext(QStringLiteral("with-root")); },
         Status::Info, nullptr, nullptr,
         "sends the root CN=GJD Test Root CA,O=GJD Test itself: harmless.*remove the root"},
        {"anchor: a self-signed leaf", "tls.chain.anchor",
         [] { return servedContext(QStringLiteral("selfsigned")); },
         Status::Skip, nullptr, nullptr, "self-signed"},
        // tls.trust.public
        {"trust: a public root", "tls.trust.public",
         [] { return servedContext(QStringLiteral("full")); },
         Status::Pass, nullptr, nullptr, "ends at CN=GJD Test Root CA,O=GJD Test, which trust\\.pem trusts"},
        {"trust: a self-signed leaf", "tls.trust.public",
         [] { return servedContext(QStringLiteral("selfsigned")); },
         Status::Fail, "reject", "reject",
         "self-signed: GitLab\\.com and Atlassian will not trust it.*public CA.*letsencrypt\\['enable'\\]"},
        {"trust: an unknown root", "tls.trust.public",
         [] { return servedContext(QStringLiteral("unknown-root")); },
         Status::Fail, "reject", "reject",
         "unknown root .*GJD Unknown Root CA.*trust\\.pem does not hold.*public CA"},
        {"trust: only through --ca-file", "tls.trust.public",
         [] { return withCaFile(servedContext(QStringLiteral("private-ca")), QStringLiteral("root2")); },
         Status::Fail, "reject", "reject",
         "trusted only through --ca-file \\(root2\\.pem.*will not trust this.*public CA"},
        {"trust: the chain incomplete", "tls.trust.public",
         [] { return servedContext(QStringLiteral("leaf-only")); },
         Status::Skip, nullptr, nullptr, "tls\\.chain\\.complete failed"},
        {"trust: a public root, seen only through a proxy", "tls.trust.public",
         [] { return proxiedContext(TlsResult::DirectView::Unavailable, QStringLiteral("full")); },
         Status::Pass, nullptr, nullptr,
         "which trust\\.pem trusts.*seen only through the proxy http://proxy\\.corp:3128: if it inspects "
         "TLS.*CN=GJD Test Root CA,O=GJD Test may be its root"},
        {"trust: a public root, compared with a direct handshake", "tls.trust.public",
         [] { return proxiedContext(TlsResult::DirectView::Same, QStringLiteral("full")); },
         Status::Pass, nullptr, nullptr, "^(?!.*proxy).*which trust\\.pem trusts"},
        // http.base
        {"base: GitLab's sign-in page", "http.base",
         [] { return httpContext({{probe::signIn, html(200, kSignInPage)}}); },
         Status::Pass, nullptr, nullptr,
         "sign-in page answers at https://gitlab\\.example\\.com/users/sign_in"},
        {"base: 502 from the reverse proxy", "http.base",
         [] { return httpContext({{probe::signIn, html(502, nginxPage(502))}}); },
         Status::Fail, nullptr, nullptr, "502 Bad Gateway.*no working GitLab.*gitlab-ctl status.*proxy_pass"},
        {"base: no HTTP answer", "http.base",
         [] { return httpContext({{probe::signIn, closed()}}); },
         Status::Fail, nullptr, nullptr, "no HTTP answer: The server closed.*proxy_pass"},
        {"base: redirected to the internal host", "http.base",
         [] {
             HttpResponse r = html(200, kSignInPage);
             r.hops = {{QUrl(QStringLiteral("https://gitlab.example.com/users/sign_in")), 301,
                        "https://gitlab.internal.lan/users/sign_in"}};
             return httpContext({{probe::signIn, r}});
         },
         Status::Warn, nullptr, nullptr,
         "redirects to another host or scheme: 301 .*→ https://gitlab\\.internal\\.lan/users/sign_in.*"
         "proxy_set_header Host gitlab\\.example\\.com.*external_url"},
        {"base: not GitLab", "http.base",
         [] {
             return httpContext({{probe::signIn, html(200, "<html><body>Welcome to nginx!</body></html>")}});
         },
         Status::Warn, nullptr, nullptr, "does not look like GitLab's sign-in page.*relative root"},
        // gitlab.api
        {"api: 401 without a token", "gitlab.api",
         [] { return httpContext({{probe::versionAnonymous, apiError(401)}}); },
         Status::Pass, nullptr, nullptr, "401 without a token, as expected"},
        {"api: GitLab's 404 page", "gitlab.api",
         [] { return httpContext({{probe::versionAnonymous, html(404, kGitLabNotFound)}}); },
         Status::Fail, nullptr, nullptr,
         "404 Not Found\\. The answer is an HTML page, not JSON\\. The GitLab API is not reachable.*pass /api/v4/"},
        {"api: redirected to the sign-in page", "gitlab.api",
         [] { return httpContext({{probe::versionAnonymous, signInRedirect()}}); },
         Status::Fail, nullptr, nullptr, "302 Found.*not reachable.*pass /api/v4/"},
        {"api: no answer", "gitlab.api",
         [] { return httpContext({{probe::versionAnonymous, timedOut()}}); },
         Status::Fail, nullptr, nullptr, "no complete HTTP answer.*pass /api/v4/"},
        // gitlab.version
        {"version: 17.8", "gitlab.version",
         [] { return tokenContext({{probe::apiVersion, version(QStringLiteral("17.8.1-ee"))}}); },
         Status::Pass, nullptr, nullptr, "GitLab 17\\.8\\.1-ee"},
        {"version: 15.6, marketplace", "gitlab.version",
         [] { return tokenContext({{probe::apiVersion, version(QStringLiteral("15.6.2-ee"))}}); },
         Status::Fail, nullptr, nullptr, "15\\.6\\.2-ee is older than 15\\.7.*Upgrade GitLab"},
        {"version: 17.1, marketplace", "gitlab.version",
         [] { return tokenContext({{probe::apiVersion, version(QStringLiteral("17.1.0"))}}); },
         Status::Warn, nullptr, nullptr, "branches can be created from Jira only from 17\\.2.*Upgrade"},
        {"version: 17.5, manual", "gitlab.version",
         [] {
             return tokenContext({{probe::apiVersion, version(QStringLiteral("17.5.1-ee"))}}, Method::Manual);
         },
         Status::Warn, nullptr, nullptr, "up to 17\\.5, manual installs fail with a 401.*Upgrade"},
        {"version: 15.6, manual", "gitlab.version",
         [] {
             return tokenContext({{probe::apiVersion, version(QStringLiteral("15.6.2-ee"))}}, Method::Manual);
         },
         Status::Warn, nullptr, nullptr, "401"},
        {"version: no version in the answer", "gitlab.version",
         [] { return tokenContext({{probe::apiVersion, html(200, kSignInPage)}}); },
         Status::Fail, nullptr, nullptr, "without a readable version.*gitlab\\.token"},
        // connect.descriptor
        {"descriptor: served", "connect.descriptor",
         [] { return descriptorContext(descriptorAnswer()); },
         Status::Pass, nullptr, nullptr,
         "key gitlab-jira-connect-gitlab\\.com, baseUrl https://gitlab\\.example\\.com/-/jira_connect"},
        {"descriptor: behind a sign-in page", "connect.descriptor",
         [] { return descriptorContext(html(200, kSignInPage)); },
         Status::Fail, nullptr, nullptr,
         "200, but not with the descriptor: The answer is an HTML sign-in page.*pass /-/jira_connect/.*"
         "auth_request"},
        {"descriptor: 404", "connect.descriptor",
         [] { return descriptorContext(html(404, nginxPage(404))); },
         Status::Fail, nullptr, nullptr,
         "answered 404 Not Found instead of the descriptor.*pass /-/jira_connect/"},
        {"descriptor: over 1 MiB", "connect.descriptor",
         [] {
             const QString error = QStringLiteral("The body is larger than 1 MiB.");
             return descriptorContext(noAnswer(QStringLiteral("too-large"), error));
         },
         Status::Fail, nullptr, nullptr, "larger than 1 MiB"},
        {"descriptor: timeout", "connect.descriptor",
         [] { return httpContext({{probe::descriptor, timedOut()}}); },
         Status::Fail, nullptr, nullptr, "no complete answer: Timed out"},
        // connect.descriptor.schema
        {"schema: GitLab's descriptor", "connect.descriptor.schema",
         [] { return descriptorContext(descriptorAnswer()); },
         Status::Pass, nullptr, nullptr, "all acceptable"},
        {"schema: a proxy URL with a trailing slash", "connect.descriptor.schema",
         [] { return descriptorContext(descriptorAnswer(kMarketplaceKey + "/")); },
         Status::Fail, nullptr, nullptr,
         "\"key\" \\(gitlab-jira-connect-gitlab\\.com/\\) may contain only.*Proxy URL.*exactly "
         "https://gitlab\\.com \\(no trailing slash\\)"},
        {"schema: rewritten on the way", "connect.descriptor.schema",
         [] {
             QJsonObject d = descriptor();
             d.insert(QStringLiteral("baseUrl"), QStringLiteral("http://gitlab.example.com/-/jira_connect"));
             d.insert(QStringLiteral("scopes"), QJsonArray{"READ", "ADMIN_ALL"});
             d.remove(QStringLiteral("lifecycle"));
             return descriptorContext(json(200, d));
         },
         Status::Fail, nullptr, nullptr,
         "baseUrl.*is not https.*lifecycle\\.installed.*is missing.*ADMIN_ALL.*Remove the rewriting rule"},
        // connect.descriptor.base_url
        {"base_url: the public URL", "connect.descriptor.base_url",
         [] { return descriptorContext(descriptorAnswer()); },
         Status::Pass, nullptr, nullptr, "matches the public URL"},
        {"base_url: with a relative root", "connect.descriptor.base_url",
         [] {
             const QString root = QStringLiteral("https://gitlab.example.com/gitlab");
             const QString baseUrl = root + QStringLiteral("/-/jira_connect");
             return descriptorContext(descriptorAnswer(kMarketplaceKey, baseUrl), Method::Marketplace, root);
         },
         Status::Pass, nullptr, nullptr, "matches the public URL"},
        {"base_url: the internal host", "connect.descriptor.base_url",
         [] {
             const QString internal = QStringLiteral("https://gitlab.internal.lan:8443/-/jira_connect");
             return descriptorContext(descriptorAnswer(kMarketplaceKey, internal));
         },
         Status::Fail, nullptr, nullptr,
         "Invalid audience.*proxy_set_header Host gitlab\\.example\\.com;.*Additional Audience URL to "
         "https://gitlab\\.example\\.com"},
        {"base_url: http", "connect.descriptor.base_url",
         [] {
             const QString http = QStringLiteral("http://gitlab.example.com/-/jira_connect");
             return descriptorContext(descriptorAnswer(kMarketplaceKey, http));
         },
         Status::Fail, nullptr, nullptr, "uses http.*external_url to https://"},
        {"base_url: the relative root lost", "connect.descriptor.base_url",
         [] {
             return descriptorContext(descriptorAnswer(), Method::Marketplace,
                                      QStringLiteral("https://gitlab.example.com/gitlab"));
         },
         Status::Fail, nullptr, nullptr,
         "path /-/jira_connect; expected /gitlab/-/jira_connect.*relative root"},
        // connect.descriptor.key
        {"key: marketplace", "connect.descriptor.key",
         [] { return descriptorContext(descriptorAnswer()); },
         Status::Pass, nullptr, nullptr, "gitlab-jira-connect-gitlab\\.com matches the marketplace method"},
        {"key: manual", "connect.descriptor.key",
         [] { return descriptorContext(descriptorAnswer(kOwnKey), Method::Manual); },
         Status::Pass, nullptr, nullptr, "matches the manual method"},
        {"key: marketplace without the proxy URL", "connect.descriptor.key",
         [] { return descriptorContext(descriptorAnswer(kOwnKey)); },
         Status::Fail, nullptr, nullptr,
         "Proxy URL is not set.*Jira Connect Proxy URL to https://gitlab\\.com \\(exactly"},
        {"key: manual with the proxy URL set", "connect.descriptor.key",
         [] { return onDay(descriptorContext(descriptorAnswer(), Method::Manual), "2026-12-02"); },
         Status::Fail, nullptr, nullptr,
         "Proxy URL is still set.*refuses a manual install.*--method marketplace"},
        {"key: manual with the proxy URL set, before installs closed", "connect.descriptor.key",
         [] { return onDay(descriptorContext(descriptorAnswer(), Method::Manual), "2026-01-15"); },
         Status::Fail, nullptr, nullptr, "refuses a manual install.*Clear .*Jira Connect Proxy URL"},
        {"key: a proxy URL with a trailing slash", "connect.descriptor.key",
         [] { return descriptorContext(descriptorAnswer(kMarketplaceKey + "/")); },
         Status::Fail, nullptr, nullptr, "trailing slash.*exactly https://gitlab\\.com — no trailing slash"},
        {"key: not GitLab's form", "connect.descriptor.key",
         [] { return descriptorContext(descriptorAnswer(QStringLiteral("com.example.jira"))); },
         Status::Fail, nullptr, nullptr, "not of GitLab's form.*sub_filter"},
        {"key: rewritten between instance and public URL", "connect.descriptor.key",
         [] {
             RunContext ctx = httpContext({{probe::descriptor, descriptorAnswer(kOwnKey)},
                                           {probe::descriptorDirect, descriptorAnswer(kInternalKey)}},
                                          Method::Manual, kInternal);
             ctx.publicUrl = InstanceUrl::parse(kInstance);
             return ctx;
         },
         Status::Fail, nullptr, nullptr,
         "differs between the public URL \\(gitlab-jira-connect-gitlab\\.example\\.com\\) and the "
         "instance.*sub_filter"},
        {"key: not what the settings make it", "connect.descriptor.key",
         [] {
             const QString rewritten = QStringLiteral("gitlab-jira-connect-jira.example.com");
             return tokenContext({{probe::descriptor, descriptorAnswer(rewritten)},
                                  {probe::apiSettings, manualSettings()},
                                  {probe::apiUser, user()}},
                                 Method::Manual);
         },
         Status::Fail, nullptr, nullptr,
         "settings make it gitlab-jira-connect-gitlab\\.example\\.com.*sub_filter"},
        {"key: external_url differs from the public host", "connect.descriptor.key",
         [] { return httpContext({{probe::descriptor, descriptorAnswer(kInternalKey)}}, Method::Manual); },
         Status::Info, nullptr, nullptr,
         "names gitlab\\.internal\\.lan.*not the public host gitlab\\.example\\.com"},
        // connect.lifecycle
        {"lifecycle: 401", "connect.lifecycle",
         [] { return httpContext({{probe::installed, answer(401)}}); },
         Status::Pass, nullptr, nullptr, "answers 401, as GitLab does"},
        {"lifecycle: 404", "connect.lifecycle",
         [] { return httpContext({{probe::installed, html(404, kGitLabNotFound)}}); },
         Status::Fail, nullptr, nullptr,
         "404.*allowlist.*Allow the GitLab for Jira Cloud app.*pass /-/jira_connect/"},
        {"lifecycle: a WAF's 403", "connect.lifecycle",
         [] { return httpContext({{probe::installed, html(403, nginxPage(403))}}); },
         Status::Fail, nullptr, nullptr,
         "403 Forbidden \\(an HTML page\\).*WAF.*Let POST requests to /-/jira_connect/events/"},
        {"lifecycle: POST not allowed", "connect.lifecycle",
         [] {
             return httpContext({{probe::installed, html(405, nginxPage(405), {{"Allow", "GET, HEAD"}})}});
         },
         Status::Fail, nullptr, nullptr, "405.*limit_except"},
        {"lifecycle: 200", "connect.lifecycle",
         [] { return httpContext({{probe::installed, html(200, "<html><body>OK</body></html>")}}); },
         Status::Fail, nullptr, nullptr, "200 OK without a token: whatever answers is not GitLab"},
        // connect.oauth_application_id
        {"app id: published", "connect.oauth_application_id",
         [] { return httpContext({{probe::applicationId, applicationId()}}); },
         Status::Pass, nullptr, nullptr, "can read the OAuth application ID \\(5f0c6b3e"},
        {"app id: not set", "connect.oauth_application_id",
         [] { return httpContext({{probe::applicationId, answer(404)}}); },
         Status::Fail, nullptr, nullptr,
         "404: the Jira Connect Application ID is not set.*Jira Connect Application ID.*configure"},
        {"app id: 404 although set", "connect.oauth_application_id",
         [] { return tokenContext({{probe::applicationId, answer(404)}, {probe::apiSettings, settings()}}); },
         Status::Fail, nullptr, nullptr, "although the Jira Connect Application ID is set.*reverse proxy"},
        {"app id: a sign-in redirect", "connect.oauth_application_id",
         [] { return httpContext({{probe::applicationId, signInRedirect()}}); },
         Status::Fail, nullptr, nullptr, "302 Found.*does not reach GitLab.*pass /-/jira_connect/"},
        {"app id: an empty ID", "connect.oauth_application_id",
         [] { return httpContext({{probe::applicationId, applicationId(QString())}}); },
         Status::Fail, nullptr, nullptr, "without an application ID"},
        // connect.cors
        {"cors: GET and preflight allow gitlab.com", "connect.cors",
         [] {
             const HttpHeaders allow{{"Access-Control-Allow-Origin", "https://gitlab.com"},
                                     {"Access-Control-Allow-Methods", "GET, OPTIONS"}};
             return httpContext({{probe::applicationId, applicationId(kAppUid, allow)},
                                 {probe::applicationIdPreflight, answer(200, {}, {}, allow)}});
         },
         Status::Pass, nullptr, nullptr, "allows the origin https://gitlab\\.com"},
        {"cors: proxy URL with a trailing slash", "connect.cors",
         [] {
             return tokenContext({{probe::applicationId, applicationId()},
                                  {probe::applicationIdPreflight, answer(200)},
                                  {probe::apiSettings, settings("jira_connect_proxy_url", kGitLabComSlash)}});
         },
         Status::Fail, nullptr, nullptr,
         "no Access-Control-Allow-Origin header, because the Jira Connect Proxy URL "
         "is \"https://gitlab\\.com/\".*exactly https://gitlab\\.com — no trailing slash"},
        {"cors: headers stripped by the proxy", "connect.cors",
         [] {
             return tokenContext({{probe::applicationId, applicationId()},
                                  {probe::applicationIdPreflight, answer(200)},
                                  {probe::apiSettings, settings()}});
         },
         Status::Fail, nullptr, nullptr,
         "setting is right.*strips.*proxy_hide_header Access-Control-Allow-Origin"},
        {"cors: missing, no token", "connect.cors",
         [] {
             return httpContext({{probe::applicationId, applicationId()},
                                 {probe::applicationIdPreflight, answer(200)}});
         },
         Status::Fail, nullptr, nullptr,
         "no Access-Control-Allow-Origin.*no trailing slash.*proxy_hide_header.*GITLAB_TOKEN"},
        {"cors: the endpoint does not reach GitLab", "connect.cors",
         [] {
             return httpContext(
                 {{probe::applicationId, signInRedirect()}, {probe::applicationIdPreflight, answer(200)}});
         },
         Status::Fail, nullptr, nullptr, "does not reach GitLab \\(an HTML page with 302 Found\\)"},
        // connect.oauth_callbacks
        {"callbacks: 200", "connect.oauth_callbacks",
         [] {
             const QByteArray page = "<!DOCTYPE html>\n<html><head><title>GitLab</title></head>"
                                     "<body>You can close this window.</body></html>";
             return httpContext({{probe::oauthCallbacks, html(200, page)}}, Method::Manual);
         },
         Status::Pass, nullptr, nullptr, "oauth_callbacks answers 200"},
        {"callbacks: 404", "connect.oauth_callbacks",
         [] { return httpContext({{probe::oauthCallbacks, html(404, nginxPage(404))}}, Method::Manual); },
         Status::Fail, nullptr, nullptr, "404 Not Found.*redirect URI must be exactly this URL"},
        {"callbacks: no answer", "connect.oauth_callbacks",
         [] { return httpContext({{probe::oauthCallbacks, timedOut()}}, Method::Proxy); },
         Status::Fail, nullptr, nullptr, "no complete answer.*oauth_callbacks to GitLab"},
        // connect.oauth_token_cors
        {"token cors: rack-cors answers", "connect.oauth_token_cors",
         [] {
             const HttpHeaders cors{{"Access-Control-Allow-Origin", "*"},
                                    {"Access-Control-Allow-Methods", "POST, OPTIONS"},
                                    {"Access-Control-Allow-Headers", "content-type"}};
             return httpContext({{probe::oauthTokenPreflight, answer(200, {}, {}, cors)}});
         },
         Status::Pass, nullptr, nullptr, "allows POST from https://gitlab\\.com"},
        {"token cors: headers stripped", "connect.oauth_token_cors",
         [] { return httpContext({{probe::oauthTokenPreflight, answer(200)}}); },
         Status::Warn, nullptr, nullptr,
         "no Access-Control-Allow-Origin: Chromium.*proxy_hide_header.*Firefox"},
        {"token cors: no answer", "connect.oauth_token_cors",
         [] { return httpContext({{probe::oauthTokenPreflight, closed()}}); },
         Status::Warn, nullptr, nullptr, "no complete answer.*Chromium.*OPTIONS and POST to /oauth/token"},
        // gitlab.token
        {"token: none given", "gitlab.token",
         [] { return httpContext({}); },
         Status::Skip, nullptr, nullptr, "No administrator token given \\(GITLAB_TOKEN\\)"},
        {"token: an administrator's, scope api", "gitlab.token",
         [] { return tokenContext({{probe::apiUser, user()}, {probe::apiToken, tokenSelf()}}); },
         Status::Pass, nullptr, nullptr, "administrator root, scopes api"},
        {"token: refused", "gitlab.token",
         [] { return tokenContext({{probe::apiUser, apiError(401)}, {probe::apiToken, apiError(401)}}); },
         Status::Fail, nullptr, nullptr,
         "refused the token \\(401\\).*personal access token of an administrator with the scope api"},
        {"token: Admin Mode without admin_mode", "gitlab.token",
         [] { return tokenContext({{probe::apiUser, user(false)}, {probe::apiToken, tokenSelf()}}); },
         Status::Fail, nullptr, nullptr, "not treated as an administrator's.*Admin Mode.*admin_mode scope"},
        {"token: not an administrator", "gitlab.token",
         [] {
             const QStringList scopes{QStringLiteral("api"), QStringLiteral("admin_mode")};
             return tokenContext({{probe::apiUser, user(false)}, {probe::apiToken, tokenSelf(scopes)}});
         },
         Status::Fail, nullptr, nullptr,
         "root is not an administrator.*personal access token of an administrator"},
        {"token: read_api only", "gitlab.token",
         [] {
             const QStringList scopes{QStringLiteral("read_api")};
             return tokenContext({{probe::apiUser, user()}, {probe::apiToken, tokenSelf(scopes)}});
         },
         Status::Fail, nullptr, nullptr, "scopes read_api but not api"},
        {"token: expires in 3 days", "gitlab.token",
         [] {
             const QString inThreeDays = Clock::nowUtc().date().addDays(3).toString(Qt::ISODate);
             return tokenContext({{probe::apiUser, user()},
                                  {probe::apiToken, tokenSelf({QStringLiteral("api")}, inThreeDays)}});
         },
         Status::Warn, nullptr, nullptr, "expires on .*new token before then"},
        {"token: a certificate this computer cannot verify", "gitlab.token",
         [] {
             const QString error = QStringLiteral("The certificate does not verify here: token not sent.");
             return tokenContext({{probe::apiUser, noAnswer(QStringLiteral("untrusted"), error)}});
         },
         Status::Fail, nullptr, nullptr, "token not sent.*--ca-file"},
        // gitlab.settings.application_key
        {"application key: an application's", "gitlab.settings.application_key",
         [] { return applicationsContext(settings(), applications()); },
         Status::Pass, nullptr, nullptr, "OAuth application \"GitLab for Jira\""},
        {"application key: blank", "gitlab.settings.application_key",
         [] {
             return applicationsContext(settings("jira_connect_application_key", QJsonValue::Null),
                                        applications());
         },
         Status::Fail, nullptr, nullptr,
         "blank.*redirect URI https://gitlab\\.com/-/jira_connect/oauth_callbacks, scope api, not "
         "confidential"},
        {"application key: blank, manual", "gitlab.settings.application_key",
         [] {
             return applicationsContext(manualSettings("jira_connect_application_key", ""), applications(),
                                        Method::Manual);
         },
         Status::Fail, nullptr, nullptr,
         "redirect URI https://gitlab\\.example\\.com/-/jira_connect/oauth_callbacks"},
        {"application key: no such application", "gitlab.settings.application_key",
         [] {
             const QJsonObject other = application(3, QStringLiteral("0123abcd"));
             return applicationsContext(settings(), applications({other}));
         },
         Status::Fail, nullptr, nullptr, "belongs to no OAuth application of this instance \\(1 application"},
        {"application key: applications unreadable", "gitlab.settings.application_key",
         [] { return applicationsContext(settings(), apiError(403)); },
         Status::Warn, nullptr, nullptr, "could not be read to confirm it"},
        {"application key: settings unreadable", "gitlab.settings.application_key",
         [] { return applicationsContext(apiError(403), applications()); },
         Status::Fail, nullptr, nullptr, "settings could not be read \\(403 Forbidden\\).*admin_mode"},
        // gitlab.settings.proxy_url
        {"proxy url: exactly gitlab.com", "gitlab.settings.proxy_url",
         [] { return settingsContext(settings()); },
         Status::Pass, nullptr, nullptr, "Exactly https://gitlab\\.com"},
        {"proxy url: a trailing slash", "gitlab.settings.proxy_url",
         [] { return settingsContext(settings("jira_connect_proxy_url", kGitLabComSlash)); },
         Status::Fail, nullptr, nullptr, "\"https://gitlab\\.com/\" is not exactly.*CORS.*no trailing slash"},
        {"proxy url: http", "gitlab.settings.proxy_url",
         [] { return settingsContext(settings("jira_connect_proxy_url", "http://gitlab.com")); },
         Status::Fail, nullptr, nullptr, "uses http.*exactly https://gitlab\\.com"},
        {"proxy url: blank, marketplace", "gitlab.settings.proxy_url",
         [] { return settingsContext(manualSettings()); },
         Status::Fail, nullptr, nullptr,
         "Blank: the instance is not in Marketplace mode.*Jira Connect Proxy URL to exactly "
         "https://gitlab\\.com"},
        {"proxy url: another instance", "gitlab.settings.proxy_url",
         [] { return settingsContext(settings("jira_connect_proxy_url", "https://gitlab.hub.example")); },
         Status::Info, nullptr, nullptr, "https://gitlab\\.hub\\.example, another instance that relays"},
        {"proxy url: blank, manual", "gitlab.settings.proxy_url",
         [] { return settingsContext(manualSettings(), Method::Manual); },
         Status::Pass, nullptr, nullptr, "Blank, as the manual method needs"},
        {"proxy url: set, manual", "gitlab.settings.proxy_url",
         [] { return settingsContext(settings(), Method::Manual); },
         Status::Fail, nullptr, nullptr,
         "the manual method needs it blank.*Clear the Jira Connect Proxy URL"},
        // gitlab.settings.public_key_storage
        {"key storage: on, proxy", "gitlab.settings.public_key_storage",
         [] {
             const HttpResponse on = manualSettings("jira_connect_public_key_storage_enabled", true);
             return settingsContext(on, Method::Proxy);
         },
         Status::Pass, nullptr, nullptr, "On"},
        {"key storage: off, proxy", "gitlab.settings.public_key_storage",
         [] { return settingsContext(manualSettings(), Method::Proxy); },
         Status::Fail, nullptr, nullptr, "cannot verify Jira's tokens.*Enable public key storage"},
        {"key storage: on, marketplace", "gitlab.settings.public_key_storage",
         [] { return settingsContext(settings("jira_connect_public_key_storage_enabled", true)); },
         Status::Warn, nullptr, nullptr, "does not relay for others \\(marketplace method\\).*Turn off"},
        {"key storage: off, manual", "gitlab.settings.public_key_storage",
         [] { return settingsContext(manualSettings(), Method::Manual); },
         Status::Pass, nullptr, nullptr, "Off, as the manual method needs"},
        // gitlab.settings.audience
        {"audience: before 17.7", "gitlab.settings.audience",
         [] {
             return tokenContext({{probe::apiVersion, version(QStringLiteral("17.6.2-ee"))},
                                  {probe::apiSettings, settings()},
                                  {probe::apiUser, user()}});
         },
         Status::Skip, nullptr, nullptr, "17\\.6\\.2.*arrived in 17\\.7"},
        {"audience: not needed", "gitlab.settings.audience",
         [] {
             return tokenContext({{probe::apiVersion, version(QStringLiteral("17.8.1-ee"))},
                                  {probe::apiSettings, settings()},
                                  {probe::apiUser, user()}});
         },
         Status::Pass, nullptr, nullptr, "Not needed"},
        {"audience: missing behind a proxy", "gitlab.settings.audience",
         [] {
             RunContext ctx = tokenContext({{probe::apiVersion, version(QStringLiteral("17.8.1-ee"))},
                                            {probe::apiSettings, settings()},
                                            {probe::apiUser, user(true, kInternal)}},
                                           Method::Marketplace, kInternal);
             ctx.publicUrl = InstanceUrl::parse(kInstance);
             return ctx;
         },
         Status::Warn, nullptr, nullptr,
         "external_url host is gitlab\\.internal\\.lan.*Invalid audience.*Additional Audience URL to "
         "https://gitlab\\.example\\.com"},
        {"audience: set behind a proxy", "gitlab.settings.audience",
         [] {
             const QString withSlash = kInstance + u'/';
             RunContext ctx = tokenContext(
                 {{probe::apiVersion, version(QStringLiteral("17.8.1-ee"))},
                  {probe::apiSettings, settings("jira_connect_additional_audience_url", withSlash)},
                  {probe::apiUser, user(true, kInternal)}},
                 Method::Marketplace, kInternal);
             ctx.publicUrl = InstanceUrl::parse(kInstance);
             return ctx;
         },
         Status::Pass, nullptr, nullptr, "Set to the public URL https://gitlab\\.example\\.com"},
        // gitlab.oauth_app
        {"oauth app: set up for the Marketplace app", "gitlab.oauth_app",
         [] { return applicationsContext(settings(), applications()); },
         Status::Pass, nullptr, nullptr,
         "not confidential, redirect URI https://gitlab\\.com/-/jira_connect/oauth_callbacks"},
        // gitlab.settings.application_key only warns when the list cannot be read: these must not
        // dereference what is not there (it crashed) but say why they cannot judge.
        {"oauth app: the applications unreadable (403)", "gitlab.oauth_app",
         [] { return applicationsContext(settings(), json(403, QJsonObject{{"message", "403 Forbidden"}})); },
         Status::Skip, nullptr, nullptr, "could not be read.*gitlab\\.settings\\.application_key"},
        {"oauth app trusted: the applications unreadable (502)", "gitlab.oauth_app.trusted",
         [] { return applicationsContext(settings(), html(502, "<html>Bad Gateway</html>")); },
         Status::Skip, nullptr, nullptr, "could not be read"},
        {"oauth app: confidential", "gitlab.oauth_app",
         [] {
             const QJsonObject confidential = application(7, kAppUid, kMarketplaceCallback, true);
             return applicationsContext(settings(), applications({confidential}));
         },
         Status::Fail, nullptr, nullptr,
         "it is confidential.*Edit the application.*"
         "https://gitlab\\.example\\.com/admin/applications/7/edit"},
        {"oauth app: the Marketplace callback, manual", "gitlab.oauth_app",
         [] { return applicationsContext(manualSettings(), applications(), Method::Manual); },
         Status::Fail, nullptr, nullptr,
         "redirect URI is \"https://gitlab\\.com/-/jira_connect/oauth_callbacks\", not "
         "https://gitlab\\.example\\.com/-/jira_connect/oauth_callbacks"},
        {"oauth app: scopes beyond api", "gitlab.oauth_app",
         [] {
             QJsonObject app = application(7, kAppUid);
             app.insert(QStringLiteral("scopes"), QJsonArray{"api", "read_user"});
             return applicationsContext(settings(), applications({app}));
         },
         Status::Fail, nullptr, nullptr, "scopes are \"api read_user\", not exactly api"},
        {"oauth app: leftovers", "gitlab.oauth_app",
         [] {
             const QString manualCallback = kInstance + QStringLiteral("/-/jira_connect/oauth_callbacks");
             const QJsonObject old =
                 application(3, QStringLiteral("0123abcd"), manualCallback, false, QStringLiteral("Old"));
             return applicationsContext(settings(), applications({old, application(7, kAppUid)}));
         },
         Status::Info, nullptr, nullptr, "1 other application.*: Old"},
        // gitlab.oauth_app.trusted
        {"trusted: where to look", "gitlab.oauth_app.trusted",
         [] { return applicationsContext(settings(), applications()); },
         Status::Manual, nullptr, nullptr,
         "https://gitlab\\.example\\.com/admin/applications/7/edit.*Trusted is cleared.*clear Trusted and "
         "save"},
        // jira.auth
        {"jira: no site given", "jira.auth",
         [] { return httpContext({}); },
         Status::Skip, nullptr, nullptr, "No Jira site given"},
        {"jira: signed in", "jira.auth",
         [] { return groupsContext({QStringLiteral("site-admins")}); },
         Status::Pass, nullptr, nullptr, "Signed in to https://example\\.atlassian\\.net as Ada Admin"},
        {"jira: a password instead of a token", "jira.auth",
         [] {
             return myselfContext(
                 answer(401, "text/plain;charset=UTF-8",
                        "Basic authentication with passwords is deprecated.  For more information, see: "
                        "https://developer.atlassian.com/cloud/confluence/deprecation-notice-basic-auth/"));
         },
         Status::Fail, nullptr, nullptr,
         "account password.*API token.*id\\.atlassian\\.com/manage-profile/security/api-tokens"},
        {"jira: a wrong token", "jira.auth",
         [] {
             return myselfContext(answer(401, "text/plain;charset=UTF-8",
                                         "Client must be authenticated to access this resource.",
                                         {{"X-Seraph-LoginReason", "AUTHENTICATED_FAILED"}}));
         },
         Status::Fail, nullptr, nullptr,
         "ada@example\\.com \\(401\\).*Create an API token.*not account passwords"},
        {"jira: the IP allowlist", "jira.auth",
         [] {
             const QString refused =
                 QStringLiteral("The IP address 198.51.100.7 was rejected because it is not on the allowed "
                                "list.");
             return myselfContext(jiraErrors(403, refused));
         },
         Status::Fail, nullptr, nullptr,
         "IP allowlist blocks this computer: The IP address 198\\.51\\.100\\.7.*IP allowlists"},
        {"jira: rate limited", "jira.auth",
         [] {
             const HttpHeaders retryAfter{{"Retry-After", "5"}};
             return myselfContext(answer(429, "text/plain;charset=UTF-8", "Rate limited", retryAfter));
         },
         Status::Warn, nullptr, nullptr, "429.*run the check again"},
        {"jira: not a Jira site", "jira.auth",
         [] { return myselfContext(html(404, "<html><body>Site not found</body></html>")); },
         Status::Fail, nullptr, nullptr, "not with Jira's JSON.*your-site\\.atlassian\\.net"},
        // jira.admin_group
        {"admin group: site-admins", "jira.admin_group",
         [] { return groupsContext({QStringLiteral("jira-software-users"), QStringLiteral("site-admins")}); },
         Status::Pass, nullptr, nullptr, "ada@example\\.com is in site-admins"},
        // jira.auth only warns on 429: the groups are unknown, not empty (it said "in no group").
        {"admin group: /myself rate-limited", "jira.admin_group",
         [] { return myselfContext(jiraErrors(429, QStringLiteral("Rate limit exceeded"))); },
         Status::Skip, nullptr, nullptr, "groups of ada@example\\.com could not be read"},
        {"admin group: org-admins", "jira.admin_group",
         [] { return groupsContext({QStringLiteral("org-admins")}); },
         Status::Pass, nullptr, nullptr, "in org-admins"},
        {"admin group: Jira administrators only", "jira.admin_group",
         [] { return groupsContext({QStringLiteral("jira-administrators"), QStringLiteral("Site-Admins")}); },
         Status::Fail, nullptr, nullptr,
         "in jira-administrators, Site-Admins, but not in site-admins or org-admins.*Administer Jira "
         "permission alone is not enough"},
        {"admin group: no group", "jira.admin_group",
         [] { return myselfContext(myself({})); },
         Status::Fail, nullptr, nullptr, "in no group.*site-admins"},
        // jira.browse_users
        {"browse users: granted", "jira.browse_users",
         [] { return jiraContext({{probe::jiraPermissions, userPicker(true)}}); },
         Status::Pass, nullptr, nullptr, "may browse users and groups"},
        {"browse users: missing", "jira.browse_users",
         [] { return jiraContext({{probe::jiraPermissions, userPicker(false)}}); },
         Status::Fail, nullptr, nullptr,
         "lacks the global permission Browse users and groups.*Global permissions"},
        {"browse users: key unknown, groups readable", "jira.browse_users",
         [] {
             const QString unknown = QStringLiteral("Invalid permission key(s): USER_PICKER");
             return jiraContext({{probe::jiraPermissions, jiraErrors(400, unknown)},
                                 {probe::jiraUserGroups, jiraJson(200, QJsonObject{})}});
         },
         Status::Pass, nullptr, nullptr, "the user's groups could be read"},
        {"browse users: key unknown, groups refused", "jira.browse_users",
         [] {
             const QString unknown = QStringLiteral("Invalid permission key(s): USER_PICKER");
             return jiraContext({{probe::jiraPermissions, jiraErrors(400, unknown)},
                                 {probe::jiraUserGroups, jiraErrors(403, QStringLiteral("Forbidden"))}});
         },
         Status::Fail, nullptr, nullptr, "\\(403\\).*Browse users and groups is missing.*Global permissions"},
        {"browse users: undecided", "jira.browse_users",
         [] { return jiraContext({{probe::jiraPermissions, html(502, nginxPage(502))}}); },
         Status::Warn, nullptr, nullptr,
         "could not be determined \\(mypermissions answered 502 Bad Gateway\\)"},
        // platform.install_type
        {"install type: marketplace", "platform.install_type",
         [] { return settingsContext(settings()); },
         Status::Info, nullptr, nullptr, "^marketplace:"},
        {"install type: forge-native", "platform.install_type",
         [] {
             const QJsonObject forge{{"jira_connect_application_key", QJsonValue::Null},
                                     {"jira_forge_app_id", kForgeAppId}};
             return settingsContext(manualSettings(forge));
         },
         Status::Info, nullptr, nullptr, "^forge-native:.*experimental"},
        {"install type: legacy-connect after the end of support", "platform.install_type",
         [] { return onDay(settingsContext(manualSettings(), Method::Manual), "2026-12-02"); },
         Status::Fail, nullptr, nullptr, "^legacy-connect:.*configure <URL> --method marketplace"},
        {"install type: legacy-connect before the end of support", "platform.install_type",
         [] { return onDay(settingsContext(manualSettings(), Method::Manual), "2026-06-01"); },
         Status::Warn, nullptr, nullptr, "^legacy-connect:.*Move to the Marketplace app"},
        {"install type: legacy-connect from the descriptor", "platform.install_type",
         [] {
             const Responses responses{{probe::descriptor, descriptorAnswer(kOwnKey)},
                                       {probe::applicationId, applicationId()}};
             return onDay(httpContext(responses, Method::Manual), "2026-12-02");
         },
         Status::Fail, nullptr, nullptr, "^legacy-connect:"},
        {"install type: nothing set up", "platform.install_type",
         [] {
             return httpContext({{probe::descriptor, descriptorAnswer(kOwnKey)},
                                 {probe::applicationId, answer(404)}});
         },
         Status::Info, nullptr, nullptr, "^none:.*--method marketplace"},
        {"install type: undecided", "platform.install_type",
         [] { return httpContext({}); },
         Status::Skip, nullptr, nullptr, "could not be decided"},
        // platform.connect_eol
        {"connect eol: an existing manual install, December 2026", "platform.connect_eol",
         [] { return onDay(settingsContext(manualSettings(), Method::Manual), "2026-12-02"); },
         Status::Fail, nullptr, nullptr,
         "manual method relies on Atlassian Connect.*December 2026.*Move to the Marketplace app"},
        {"connect eol: an existing manual install, June 2026", "platform.connect_eol",
         [] { return onDay(settingsContext(manualSettings(), Method::Manual), "2026-06-01"); },
         Status::Warn, nullptr, nullptr,
         "relies on Atlassian Connect.*December 2026.*Move to the Marketplace app"},
        {"connect eol: a new manual install, June 2026", "platform.connect_eol",
         [] {
             const HttpResponse blank = manualSettings("jira_connect_application_key", QJsonValue::Null);
             return onDay(settingsContext(blank, Method::Manual), "2026-06-01");
         },
         Status::Fail, nullptr, nullptr, "new manual install cannot be made.*31 March 2026"},
        {"connect eol: a new manual install, January 2026", "platform.connect_eol",
         [] {
             const HttpResponse blank = manualSettings("jira_connect_application_key", QJsonValue::Null);
             return onDay(settingsContext(blank, Method::Manual), "2026-01-15");
         },
         Status::Warn, nullptr, nullptr, "relies on Atlassian Connect"},
        {"connect eol: forge-native", "platform.connect_eol",
         [] { return settingsContext(forgeSettings(), Method::Manual); },
         Status::Skip, nullptr, nullptr, "does not rely on Atlassian Connect"},
        // platform.forge_upgrade
        {"forge upgrade: where to approve it", "platform.forge_upgrade",
         [] { return httpContext({}); },
         Status::Manual, nullptr, nullptr,
         "Installed apps.*GitLab for Jira Cloud.*approve.*site-admins or org-admins"},
        // forge.app_id
        {"forge app id: an app ARI", "forge.app_id",
         [] { return settingsContext(forgeSettings()); },
         Status::Pass, nullptr, nullptr, "is an app ARI"},
        {"forge app id: a bare UUID", "forge.app_id",
         [] {
             return settingsContext(forgeSettings(QStringLiteral("0f8b4c1e-2d3a-4b5c-9d6e-7f8a9b0c1d2e")));
         },
         Status::Fail, nullptr, nullptr,
         "not an app ARI of the form ari:cloud:ecosystem::app/<uuid>.*Set jira_forge_app_id"},
        {"forge app id: the Marketplace app", "forge.app_id",
         [] { return settingsContext(settings()); },
         Status::Skip, nullptr, nullptr, "this one is marketplace"},
        {"forge app id: without a token", "forge.app_id",
         [] { return descriptorContext(descriptorAnswer()); },
         Status::Skip, nullptr, nullptr, "give an administrator's token"},
        // forge.installation_endpoint
        {"forge endpoint: GitLab's 401", "forge.installation_endpoint",
         [] {
             const QString refused =
                 QStringLiteral("401 Unauthorized - Forge invocation token authentication failed");
             return forgeContext(json(401, QJsonObject{{"message", refused}}));
         },
         Status::Pass, nullptr, nullptr,
         "401 \"Forge invocation token authentication failed\", as GitLab does"},
        {"forge endpoint: 404", "forge.installation_endpoint",
         [] { return forgeContext(apiError(404)); },
         Status::Fail, nullptr, nullptr, "404.*Upgrade GitLab.*pass /api/v4/integrations/jira_forge/"},
        {"forge endpoint: a WAF's 403", "forge.installation_endpoint",
         [] { return forgeContext(html(403, nginxPage(403))); },
         Status::Fail, nullptr, nullptr, "403 Forbidden \\(an HTML page\\).*WAF.*PUT and POST"},
        {"forge endpoint: the Marketplace app", "forge.installation_endpoint",
         [] { return settingsContext(settings()); },
         Status::Skip, nullptr, nullptr, "native Forge install only"},
        // manual.forge_network
        {"forge network: forge-native", "manual.forge_network",
         [] { return settingsContext(forgeSettings()); },
         Status::Manual, nullptr, nullptr,
         "curl --head https://api\\.atlassian\\.com.*forge\\.cdn\\.prod\\.atlassian-dev\\.net.*Outgoing "
         "Connections"},
        {"forge network: the Marketplace app", "manual.forge_network",
         [] { return settingsContext(settings()); },
         Status::Skip, nullptr, nullptr, "native Forge install only"},
        // manual.inbound
        {"inbound: marketplace", "manual.inbound",
         [] { return httpContext({}); },
         Status::Manual, nullptr, nullptr,
         "GitLab\\.com \\(34\\.74\\.90\\.64/28, 34\\.74\\.226\\.0/24\\).*ip-ranges\\.atlassian\\.com"},
        {"inbound: manual", "manual.inbound",
         [] { return httpContext({}, Method::Manual); },
         Status::Manual, nullptr, nullptr,
         "^(?!.*34\\.74\\.).*Jira Cloud \\(Atlassian's egress ranges\\) reaches"},
        // manual.outbound
        {"outbound: marketplace", "manual.outbound",
         [] { return httpContext({}); },
         Status::Manual, nullptr, nullptr,
         "curl --head https://gitlab\\.com.*curl --head https://connect-install-keys\\.atlassian\\.com"},
        {"outbound: manual", "manual.outbound",
         [] { return httpContext({}, Method::Manual); },
         Status::Manual, nullptr, nullptr,
         "^(?!.*curl --head https://gitlab\\.com\").*connect-install-keys\\.atlassian\\.com"},
    };
    return all;
}

} // namespace

class TestCheckRules final : public QObject
{
    Q_OBJECT

private slots:
    void rule_data();
    void rule();
    void everyCheckIsInTheTable();
    void installTypeChecksReadItsProbes();
};

void TestCheckRules::rule_data()
{
    QTest::addColumn<int>("index");
    for (int i = 0; i < cases().size(); ++i)
        QTest::newRow(cases().at(i).tag) << i;
}

void TestCheckRules::rule()
{
    QFETCH(int, index);
    const Case& c = cases().at(index);
    const Check* check = findCheck(QLatin1String(c.check));
    QVERIFY2(check, c.check);
    const RunContext ctx = c.context();
    Finding f;
    f.id = check->id();
    check->evaluate(ctx, f);
    const QString text = f.summary + QLatin1Char('\n') + f.remedy;
    QVERIFY2(f.status == c.status, qPrintable(QStringLiteral("status %1: %2").arg(int(f.status)).arg(text)));
    QVERIFY2(!f.summary.isEmpty(), "no summary");
    if (f.status == Status::Warn || f.status == Status::Fail)
        QVERIFY2(!f.remedy.isEmpty(), qPrintable(text));
    const QRegularExpression pattern(QString::fromUtf8(c.pattern),
                                     QRegularExpression::CaseInsensitiveOption |
                                         QRegularExpression::DotMatchesEverythingOption);
    // The details too, but a pattern that rules text out (?!…) holds for the summary and remedy.
    QVERIFY2(pattern.match(text).hasMatch() || pattern.match(text + QLatin1Char('\n') + f.details).hasMatch(),
             qPrintable(QStringLiteral("/%1/ not in: %2").arg(pattern.pattern(), text)));
    const QJsonObject consumers = f.evidence.value(QStringLiteral("consumers")).toObject();
    if (!c.gitlabCom) {
        QVERIFY2(consumers.isEmpty(), qPrintable(text));
    } else {
        QCOMPARE(consumers.value(QStringLiteral("gitlab_com")).toString(), QLatin1String(c.gitlabCom));
        QCOMPARE(consumers.value(QStringLiteral("jira_cloud")).toString(), QLatin1String(c.jiraCloud));
    }
}

// Every catalogue row has an id, a category, a title and an evaluate function, and at least one
// rule above; every rule names a check of the catalogue.
void TestCheckRules::everyCheckIsInTheTable()
{
    QStringList ids;
    for (const auto& check : catalogue()) {
        QVERIFY(!check->id().isEmpty());
        QVERIFY2(Categories::ids().contains(check->category()), qPrintable(check->id()));
        QVERIFY2(!check->title().isEmpty(), qPrintable(check->id()));
        QVERIFY2(!check->methods().isEmpty(), qPrintable(check->id()));
        ids.append(check->id());
    }
    QCOMPARE(ids.size(), 49);
    QVERIFY2(catalogueProblems(catalogue()).isEmpty(),
             qPrintable(catalogueProblems(catalogue()).join(u'\n')));
    QStringList covered;
    for (const Case& c : cases()) {
        QVERIFY2(ids.contains(QLatin1String(c.check)), c.check);
        covered.append(QLatin1String(c.check));
    }
    for (const QString& id : std::as_const(ids))
        QVERIFY2(covered.contains(id), qPrintable(QStringLiteral("no rule for %1").arg(id)));
}

// The checks that decide on the install type (InstallTypes::decide) must wait for what it reads:
// their rows list installTypeProbes() (checks/platformcommon.h).
void TestCheckRules::installTypeChecksReadItsProbes()
{
    for (const char* id : {"platform.install_type", "platform.connect_eol", "forge.app_id",
                           "forge.installation_endpoint", "manual.forge_network"}) {
        const Check* check = findCheck(QLatin1String(id));
        QVERIFY2(check, id);
        for (const QString& probe : platformcommon::installTypeProbes())
            QVERIFY2(check->probes().contains(probe),
                     qPrintable(QStringLiteral("%1 lacks %2").arg(QLatin1String(id), probe)));
        QVERIFY2(check->probesOptional(), id);
    }
}

QTEST_GUILESS_MAIN(TestCheckRules)
#include "tst_checkrules.moc"
