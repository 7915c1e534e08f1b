// SPDX-License-Identifier: GPL-3.0-or-later
#include "check.h"

#include "probes/probecatalogue.h"

#include <QHash>

#include <functional>

namespace gjd {

// How each check judges: its evaluate function, in the check's own file (checks/*.cpp), beside the
// rules it states.
namespace checks {
void inputUrl(const RunContext& context, Finding& finding);
void dnsResolve(const RunContext& context, Finding& finding);
void dnsPublic(const RunContext& context, Finding& finding);
void tcpConnect(const RunContext& context, Finding& finding);
void portAllowed(const RunContext& context, Finding& finding);
void tlsHandshake(const RunContext& context, Finding& finding);
void tlsProtocol(const RunContext& context, Finding& finding);
void tlsHostname(const RunContext& context, Finding& finding);
void tlsValidity(const RunContext& context, Finding& finding);
void tlsChainComplete(const RunContext& context, Finding& finding);
void tlsChainOrder(const RunContext& context, Finding& finding);
void tlsChainExtra(const RunContext& context, Finding& finding);
void tlsChainAnchor(const RunContext& context, Finding& finding);
void tlsTrustPublic(const RunContext& context, Finding& finding);
void tlsCrypto(const RunContext& context, Finding& finding);
void tlsLeafPurpose(const RunContext& context, Finding& finding);
void tlsKeyExchange(const RunContext& context, Finding& finding);
void tlsHandshakeSize(const RunContext& context, Finding& finding);
void tlsClientCertificate(const RunContext& context, Finding& finding);
void httpBase(const RunContext& context, Finding& finding);
void gitLabApi(const RunContext& context, Finding& finding);
void gitLabVersion(const RunContext& context, Finding& finding);
void connectDescriptor(const RunContext& context, Finding& finding);
void connectDescriptorSchema(const RunContext& context, Finding& finding);
void connectDescriptorBaseUrl(const RunContext& context, Finding& finding);
void connectDescriptorKey(const RunContext& context, Finding& finding);
void connectLifecycle(const RunContext& context, Finding& finding);
void connectOAuthApplicationId(const RunContext& context, Finding& finding);
void connectCors(const RunContext& context, Finding& finding);
void connectOAuthCallbacks(const RunContext& context, Finding& finding);
void connectOAuthTokenCors(const RunContext& context, Finding& finding);
void gitLabToken(const RunContext& context, Finding& finding);
void gitLabSettingsApplicationKey(const RunContext& context, Finding& finding);
void gitLabSettingsProxyUrl(const RunContext& context, Finding& finding);
void gitLabSettingsPublicKeyStorage(const RunContext& context, Finding& finding);
void gitLabSettingsAudience(const RunContext& context, Finding& finding);
void gitLabOAuthApp(const RunContext& context, Finding& finding);
void gitLabOAuthAppTrusted(const RunContext& context, Finding& finding);
void jiraAuth(const RunContext& context, Finding& finding);
void jiraAdminGroup(const RunContext& context, Finding& finding);
void jiraBrowseUsers(const RunContext& context, Finding& finding);
void platformInstallType(const RunContext& context, Finding& finding);
void platformConnectEol(const RunContext& context, Finding& finding);
void platformForgeUpgrade(const RunContext& context, Finding& finding);
void forgeAppId(const RunContext& context, Finding& finding);
void forgeInstallationEndpoint(const RunContext& context, Finding& finding);
void manualForgeNetwork(const RunContext& context, Finding& finding);
void manualInbound(const RunContext& context, Finding& finding);
void manualOutbound(const RunContext& context, Finding& finding);
} // namespace checks

namespace {

// The catalogue's columns, written compactly: `methods` as bits, `prerequisites` and `probes` as
// ids separated by spaces.
enum MethodBits : unsigned
{
    marketplace = 1,
    manual = 2,
    proxy = 4,
    every = marketplace | manual | proxy,
};
constexpr unsigned none = CheckSpec::NoFlags;
constexpr unsigned methodDependent = CheckSpec::MethodDependent;
constexpr unsigned probesOptional = CheckSpec::ProbesOptional;

CheckSpec row(const char* id, const QString& category, const char* title, unsigned methods,
              const char* prerequisites, const char* probes, unsigned flags, CheckSpec::Evaluate evaluate)
{
    const auto ids = [](const char* list) {
        return QString::fromLatin1(list).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    };
    QList<Method> applies;
    for (const auto& [bit, method] : {std::pair{marketplace, Method::Marketplace},
                                      std::pair{manual, Method::Manual}, std::pair{proxy, Method::Proxy}}) {
        if ((methods & bit) != 0)
            applies.append(method);
    }
    return {QString::fromLatin1(id), category,    title, applies,
            ids(prerequisites),      ids(probes), flags, evaluate};
}

// clang-format off
// One row per check: id, category, title; the methods it applies to, the checks that must not have
// failed before it, the probes whose results it reads, flags; its evaluate function. The order of
// checks.md, which is the order of every report: prerequisites come first. catalogueProblems()
// proves the rows consistent (tst_checkrunner); tst_checkrules calls the evaluate functions.
const CheckSpec kRows[] = {
    row("input.url", category::input, QT_TRANSLATE_NOOP("gjd::CheckCatalogue", "Instance URL"),
        every, "", "", none, &checks::inputUrl),
    row("dns.resolve", category::network, QT_TRANSLATE_NOOP("gjd::CheckCatalogue", "Host name resolves"),
        every, "input.url", "dns", none, &checks::dnsResolve),
    row("dns.public", category::network, QT_TRANSLATE_NOOP("gjd::CheckCatalogue", "Addresses are publicly routable"),
        every, "dns.resolve", "dns", none, &checks::dnsPublic),
    row("tcp.connect", category::network, QT_TRANSLATE_NOOP("gjd::CheckCatalogue", "TCP connection"),
        every, "dns.resolve", "tcp", none, &checks::tcpConnect),
    row("port.allowed", category::network, QT_TRANSLATE_NOOP("gjd::CheckCatalogue", "Port accepted by Atlassian"),
        every, "input.url", "", methodDependent, &checks::portAllowed),
    row("tls.handshake", category::tls, QT_TRANSLATE_NOOP("gjd::CheckCatalogue", "TLS handshake"),
        every, "tcp.connect", "tls", none, &checks::tlsHandshake),
    row("tls.protocol", category::tls, QT_TRANSLATE_NOOP("gjd::CheckCatalogue", "TLS version"),
        every, "tcp.connect", "tls", none, &checks::tlsProtocol),
    row("tls.hostname", category::tls, QT_TRANSLATE_NOOP("gjd::CheckCatalogue", "Certificate matches the host name"),
        every, "tls.handshake", "tls", none, &checks::tlsHostname),
    row("tls.validity", category::tls, QT_TRANSLATE_NOOP("gjd::CheckCatalogue", "Certificates are within their validity"),
        every, "tls.handshake", "tls", none, &checks::tlsValidity),
    row("tls.chain.complete", category::tls, QT_TRANSLATE_NOOP("gjd::CheckCatalogue", "Certificate chain is complete"),
        every, "tls.handshake", "tls", none, &checks::tlsChainComplete),
    row("tls.chain.order", category::tls, QT_TRANSLATE_NOOP("gjd::CheckCatalogue", "Chain is served in order"),
        every, "tls.handshake", "tls", none, &checks::tlsChainOrder),
    row("tls.chain.extra", category::tls, QT_TRANSLATE_NOOP("gjd::CheckCatalogue", "No unrelated certificates served"),
        every, "tls.handshake", "tls", none, &checks::tlsChainExtra),
    row("tls.chain.anchor", category::tls, QT_TRANSLATE_NOOP("gjd::CheckCatalogue", "Root certificate left out (optional)"),
        every, "tls.handshake", "tls", none, &checks::tlsChainAnchor),
    row("tls.trust.public", category::tls, QT_TRANSLATE_NOOP("gjd::CheckCatalogue", "Publicly trusted"),
        every, "tls.chain.complete", "tls", none, &checks::tlsTrustPublic),
    row("tls.crypto", category::tls, QT_TRANSLATE_NOOP("gjd::CheckCatalogue", "Signatures and key sizes"),
        every, "tls.handshake", "tls", none, &checks::tlsCrypto),
    row("tls.leaf.purpose", category::tls, QT_TRANSLATE_NOOP("gjd::CheckCatalogue", "Leaf certificate may identify a server"),
        every, "tls.handshake", "tls", none, &checks::tlsLeafPurpose),
    row("tls.key_exchange", category::tls, QT_TRANSLATE_NOOP("gjd::CheckCatalogue", "Key exchange"),
        every, "tls.handshake", "tls", none, &checks::tlsKeyExchange),
    row("tls.handshake_size", category::tls, QT_TRANSLATE_NOOP("gjd::CheckCatalogue", "Size of the certificate message"),
        every, "tcp.connect", "tls", none, &checks::tlsHandshakeSize),
    row("tls.client_certificate", category::tls, QT_TRANSLATE_NOOP("gjd::CheckCatalogue", "No client certificate required"),
        every, "tls.handshake", "tls", none, &checks::tlsClientCertificate),
    row("http.base", category::gitlab, QT_TRANSLATE_NOOP("gjd::CheckCatalogue", "GitLab answers over HTTPS"),
        every, "tls.client_certificate", "http.sign_in", none, &checks::httpBase),
    row("gitlab.api", category::gitlab, QT_TRANSLATE_NOOP("gjd::CheckCatalogue", "GitLab API reachable"),
        every, "tls.client_certificate", "http.version", none, &checks::gitLabApi),
    row("gitlab.version", category::gitlab, QT_TRANSLATE_NOOP("gjd::CheckCatalogue", "GitLab version"),
        every, "gitlab.token", "api.version", methodDependent, &checks::gitLabVersion),
    row("connect.descriptor", category::connect, QT_TRANSLATE_NOOP("gjd::CheckCatalogue", "App descriptor served"),
        every, "tls.client_certificate", "http.descriptor", none, &checks::connectDescriptor),
    row("connect.descriptor.schema", category::connect, QT_TRANSLATE_NOOP("gjd::CheckCatalogue", "Descriptor follows Atlassian's rules"),
        every, "connect.descriptor", "http.descriptor", none, &checks::connectDescriptorSchema),
    row("connect.descriptor.base_url", category::connect, QT_TRANSLATE_NOOP("gjd::CheckCatalogue", "Descriptor baseUrl is the public URL"),
        every, "connect.descriptor", "http.descriptor", none, &checks::connectDescriptorBaseUrl),
    row("connect.descriptor.key", category::connect, QT_TRANSLATE_NOOP("gjd::CheckCatalogue", "Descriptor key matches the method"),
        every, "connect.descriptor", "http.descriptor http.descriptor_direct api.settings api.user", methodDependent, &checks::connectDescriptorKey),
    row("connect.lifecycle", category::connect, QT_TRANSLATE_NOOP("gjd::CheckCatalogue", "Lifecycle endpoint accepts POST"),
        every, "tls.client_certificate", "http.installed", none, &checks::connectLifecycle),
    row("connect.oauth_application_id", category::connect, QT_TRANSLATE_NOOP("gjd::CheckCatalogue", "OAuth application ID published"),
        every, "tls.client_certificate", "http.app_id api.settings", none, &checks::connectOAuthApplicationId),
    row("connect.cors", category::connect, QT_TRANSLATE_NOOP("gjd::CheckCatalogue", "CORS for GitLab.com's app pages"),
        marketplace, "tls.client_certificate", "http.app_id http.app_id_preflight api.settings", none, &checks::connectCors),
    row("connect.oauth_callbacks", category::connect, QT_TRANSLATE_NOOP("gjd::CheckCatalogue", "OAuth callback page"),
        manual | proxy, "tls.client_certificate", "http.callbacks", none, &checks::connectOAuthCallbacks),
    row("connect.oauth_token_cors", category::connect, QT_TRANSLATE_NOOP("gjd::CheckCatalogue", "CORS for the OAuth token endpoint"),
        marketplace, "tls.client_certificate", "http.token_cors", none, &checks::connectOAuthTokenCors),
    row("gitlab.token", category::settings, QT_TRANSLATE_NOOP("gjd::CheckCatalogue", "Administrator token"),
        every, "input.url", "api.user api.token", none, &checks::gitLabToken),
    row("gitlab.settings.application_key", category::settings, QT_TRANSLATE_NOOP("gjd::CheckCatalogue", "Jira Connect Application ID"),
        every, "gitlab.token", "api.settings api.applications", none, &checks::gitLabSettingsApplicationKey),
    row("gitlab.settings.proxy_url", category::settings, QT_TRANSLATE_NOOP("gjd::CheckCatalogue", "Jira Connect Proxy URL"),
        every, "gitlab.token", "api.settings", methodDependent, &checks::gitLabSettingsProxyUrl),
    row("gitlab.settings.public_key_storage", category::settings, QT_TRANSLATE_NOOP("gjd::CheckCatalogue", "Public key storage"),
        every, "gitlab.token", "api.settings", methodDependent, &checks::gitLabSettingsPublicKeyStorage),
    row("gitlab.settings.audience", category::settings, QT_TRANSLATE_NOOP("gjd::CheckCatalogue", "Additional audience URL"),
        every, "gitlab.token", "api.settings api.version api.user", none, &checks::gitLabSettingsAudience),
    row("gitlab.oauth_app", category::settings, QT_TRANSLATE_NOOP("gjd::CheckCatalogue", "OAuth application"),
        every, "gitlab.settings.application_key", "api.settings api.applications", methodDependent, &checks::gitLabOAuthApp),
    row("gitlab.oauth_app.trusted", category::settings, QT_TRANSLATE_NOOP("gjd::CheckCatalogue", "OAuth application not trusted"),
        every, "gitlab.settings.application_key", "api.settings api.applications", none, &checks::gitLabOAuthAppTrusted),
    row("jira.auth", category::jira, QT_TRANSLATE_NOOP("gjd::CheckCatalogue", "Jira sign-in"),
        every, "input.url", "jira.myself", none, &checks::jiraAuth),
    row("jira.admin_group", category::jira, QT_TRANSLATE_NOOP("gjd::CheckCatalogue", "Jira user is a site or organization admin"),
        every, "jira.auth", "jira.myself", none, &checks::jiraAdminGroup),
    row("jira.browse_users", category::jira, QT_TRANSLATE_NOOP("gjd::CheckCatalogue", "Jira permission Browse users and groups"),
        every, "jira.auth", "jira.permissions jira.user_groups", none, &checks::jiraBrowseUsers),
    row("platform.install_type", category::platform, QT_TRANSLATE_NOOP("gjd::CheckCatalogue", "Install type"),
        every, "input.url", "api.settings http.descriptor http.descriptor_direct http.app_id", probesOptional, &checks::platformInstallType),
    row("platform.connect_eol", category::platform, QT_TRANSLATE_NOOP("gjd::CheckCatalogue", "Atlassian Connect end of support"),
        manual | proxy, "input.url", "api.settings http.descriptor http.descriptor_direct http.app_id", probesOptional, &checks::platformConnectEol),
    row("platform.forge_upgrade", category::platform, QT_TRANSLATE_NOOP("gjd::CheckCatalogue", "Forge upgrade of the Marketplace app approved in Jira"),
        marketplace, "input.url", "", none, &checks::platformForgeUpgrade),
    row("forge.app_id", category::platform, QT_TRANSLATE_NOOP("gjd::CheckCatalogue", "Forge app ID"),
        every, "input.url", "api.settings http.descriptor http.descriptor_direct http.app_id", probesOptional, &checks::forgeAppId),
    row("forge.installation_endpoint", category::platform, QT_TRANSLATE_NOOP("gjd::CheckCatalogue", "Forge installation endpoint reachable"),
        every, "tls.client_certificate", "api.settings http.descriptor http.descriptor_direct http.app_id http.forge_installation", probesOptional, &checks::forgeInstallationEndpoint),
    row("manual.forge_network", category::platform, QT_TRANSLATE_NOOP("gjd::CheckCatalogue", "Native Forge traffic allowed"),
        every, "input.url", "api.settings http.descriptor http.descriptor_direct http.app_id", probesOptional, &checks::manualForgeNetwork),
    row("manual.inbound", category::platform, QT_TRANSLATE_NOOP("gjd::CheckCatalogue", "Reachable from GitLab.com and Atlassian"),
        every, "input.url", "", methodDependent, &checks::manualInbound),
    row("manual.outbound", category::platform, QT_TRANSLATE_NOOP("gjd::CheckCatalogue", "The instance reaches GitLab.com and Atlassian"),
        every, "input.url", "", methodDependent, &checks::manualOutbound),
};
// clang-format on

} // namespace

const CheckList& catalogue()
{
    static const CheckList list = [] {
        CheckList built;
        for (const CheckSpec& spec : kRows)
            built.push_back(std::make_unique<Check>(spec));
        return built;
    }();
    return list;
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

namespace gjd {

QSet<QString> selectChecks(const CheckList& checks, const QStringList& only, const QStringList& skip)
{
    const auto find = [&checks](const QString& id) -> const Check* {
        for (const auto& c : checks) {
            if (c->id() == id)
                return c.get();
        }
        return nullptr;
    };
    QSet<QString> selected;
    if (only.isEmpty()) {
        for (const auto& c : checks)
            selected.insert(c->id());
    }
    for (const QString& s : only) {
        for (const QString& id : matchSelector(s))
            selected.insert(id);
    }
    for (const QString& s : skip) {
        for (const QString& id : matchSelector(s))
            selected.remove(id);
    }
    QList<QString> queue(selected.cbegin(), selected.cend());
    while (!queue.isEmpty()) {
        if (const Check* c = find(queue.takeLast())) {
            for (const QString& p : c->prerequisites()) {
                if (!selected.contains(p)) {
                    selected.insert(p);
                    queue.append(p);
                }
            }
        }
    }
    return selected;
}

} // namespace gjd
