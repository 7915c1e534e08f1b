// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fleetreport.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace gjd {

// A fleet run for people and CI: the text summary, and JUnit with one <testsuite> per instance.
// (JSON is FleetReport::toJson(), OpenMetrics OpenMetricsFormatter with every report.)
class FleetFormatter
{
    Q_DECLARE_TR_FUNCTIONS(gjd::FleetFormatter)

public:
    // The summary (instances by verdict, the failing checks across the fleet, most common first,
    // the lines that cannot be used), then one block per instance that is not clean: its warn,
    // fail and error findings with their remedies.
    static QString text(const FleetReport& report, bool color);
    // One <testsuite> per instance (its name the URL), one <testcase> per check, as
    // JunitFormatter's; a line that cannot be used is a suite with one <error>.
    static QByteArray junit(const FleetReport& report);
};

} // namespace gjd
