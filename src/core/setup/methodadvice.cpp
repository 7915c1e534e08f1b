// SPDX-License-Identifier: GPL-3.0-or-later
#include "methodadvice.h"

#include "connect/platformfacts.h"

namespace gjd {

QString MethodAdvice::connectStatus(const QDate& today)
{
    return platform::PlatformText::newInstallStatus(today) + QLatin1Char(' ') +
           platform::PlatformText::connectStatus(today);
}

MethodAdvice MethodAdvice::advise(const DetectedInstall& detected,
                                  const std::optional<GitLabVersion>& version)
{
    MethodAdvice advice;
    if (version && !version->atLeast(15, 7)) {
        advice.reasons.append(
            tr("GitLab %1 is older than 15.7: upgrade first; the Marketplace app needs 15.7 and "
               "OAuth for the app arrived then.")
                .arg(version->toString()));
        return advice;
    }
    const QString type = detected.type;
    if (type == QLatin1String("legacy-connect")) {
        advice.recommended = SetupPath::MoveLegacy;
        // Where Connect stands is said next to the choice itself (PlatformText::connectStatus).
        advice.reasons.append(
            tr("GitLab's settings show a legacy Connect install: %1.").arg(detected.reason));
        if (detected.relaysForOthers)
            advice.warnings.append(
                tr("Other instances use this one as their Jira Connect proxy: every instance whose Jira "
                   "Connect Proxy URL points here must move to the Marketplace app too."));
    } else {
        advice.recommended = SetupPath::NewInstall;
        if (type == QLatin1String("marketplace"))
            advice.reasons.append(
                tr("GitLab is already set up for the Marketplace app (%1): the wizard checks it and "
                   "completes what is missing.")
                    .arg(detected.reason));
        else
            advice.reasons.append(tr("New installs use the Marketplace app."));
        if (type == QLatin1String("forge-native"))
            advice.warnings.append(
                tr("GitLab's experimental native Forge mode is set (%1). This wizard sets up the Marketplace "
                   "app and leaves jira_forge_app_id as it is.")
                    .arg(detected.reason));
    }
    if (version && !version->atLeast(17, 2))
        advice.warnings.append(tr("GitLab %1 cannot create branches from Jira with the Marketplace app; that "
                                  "needs 17.2.")
                                   .arg(version->toString()));
    return advice;
}

} // namespace gjd
