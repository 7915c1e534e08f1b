// SPDX-License-Identifier: GPL-3.0-or-later
//
// The test harness itself (tests/support): the PKI of make-pki.sh served by a private nginx, as
// `openssl s_client` and QSslSocket see it, plus the silent StallServer. When a TLS scenario
// fails, this says whether the fixture or the product is at fault. It also pins what Debian's
// nginx 1.22 + OpenSSL 3.0 can serve: TLS 1.1 only, SHA-1 and RSA-1024 leaves need
// `ssl_ciphers DEFAULT:@SECLEVEL=0;` in the server block.

#include "nginxserver.h"

#include <QDebug>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTest>

#include <memory>

namespace gjd {

namespace {

QString pki(const QString& file)
{
    return qEnvironmentVariable("GJD_PKI_DIR") + QLatin1Char('/') + file;
}

const QString kWeak = QStringLiteral("ssl_ciphers DEFAULT:@SECLEVEL=0;");

} // namespace

class TestSupport final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void served_data();
    void served();
    void qtClientSeesServedChain();
    void plainHttp();
    void stallServerIsSilent();
    void weakCertificateNeedsSecurityLevelZero();
    void startFailureShowsErrorLog();
    void stopReleasesPorts();

private:
    struct SClient
    {
        bool ok = false;
        QString output;
    };
    SClient sClient(quint16 port, const QStringList& extra = {});

    std::unique_ptr<test::NginxServer> m_nginx;
    QString m_openssl;
};

void TestSupport::initTestCase()
{
    QVERIFY2(QFileInfo::exists(pki(QStringLiteral("trust.pem"))), "GJD_PKI_DIR is not set or holds no PKI");
    m_openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    QVERIFY2(!m_openssl.isEmpty(), "openssl is needed");
    auto site = [](const QString& name, const QString& bundle, const QString& extra = QString()) {
        return test::NginxSite::tls(name, pki(bundle + QStringLiteral(".pem")),
                                    pki(bundle + QStringLiteral(".key")), extra);
    };
    m_nginx = std::make_unique<test::NginxServer>(QList<test::NginxSite>{
        site(QStringLiteral("full"), QStringLiteral("full")),
        site(QStringLiteral("reversed"), QStringLiteral("reversed")),
        site(QStringLiteral("sha1"), QStringLiteral("sha1"), kWeak),
        site(QStringLiteral("rsa1024"), QStringLiteral("rsa1024"), kWeak),
        site(QStringLiteral("tls11"), QStringLiteral("full"),
             QStringLiteral("ssl_protocols TLSv1.1; ") + kWeak),
        test::NginxSite::plainHttp(QStringLiteral("plain")),
    });
    if (!m_nginx->start()) {
        qWarning().noquote() << m_nginx->errorString() << "\n--- nginx.conf ---\n" << m_nginx->configText();
        QFAIL("nginx did not start (its error log is above)");
    }
}

TestSupport::SClient TestSupport::sClient(quint16 port, const QStringList& extra)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    QStringList arguments{QStringLiteral("s_client"),
                          QStringLiteral("-connect"),
                          QStringLiteral("127.0.0.1:%1").arg(port),
                          QStringLiteral("-servername"),
                          QStringLiteral("gitlab.test"),
                          QStringLiteral("-CAfile"),
                          pki(QStringLiteral("trust.pem")),
                          QStringLiteral("-showcerts")};
    process.start(m_openssl, arguments + extra);
    process.closeWriteChannel(); // EOF on stdin: s_client closes after the handshake
    SClient result;
    result.ok = process.waitForFinished(10000);
    result.output = QString::fromUtf8(process.readAll());
    return result;
}

void TestSupport::served_data()
{
    QTest::addColumn<QString>("site");
    QTest::addColumn<QStringList>("clientOptions");
    QTest::addColumn<QString>("protocol");
    QTest::addColumn<QStringList>("servedSubjects"); // in the order sent
    QTest::addColumn<QString>("verifyResult");

    const QStringList leafInter{QStringLiteral("CN = gitlab.test"),
                                QStringLiteral("O = GJD Test, CN = GJD Test Intermediate CA")};
    QTest::newRow("full") << "full" << QStringList() << "TLSv1.3" << leafInter << "0 (ok)";
    QTest::newRow("reversed") << "reversed" << QStringList() << "TLSv1.3"
                              << QStringList{QStringLiteral("CN = gitlab.test"),
                                             QStringLiteral("O = GJD Test, CN = GJD Test Policy CA"),
                                             QStringLiteral("O = GJD Test, CN = GJD Test Issuing CA")}
                              << "0 (ok)";
    // A default (security level 2) client completes the handshake and flags the certificate.
    QTest::newRow("sha1") << "sha1" << QStringList() << "TLSv1.3" << leafInter
                          << "68 (CA signature digest algorithm too weak)";
    QTest::newRow("rsa1024") << "rsa1024" << QStringList() << "TLSv1.3" << leafInter
                             << "66 (EE certificate key too weak)";
    // TLS 1.1 only: a security level 0 client gets it. (A default client fails with "legacy sigalg
    // disallowed or unsupported": TLS 1.1 signs with SHA-1/MD5.)
    QTest::newRow("tls11") << "tls11"
                           << QStringList{QStringLiteral("-tls1_1"), QStringLiteral("-cipher"),
                                          QStringLiteral("DEFAULT:@SECLEVEL=0")}
                           << "TLSv1.1" << leafInter << "0 (ok)";
}

void TestSupport::served()
{
    QFETCH(QString, site);
    QFETCH(QStringList, clientOptions);
    QFETCH(QString, protocol);
    QFETCH(QStringList, servedSubjects);
    QFETCH(QString, verifyResult);

    const SClient client = sClient(m_nginx->port(site), clientOptions);
    QVERIFY2(client.ok, qPrintable(client.output));
    // "Protocol  : X" comes with the session block, which TLS 1.3 sends only after the handshake
    // (s_client may leave before); "New, X, Cipher is" names the cipher's version for TLS < 1.2.
    const QRegularExpression negotiated(QStringLiteral("^(\\s*Protocol\\s*: %1$|New, %1, Cipher is )")
                                            .arg(QRegularExpression::escape(protocol)),
                                        QRegularExpression::MultilineOption);
    QVERIFY2(negotiated.match(client.output).hasMatch(), qPrintable(client.output));
    QVERIFY2(client.output.contains(QStringLiteral("Verify return code: ") + verifyResult),
             qPrintable(client.output));

    // -showcerts lists the chain as served: " 0 s:CN = gitlab.test", " 1 s:…".
    QStringList subjects;
    const QStringList lines = client.output.split(QLatin1Char('\n'));
    static const QRegularExpression served(QStringLiteral("^ ?\\d+ s:(.*)$"));
    for (const QString& line : lines) {
        const auto match = served.match(line);
        if (match.hasMatch())
            subjects.append(match.captured(1).trimmed());
    }
    QCOMPARE(subjects, servedSubjects);
}

void TestSupport::qtClientSeesServedChain()
{
    QSslSocket socket;
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setCaCertificates(QSslCertificate::fromPath(pki(QStringLiteral("trust.pem"))));
    socket.setSslConfiguration(config);
    QSignalSpy encrypted(&socket, &QSslSocket::encrypted);
    QList<QSslError> errors;
    connect(&socket, &QSslSocket::sslErrors, this, [&](const QList<QSslError>& e) { errors = e; });
    socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_nginx->port(QStringLiteral("full")),
                                  QStringLiteral("gitlab.test"));
    QVERIFY2(encrypted.wait(5000), qPrintable(socket.errorString()));
    QVERIFY(errors.isEmpty());
    QCOMPARE(socket.peerCertificateChain(), QSslCertificate::fromPath(pki(QStringLiteral("full.pem"))));
    QCOMPARE(socket.sessionProtocol(), QSsl::TlsV1_3);
}

void TestSupport::plainHttp()
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_nginx->port(QStringLiteral("plain")));
    QVERIFY(socket.waitForConnected(5000));
    socket.write("GET / HTTP/1.0\r\nHost: gitlab.test\r\n\r\n");
    QByteArray response;
    while (socket.waitForReadyRead(5000))
        response += socket.readAll();
    response += socket.readAll();
    QVERIFY2(response.startsWith("HTTP/1.1 200 OK"), response.constData());
    QVERIFY2(response.endsWith("\r\n\r\nok\n"), response.constData());

    // A TLS ClientHello there gets an HTTP 400 in clear text back.
    const SClient client = sClient(m_nginx->port(QStringLiteral("plain")));
    QVERIFY2(client.ok, qPrintable(client.output));
    QVERIFY2(client.output.contains(QLatin1String("wrong version number")) ||
                 client.output.contains(QLatin1String("packet length too long")),
             qPrintable(client.output));
}

void TestSupport::stallServerIsSilent()
{
    test::StallServer stall;
    QVERIFY(stall.start());
    QTcpSocket socket;
    QSignalSpy connected(&socket, &QTcpSocket::connected);
    socket.connectToHost(QHostAddress::LocalHost, stall.serverPort());
    QVERIFY(connected.wait(5000));
    socket.write("\x16\x03\x01\x00\x05hello"); // looks like the start of a ClientHello
    QTRY_COMPARE(stall.acceptedCount(), 1);
    QSignalSpy readyRead(&socket, &QTcpSocket::readyRead);
    QVERIFY(!readyRead.wait(300));
    QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
}

void TestSupport::weakCertificateNeedsSecurityLevelZero()
{
    test::NginxServer nginx({test::NginxSite::tls(QStringLiteral("sha1"), pki(QStringLiteral("sha1.pem")),
                                                  pki(QStringLiteral("sha1.key")))});
    QVERIFY(!nginx.start());
    QVERIFY2(nginx.errorString().contains(QLatin1String("ca md too weak")), qPrintable(nginx.errorString()));
    QVERIFY(!nginx.isRunning());

    test::NginxServer nginx1024({test::NginxSite::tls(
        QStringLiteral("rsa1024"), pki(QStringLiteral("rsa1024.pem")), pki(QStringLiteral("rsa1024.key")))});
    QVERIFY(!nginx1024.start());
    QVERIFY2(nginx1024.errorString().contains(QLatin1String("ee key too small")),
             qPrintable(nginx1024.errorString()));
}

void TestSupport::startFailureShowsErrorLog()
{
    const QString missing = pki(QStringLiteral("no-such-bundle.pem"));
    test::NginxServer nginx({test::NginxSite::tls(QStringLiteral("broken"), missing, missing)});
    QVERIFY(!nginx.start());
    QVERIFY2(nginx.errorString().contains(missing), qPrintable(nginx.errorString()));
    QVERIFY(!nginx.isRunning());
}

void TestSupport::stopReleasesPorts()
{
    quint16 port = 0;
    {
        test::NginxServer nginx({test::NginxSite::plainHttp(QStringLiteral("p"))});
        QVERIFY2(nginx.start(), qPrintable(nginx.errorString()));
        port = nginx.port(QStringLiteral("p"));
        QVERIFY(port != 0);
        QVERIFY(nginx.configText().contains(QStringLiteral("listen 127.0.0.1:%1;").arg(port)));
        QVERIFY(nginx.configText().contains(QLatin1String("daemon off;")));
    }
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(!socket.waitForConnected(1000));
}

} // namespace gjd

QTEST_GUILESS_MAIN(gjd::TestSupport)
#include "tst_testsupport.moc"
