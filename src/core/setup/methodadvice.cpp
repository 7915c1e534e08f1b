// SPDX-License-Identifier: GPL-3.0-or-later
#include "methodadvice.h"

#include "i18n.h"

#include "connect/platformfacts.h"

#include <QLocale>

namespace gjd {

QString MethodAdvice::connectStatus(const QDate& today)
{
    return platform::PlatformText::newInstallStatus(today) + QLatin1Char(' ') +
           platform::PlatformText::connectStatus(today);
}

MethodAdvice MethodAdvice::advise(const MethodQuestions& answers, const std::optional<GitLabVersion>& version,
                                  const QDate& today)
{
    using namespace platform;
    MethodAdvice advice;
    const bool newInstallsBlocked = privateConnectInstallsBlocked().reached(today);
    const bool connectEnded = connectEndOfSupport().reached(today);

    if (version && !version->atLeast(15, 7)) {
        advice.reasons.append(
            tr("GitLab %1 is older than 15.7: upgrade first; the Marketplace app needs 15.7 and "
               "OAuth for the app arrived then.")
                .arg(version->toString()));
        return advice;
    }
    if (!answers.instanceIsPublic)
        advice.warnings.append(
            tr("Every method needs the instance reachable from the internet: Jira Cloud (and, "
               "for the Marketplace app, GitLab.com) call it. Put an internet-facing reverse proxy "
               "in front of it that allows their addresses."));

    if (answers.relaysForOthers && !connectEnded) {
        advice.recommended = Method::Proxy;
        advice.reasons.append(
            tr("Other instances use this one as their Jira Connect proxy: keep it as it is."));
        advice.warnings.append(connectStatus(today));
        return advice;
    }
    if (answers.existingManualInstall && !connectEnded && !answers.gitLabComMayRelay) {
        advice.recommended = Method::Manual;
        advice.reasons.append(
            tr("A manually installed app already runs and GitLab.com must not relay: keep the "
               "manual setup for now, and plan the move."));
        advice.warnings.append(connectStatus(today));
        return advice;
    }
    advice.recommended = Method::Marketplace;
    advice.reasons.append(newInstallsBlocked
                              ? tr("The Marketplace app is the only way to install the app in Jira now.")
                              : tr("The Marketplace app is the supported way to install the app in Jira."));
    if (!answers.gitLabComMayRelay)
        advice.warnings.append(
            tr("With the Marketplace app GitLab.com relays install events and branch links to "
               "your instance (your data still goes from your instance straight to Jira). "
               "The alternative, a manual install, relies on Atlassian Connect: %1")
                .arg(connectStatus(today)));
    if (answers.existingManualInstall)
        advice.reasons.append(
            tr("The manual install that runs today relies on Atlassian Connect; moving to the "
               "Marketplace app keeps it working after Connect ends."));
    if (version && !version->atLeast(17, 2))
        advice.warnings.append(tr("GitLab %1 cannot create branches from Jira with the Marketplace app; that "
                                  "needs 17.2.")
                                   .arg(version->toString()));
    return advice;
}

} // namespace gjd
