// SPDX-License-Identifier: GPL-3.0-or-later
#include "report.h"
#include "tls/chainanalysis.h"

#include <QFile>
#include <QTest>

using namespace gjd;

namespace {

QList<QSslCertificate> load(const QString& name)
{
    const QString dir = qEnvironmentVariable("GJD_PKI_DIR");
    QFile f(dir + QLatin1Char('/') + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot open %s (GJD_PKI_DIR=%s)", qPrintable(f.fileName()), qPrintable(dir));
    return QSslCertificate::fromData(f.readAll(), QSsl::Pem);
}

QString cn(const QSslCertificate& c)
{
    return c.subjectInfo(QSslCertificate::CommonName).value(0);
}

} // namespace

class TestChainAnalysis final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void analyze_data();
    void analyze();
    void servedRootIsRecognisedAsTheTrustedAnchor();
    void crypto_data();
    void crypto();
    void hostPatterns_data();
    void hostPatterns();
    void hostMatchesSanNotCn();
    void expiryThreshold_data();
    void expiryThreshold();
};

void TestChainAnalysis::initTestCase()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("GJD_PKI_DIR"),
             "run through ctest: the pki fixture sets GJD_PKI_DIR");
}

void TestChainAnalysis::analyze_data()
{
    QTest::addColumn<QString>("served");
    QTest::addColumn<QString>("extraCa");   // file or empty
    QTest::addColumn<int>("anchor");        // ChainAnalysis::Anchor
    QTest::addColumn<QStringList>("path");  // CNs of served path certificates, leaf first
    QTest::addColumn<QString>("missing");   // substring of the missing issuer
    QTest::addColumn<QStringList>("extra"); // CNs
    QTest::addColumn<bool>("ordered");
    QTest::addColumn<bool>("selfSigned");
    QTest::addColumn<bool>("rootServed");

    using A = ChainAnalysis::Anchor;
    QTest::newRow("full") << "full.pem"
                          << "" << int(A::TrustStore)
                          << QStringList{"gitlab.test", "GJD Test Intermediate CA"} << "" << QStringList{}
                          << true << false << false;
    QTest::newRow("leaf only") << "leaf-only.pem"
                               << "" << int(A::None) << QStringList{"gitlab.test"}
                               << "CN=GJD Test Intermediate CA" << QStringList{} << true << false << false;
    QTest::newRow("reversed") << "reversed.pem"
                              << "" << int(A::TrustStore)
                              << QStringList{"gitlab.test", "GJD Test Issuing CA", "GJD Test Policy CA"} << ""
                              << QStringList{} << false << false << false;
    QTest::newRow("extra") << "extra.pem"
                           << "" << int(A::TrustStore)
                           << QStringList{"gitlab.test", "GJD Test Intermediate CA"} << ""
                           << QStringList{"GJD Unrelated"} << true << false << false;
    QTest::newRow("with root") << "with-root.pem"
                               << "" << int(A::TrustStore)
                               << QStringList{"gitlab.test", "GJD Test Intermediate CA"} << ""
                               << QStringList{} << true << false << true;
    QTest::newRow("self-signed") << "selfsigned.pem"
                                 << "" << int(A::UntrustedRoot) << QStringList{"gitlab.test"} << ""
                                 << QStringList{} << true << true << false;
    QTest::newRow("unknown root sent")
        << "unknown-root.pem"
        << "" << int(A::UntrustedRoot) << QStringList{"gitlab.test", "GJD Unknown Intermediate"} << ""
        << QStringList{} << true << false << true;
    QTest::newRow("private CA, not given")
        << "private-ca.pem"
        << "" << int(A::None) << QStringList{"gitlab.test", "GJD Unknown Intermediate"}
        << "CN=GJD Unknown Root CA" << QStringList{} << true << false << false;
    QTest::newRow("private CA via --ca-file")
        << "private-ca.pem"
        << "root2.pem" << int(A::ExtraCa) << QStringList{"gitlab.test", "GJD Unknown Intermediate"} << ""
        << QStringList{} << true << false << false;
    QTest::newRow("expired cross-signed root copy is an extra")
        << "cross-expired.pem"
        << "" << int(A::TrustStore) << QStringList{"gitlab.test", "GJD Test Intermediate CA"} << ""
        << QStringList{"GJD Test Root CA"} << true << false << false;
    QTest::newRow("re-dated root copy is the root sent")
        << "redated-root.pem"
        << "" << int(A::TrustStore) << QStringList{"gitlab.test", "GJD Test Intermediate CA"} << ""
        << QStringList{} << true << false << true;
    QTest::newRow("duplicate intermediate")
        << "duplicate.pem"
        << "" << int(A::TrustStore) << QStringList{"gitlab.test", "GJD Test Intermediate CA"} << ""
        << QStringList{"GJD Test Intermediate CA"} << true << false << false;
    QTest::newRow("--ca-file intermediate does not complete the chain")
        << "leaf-only.pem"
        << "inter.pem" << int(A::None) << QStringList{"gitlab.test"} << "CN=GJD Test Intermediate CA"
        << QStringList{} << true << false << false;
    QTest::newRow("expired intermediate still links")
        << "expired-inter.pem"
        << "" << int(A::TrustStore) << QStringList{"gitlab.test", "GJD Test Expired Intermediate"} << ""
        << QStringList{} << true << false << false;
}

void TestChainAnalysis::analyze()
{
    QFETCH(QString, served);
    QFETCH(QString, extraCa);
    QFETCH(int, anchor);
    QFETCH(QStringList, path);
    QFETCH(QString, missing);
    QFETCH(QStringList, extra);
    QFETCH(bool, ordered);
    QFETCH(bool, selfSigned);
    QFETCH(bool, rootServed);

    const QList<QSslCertificate> chain = load(served);
    QVERIFY(!chain.isEmpty());
    const ChainAnalysis a =
        ChainAnalysis::analyze(chain, load(QStringLiteral("trust.pem")),
                               extraCa.isEmpty() ? QList<QSslCertificate>() : load(extraCa));
    QCOMPARE(int(a.anchor), anchor);
    QStringList pathNames;
    for (int i : a.path)
        pathNames.append(cn(a.served.at(i)));
    QCOMPARE(pathNames, path);
    if (missing.isEmpty())
        QVERIFY2(a.missingIssuer.isEmpty(), qPrintable(a.missingIssuer));
    else
        QVERIFY2(a.missingIssuer.contains(missing), qPrintable(a.missingIssuer));
    QStringList extraNames;
    for (int i : a.extra)
        extraNames.append(cn(a.served.at(i)));
    QCOMPARE(extraNames, extra);
    QCOMPARE(a.orderCorrect, ordered);
    QCOMPARE(a.selfSignedLeaf, selfSigned);
    QCOMPARE(a.rootServed(), rootServed);
    QCOMPARE(a.isComplete(), anchor != int(ChainAnalysis::Anchor::None));
    QCOMPARE(a.missingIssuerInCaFile, !extraCa.isEmpty() && anchor == int(ChainAnalysis::Anchor::None));
}

void TestChainAnalysis::servedRootIsRecognisedAsTheTrustedAnchor()
{
    // with-root.pem sends root.pem itself: the path must end at the trust store's root, and the
    // served copy must not be reported as an unrelated extra.
    const ChainAnalysis a =
        ChainAnalysis::analyze(load(QStringLiteral("with-root.pem")), load(QStringLiteral("trust.pem")), {});
    QCOMPARE(a.anchor, ChainAnalysis::Anchor::TrustStore);
    QCOMPARE(a.anchorServedIndex, 2);
    QVERIFY(a.extra.isEmpty());
    QCOMPARE(a.pathCertificates().size(), 3);
    QCOMPARE(cn(a.pathCertificates().constLast()), QStringLiteral("GJD Test Root CA"));
}

void TestChainAnalysis::crypto_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("weakSignature");
    QTest::addColumn<bool>("weakKey");
    QTest::addColumn<QString>("keyAlgorithm");
    QTest::addColumn<int>("bits");

    QTest::newRow("EC P-256, SHA-256") << "leaf.pem" << false << false << "EC" << 256;
    QTest::newRow("SHA-1 signature") << "sha1-leaf.pem" << true << false << "RSA" << 2048;
    QTest::newRow("RSA 1024") << "rsa1024-leaf.pem" << false << true << "RSA" << 1024;
}

void TestChainAnalysis::crypto()
{
    QFETCH(QString, file);
    QFETCH(bool, weakSignature);
    QFETCH(bool, weakKey);
    QFETCH(QString, keyAlgorithm);
    QFETCH(int, bits);
    const CertificateCrypto info = inspectCertificate(load(file).constFirst());
    QCOMPARE(info.weakSignature, weakSignature);
    QCOMPARE(info.weakKey, weakKey);
    QCOMPARE(info.keyAlgorithm, keyAlgorithm);
    QCOMPARE(info.keyBits, bits);
    QVERIFY(!info.signatureAlgorithm.isEmpty());
    QVERIFY(!info.selfSigned);
    QVERIFY(inspectCertificate(load(QStringLiteral("root.pem")).constFirst()).selfSigned);
}

void TestChainAnalysis::hostPatterns_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<bool>("match");

    QTest::newRow("exact") << "gitlab.example.com"
                           << "gitlab.example.com" << true;
    QTest::newRow("case-insensitive") << "gitlab.example.com"
                                      << "GitLab.Example.com" << true;
    QTest::newRow("trailing dot") << "gitlab.example.com."
                                  << "gitlab.example.com" << true;
    QTest::newRow("other host") << "gitlab.example.com"
                                << "www.example.com" << false;
    QTest::newRow("wildcard one label") << "gitlab.example.com"
                                        << "*.example.com" << true;
    QTest::newRow("wildcard not two labels") << "a.gitlab.example.com"
                                             << "*.example.com" << false;
    QTest::newRow("wildcard not the apex") << "example.com"
                                           << "*.example.com" << false;
    QTest::newRow("wildcard over a TLD") << "example.com"
                                         << "*.com" << false;
    QTest::newRow("partial wildcard") << "gitlab.example.com"
                                      << "git*.example.com" << false;
    QTest::newRow("wildcard not left-most") << "gitlab.example.com"
                                            << "gitlab.*.com" << false;
    // As openssl x509 -checkhost: a whole-label wildcard covers an A-label host.
    QTest::newRow("wildcard covers an A-label") << "xn--bcher-kva.example.com"
                                                << "*.example.com" << true;
    QTest::newRow("wildcard inside an A-label pattern") << "xn--bcher-kva.example.com"
                                                        << "xn--*.example.com" << false;
    QTest::newRow("empty pattern") << "gitlab.example.com"
                                   << "" << false;
}

void TestChainAnalysis::hostPatterns()
{
    QFETCH(QString, host);
    QFETCH(QString, pattern);
    QFETCH(bool, match);
    QCOMPARE(hostMatchesPattern(host, pattern), match);
}

void TestChainAnalysis::hostMatchesSanNotCn()
{
    const QSslCertificate leaf = load(QStringLiteral("leaf.pem")).constFirst();
    bool byCn = true;
    QVERIFY(hostMatchesCertificate(QStringLiteral("gitlab.test"), leaf, &byCn));
    QVERIFY(!byCn);
    QVERIFY(!hostMatchesCertificate(QStringLiteral("other.test"), leaf));
    const QSslCertificate wrong = load(QStringLiteral("leaf-wronghost.pem")).constFirst();
    QVERIFY(!hostMatchesCertificate(QStringLiteral("gitlab.test"), wrong));
    QVERIFY(hostMatchesCertificate(QStringLiteral("other.test"), wrong));
}

void TestChainAnalysis::expiryThreshold_data()
{
    QTest::addColumn<int>("lifetimeDays");
    QTest::addColumn<qint64>("thresholdSeconds");
    const qint64 day = 86400;
    QTest::newRow("one year: 30 days") << 365 << 30 * day;
    QTest::newRow("Let's Encrypt 90 days: 30 days") << 90 << 30 * day;
    QTest::newRow("60 days: a third") << 60 << 20 * day;
    QTest::newRow("short-lived 6 days: 2 days") << 6 << 2 * day;
    QTest::newRow("zero lifetime") << 0 << qint64(0);
}

void TestChainAnalysis::expiryThreshold()
{
    QFETCH(int, lifetimeDays);
    QFETCH(qint64, thresholdSeconds);
    const QDateTime from(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
    QCOMPARE(expiryWarningSeconds(from, from.addDays(lifetimeDays)), thresholdSeconds);
}

QTEST_GUILESS_MAIN(TestChainAnalysis)
#include "tst_chainanalysis.moc"
