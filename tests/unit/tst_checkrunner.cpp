// SPDX-License-Identifier: GPL-3.0-or-later
#include "checkrunner.h"
#include "checks/check.h"
#include "http/systemcas.h"

#include <QFile>
#include <QSignalSpy>
#include <QSslKey>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include "testpki.h"

#include <limits>

using namespace gjd;
using gjd::test::readPki;
using gjd::test::serverConfiguration;

namespace {

// Accepts TCP connections and never sends a byte.
class StallServer final : public QTcpServer
{
public:
    StallServer() { listen(QHostAddress::LocalHost); }
    QList<QTcpSocket*> held;

protected:
    void incomingConnection(qintptr fd) override
    {
        auto* s = new QTcpSocket(this);
        s->setSocketDescriptor(fd);
        held.append(s);
    }
};

// Answers every connection with bytes that are neither TLS nor HTTP, then closes it.
class GarbageServer final : public QTcpServer
{
public:
    GarbageServer() { listen(QHostAddress::LocalHost); }

protected:
    void incomingConnection(qintptr fd) override
    {
        auto* s = new QTcpSocket(this);
        s->setSocketDescriptor(fd);
        QByteArray junk(4096, '\0');
        for (int i = 0; i < junk.size(); ++i)
            junk[i] = char((i * 7919 + 13) % 251);
        s->write(junk);
        s->disconnectFromHost();
    }
};

RunOptions optionsFor(quint16 port)
{
    RunOptions o;
    o.url = QStringLiteral("https://gitlab.test:%1").arg(port);
    QString error;
    o.resolve = {*ResolveOverride::parse(QStringLiteral("gitlab.test:%1:127.0.0.1").arg(port), &error)};
    o.method = QStringLiteral("marketplace");
    o.trustStore = QSslCertificate::fromData(readPki(QStringLiteral("trust.pem")));
    o.trustStoreSource = QStringLiteral("trust.pem");
    o.probeTimeoutMs = 2000;
    return o;
}

// A check of a made-up catalogue: passes with whatever it is given.
std::unique_ptr<Check> plainCheck(const QString& id, const QStringList& prerequisites = {},
                                  const QStringList& probes = {})
{
    return std::make_unique<Check>(CheckSpec{id, QStringLiteral("input"), "plain", everyMethod(),
                                             prerequisites, probes, CheckSpec::NoFlags,
                                             [](const RunContext&, Finding& f) {
                                                 set(f, Status::Pass, QStringLiteral("ok"));
                                             }});
}

// A catalogue with every mistake a hand-edited one can have.
CheckList brokenCatalogue()
{
    CheckList list;
    list.push_back(plainCheck(QStringLiteral("good")));
    list.push_back(plainCheck(QStringLiteral("misspelt"), QStringList{QStringLiteral("goood")}));
    list.push_back(plainCheck(QStringLiteral("after-misspelt"), QStringList{QStringLiteral("misspelt")}));
    list.push_back(plainCheck(QStringLiteral("cycle-a"), QStringList{QStringLiteral("cycle-b")}));
    list.push_back(plainCheck(QStringLiteral("cycle-b"), QStringList{QStringLiteral("cycle-a")}));
    list.push_back(
        plainCheck(QStringLiteral("no-such-probe"), QStringList{}, QStringList{QStringLiteral("nosuch")}));
    list.push_back(plainCheck(QStringLiteral("Bad\x1b[2JId")));
    list.push_back(plainCheck(QStringLiteral("good")));
    return list;
}

QString statusOf(const Report& r, const QString& id)
{
    const Finding* f = r.find(id);
    return f ? statusId(f->status) : QStringLiteral("missing");
}

} // namespace

class TestCheckRunner final : public QObject
{
    Q_OBJECT

private slots:
    // First: it looks at process-wide state (systemcas) that a run with a token would change.
    void systemStoreRunDoesNotLoadTheWholeStore();
    void invalidUrlSkipsEverythingElseAsynchronously();
    void reportHasEveryIdOnceInCatalogueOrder();
    void stalledServerFailsTheHandshakeOnlyAfterTheTimeout();
    void runTimeoutBoundsTheWholeRun();
    void cancelEndsTheRunAndSkipsTheRest();
    void onlyRunsTheSelectionAndItsPrerequisites();
    void skipRemovesChecks();
    void healthyChainFromQSslServer();
    void refusedPortFailsTcpAndSkipsTls();
    void garbageInsteadOfTlsFailsClearly();
    void silentFirstAddressDoesNotHideTheSecond();
    void catalogueIsWellFormed();
    void brokenCatalogueIsNamedAndTheRunStillEnds();
    void brokenCatalogueRunEndsOnCancel();
    void nonsenseTimeoutStillBoundsTheRun();
};

void TestCheckRunner::systemStoreRunDoesNotLoadTheWholeStore()
{
    // Parsing the whole system store took seconds on a busy machine, and the report and the
    // program's exit waited for it. An anonymous run asks the store only about the served chain's
    // names, answered from the hashed directory's links: the whole store is never loaded.
    if (!systemcas::hashedLookupAvailable())
        QSKIP("this system has no hashed certificate directory: the whole store is what answers");
    QVERIFY(!systemcas::ready());
    QSslServer server;
    server.setSslConfiguration(serverConfiguration());
    QVERIFY(server.listen(QHostAddress::LocalHost));
    connect(&server, &QSslServer::pendingConnectionAvailable, &server, [&server] {
        while (QTcpSocket* s = server.nextPendingConnection()) {
            s->setParent(&server);
            connect(s, &QTcpSocket::readyRead, s, [s] {
                s->readAll();
                s->write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
                s->disconnectFromHost();
            });
        }
    });

    CheckRunner runner;
    QSignalSpy finished(&runner, &CheckRunner::finished);
    RunOptions o = optionsFor(server.serverPort());
    o.trustStore.clear();
    o.trustStoreSource = QStringLiteral("system");
    o.only = {QStringLiteral("input."), QStringLiteral("network"), QStringLiteral("tls")};
    runner.start(o);
    QVERIFY(finished.wait(15000));
    const Report r = finished.at(0).at(0).value<Report>();
    QCOMPARE(statusOf(r, QStringLiteral("tls.handshake")), QStringLiteral("pass"));
    // The test root is in no system store: the chain is judged, and judged incomplete.
    const Finding* complete = r.find(QStringLiteral("tls.chain.complete"));
    QVERIFY(complete);
    QCOMPARE(statusId(complete->status), QStringLiteral("fail"));
    QVERIFY2(complete->summary.contains(QStringLiteral("GJD Test Root CA")), qPrintable(complete->summary));
    QCOMPARE(complete->evidence.value(QStringLiteral("trust_store")).toString(), QStringLiteral("system"));
    QVERIFY(!systemcas::ready()); // nothing started the loader, nothing waited for it
}

void TestCheckRunner::invalidUrlSkipsEverythingElseAsynchronously()
{
    CheckRunner runner;
    QSignalSpy finished(&runner, &CheckRunner::finished);
    RunOptions o;
    o.url = QStringLiteral("ftp://gitlab.example.com");
    QVERIFY(runner.start(o));
    QVERIFY(runner.isRunning());
    QCOMPARE(finished.count(), 0); // never synchronously: callers connect after start()
    QVERIFY(!runner.start(o));     // one run at a time
    QVERIFY(finished.wait(5000));
    const Report r = finished.at(0).at(0).value<Report>();
    QCOMPARE(statusOf(r, QStringLiteral("input.url")), QStringLiteral("fail"));
    for (const Finding& f : r.checks) {
        if (f.id == QLatin1String("input.url"))
            continue;
        QCOMPARE(statusId(f.status), QStringLiteral("skip"));
        QCOMPARE(f.evidence.value(QStringLiteral("skipped_because")).toString(), QStringLiteral("input.url"));
        QVERIFY(f.summary.contains(QStringLiteral("input.url")));
    }
    QCOMPARE(r.summary().verdict, Status::Fail);
}

void TestCheckRunner::reportHasEveryIdOnceInCatalogueOrder()
{
    StallServer server;
    CheckRunner runner;
    QSignalSpy started(&runner, &CheckRunner::checkStarted);
    QSignalSpy progressed(&runner, &CheckRunner::checkFinished);
    QSignalSpy finished(&runner, &CheckRunner::finished);
    RunOptions o = optionsFor(server.serverPort());
    o.probeTimeoutMs = 500;
    runner.start(o);
    QVERIFY(finished.wait(10000));
    const Report r = finished.at(0).at(0).value<Report>();
    QStringList ids;
    for (const auto& c : catalogue())
        ids.append(c->id());
    QStringList reported;
    for (const Finding& f : r.checks) {
        reported.append(f.id);
        QVERIFY(!f.title.isEmpty());
        QVERIFY2(!f.summary.isEmpty(), qPrintable(f.id));
        QVERIFY(!f.category.isEmpty());
    }
    QCOMPARE(reported, ids);
    QCOMPARE(progressed.count(), ids.size());
    // Every check is announced before it finishes, once.
    QStringList announced;
    for (const auto& args : std::as_const(started))
        announced.append(args.at(0).toString());
    QCOMPARE(announced.size(), ids.size());
    for (const QString& id : ids)
        QCOMPARE(announced.count(id), 1);
}

void TestCheckRunner::stalledServerFailsTheHandshakeOnlyAfterTheTimeout()
{
    StallServer server;
    CheckRunner runner;
    QSignalSpy finished(&runner, &CheckRunner::finished);
    RunOptions o = optionsFor(server.serverPort());
    o.probeTimeoutMs = 1000;
    QElapsedTimer clock;
    clock.start();
    runner.start(o);
    QVERIFY(finished.wait(15000));
    QVERIFY2(clock.elapsed() >= 900, "the handshake was given up before its timeout");
    QVERIFY2(clock.elapsed() < 3 * 1000 + 5000, "the run outlived its own bound");
    const Report r = finished.at(0).at(0).value<Report>();
    QCOMPARE(statusOf(r, QStringLiteral("dns.resolve")), QStringLiteral("pass"));
    QCOMPARE(statusOf(r, QStringLiteral("tcp.connect")), QStringLiteral("pass"));
    QCOMPARE(statusOf(r, QStringLiteral("port.allowed")), QStringLiteral("warn"));
    const Finding* hs = r.find(QStringLiteral("tls.handshake"));
    QCOMPARE(statusId(hs->status), QStringLiteral("fail"));
    QCOMPARE(hs->evidence.value(QStringLiteral("error")).toString(), QStringLiteral("timeout"));
    QVERIFY2(hs->summary.contains(QStringLiteral("1 s")), qPrintable(hs->summary));
    QVERIFY(!hs->remedy.isEmpty());
    for (const QString& id : {QStringLiteral("tls.protocol"), QStringLiteral("tls.hostname"),
                              QStringLiteral("tls.chain.complete"), QStringLiteral("tls.trust.public")}) {
        QCOMPARE(statusOf(r, id), QStringLiteral("skip"));
        QCOMPARE(r.find(id)->evidence.value(QStringLiteral("skipped_because")).toString(),
                 QStringLiteral("tls.handshake"));
    }
    QVERIFY(!server.held.isEmpty());
}

void TestCheckRunner::runTimeoutBoundsTheWholeRun()
{
    StallServer server;
    CheckRunner runner;
    QSignalSpy finished(&runner, &CheckRunner::finished);
    RunOptions o = optionsFor(server.serverPort());
    o.probeTimeoutMs = 60000;
    o.runTimeoutMs = 700;
    runner.start(o);
    QVERIFY(finished.wait(10000));
    const Report r = finished.at(0).at(0).value<Report>();
    QCOMPARE(statusOf(r, QStringLiteral("tls.handshake")), QStringLiteral("fail"));
    QCOMPARE(r.find(QStringLiteral("tls.handshake"))->evidence.value(QStringLiteral("error")).toString(),
             QStringLiteral("timeout"));
    // The 60 s probe timeout never fired: the 0.7 s run bound ended it (margin for a loaded machine).
    QVERIFY2(r.durationMs < 10000, qPrintable(QString::number(r.durationMs)));
}

void TestCheckRunner::cancelEndsTheRunAndSkipsTheRest()
{
    StallServer server;
    CheckRunner runner;
    QSignalSpy finished(&runner, &CheckRunner::finished);
    QSignalSpy progressed(&runner, &CheckRunner::checkFinished);
    RunOptions o = optionsFor(server.serverPort());
    o.probeTimeoutMs = 60000;
    runner.start(o);
    // Wait until the TCP check is decided: the TLS handshake is then hanging on the stall server.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (const auto& args : std::as_const(progressed)) {
                if (args.at(0).value<Finding>().id == QLatin1String("tcp.connect"))
                    return true;
            }
            return false;
        }(),
        10000);
    QCOMPARE(finished.count(), 0);
    runner.cancel();
    QVERIFY(finished.wait(5000));
    QVERIFY(!runner.isRunning());
    const Report r = finished.at(0).at(0).value<Report>();
    QCOMPARE(statusOf(r, QStringLiteral("tcp.connect")), QStringLiteral("pass"));
    const Finding* hs = r.find(QStringLiteral("tls.handshake"));
    QCOMPARE(statusId(hs->status), QStringLiteral("skip"));
    QCOMPARE(hs->evidence.value(QStringLiteral("skipped_because")).toString(), QStringLiteral("cancelled"));
    QCOMPARE(r.checks.size(), int(catalogue().size()));
    // A second run can start after a cancelled one.
    QSignalSpy again(&runner, &CheckRunner::finished);
    RunOptions bad;
    bad.url = QStringLiteral("::");
    QVERIFY(runner.start(bad));
    QVERIFY(again.wait(5000));
}

void TestCheckRunner::onlyRunsTheSelectionAndItsPrerequisites()
{
    StallServer server;
    CheckRunner runner;
    QSignalSpy finished(&runner, &CheckRunner::finished);
    RunOptions o = optionsFor(server.serverPort());
    o.probeTimeoutMs = 300;
    o.only = {QStringLiteral("tls.hostname")};
    runner.start(o);
    QCOMPARE(runner.selectedIds(),
             (QStringList{QStringLiteral("input.url"), QStringLiteral("dns.resolve"),
                          QStringLiteral("tcp.connect"), QStringLiteral("tls.handshake"),
                          QStringLiteral("tls.hostname")}));
    QVERIFY(finished.wait(10000));
    const Report r = finished.at(0).at(0).value<Report>();
    QCOMPARE(statusOf(r, QStringLiteral("tcp.connect")), QStringLiteral("pass"));
    QCOMPARE(statusOf(r, QStringLiteral("tls.handshake")), QStringLiteral("fail"));
    QCOMPARE(statusOf(r, QStringLiteral("tls.hostname")), QStringLiteral("skip"));
    const Finding* notSelected = r.find(QStringLiteral("dns.public"));
    QCOMPARE(statusId(notSelected->status), QStringLiteral("skip"));
    QCOMPARE(notSelected->evidence.value(QStringLiteral("skipped_because")).toString(),
             QStringLiteral("not-selected"));
}

void TestCheckRunner::skipRemovesChecks()
{
    CheckRunner runner;
    QSignalSpy finished(&runner, &CheckRunner::finished);
    RunOptions o = optionsFor(1);
    o.only = {QStringLiteral("input."), QStringLiteral("network"), QStringLiteral("tls")};
    o.skip = {QStringLiteral("tls."), QStringLiteral("network")};
    runner.start(o);
    QCOMPARE(runner.selectedIds(), QStringList{QStringLiteral("input.url")});
    QVERIFY(finished.wait(5000));
    const Report r = finished.at(0).at(0).value<Report>();
    QCOMPARE(statusOf(r, QStringLiteral("input.url")), QStringLiteral("pass"));
    QCOMPARE(statusOf(r, QStringLiteral("tcp.connect")), QStringLiteral("skip"));
    QCOMPARE(matchSelector(QStringLiteral("tls.chain.")).size(), 4);
    QCOMPARE(matchSelector(QStringLiteral("tls.chain")).size(), 4);
    QVERIFY(matchSelector(QStringLiteral("nope")).isEmpty());
}

void TestCheckRunner::healthyChainFromQSslServer()
{
    QSslServer server;
    QSslConfiguration config = serverConfiguration();
    QVERIFY(!config.privateKey().isNull());
    server.setSslConfiguration(config);
    QVERIFY(server.listen(QHostAddress::LocalHost));
    // Keep accepted sockets alive until the client has finished its handshake.
    connect(&server, &QSslServer::pendingConnectionAvailable, &server, [&server] {
        while (QTcpSocket* s = server.nextPendingConnection())
            s->setParent(&server);
    });

    CheckRunner runner;
    QSignalSpy finished(&runner, &CheckRunner::finished);
    RunOptions o = optionsFor(server.serverPort());
    o.only = {QStringLiteral("input."), QStringLiteral("network"),
              QStringLiteral("tls")}; // no HTTP behind it
    runner.start(o);
    QVERIFY(finished.wait(15000));
    const Report r = finished.at(0).at(0).value<Report>();
    for (const QString& id : {QStringLiteral("tls.handshake"), QStringLiteral("tls.protocol"),
                              QStringLiteral("tls.hostname"), QStringLiteral("tls.validity"),
                              QStringLiteral("tls.chain.complete"), QStringLiteral("tls.chain.order"),
                              QStringLiteral("tls.chain.extra"), QStringLiteral("tls.chain.anchor"),
                              QStringLiteral("tls.trust.public"), QStringLiteral("tls.crypto")}) {
        const Finding* f = r.find(id);
        QVERIFY2(f->status == Status::Pass, qPrintable(id + QStringLiteral(": ") + f->summary));
    }
    QCOMPARE(r.certificates.size(), 2);
    QCOMPARE(r.certificates.at(0).san, QStringList{QStringLiteral("gitlab.test")});
    QCOMPARE(r.summary().verdict, Status::Warn); // loopback address and non-standard port

    // The waterfall: DNS first, then TCP and TLS together; nothing for probes that sent nothing.
    const QList<CheckRunner::ProbeTiming> timings = runner.probeTimings();
    QStringList ids;
    for (const auto& t : timings)
        ids.append(t.id);
    QCOMPARE(ids.value(0), QStringLiteral("dns"));
    QVERIFY(ids.contains(QStringLiteral("tcp")) && ids.contains(QStringLiteral("tls")));
    for (const auto& t : timings) {
        QVERIFY2(!t.id.startsWith(QLatin1String("api.")), qPrintable(t.id)); // no token
        QVERIFY(t.succeeded);
        if (t.id != QLatin1String("dns"))
            QVERIFY(t.startMs >= timings.constFirst().startMs + timings.constFirst().durationMs);
    }
}

void TestCheckRunner::refusedPortFailsTcpAndSkipsTls()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close(); // nothing listens there any more
    CheckRunner runner;
    QSignalSpy finished(&runner, &CheckRunner::finished);
    runner.start(optionsFor(port));
    QVERIFY(finished.wait(10000));
    const Report r = finished.at(0).at(0).value<Report>();
    const Finding* tcp = r.find(QStringLiteral("tcp.connect"));
    QCOMPARE(statusId(tcp->status), QStringLiteral("fail"));
    QVERIFY2(tcp->summary.contains(QStringLiteral("refused")), qPrintable(tcp->summary));
    QVERIFY(tcp->summary.contains(QStringLiteral("127.0.0.1")));
    QCOMPARE(statusOf(r, QStringLiteral("tls.handshake")), QStringLiteral("skip"));
}

void TestCheckRunner::garbageInsteadOfTlsFailsClearly()
{
    GarbageServer server;
    CheckRunner runner;
    QSignalSpy finished(&runner, &CheckRunner::finished);
    RunOptions o = optionsFor(server.serverPort());
    o.probeTimeoutMs = 3000;
    runner.start(o);
    QVERIFY(finished.wait(15000));
    const Report r = finished.at(0).at(0).value<Report>();
    const Finding* hs = r.find(QStringLiteral("tls.handshake"));
    QCOMPARE(statusId(hs->status), QStringLiteral("fail"));
    const QString code = hs->evidence.value(QStringLiteral("error")).toString();
    QVERIFY2(code == QLatin1String("handshake") || code == QLatin1String("closed"),
             qPrintable(code + hs->summary));
    QVERIFY2(!hs->summary.contains(QLatin1String("plain HTTP")), qPrintable(hs->summary));
    QVERIFY(!hs->remedy.isEmpty());
    QCOMPARE(statusOf(r, QStringLiteral("tls.chain.complete")), QStringLiteral("skip"));
}

void TestCheckRunner::silentFirstAddressDoesNotHideTheSecond()
{
    // 127.0.0.1:P serves TLS; 127.0.0.2:P is a listener whose accept queue is full, so the kernel
    // drops further SYNs and a connect there hangs (like a firewall that drops packets, or a
    // broken IPv6 route).
    QSslServer server;
    QSslConfiguration config = serverConfiguration();
    server.setSslConfiguration(config);
    QVERIFY(server.listen(QHostAddress::LocalHost));
    connect(&server, &QSslServer::pendingConnectionAvailable, &server, [&server] {
        while (QTcpSocket* s = server.nextPendingConnection())
            s->setParent(&server);
    });
    const quint16 port = server.serverPort();
    QTcpServer blackhole;
    blackhole.setListenBacklogSize(0);
    if (!blackhole.listen(QHostAddress(QStringLiteral("127.0.0.2")), port))
        QSKIP("127.0.0.2 is not usable on this machine");
    blackhole.pauseAccepting();
    QList<QTcpSocket*> fillers;
    for (int i = 0; i < 4; ++i) {
        auto* s = new QTcpSocket(&blackhole);
        s->connectToHost(QHostAddress(QStringLiteral("127.0.0.2")), port);
        fillers.append(s);
    }
    QTest::qWait(300);

    RunOptions o = optionsFor(port);
    QString error;
    o.resolve = {
        *ResolveOverride::parse(QStringLiteral("gitlab.test:%1:127.0.0.2,127.0.0.1").arg(port), &error)};
    o.only = {QStringLiteral("input."), QStringLiteral("network"), QStringLiteral("tls")};
    o.probeTimeoutMs = 3000;
    CheckRunner runner;
    QSignalSpy finished(&runner, &CheckRunner::finished);
    runner.start(o);
    QVERIFY(finished.wait(20000));
    const Report r = finished.at(0).at(0).value<Report>();
    const Finding* hs = r.find(QStringLiteral("tls.handshake"));
    QVERIFY2(hs->status == Status::Pass, qPrintable(hs->summary));
    QCOMPARE(hs->evidence.value(QStringLiteral("address")).toString(), QStringLiteral("127.0.0.1"));
    QCOMPARE(statusOf(r, QStringLiteral("tls.chain.complete")), QStringLiteral("pass"));
    const Finding* tcp = r.find(QStringLiteral("tcp.connect"));
    QVERIFY2(tcp->status == Status::Warn, qPrintable(tcp->summary));
    QVERIFY2(tcp->summary.contains(QStringLiteral("127.0.0.2")), qPrintable(tcp->summary));
}

void TestCheckRunner::catalogueIsWellFormed()
{
    const QStringList problems = catalogueProblems(catalogue());
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    for (const auto& c : catalogue())
        QVERIFY2(isWellFormedCheckId(c->id()), qPrintable(c->id()));
}

void TestCheckRunner::brokenCatalogueIsNamedAndTheRunStillEnds()
{
    const CheckList checks = brokenCatalogue();
    const QString problems = catalogueProblems(checks).join(QLatin1Char('\n'));
    for (const char* expected :
         {"prerequisite goood is not a check", "check cycle-", "probe nosuch does not exist",
          "is not of [a-z0-9._-]+", "check id good appears twice"})
        QVERIFY2(problems.contains(QLatin1String(expected)), qPrintable(problems));

    // Before the runner decided what waits for nothing, this run never ended.
    CheckRunner runner;
    runner.setChecks(&checks);
    QSignalSpy finished(&runner, &CheckRunner::finished);
    RunOptions o;
    o.url = QStringLiteral("https://gitlab.test");
    o.method = QStringLiteral("marketplace");
    o.probeTimeoutMs = 60000;
    QVERIFY(runner.start(o));
    QVERIFY(finished.wait(10000));
    const Report r = finished.at(0).at(0).value<Report>();
    QCOMPARE(statusOf(r, QStringLiteral("good")), QStringLiteral("pass"));
    QCOMPARE(statusOf(r, QStringLiteral("misspelt")), QStringLiteral("error"));
    QVERIFY(r.find(QStringLiteral("misspelt"))->summary.contains(QStringLiteral("goood")));
    QCOMPARE(statusOf(r, QStringLiteral("after-misspelt")), QStringLiteral("skip"));
    QCOMPARE(statusOf(r, QStringLiteral("cycle-a")), QStringLiteral("error"));
    QCOMPARE(statusOf(r, QStringLiteral("cycle-b")), QStringLiteral("skip"));
    QCOMPARE(statusOf(r, QStringLiteral("no-such-probe")), QStringLiteral("error"));
}

void TestCheckRunner::brokenCatalogueRunEndsOnCancel()
{
    const CheckList checks = brokenCatalogue();
    CheckRunner runner;
    runner.setChecks(&checks);
    QSignalSpy finished(&runner, &CheckRunner::finished);
    RunOptions o;
    o.url = QStringLiteral("https://gitlab.test");
    o.method = QStringLiteral("marketplace");
    QVERIFY(runner.start(o));
    runner.cancel();
    QVERIFY(finished.wait(10000));
    const Report r = finished.at(0).at(0).value<Report>();
    QCOMPARE(statusOf(r, QStringLiteral("misspelt")), QStringLiteral("skip"));
    QCOMPARE(r.find(QStringLiteral("misspelt"))->evidence.value(QStringLiteral("skipped_because")).toString(),
             QStringLiteral("cancelled"));
}

void TestCheckRunner::nonsenseTimeoutStillBoundsTheRun()
{
    // `--timeout nan` once became INT_MIN milliseconds, which switched every timer off: a stalled
    // server then held the run forever. Whatever the caller passes, the runner bounds it.
    for (int timeout : {std::numeric_limits<int>::min(), -1, 0}) {
        StallServer server;
        CheckRunner runner;
        QSignalSpy finished(&runner, &CheckRunner::finished);
        RunOptions o = optionsFor(server.serverPort());
        o.probeTimeoutMs = timeout;
        runner.start(o);
        QVERIFY(finished.wait(15000));
        const Report r = finished.at(0).at(0).value<Report>();
        QCOMPARE(statusOf(r, QStringLiteral("tls.handshake")), QStringLiteral("fail"));
        QCOMPARE(r.find(QStringLiteral("tls.handshake"))->evidence.value(QStringLiteral("error")).toString(),
                 QStringLiteral("timeout"));
    }
}

QTEST_GUILESS_MAIN(TestCheckRunner)
#include "tst_checkrunner.moc"
