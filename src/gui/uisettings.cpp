// SPDX-License-Identifier: GPL-3.0-or-later
#include "uisettings.h"

#include <QSettings>

namespace gjd::uisettings {

namespace {

const auto kLanguageKey = QStringLiteral("ui/language");
const auto kGeometryKey = QStringLiteral("ui/geometry");
const auto kRecentKey = QStringLiteral("recent/instances");
constexpr int kMaxRecent = 10;

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

} // namespace gjd::uisettings
