// SPDX-License-Identifier: GPL-3.0-or-later
#include "check.h"
#include "probes/tcpprobe.h"

#include <QJsonArray>

namespace gjd {
namespace {

class TcpConnectCheck final
{
    Q_DECLARE_TR_FUNCTIONS(gjd::TcpConnectCheck)

public:
    static void evaluate(const RunContext& ctx, Finding& f)
    {
        const TcpResult& tcp = *ctx.tcp;
        QJsonArray attempts;
        QStringList failures;
        QStringList connected;
        bool timedOut = false;
        for (const TcpAttempt& a : tcp.attempts) {
            attempts.append(QJsonObject{{QStringLiteral("address"), a.address.toString()},
                                        {QStringLiteral("port"), ctx.target().port()},
                                        {QStringLiteral("connected"), a.connected},
                                        {QStringLiteral("error"), a.errorCode},
                                        {QStringLiteral("ms"), a.durationMs}});
            if (a.connected)
                connected.append(tr("%1 in %2 ms").arg(a.address.toString()).arg(a.durationMs));
            else
                failures.append(a.error);
            timedOut = timedOut || a.errorCode == QLatin1String("timeout");
        }
        f.evidence.insert(QStringLiteral("attempts"), attempts);
        if (ctx.dns->addresses.size() > TcpProbe::maxAddresses)
            f.details = tr("Only the first %1 addresses were tried.").arg(TcpProbe::maxAddresses);
        const QString port = QString::number(ctx.target().port());
        if (failures.isEmpty()) {
            set(f, Status::Pass,
                tr("Connected to port %1: %2.").arg(port, connected.join(QLatin1String(", "))));
            return;
        }
        const QString remedy =
            timedOut ? tr("A firewall drops connections to port %1: allow inbound TCP %1 from the internet "
                          "(at least from "
                          "GitLab.com 34.74.90.64/28 and 34.74.226.0/24, and from Atlassian's ranges).")
                           .arg(port)
                     : tr("Make the web server (or the load balancer in front of it) listen on port %1 on "
                          "every published "
                          "address, and open the port in the firewall.")
                           .arg(port);
        if (connected.isEmpty()) {
            set(f, Status::Fail, failures.join(QLatin1Char(' ')), remedy);
            f.explains = {explains::failedToUpdateInstance, explains::invalidJwt};
        } else {
            set(f, Status::Warn,
                tr("Only some addresses accept connections on port %1. %2")
                    .arg(port, failures.join(QLatin1Char(' '))),
                tr("Fix or remove the DNS records of the addresses that fail: clients that pick them cannot "
                   "connect. ") +
                    remedy);
        }
        f.docs = {docs::jiraCloudAppAdmin};
    }
};

} // namespace

namespace checks {

void tcpConnect(const RunContext& context, Finding& finding)
{
    TcpConnectCheck::evaluate(context, finding);
}

} // namespace checks

} // namespace gjd
