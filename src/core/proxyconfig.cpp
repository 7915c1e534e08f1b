// SPDX-License-Identifier: GPL-3.0-or-later
#include "proxyconfig.h"

#include <QRegularExpression>

namespace gjd {

namespace {

// The first non-empty value of these variables, and which one it was.
std::pair<QString, QString> firstSet(const QProcessEnvironment& environment,
                                     std::initializer_list<const char*> names)
{
    for (const char* name : names) {
        const QString value = environment.value(QLatin1String(name)).trimmed();
        if (!value.isEmpty())
            return {value, QLatin1String(name)};
    }
    return {};
}

} // namespace

QString ProxyServer::display() const
{
    const QString shownHost =
        host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host;
    return QStringLiteral("http://%1:%2").arg(shownHost).arg(port);
}

QNetworkProxy ProxyServer::toNetworkProxy() const
{
    return QNetworkProxy(QNetworkProxy::HttpProxy, host, port, user, password);
}

bool ProxyServer::operator==(const ProxyServer& other) const
{
    return host == other.host && port == other.port && user == other.user && password == other.password;
}

std::optional<ProxyServer> ProxyConfig::parseProxyUrl(const QString& textIn, const QString& what,
                                                      QString* error)
{
    const QString text = textIn.trimmed();
    // Never echo the text: it may hold a password.
    const QString expected =
        tr("%1 is not a proxy URL of the form http://[user:password@]host[:port].").arg(what);
    static const QRegularExpression schemePattern(QStringLiteral("^([A-Za-z][A-Za-z0-9+.-]*)://"));
    const QRegularExpressionMatch scheme = schemePattern.match(text);
    const QString schemeName = scheme.hasMatch() ? scheme.captured(1).toLower() : QStringLiteral("http");
    if (schemeName == QLatin1String("https")) {
        *error =
            tr("%1: HTTPS proxies (https://) are not supported; give the proxy as http://. The connection "
               "to the server is TLS from end to end either way.")
                .arg(what);
        return std::nullopt;
    }
    if (schemeName.startsWith(QLatin1String("socks"))) {
        *error = tr("%1: SOCKS proxies are not supported; give an HTTP proxy (http://host:port) that allows "
                    "CONNECT.")
                     .arg(what);
        return std::nullopt;
    }
    if (schemeName != QLatin1String("http")) {
        *error = expected;
        return std::nullopt;
    }
    const QUrl url(scheme.hasMatch() ? text : QStringLiteral("http://") + text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() || url.port() == 0 ||
        (!url.path().isEmpty() && url.path() != QLatin1String("/")) || url.hasQuery() || url.hasFragment()) {
        *error = expected;
        return std::nullopt;
    }
    ProxyServer server;
    server.host = url.host(QUrl::FullyEncoded).toLower();
    if (url.port() > 0)
        server.port = quint16(url.port());
    server.user = url.userName(QUrl::FullyDecoded);
    server.password = url.password(QUrl::FullyDecoded);
    return server;
}

ProxyConfig ProxyConfig::fromEnvironment(const QProcessEnvironment& environment, QString* error)
{
    ProxyConfig config;
    QStringList sources;
    const auto read = [&](std::initializer_list<const char*> names, std::optional<ProxyServer>& into) {
        const auto [value, name] = firstSet(environment, names);
        if (value.isEmpty() || !error->isEmpty())
            return;
        into = parseProxyUrl(value, name, error);
        if (into)
            sources.append(name);
    };
    error->clear();
    read({"https_proxy", "HTTPS_PROXY"}, config.m_https);
    read({"http_proxy"}, config.m_http); // curl reads no HTTP_PROXY (CGI's header of that name)
    read({"all_proxy", "ALL_PROXY"}, config.m_all);
    if (!error->isEmpty())
        return {};
    const auto [noProxy, noProxyName] = firstSet(environment, {"no_proxy", "NO_PROXY"});
    config.setNoProxy(noProxy);
    config.m_source = sources.join(QLatin1String(", "));
    return config;
}

ProxyConfig ProxyConfig::fromOptions(const std::optional<QString>& proxyOption,
                                     const std::optional<QString>& noProxyOption,
                                     const QProcessEnvironment& environment, QString* error)
{
    // --proxy replaces the environment's proxies, so a broken HTTPS_PROXY does not stand in its way.
    QProcessEnvironment consulted = environment;
    if (proxyOption) {
        for (const char* name : {"https_proxy", "HTTPS_PROXY", "http_proxy", "all_proxy", "ALL_PROXY"})
            consulted.remove(QLatin1String(name));
    }
    ProxyConfig config = fromEnvironment(consulted, error);
    if (!error->isEmpty())
        return {};
    if (proxyOption) {
        config.m_https.reset();
        config.m_http.reset();
        config.m_all.reset();
        config.m_source.clear();
        if (!proxyOption->trimmed().isEmpty()) {
            config.m_all = parseProxyUrl(*proxyOption, QStringLiteral("--proxy"), error);
            if (!config.m_all)
                return {};
            config.m_source = QStringLiteral("--proxy");
        }
    }
    if (noProxyOption)
        config.setNoProxy(*noProxyOption);
    return config;
}

void ProxyConfig::setNoProxy(const QString& list)
{
    m_bypassAll = false;
    m_exclusions.clear();
    m_noProxyText.clear();
    // As curl: "*" alone means every host; otherwise entries separated by commas.
    if (list.trimmed() == QLatin1String("*")) {
        m_bypassAll = true;
        m_noProxyText = {QStringLiteral("*")};
        return;
    }
    for (QString entry : list.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        entry = entry.trimmed().toLower();
        if (entry.isEmpty())
            continue;
        m_noProxyText.append(entry);
        if (entry.startsWith(QLatin1Char('[')) && entry.endsWith(QLatin1Char(']')))
            entry = entry.mid(1, entry.size() - 2);
        Exclusion exclusion;
        if (entry.contains(QLatin1Char('/'))) {
            const auto [network, length] = QHostAddress::parseSubnet(entry);
            if (network.isNull())
                continue; // not a CIDR block: curl ignores it too
            exclusion.network = network;
            exclusion.prefixLength = length;
        } else if (QHostAddress address(entry); !address.isNull()) {
            exclusion.network = address;
        } else {
            while (entry.startsWith(QLatin1Char('.')))
                entry.remove(0, 1);
            while (entry.endsWith(QLatin1Char('.')))
                entry.chop(1);
            if (entry.isEmpty())
                continue;
            exclusion.suffix = entry;
        }
        m_exclusions.append(exclusion);
    }
}

bool ProxyConfig::bypasses(const QString& hostIn) const
{
    if (m_bypassAll)
        return true;
    QString host = hostIn.toLower();
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    while (host.endsWith(QLatin1Char('.')))
        host.chop(1);
    const QHostAddress address(host);
    for (const Exclusion& e : m_exclusions) {
        if (!e.suffix.isEmpty()) {
            if (host == e.suffix || host.endsWith(QLatin1Char('.') + e.suffix))
                return true;
        } else if (!address.isNull()) {
            if (e.prefixLength < 0 ? address.isEqual(e.network)
                                   : address.isInSubnet(e.network, e.prefixLength))
                return true;
        }
    }
    return false;
}

std::optional<ProxyServer> ProxyConfig::proxyFor(const QString& scheme, const QString& host) const
{
    if (isEmpty() || bypasses(host))
        return std::nullopt;
    const std::optional<ProxyServer>& specific = scheme == QLatin1String("http") ? m_http : m_https;
    return specific ? specific : m_all;
}

std::optional<ProxyServer> ProxyConfig::proxyFor(const QUrl& url) const
{
    return proxyFor(url.scheme().toLower(), url.host(QUrl::FullyEncoded)); // punycode, as no_proxy has it
}

} // namespace gjd
