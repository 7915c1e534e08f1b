// SPDX-License-Identifier: GPL-3.0-or-later
#include "check.h"

#include "probes/probecatalogue.h"

#include <QHash>

#include <functional>

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
std::unique_ptr<Check> makeTlsLeafPurposeCheck();
std::unique_ptr<Check> makeTlsKeyExchangeCheck();
std::unique_ptr<Check> makeTlsHandshakeSizeCheck();
std::unique_ptr<Check> makeTlsClientCertificateCheck();
std::unique_ptr<Check> makeHttpBaseCheck();
std::unique_ptr<Check> makeGitLabApiCheck();
std::unique_ptr<Check> makeGitLabVersionCheck();
std::unique_ptr<Check> makeConnectDescriptorCheck();
std::unique_ptr<Check> makeConnectDescriptorSchemaCheck();
std::unique_ptr<Check> makeConnectDescriptorBaseUrlCheck();
std::unique_ptr<Check> makeConnectDescriptorKeyCheck();
std::unique_ptr<Check> makeConnectLifecycleCheck();
std::unique_ptr<Check> makeConnectOAuthApplicationIdCheck();
std::unique_ptr<Check> makeConnectCorsCheck();
std::unique_ptr<Check> makeConnectOAuthCallbacksCheck();
std::unique_ptr<Check> makeConnectOAuthTokenCorsCheck();
std::unique_ptr<Check> makeGitLabTokenCheck();
std::unique_ptr<Check> makeGitLabSettingsApplicationKeyCheck();
std::unique_ptr<Check> makeGitLabSettingsProxyUrlCheck();
std::unique_ptr<Check> makeGitLabSettingsPublicKeyStorageCheck();
std::unique_ptr<Check> makeGitLabSettingsAudienceCheck();
std::unique_ptr<Check> makeGitLabOAuthAppCheck();
std::unique_ptr<Check> makeGitLabOAuthAppTrustedCheck();
std::unique_ptr<Check> makeJiraAuthCheck();
std::unique_ptr<Check> makeJiraAdminGroupCheck();
std::unique_ptr<Check> makeJiraBrowseUsersCheck();
std::unique_ptr<Check> makePlatformInstallTypeCheck();
std::unique_ptr<Check> makePlatformConnectEolCheck();
std::unique_ptr<Check> makePlatformForgeUpgradeCheck();
std::unique_ptr<Check> makeForgeAppIdCheck();
std::unique_ptr<Check> makeForgeInstallationEndpointCheck();
std::unique_ptr<Check> makeManualForgeNetworkCheck();
std::unique_ptr<Check> makeManualInboundCheck();
std::unique_ptr<Check> makeManualOutboundCheck();

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
        list.push_back(makeTlsLeafPurposeCheck());
        list.push_back(makeTlsKeyExchangeCheck());
        list.push_back(makeTlsHandshakeSizeCheck());
        list.push_back(makeTlsClientCertificateCheck());
        list.push_back(makeHttpBaseCheck());
        list.push_back(makeGitLabApiCheck());
        list.push_back(makeGitLabVersionCheck());
        list.push_back(makeConnectDescriptorCheck());
        list.push_back(makeConnectDescriptorSchemaCheck());
        list.push_back(makeConnectDescriptorBaseUrlCheck());
        list.push_back(makeConnectDescriptorKeyCheck());
        list.push_back(makeConnectLifecycleCheck());
        list.push_back(makeConnectOAuthApplicationIdCheck());
        list.push_back(makeConnectCorsCheck());
        list.push_back(makeConnectOAuthCallbacksCheck());
        list.push_back(makeConnectOAuthTokenCorsCheck());
        list.push_back(makeGitLabTokenCheck());
        list.push_back(makeGitLabSettingsApplicationKeyCheck());
        list.push_back(makeGitLabSettingsProxyUrlCheck());
        list.push_back(makeGitLabSettingsPublicKeyStorageCheck());
        list.push_back(makeGitLabSettingsAudienceCheck());
        list.push_back(makeGitLabOAuthAppCheck());
        list.push_back(makeGitLabOAuthAppTrustedCheck());
        list.push_back(makeJiraAuthCheck());
        list.push_back(makeJiraAdminGroupCheck());
        list.push_back(makeJiraBrowseUsersCheck());
        list.push_back(makePlatformInstallTypeCheck());
        list.push_back(makePlatformConnectEolCheck());
        list.push_back(makePlatformForgeUpgradeCheck());
        list.push_back(makeForgeAppIdCheck());
        list.push_back(makeForgeInstallationEndpointCheck());
        list.push_back(makeManualForgeNetworkCheck());
        list.push_back(makeManualInboundCheck());
        list.push_back(makeManualOutboundCheck());
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

QStringList catalogueProblems(const CheckList& checks)
{
    QStringList problems;
    QHash<QString, const Check*> byId;
    for (const auto& c : checks) {
        const QString id = c->id();
        if (!isWellFormedCheckId(id))
            problems.append(QStringLiteral("check id \"%1\" is not of [a-z0-9._-]+").arg(id));
        if (byId.contains(id))
            problems.append(QStringLiteral("check id %1 appears twice").arg(id));
        byId.insert(id, c.get());
    }
    for (const auto& c : checks) {
        for (const QString& p : c->prerequisites()) {
            if (!byId.contains(p))
                problems.append(QStringLiteral("%1: prerequisite %2 is not a check").arg(c->id(), p));
        }
        for (const QString& p : c->probes()) {
            if (!findProbe(p))
                problems.append(QStringLiteral("%1: probe %2 does not exist").arg(c->id(), p));
        }
    }
    for (const ProbeSpec& spec : probeCatalogue()) {
        for (const QString& d : spec.dependsOn) {
            if (!findProbe(d))
                problems.append(QStringLiteral("probe %1: dependency %2 does not exist").arg(spec.id, d));
        }
    }
    // Cycles: depth-first, a node met again while still on the path closes one.
    enum class Mark
    {
        None,
        OnPath,
        Done
    };
    const auto findCycles = [&problems](const QStringList& nodes, const auto& next, const QString& what) {
        QHash<QString, Mark> marks;
        std::function<void(const QString&)> visit = [&](const QString& node) {
            marks.insert(node, Mark::OnPath);
            for (const QString& n : next(node)) {
                const Mark m = marks.value(n, Mark::None);
                if (m == Mark::OnPath)
                    problems.append(QStringLiteral("%1 %2 depends on itself through %3").arg(what, node, n));
                else if (m == Mark::None)
                    visit(n);
            }
            marks.insert(node, Mark::Done);
        };
        for (const QString& node : nodes) {
            if (marks.value(node, Mark::None) == Mark::None)
                visit(node);
        }
    };
    findCycles(
        byId.keys(),
        [&byId](const QString& id) {
            const Check* c = byId.value(id);
            QStringList known;
            for (const QString& p : c ? c->prerequisites() : QStringList()) {
                if (byId.contains(p))
                    known.append(p);
            }
            return known;
        },
        QStringLiteral("check"));
    QStringList probeIds;
    for (const ProbeSpec& spec : probeCatalogue())
        probeIds.append(spec.id);
    findCycles(
        probeIds,
        [](const QString& id) {
            const ProbeSpec* spec = findProbe(id);
            QStringList known;
            for (const QString& d : spec ? spec->dependsOn : QStringList()) {
                if (findProbe(d))
                    known.append(d);
            }
            return known;
        },
        QStringLiteral("probe"));
    return problems;
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

QStringList Categories::idsFor(const QList<Finding>& findings)
{
    QStringList out = ids();
    for (const Finding& f : findings) {
        if (!out.contains(f.category))
            out.append(f.category);
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
