// SPDX-License-Identifier: GPL-3.0-or-later
#include "uisettings.h"

#include "connectioninput.h"

#include <QSettings>

namespace gjd::uisettings {

namespace {

const auto kLanguageKey = QStringLiteral("ui/language");
const auto kGeometryKey = QStringLiteral("ui/geometry");
const auto kRecentKey = QStringLiteral("recent/instances");
constexpr int kMaxRecent = 10;
const auto kProxyKey = QStringLiteral("connection/proxy");
const auto kNoProxyKey = QStringLiteral("connection/noProxy");
const auto kProxyDirectKey = QStringLiteral("connection/proxyDirect");

// setProxyFields()'s login and the fields it belongs to (as saved): this process's memory only.
struct SessionLogin
{
    ProxyFields fields;
    ProxyLogin login;
};
SessionLogin& sessionLogin()
{
    static SessionLogin login;
    return login;
}

bool sameFields(const ProxyFields& a, const ProxyFields& b)
{
    return a.proxy == b.proxy && a.noProxy == b.noProxy && a.direct == b.direct;
}

} // namespace

QString language()
{
    return QSettings().value(kLanguageKey).toString();
}

void setLanguage(const QString& language)
{
    QSettings settings;
    if (language.isEmpty()) {
        settings.remove(kLanguageKey);
    } else {
        settings.setValue(kLanguageKey, language);
    }
}

QByteArray mainWindowGeometry()
{
    return QSettings().value(kGeometryKey).toByteArray();
}

void setMainWindowGeometry(const QByteArray& geometry)
{
    QSettings().setValue(kGeometryKey, geometry);
}

QStringList recentInstances()
{
    return QSettings().value(kRecentKey).toStringList();
}

void addRecentInstance(const QString& url)
{
    if (url.isEmpty())
        return;
    QStringList list = recentInstances();
    list.removeAll(url);
    list.prepend(url);
    while (list.size() > kMaxRecent)
        list.removeLast();
    QSettings().setValue(kRecentKey, list);
}

ProxyFields proxyFields()
{
    QSettings settings;
    ProxyFields fields;
    fields.proxy = settings.value(kProxyKey).toString();
    fields.noProxy = settings.value(kNoProxyKey).toString();
    fields.direct = settings.value(kProxyDirectKey, false).toBool();
    return fields;
}

void setProxyFields(const ProxyFields& fields, const QString& loginUser, const QString& loginPassword)
{
    QString proxy;
    QString user;
    QString password;
    splitProxyUserInfo(fields.proxy.trimmed(), &proxy, &user, &password);
    // The login fields win over user info in the URL, as in buildRunOptions().
    if (!loginUser.isEmpty() || !loginPassword.isEmpty()) {
        user = loginUser;
        password = loginPassword;
    }
    QSettings settings;
    const auto set = [&settings](const QString& key, const QString& value) {
        if (value.isEmpty())
            settings.remove(key);
        else
            settings.setValue(key, value);
    };
    set(kProxyKey, proxy);
    set(kNoProxyKey, fields.noProxy.trimmed());
    if (fields.direct)
        settings.setValue(kProxyDirectKey, true);
    else
        settings.remove(kProxyDirectKey);
    sessionLogin() = SessionLogin{proxyFields(), ProxyLogin{user, password}};
}

ProxyLogin sessionProxyLogin()
{
    const SessionLogin& session = sessionLogin();
    if (!sameFields(session.fields, proxyFields()))
        return ProxyLogin{};
    return session.login;
}

} // namespace gjd::uisettings
