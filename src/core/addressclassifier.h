// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QHostAddress>
#include <QString>

namespace gjd {

// Where an address sits in the IANA special-purpose registries (RFC 6890 and its updates):
// only a publicly routable address can be reached by Jira Cloud and GitLab.com.
struct AddressClass
{
    bool isPublic = false;
    QString code;  // stable: "public", "loopback", "private", "cgnat", "link-local", "ula", ...
    QString range; // the registry block, e.g. "100.64.0.0/10"; empty for public addresses
    QString name;  // translated, e.g. "shared address space (carrier-grade NAT, RFC 6598)"
};

class AddressClassifier
{
    Q_DECLARE_TR_FUNCTIONS(gjd::AddressClassifier)

public:
    static AddressClass classify(const QHostAddress& address);
};

} // namespace gjd
