// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpcommon.h"
#include "tokencommon.h"

namespace gjd {
namespace {

class GitLabTokenCheck final
{
    Q_DECLARE_TR_FUNCTIONS(gjd::GitLabTokenCheck)

public:
    static void evaluate(const RunContext& ctx, Finding& f)
    {
        if (!ctx.hasToken()) {
            skipFor(f, QStringLiteral("no-token"),
                    tr("No administrator token given (%1): the GitLab settings are not checked.")
                        .arg(ControlNames::name(ctx.options.frontend, Control::GitLabToken)));
            return;
        }
        const HttpResponse& user = *ctx.httpResult(probe::apiUser);
        f.evidence.insert(QStringLiteral("user"), httpcommon::evidence(user));
        f.docs = {docs::jiraCloudAppAdmin};
        const QString url = ctx.url.toString() + QStringLiteral("/api/v4/user");
        const QString newToken = tr("Create a personal access token of an administrator with the scope api "
                                    "(and admin_mode when Admin Mode is "
                                    "on): %1/-/user_settings/personal_access_tokens.")
                                     .arg(ctx.url.toString());
        if (user.errorCode == QLatin1String("untrusted")) {
            set(f, Status::Fail, user.error,
                tr("The token is only sent to a server whose certificate verifies from this computer: fix "
                   "the "
                   "certificate (see the TLS checks), or give the private CA, with any intermediate the "
                   "server "
                   "does not send, in %1.")
                    .arg(ControlNames::name(ctx.options.frontend, Control::CaFile)));
            return;
        }
        if (!user.errorCode.isEmpty()) {
            set(f, Status::Fail, tr("%1 gave no complete answer: %2").arg(url, user.error),
                tr("Check that the instance URL reaches GitLab's API from this computer."));
            return;
        }
        if (user.status == 401) {
            set(f, Status::Fail, tr("GitLab refused the token (401): it is wrong, expired or revoked."),
                newToken);
            return;
        }
        QString error;
        const auto json = user.status == 200 ? Descriptor::parseObject(user, &error) : std::nullopt;
        if (!json) {
            set(f, Status::Fail, tr("%1 answered %2.").arg(url, httpcommon::statusText(user)), newToken);
            return;
        }
        const QString username = json->value(QStringLiteral("username")).toString();
        f.evidence.insert(QStringLiteral("username"), username);
        f.evidence.insert(QStringLiteral("is_admin"), json->value(QStringLiteral("is_admin")));

        QStringList scopes;
        QString expiresAt;
        if (const HttpResponse* token = ctx.httpResult(probe::apiToken); token && token->status == 200) {
            if (const auto t = Descriptor::parseObject(*token, &error)) {
                const QJsonArray list = t->value(QStringLiteral("scopes")).toArray();
                for (const QJsonValue& v : list)
                    scopes.append(v.toString());
                expiresAt = t->value(QStringLiteral("expires_at")).toString();
                f.evidence.insert(QStringLiteral("scopes"), QJsonArray::fromStringList(scopes));
                f.evidence.insert(QStringLiteral("expires_at"), expiresAt);
            }
        }
        if (!json->value(QStringLiteral("is_admin")).toBool()) {
            const bool adminModeHint = !scopes.isEmpty() && !scopes.contains(QLatin1String("admin_mode"));
            set(f, Status::Fail,
                adminModeHint ? tr("The token of %1 is not treated as an administrator's: either %1 is no "
                                   "administrator, "
                                   "or Admin Mode is on and the token lacks the admin_mode scope.")
                                    .arg(username)
                              : tr("%1 is not an administrator.").arg(username),
                newToken);
            return;
        }
        if (!scopes.isEmpty() && !scopes.contains(QLatin1String("api"))) {
            set(f, Status::Fail,
                tr("The token has the scopes %1 but not api.").arg(scopes.join(QLatin1String(", "))),
                newToken);
            return;
        }
        const QDate expires = QDate::fromString(expiresAt, Qt::ISODate);
        if (expires.isValid() && ctx.now.date().daysTo(expires) < 7) {
            set(f, Status::Warn, tr("The token of %1 expires on %2.").arg(username, expiresAt),
                tr("Create a new token before then."));
            return;
        }
        set(f, Status::Pass,
            scopes.isEmpty() ? tr("Token of the administrator %1.").arg(username)
                             : tr("Token of the administrator %1, scopes %2.")
                                   .arg(username, scopes.join(QLatin1String(", "))));
    }
};

} // namespace

namespace checks {

void gitLabToken(const RunContext& context, Finding& finding)
{
    GitLabTokenCheck::evaluate(context, finding);
}

} // namespace checks

} // namespace gjd
