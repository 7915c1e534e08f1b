// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/systemcas.h"
#include "report.h"
#include "tls/chainanalysis.h"

#include <QDir>
#include <QFile>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QTest>

#include <openssl/evp.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <algorithm>

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

// The file name `openssl rehash` gives a certificate's link, without the ".<n>".
QString subjectHash(const QSslCertificate& c)
{
    const QByteArray der = c.toDer();
    const unsigned char* p = reinterpret_cast<const unsigned char*>(der.constData());
    X509* x = d2i_X509(nullptr, &p, der.size());
    if (!x)
        return QString();
    int ok = 0;
    const unsigned long hash = X509_NAME_hash_ex(X509_get_subject_name(x), nullptr, nullptr, &ok);
    X509_free(x);
    return ok ? QString::asprintf("%08lx", hash) : QString();
}

// Writes `store` as a hashed certificate directory: one PEM file per certificate, named
// <subject hash>.<n> as `openssl rehash` links them, plus what a real one holds besides (the
// bundle, a CRL link) and must not be read as certificates.
bool writeHashedDirectory(const QString& dir, const QList<QSslCertificate>& store)
{
    QHash<QString, int> next;
    auto write = [&dir](const QString& name, const QByteArray& bytes) {
        QFile f(dir + QLatin1Char('/') + name);
        return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
    };
    QByteArray bundle;
    for (const QSslCertificate& c : store) {
        const QString hash = subjectHash(c);
        if (hash.isEmpty() || !write(hash + QLatin1Char('.') + QString::number(next[hash]++), c.toPem()))
            return false;
        bundle += c.toPem();
    }
    return write(QStringLiteral("ca-certificates.crt"), bundle) &&
           write(QStringLiteral("0badc0de.r0"), QByteArrayLiteral("not a certificate"));
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
    void hashedLookupAnswersLikeTheWholeStore_data();
    void hashedLookupAnswersLikeTheWholeStore();
    void hashedLookupReadsOnlyTheLinksOfTheNamesAsked();
    void crypto_data();
    void crypto();
    void hostNames_data();
    void hostNames();
    void commonNameOnlyWithoutSan();
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

void TestChainAnalysis::hashedLookupAnswersLikeTheWholeStore_data()
{
    analyze_data();
}

void TestChainAnalysis::hashedLookupAnswersLikeTheWholeStore()
{
    // The run analyses a chain against the system store through its hashed directory
    // (CheckRunner::onProbeFinished): the certificates whose subject hash the analysis asks for
    // must give the same answer as the whole store, here a store of several roots and
    // intermediates, look-alikes included.
    QFETCH(QString, served);
    QFETCH(QString, extraCa);
    const QList<QSslCertificate> chain = load(served);
    const QList<QSslCertificate> extras = extraCa.isEmpty() ? QList<QSslCertificate>() : load(extraCa);
    QList<QSslCertificate> store = load(QStringLiteral("trust.pem"));
    for (const QString& file :
         {QStringLiteral("oldroot.pem"), QStringLiteral("root-cross.pem"), QStringLiteral("inter2.pem"),
          QStringLiteral("unrelated.pem"), QStringLiteral("sha1.pem"), QStringLiteral("rsa1024.pem")})
        store += load(file);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeHashedDirectory(dir.path(), store));

    const auto lookedUp =
        systemcas::lookUpBySubjectHash(ChainAnalysis::trustStoreLookups(chain), {dir.path()});
    QVERIFY(lookedUp.has_value());
    QVERIFY(lookedUp->size() < store.size());
    const ChainAnalysis whole = ChainAnalysis::analyze(chain, store, extras);
    const ChainAnalysis part = ChainAnalysis::analyze(chain, *lookedUp, extras);
    QCOMPARE(int(part.anchor), int(whole.anchor));
    QCOMPARE(part.anchorCertificate, whole.anchorCertificate);
    QCOMPARE(part.anchorServedIndex, whole.anchorServedIndex);
    QCOMPARE(part.path, whole.path);
    QCOMPARE(part.missingIssuer, whole.missingIssuer);
    QCOMPARE(part.missingIssuerInCaFile, whole.missingIssuerInCaFile);
    QCOMPARE(part.extra, whole.extra);
    QCOMPARE(part.orderCorrect, whole.orderCorrect);
    QCOMPARE(part.selfSignedLeaf, whole.selfSignedLeaf);
    QCOMPARE(part.pathTooLong, whole.pathTooLong);
}

void TestChainAnalysis::hashedLookupReadsOnlyTheLinksOfTheNamesAsked()
{
    const QList<QSslCertificate> roots = load(QStringLiteral("trust.pem"));
    QVERIFY(!roots.isEmpty());
    const QSslCertificate root = roots.constFirst();
    const QString hash = subjectHash(root);
    const QSslCertificate other = load(QStringLiteral("root2.pem")).constFirst();

    // Without any <hash>.<digit> link the directory cannot answer by name: only the whole store can.
    QTemporaryDir plain;
    QVERIFY(plain.isValid());
    QFile bundle(plain.filePath(QStringLiteral("ca-certificates.crt")));
    QVERIFY(bundle.open(QIODevice::WriteOnly));
    bundle.write(root.toPem());
    bundle.close();
    QVERIFY(!systemcas::lookUpBySubjectHash({hash}, {plain.path()}).has_value());

    // <hash>.0 and .1 are read, up to the first number missing, as OpenSSL's lookup does.
    QTemporaryDir hashed;
    QVERIFY(hashed.isValid());
    const auto write = [&hashed](const QString& name, const QByteArray& bytes) {
        QFile f(hashed.filePath(name));
        return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
    };
    QVERIFY(write(hash + QStringLiteral(".0"), root.toPem()));
    QVERIFY(
        write(hash + QStringLiteral(".1"), other.toPem())); // a hash collision, as far as the lookup knows
    QVERIFY(write(hash + QStringLiteral(".3"), other.toPem())); // after a gap: not part of the lookup
    QVERIFY(write(subjectHash(other) + QStringLiteral(".0"), other.toPem()));
    const auto found = systemcas::lookUpBySubjectHash({hash}, {hashed.path(), plain.path()});
    QVERIFY(found.has_value());
    QCOMPARE(*found, (QList<QSslCertificate>{root, other}));
    QCOMPARE(systemcas::lookUpBySubjectHash({}, {hashed.path()}), std::optional(QList<QSslCertificate>()));
    // The same directory named twice (/usr/lib/ssl/certs links to /etc/ssl/certs) is read once.
    QCOMPARE(systemcas::lookUpBySubjectHash({hash}, {hashed.path(), hashed.path() + QStringLiteral("/")}),
             found);
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

namespace {

// A self-signed certificate (P-256) with these SAN entries ("DNS:…" or "IP:…") and Common Name,
// made with OpenSSL in memory: the host-name table needs names no test PKI file carries.
QSslCertificate certificateNamed(const QStringList& sans, const QString& commonName = QString())
{
    EVP_PKEY* key = EVP_EC_gen("P-256");
    X509* x = X509_new();
    X509_set_version(x, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(x), 1);
    X509_gmtime_adj(X509_getm_notBefore(x), 0);
    X509_gmtime_adj(X509_getm_notAfter(x), 3600);
    X509_set_pubkey(x, key);
    X509_NAME* name = X509_get_subject_name(x);
    const QByteArray cn = commonName.isEmpty() ? QByteArrayLiteral("GJD name test") : commonName.toUtf8();
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char*>(cn.constData()), -1, -1, 0);
    X509_set_issuer_name(x, name);
    if (!sans.isEmpty()) {
        const QByteArray value = sans.join(QLatin1Char(',')).toUtf8();
        X509V3_CTX ctx;
        X509V3_set_ctx_nodb(&ctx);
        X509V3_set_ctx(&ctx, x, x, nullptr, nullptr, 0);
        X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, NID_subject_alt_name, value.constData());
        if (ext) {
            X509_add_ext(x, ext, -1);
            X509_EXTENSION_free(ext);
        }
    }
    X509_sign(x, key, EVP_sha256());
    unsigned char* der = nullptr;
    const int length = i2d_X509(x, &der);
    const QSslCertificate certificate(QByteArray(reinterpret_cast<const char*>(der), std::max(length, 0)),
                                      QSsl::Der);
    OPENSSL_free(der);
    X509_free(x);
    EVP_PKEY_free(key);
    return certificate;
}

} // namespace

void TestChainAnalysis::hostNames_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QStringList>("sans");
    QTest::addColumn<bool>("match");

    const auto dns = [](const char* name) {
        return QStringList{QStringLiteral("DNS:") + QLatin1String(name)};
    };
    QTest::newRow("exact") << "gitlab.example.com" << dns("gitlab.example.com") << true;
    QTest::newRow("case-insensitive") << "gitlab.example.com" << dns("GitLab.Example.com") << true;
    QTest::newRow("other host") << "gitlab.example.com" << dns("www.example.com") << false;
    QTest::newRow("wildcard one label") << "gitlab.example.com" << dns("*.example.com") << true;
    QTest::newRow("wildcard not two labels") << "a.gitlab.example.com" << dns("*.example.com") << false;
    QTest::newRow("wildcard not the apex") << "example.com" << dns("*.example.com") << false;
    QTest::newRow("wildcard over a TLD") << "example.com" << dns("*.com") << false;
    QTest::newRow("partial wildcard") << "gitlab.example.com" << dns("git*.example.com") << false;
    QTest::newRow("wildcard not left-most") << "gitlab.example.com" << dns("gitlab.*.com") << false;
    // As openssl x509 -checkhost: a whole-label wildcard covers an A-label host.
    QTest::newRow("wildcard covers an A-label")
        << "xn--bcher-kva.example.com" << dns("*.example.com") << true;
    QTest::newRow("wildcard inside an A-label pattern")
        << "xn--bcher-kva.example.com" << dns("xn--*.example.com") << false;
    QTest::newRow("second of several")
        << "gitlab.example.com"
        << QStringList{QStringLiteral("DNS:www.example.com"), QStringLiteral("DNS:gitlab.example.com")}
        << true;
    // An address matches only an iPAddress entry: not a DNS entry spelling it, never a wildcard.
    QTest::newRow("IPv4 by IP SAN") << "192.0.2.7" << QStringList{QStringLiteral("IP:192.0.2.7")} << true;
    QTest::newRow("IPv4, another address")
        << "192.0.2.7" << QStringList{QStringLiteral("IP:192.0.2.8")} << false;
    QTest::newRow("IPv4 as a DNS name") << "192.0.2.7" << dns("192.0.2.7") << false;
    QTest::newRow("IPv4 and a wildcard") << "192.0.2.7" << dns("*.0.2.7") << false;
    QTest::newRow("IPv6 by IP SAN") << "2001:db8::1" << QStringList{QStringLiteral("IP:2001:db8:0:0:0:0:0:1")}
                                    << true;
    QTest::newRow("a name is not its address")
        << "gitlab.example.com" << QStringList{QStringLiteral("IP:192.0.2.7")} << false;
}

void TestChainAnalysis::hostNames()
{
    QFETCH(QString, host);
    QFETCH(QStringList, sans);
    QFETCH(bool, match);
    const QSslCertificate certificate = certificateNamed(sans);
    QVERIFY(!certificate.isNull());
    bool byCommonName = true;
    QCOMPARE(hostMatchesCertificate(host, certificate, &byCommonName), match);
    QVERIFY(!byCommonName);
}

// The Common Name counts only without any DNS SAN, and such a match is reported as one.
void TestChainAnalysis::commonNameOnlyWithoutSan()
{
    bool byCommonName = false;
    QVERIFY(hostMatchesCertificate(QStringLiteral("gitlab.example.com"),
                                   certificateNamed({}, QStringLiteral("gitlab.example.com")),
                                   &byCommonName));
    QVERIFY(byCommonName);
    byCommonName = false;
    QVERIFY(!hostMatchesCertificate(
        QStringLiteral("gitlab.example.com"),
        certificateNamed({QStringLiteral("DNS:www.example.com")}, QStringLiteral("gitlab.example.com")),
        &byCommonName));
    QVERIFY(!byCommonName);
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
