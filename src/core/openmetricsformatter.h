// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report.h"

#include <QByteArray>
#include <QList>

namespace gjd {

// Reports as the OpenMetrics text exposition format, for Prometheus through node_exporter's
// textfile collector (which reads it as the Prometheus text format: `# EOF` is a comment there).
// Gauges, one series per instance and check:
//
//   gitlab_jira_doctor_check_status{instance,check,category}         the status as a number (below)
//   gitlab_jira_doctor_verdict{instance}                             the report's verdict, same numbers
//   gitlab_jira_doctor_certificate_expiry_seconds{instance,subject,position}
//                                                                    notAfter, in Unix seconds
//   gitlab_jira_doctor_run_duration_seconds{instance}                how long the run took
//   gitlab_jira_doctor_run_timestamp_seconds{instance}               when it ran, in Unix seconds
//
// Status numbers are Status's order, never renumbered: 0 pass, 1 info, 2 warn, 3 fail, 4 skip,
// 5 manual, 6 error. Expiry is a timestamp, not "seconds left", so that a file written once a day
// stays true until the next run: alert on `… - time() < 14 * 86400`. `instance` is the report's
// URL, `position` a certificate's place in the chain as served (0 = the leaf). Label values are
// escaped as the format requires, and control characters a server put into a subject are
// dropped (safetext.h), so a hostile certificate cannot add lines or series.
class OpenMetricsFormatter
{
public:
    static QByteArray format(const QList<Report>& reports);
    static QByteArray format(const Report& report) { return format(QList<Report>{report}); }
};

} // namespace gjd
