// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "runcontext.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

namespace gjd {

// The options `check` and `configure` share: how to reach the instance (--public-url, --resolve,
// --ca-file, --timeout, --proxy, --no-proxy and the proxy variables of the environment) and where
// the token comes from (--use-keychain).
class ConnectionOptions
{
    Q_DECLARE_TR_FUNCTIONS(gjd::ConnectionOptions)

public:
    ConnectionOptions();
    void addTo(QCommandLineParser& parser) const;
    // Parses the URL and the shared options into `options`; on bad input returns the one-line
    // reason (translated), else an empty string. An empty `url` is a fleet's (check --targets):
    // everything but the instance, and --public-url is refused.
    QString read(const QCommandLineParser& parser, const QString& url, RunOptions* options) const;
    bool useKeychain(const QCommandLineParser& parser) const { return parser.isSet(m_useKeychain); }

    // Reads the keys (CredentialStore::gitlabTokenKey / jiraTokenKey) one after the other from
    // the keychain into `credentials`, then calls done() with an empty string, or with the
    // one-line reason why a key could not be read. Asynchronous: needs the event loop.
    static void readFromKeychain(QObject* context, const QStringList& keys, const RunOptions& options,
                                 Credentials* credentials, std::function<void(const QString& error)> done);

    // Reads a PEM bundle for --ca-file / --trust-store; nullopt with *error on failure.
    static std::optional<QList<QSslCertificate>> readPemFile(const QString& option, const QString& path,
                                                             QString* error);

private:
    QCommandLineOption m_publicUrl;
    QCommandLineOption m_resolve;
    QCommandLineOption m_caFile;
    QCommandLineOption m_trustStore;
    QCommandLineOption m_timeout;
    QCommandLineOption m_useKeychain;
    QCommandLineOption m_proxy;
    QCommandLineOption m_noProxy;
};

} // namespace gjd
