// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QString>

namespace gjd::platformdates {

// Atlassian Connect's end of support (reference/atlassian.md §0). The only place these dates
// live: checks and the wizard read them from here.
struct Milestone
{
    const char* id;
    QDate date;
};

// Installing private Connect apps ("Connected apps", development mode) is blocked from this day.
inline const Milestone privateConnectInstallsBlocked{"private-connect-installs-blocked", QDate(2026, 3, 31)};
// Connect reaches end of support in December 2026; from the first of the month on, nothing is
// promised any more.
inline const Milestone connectEndOfSupport{"connect-end-of-support", QDate(2026, 12, 1)};

} // namespace gjd::platformdates
