// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gitlabversion.h"
#include "runcontext.h"

#include <QCoreApplication>
#include <QDate>
#include <QString>
#include <QStringList>

#include <optional>

namespace gjd {

// The wizard's decision helper (GitLab's admin page, "install manually if …", and Atlassian's
// Connect end of support), as a pure function so that it is tested without widgets.
struct MethodQuestions
{
    bool instanceIsPublic = true;       // reachable from GitLab.com and Atlassian (directly or via a proxy)
    bool gitLabComMayRelay = true;      // GitLab.com may relay lifecycle events and branch links
    bool existingManualInstall = false; // a manually installed app already runs in Jira
    bool relaysForOthers = false;       // other instances use this one as their Jira Connect proxy
};

struct MethodAdvice
{
    Q_DECLARE_TR_FUNCTIONS(gjd::MethodAdvice)

public:
    std::optional<Method> recommended; // nullopt: nothing works as things stand
    QStringList reasons;               // translated, in order of weight
    QStringList warnings;              // translated

    static MethodAdvice advise(const MethodQuestions& answers, const std::optional<GitLabVersion>& version,
                               const QDate& today);
    // The legacy methods' status against today's date, with the dates (translated, one sentence).
    static QString connectStatus(const QDate& today);
};

} // namespace gjd
