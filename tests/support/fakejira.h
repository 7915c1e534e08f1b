// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fakeserver.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponder;

namespace gjd::test {

// A group as Jira lists it (`GroupName`). Jira lists nested memberships like direct ones, so a
// group the account only belongs to through another group is simply one more entry here.
struct FakeJiraGroup
{
    QString name;    // exact case: GitLab's admin check is case-sensitive
    QString groupId; // null QString: JSON null (groupId is nullable in the API)
};

// An Atlassian account on the site.
struct FakeJiraAccount
{
    QString accountId;   // empty: assigned by FakeJira::addAccount()
    QString displayName; // empty: the part of the login email before '@'
    // What the API shows as emailAddress. std::nullopt: the login email (the key in
    // FakeJiraState::accounts); a null QString: JSON null, the profile hides it (privacy settings).
    std::optional<QString> emailAddress;
    QString apiToken; // what Basic auth accepts as the secret
    // The account's password. Sending it instead of the API token gets Atlassian's
    // "Basic authentication with passwords is deprecated" 401. Empty: no password modelled.
    QString password;
    QList<FakeJiraGroup> groups;     // in the order /myself?expand=groups lists them
    QSet<QString> globalPermissions; // granted permission keys: ADMINISTER, USER_PICKER, SYSTEM_ADMIN…
    QStringList applicationRoles{QStringLiteral("jira-software")}; // keys, for expand=applicationRoles
    QString accountType = QStringLiteral("atlassian");
    bool active = true;                                 // false: its token no longer authenticates
    QString timeZone = QStringLiteral("Europe/Berlin"); // null QString: JSON null (privacy)
    QString locale = QStringLiteral("en_US");           // null QString: JSON null (privacy)
};

// A permission the site knows (GET /rest/api/3/permissions, the keys mypermissions accepts).
struct FakeJiraPermission
{
    QString key;
    QString id; // Jira sends it as a string ("27"); "-1" for Cloud-only permissions
    QString name;
    QString type = QStringLiteral("GLOBAL"); // or "PROJECT"
    QString description;
};

// One request as it reached the fake.
struct FakeJiraRequest
{
    QByteArray method;
    QString path;  // decoded path
    QString query; // raw query string, without '?'
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    int status = 0;       // what the fake answered; 0 for a dropped or stalled connection
    QByteArray traceId;   // the atl-traceid it answered with
    QByteArray requestId; // the x-arequestid it answered with
    // The login email of a Basic Authorization header (whether or not the secret was right);
    // empty without one. Lets tests assert on who called without decoding the secret.
    QString authEmail;

    QByteArray header(const QByteArray& name) const; // case-insensitive; empty if absent
    bool hasHeader(const QByteArray& name) const;
};

using FakeJiraFailure = FakeFailure;

// Everything the fake answers from. Tests edit it between requests through FakeJira::state().
struct FakeJiraState
{
    // The site's base URL, which Jira puts in every `self` link (its configuration, not the Host
    // header the request came with).
    QUrl baseUrl = QUrl(QStringLiteral("https://gjd-test.atlassian.net"));

    // Login email → account. Emails match case-insensitively, as Atlassian accounts do.
    QHash<QString, FakeJiraAccount> accounts;

    // The permission keys the site knows, in the order /permissions lists them. Remove one (see
    // FakeJira::forgetPermission) to model a Cloud site that does not know it: mypermissions then
    // answers 400 for it and /permissions no longer lists it.
    QList<FakeJiraPermission> permissions = defaultPermissions();

    // Site switches, checked in this order after failure injection.
    // siteUnknown: no such *.atlassian.net site; every path answers a 404 HTML page.
    bool siteUnknown = false;
    // rateLimitNext: the next N requests (any path, authenticated or not) answer 429.
    int rateLimitNext = 0;
    int retryAfterSeconds = 1;                       // Retry-After; X-RateLimit-Reset is now + this
    int rateLimitLimit = 100;                        // X-RateLimit-Limit
    QByteArray rateLimitReason = "jira-burst-based"; // RateLimit-Reason
    // ipAllowlistBlocked: a Premium IP allowlist that does not list the caller. Every request
    // carrying credentials answers 403 (before the credentials are looked at); anonymous
    // requests (GET /permissions) still pass.
    bool ipAllowlistBlocked = false;
    // The address the 403 names. Empty: the first X-Forwarded-For hop if present (nginx in
    // front), else the peer address.
    QString ipAllowlistClientAddress;

    // ErrorCollection bodies carry "status" (the OpenAPI schema has it). Responses captured from
    // Cloud often omit it ({"errorMessages":[…],"errors":{}}): turn this off to get that form.
    bool errorStatusField = true;

    static QList<FakeJiraPermission> defaultPermissions();
};

// An in-process, plain-HTTP stand-in for a Jira Cloud site (https://<site>.atlassian.net),
// listening on 127.0.0.1. In integration tests an nginx with TLS sits in front of it. It
// implements what reference/atlassian.md §1 describes for the calls the doctor makes with Basic
// auth (email:API token):
//
//   GET /rest/api/{2,3,latest}/myself[?expand=groups,applicationRoles]
//   GET /rest/api/{2,3,latest}/mypermissions?permissions=A,B
//   GET /rest/api/{2,3,latest}/permissions                (anonymous allowed)
//   GET /rest/api/{2,3,latest}/user/groups?accountId=X     (needs USER_PICKER)
//
// Processing order: failure injection → siteUnknown (404 HTML) → rate limit (429) → IP
// allowlist (403, requests with an Authorization header) → Basic auth (401: wrong or missing
// credentials, or a password instead of an API token) → the route. Every response, errors
// included, carries `atl-traceid` and `x-arequestid`.
//
// Not thread-safe: use it from the thread it lives in, with an event loop running while clients
// wait (QSignalSpy::wait, QTRY_*). Tokens and passwords never reach stdout/stderr from here.
class FakeJira final : public QObject
{
    Q_OBJECT

public:
    explicit FakeJira(QObject* parent = nullptr);
    ~FakeJira() override;
    FakeJira(const FakeJira&) = delete;
    FakeJira& operator=(const FakeJira&) = delete;

    bool listen(quint16 port = 0); // 127.0.0.1; 0 picks a free port
    quint16 port() const { return m_port; }
    QUrl url() const; // http://127.0.0.1:<port>, no trailing slash

    FakeJiraState& state() { return m_state; }
    const FakeJiraState& state() const { return m_state; }

    // Adds (or replaces) the account that logs in with `email`; fills accountId and displayName
    // when empty. Returns the stored account.
    FakeJiraAccount addAccount(const QString& email, FakeJiraAccount account);
    FakeJiraAccount* account(const QString& email); // case-insensitive; nullptr if absent

    // Permission keys (state().permissions).
    bool knowsPermission(const QString& key) const;
    void forgetPermission(const QString& key); // e.g. USER_PICKER on a site that lacks it

    // Conveniences over state().
    void rateLimitNext(int requests, int retryAfterSeconds = 1);
    void setIpAllowlistBlocked(bool blocked) { m_state.ipAllowlistBlocked = blocked; }
    void setSiteUnknown(bool unknown) { m_state.siteUnknown = unknown; }

    // The Authorization header value for email:secret.
    static QByteArray basicAuth(const QString& email, const QString& secret);

    // Failure injection, checked before anything else. `path` is matched exactly against the
    // request path; `method` "*" matches any method.
    void failNext(const QByteArray& method, const QString& path, const FakeJiraFailure& failure,
                  int times = 1);
    using Injector = FailureQueue<FakeJiraRequest>::Injector;
    void setInjector(Injector injector) { m_failures.setInjector(std::move(injector)); }
    void clearFailures(); // pending failNext() entries and the injector

    // Every request received, in order.
    const QList<FakeJiraRequest>& requests() const { return m_requests; }
    QList<FakeJiraRequest> requestsTo(const QString& path) const;
    void clearRequests() { m_requests.clear(); }

signals:
    // After the answer was written (or the connection dropped); index into requests().
    void requestHandled(int index);

private:
    void handle(const QHttpServerRequest& request, QHttpServerResponder&& responder);

    std::unique_ptr<QHttpServer> m_server;
    quint16 m_port = 0;
    FakeJiraState m_state;
    QList<FakeJiraRequest> m_requests;
    FailureQueue<FakeJiraRequest> m_failures;
};

} // namespace gjd::test
