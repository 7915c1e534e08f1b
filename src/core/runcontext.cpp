// SPDX-License-Identifier: GPL-3.0-or-later
#include "runcontext.h"

#include <QCoreApplication>

namespace gjd {

QString methodId(Method method)
{
    switch (method) {
    case Method::Marketplace:
        return QStringLiteral("marketplace");
    case Method::Manual:
        return QStringLiteral("manual");
    case Method::Proxy:
        return QStringLiteral("proxy");
    }
    return QStringLiteral("marketplace");
}

std::optional<Method> methodFromId(const QString& id)
{
    for (Method m : {Method::Marketplace, Method::Manual, Method::Proxy}) {
        if (methodId(m) == id)
            return m;
    }
    return std::nullopt;
}

std::optional<ResolveOverride> ResolveOverride::parse(const QString& text, QString* error)
{
    auto fail = [error, &text]() -> std::optional<ResolveOverride> {
        if (error)
            *error =
                QCoreApplication::translate("gjd::ResolveOverride",
                                            "--resolve expects HOST:PORT:ADDRESS[,ADDRESS…], got \"%1\".")
                    .arg(text);
        return std::nullopt;
    };
    const int first = text.indexOf(QLatin1Char(':'));
    if (first <= 0)
        return fail();
    const int second = text.indexOf(QLatin1Char(':'), first + 1);
    if (second < 0)
        return fail();
    ResolveOverride r;
    r.host = QString::fromLatin1(QUrl::toAce(text.left(first))).toLower();
    bool ok = false;
    const uint port = text.mid(first + 1, second - first - 1).toUInt(&ok);
    if (!ok || port == 0 || port > 65535 || r.host.isEmpty())
        return fail();
    r.port = static_cast<quint16>(port);
    const QStringList addresses = text.mid(second + 1).split(QLatin1Char(','));
    for (QString address : addresses) {
        address = address.trimmed();
        if (address.startsWith(QLatin1Char('[')) && address.endsWith(QLatin1Char(']')))
            address = address.mid(1, address.size() - 2);
        QHostAddress parsed;
        if (!parsed.setAddress(address))
            return fail();
        r.addresses.append(parsed);
    }
    return r;
}

int TcpResult::connectedCount() const
{
    int n = 0;
    for (const TcpAttempt& a : attempts)
        n += a.connected ? 1 : 0;
    return n;
}

const HttpResponse* RunContext::httpResult(const QString& probeId) const
{
    const auto it = http.constFind(probeId);
    if (it == http.constEnd() || it->isEmpty())
        return nullptr;
    return &it->constLast();
}

const std::optional<ResolveOverride> RunContext::resolveFor(const QString& host, quint16 port) const
{
    for (const ResolveOverride& r : options.resolve) {
        if (r.host == host && r.port == port)
            return r;
    }
    return std::nullopt;
}

} // namespace gjd
