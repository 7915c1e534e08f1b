// SPDX-License-Identifier: GPL-3.0-or-later
// The requests the probes send, as a server receives them byte for byte: a TLS server on
// 127.0.0.1 records every request head before any HTTP library could merge or drop repeated
// header lines (QHttpServer, behind which the fakes sit, keeps one value per name). A whole run
// with a GitLab token and a Jira site goes to it, so that every HTTP probe of the catalogue
// (anonymous, API, Jira) sends at least one request.

#include "checkrunner.h"
#include "scriptedserver.h"
#include "testpki.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslServer>
#include <QSslSocket>
#include <QTest>

#include <memory>

using namespace gjd;

namespace {

const QString kHost = QStringLiteral("gitlab.test");

// Answers every request with 200 and a small JSON body; the server records its head. The settings
// name a Forge app and the Jira user has an account id, so that the probes that depend on those
// answers send their requests too.
test::ScriptedServer::Answer answerTo(const QByteArray& head)
{
    QByteArray body = "{}";
    if (head.contains(" /api/v4/application/settings "))
        body = R"({"jira_forge_app_id": "0f1e2d3c-forge"})";
    else if (head.contains(" /rest/api/3/myself"))
        body = R"({"accountId": "5b10a2844c20165700ede21g", "groups": {"items": []}})";
    return {"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
            QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body};
}

// The values of the header `name` in a request head, in order (names compare case-insensitively).
QList<QByteArray> headerValues(const QByteArray& head, const QByteArray& name)
{
    QList<QByteArray> values;
    const QList<QByteArray> lines = head.split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            values.append(line.mid(colon + 1).trimmed());
    }
    return values;
}

QByteArray requestLine(const QByteArray& head)
{
    return head.left(head.indexOf("\r\n"));
}

} // namespace

class TestRequestHeaders final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everyRequestHasExactlyOneAccept();

private:
    test::ScriptedServer m_server;
};

void TestRequestHeaders::initTestCase()
{
    QVERIFY2(!test::pkiDir().isEmpty(), "run through ctest (fixture pki)");
    QVERIFY(m_server.isListening());
    m_server.script = answerTo;
}

void TestRequestHeaders::everyRequestHasExactlyOneAccept()
{
    const QString origin = QStringLiteral("https://%1:%2").arg(kHost).arg(m_server.serverPort());
    RunOptions options;
    options.url = origin;
    options.jiraSite = origin;
    options.jiraEmail = QStringLiteral("admin@example.com");
    options.probeTimeoutMs = 5000;
    QString error;
    const auto resolve = ResolveOverride::parse(
        QStringLiteral("%1:%2:127.0.0.1").arg(kHost).arg(m_server.serverPort()), &error);
    QVERIFY2(resolve, qPrintable(error));
    options.resolve = {*resolve};
    options.extraCaCertificates = QSslCertificate::fromData(test::readPki(QStringLiteral("root.pem")));
    QVERIFY(!options.extraCaCertificates.isEmpty());
    Credentials credentials;
    credentials.gitlabToken = "glpat-ACCEPT-HEADER-TEST-0001";
    credentials.jiraToken = "ATATT3x-ACCEPT-HEADER-TEST";

    CheckRunner runner;
    QSignalSpy finished(&runner, &CheckRunner::finished);
    QVERIFY(runner.start(options, credentials));
    QVERIFY(finished.wait(60000));

    // The TLS probe's own nudges after the handshake ("GET / HTTP/1.0", "HEAD / HTTP/1.0") only
    // make a server talk; every request of the HTTP client is HTTP/1.1.
    QList<QByteArray> heads;
    for (const QByteArray& head : std::as_const(m_server.requests)) {
        if (requestLine(head).endsWith(" HTTP/1.1"))
            heads.append(head);
    }
    QByteArrayList seen;
    for (const QByteArray& head : std::as_const(heads))
        seen.append(requestLine(head));
    const QByteArray all = seen.join('\n');
    // Every kind of request came: anonymous, with the GitLab token, with Basic auth for Jira,
    // and the ones that need an earlier answer (the Forge endpoint, the Jira user's groups).
    for (const char* expected :
         {"GET /users/sign_in ", "GET /-/jira_connect/app_descriptor.json ",
          "GET /api/v4/application/settings ", "GET /api/v4/user ",
          "PUT /api/v4/integrations/jira_forge/installation ", "GET /rest/api/3/myself",
          "GET /rest/api/3/user/groups?accountId=", "OPTIONS /oauth/token "})
        QVERIFY2(all.contains(expected),
                 qPrintable(QStringLiteral("no request %1 in:\n%2")
                                .arg(QLatin1String(expected), QString::fromUtf8(all))));

    for (const QByteArray& head : std::as_const(heads)) {
        const QList<QByteArray> accept = headerValues(head, "Accept");
        QVERIFY2(
            accept.size() == 1,
            qPrintable(
                QStringLiteral("%1 Accept headers in:\n%2").arg(accept.size()).arg(QString::fromUtf8(head))));
        const QByteArray line = requestLine(head);
        QByteArray expected = "*/*";
        if (!headerValues(head, "PRIVATE-TOKEN").isEmpty() || line.contains(" /rest/api/") ||
            line.contains(" /api/v4/version ") || line.startsWith("PUT /api/v4/integrations/"))
            expected = "application/json"; // API calls ask for JSON
        else if (line.contains(" /users/sign_in ") || line.contains(" /-/jira_connect/oauth_callbacks "))
            expected = "text/html"; // pages
        QVERIFY2(accept.constFirst() == expected,
                 qPrintable(QStringLiteral("Accept: %1, expected %2, in:\n%3")
                                .arg(QString::fromLatin1(accept.constFirst()), QString::fromLatin1(expected),
                                     QString::fromUtf8(head))));
        // The other headers the client always sends, once each as well.
        for (const char* name : {"Host", "User-Agent", "Connection"})
            QVERIFY2(headerValues(head, name).size() == 1, qPrintable(QString::fromUtf8(head)));
    }
}

QTEST_GUILESS_MAIN(TestRequestHeaders)
#include "tst_requestheaders.moc"
