// SPDX-License-Identifier: GPL-3.0-or-later
#include "check.h"
#include "controlnames.h"
#include "probes/tcpprobe.h"

#include <QJsonArray>
#include <QJsonObject>

namespace gjd {
namespace {

class TcpConnectCheck final
{
    Q_DECLARE_TR_FUNCTIONS(gjd::TcpConnectCheck)

public:
    // Through a proxy: one tunnel (CONNECT host:port). A proxy that asks for credentials or
    // refuses the tunnel is said as such, never as a firewall or DNS problem.
    static void evaluateThroughProxy(const RunContext& ctx, Finding& f)
    {
        const TcpAttempt& tunnel = ctx.tcp->attempts.constFirst();
        const QString host = ctx.target().host();
        const QString port = QString::number(ctx.target().port());
        const QString& proxy = ctx.tcp->proxy;
        f.evidence.insert(QStringLiteral("proxy"), proxy);
        f.evidence.insert(QStringLiteral("attempts"),
                          QJsonArray{QJsonObject{{QStringLiteral("proxy"), proxy},
                                                 {QStringLiteral("port"), ctx.target().port()},
                                                 {QStringLiteral("connected"), tunnel.connected},
                                                 {QStringLiteral("error"), tunnel.errorCode},
                                                 {QStringLiteral("ms"), tunnel.durationMs}}});
        if (tunnel.connected) {
            set(f, Status::Pass,
                tr("Connected to %1 port %2 through the proxy %3 (a CONNECT tunnel, TLS end to end).")
                    .arg(host, port, proxy));
            f.details =
                tr("This shows that the instance is reachable from this computer's network through its "
                   "proxy; Jira Cloud and GitLab.com connect from the internet, directly.");
            return;
        }
        const QString source = ControlNames::name(ctx.options.frontend, Control::Proxy);
        QString remedy;
        if (tunnel.errorCode == QLatin1String("proxy-auth"))
            remedy = tr("Give the proxy's user name and password in the proxy URL "
                        "(http://user:password@host:port, in %1).")
                         .arg(source);
        else if (tunnel.errorCode == QLatin1String("proxy"))
            remedy =
                tr("Ask the proxy's administrators to allow CONNECT to %1 port %2, or, if this computer "
                   "can reach the instance directly, add %1 to the hosts reached without the proxy (%3).")
                    .arg(host, port, ControlNames::name(ctx.options.frontend, Control::NoProxy));
        else
            remedy = tr("Check the proxy (%1, from %2), and that it can reach %3 port %4.")
                         .arg(proxy, source, host, port);
        set(f, Status::Fail, tunnel.error, remedy);
    }

    static void evaluate(const RunContext& ctx, Finding& f)
    {
        if (!ctx.tcp->proxy.isEmpty()) {
            evaluateThroughProxy(ctx, f);
            return;
        }
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
