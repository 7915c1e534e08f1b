// SPDX-License-Identifier: GPL-3.0-or-later
// What a running check waits for (CheckRunner::waitingFor / checkWaiting) against real loopback
// servers that stall at each step, and what the finding says once the probe timed out: the
// timeout once, with what was received.

#include "checkrunner.h"
#include "checks/check.h"
#include "http/httpexchange.h"

#include <QSignalSpy>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>

#include "nginxserver.h"
#include "testpki.h"

using namespace gjd;
using gjd::test::readPki;
using gjd::test::serverConfiguration;

namespace {

// Completes the TLS handshake, reads a request, then sends `answer` (perhaps nothing) and keeps
// the connection open. Per connection: the TLS probe's own request gets the same.
class HalfAnswerServer final : public QSslServer
{
public:
    explicit HalfAnswerServer(QByteArray answer)
        : m_answer(std::move(answer))
    {
        setSslConfiguration(serverConfiguration());
        listen(QHostAddress::LocalHost);
        connect(this, &QSslServer::pendingConnectionAvailable, this, [this] {
            while (auto* socket = qobject_cast<QSslSocket*>(nextPendingConnection())) {
                socket->setParent(this);
                auto request = std::make_shared<QByteArray>();
                connect(socket, &QSslSocket::readyRead, socket, [this, socket, request] {
                    const bool before = request->contains("\r\n\r\n");
                    *request += socket->readAll();
                    if (!before && request->contains("\r\n\r\n"))
                        socket->write(m_answer);
                });
            }
        });
    }

private:
    QByteArray m_answer;
};

RunOptions optionsFor(quint16 port, const QStringList& only)
{
    RunOptions o;
    o.url = QStringLiteral("https://gitlab.test:%1").arg(port);
    QString error;
    o.resolve = {*ResolveOverride::parse(QStringLiteral("gitlab.test:%1:127.0.0.1").arg(port), &error)};
    o.method = QStringLiteral("marketplace");
    o.trustStore = QSslCertificate::fromData(readPki(QStringLiteral("trust.pem")));
    o.trustStoreSource = QStringLiteral("trust.pem");
    o.only = only;
    o.probeTimeoutMs = 1000;
    return o;
}

// The texts checkWaiting() gave for `id`.
QStringList waitingTexts(const QSignalSpy& spy, const QString& id)
{
    QStringList out;
    for (const auto& args : spy) {
        if (args.at(0).toString() == id)
            out.append(args.at(1).toString());
    }
    return out;
}

const Finding* findingOf(const QSignalSpy& finished, const QString& id)
{
    static Report report;
    report = finished.at(0).at(0).value<Report>();
    return report.find(id);
}

} // namespace

class TestRunnerProgress final : public QObject
{
    Q_OBJECT

private slots:
    void stalledHandshakeSaysWhatItWaitsFor();
    void stalledRequestNamesTheRequest();
    void halfBodyIsSaidOnceWithWhatCame();
    void headersOnlyInPart();
    void nothingIsWaitedForOutsideARun();
};

void TestRunnerProgress::stalledHandshakeSaysWhatItWaitsFor()
{
    // Accepts TCP connections and never sends a byte: the TLS handshake never ends.
    gjd::test::StallServer server;
    QVERIFY(server.start());
    CheckRunner runner;
    QSignalSpy waiting(&runner, &CheckRunner::checkWaiting);
    QSignalSpy finished(&runner, &CheckRunner::finished);
    QVERIFY(runner.start(optionsFor(server.serverPort(), {QStringLiteral("tls.handshake")})));
    const QString handshake = QStringLiteral("TLS handshake with gitlab.test…");
    QTRY_VERIFY_WITH_TIMEOUT(waitingTexts(waiting, QStringLiteral("tls.handshake")).contains(handshake),
                             5000);
    // While it hangs, the runner says the same when asked, and the run has not ended.
    QCOMPARE(runner.waitingFor(QStringLiteral("tls.handshake")), handshake);
    QCOMPARE(finished.count(), 0);
    // Every announcement is news: never the same text twice in a row, never empty.
    const QStringList texts = waitingTexts(waiting, QStringLiteral("tls.handshake"));
    for (int i = 0; i < texts.size(); ++i) {
        QVERIFY(!texts.at(i).isEmpty());
        if (i > 0)
            QVERIFY(texts.at(i) != texts.at(i - 1));
    }
    QVERIFY(finished.wait(10000));
    QVERIFY(runner.waitingFor(QStringLiteral("tls.handshake")).isEmpty());
}

void TestRunnerProgress::stalledRequestNamesTheRequest()
{
    HalfAnswerServer server{QByteArray()};
    CheckRunner runner;
    QSignalSpy waiting(&runner, &CheckRunner::checkWaiting);
    QSignalSpy finished(&runner, &CheckRunner::finished);
    QVERIFY(runner.start(optionsFor(server.serverPort(), {QStringLiteral("connect.descriptor")})));
    const QString request =
        QStringLiteral("Waiting for GET /-/jira_connect/app_descriptor.json on gitlab.test…");
    QTRY_VERIFY_WITH_TIMEOUT(waitingTexts(waiting, QStringLiteral("connect.descriptor")).contains(request),
                             5000);
    QCOMPARE(runner.waitingFor(QStringLiteral("connect.descriptor")), request);
    QVERIFY(finished.wait(10000));
    const Finding* f = findingOf(finished, QStringLiteral("connect.descriptor"));
    QVERIFY(f);
    QCOMPARE(f->status, Status::Fail);
    QVERIFY2(f->summary.contains(QStringLiteral(
                 "gave no complete answer: Timed out after 1 s with the request sent and nothing received.")),
             qPrintable(f->summary));
    QCOMPARE(f->summary.count(QStringLiteral("complete answer"), Qt::CaseInsensitive), 1);
}

void TestRunnerProgress::halfBodyIsSaidOnceWithWhatCame()
{
    HalfAnswerServer server{
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 4000\r\n\r\n{\"name\""};
    CheckRunner runner;
    QSignalSpy waiting(&runner, &CheckRunner::checkWaiting);
    QSignalSpy finished(&runner, &CheckRunner::finished);
    QVERIFY(runner.start(optionsFor(server.serverPort(), {QStringLiteral("connect.descriptor")})));
    const QString receiving =
        QStringLiteral("Receiving the answer to GET /-/jira_connect/app_descriptor.json from gitlab.test…");
    QTRY_VERIFY_WITH_TIMEOUT(waitingTexts(waiting, QStringLiteral("connect.descriptor")).contains(receiving),
                             5000);
    QVERIFY(finished.wait(10000));
    const Finding* f = findingOf(finished, QStringLiteral("connect.descriptor"));
    QVERIFY(f);
    QVERIFY2(f->summary.contains(
                 QStringLiteral("gave no complete answer: Timed out after 1 s with the headers received (200 "
                                "OK) and the body incomplete (7 byte(s) received).")),
             qPrintable(f->summary));
    QCOMPARE(f->summary.count(QStringLiteral("complete answer"), Qt::CaseInsensitive), 1);
}

void TestRunnerProgress::headersOnlyInPart()
{
    HalfAnswerServer server{"HTTP/1.1 200 OK\r\nContent-Ty"};
    CheckRunner runner;
    QSignalSpy finished(&runner, &CheckRunner::finished);
    QVERIFY(runner.start(optionsFor(server.serverPort(), {QStringLiteral("connect.descriptor")})));
    QVERIFY(finished.wait(10000));
    const Finding* f = findingOf(finished, QStringLiteral("connect.descriptor"));
    QVERIFY(f);
    QVERIFY2(f->summary.contains(QStringLiteral(
                 "Timed out after 1 s with the status line and headers received only in part.")),
             qPrintable(f->summary));
}

void TestRunnerProgress::nothingIsWaitedForOutsideARun()
{
    CheckRunner runner;
    QVERIFY(runner.waitingFor(QStringLiteral("tls.handshake")).isEmpty());
    HttpExchange exchange;
    QCOMPARE(exchange.step(), HttpExchange::Step::Idle);
    QVERIFY(exchange.stepText().isEmpty());
    QCOMPARE(exchange.timeoutText(10000), QStringLiteral("Timed out after 10 s."));
}

QTEST_GUILESS_MAIN(TestRunnerProgress)
#include "tst_runnerprogress.moc"
