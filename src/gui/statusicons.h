// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "finding.h"

#include <QIcon>
#include <QString>

namespace gjd {

// One icon per status, drawn so that skip and manual never look like pass (shape and colour
// differ, not only colour), plus "pending" and "running" for checks of a run in progress.
QIcon statusIcon(Status status);
QIcon pendingIcon();
QIcon runningIcon();
// A value that a planned change will set.
QIcon changeIcon();

} // namespace gjd
