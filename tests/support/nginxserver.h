// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QList>
#include <QProcess>
#include <QString>
#include <QTcpServer>
#include <QTemporaryDir>

#include <memory>

class QTcpSocket;

namespace gjd::test {

// One nginx `server { }` block on its own 127.0.0.1 port.
struct NginxSite
{
    QString name;            // what port() is asked with; unique
    QString certificate;     // ssl_certificate (the served bundle, leaf first); empty: plain HTTP
    QString key;             // ssl_certificate_key
    QString extraDirectives; // verbatim inside the block, e.g. "ssl_protocols TLSv1.1;"
    // The body of the block's `location / { }`, verbatim, e.g. "proxy_pass http://127.0.0.1:8080;
    // proxy_set_header Host $host:$server_port;" (a reverse proxy). Empty: `return 200 "ok\n";`.
    // More specific locations (`location /-/jira_connect/ { … }`) go into extraDirectives.
    QString rootLocation;

    static NginxSite tls(const QString& name, const QString& certificate, const QString& key,
                         const QString& extraDirectives = {});
    // "Plain HTTP on the TLS port": a block without `ssl`, answering HTTP/1.1 in clear text.
    static NginxSite plainHttp(const QString& name);
};

// A private nginx for tests: its own prefix (config, pid, logs, temp paths) in a temporary
// directory, never /etc/nginx or /var/log/nginx, listening on 127.0.0.1 only.
//
// nginx runs in the foreground as a single process (`daemon off; master_process off;`): there
// are no workers, so nothing switches to the `nobody` user when the tests run as root (which
// could then not read the 0600 keys), and terminating the one process stops everything.
//
// `location /` answers `200 "ok\n"` unless the site gives its own body (NginxSite::rootLocation).
// Ports are chosen by binding QTcpServer to port 0.
// On Linux nginx gets SIGTERM when the test process dies (PR_SET_PDEATHSIG), so a crashed or
// killed test leaves no nginx behind. Set $GJD_NGINX to use another nginx binary.
class NginxServer final
{
public:
    explicit NginxServer(QList<NginxSite> sites);
    ~NginxServer();
    NginxServer(const NginxServer&) = delete;
    NginxServer& operator=(const NginxServer&) = delete;

    // Picks the ports, writes the configuration, starts nginx and waits (at most timeoutMs)
    // until every port accepts a TCP connection. If another process grabbed one of the ports in
    // between, it retries with new ones. On failure errorString() says why, with nginx's error
    // log, and nothing is left running.
    bool start(int timeoutMs = 5000);
    void stop();
    bool isRunning() const;

    quint16 port(const QString& name) const; // 0 for an unknown name
    QString errorString() const { return m_error; }
    QString errorLog() const;   // the contents of <prefix>/error.log
    QString prefix() const;     // the private directory, ends with '/'
    QString configText() const; // the generated nginx.conf

    // The nginx binary: $GJD_NGINX if set, else `nginx` from PATH, else /usr/sbin/nginx.
    static QString executable();

private:
    QString buildConfig() const;
    bool fail(const QString& why);

    QList<NginxSite> m_sites;
    QHash<QString, quint16> m_ports;
    std::unique_ptr<QTemporaryDir> m_dir;
    QProcess m_process;
    QString m_config;
    QString m_error;
};

// Reserves `count` distinct free ports on 127.0.0.1 (all bound at once, then released).
QList<quint16> freeLocalPorts(int count);

// Accepts TCP connections on 127.0.0.1 and never sends a byte: a TLS client waits for the
// ServerHello until its own timeout. Accepted sockets are kept open until the server goes.
class StallServer final : public QTcpServer
{
    Q_OBJECT

public:
    explicit StallServer(QObject* parent = nullptr);
    ~StallServer() override;

    bool start(); // listen on 127.0.0.1, any port
    int acceptedCount() const { return m_accepted; }

private:
    void takePendingConnections();

    int m_accepted = 0;
};

} // namespace gjd::test
