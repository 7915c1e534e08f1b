// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report.h"

#include <QByteArray>
#include <QCoreApplication>

namespace gjd {

// A report as JUnit XML for CI test-report views (GitLab's unit test reports): one <testsuite> per
// category, one <testcase> per check. fail → <failure>, error → <error>, skip and manual →
// <skipped>; warn passes, as it does for the exit code without --strict, with its text in
// <system-out>.
class JunitFormatter
{
    Q_DECLARE_TR_FUNCTIONS(gjd::JunitFormatter)

public:
    static QByteArray format(const Report& report);
};

} // namespace gjd
