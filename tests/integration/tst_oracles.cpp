// SPDX-License-Identifier: GPL-3.0-or-later
//
// Real TLS clients as oracles (tests/oracles/README.md). One nginx serves every scenario below, one
// server block each, with the PKI of tests/support/make-pki.sh ($GJD_PKI_DIR); then one Ruby process
// asks Net::HTTP (what GitLab.com fetches an instance with: OpenSSL 3, security level 2) and one Java
// process asks HttpsURLConnection (what Jira Cloud uses: JSSE, no AIA fetching) about all of them,
// each trusting trust.pem only. Their verdicts are asserted against the table, and a rejection must
// be for the scenario's reason (the client's own words). Finally the product's JSON report must say
// the same in evidence.consumers (productAgreesWithOracles).

#include "clitest.h"
#include "nginxserver.h"
#include "oracles.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>
#include <memory>
#include <vector>

namespace gjd {

namespace {

const QString kHost = QStringLiteral("gitlab.test");

// What a client is expected to do with a scenario. A rejection names its reason: a regular
// expression the client's error text must match (so that a server that is merely down, or
// refused for another reason, does not pass for the intended refusal).
struct Expected
{
    bool accepts = false;
    QString error;
};

Expected accepts()
{
    return {true, {}};
}

Expected rejects(const QString& errorPattern)
{
    return {false, errorPattern};
}

struct Scenario
{
    QString name;       // the nginx site and the oracles' scenario name
    QString bundle;     // <bundle>.pem + <bundle>.key of the PKI
    QString directives; // nginx directives of the server block
    Expected gitlabCom; // Ruby's Net::HTTP
    Expected jiraCloud; // Java's HttpsURLConnection
};

// Ruby's OpenSSL errors read "SSL_connect returned=1 errno=0 peeraddr=127.0.0.1:PORT state=error:
// certificate verify failed (REASON)"; only the reason is quoted below.
QList<Scenario> scenarios()
{
    const auto pkiFile = [](const char* file) -> QString {
        return QLatin1Char('"') + test::pki(QLatin1String(file)) + QLatin1Char('"');
    };
    // Debian's OpenSSL refuses weak certificates and old protocols on the server side too: the
    // server's own level goes down to 0 wherever it has to serve something weak.
    const QString weak = QStringLiteral("ssl_ciphers DEFAULT:@SECLEVEL=0;");
    // DHE only, with the given group; full-rsa (an RSA leaf): the EC leaves cannot sign for DHE-RSA.
    const auto dhe = [&](const char* dhparam) {
        return QStringLiteral("ssl_protocols TLSv1.2; ssl_ciphers \"DHE-RSA-AES128-GCM-SHA256:@SECLEVEL=0\"; "
                              "ssl_dhparam %1;")
            .arg(pkiFile(dhparam));
    };
    const QString untrusted = QStringLiteral("unable to find valid certification path to requested target");
    const QString jsseExpired =
        QStringLiteral("\\(certificate_expired\\) PKIX path validation failed: .*validity check failed");
    const QString noDigitalSignature = QStringLiteral("KeyUsage does not allow digital signatures");
    const QString tooBigForJava = QStringLiteral(
        "The size of the handshake message \\(\\d+\\) exceeds the maximum allowed size \\(32768\\)");
    const QString clientCertificate = QStringLiteral("^client certificate required$");

    return {
        {QStringLiteral("full"), QStringLiteral("full"), {}, accepts(), accepts()},
        // "certificate verify failed (unable to get local issuer certificate)" / "PKIX path building
        // failed: …SunCertPathBuilderException: unable to find valid certification path to requested target"
        {QStringLiteral("leaf-only"),
         QStringLiteral("leaf-only"),
         {},
         rejects(QStringLiteral("certificate verify failed \\(unable to get local issuer certificate\\)")),
         rejects(untrusted)},
        // "certificate verify failed (certificate has expired)" / "(certificate_expired) PKIX path
        // validation failed: java.security.cert.CertPathValidatorException: validity check failed"
        {QStringLiteral("expired-leaf"),
         QStringLiteral("expired-leaf"),
         {},
         rejects(QStringLiteral("certificate verify failed \\(certificate has expired\\)")),
         rejects(jsseExpired)},
        {QStringLiteral("expired-inter"),
         QStringLiteral("expired-inter"),
         {},
         rejects(QStringLiteral("certificate verify failed \\(certificate has expired\\)")),
         rejects(jsseExpired)},
        // "certificate verify failed (hostname mismatch)" / "(certificate_unknown) No subject
        // alternative DNS name matching gitlab.test found."
        {QStringLiteral("wronghost"),
         QStringLiteral("wronghost"),
         {},
         rejects(QStringLiteral("certificate verify failed \\(hostname mismatch\\)")),
         rejects(QStringLiteral("No subject alternative DNS name matching gitlab\\.test found"))},
        // "certificate verify failed (self-signed certificate)" / "unable to find valid certification path …"
        {QStringLiteral("selfsigned"),
         QStringLiteral("selfsigned"),
         {},
         rejects(QStringLiteral("certificate verify failed \\(self-signed certificate\\)")),
         rejects(untrusted)},
        // "certificate verify failed (self-signed certificate in certificate chain)" / "unable to find …"
        {QStringLiteral("unknown-root"),
         QStringLiteral("unknown-root"),
         {},
         rejects(
             QStringLiteral("certificate verify failed \\(self-signed certificate in certificate chain\\)")),
         rejects(untrusted)},
        // "certificate verify failed (CA signature digest algorithm too weak)". Java accepts: its
        // "SHA1 jdkCA & usage TLSServer" (jdk.certpath.disabledAlgorithms) applies only to chains
        // that end at a root of the JDK's own cacerts, and the test's root is not one of them.
        {QStringLiteral("sha1"), QStringLiteral("sha1"), weak,
         rejects(QStringLiteral("certificate verify failed \\(CA signature digest algorithm too weak\\)")),
         accepts()},
        // "certificate verify failed (EE certificate key too weak)". Java accepts: it only disables
        // "RSA keySize < 1024".
        {QStringLiteral("rsa1024"), QStringLiteral("rsa1024"), weak,
         rejects(QStringLiteral("certificate verify failed \\(EE certificate key too weak\\)")), accepts()},
        // "certificate verify failed (unsuitable certificate purpose)" / "(certificate_unknown)
        // Extended key usage does not permit use for TLS server authentication"
        {QStringLiteral("eku-client"),
         QStringLiteral("eku-client"),
         {},
         rejects(QStringLiteral("certificate verify failed \\(unsuitable certificate purpose\\)")),
         rejects(QStringLiteral("Extended key usage does not permit use for TLS server authentication"))},
        // "certificate verify failed (unsuitable certificate purpose)" / "(certificate_unknown)
        // KeyUsage does not allow digital signatures"
        {QStringLiteral("ku-certsign"),
         QStringLiteral("ku-certsign"),
         {},
         rejects(QStringLiteral("certificate verify failed \\(unsuitable certificate purpose\\)")),
         rejects(noDigitalSignature)},
        // A leaf that says CA:TRUE: both accept it (OpenSSL checks that only in strict mode, JSSE
        // checks the leaf's key usage and extended key usage, not its basic constraints).
        {QStringLiteral("leaf-ca"), QStringLiteral("leaf-ca"), {}, accepts(), accepts()},
        // The intermediate with its own key as the server certificate, the leaf second: both judge
        // the intermediate as the server's certificate, and its key usage (keyCertSign, cRLSign)
        // does not allow a TLS server. "certificate verify failed (unsuitable certificate purpose)"
        // / "(certificate_unknown) KeyUsage does not allow digital signatures"
        {QStringLiteral("inter-first"),
         QStringLiteral("inter-first"),
         {},
         rejects(QStringLiteral("certificate verify failed \\(unsuitable certificate purpose\\)")),
         rejects(noDigitalSignature)},
        // Certificate message of ~38 KB: OpenSSL takes up to 100 KiB; JSSE: "The size of the
        // handshake message (38965) exceeds the maximum allowed size (32768)" (SSLProtocolException).
        {QStringLiteral("big-40k"), QStringLiteral("big-40k"), {}, accepts(), rejects(tooBigForJava)},
        // ~200 KB: "excessive message size" / the same JSSE message with (200972).
        {QStringLiteral("big-200k"),
         QStringLiteral("big-200k"),
         {},
         rejects(QStringLiteral("state=error: excessive message size")),
         rejects(tooBigForJava)},
        // "dh key too small" (security level 2 wants 2048 bits); Java only disables "DH keySize < 1024".
        {QStringLiteral("dh1024"), QStringLiteral("full-rsa"), dhe("dh1024.pem"),
         rejects(QStringLiteral("state=error: dh key too small")), accepts()},
        // 2047 bits: refused for its size alone, not for being composite. "dh key too small" / JSSE:
        // "(internal_error) Could not generate DH keypair (caused by
        // java.security.InvalidAlgorithmParameterException: DH key size must be multiple of 64, and
        // can only range from 512 to 8192 (inclusive). The specific key size 2047 is not supported)"
        {QStringLiteral("dh-composite"), QStringLiteral("full-rsa"), dhe("dh-composite.pem"),
         rejects(QStringLiteral("state=error: dh key too small")),
         rejects(QStringLiteral("Could not generate DH keypair.*DH key size must be multiple of 64"))},
        // The same composite mistake at 2048 bits: neither client tests the group for primality.
        {QStringLiteral("dh-composite-2048"), QStringLiteral("full-rsa"), dhe("dh-composite-2048.pem"),
         accepts(), accepts()},
        {QStringLiteral("ffdhe2048"), QStringLiteral("full-rsa"), dhe("ffdhe2048.pem"), accepts(), accepts()},
        // The handshake completes without a client certificate; nginx answers 400 "No required SSL
        // certificate was sent", which the oracles turn into "client certificate required".
        {QStringLiteral("client-cert"), QStringLiteral("full"),
         QStringLiteral("ssl_protocols TLSv1.2; ssl_verify_client on; ssl_client_certificate %1;")
             .arg(pkiFile("root.pem")),
         rejects(clientCertificate), rejects(clientCertificate)},
        // TLS 1.0 only. "state=error: legacy sigalg disallowed or unsupported" (the ServerKeyExchange
        // is signed with SHA-1) / "(protocol_version) Received fatal alert: protocol_version"
        // (TLSv1 is in jdk.tls.disabledAlgorithms; the server refuses the TLS 1.2 ClientHello).
        {QStringLiteral("tls10"), QStringLiteral("full"), QStringLiteral("ssl_protocols TLSv1; ") + weak,
         rejects(
             QStringLiteral("state=error: (legacy sigalg disallowed or unsupported|unsupported protocol|no "
                            "protocols available)")),
         rejects(QStringLiteral("protocol_version|No appropriate protocol"))},
    };
}

// ------------------------------------------------------------------------------------------------
// The product's side: what its JSON report says GitLab.com and Jira Cloud do with each server.

struct ProductConsumers
{
    QString gitlabCom = QStringLiteral("accept"); // "accept" or "reject"
    QString jiraCloud = QStringLiteral("accept");
    bool reported = false; // some tls.* finding carries evidence.consumers
    QString problem;       // the CLI failed or its report is unreadable; empty otherwise
};

// Runs the CLI (GJD_CLI_PATH) against every site, a few at a time, as tests/integration/
// tst_tlsscenarios.cpp does (--resolve to 127.0.0.1, --trust-store trust.pem, GJD_NOW from the
// environment), selecting the tls.* checks and their network prerequisites. For each consumer
// ("gitlab_com", "jira_cloud"): "reject" if any finding whose id starts with "tls." has
// evidence.consumers.<consumer> == "reject", else "accept".
// `opensslConf`: an OpenSSL configuration file for the CLI's process (OPENSSL_CONF), or empty for
// the machine's own.
QHash<QString, ProductConsumers> productConsumers(const QList<std::pair<QString, quint16>>& sites,
                                                  const QString& opensslConf = QString())
{
    constexpr int parallel = 4;
    constexpr int timeoutSeconds = 5;
    constexpr int overallMs = 60000;

    QHash<QString, ProductConsumers> result;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("GITLAB_TOKEN"));
    env.remove(QStringLiteral("JIRA_API_TOKEN"));
    if (!opensslConf.isEmpty())
        env.insert(QStringLiteral("OPENSSL_CONF"), opensslConf);

    const auto judge = [](const QByteArray& json, ProductConsumers* verdict) {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
        if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
            verdict->problem = QStringLiteral("the report is not a JSON object (%1): %2")
                                   .arg(parseError.errorString(), QString::fromUtf8(json.left(300)));
            return;
        }
        const QJsonArray checks = doc.object().value(QStringLiteral("checks")).toArray();
        for (const QJsonValue& value : checks) {
            const QJsonObject finding = value.toObject();
            if (!finding.value(QStringLiteral("id")).toString().startsWith(QLatin1String("tls.")))
                continue;
            const QJsonValue consumers =
                finding.value(QStringLiteral("evidence")).toObject().value(QStringLiteral("consumers"));
            if (!consumers.isObject())
                continue;
            verdict->reported = true;
            const QJsonObject byConsumer = consumers.toObject();
            if (byConsumer.value(QStringLiteral("gitlab_com")).toString() == QLatin1String("reject"))
                verdict->gitlabCom = QStringLiteral("reject");
            if (byConsumer.value(QStringLiteral("jira_cloud")).toString() == QLatin1String("reject"))
                verdict->jiraCloud = QStringLiteral("reject");
        }
    };

    struct Run
    {
        QString site;
        std::unique_ptr<QProcess> process;
    };
    std::vector<Run> runs;
    QEventLoop loop;
    int next = 0;
    int running = 0;
    bool stopping = false; // past the deadline: finishing processes start nothing more
    std::function<void()> startMore;
    startMore = [&] {
        while (!stopping && running < parallel && next < sites.size()) {
            const QString site = sites.at(next).first;
            const QString port = QString::number(sites.at(next).second);
            ++next;
            const QStringList arguments = {
                QStringLiteral("check"),         QStringLiteral("https://%1:%2").arg(kHost, port),
                QStringLiteral("--resolve"),     QStringLiteral("%1:%2:127.0.0.1").arg(kHost, port),
                QStringLiteral("--trust-store"), test::pki(QStringLiteral("trust.pem")),
                QStringLiteral("--method"),      QStringLiteral("marketplace"),
                QStringLiteral("--format"),      QStringLiteral("json"),
                QStringLiteral("--timeout"),     QString::number(timeoutSeconds),
                QStringLiteral("--only"),        QStringLiteral("tls.,dns.resolve,tcp.connect")};
            runs.push_back({site, std::make_unique<QProcess>()});
            QProcess* p = runs.back().process.get();
            p->setProcessEnvironment(env);
            result.insert(site, {});
            ++running;
            QObject::connect(
                p, &QProcess::finished, &loop, [&, p, site](int exitCode, QProcess::ExitStatus status) {
                    ProductConsumers& verdict = result[site];
                    if (status != QProcess::NormalExit || (exitCode != 0 && exitCode != 1)) {
                        verdict.problem =
                            QStringLiteral("the CLI exited with %1%2: %3")
                                .arg(exitCode)
                                .arg(status == QProcess::NormalExit ? QString()
                                                                    : QStringLiteral(" (crashed)"),
                                     QString::fromUtf8(p->readAllStandardError()).trimmed());
                    } else {
                        judge(p->readAllStandardOutput(), &verdict);
                    }
                    --running;
                    startMore();
                });
            QObject::connect(p, &QProcess::errorOccurred, &loop, [&, p, site](QProcess::ProcessError error) {
                if (error != QProcess::FailedToStart)
                    return;
                result[site].problem =
                    QStringLiteral("cannot start %1: %2").arg(test::cliPath(), p->errorString());
                --running;
                startMore();
            });
            p->start(test::cliPath(), arguments);
            p->closeWriteChannel();
        }
        if (running == 0)
            loop.quit();
    };
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    deadline.start(overallMs);
    startMore();
    if (running > 0)
        loop.exec();

    stopping = true;
    for (Run& run : runs) {
        if (run.process->state() == QProcess::NotRunning)
            continue;
        QObject::disconnect(run.process.get(), nullptr, &loop, nullptr);
        run.process->kill();
        run.process->waitForFinished(5000);
        result[run.site].problem =
            QStringLiteral("the CLI did not finish within %1 ms (killed)").arg(overallMs);
    }
    for (int i = next; i < sites.size(); ++i)
        result[sites.at(i).first].problem = QStringLiteral("the CLI was never started (time ran out)");
    return result;
}

} // namespace

class Oracles final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void netHttpOracleRan();
    void gitlabCom_data();
    void gitlabCom(); // Ruby's Net::HTTP
    void jsseOracleRan();
    void jiraCloud_data();
    void jiraCloud(); // Java's HttpsURLConnection
    void productAgreesWithOracles_data();
    void productAgreesWithOracles();

private:
    void verdictRows();
    void checkVerdict(const QHash<QString, test::OracleVerdict>& verdicts, const QString& oracleError,
                      const Expected& expected);

    QList<Scenario> m_scenarios;
    std::unique_ptr<test::NginxServer> m_nginx;
    QHash<QString, test::OracleVerdict> m_netHttp;
    QHash<QString, test::OracleVerdict> m_jsse;
    QString m_netHttpError;
    QString m_jsseError;
};

} // namespace gjd

Q_DECLARE_METATYPE(gjd::Expected)

namespace gjd {

void Oracles::initTestCase()
{
    QVERIFY2(!test::pkiDir().isEmpty(), "GJD_PKI_DIR is not set: run through ctest (fixture `pki`), or run "
                                        "tests/support/make-pki.sh DIR and export GJD_PKI_DIR=DIR");
    QVERIFY2(
        QFileInfo::exists(test::pki(QStringLiteral("dh-composite-2048.pem"))),
        qPrintable(QStringLiteral("no oracle PKI in %1 (make-pki.sh did not run?)").arg(test::pkiDir())));

    m_scenarios = scenarios();
    QList<test::NginxSite> sites;
    for (const Scenario& s : std::as_const(m_scenarios)) {
        sites.append(test::NginxSite::tls(s.name, test::pki(s.bundle + QStringLiteral(".pem")),
                                          test::pki(s.bundle + QStringLiteral(".key")), s.directives));
    }
    m_nginx = std::make_unique<test::NginxServer>(sites);
    if (!m_nginx->start()) {
        qWarning().noquote() << m_nginx->errorString() << "\n--- nginx.conf ---\n" << m_nginx->configText();
        QFAIL("nginx did not start (its error log is above)");
    }

    QList<test::OracleScenario> asked;
    for (const Scenario& s : std::as_const(m_scenarios))
        asked.append({s.name, kHost, m_nginx->port(s.name), test::pki(QStringLiteral("trust.pem")),
                      QStringLiteral("/")});
    QElapsedTimer timer;
    timer.start();
    // Within ctest's 240 s even if everything hangs: 45 + 60 + the CLI's 60 s.
    m_netHttp = test::runNetHttpOracle(asked, &m_netHttpError, 45000);
    const qint64 rubyMs = timer.restart();
    m_jsse = test::runJsseOracle(asked, &m_jsseError, 60000);
    qInfo("%d scenarios: Net::HTTP (ruby) took %lld ms, JSSE (java) %lld ms", int(asked.size()), rubyMs,
          timer.elapsed());
}

void Oracles::netHttpOracleRan()
{
    QVERIFY2(m_netHttpError.isEmpty(), qPrintable(m_netHttpError));
    QCOMPARE(int(m_netHttp.size()), int(m_scenarios.size()));
}

void Oracles::jsseOracleRan()
{
    QVERIFY2(m_jsseError.isEmpty(), qPrintable(m_jsseError));
    QCOMPARE(int(m_jsse.size()), int(m_scenarios.size()));
}

void Oracles::verdictRows()
{
    QTest::addColumn<Expected>("expected");
    const bool gitlab = QByteArray(QTest::currentTestFunction()).startsWith("gitlabCom");
    for (const Scenario& s : std::as_const(m_scenarios))
        QTest::newRow(qPrintable(s.name)) << (gitlab ? s.gitlabCom : s.jiraCloud);
}

void Oracles::checkVerdict(const QHash<QString, test::OracleVerdict>& verdicts, const QString& oracleError,
                           const Expected& expected)
{
    const QString name = QString::fromLatin1(QTest::currentDataTag());
    QVERIFY2(verdicts.contains(name),
             qPrintable(QStringLiteral("no verdict for %1: %2").arg(name, oracleError.left(2000))));
    const test::OracleVerdict v = verdicts.value(name);
    const QString said = QStringLiteral("%1: accepted=%2 status=%3 error=%4")
                             .arg(name, v.accepted ? QStringLiteral("true") : QStringLiteral("false"))
                             .arg(v.status)
                             .arg(v.error);
    QVERIFY2(
        v.accepted == expected.accepts,
        qPrintable(QStringLiteral("expected %1, the client said %2")
                       .arg(expected.accepts ? QStringLiteral("accept") : QStringLiteral("reject"), said)));
    if (expected.accepts) {
        // nginx's `return 200 "ok\n"` reached the client.
        QVERIFY2(v.status == 200 && v.error.isEmpty(), qPrintable(said));
        return;
    }
    const QRegularExpression pattern(expected.error);
    QVERIFY2(pattern.isValid(), qPrintable(pattern.errorString()));
    QVERIFY2(
        pattern.match(v.error).hasMatch(),
        qPrintable(
            QStringLiteral("rejected, but not for the expected reason /%1/: %2").arg(expected.error, said)));
}

void Oracles::gitlabCom_data()
{
    verdictRows();
}

void Oracles::gitlabCom()
{
    QFETCH(Expected, expected);
    checkVerdict(m_netHttp, m_netHttpError, expected);
}

void Oracles::jiraCloud_data()
{
    verdictRows();
}

void Oracles::jiraCloud()
{
    QFETCH(Expected, expected);
    checkVerdict(m_jsse, m_jsseError, expected);
}

// The product's verdict must not depend on the machine's OpenSSL policy (Debian: security level 2;
// upstream OpenSSL and many laptops: 1): the same scenarios with the CLI's process at level 1 and 3.
void Oracles::productAgreesWithOracles_data()
{
    QTest::addColumn<int>("securityLevel"); // 0: the machine's own configuration
    QTest::newRow("machine policy") << 0;
    QTest::newRow("security level 1") << 1;
    QTest::newRow("security level 3") << 3;
}

void Oracles::productAgreesWithOracles()
{
    QFETCH(int, securityLevel);
    QVERIFY2(QFileInfo(test::cliPath()).isExecutable(), GJD_CLI_PATH " is not built");
    QTemporaryDir confDir;
    QVERIFY(confDir.isValid());
    QString opensslConf;
    if (securityLevel > 0) {
        opensslConf = confDir.filePath(QStringLiteral("openssl.cnf"));
        QFile conf(opensslConf);
        QVERIFY(conf.open(QIODevice::WriteOnly));
        conf.write(QStringLiteral("openssl_conf = openssl_init\n[openssl_init]\nssl_conf = ssl_sect\n"
                                  "[ssl_sect]\nsystem_default = system_default_sect\n"
                                  "[system_default_sect]\nCipherString = DEFAULT:@SECLEVEL=%1\n")
                       .arg(securityLevel)
                       .toLatin1());
    }
    QList<std::pair<QString, quint16>> sites;
    for (const Scenario& s : std::as_const(m_scenarios))
        sites.append({s.name, m_nginx->port(s.name)});
    QElapsedTimer timer;
    timer.start();
    const QHash<QString, ProductConsumers> product = productConsumers(sites, opensslConf);
    qInfo("the CLI ran %d times in %lld ms", int(sites.size()), timer.elapsed());

    const auto word = [](bool accepted) {
        return accepted ? QStringLiteral("accept") : QStringLiteral("reject");
    };
    QStringList disagreements;
    bool anyConsumers = false;
    for (const Scenario& s : std::as_const(m_scenarios)) {
        const ProductConsumers p = product.value(s.name);
        anyConsumers = anyConsumers || p.reported;
        if (!p.problem.isEmpty()) {
            disagreements.append(
                QStringLiteral("%1: the product gave no verdict: %2").arg(s.name, p.problem));
            continue;
        }
        const struct
        {
            const char* consumer;
            QString productSays;
            const QHash<QString, test::OracleVerdict>& oracle;
            const char* oracleName;
        } sides[] = {{"gitlab_com", p.gitlabCom, m_netHttp, "Net::HTTP"},
                     {"jira_cloud", p.jiraCloud, m_jsse, "JSSE"}};
        for (const auto& side : sides) {
            if (!side.oracle.contains(s.name)) {
                disagreements.append(QStringLiteral("%1: %2 has no verdict to compare with")
                                         .arg(s.name, QLatin1String(side.oracleName)));
                continue;
            }
            const test::OracleVerdict v = side.oracle.value(s.name);
            if (side.productSays != word(v.accepted)) {
                disagreements.append(
                    QStringLiteral("%1: %2: the product says %3, %4 does %5%6")
                        .arg(s.name, QLatin1String(side.consumer), side.productSays,
                             QLatin1String(side.oracleName), word(v.accepted),
                             v.error.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(v.error)));
            }
        }
    }
    if (!disagreements.isEmpty()) {
        QString message =
            QStringLiteral("%1 disagreement(s) between evidence.consumers of the tls.* findings "
                           "and the real clients:\n  ")
                .arg(disagreements.size()) +
            disagreements.join(QStringLiteral("\n  "));
        if (!anyConsumers)
            message += QStringLiteral("\n(no tls.* finding of any report carries evidence.consumers)");
        QFAIL(qPrintable(message));
    }
}

} // namespace gjd

QTEST_GUILESS_MAIN(gjd::Oracles)
#include "tst_oracles.moc"
