// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connect/descriptor.h"
#include "finding.h"
#include "probes/probecatalogue.h"
#include "runcontext.h"
#include "setup/setupplan.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

#include <optional>

namespace gjd::tokencommon {

// The application settings read with the token, when they could be read.
inline std::optional<QJsonObject> settings(const RunContext& ctx)
{
    const HttpResponse* r = ctx.httpResult(probe::apiSettings);
    if (!r || r->status != 200)
        return std::nullopt;
    QString error;
    return Descriptor::parseObject(*r, &error);
}

class SettingsReader
{
    Q_DECLARE_TR_FUNCTIONS(gjd::SettingsReader)

public:
    // The settings, or nullopt after making `f` a failure that says why they could not be read.
    static std::optional<QJsonObject> require(const RunContext& ctx, Finding& f)
    {
        if (auto s = settings(ctx))
            return s;
        const HttpResponse* r = ctx.httpResult(probe::apiSettings);
        const QString why = !r ? tr("no answer")
                            : r->hasAnswer()
                                ? QStringLiteral("%1 %2").arg(r->status).arg(QString::fromLatin1(r->reason))
                                : r->error;
        f.status = Status::Fail;
        f.summary = tr("The application settings could not be read (%1).").arg(why.trimmed());
        f.remedy = tr("Use an administrator's token with the api scope (and admin_mode under Admin Mode).");
        return std::nullopt;
    }
};

// The host of external_url, from the web_url of the token's user (no REST field gives it).
inline QString externalHost(const RunContext& ctx)
{
    const HttpResponse* r = ctx.httpResult(probe::apiUser);
    if (!r || r->status != 200)
        return QString();
    QString error;
    const auto user = Descriptor::parseObject(*r, &error);
    return user ? QUrl(user->value(QStringLiteral("web_url")).toString()).host().toLower() : QString();
}

// The key GitLab derives from its settings: proxy URL host+path, else the external_url host.
inline QString expectedKey(const RunContext& ctx)
{
    const auto s = settings(ctx);
    if (!s)
        return QString();
    const QString proxy = s->value(QStringLiteral("jira_connect_proxy_url")).toString().trimmed();
    if (!proxy.isEmpty()) {
        const QUrl url(proxy);
        QString path = url.path();
        return Descriptor::keyForHost(url.host() + path);
    }
    const QString host = externalHost(ctx);
    return host.isEmpty() ? QString() : Descriptor::keyForHost(host);
}

// Every OAuth application, over all pages; nullopt when they could not be read.
inline std::optional<QJsonArray> applications(const RunContext& ctx)
{
    const auto it = ctx.http.constFind(probe::apiApplications);
    if (it == ctx.http.constEnd() || it->isEmpty())
        return std::nullopt;
    QJsonArray all;
    for (const HttpResponse& page : *it) {
        if (page.status != 200 || !page.errorCode.isEmpty())
            return std::nullopt;
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(page.body, &error);
        if (error.error != QJsonParseError::NoError || !doc.isArray())
            return std::nullopt;
        const QJsonArray items = doc.array();
        for (const QJsonValue& v : items)
            all.append(v);
    }
    return all;
}

// The application whose uid is `applicationId`.
inline std::optional<QJsonObject> applicationByUid(const QJsonArray& apps, const QString& applicationId)
{
    for (const QJsonValue& v : apps) {
        if (v.toObject().value(QStringLiteral("application_id")).toString() == applicationId)
            return v.toObject();
    }
    return std::nullopt;
}

// The OAuth application the Application ID setting names, with every application listed, for the
// checks after gitlab.settings.application_key. That check only warns when the list cannot be read
// (a 403, a 5xx), so they still run: nullopt then, and they say they cannot judge.
struct ConfiguredApplication
{
    QString key; // the Application ID setting
    QJsonArray all;
    QJsonObject application;
};
inline std::optional<ConfiguredApplication> configuredApplication(const RunContext& ctx)
{
    const QString key =
        settings(ctx)->value(QStringLiteral("jira_connect_application_key")).toString().trimmed();
    const auto all = applications(ctx);
    const auto found = all ? applicationByUid(*all, key) : std::nullopt;
    if (!found)
        return std::nullopt;
    return ConfiguredApplication{key, *all, *found};
}

// The OAuth redirect URI the method needs.
inline QString redirectUri(const RunContext& ctx)
{
    return setup::redirectUri(ctx.method, ctx.target());
}

} // namespace gjd::tokencommon
