// SPDX-License-Identifier: GPL-3.0-or-later
#include "openfiles.h"

#include <algorithm>

#if defined(Q_OS_UNIX)
#include <sys/resource.h>
#endif

namespace gjd::openfiles {

#if defined(Q_OS_UNIX)

qint64 limit()
{
    rlimit rl{};
    if (getrlimit(RLIMIT_NOFILE, &rl) != 0 || rl.rlim_cur == RLIM_INFINITY)
        return -1;
    return qint64(rl.rlim_cur);
}

qint64 raiseTo(qint64 wanted)
{
    rlimit rl{};
    if (getrlimit(RLIMIT_NOFILE, &rl) != 0)
        return -1;
    if (rl.rlim_cur != RLIM_INFINITY && wanted > 0 && rlim_t(wanted) > rl.rlim_cur) {
        rlimit raised = rl;
        raised.rlim_cur =
            rl.rlim_max == RLIM_INFINITY ? rlim_t(wanted) : std::min(rlim_t(wanted), rl.rlim_max);
        if (setrlimit(RLIMIT_NOFILE, &raised) != 0)
            return limit();
    }
    return limit();
}

#else

// Windows counts sockets against no such limit; elsewhere nothing was built (docs/development.md).
qint64 limit()
{
    return -1;
}

qint64 raiseTo(qint64)
{
    return -1;
}

#endif

} // namespace gjd::openfiles
