// SPDX-License-Identifier: GPL-3.0-or-later
#include "check.h"
#include "connect/platformfacts.h"
#include "platformcommon.h"

#include <QJsonArray>

namespace gjd {
namespace {

// Judges the legacy methods against the day of the run (ctx.now) and the dated facts of
// connect/platformfacts.h; the evidence carries the milestone that decided, with its source.
class PlatformConnectEolCheck final
{
    Q_DECLARE_TR_FUNCTIONS(gjd::PlatformConnectEolCheck)

public:
    static void evaluate(const RunContext& ctx, Finding& f)
    {
        using namespace platform;
        const QDate today = ctx.now.date();
        const InstallTypeDecision install = InstallTypes::decide(ctx);
        if (install.decided && install.type == InstallType::ForgeNative) {
            skipFor(f, QStringLiteral("install-type"),
                    tr("A native Forge install does not rely on Atlassian Connect."));
            return;
        }
        // A run against an instance whose legacy install cannot be seen (nothing set up, or the
        // Marketplace app while --method names a legacy one) is about a new install.
        // One relayed by another instance is new too: the method needs the instance's own app.
        const bool existing =
            !install.decided || (install.type == InstallType::LegacyConnect && install.servesOwnApp);
        const ConnectPhase phase = connectPhase(today);

        QJsonArray all;
        for (const Milestone& m : milestones())
            all.append(m.toJson());
        f.evidence.insert(QStringLiteral("today"), today.toString(Qt::ISODate));
        f.evidence.insert(QStringLiteral("phase"), connectPhaseId(phase));
        f.evidence.insert(QStringLiteral("install"),
                          existing ? QStringLiteral("existing") : QStringLiteral("new"));
        f.evidence.insert(QStringLiteral("milestones"), all);
        f.docs = {docs::jiraCloudAppAdmin};

        const Milestone& deciding = (!existing && phase != ConnectPhase::PrivateInstallsOpen) ||
                                            phase == ConnectPhase::PrivateInstallsOpen
                                        ? privateConnectInstallsBlocked()
                                        : connectEndOfSupport();
        f.evidence.insert(QStringLiteral("source"), deciding.source);
        f.evidence.insert(QStringLiteral("wording"), deciding.wording);

        const QString remedy =
            tr("Move to the Marketplace app: %1 prepares GitLab (proxy URL https://gitlab.com, an OAuth "
               "application with GitLab.com's callback), then install \"GitLab for Jira Cloud\" from the "
               "Atlassian Marketplace in Jira.")
                .arg(ControlNames::name(ctx.options.frontend, Control::SetupToolMarketplace));
        const QString method = methodId(ctx.method);
        if (!existing && phase != ConnectPhase::PrivateInstallsOpen) {
            set(f, Status::Fail,
                tr("A new %1 install cannot be made: %2").arg(method, PlatformText::newInstallStatus(today)),
                remedy);
            f.details = PlatformText::connectStatus(today);
            return;
        }
        if (phase == ConnectPhase::EndOfSupport) {
            set(f, Status::Fail,
                tr("The %1 method relies on Atlassian Connect. %2")
                    .arg(method, PlatformText::connectStatus(today)),
                remedy);
            f.details = PlatformText::unknowns().join(QLatin1Char(' '));
            return;
        }
        set(f, Status::Warn,
            tr("The %1 method relies on Atlassian Connect. %2")
                .arg(method, PlatformText::connectStatus(today)),
            remedy);
        f.details = PlatformText::newInstallStatus(today);
    }
};

} // namespace

namespace checks {

void platformConnectEol(const RunContext& context, Finding& finding)
{
    PlatformConnectEolCheck::evaluate(context, finding);
}

} // namespace checks

} // namespace gjd
