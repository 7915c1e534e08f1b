// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "check.h"
#include "connect/descriptor.h"
#include "probes/probecatalogue.h"
#include "runcontext.h"

#include <QJsonObject>

#include <optional>

namespace gjd::jiracommon {

// The signed-in user (/rest/api/3/myself?expand=groups), when jira.auth could read it.
inline std::optional<QJsonObject> myself(const RunContext& ctx)
{
    const HttpResponse* r = ctx.httpResult(probe::jiraMyself);
    if (!r || r->status != 200)
        return std::nullopt;
    QString error;
    return Descriptor::parseObject(*r, &error);
}

inline QString apiTokenPage()
{
    return QStringLiteral("https://id.atlassian.com/manage-profile/security/api-tokens");
}

} // namespace gjd::jiracommon
