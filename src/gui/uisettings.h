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

} // namespace gjd::uisettings
