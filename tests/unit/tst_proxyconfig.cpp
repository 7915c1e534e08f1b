// SPDX-License-Identifier: GPL-3.0-or-later
// Which proxy the probes use (src/core/proxyconfig.h): curl's reading of the environment, the
// --proxy and --no-proxy options over it, the no-proxy list, and proxy URLs that are refused
// with a message that never shows a password.
#include "proxyconfig.h"

#include <QTest>

using gjd::ProxyConfig;
using gjd::ProxyServer;

namespace {

QProcessEnvironment environmentOf(const QStringList& assignments)
{
    QProcessEnvironment environment;
    for (const QString& assignment : assignments)
        environment.insert(assignment.section(u'=', 0, 0), assignment.section(u'=', 1));
    return environment;
}

} // namespace

class TestProxyConfig final : public QObject
{
    Q_OBJECT

private slots:
    void proxyFor_data();
    void proxyFor();
    void refusedUrls_data();
    void refusedUrls();
    void credentialsAreKeptButNeverShown();
    void nothingSetIsDirect();
};

void TestProxyConfig::proxyFor_data()
{
    QTest::addColumn<QStringList>("environment");
    QTest::addColumn<QString>("proxyOption"); // "<none>": not given
    QTest::addColumn<QString>("noProxyOption");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("expected"); // display(), or "" for direct

    const QString none = QStringLiteral("<none>"); // the option was not given
    QTest::newRow("HTTPS_PROXY") << QStringList{"HTTPS_PROXY=http://proxy.corp:3128"} << none << none
                                 << "https://gitlab.example.com"
                                 << "http://proxy.corp:3128";
    QTest::newRow("without a scheme")
        << QStringList{"https_proxy=proxy.corp:8080"} << none << none << "https://gitlab.example.com"
        << "http://proxy.corp:8080";
    QTest::newRow("lowercase wins") << QStringList{"https_proxy=http://lower:1", "HTTPS_PROXY=http://upper:2"}
                                    << none << none << "https://gitlab.example.com"
                                    << "http://lower:1";
    QTest::newRow("empty lowercase: uppercase") << QStringList{"https_proxy=", "HTTPS_PROXY=http://upper:2"}
                                                << none << none << "https://gitlab.example.com"
                                                << "http://upper:2";
    QTest::newRow("http_proxy for http only")
        << QStringList{"http_proxy=http://plain:3128"} << none << none << "https://gitlab.example.com"
        << "";
    QTest::newRow("http_proxy for an http URL")
        << QStringList{"http_proxy=http://plain:3128"} << none << none << "http://gitlab.example.com"
        << "http://plain:3128";
    QTest::newRow("HTTP_PROXY is not read")
        << QStringList{"HTTP_PROXY=http://cgi:1"} << none << none << "http://gitlab.example.com"
        << "";
    QTest::newRow("ALL_PROXY, default port")
        << QStringList{"ALL_PROXY=http://every"} << none << none << "https://gitlab.example.com"
        << "http://every:1080";
    QTest::newRow("HTTPS_PROXY over ALL_PROXY")
        << QStringList{"ALL_PROXY=http://every:1", "HTTPS_PROXY=http://tls:2"} << none << none
        << "https://gitlab.example.com"
        << "http://tls:2";
    QTest::newRow("IPv6 proxy") << QStringList{"HTTPS_PROXY=http://[fd00::1]:3128"} << none << none
                                << "https://gitlab.example.com"
                                << "http://[fd00::1]:3128";

    const QStringList proxied{"HTTPS_PROXY=http://proxy.corp:3128"};
    QTest::newRow("no_proxy: the domain")
        << (proxied + QStringList{"NO_PROXY=example.com"}) << none << none << "https://example.com"
        << "";
    QTest::newRow("no_proxy: a subdomain")
        << (proxied + QStringList{"NO_PROXY=example.com"}) << none << none << "https://git.example.com"
        << "";
    QTest::newRow("no_proxy: not a suffix of the name")
        << (proxied + QStringList{"NO_PROXY=example.com"}) << none << none << "https://notexample.com"
        << "http://proxy.corp:3128";
    QTest::newRow("no_proxy: leading dot")
        << (proxied + QStringList{"NO_PROXY=.example.com"}) << none << none << "https://example.com"
        << "";
    QTest::newRow("no_proxy: case and spaces")
        << (proxied + QStringList{"NO_PROXY=localhost, GitLab.Example.COM ,other"}) << none << none
        << "https://gitlab.example.com"
        << "";
    QTest::newRow("no_proxy: lowercase wins")
        << (proxied + QStringList{"no_proxy=other.org", "NO_PROXY=example.com"}) << none << none
        << "https://git.example.com"
        << "http://proxy.corp:3128";
    QTest::newRow("no_proxy: *") << (proxied + QStringList{"NO_PROXY=*"}) << none << none
                                 << "https://anything.example"
                                 << "";
    QTest::newRow("no_proxy: an address")
        << (proxied + QStringList{"NO_PROXY=127.0.0.1"}) << none << none << "https://127.0.0.1:8443"
        << "";
    QTest::newRow("no_proxy: a CIDR block")
        << (proxied + QStringList{"NO_PROXY=10.0.0.0/8"}) << none << none << "https://10.20.30.40"
        << "";
    QTest::newRow("no_proxy: outside the block")
        << (proxied + QStringList{"NO_PROXY=10.0.0.0/8"}) << none << none << "https://11.0.0.1"
        << "http://proxy.corp:3128";
    QTest::newRow("no_proxy: IPv6") << (proxied + QStringList{"NO_PROXY=[::1],fd00::/8"}) << none << none
                                    << "https://[fd12::5]"
                                    << "";
    QTest::newRow("no_proxy: a name is no address")
        << (proxied + QStringList{"NO_PROXY=example.com"}) << none << none << "https://10.0.0.1"
        << "http://proxy.corp:3128";

    QTest::newRow("--proxy over the environment")
        << proxied << "http://option:9" << none << "https://gitlab.example.com"
        << "http://option:9";
    QTest::newRow("--proxy for http too")
        << QStringList{} << "http://option:9" << none << "http://gitlab.example.com"
        << "http://option:9";
    QTest::newRow("--proxy \"\" turns it off") << proxied << "" << none << "https://gitlab.example.com"
                                               << "";
    QTest::newRow("--no-proxy replaces NO_PROXY")
        << (proxied + QStringList{"NO_PROXY=example.com"}) << none << "other.org"
        << "https://git.example.com"
        << "http://proxy.corp:3128";
    QTest::newRow("--proxy over a broken HTTPS_PROXY")
        << QStringList{"HTTPS_PROXY=https://broken", "http_proxy=socks5://x"} << "http://option:9" << none
        << "https://gitlab.example.com"
        << "http://option:9";
    QTest::newRow("--proxy \"\" over a broken HTTPS_PROXY")
        << QStringList{"HTTPS_PROXY=https://broken"} << "" << none << "https://gitlab.example.com"
        << "";
    QTest::newRow("no_proxy: * in a list is no wildcard")
        << (proxied + QStringList{"NO_PROXY=localhost,*"}) << none << none << "https://gitlab.example.com"
        << "http://proxy.corp:3128";
    QTest::newRow("no_proxy: an IDN") << (proxied + QStringList{"NO_PROXY=xn--bcher-kva.example"}) << none
                                      << none << "https://bücher.example"
                                      << "";
    QTest::newRow("--no-proxy with --proxy") << QStringList{} << "http://option:9"
                                             << "example.com"
                                             << "https://git.example.com"
                                             << "";
}

void TestProxyConfig::proxyFor()
{
    QFETCH(QStringList, environment);
    QFETCH(QString, proxyOption);
    QFETCH(QString, noProxyOption);
    QFETCH(QString, url);
    QFETCH(QString, expected);
    QString error;
    const auto given = [](const QString& value) {
        return value == QLatin1String("<none>") ? std::nullopt : std::optional<QString>(value);
    };
    const ProxyConfig config = ProxyConfig::fromOptions(given(proxyOption), given(noProxyOption),
                                                        environmentOf(environment), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const std::optional<ProxyServer> proxy = config.proxyFor(QUrl(url));
    QCOMPARE(proxy ? proxy->display() : QString(), expected);
}

void TestProxyConfig::refusedUrls_data()
{
    QTest::addColumn<QString>("variable");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("says");
    QTest::newRow("https proxy") << "HTTPS_PROXY"
                                 << "https://proxy.corp:443"
                                 << "HTTPS proxies";
    QTest::newRow("socks5") << "ALL_PROXY"
                            << "socks5h://proxy.corp:1080"
                            << "SOCKS proxies are not supported";
    QTest::newRow("no host") << "HTTPS_PROXY"
                             << "http://alice:s3cret@:8080"
                             << "HTTPS_PROXY is not a proxy URL";
    QTest::newRow("port out of range") << "HTTPS_PROXY"
                                       << "http://proxy.corp:99999"
                                       << "not a proxy URL";
    QTest::newRow("port nan") << "https_proxy"
                              << "http://proxy.corp:nan"
                              << "https_proxy is not a proxy URL";
    QTest::newRow("a path") << "HTTPS_PROXY"
                            << "http://proxy.corp:3128/wpad.dat"
                            << "not a proxy URL";
    QTest::newRow("ftp") << "ALL_PROXY"
                         << "ftp://proxy.corp"
                         << "ALL_PROXY is not a proxy URL";
    QTest::newRow("--proxy with a password") << "--proxy"
                                             << "https://alice:s3cret@proxy.corp"
                                             << "--proxy: HTTPS proxies";
}

// One message, naming where the URL came from, and never echoing what might be a password.
void TestProxyConfig::refusedUrls()
{
    QFETCH(QString, variable);
    QFETCH(QString, value);
    QFETCH(QString, says);
    QString error;
    const ProxyConfig config =
        variable == QLatin1String("--proxy")
            ? ProxyConfig::fromOptions(value, QString(), {}, &error)
            : ProxyConfig::fromEnvironment(environmentOf({variable + u'=' + value}), &error);
    QVERIFY2(error.contains(says), qPrintable(error));
    QVERIFY2(!error.contains(QLatin1String("s3cret")) && !error.contains(QLatin1String("alice")),
             qPrintable(error));
    QVERIFY(config.isEmpty());
    QVERIFY(!config.proxyFor(QUrl(QStringLiteral("https://gitlab.example.com"))));
}

void TestProxyConfig::credentialsAreKeptButNeverShown()
{
    QString error;
    const ProxyConfig config = ProxyConfig::fromEnvironment(
        environmentOf({QStringLiteral("HTTPS_PROXY=http://alice:s%40cret%3A1@proxy.corp:3128")}), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const std::optional<ProxyServer> proxy =
        config.proxyFor(QUrl(QStringLiteral("https://gitlab.example.com")));
    QVERIFY(proxy);
    QCOMPARE(proxy->user, QStringLiteral("alice"));
    QCOMPARE(proxy->password, QStringLiteral("s@cret:1"));
    QVERIFY(proxy->hasCredentials());
    QCOMPARE(proxy->display(), QStringLiteral("http://proxy.corp:3128"));
    QCOMPARE(config.source(), QStringLiteral("HTTPS_PROXY"));
    const QNetworkProxy qt = proxy->toNetworkProxy();
    QCOMPARE(qt.type(), QNetworkProxy::HttpProxy);
    QCOMPARE(qt.hostName(), QStringLiteral("proxy.corp"));
    QCOMPARE(qt.port(), quint16(3128));
    QCOMPARE(qt.user(), QStringLiteral("alice"));
    QVERIFY(qt.capabilities().testFlag(QNetworkProxy::TunnelingCapability));
}

void TestProxyConfig::nothingSetIsDirect()
{
    QString error = QStringLiteral("stale");
    const ProxyConfig config =
        ProxyConfig::fromEnvironment(environmentOf({QStringLiteral("PATH=/usr/bin")}), &error);
    QVERIFY(error.isEmpty());
    QVERIFY(config.isEmpty());
    QVERIFY(config.source().isEmpty());
    QVERIFY(!config.proxyFor(QUrl(QStringLiteral("https://gitlab.example.com"))));
}

QTEST_GUILESS_MAIN(TestProxyConfig)
#include "tst_proxyconfig.moc"
