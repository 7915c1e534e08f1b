// SPDX-License-Identifier: GPL-3.0-or-later
#include "check.h"

namespace gjd {
namespace {

class PortAllowedCheck final
{
    Q_DECLARE_TR_FUNCTIONS(gjd::PortAllowedCheck)

public:
    static void evaluate(const RunContext& ctx, Finding& f)
    {
        const quint16 port = ctx.target().port();
        f.evidence.insert(QStringLiteral("port"), port);
        f.evidence.insert(QStringLiteral("method"), methodId(ctx.method));
        if (port == 443 || port == 80 || port == 8080) {
            set(f, Status::Pass, tr("Port %1 is one Atlassian fetches app descriptors from.").arg(port));
            return;
        }
        const QString remedy =
            tr("Publish the instance on port 443, for example with a reverse proxy listening on 443 "
               "that forwards to port %1, and use that URL.")
                .arg(port);
        f.docs = {docs::connectDescriptor};
        if (ctx.method == Method::Marketplace) {
            set(f, Status::Warn,
                tr("Port %1 is not 443, 80 or 8080: the Marketplace app may reach it through GitLab.com, but "
                   "a manual "
                   "install would be refused.")
                    .arg(port),
                remedy);
            if (ctx.methodSource == QLatin1String("assumed"))
                f.details = tr("The installation method was assumed to be Marketplace; with --method manual "
                               "this is a failure.");
            return;
        }
        set(f, Status::Fail,
            tr("Port %1 is not 443, 80 or 8080: Atlassian fetches Connect app descriptors only from those "
               "ports.")
                .arg(port),
            remedy);
    }
};

} // namespace

namespace checks {

void portAllowed(const RunContext& context, Finding& finding)
{
    PortAllowedCheck::evaluate(context, finding);
}

} // namespace checks

} // namespace gjd
