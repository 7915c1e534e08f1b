// SPDX-License-Identifier: GPL-3.0-or-later
#include "clock.h"

#include <QCoreApplication>

#include <optional>

namespace gjd {
namespace {

const char* const kVariable = "GJD_NOW";

// nullopt: unset. An invalid QDateTime: set, but not an instant with a time zone.
std::optional<QDateTime> pinned()
{
    if (!qEnvironmentVariableIsSet(kVariable))
        return std::nullopt;
    const QString text = qEnvironmentVariable(kVariable).trimmed();
    const QDateTime t = QDateTime::fromString(text, Qt::ISODate);
    // Without an offset the instant would depend on the machine's time zone: refuse it.
    const bool hasZone = text.endsWith(QLatin1Char('Z')) || text.contains(QLatin1Char('+')) ||
                         text.lastIndexOf(QLatin1Char('-')) > 9;
    if (!t.isValid() || !hasZone || t.date().year() < 1970 || t.date().year() > 9999)
        return QDateTime();
    return t.toUTC();
}

} // namespace

QDateTime Clock::nowUtc()
{
    const auto p = pinned();
    if (p && p->isValid())
        return *p;
    return QDateTime::currentDateTimeUtc();
}

QDate Clock::localToday()
{
    return nowUtc().toLocalTime().date();
}

bool Clock::isPinned()
{
    const auto p = pinned();
    return p && p->isValid();
}

QString Clock::environmentProblem()
{
    const auto p = pinned();
    if (!p || p->isValid())
        return QString();
    return QCoreApplication::translate("gjd::Clock",
                                       "GJD_NOW is not an instant in ISO 8601 with a time zone, such as "
                                       "2026-12-02T12:00:00Z: unset it to use the system clock.");
}

} // namespace gjd
