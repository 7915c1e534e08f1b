// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>

namespace gjd {

// Time is an input: every date the product judges by (certificate validity, token expiry,
// Atlassian's Connect milestones, the export's timestamps) comes from here, never from the wall
// clock directly. GJD_NOW pins it to one instant, in ISO 8601 with an offset or "Z"
// ("2026-12-02T12:00:00Z"): the test suite runs at a fixed day whatever day it runs on, and an
// admin can ask what a report would say on another day.
//
class Clock
{
public:
    // The current instant in UTC: GJD_NOW when it is set and valid, else the system clock.
    static QDateTime nowUtc();
    // Today in the local time zone (what the desktop program shows to its user).
    static QDate localToday();
    // Whether GJD_NOW pins the clock.
    static bool isPinned();
    // Empty when GJD_NOW is unset or valid; otherwise why it is not (translated, one line).
    static QString environmentProblem();
};

} // namespace gjd
