// SPDX-License-Identifier: GPL-3.0-or-later
#include "runcontext.h"

#include "safefile.h"
#include "safetext.h"
#include <QCoreApplication>

#include <QFile>
#include <QRegularExpression>

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

std::optional<QList<ResolveOverride>> ResolveOverride::forUrls(const QStringList& urls,
                                                               const QString& addresses, QString* error)
{
    const auto parsed = parseAddresses(addresses.trimmed());
    if (!parsed) {
        if (error)
            *error = QCoreApplication::translate(
                         "gjd::ResolveOverride",
                         "\"%1\" is not an IP address (or a comma-separated list of them).")
                         .arg(safeText(addresses.trimmed(), SafeFor::OneLine));
        return std::nullopt;
    }
    QList<ResolveOverride> out;
    for (const QString& url : urls) {
        const InstanceUrl instance = InstanceUrl::parse(url);
        if (!instance.isValid())
            continue;
        ResolveOverride r;
        r.host = instance.host();
        r.port = instance.port();
        r.addresses = *parsed;
        out.append(r);
    }
    return out;
}

std::optional<QList<QSslCertificate>> readPemBundle(const QString& path, QString* error)
{
    // At most 16 MiB, only from a regular file: /dev/zero or a FIFO must not fill the memory or
    // hang the run.
    const std::optional<QByteArray> data = readInputFile(path, 16 * 1024 * 1024, error);
    if (!data)
        return std::nullopt;
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(*data, QSsl::Pem);
    if (certificates.isEmpty()) {
        *error = QCoreApplication::translate("gjd::ResolveOverride", "\"%1\" contains no PEM certificate")
                     .arg(safeText(path, SafeFor::OneLine));
        return std::nullopt;
    }
    return certificates;
}

std::optional<ResolveOverride> ResolveOverride::parse(const QString& text, QString* error)
{
    auto fail = [error, &text]() -> std::optional<ResolveOverride> {
        if (error)
            *error =
                QCoreApplication::translate("gjd::ResolveOverride",
                                            "--resolve expects HOST:PORT:ADDRESS[,ADDRESS…], got \"%1\".")
                    .arg(safeText(text, SafeFor::OneLine));
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
    const auto addresses = parseAddresses(text.mid(second + 1));
    if (!addresses)
        return fail();
    r.addresses = *addresses;
    return r;
}

std::optional<QList<QHostAddress>> ResolveOverride::parseAddresses(const QString& text)
{
    QList<QHostAddress> out;
    const QStringList parts = text.split(QLatin1Char(','));
    for (QString address : parts) {
        address = address.trimmed();
        if (address.startsWith(QLatin1Char('[')) && address.endsWith(QLatin1Char(']')))
            address = address.mid(1, address.size() - 2);
        QHostAddress parsed;
        if (!parsed.setAddress(address))
            return std::nullopt;
        // Only the dotted quad: Qt also reads the old short forms ("10.1" is 10.0.0.1) and stops
        // at a NUL, so that what is shown would not be what is connected to.
        static const QRegularExpression dottedQuad(QStringLiteral("^[0-9]{1,3}(\\.[0-9]{1,3}){3}$"));
        if (parsed.protocol() == QAbstractSocket::IPv4Protocol && !dottedQuad.match(address).hasMatch())
            return std::nullopt;
        out.append(parsed);
    }
    return out;
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

std::optional<ProxyServer> RunContext::proxyFor(const QString& host, quint16 port) const
{
    if (resolveFor(host, port))
        return std::nullopt;
    return options.proxy.proxyFor(QStringLiteral("https"), host);
}

} // namespace gjd
