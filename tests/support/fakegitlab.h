// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fakeserver.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QObject>
#include <QPair>
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

// A GitLab user as the API shows it.
struct FakeGitLabUser
{
    qint64 id = 1;
    QString username = QStringLiteral("root");
    QString name; // empty: the username
    bool isAdmin = false;
};

// A personal access token. GitLab's `active` is derived: not revoked and not expired.
struct FakeGitLabToken
{
    FakeGitLabUser user;
    QStringList scopes{QStringLiteral("api")};
    QDate expiresAt; // null: never expires; expired when expiresAt <= today (UTC), as in GitLab
    bool revoked = false;
    qint64 id = 0; // 0: assigned by addToken()
    QString name;  // empty: "token-<id>"
    QString description;
    QDateTime createdAt;  // null: set by addToken()
    QDateTime lastUsedAt; // updated on every authenticated API request
};

// An instance-wide OAuth application (Doorkeeper).
struct FakeGitLabApplication
{
    qint64 id = 0;                          // 0: assigned by addApplication()
    QString uid;                            // "application_id"; empty: 64 random hex digits
    QString name;                           // "application_name"
    QString redirectUri;                    // "callback_url"; may hold several URIs separated by whitespace
    QString scopes = QStringLiteral("api"); // space-separated
    bool confidential = true;
    QString secret; // empty: "gloas-" + 64 random hex digits
};

// One request as it reached the fake (after nginx, before any GitLab logic).
struct FakeGitLabRequest
{
    QByteArray method;
    QString path;  // decoded path as received, including the relative root
    QString query; // raw query string, without '?'
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    int status = 0; // what the fake answered; 0 for a dropped or stalled connection

    QByteArray header(const QByteArray& name) const; // case-insensitive; empty if absent
    bool hasHeader(const QByteArray& name) const;
};

using FakeGitLabFailure = FakeFailure;

// Everything the fake answers from. Tests edit it between requests through FakeGitLab::state().
struct FakeGitLabState
{
    QString version = QStringLiteral("17.8.1-ee"); // "-ee" → "enterprise": true
    QString revision = QStringLiteral("ceb07b24cb0");
    // Gitlab.config.gitlab.url: its host names the app (descriptor key), its path is the relative
    // root every route lives under ("https://gitlab.example.com/gitlab" → "/gitlab/-/jira_connect").
    QUrl externalUrl = QUrl(QStringLiteral("https://gitlab.example.com"));
    bool kasEnabled = true;

    // The integration allowlist (allow_all_integrations/allowed_integrations): false answers the
    // lifecycle events with GitLab's 404 page.
    bool jiraConnectAllowlisted = true;

    // Application settings, exactly as GET /api/v4/application/settings returns them (before the
    // version filter: jira_connect_additional_audience_url is hidden and ignored before 17.7).
    // "admin_mode" is the Admin Mode switch. Edit directly; no validation happens here.
    QJsonObject settings;

    // token value → token
    QHash<QString, FakeGitLabToken> tokens;
    QList<FakeGitLabApplication> applications;
    // The applications' id sequence, as in the database: an id is never given out twice, also
    // after its application was deleted.
    qint64 lastApplicationId = 0;

    // GET /-/jira_connect/public_keys/<uuid>: uuid → PEM (served only with public key storage on).
    QHash<QString, QString> publicKeys;

    // The public_url validator resolves host names; the fake does not. Map a host name to an IP
    // address here to make it count as local ("10.1.2.3") or to an empty string to make it
    // unresolvable. Unlisted names count as public.
    QHash<QString, QString> dnsOverrides;

    // GET /api/v4/applications is not paginated by GitLab (lib/api/applications.rb has no
    // `paginate`): it returns every application and no X-Page/X-Total/Link headers. Turn this on
    // to get GitLab's offset pagination headers anyway, e.g. to test a client's page walking.
    bool paginateApplications = false;
    // Newer docs show "scopes" in the GET list; the entity read in the source does not have it.
    bool listApplicationScopes = false;

    // Anonymous requests to routes GitLab does not have are answered as GitLab's catch-all route
    // does: authenticate_user! → 302 to /users/sign_in (401 JSON for a JSON Accept). Off: a plain
    // 404 page.
    bool unknownRoutesRedirectToSignIn = true;

    static QJsonObject defaultSettings();
};

// An in-process, plain-HTTP stand-in for GitLab (Rails + Grape behind Workhorse), listening on
// 127.0.0.1. In integration tests an nginx with TLS sits in front of it, as GitLab's own nginx sits
// in front of Workhorse. It implements what reference/gitlab.md describes: the Jira Connect
// routes with their CORS rules, the app descriptor, and the API endpoints the doctor uses
// (version/metadata, user, personal_access_tokens/self, application/settings, applications),
// answering as GitLab answers, including where that surprises a client.
//
// Not thread-safe: use it from the thread it lives in, with an event loop running while clients
// wait (QSignalSpy::wait, QTRY_*). Token values never reach stdout/stderr from here.
class FakeGitLab final : public QObject
{
    Q_OBJECT

public:
    explicit FakeGitLab(QObject* parent = nullptr);
    ~FakeGitLab() override;
    FakeGitLab(const FakeGitLab&) = delete;
    FakeGitLab& operator=(const FakeGitLab&) = delete;

    bool listen(quint16 port = 0); // 127.0.0.1; 0 picks a free port
    quint16 port() const { return m_port; }
    // Where to send requests: http://127.0.0.1:<port> plus the relative root, no trailing slash.
    QUrl url() const;

    FakeGitLabState& state() { return m_state; }
    const FakeGitLabState& state() const { return m_state; }

    // Conveniences over state().
    QJsonValue setting(const QString& key) const;
    void setSetting(const QString& key, const QJsonValue& value);
    void setAdminMode(bool on) { setSetting(QStringLiteral("admin_mode"), on); }
    // Adds (or replaces) a token; fills id, name and createdAt when unset. Returns the value.
    QString addToken(const QString& value, FakeGitLabToken token);
    // Convenience: an admin ("root", id 1) token with the given scopes.
    QString addAdminToken(const QString& value, const QStringList& scopes = {QStringLiteral("api")});
    FakeGitLabApplication addApplication(FakeGitLabApplication application);

    QString relativeRoot() const; // "" or "/gitlab"
    bool versionAtLeast(int major, int minor, int patch = 0) const;

    // Failure injection, checked before anything else (like a broken proxy or a crashing
    // Puma). `path` is matched against the path inside the relative root and against the full
    // path; `method` "*" matches any method.
    void failNext(const QByteArray& method, const QString& path, const FakeGitLabFailure& failure,
                  int times = 1);
    using Injector = FailureQueue<FakeGitLabRequest>::Injector;
    void setInjector(Injector injector) { m_failures.setInjector(std::move(injector)); }
    void clearFailures(); // pending failNext() entries and the injector

    // Every request received, in order.
    const QList<FakeGitLabRequest>& requests() const { return m_requests; }
    QList<FakeGitLabRequest> requestsTo(const QString& pathInsideRoot) const;
    void clearRequests() { m_requests.clear(); }

signals:
    // After the answer was written (or the connection dropped); index into requests().
    void requestHandled(int index);

private:
    void handle(const QHttpServerRequest& request, QHttpServerResponder&& responder);

    std::unique_ptr<QHttpServer> m_server;
    quint16 m_port = 0;
    FakeGitLabState m_state;
    QList<FakeGitLabRequest> m_requests;
    FailureQueue<FakeGitLabRequest> m_failures;
};

} // namespace gjd::test
