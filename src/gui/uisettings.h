// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

// Settings of the desktop program that are not secrets (secrets live in the keychain, never here).
namespace gjd::uisettings {

// "ui/language": "" follows the system, "en" or "de" force a language.
QString language();
void setLanguage(const QString& language);

// "ui/geometry": the main window's last geometry (QWidget::saveGeometry()).
QByteArray mainWindowGeometry();
void setMainWindowGeometry(const QByteArray& geometry);

// "recent/instances": instance URLs checked or set up, newest first, at most 10. URLs only.
QStringList recentInstances();
void addRecentInstance(const QString& url);

// "connection/proxy", "connection/noProxy", "connection/proxyDirect": the connection form's proxy
// fields as last used, shared by the wizard and the pane (a proxy belongs to this computer's
// network, not to one instance). The proxy URL is stored without user info, whatever it holds; the
// proxy's user name and password are never stored.
struct ProxyFields
{
    QString proxy; // empty: the environment's
    QString noProxy;
    bool direct = false;
};
ProxyFields proxyFields();
// `user` and `password`: the login the run used with these fields (the form's login fields, else
// user info in `fields.proxy`). Never written to the settings: kept in memory for this session
// only, for sessionProxyLogin().
void setProxyFields(const ProxyFields& fields, const QString& user = QString(),
                    const QString& password = QString());

// The proxy login last used with the proxy fields now saved, in this session (memory only), so that
// the fleet page goes through the proxy the pane and the wizard went through. Empty when none was
// given, when the fields changed since, or in a new session.
struct ProxyLogin
{
    QString user;
    QString password;
};
ProxyLogin sessionProxyLogin();

} // namespace gjd::uisettings
