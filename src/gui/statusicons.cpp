// SPDX-License-Identifier: GPL-3.0-or-later
#include "statusicons.h"

namespace gjd {

namespace {

QIcon fromResource(const char* name)
{
    return QIcon(QStringLiteral(":/icons/status-%1.svg").arg(QLatin1String(name)));
}

} // namespace

QIcon statusIcon(Status status)
{
    switch (status) {
    case Status::Pass:
        return fromResource("pass");
    case Status::Info:
        return fromResource("info");
    case Status::Warn:
        return fromResource("warn");
    case Status::Fail:
        return fromResource("fail");
    case Status::Skip:
        return fromResource("skip");
    case Status::Manual:
        return fromResource("manual");
    case Status::Error:
        return fromResource("error");
    }
    return QIcon();
}

QIcon pendingIcon()
{
    return fromResource("pending");
}

QIcon runningIcon()
{
    return fromResource("running");
}

QIcon changeIcon()
{
    return fromResource("change");
}

} // namespace gjd
