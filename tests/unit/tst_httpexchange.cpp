// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/httpexchange.h"

#include <QFile>
#include <QSignalSpy>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTest>

#include "scriptedserver.h"
#include "testpki.h"

#include <functional>

using namespace gjd;
using gjd::test::readPki;
using gjd::test::ScriptedServer;
using gjd::test::serverConfiguration;

namespace {

HttpRequest requestTo(const ScriptedServer& server, const QString& path = QStringLiteral("/"))
{
    HttpRequest r;
    r.url = server.url(path);
    r.address = QHostAddress::LocalHost;
    return r;
}

HttpResponse run(const HttpRequest& request, int abortAfterMs = 10000)
{
    HttpExchange exchange;
    QSignalSpy finished(&exchange, &HttpExchange::finished);
    exchange.start(request);
    if (finished.isEmpty() && !finished.wait(abortAfterMs))
        exchange.abort(QStringLiteral("timeout"), QStringLiteral("test timeout"));
    return exchange.response();
}

} // namespace

class TestHttpExchange final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void bodies_data();
    void bodies();
    void secretFieldsAreRedacted_data();
    void secretFieldsAreRedacted();
    void requestHasHostAndNoSecretByDefault();
    void redirectsAreFollowedAndRecorded();
    void redirectLoopIsNamed();
    void completeAnswerEndsWithoutTheClose_data();
    void completeAnswerEndsWithoutTheClose();
    void stallEndsWithTheCallersAbort();
    void endlessTrailerLineIsCut();
    void parserGivesTheSameAnswerHoweverTheBytesArrive();
    void secretIsRedactedAndNeverSentToAnotherOrigin();
    void secretNeedsAVerifiedCertificate();
    void secretNeverOverPlainHttp();
    void fallsBackToTheNextAddress();
};

void TestHttpExchange::initTestCase()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("GJD_PKI_DIR"), "run through ctest (fixture pki)");
}

void TestHttpExchange::bodies_data()
{
    QTest::addColumn<QByteArray>("answer");
    QTest::addColumn<int>("repeat");
    QTest::addColumn<QString>("errorCode");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");

    QTest::newRow("content-length")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Type: application/json\r\n\r\nhello")
        << 1 << "" << 200 << QByteArray("hello");
    QTest::newRow("chunked") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: "
                                           "chunked\r\n\r\n5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\n\r\n")
                             << 1 << "" << 200 << QByteArray("hello world");
    QTest::newRow("until close") << QByteArray("HTTP/1.0 404 Not Found\r\n\r\nmissing") << 1 << "" << 404
                                 << QByteArray("missing");
    QTest::newRow("100 continue first")
        << QByteArray("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 401 Unauthorized\r\nContent-Length: 2\r\n\r\n{}")
        << 1 << "" << 401 << QByteArray("{}");
    QTest::newRow("204 without body")
        << QByteArray("HTTP/1.1 204 No Content\r\n\r\n") << 1 << "" << 204 << QByteArray();
    QTest::newRow("bare LF lines") << QByteArray("HTTP/1.1 200 OK\nContent-Length: 2\n\nok") << 1 << "" << 200
                                   << QByteArray("ok");
    // Hostile or broken answers: each ends with a precise error, never a hang or a crash.
    QTest::newRow("announced body too large")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 5000000000\r\n\r\n") << 1 << "too-large" << 200
        << QByteArray();
    QTest::newRow("streamed body too large")
        << QByteArray(64 * 1024, 'x') << 40 << "protocol" << 0 << QByteArray();
    QTest::newRow("endless body after headers")
        << QByteArray("HTTP/1.1 200 OK\r\n\r\n") + QByteArray(64 * 1024, 'y') << 40 << "too-large" << 200
        << QByteArray();
    QTest::newRow("huge chunk") << QByteArray(
                                       "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFF\r\n")
                                << 1 << "too-large" << 200 << QByteArray();
    QTest::newRow("bad chunk size") << QByteArray(
                                           "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")
                                    << 1 << "protocol" << 200 << QByteArray();
    QTest::newRow("endless header") << QByteArray("HTTP/1.1 200 OK\r\nX-A: ") + QByteArray(70 * 1024, 'a')
                                    << 1 << "protocol" << 200 << QByteArray();
    QTest::newRow("not HTTP") << QByteArray("SSH-2.0-OpenSSH_9.2\r\n") << 1 << "protocol" << 0
                              << QByteArray();
    QTest::newRow("bad status code") << QByteArray("HTTP/1.1 abc OK\r\n\r\n") << 1 << "protocol" << 0
                                     << QByteArray();
    QTest::newRow("bad content-length") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: -3\r\n\r\n") << 1
                                        << "protocol" << 200 << QByteArray();
    QTest::newRow("closed mid-body") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nshort") << 1
                                     << "closed" << 200 << QByteArray();
    QTest::newRow("closed without answer") << QByteArray() << 1 << "closed" << 0 << QByteArray();
    QTest::newRow("trailer fields are read and dropped")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\nX-T: 1\r\n\r\n")
        << 1 << "" << 200 << QByteArray("ok");
    QTest::newRow("trailer section too large")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n") +
               QByteArray("X-T: 1234567890\r\n").repeated(5000)
        << 1 << "protocol" << 200 << QByteArray();
    QTest::newRow("junk after chunk data")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nokXY3\r\nabc\r\n0\r\n\r\n")
        << 1 << "protocol" << 200 << QByteArray();
}

void TestHttpExchange::bodies()
{
    QFETCH(QByteArray, answer);
    QFETCH(int, repeat);
    QFETCH(QString, errorCode);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    ScriptedServer server;
    server.script = [&](const QByteArray&) {
        return ScriptedServer::Answer{answer, true, repeat};
    };
    const HttpResponse r = run(requestTo(server));
    QCOMPARE(r.errorCode, errorCode);
    QCOMPARE(r.status, status);
    if (errorCode.isEmpty()) {
        QCOMPARE(r.body, body);
        QVERIFY(r.error.isEmpty());
    } else {
        QVERIFY(!r.error.isEmpty());
    }
    QVERIFY(r.body.size() <= 1024 * 1024);
}

void TestHttpExchange::secretFieldsAreRedacted_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("new OAuth application")
        << QByteArray(R"({"id":4,"application_id":"ab12","secret":"gloas-PLANTED","confidential":false})")
        << QByteArray(R"({"id":4,"application_id":"ab12","secret":"[REDACTED]","confidential":false})");
    QTest::newRow("spaces, escaped quote")
        << QByteArray(R"({"access_token" : "x\"y", "refresh_token":"r"})")
        << QByteArray(R"({"access_token" : "[REDACTED]", "refresh_token":"[REDACTED]"})");
    QTest::newRow("cut inside the value")
        << QByteArray(R"({"sharedSecret":"abcdef)") << QByteArray(R"({"sharedSecret":"[REDACTED]")");
    QTest::newRow("other fields stay") << QByteArray(R"({"secretary":"s","token_expires_at":null})")
                                       << QByteArray(R"({"secretary":"s","token_expires_at":null})");
    QTest::newRow("not JSON, bytes kept")
        << QByteArray("\xff\xfe secret: x") << QByteArray("\xff\xfe secret: x");
}

void TestHttpExchange::secretFieldsAreRedacted()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, expected);
    QCOMPARE(HttpExchange::redactSecretFields(body), expected);
}

void TestHttpExchange::requestHasHostAndNoSecretByDefault()
{
    ScriptedServer server;
    server.script = [](const QByteArray&) {
        return ScriptedServer::Answer{"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"};
    };
    HttpRequest request = requestTo(server, QStringLiteral("/api/v4/version?x=1"));
    request.headers = {{"Origin", "https://gitlab.com"}};
    const HttpResponse r = run(request);
    QCOMPARE(r.status, 200);
    QCOMPARE(server.requests.size(), 1);
    const QByteArray head = server.requests.constFirst();
    QVERIFY2(head.startsWith("GET /api/v4/version?x=1 HTTP/1.1\r\n"), head.constData());
    QVERIFY2(head.contains(
                 QByteArray("\r\nHost: gitlab.test:" + QByteArray::number(server.serverPort()) + "\r\n")),
             head.constData());
    QVERIFY(head.contains("\r\nOrigin: https://gitlab.com\r\n"));
    QVERIFY(!head.contains("PRIVATE-TOKEN"));
    QCOMPARE(r.peerAddress, QHostAddress(QHostAddress::LocalHost));
}

void TestHttpExchange::redirectsAreFollowedAndRecorded()
{
    ScriptedServer server;
    server.script = [&](const QByteArray& head) {
        if (head.startsWith("GET /users/sign_in "))
            return ScriptedServer::Answer{"HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nGitLab"};
        return ScriptedServer::Answer{
            "HTTP/1.1 302 Found\r\nLocation: /users/sign_in\r\nContent-Length: 0\r\n\r\n"};
    };
    HttpRequest request = requestTo(server);
    request.maxRedirects = 5;
    const HttpResponse r = run(request);
    QCOMPARE(r.errorCode, QString());
    QCOMPARE(r.status, 200);
    QCOMPARE(r.hops.size(), 1);
    QCOMPARE(r.hops.constFirst().status, 302);
    QCOMPARE(r.finalUrl.path(), QStringLiteral("/users/sign_in"));
    // Without maxRedirects the redirect is the answer.
    const HttpResponse plain = run(requestTo(server));
    QCOMPARE(plain.status, 302);
    QCOMPARE(plain.header("location"), QByteArray("/users/sign_in"));
}

void TestHttpExchange::redirectLoopIsNamed()
{
    ScriptedServer server;
    server.script = [&](const QByteArray& head) {
        const QByteArray to = head.startsWith("GET /a ") ? "/b" : "/a";
        return ScriptedServer::Answer{"HTTP/1.1 301 Moved\r\nLocation: " + to +
                                      "\r\nContent-Length: 0\r\n\r\n"};
    };
    HttpRequest request = requestTo(server, QStringLiteral("/a"));
    request.maxRedirects = 10;
    const HttpResponse r = run(request);
    QCOMPARE(r.errorCode, QStringLiteral("redirect-loop"));
    QVERIFY(r.error.contains(QStringLiteral("/a")));
    QCOMPARE(server.requests.size(), 2);
}

void TestHttpExchange::completeAnswerEndsWithoutTheClose_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("answer");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");

    // The CORS preflight's answer as nginx relays GitLab's: complete at its empty line.
    QTest::newRow("preflight, Content-Length: 0")
        << QByteArray("OPTIONS")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n"
                      "Access-Control-Allow-Origin: *\r\n\r\n")
        << 200 << QByteArray();
    QTest::newRow("204") << QByteArray("OPTIONS") << QByteArray("HTTP/1.1 204 No Content\r\n\r\n") << 204
                         << QByteArray();
    QTest::newRow("Content-Length body")
        << QByteArray("GET") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}") << 200
        << QByteArray("{}");
    QTest::newRow("chunked")
        << QByteArray("GET")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n") << 200
        << QByteArray("ok");
    QTest::newRow("HEAD") << QByteArray("HEAD") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 99\r\n\r\n")
                          << 200 << QByteArray();
}

void TestHttpExchange::completeAnswerEndsWithoutTheClose()
{
    // Every request says "Connection: close", yet a server (or a relay) may keep the connection
    // open, or close it late: an answer whose end its framing gives is done there. The server
    // here never closes; an exchange that waited for the close would end only with the caller's
    // abort ("timeout").
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, answer);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    ScriptedServer server;
    server.script = [&](const QByteArray&) {
        return ScriptedServer::Answer{answer, false};
    };
    HttpRequest request = requestTo(server);
    request.method = method;
    const HttpResponse r = run(request);
    QCOMPARE(r.errorCode, QString());
    QCOMPARE(r.status, status);
    QCOMPARE(r.body, body);
}

void TestHttpExchange::stallEndsWithTheCallersAbort()
{
    ScriptedServer server;
    server.script = [](const QByteArray&) {
        return ScriptedServer::Answer{"HTTP/1.1 200 OK\r\n", false};
    };
    QElapsedTimer clock;
    clock.start();
    const HttpResponse r = run(requestTo(server), 500);
    QCOMPARE(r.errorCode, QStringLiteral("timeout"));
    QVERIFY(clock.elapsed() < 8000);
    QCOMPARE(r.status, 200); // what came before the stall is kept

    // A head that arrived whole, then a body that stalls: status, headers and the head in the
    // transcript survive the abort (a stalled proxy shows who answered).
    server.script = [](const QByteArray&) {
        return ScriptedServer::Answer{"HTTP/1.1 502 Bad Gateway\r\nServer: stall-proxy\r\n\r\npart", false};
    };
    const HttpResponse stalled = run(requestTo(server), 500);
    QCOMPARE(stalled.errorCode, QStringLiteral("timeout"));
    QCOMPARE(stalled.status, 502);
    QCOMPARE(stalled.header("Server"), QByteArray("stall-proxy"));
    QVERIFY2(stalled.transcript.contains("HTTP/1.1 502 Bad Gateway\r\nServer: stall-proxy"),
             stalled.transcript.constData());
}

void TestHttpExchange::endlessTrailerLineIsCut()
{
    // A trailer line that never ends, from a server that keeps the connection open: before the
    // line cap applied to trailers, the buffer grew (and was scanned again) until the probe's
    // timeout.
    ScriptedServer server;
    const HttpRequest request = requestTo(server);
    ScriptedServer::Answer head{"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nX-T: ", false, 1};
    server.script = [head](const QByteArray&) {
        ScriptedServer::Answer a = head;
        a.bytes += QByteArray(64 * 1024, 'a').repeated(32);
        return a;
    };
    const HttpResponse r = run(request, 30000);
    QCOMPARE(r.errorCode, QStringLiteral("protocol"));
    QCOMPARE(r.status, 200);
}

void TestHttpExchange::parserGivesTheSameAnswerHoweverTheBytesArrive()
{
    const QByteArray answer = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n"
                              "X-A: b\r\n\r\n5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\nX-T: 1\r\n\r\nignored";
    for (int piece : {1, 2, 3, 7, 64, 4096}) {
        HttpResponseParser parser;
        HttpResponseParser::Result result = HttpResponseParser::Result::NeedMore;
        for (int at = 0; at < answer.size(); at += piece)
            result = parser.feed(answer.mid(at, piece));
        QCOMPARE(result, HttpResponseParser::Result::Complete);
        QCOMPARE(parser.status(), 200);
        QCOMPARE(parser.body(), QByteArray("hello world"));
        QCOMPARE(parser.header("x-a"), QByteArray("b"));
        QCOMPARE(parser.endOfStream(), HttpResponseParser::Result::Complete);
    }
    // The line caps hold whether a long line comes in one read or in many.
    for (const QByteArray& longLine :
         QList<QByteArray>{QByteArray("HTTP/1.1 200 ") + QByteArray(17 * 1024, 'r') + "\r\n\r\n",
                           QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2;") +
                               QByteArray(17 * 1024, 'e') + "\r\nok\r\n0\r\n\r\n",
                           QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nX-T: ") +
                               QByteArray(17 * 1024, 't') + "\r\n\r\n"}) {
        for (int piece : {64, int(longLine.size())}) {
            HttpResponseParser parser;
            HttpResponseParser::Result result = HttpResponseParser::Result::NeedMore;
            for (int at = 0; at < longLine.size() && result == HttpResponseParser::Result::NeedMore;
                 at += piece)
                result = parser.feed(longLine.mid(at, piece));
            QCOMPARE(result, HttpResponseParser::Result::Error);
            QCOMPARE(parser.errorCode(), QStringLiteral("protocol"));
        }
    }
    // A body that runs until the close ends with it; one cut short is an error.
    HttpResponseParser untilClose;
    QCOMPARE(untilClose.feed("HTTP/1.0 200 OK\r\n\r\nabc"), HttpResponseParser::Result::NeedMore);
    QCOMPARE(untilClose.endOfStream(), HttpResponseParser::Result::Complete);
    QCOMPARE(untilClose.body(), QByteArray("abc"));
    HttpResponseParser cut;
    cut.feed("HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nabc");
    QCOMPARE(cut.endOfStream(), HttpResponseParser::Result::Error);
    QCOMPARE(cut.errorCode(), QStringLiteral("closed"));
}

void TestHttpExchange::secretIsRedactedAndNeverSentToAnotherOrigin()
{
    ScriptedServer other;
    other.script = [](const QByteArray&) {
        return ScriptedServer::Answer{"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"};
    };
    ScriptedServer server;
    server.script = [&](const QByteArray&) {
        return ScriptedServer::Answer{
            "HTTP/1.1 302 Found\r\nLocation: https://127.0.0.1:" + QByteArray::number(other.serverPort()) +
            "/elsewhere\r\nSet-Cookie: _gitlab_session=abc123\r\nContent-Length: 0\r\n\r\n"};
    };
    HttpRequest request = requestTo(server);
    request.maxRedirects = 3;
    request.secretHeaderName = "PRIVATE-TOKEN";
    request.secretHeaderValue = "glpat-PLANTED-SECRET-123";
    request.trustedCas = QSslCertificate::fromData(readPki(QStringLiteral("root.pem")));
    const HttpResponse r = run(request);
    QCOMPARE(server.requests.size(), 1);
    QVERIFY(server.requests.constFirst().contains("PRIVATE-TOKEN: glpat-PLANTED-SECRET-123"));
    // The other origin (127.0.0.1, not gitlab.test) never sees the token; its certificate does not
    // even match, so the exchange stops there.
    for (const QByteArray& head : std::as_const(other.requests))
        QVERIFY(!head.contains("glpat-PLANTED-SECRET-123"));
    QVERIFY(!r.transcript.contains("glpat-PLANTED-SECRET-123"));
    QVERIFY(r.transcript.contains("PRIVATE-TOKEN: [REDACTED]"));
    QVERIFY(!r.transcript.contains("abc123"));
    QVERIFY(!r.error.contains(QStringLiteral("PLANTED")));
}

void TestHttpExchange::secretNeedsAVerifiedCertificate()
{
    ScriptedServer server;
    server.script = [](const QByteArray&) {
        return ScriptedServer::Answer{"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"};
    };
    HttpRequest request = requestTo(server);
    request.secretHeaderName = "PRIVATE-TOKEN";
    request.secretHeaderValue = "glpat-PLANTED-SECRET-456";
    // No trusted CA for the test root: the certificate does not verify, the token stays here.
    const HttpResponse r = run(request);
    QCOMPARE(r.errorCode, QStringLiteral("untrusted"));
    QVERIFY(server.requests.isEmpty());
    QVERIFY(!r.error.contains(QStringLiteral("PLANTED")));
}

void TestHttpExchange::secretNeverOverPlainHttp()
{
    HttpRequest request;
    request.url = QUrl(QStringLiteral("http://127.0.0.1:9/api/v4/user"));
    request.secretHeaderName = "PRIVATE-TOKEN";
    request.secretHeaderValue = "glpat-PLANTED-SECRET-789";
    const HttpResponse r = run(request);
    QCOMPARE(r.errorCode, QStringLiteral("insecure"));
}

void TestHttpExchange::fallsBackToTheNextAddress()
{
    ScriptedServer server; // on 127.0.0.1 only: 127.0.0.2 refuses the same port
    server.script = [](const QByteArray&) {
        return ScriptedServer::Answer{"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"};
    };
    HttpRequest request = requestTo(server);
    request.address = QHostAddress(QStringLiteral("127.0.0.2"));
    request.fallbackAddresses = {QHostAddress(QHostAddress::LocalHost)};
    request.connectTimeoutMs = 2000;
    const HttpResponse r = run(request);
    QCOMPARE(r.errorCode, QString());
    QCOMPARE(r.status, 200);
    QCOMPARE(r.peerAddress, QHostAddress(QHostAddress::LocalHost));
}

QTEST_GUILESS_MAIN(TestHttpExchange)
#include "tst_httpexchange.moc"
