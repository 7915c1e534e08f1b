// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Real TLS clients as test oracles (tests/oracles/README.md): ask Ruby's Net::HTTP (GitLab.com)
// and Java 17's HttpsURLConnection (Jira Cloud) whether they accept a server on 127.0.0.1, each
// trusting only the given CA file. One process per batch of scenarios; the calling thread's event
// loop keeps running while it works, so servers living in the test's thread still answer.

#include <QHash>
#include <QList>
#include <QString>

namespace gjd::test {

// One server to ask about: https://host:port/path, connected at 127.0.0.1:port.
struct OracleScenario
{
    QString name; // unique within a batch; the verdict's key
    QString host; // SNI and the name the certificate must carry
    quint16 port = 0;
    QString caFile; // the only certificates trusted (PEM); never the system's store
    QString path = QStringLiteral("/");
};

// What the client did: accepted = the handshake, the certificate checks and an HTTP exchange all
// succeeded, and the answer was not nginx's 400 "No required SSL certificate was sent" (a server
// that demands a client certificate: error "client certificate required").
struct OracleVerdict
{
    QString name;
    bool accepted = false;
    int status = 0; // the HTTP status; 0 when there was no HTTP answer
    QString error;  // "<exception class>: <message>", empty when accepted
};

// tests/oracles/net_http_oracle.rb with `ruby` ($GJD_RUBY, else PATH): Net::HTTP on OpenSSL at
// security level 2. OPENSSL_CONF=/dev/null: the machine's openssl.cnf has no say.
// On any failure (ruby missing, a crash, the timeout, a scenario without a verdict) *error says
// what happened, with the process's stderr, and the verdicts obtained so far are returned.
QHash<QString, OracleVerdict> runNetHttpOracle(const QList<OracleScenario>& scenarios, QString* error,
                                               int timeoutMs = 60000);

// tests/oracles/JsseOracle.java with `java` ($GJD_JAVA, else PATH; a JDK: single-file source
// launch needs the jdk.compiler module), the hosts mapped to 127.0.0.1 by -Djdk.net.hosts.file, and
// JAVA_TOOL_OPTIONS, JDK_JAVA_OPTIONS and _JAVA_OPTIONS removed from its environment. Failures as
// for runNetHttpOracle().
QHash<QString, OracleVerdict> runJsseOracle(const QList<OracleScenario>& scenarios, QString* error,
                                            int timeoutMs = 120000);

// The interpreters: $GJD_RUBY / $GJD_JAVA if set, else from PATH; empty when not found.
QString rubyExecutable();
QString javaExecutable();

} // namespace gjd::test
