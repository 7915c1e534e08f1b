// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

// This process's limit of open files (RLIMIT_NOFILE), which every socket counts against. A fleet
// run holds many sockets at once, and a socket that cannot be created fails its probe with "Out
// of resources", which would read as an unreachable instance (FleetRunner::parallelWithin).
namespace gjd::openfiles {

// The soft limit now, or -1 when there is none or it cannot be known (not POSIX).
qint64 limit();

// Raises the soft limit towards `wanted`, never above the hard limit and never lower than it is,
// and returns the soft limit afterwards (-1 as for limit()). Only as far as needed: a high limit
// makes some libraries that walk every possible descriptor slow.
qint64 raiseTo(qint64 wanted);

} // namespace gjd::openfiles
