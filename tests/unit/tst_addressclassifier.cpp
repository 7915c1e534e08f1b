// SPDX-License-Identifier: GPL-3.0-or-later
#include "addressclassifier.h"

#include <QTest>

using namespace gjd;

class TestAddressClassifier final : public QObject
{
    Q_OBJECT

private slots:
    void classify_data();
    void classify();
};

void TestAddressClassifier::classify_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("range");

    // IPv4 special-purpose registry (RFC 6890 and updates), edges of each block.
    QTest::newRow("public v4") << "8.8.8.8"
                               << "public"
                               << "";
    QTest::newRow("this network") << "0.1.2.3"
                                  << "this-network"
                                  << "0.0.0.0/8";
    QTest::newRow("rfc1918 10/8 low") << "10.0.0.0"
                                      << "private"
                                      << "10.0.0.0/8";
    QTest::newRow("rfc1918 10/8 high") << "10.255.255.255"
                                       << "private"
                                       << "10.0.0.0/8";
    QTest::newRow("just above 10/8") << "11.0.0.1"
                                     << "public"
                                     << "";
    QTest::newRow("cgnat low") << "100.64.0.1"
                               << "cgnat"
                               << "100.64.0.0/10";
    QTest::newRow("cgnat high") << "100.127.255.254"
                                << "cgnat"
                                << "100.64.0.0/10";
    QTest::newRow("below cgnat") << "100.63.255.255"
                                 << "public"
                                 << "";
    QTest::newRow("above cgnat") << "100.128.0.0"
                                 << "public"
                                 << "";
    QTest::newRow("loopback") << "127.0.0.1"
                              << "loopback"
                              << "127.0.0.0/8";
    QTest::newRow("loopback other") << "127.10.20.30"
                                    << "loopback"
                                    << "127.0.0.0/8";
    QTest::newRow("link-local v4") << "169.254.10.1"
                                   << "link-local"
                                   << "169.254.0.0/16";
    QTest::newRow("rfc1918 172.16/12 low") << "172.16.0.1"
                                           << "private"
                                           << "172.16.0.0/12";
    QTest::newRow("rfc1918 172.16/12 high") << "172.31.255.255"
                                            << "private"
                                            << "172.16.0.0/12";
    QTest::newRow("172.32 is public") << "172.32.0.1"
                                      << "public"
                                      << "";
    QTest::newRow("172.15 is public") << "172.15.255.255"
                                      << "public"
                                      << "";
    QTest::newRow("ietf protocol assignments") << "192.0.0.8"
                                               << "protocol-assignments"
                                               << "192.0.0.0/24";
    QTest::newRow("TEST-NET-1") << "192.0.2.10"
                                << "documentation"
                                << "192.0.2.0/24";
    QTest::newRow("6to4 relay") << "192.88.99.1"
                                << "6to4-relay"
                                << "192.88.99.0/24";
    QTest::newRow("rfc1918 192.168/16") << "192.168.1.1"
                                        << "private"
                                        << "192.168.0.0/16";
    QTest::newRow("benchmarking") << "198.19.255.1"
                                  << "benchmarking"
                                  << "198.18.0.0/15";
    QTest::newRow("TEST-NET-2") << "198.51.100.5"
                                << "documentation"
                                << "198.51.100.0/24";
    QTest::newRow("TEST-NET-3") << "203.0.113.5"
                                << "documentation"
                                << "203.0.113.0/24";
    QTest::newRow("multicast") << "224.0.0.251"
                               << "multicast"
                               << "224.0.0.0/4";
    QTest::newRow("multicast high") << "239.255.255.250"
                                    << "multicast"
                                    << "224.0.0.0/4";
    QTest::newRow("reserved class E") << "240.0.0.1"
                                      << "reserved"
                                      << "240.0.0.0/4";
    QTest::newRow("broadcast") << "255.255.255.255"
                               << "broadcast"
                               << "255.255.255.255/32";
    QTest::newRow("AS112 is global") << "192.31.196.1"
                                     << "public"
                                     << "";
    QTest::newRow("gitlab.com proxy range") << "34.74.90.65"
                                            << "public"
                                            << "";

    // IPv6 special-purpose registry.
    QTest::newRow("public v6") << "2606:4700:4700::1111"
                               << "public"
                               << "";
    QTest::newRow("v6 loopback") << "::1"
                                 << "loopback"
                                 << "::1/128";
    QTest::newRow("v6 unspecified") << "::"
                                    << "unspecified"
                                    << "::/128";
    QTest::newRow("v4-mapped private") << "::ffff:192.168.0.1"
                                       << "private"
                                       << "192.168.0.0/16";
    QTest::newRow("v4-mapped public") << "::ffff:8.8.8.8"
                                      << "public"
                                      << "";
    QTest::newRow("nat64 well-known, private inside") << "64:ff9b::10.0.0.1"
                                                      << "private"
                                                      << "10.0.0.0/8";
    QTest::newRow("nat64 well-known, public inside") << "64:ff9b::8.8.4.4"
                                                     << "public"
                                                     << "";
    QTest::newRow("nat64 local use") << "64:ff9b:1::1"
                                     << "nat64-local"
                                     << "64:ff9b:1::/48";
    QTest::newRow("discard") << "100::1"
                             << "discard"
                             << "100::/64";
    QTest::newRow("teredo") << "2001:0:4136:e378::1"
                            << "teredo"
                            << "2001::/32";
    QTest::newRow("v6 benchmarking") << "2001:2::1"
                                     << "benchmarking"
                                     << "2001:2::/48";
    QTest::newRow("orchid v2") << "2001:20::1"
                               << "orchid"
                               << "2001:20::/28";
    QTest::newRow("v6 documentation") << "2001:db8::1"
                                      << "documentation"
                                      << "2001:db8::/32";
    QTest::newRow("v6 documentation 3fff") << "3fff:123::1"
                                           << "documentation"
                                           << "3fff::/20";
    QTest::newRow("ULA fc") << "fc00::1"
                            << "ula"
                            << "fc00::/7";
    QTest::newRow("ULA fd") << "fd12:3456:789a::1"
                            << "ula"
                            << "fc00::/7";
    QTest::newRow("v6 link-local") << "fe80::1"
                                   << "link-local"
                                   << "fe80::/10";
    QTest::newRow("v6 link-local with scope") << "fe80::1%eth0"
                                              << "link-local"
                                              << "fe80::/10";
    QTest::newRow("site-local") << "fec0::1"
                                << "site-local"
                                << "fec0::/10";
    QTest::newRow("v6 multicast") << "ff02::1"
                                  << "multicast"
                                  << "ff00::/8";
    QTest::newRow("outside 2000::/3") << "4000::1"
                                      << "reserved"
                                      << "";
}

void TestAddressClassifier::classify()
{
    QFETCH(QString, address);
    QFETCH(QString, code);
    QFETCH(QString, range);
    const QHostAddress parsed(address);
    QVERIFY2(!parsed.isNull(), qPrintable(address));
    const AddressClass c = AddressClassifier::classify(parsed);
    QCOMPARE(c.code, code);
    QCOMPARE(c.range, range);
    QCOMPARE(c.isPublic, code == QLatin1String("public"));
    QVERIFY(!c.name.isEmpty());
}

QTEST_GUILESS_MAIN(TestAddressClassifier)
#include "tst_addressclassifier.moc"
