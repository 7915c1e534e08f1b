// SPDX-License-Identifier: GPL-3.0-or-later
#include "dnsprobe.h"

#include "runcontext.h"

#include <QHostInfo>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcDns, "gjd.dns", QtInfoMsg)

namespace gjd {

// Through a proxy the connections need no address from here: the proxy resolves the name.
bool DnsProbe::succeeded() const
{
    return m_context.dns && (m_context.dns->ok || !m_context.dns->proxy.isEmpty());
}

QString DnsProbe::stepText() const
{
    if (m_lookupId < 0 || isFinished())
        return QString();
    return tr("Resolving %1…").arg(m_context.target().host());
}

void DnsProbe::run()
{
    const InstanceUrl& url = m_context.target();
    DnsResult result;
    if (const auto override = m_context.resolveFor(url.host(), url.port())) {
        result.ok = true;
        result.fromResolveOption = true;
        result.addresses = override->addresses;
        m_context.dns = result;
        finish();
        return;
    }
    const QHostAddress literal(url.host());
    if (!literal.isNull()) {
        result.ok = true;
        result.literalAddress = true;
        result.addresses = {literal};
        m_context.dns = result;
        finish();
        return;
    }
    qCDebug(lcDns) << "looking up" << url.host();
    if (const auto proxy = m_context.proxyFor(url.host(), url.port()))
        m_proxy = proxy->display();
    m_lookupId = QHostInfo::lookupHost(url.host(), this, &DnsProbe::onLookedUp);
}

void DnsProbe::onLookedUp(const QHostInfo& info)
{
    m_lookupId = -1;
    if (isFinished())
        return;
    DnsResult result;
    result.durationMs = elapsedMs();
    switch (info.error()) {
    case QHostInfo::NoError:
        result.addresses = info.addresses();
        result.ok = !result.addresses.isEmpty();
        if (!result.ok) {
            result.errorCode = QStringLiteral("no-address");
            result.error = tr("%1 has no A or AAAA record.").arg(m_context.target().host());
        }
        break;
    case QHostInfo::HostNotFound:
        result.errorCode = QStringLiteral("nxdomain");
        result.error = tr("%1 does not resolve: the name does not exist (NXDOMAIN) or has no address record.")
                           .arg(m_context.target().host());
        break;
    case QHostInfo::UnknownError:
        result.errorCode = QStringLiteral("lookup-failed");
        result.error = tr("The lookup of %1 failed: %2.").arg(m_context.target().host(), info.errorString());
        break;
    }
    result.proxy = m_proxy;
    m_context.dns = result;
    finish();
}

void DnsProbe::stop(AbortReason reason, int timeoutMs)
{
    if (m_lookupId >= 0)
        QHostInfo::abortHostLookup(m_lookupId);
    m_lookupId = -1;
    DnsResult result;
    result.durationMs = elapsedMs();
    result.errorCode =
        reason == AbortReason::Cancelled ? QStringLiteral("cancelled") : QStringLiteral("timeout");
    result.error = reason == AbortReason::Cancelled ? tr("The lookup was cancelled.")
                                                    : tr("The lookup of %1 got no answer within %2 s.")
                                                          .arg(m_context.target().host())
                                                          .arg(timeoutMs / 1000.0);
    if (reason != AbortReason::Cancelled)
        result.proxy = m_proxy;
    m_context.dns = result;
}

} // namespace gjd
