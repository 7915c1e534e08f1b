// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QHostAddress>
#include <QList>
#include <QNetworkProxy>
#include <QProcessEnvironment>
#include <QString>
#include <QUrl>

#include <optional>

namespace gjd {

// An HTTP proxy the probes tunnel through (HTTP CONNECT: TLS stays end to end, so the chain seen
// is the server's). Basic authentication comes from the proxy URL's user info, which is never
// shown: display() leaves it out, and nothing else in the product prints it.
struct ProxyServer
{
    QString host;        // ASCII; IPv6 without brackets
    quint16 port = 1080; // curl's default for a proxy URL without a port
    QString user;
    QString password;

    // "http://proxy.example:3128": what reports, evidence and messages say. Never the user info.
    QString display() const;
    bool hasCredentials() const { return !user.isEmpty(); }
    QNetworkProxy toNetworkProxy() const;
    bool operator==(const ProxyServer& other) const;
};

// Which proxy the probes use for a URL, decided as curl decides it, so that the product goes where
// curl with the same settings goes:
// - `https_proxy` or `HTTPS_PROXY` for https URLs, `http_proxy` (lowercase only, as in curl) for
//   http URLs, else `all_proxy` or `ALL_PROXY`; the lowercase name wins when both are set;
// - `no_proxy` or `NO_PROXY`: hosts reached directly, separated by commas; `*` alone for every
//   host; a name matches itself and its subdomains ("example.com" and ".example.com" both
//   match example.com and git.example.com); an IP address matches itself, a CIDR block ("10.0.0.0/8",
//   "fd00::/8") the addresses in it. No ports; case does not matter;
// - `--proxy URL` replaces the environment's proxies for every scheme (a broken HTTPS_PROXY is then
//   not read at all), `--proxy ""` turns proxies off; `--no-proxy LIST` replaces the environment's
//   list.
// A proxy URL is `http://[user[:password]@]host[:port]`; without a scheme http:// is assumed.
// HTTPS and SOCKS proxies are refused with a message saying so.
class ProxyConfig
{
    Q_DECLARE_TR_FUNCTIONS(gjd::ProxyConfig)

public:
    // No proxy at all.
    ProxyConfig() = default;

    // From the environment, as curl reads it. An unusable proxy URL is an error that names the
    // variable (translated); the configuration is then unusable.
    static ProxyConfig fromEnvironment(const QProcessEnvironment& environment, QString* error);
    // The environment's configuration with --proxy and --no-proxy over it (nullopt: not given;
    // an empty --proxy turns proxies off). An error names the option or the variable.
    static ProxyConfig fromOptions(const std::optional<QString>& proxyOption,
                                   const std::optional<QString>& noProxyOption,
                                   const QProcessEnvironment& environment, QString* error);
    // One proxy URL (`what` names its source in the message: "--proxy", "HTTPS_PROXY").
    static std::optional<ProxyServer> parseProxyUrl(const QString& text, const QString& what, QString* error);

    // The proxy for a connection to this URL's scheme and host, or none: direct.
    std::optional<ProxyServer> proxyFor(const QUrl& url) const;
    std::optional<ProxyServer> proxyFor(const QString& scheme, const QString& host) const;
    // Whether the no-proxy list sends this host (a name or an address) around the proxy.
    bool bypasses(const QString& host) const;

    bool isEmpty() const { return !m_https && !m_http && !m_all; }
    // Where the settings came from, for the report: "--proxy", "HTTPS_PROXY", ... (empty: none).
    QString source() const { return m_source; }
    QStringList noProxy() const { return m_noProxyText; }

private:
    struct Exclusion
    {
        QString suffix;        // a host name, lowercase, without a leading dot
        QHostAddress network;  // an address or the network of a CIDR block
        int prefixLength = -1; // -1: `network` is one address
    };
    void setNoProxy(const QString& list);

    std::optional<ProxyServer> m_https;
    std::optional<ProxyServer> m_http;
    std::optional<ProxyServer> m_all;
    bool m_bypassAll = false;
    QList<Exclusion> m_exclusions;
    QStringList m_noProxyText;
    QString m_source;
};

} // namespace gjd
