// SPDX-License-Identifier: GPL-3.0-or-later
#include "check.h"

namespace gjd {

// One factory per check, each defined in the check's own file.
std::unique_ptr<Check> makeInputUrlCheck();
std::unique_ptr<Check> makeDnsResolveCheck();
std::unique_ptr<Check> makeDnsPublicCheck();
std::unique_ptr<Check> makeTcpConnectCheck();
std::unique_ptr<Check> makePortAllowedCheck();
std::unique_ptr<Check> makeTlsHandshakeCheck();
std::unique_ptr<Check> makeTlsProtocolCheck();
std::unique_ptr<Check> makeTlsHostnameCheck();
std::unique_ptr<Check> makeTlsValidityCheck();
std::unique_ptr<Check> makeTlsChainCompleteCheck();
std::unique_ptr<Check> makeTlsChainOrderCheck();
std::unique_ptr<Check> makeTlsChainExtraCheck();
std::unique_ptr<Check> makeTlsChainAnchorCheck();
std::unique_ptr<Check> makeTlsTrustPublicCheck();
std::unique_ptr<Check> makeTlsCryptoCheck();

const CheckList& catalogue()
{
    // The order of checks.md, which is the order of every report. Prerequisites come first.
    static const CheckList checks = [] {
        CheckList list;
        list.push_back(makeInputUrlCheck());
        list.push_back(makeDnsResolveCheck());
        list.push_back(makeDnsPublicCheck());
        list.push_back(makeTcpConnectCheck());
        list.push_back(makePortAllowedCheck());
        list.push_back(makeTlsHandshakeCheck());
        list.push_back(makeTlsProtocolCheck());
        list.push_back(makeTlsHostnameCheck());
        list.push_back(makeTlsValidityCheck());
        list.push_back(makeTlsChainCompleteCheck());
        list.push_back(makeTlsChainOrderCheck());
        list.push_back(makeTlsChainExtraCheck());
        list.push_back(makeTlsChainAnchorCheck());
        list.push_back(makeTlsTrustPublicCheck());
        list.push_back(makeTlsCryptoCheck());
        return list;
    }();
    return checks;
}

const Check* findCheck(const QString& id)
{
    for (const auto& c : catalogue()) {
        if (c->id() == id)
            return c.get();
    }
    return nullptr;
}

QStringList matchSelector(const QString& selectorIn)
{
    const QString selector = selectorIn.trimmed();
    QStringList out;
    if (selector.isEmpty())
        return out;
    for (const auto& c : catalogue()) {
        const QString id = c->id();
        const bool match = id == selector ||
                           (selector.endsWith(QLatin1Char('.')) && id.startsWith(selector)) ||
                           id.startsWith(selector + QLatin1Char('.')) || c->category() == selector;
        if (match)
            out.append(id);
    }
    return out;
}

QStringList Categories::ids()
{
    return {category::input,   category::network,  category::tls,  category::gitlab,
            category::connect, category::settings, category::jira, category::platform};
}

QString Categories::title(const QString& id)
{
    if (id == category::input)
        return tr("Input");
    if (id == category::network)
        return tr("Network");
    if (id == category::tls)
        return tr("TLS");
    if (id == category::gitlab)
        return tr("GitLab");
    if (id == category::connect)
        return tr("Jira Connect endpoints");
    if (id == category::settings)
        return tr("GitLab settings");
    if (id == category::jira)
        return tr("Jira");
    if (id == category::platform)
        return tr("Platform and manual checks");
    return id;
}

} // namespace gjd
