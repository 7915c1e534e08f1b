// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "check.h"
#include "connect/installtype.h"
#include "probes/probecatalogue.h"

#include <QCoreApplication>

namespace gjd::platformcommon {

// The probes InstallTypes::decide() reads: the catalogue row of a check that asks for the install
// type lists them (checks/catalogue.cpp; tst_checkrules checks it).
inline QStringList installTypeProbes()
{
    return {probe::apiSettings, probe::descriptor, probe::descriptorDirect, probe::applicationId};
}

// Atlassian's pages on Forge remote backends: who calls the instance, from where, how long it waits.
inline const QString forgeRemoteContract =
    QStringLiteral("https://developer.atlassian.com/platform/forge/forge-remote-invocation-contract/");

class ForgeGate
{
    Q_DECLARE_TR_FUNCTIONS(gjd::ForgeGate)

public:
    // The forge.* checks and manual.forge_network apply to a native Forge install only: skip `f`
    // (with a reason code its dependants share) and return false for any other.
    static bool applies(const RunContext& ctx, Finding& f)
    {
        const InstallTypeDecision d = InstallTypes::decide(ctx);
        if (d.decided && d.type == InstallType::ForgeNative)
            return true;
        QString summary;
        if (!ctx.hasToken())
            summary = tr("Applies to a native Forge install only, which only the settings show: give an "
                         "administrator's token to check it.");
        else if (!d.decided)
            summary = tr("Applies to a native Forge install only; the install type could not be decided.");
        else
            summary =
                tr("Applies to a native Forge install only; this one is %1.").arg(installTypeId(d.type));
        skipFor(f, QStringLiteral("install-type"), summary);
        return false;
    }
};

} // namespace gjd::platformcommon
