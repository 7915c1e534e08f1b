// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report.h"

#include <QByteArray>
#include <QCoreApplication>

class QXmlStreamWriter;

namespace gjd {

// A report as JUnit XML for CI test-report views (GitLab's unit test reports): one <testsuite> per
// category, one <testcase> per check. fail → <failure>, error → <error>, skip and manual →
// <skipped>; warn passes, as it does for the exit code without --strict, with its text in
// <system-out>. Times add up as JUnit readers expect: a suite's is the sum of its cases', the
// total the sum of the suites' (not the run's wall-clock time: the checks run concurrently).
class JunitFormatter
{
    Q_DECLARE_TR_FUNCTIONS(gjd::JunitFormatter)

public:
    static QByteArray format(const Report& report);

    // For fleets (FleetFormatter::junit): one suite per instance, named by its URL.
    struct Totals
    {
        int tests = 0;
        int failures = 0;
        int errors = 0;
        int skipped = 0;
        qint64 timeMs = 0; // the sum of the cases' times
        Totals& operator+=(const Totals& other);
    };
    static Totals totals(const Report& report);
    // tests, failures, errors, skipped and time attributes of the element being written.
    static void writeTotals(QXmlStreamWriter& writer, const Totals& totals);
    // <testsuite name="URL"> with one <testcase> per check (classname by category).
    static void writeInstanceSuite(QXmlStreamWriter& writer, const Report& report);
};

} // namespace gjd
