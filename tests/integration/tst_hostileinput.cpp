// SPDX-License-Identifier: GPL-3.0-or-later
// Careless and hostile input to the real CLI, one test per class of defect that once got through
// (issue 12): output paths that are devices, FIFOs or links, input files that are devices or
// FIFOs, numbers that are not numbers. Each asserts the one clear message, the exit code, that the
// run ends, and that nothing outside the test's own temporary folder changed. Device nodes are made
// only inside that folder (mknod, as root); the real /dev is never written.

#include "clitest.h"
#include "nginxserver.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

using namespace gjd::test;

namespace {

// A quick run that needs no server: only input.url, which parses the URL.
QStringList quickCheck(const QStringList& more)
{
    return QStringList{QStringLiteral("check"), QStringLiteral("https://gitlab.test"),
                       QStringLiteral("--only"), QStringLiteral("input.url")} +
           more;
}

// What a folder holds, with each entry's type, mode, device number and size: compared before and
// after a run, so that a replaced node, a new file or a leftover temporary file shows.
QStringList snapshot(const QString& folder)
{
    QStringList out;
    QDir dir(folder);
    for (const QString& name :
         dir.entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot)) {
        struct stat st;
        const QByteArray path = QFile::encodeName(dir.filePath(name));
        if (::lstat(path.constData(), &st) != 0)
            continue;
        out.append(QStringLiteral("%1 mode=%2 rdev=%3 ino=%4")
                       .arg(name)
                       .arg(st.st_mode, 0, 8)
                       .arg(qulonglong(st.st_rdev))
                       .arg(qulonglong(st.st_ino)));
    }
    return out;
}

// A chain of `intermediates` CA certificates under one P-256 key, leaf first, made in-process
// (openssl(1) would take seconds per hundred): leaf (gitlab.test) ← I1 ← I2 ← … ← In ← root. The
// dates come from the pinned clock: valid from a day before GJD_NOW for ten years.
struct LongChain
{
    QByteArray servedPem; // leaf and the intermediates
    QByteArray rootPem;
    QByteArray keyPem;
};

LongChain makeLongChain(int intermediates)
{
    LongChain out;
    EVP_PKEY* key = EVP_EC_gen("P-256");
    const auto name = [](const QByteArray& cn) {
        X509_NAME* n = X509_NAME_new();
        X509_NAME_add_entry_by_txt(n, "CN", MBSTRING_ASC,
                                   reinterpret_cast<const unsigned char*>(cn.constData()), -1, -1, 0);
        return n;
    };
    time_t now = QDateTime::fromString(qEnvironmentVariable("GJD_NOW"), Qt::ISODate).toSecsSinceEpoch();
    const auto make = [&](const QByteArray& subject, const QByteArray& issuer, long serial, bool ca) {
        X509* x = X509_new();
        X509_set_version(x, 2);
        ASN1_INTEGER_set(X509_get_serialNumber(x), serial);
        X509_NAME* s = name(subject);
        X509_NAME* i = name(issuer);
        X509_set_subject_name(x, s);
        X509_set_issuer_name(x, i);
        X509_NAME_free(s);
        X509_NAME_free(i);
        X509_time_adj_ex(X509_getm_notBefore(x), -1, 0, &now);
        X509_time_adj_ex(X509_getm_notAfter(x), 3650, 0, &now);
        X509_set_pubkey(x, key);
        X509V3_CTX ctx;
        X509V3_set_ctx_nodb(&ctx);
        X509V3_set_ctx(&ctx, x, x, nullptr, nullptr, 0);
        const char* const extensions[][2] = {
            {"basicConstraints", ca ? "critical,CA:true" : "critical,CA:false"},
            {"keyUsage", ca ? "critical,keyCertSign,cRLSign" : "critical,digitalSignature"},
            {"subjectAltName", ca ? nullptr : "DNS:gitlab.test"}};
        for (const auto& e : extensions) {
            if (!e[1])
                continue;
            X509_EXTENSION* ext = X509V3_EXT_conf(nullptr, &ctx, e[0], e[1]);
            X509_add_ext(x, ext, -1);
            X509_EXTENSION_free(ext);
        }
        X509_sign(x, key, EVP_sha256());
        BIO* bio = BIO_new(BIO_s_mem());
        PEM_write_bio_X509(bio, x);
        char* data = nullptr;
        const long length = BIO_get_mem_data(bio, &data);
        const QByteArray pem(data, int(length));
        BIO_free(bio);
        X509_free(x);
        return pem;
    };
    out.rootPem = make("Long Root", "Long Root", 1, true);
    QList<QByteArray> cas;
    for (int i = 1; i <= intermediates; ++i)
        cas.append(make("I" + QByteArray::number(i),
                        i == intermediates ? QByteArray("Long Root") : "I" + QByteArray::number(i + 1), 1 + i,
                        true));
    out.servedPem = make("gitlab.test", "I1", 100000, false);
    for (const QByteArray& pem : std::as_const(cas))
        out.servedPem += pem;
    BIO* bio = BIO_new(BIO_s_mem());
    PEM_write_bio_PrivateKey(bio, key, nullptr, nullptr, 0, nullptr, nullptr);
    char* data = nullptr;
    const long length = BIO_get_mem_data(bio, &data);
    out.keyPem = QByteArray(data, int(length));
    BIO_free(bio);
    EVP_PKEY_free(key);
    return out;
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

bool makeNode(const QString& path, mode_t type, int major, int minor)
{
    return ::mknod(QFile::encodeName(path).constData(), type | 0666, makedev(major, minor)) == 0;
}

} // namespace

class TestHostileInput final : public QObject
{
    Q_OBJECT

private slots:
    void devicesStayDevices();
    void fullDeviceIsAnError();
    void fifoIsWrittenToItsReader();
    void fifoWithoutReaderIsAnErrorNotAHang();
    void stdoutAsOutput();
    void blockDeviceIsRefused();
    void symlinkIsFollowedAndKept();
    void foreignSymlinkInStickyFolderIsRefused();
    void danglingSymlinkIsRefused();
    void nonFiniteNumbersAreRefused_data();
    void nonFiniteNumbersAreRefused();
    void pemInputMustBeARegularFile();
    void giantChainEndsWithinTheBound();
};

void TestHostileInput::devicesStayDevices()
{
    // Run as root, `--output /dev/null` once replaced the device node with a regular file.
    if (::geteuid() != 0)
        QSKIP("mknod needs root");
    QTemporaryDir dir;
    const QString null = dir.filePath(QStringLiteral("null"));
    QVERIFY(makeNode(null, S_IFCHR, 1, 3));
    const QStringList before = snapshot(dir.path());
    for (const QStringList& args :
         {quickCheck({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--output"), null}),
          quickCheck({QStringLiteral("--export"), null})}) {
        const CliRun run = runCli(args);
        QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
        QCOMPARE(snapshot(dir.path()), before);
    }
}

void TestHostileInput::fullDeviceIsAnError()
{
    if (::geteuid() != 0)
        QSKIP("mknod needs root");
    QTemporaryDir dir;
    const QString full = dir.filePath(QStringLiteral("full"));
    QVERIFY(makeNode(full, S_IFCHR, 1, 7));
    const QStringList before = snapshot(dir.path());
    const CliRun run = runCli(quickCheck({QStringLiteral("--output"), full}));
    QVERIFY2(run.finished && run.exitCode == 2, qPrintable(run.describe()));
    QVERIFY2(run.err.contains("No space left on device"), qPrintable(run.describe()));
    QCOMPARE(run.err.count('\n'), 1);
    QCOMPARE(snapshot(dir.path()), before);
}

void TestHostileInput::fifoIsWrittenToItsReader()
{
    QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("fifo"));
    QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    const QStringList before = snapshot(dir.path());
    QProcess reader;
    reader.start(QStringLiteral("cat"), {fifo});
    QVERIFY(reader.waitForStarted());
    QTest::qWait(200); // cat opens the FIFO
    const CliRun run = runCli(
        quickCheck({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--output"), fifo}));
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
    QVERIFY(reader.state() == QProcess::NotRunning || reader.waitForFinished(10000));
    const QJsonDocument doc = QJsonDocument::fromJson(reader.readAllStandardOutput());
    QVERIFY(doc.isObject());
    QCOMPARE(doc.object().value(QStringLiteral("target")).toObject().value(QStringLiteral("url")).toString(),
             QStringLiteral("https://gitlab.test"));
    QCOMPARE(snapshot(dir.path()), before);
}

void TestHostileInput::fifoWithoutReaderIsAnErrorNotAHang()
{
    QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("fifo"));
    QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    const QStringList before = snapshot(dir.path());
    const CliRun run = runCli(quickCheck({QStringLiteral("--output"), fifo}), std::nullopt, 20000);
    QVERIFY2(run.finished && run.exitCode == 2, qPrintable(run.describe()));
    QVERIFY2(run.err.contains("no program is reading from it"), qPrintable(run.describe()));
    QCOMPARE(snapshot(dir.path()), before);
}

void TestHostileInput::stdoutAsOutput()
{
    // As an ordinary user this once failed with "the folder does not exist or is not writable".
    const CliRun run = runCli(quickCheck({QStringLiteral("--format"), QStringLiteral("json"),
                                          QStringLiteral("--output"), QStringLiteral("/dev/stdout")}));
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
    QVERIFY2(run.out.contains("\"url\": \"https://gitlab.test\""), run.out.left(400).constData());
}

void TestHostileInput::blockDeviceIsRefused()
{
    if (::geteuid() != 0)
        QSKIP("mknod needs root");
    QTemporaryDir dir;
    const QString block = dir.filePath(QStringLiteral("loop"));
    QVERIFY(makeNode(block, S_IFBLK, 7, 200)); // a loop device number nothing uses; never opened
    const QStringList before = snapshot(dir.path());
    const CliRun run = runCli(quickCheck({QStringLiteral("--output"), block}));
    QVERIFY2(run.finished && run.exitCode == 2, qPrintable(run.describe()));
    QVERIFY2(run.err.contains("block device"), qPrintable(run.describe()));
    QVERIFY(run.out.isEmpty()); // refused before the run
    QCOMPARE(snapshot(dir.path()), before);
}

void TestHostileInput::symlinkIsFollowedAndKept()
{
    // Decision (docs/design.md): a link is followed as a shell redirect would; the file it names
    // is replaced (atomically) and the link stays a link.
    QTemporaryDir dir;
    const QString real = dir.filePath(QStringLiteral("real.json"));
    const QString link = dir.filePath(QStringLiteral("link.json"));
    QFile file(real);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("old");
    file.close();
    QVERIFY(QFile::link(real, link));
    const CliRun run = runCli(
        quickCheck({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--output"), link}));
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
    QVERIFY(QFileInfo(link).isSymLink());
    QFile again(real);
    QVERIFY(again.open(QIODevice::ReadOnly));
    QVERIFY(QJsonDocument::fromJson(again.readAll()).isObject());
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::System | QDir::Hidden).size(), 2);
}

void TestHostileInput::foreignSymlinkInStickyFolderIsRefused()
{
    if (::geteuid() != 0)
        QSKIP("chown to another user needs root");
    QTemporaryDir dir;
    const QString sticky = dir.filePath(QStringLiteral("tmp"));
    QVERIFY(QDir().mkdir(sticky));
    QVERIFY(::chmod(QFile::encodeName(sticky).constData(), 01777) == 0);
    const QString victim = dir.filePath(QStringLiteral("victim"));
    QFile file(victim);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("precious");
    file.close();
    const QString link = sticky + QStringLiteral("/report.json");
    QVERIFY(QFile::link(victim, link));
    QVERIFY(::lchown(QFile::encodeName(link).constData(), 65534, 65534) == 0); // nobody planted it
    const QStringList before = snapshot(dir.path()) + snapshot(sticky);
    const CliRun run = runCli(quickCheck({QStringLiteral("--output"), link}));
    QVERIFY2(run.finished && run.exitCode == 2, qPrintable(run.describe()));
    QVERIFY2(run.err.contains("belongs to another user"), qPrintable(run.describe()));
    QCOMPARE(snapshot(dir.path()) + snapshot(sticky), before);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("precious"));
}

void TestHostileInput::danglingSymlinkIsRefused()
{
    QTemporaryDir dir;
    const QString link = dir.filePath(QStringLiteral("report.json"));
    QVERIFY(QFile::link(dir.filePath(QStringLiteral("nowhere/else")), link));
    const QStringList before = snapshot(dir.path());
    const CliRun run = runCli(quickCheck({QStringLiteral("--output"), link}));
    QVERIFY2(run.finished && run.exitCode == 2, qPrintable(run.describe()));
    QVERIFY2(run.err.contains("does not exist"), qPrintable(run.describe()));
    QCOMPARE(snapshot(dir.path()), before);
}

void TestHostileInput::nonFiniteNumbersAreRefused_data()
{
    QTest::addColumn<QString>("value");
    for (const char* v : {"nan", "NaN", "inf", "-inf", "infinity", "1e999", "0x10", ""})
        QTest::newRow(v) << QString::fromLatin1(v);
}

void TestHostileInput::nonFiniteNumbersAreRefused()
{
    // `--timeout nan` once passed the range check and switched every timer off.
    QFETCH(QString, value);
    const CliRun run = runCli(quickCheck({QStringLiteral("--timeout"), value}));
    QVERIFY2(run.finished && run.exitCode == 2, qPrintable(run.describe()));
    QVERIFY2(run.err.contains("--timeout must be a number of seconds"), qPrintable(run.describe()));
    QVERIFY(run.out.isEmpty());
}

void TestHostileInput::pemInputMustBeARegularFile()
{
    // /dev/zero once filled 20 GB of memory; a FIFO without a writer hung the run forever.
    QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("fifo"));
    QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    QStringList paths{fifo, dir.path()};
    if (::geteuid() == 0) {
        const QString zero = dir.filePath(QStringLiteral("zero"));
        QVERIFY(makeNode(zero, S_IFCHR, 1, 5));
        paths.append(zero);
    }
    // A sparse file of 17 MiB: larger than the cap, and not read to find out.
    const QString big = dir.filePath(QStringLiteral("big.pem"));
    QFile file(big);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.resize(17 * 1024 * 1024));
    file.close();
    paths.append(big);
    for (const QString& option : {QStringLiteral("--ca-file"), QStringLiteral("--trust-store")}) {
        for (const QString& path : std::as_const(paths)) {
            const CliRun run = runCli(quickCheck({option, path}), std::nullopt, 20000);
            QVERIFY2(run.finished && run.exitCode == 2, qPrintable(run.describe()));
            QVERIFY2(run.err.startsWith(QByteArray("gitlab-jira-doctor-cli: " + option.toUtf8() + ": ")),
                     qPrintable(run.describe()));
            QVERIFY2(run.err.contains("not a regular file") || run.err.contains("is a folder") ||
                         run.err.contains("larger than"),
                     qPrintable(run.describe()));
            QCOMPARE(run.err.count('\n'), 1);
        }
    }
}

void TestHostileInput::giantChainEndsWithinTheBound()
{
    // 201 served certificates (about 100 KB, under what TLS libraries accept) once took 39 s of
    // chain analysis against a run bound of 14 s (--timeout 3): it compared every certificate with
    // every other. Now at most 32 are analysed, by name first, each signature once.
    QTemporaryDir dir;
    const LongChain chain = makeLongChain(200);
    QCOMPARE(QSslCertificate::fromData(chain.servedPem).size(), 201);
    const QString served = dir.filePath(QStringLiteral("served.pem"));
    const QString key = dir.filePath(QStringLiteral("key.pem"));
    const QString root = dir.filePath(QStringLiteral("root.pem"));
    QVERIFY(writeFile(served, chain.servedPem) && writeFile(key, chain.keyPem) &&
            writeFile(root, chain.rootPem));
    NginxServer nginx({NginxSite::tls(QStringLiteral("giant"), served, key)});
    QVERIFY2(nginx.start(), qPrintable(nginx.errorString()));
    const quint16 port = nginx.port(QStringLiteral("giant"));
    const QString url = QStringLiteral("https://gitlab.test:%1").arg(port);
    const int timeoutSeconds = 3;
    const CliRun run =
        runCli({QStringLiteral("check"), url, QStringLiteral("--resolve"),
                QStringLiteral("gitlab.test:%1:127.0.0.1").arg(port), QStringLiteral("--trust-store"), root,
                QStringLiteral("--timeout"), QString::number(timeoutSeconds), QStringLiteral("--only"),
                QStringLiteral("tls."), QStringLiteral("--format"), QStringLiteral("json")},
               std::nullopt, (3 * timeoutSeconds + 5) * 1000 + 10000);
    QVERIFY2(run.finished, qPrintable(run.describe()));
    // The run's own bound (3 × timeout + 5 s) holds; the margin is for a loaded machine.
    QVERIFY2(run.elapsedMs < (3 * timeoutSeconds + 5) * 1000 + 5000, qPrintable(run.describe()));
    QVERIFY2(run.exitCode == 1, qPrintable(run.describe()));
    QStringList problems;
    const auto findings = findingsById(QJsonDocument::fromJson(run.out).object(), &problems);
    QVERIFY(problems.isEmpty());
    const QJsonObject extra = findings.value(QStringLiteral("tls.chain.extra"));
    QCOMPARE(extra.value(QStringLiteral("status")).toString(), QStringLiteral("warn"));
    QCOMPARE(extra.value(QStringLiteral("evidence")).toObject().value(QStringLiteral("served_count")).toInt(),
             201);
    QVERIFY2(extra.value(QStringLiteral("summary")).toString().contains(QStringLiteral("only the first 32")),
             qPrintable(describeFinding(extra)));
    const QJsonObject complete = findings.value(QStringLiteral("tls.chain.complete"));
    QCOMPARE(complete.value(QStringLiteral("status")).toString(), QStringLiteral("fail"));
    QCOMPARE(QJsonDocument::fromJson(run.out).object().value(QStringLiteral("certificates")).toArray().size(),
             32);
}

QTEST_GUILESS_MAIN(TestHostileInput)
#include "tst_hostileinput.moc"
