// SPDX-License-Identifier: GPL-3.0-or-later
#include "addressclassifier.h"

#include <vector>

namespace gjd {

namespace {

struct Block
{
    const char* cidr;
    const char* code;
    const char* name; // translated through AddressClassifier
};

// IANA IPv4 Special-Purpose Address Registry. Blocks the registry marks "globally reachable"
// (192.31.196.0/24 AS112, 192.52.193.0/24 AMT, 192.175.48.0/24) are public for our purpose.
const std::vector<Block>& ipv4Blocks()
{
    static const std::vector<Block> blocks{
        {"0.0.0.0/8", "this-network",
         QT_TRANSLATE_NOOP("gjd::AddressClassifier", "\"this network\" (RFC 791)")},
        {"10.0.0.0/8", "private", QT_TRANSLATE_NOOP("gjd::AddressClassifier", "private network (RFC 1918)")},
        {"100.64.0.0/10", "cgnat",
         QT_TRANSLATE_NOOP("gjd::AddressClassifier", "shared address space (carrier-grade NAT, RFC 6598)")},
        {"127.0.0.0/8", "loopback", QT_TRANSLATE_NOOP("gjd::AddressClassifier", "loopback (RFC 1122)")},
        {"169.254.0.0/16", "link-local",
         QT_TRANSLATE_NOOP("gjd::AddressClassifier", "link-local (RFC 3927)")},
        {"172.16.0.0/12", "private",
         QT_TRANSLATE_NOOP("gjd::AddressClassifier", "private network (RFC 1918)")},
        {"192.0.0.0/24", "protocol-assignments",
         QT_TRANSLATE_NOOP("gjd::AddressClassifier", "IETF protocol assignments (RFC 6890)")},
        {"192.0.2.0/24", "documentation",
         QT_TRANSLATE_NOOP("gjd::AddressClassifier", "documentation, TEST-NET-1 (RFC 5737)")},
        {"192.88.99.0/24", "6to4-relay",
         QT_TRANSLATE_NOOP("gjd::AddressClassifier", "deprecated 6to4 relay anycast (RFC 7526)")},
        {"192.168.0.0/16", "private",
         QT_TRANSLATE_NOOP("gjd::AddressClassifier", "private network (RFC 1918)")},
        {"198.18.0.0/15", "benchmarking",
         QT_TRANSLATE_NOOP("gjd::AddressClassifier", "benchmarking (RFC 2544)")},
        {"198.51.100.0/24", "documentation",
         QT_TRANSLATE_NOOP("gjd::AddressClassifier", "documentation, TEST-NET-2 (RFC 5737)")},
        {"203.0.113.0/24", "documentation",
         QT_TRANSLATE_NOOP("gjd::AddressClassifier", "documentation, TEST-NET-3 (RFC 5737)")},
        {"224.0.0.0/4", "multicast", QT_TRANSLATE_NOOP("gjd::AddressClassifier", "multicast (RFC 5771)")},
        {"255.255.255.255/32", "broadcast",
         QT_TRANSLATE_NOOP("gjd::AddressClassifier", "limited broadcast (RFC 919)")},
        {"240.0.0.0/4", "reserved",
         QT_TRANSLATE_NOOP("gjd::AddressClassifier", "reserved for future use (RFC 1112)")},
    };
    return blocks;
}

// IANA IPv6 Special-Purpose Address Registry, most specific first. ::ffff:0:0/96 and
// 64:ff9b::/96 embed an IPv4 address and are classified by it.
const std::vector<Block>& ipv6Blocks()
{
    static const std::vector<Block> blocks{
        {"::1/128", "loopback", QT_TRANSLATE_NOOP("gjd::AddressClassifier", "loopback (RFC 4291)")},
        {"::/128", "unspecified",
         QT_TRANSLATE_NOOP("gjd::AddressClassifier", "unspecified address (RFC 4291)")},
        {"64:ff9b:1::/48", "nat64-local",
         QT_TRANSLATE_NOOP("gjd::AddressClassifier", "local-use IPv4/IPv6 translation (RFC 8215)")},
        {"100::/64", "discard", QT_TRANSLATE_NOOP("gjd::AddressClassifier", "discard-only (RFC 6666)")},
        {"2001::/32", "teredo", QT_TRANSLATE_NOOP("gjd::AddressClassifier", "Teredo tunnelling (RFC 4380)")},
        {"2001:2::/48", "benchmarking",
         QT_TRANSLATE_NOOP("gjd::AddressClassifier", "benchmarking (RFC 5180)")},
        {"2001:10::/28", "orchid",
         QT_TRANSLATE_NOOP("gjd::AddressClassifier", "deprecated ORCHID (RFC 4843)")},
        {"2001:20::/28", "orchid", QT_TRANSLATE_NOOP("gjd::AddressClassifier", "ORCHIDv2 (RFC 7343)")},
        {"2001:db8::/32", "documentation",
         QT_TRANSLATE_NOOP("gjd::AddressClassifier", "documentation (RFC 3849)")},
        {"3fff::/20", "documentation",
         QT_TRANSLATE_NOOP("gjd::AddressClassifier", "documentation (RFC 9637)")},
        {"5f00::/16", "srv6", QT_TRANSLATE_NOOP("gjd::AddressClassifier", "segment routing SIDs (RFC 9602)")},
        {"fc00::/7", "ula", QT_TRANSLATE_NOOP("gjd::AddressClassifier", "unique local address (RFC 4193)")},
        {"fe80::/10", "link-local", QT_TRANSLATE_NOOP("gjd::AddressClassifier", "link-local (RFC 4291)")},
        {"fec0::/10", "site-local",
         QT_TRANSLATE_NOOP("gjd::AddressClassifier", "deprecated site-local (RFC 3879)")},
        {"ff00::/8", "multicast", QT_TRANSLATE_NOOP("gjd::AddressClassifier", "multicast (RFC 4291)")},
    };
    return blocks;
}

std::optional<AddressClass> match(const QHostAddress& address, const std::vector<Block>& blocks)
{
    for (const Block& b : blocks) {
        const auto subnet = QHostAddress::parseSubnet(QString::fromLatin1(b.cidr));
        if (address.isInSubnet(subnet)) {
            return AddressClass{false, QString::fromLatin1(b.code), QString::fromLatin1(b.cidr),
                                AddressClassifier::tr(b.name)};
        }
    }
    return std::nullopt;
}

} // namespace

AddressClass AddressClassifier::classify(const QHostAddress& input)
{
    QHostAddress address = input;
    address.setScopeId(QString());
    if (address.isNull() || (address.protocol() != QAbstractSocket::IPv4Protocol &&
                             address.protocol() != QAbstractSocket::IPv6Protocol))
        return AddressClass{false, QStringLiteral("invalid"), QString(), tr("not an IP address")};

    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        // "::" and "::1" would otherwise read as the IPv4-compatible 0.0.0.0 / 0.0.0.1.
        if (address == QHostAddress(QHostAddress::AnyIPv6) ||
            address == QHostAddress(QHostAddress::LocalHostIPv6))
            return *match(address, ipv6Blocks());
        bool mapped = false;
        const quint32 v4 = address.toIPv4Address(&mapped); // ::ffff:a.b.c.d
        if (mapped)
            return classify(QHostAddress(v4));
        if (address.isInSubnet(QHostAddress::parseSubnet(QStringLiteral("64:ff9b::/96")))) {
            const Q_IPV6ADDR bytes = address.toIPv6Address();
            const quint32 embedded = (quint32(bytes[12]) << 24) | (quint32(bytes[13]) << 16) |
                                     (quint32(bytes[14]) << 8) | quint32(bytes[15]);
            return classify(QHostAddress(embedded));
        }
        if (auto special = match(address, ipv6Blocks()))
            return *special;
        // Only 2000::/3 is allocated for global unicast; everything else is reserved by IETF.
        if (!address.isInSubnet(QHostAddress::parseSubnet(QStringLiteral("2000::/3"))))
            return AddressClass{false, QStringLiteral("reserved"), QString(),
                                tr("reserved by the IETF, outside global unicast 2000::/3 (RFC 4291)")};
        return AddressClass{true, QStringLiteral("public"), QString(), tr("public")};
    }

    if (auto special = match(address, ipv4Blocks()))
        return *special;
    return AddressClass{true, QStringLiteral("public"), QString(), tr("public")};
}

} // namespace gjd
