// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionoptions.h"

#include "safetext.h"

#include <cmath>

#include "credentials/keychaincredentialstore.h"

#include <memory>

namespace gjd {

ConnectionOptions::ConnectionOptions()
    : m_publicUrl(QStringLiteral("public-url"),
                  tr("The reverse-proxy URL Jira uses, when it differs from URL."), QStringLiteral("url"))
    , m_resolve(QStringLiteral("resolve"),
                tr("Connect to ADDRESS for HOST:PORT, keeping HOST for SNI and certificate "
                   "checks (like curl). Repeatable."),
                QStringLiteral("host:port:address"))
    , m_caFile(QStringLiteral("ca-file"),
               tr("Extra private CA certificates (PEM): connect through them, but report that the "
                  "chain is not publicly trusted."),
               QStringLiteral("file"))
    , m_trustStore(QStringLiteral("trust-store"),
                   tr("PEM bundle that replaces the system store as the public trust store (for the "
                      "TLS checks and for sending tokens)."),
                   QStringLiteral("file"))
    , m_timeout(QStringLiteral("timeout"),
                tr("Per-probe time budget in seconds (default 10); the whole run is bounded too."),
                QStringLiteral("seconds"), QStringLiteral("10"))
    , m_useKeychain(QStringLiteral("use-keychain"),
                    tr("Read the tokens the desktop program saved from the keychain (GITLAB_TOKEN and "
                       "JIRA_API_TOKEN still win)."))
    , m_proxy(QStringLiteral("proxy"),
              tr("Tunnel the connections through this HTTP proxy (http://[user:password@]host:port; "
                 "\"\" for none) instead of HTTPS_PROXY, https_proxy or ALL_PROXY."),
              QStringLiteral("url"))
    , m_noProxy(QStringLiteral("no-proxy"),
                tr("Hosts to reach directly, separated by commas (names match their subdomains; "
                   "addresses and CIDR blocks), instead of NO_PROXY."),
                QStringLiteral("list"))
{
}

void ConnectionOptions::addTo(QCommandLineParser& parser) const
{
    parser.addOptions(
        {m_publicUrl, m_resolve, m_caFile, m_trustStore, m_timeout, m_useKeychain, m_proxy, m_noProxy});
}

QString ConnectionOptions::read(const QCommandLineParser& parser, const QString& url,
                                RunOptions* options) const
{
    options->url = url;
    if (url.isEmpty()) { // a fleet (check --targets): each line names its instance
        if (parser.isSet(m_publicUrl))
            return tr("--public-url describes one instance: put it on that instance's line of the "
                      "targets file");
    } else if (const InstanceUrl parsed = InstanceUrl::parse(url); !parsed.isValid()) {
        return tr("invalid URL \"%1\": %2").arg(url, parsed.error());
    }
    if (parser.isSet(m_publicUrl)) {
        const InstanceUrl pub = InstanceUrl::parse(parser.value(m_publicUrl));
        if (!pub.isValid())
            return tr("invalid --public-url \"%1\": %2").arg(parser.value(m_publicUrl), pub.error());
        options->publicUrl = parser.value(m_publicUrl);
    }
    for (const QString& r : parser.values(m_resolve)) {
        QString error;
        const auto override = ResolveOverride::parse(r, &error);
        if (!override)
            return error;
        options->resolve.append(*override);
    }
    if (parser.isSet(m_caFile)) {
        QString error;
        const auto certificates = readPemFile(QStringLiteral("--ca-file"), parser.value(m_caFile), &error);
        if (!certificates)
            return error;
        options->extraCaCertificates = *certificates;
        options->extraCaSource = parser.value(m_caFile);
    }
    if (parser.isSet(m_trustStore)) {
        QString error;
        const auto certificates =
            readPemFile(QStringLiteral("--trust-store"), parser.value(m_trustStore), &error);
        if (!certificates)
            return error;
        options->trustStore = *certificates;
        options->trustStoreSource = parser.value(m_trustStore);
    } // else: the system store (RunOptions' default), loaded in the background
    bool ok = false;
    const double seconds = parser.value(m_timeout).toDouble(&ok);
    // "nan" and "inf" parse as numbers and pass every comparison: refuse them by name.
    if (!ok || !std::isfinite(seconds) || seconds < 0.1 || seconds > 600)
        return tr("--timeout must be a number of seconds between 0.1 and 600 (got \"%1\")")
            .arg(safeText(parser.value(m_timeout), SafeFor::OneLine));
    options->probeTimeoutMs = static_cast<int>(seconds * 1000);
    // As curl reads the environment; --proxy and --no-proxy over it (proxyconfig.h).
    QString proxyError;
    const auto given = [&parser](const QCommandLineOption& option) {
        return parser.isSet(option) ? std::optional<QString>(parser.value(option)) : std::nullopt;
    };
    options->proxy = ProxyConfig::fromOptions(given(m_proxy), given(m_noProxy),
                                              QProcessEnvironment::systemEnvironment(), &proxyError);
    return proxyError;
}

std::optional<QList<QSslCertificate>> ConnectionOptions::readPemFile(const QString& option,
                                                                     const QString& path, QString* error)
{
    QString reason;
    const auto certificates = readPemBundle(path, &reason);
    if (!certificates)
        *error = QStringLiteral("%1: %2").arg(option, reason);
    return certificates;
}

void ConnectionOptions::readFromKeychain(QObject* context, const QStringList& keys, const RunOptions& options,
                                         Credentials* credentials, std::function<void(const QString&)> done)
{
    // One key after the other; asynchronous, no nested event loop.
    auto* store = new KeychainCredentialStore(context);
    auto pending = std::make_shared<QStringList>(keys);
    QObject::connect(store, &CredentialStore::finished, context,
                     [store, pending, options, credentials, done](const CredentialStore::Result& r) {
                         pending->removeFirst();
                         const bool jira = r.key.startsWith(QLatin1String("jira-token:"));
                         if (r.error != CredentialStore::Error::None || r.secret.isEmpty()) {
                             store->deleteLater();
                             const bool nothingSaved = r.error == CredentialStore::Error::None ||
                                                       r.error == CredentialStore::Error::NotFound;
                             if (nothingSaved)
                                 done(jira ? tr("--use-keychain: no Jira API token is saved for %1 on %2")
                                                 .arg(options.jiraEmail, options.jiraSite)
                                           : tr("--use-keychain: no GitLab token is saved for %1")
                                                 .arg(InstanceUrl::parse(options.url).toString()));
                             else // the keychain could not be asked: say why, and what works without it
                                 done(tr("--use-keychain: %1 Or give the token in %2 instead.")
                                          .arg(r.message, jira ? QStringLiteral("JIRA_API_TOKEN")
                                                               : QStringLiteral("GITLAB_TOKEN")));
                             return;
                         }
                         (jira ? credentials->jiraToken : credentials->gitlabToken) = r.secret;
                         if (!pending->isEmpty()) {
                             store->read(pending->constFirst());
                             return;
                         }
                         store->deleteLater();
                         done(QString());
                     });
    store->read(keys.constFirst());
}

} // namespace gjd
