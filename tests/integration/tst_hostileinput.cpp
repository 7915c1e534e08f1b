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
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSslServer>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

#include <quazip/quazip.h>
#include <quazip/quazipfile.h>

#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <fcntl.h>
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

// Terminal control in every form a server or a file can carry it: a title change, clear screen,
// "conceal" (hides what follows), a C1 CSI, NUL, bell and a right-to-left override.
const QString hostile = QStringLiteral("\x1b]0;pwned\x07\x1b[2J\x1b[8m") + QChar(0x9b) +
                        QStringLiteral("31m") + QChar(0) + QChar(0x202e) + QStringLiteral("\rFAKE evil");

// Where that text must not arrive: any C0 control but tab and line feed, DEL, C1, bidi overrides.
QString controlsIn(const QByteArray& bytes)
{
    const QString text = QString::fromUtf8(bytes);
    QStringList found;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t u = text.at(i).unicode();
        const bool crlf = u == u'\r' && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n');
        const bool bad = (u < 0x20 && u != u'\n' && u != u'\t' && !crlf) || (u >= 0x7f && u <= 0x9f) ||
                         (u >= 0x202a && u <= 0x202e) || (u >= 0x2066 && u <= 0x2069);
        if (bad)
            found.append(QStringLiteral("U+%1 at %2: …%3…")
                             .arg(u, 4, 16, QLatin1Char('0'))
                             .arg(i)
                             .arg(text.mid(std::max<qsizetype>(0, i - 40), 80).toHtmlEscaped()));
    }
    return found.join(QLatin1Char('\n'));
}

// A TLS server (the fixture's chain for gitlab.test) that answers every request as a hostile
// machine in GitLab's place would: escapes in the reason phrase, in Access-Control-Allow-Origin,
// and in the descriptor's key, baseUrl, module keys and scopes.
class HostileServer final : public QSslServer
{
public:
    HostileServer()
    {
        setSslConfiguration(gjd::test::serverConfiguration());
        listen(QHostAddress::LocalHost);
        connect(this, &QSslServer::pendingConnectionAvailable, this, [this] {
            while (auto* socket = qobject_cast<QSslSocket*>(nextPendingConnection())) {
                socket->setParent(this);
                auto buffer = std::make_shared<QByteArray>();
                connect(socket, &QSslSocket::readyRead, socket, [socket, buffer] {
                    *buffer += socket->readAll();
                    if (!buffer->contains("\r\n\r\n"))
                        return;
                    const QByteArray bad = hostile.toUtf8();
                    const QJsonObject descriptor{
                        {QStringLiteral("key"), QString(QStringLiteral("gitlab-jira-connect-") + hostile)},
                        {QStringLiteral("baseUrl"),
                         QString(QStringLiteral("https://gitlab.test/") + hostile)},
                        {QStringLiteral("scopes"), QJsonArray{hostile, QStringLiteral("READ")}},
                        {QStringLiteral("modules"),
                         QJsonObject{{QStringLiteral("jiraDevelopmentTool"),
                                      QJsonObject{{QStringLiteral("key"), hostile}}}}},
                        {QStringLiteral("lifecycle"),
                         QJsonObject{{QStringLiteral("installed"), QString(QStringLiteral("/") + hostile)}}}};
                    const QByteArray body = QJsonDocument(descriptor).toJson(QJsonDocument::Compact);
                    socket->write("HTTP/1.1 200 " + bad +
                                  "\r\nContent-Type: application/json\r\n"
                                  "Access-Control-Allow-Origin: " +
                                  bad + "\r\nContent-Length: " + QByteArray::number(body.size()) +
                                  "\r\nConnection: close\r\n\r\n" + body);
                    socket->disconnectFromHost();
                });
            }
        });
    }
};

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
    void standardOutputFailuresAreReported();
    void blockDeviceIsRefused();
    void symlinkIsFollowedAndKept();
    void foreignSymlinkInStickyFolderIsRefused();
    void danglingSymlinkIsRefused();
    void nonFiniteNumbersAreRefused_data();
    void nonFiniteNumbersAreRefused();
    void pemInputMustBeARegularFile();
    void giantChainEndsWithinTheBound();
    void serverTextNeverReachesTheTerminalRaw();
    void hostileExportIdsAreRefusedAndCategoriesCleaned();
    void checksPerReportAreCapped();
    void echoedInputIsMaskedAndClean();
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
    // The reader is this test: the FIFO's read end is open before the CLI runs (no race), and
    // the report (about 26 KB) fits the pipe's buffer.
    const int reader = ::open(QFile::encodeName(fifo).constData(), O_RDONLY | O_NONBLOCK);
    QVERIFY(reader >= 0);
    const CliRun run = runCli(
        quickCheck({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--output"), fifo}));
    QByteArray received;
    char buffer[4096];
    for (ssize_t n; (n = ::read(reader, buffer, sizeof buffer)) > 0;)
        received.append(buffer, n);
    ::close(reader);
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
    const QJsonDocument doc = QJsonDocument::fromJson(received);
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

void TestHostileInput::standardOutputFailuresAreReported()
{
    // Standard output on a full device: once exit 0 with nothing written; now one line and exit 2.
    if (::geteuid() == 0) {
        QTemporaryDir dir;
        const QString full = dir.filePath(QStringLiteral("full"));
        QVERIFY(makeNode(full, S_IFCHR, 1, 7));
        QProcess cli;
        cli.setStandardOutputFile(full);
        cli.start(cliPath(), quickCheck({}));
        QVERIFY(cli.waitForFinished(20000));
        QCOMPARE(cli.exitCode(), 2);
        QVERIFY2(cli.readAllStandardError().contains("cannot write to standard output"), "no message");
    }
    // Standard output closed at the start: --output /dev/stdout must not write into whatever
    // descriptor took number 1 since (the event loop's eventfd).
    QProcess shell;
    shell.start(QStringLiteral("sh"),
                {QStringLiteral("-c"), QStringLiteral("exec >&-; exec \"$0\" \"$@\""), cliPath(),
                 QStringLiteral("check"), QStringLiteral("https://gitlab.test"), QStringLiteral("--only"),
                 QStringLiteral("input.url"), QStringLiteral("--output"), QStringLiteral("/dev/stdout")});
    QVERIFY(shell.waitForFinished(20000));
    QCOMPARE(shell.exitCode(), 2);
    const QByteArray err = shell.readAllStandardError();
    QVERIFY2(err.contains("it was closed when the program started"), err.constData());
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

void TestHostileInput::serverTextNeverReachesTheTerminalRaw()
{
    // The reason phrase, the CORS header and the descriptor's fields once reached the terminal,
    // the Markdown and the export's report.md as they came.
    HostileServer server;
    const quint16 port = server.serverPort();
    QTemporaryDir dir;
    const QString exportPath = dir.filePath(QStringLiteral("export.zip"));
    const QStringList common{
        QStringLiteral("check"),     QStringLiteral("https://gitlab.test:%1").arg(port),
        QStringLiteral("--resolve"), QStringLiteral("gitlab.test:%1:127.0.0.1").arg(port),
        QStringLiteral("--ca-file"), pki(QStringLiteral("root.pem")),
        QStringLiteral("--method"),  QStringLiteral("manual"),
        QStringLiteral("--timeout"), QStringLiteral("5")};
    for (const QString& format : {QStringLiteral("text"), QStringLiteral("markdown")}) {
        QStringList args = common + QStringList{QStringLiteral("--format"), format};
        if (format == QLatin1String("text"))
            args += {QStringLiteral("--export"), exportPath};
        const CliRun run = runCli(args, std::nullopt, 60000);
        QVERIFY2(run.finished, qPrintable(run.describe()));
        // The server's words are there, made harmless (so the test cannot pass on an empty run).
        QVERIFY2(run.out.contains("evil"), run.out.left(2000).constData());
        const QString found = controlsIn(run.out) + controlsIn(run.err);
        QVERIFY2(found.isEmpty(), qPrintable(format + QLatin1Char('\n') + found));
    }
    const CliRun shown =
        runCli({QStringLiteral("show"), exportPath, QStringLiteral("--format"), QStringLiteral("markdown")});
    QVERIFY2(shown.finished && shown.exitCode != 2 && shown.exitCode != 3, qPrintable(shown.describe()));
    QVERIFY(controlsIn(shown.out).isEmpty());
    // report.md inside the export, as it is pasted into a ticket.
    QuaZip zip(exportPath);
    QVERIFY(zip.open(QuaZip::mdUnzip));
    QVERIFY(zip.setCurrentFile(QStringLiteral("report.md")));
    QuaZipFile entry(&zip);
    QVERIFY(entry.open(QIODevice::ReadOnly));
    const QByteArray md = entry.readAll();
    QVERIFY2(md.contains("evil"), md.left(2000).constData());
    QVERIFY2(controlsIn(md).isEmpty(), qPrintable(controlsIn(md)));
}

void TestHostileInput::hostileExportIdsAreRefusedAndCategoriesCleaned()
{
    QTemporaryDir dir;
    const CliRun made = runCli(quickCheck({QStringLiteral("--format"), QStringLiteral("json")}));
    QVERIFY2(made.finished && made.exitCode == 0, qPrintable(made.describe()));
    const QJsonObject report = QJsonDocument::fromJson(made.out).object();
    const auto withCheck = [&report](const QString& id, const QString& category) {
        QJsonObject r = report;
        QJsonArray checks = r.value(QStringLiteral("checks")).toArray();
        QJsonObject first = checks.at(0).toObject();
        first.insert(QStringLiteral("id"), id);
        first.insert(QStringLiteral("category"), category);
        checks.replace(0, first);
        r.insert(QStringLiteral("checks"), checks);
        return QJsonDocument(r).toJson();
    };
    const QString badId = dir.filePath(QStringLiteral("bad-id.json"));
    QVERIFY(writeFile(badId, withCheck(QStringLiteral("input.url") + hostile, QStringLiteral("input"))));
    const QString badCategory = dir.filePath(QStringLiteral("bad-category.json"));
    QVERIFY(writeFile(badCategory, withCheck(QStringLiteral("input.url"), hostile)));
    const QString good = dir.filePath(QStringLiteral("good.json"));
    QVERIFY(writeFile(good, made.out));

    for (const QStringList& args :
         {QStringList{QStringLiteral("show"), badId},
          QStringList{QStringLiteral("show"), badId, QStringLiteral("--format"), QStringLiteral("markdown")},
          QStringList{QStringLiteral("diff"), good, badId}}) {
        const CliRun run = runCli(args);
        QVERIFY2(run.finished && run.exitCode == 2, qPrintable(run.describe()));
        QVERIFY2(run.err.contains("is not of [a-z0-9._-]+"), qPrintable(run.describe()));
        QVERIFY(controlsIn(run.err).isEmpty());
        QCOMPARE(run.err.count('\n'), 1);
    }
    for (const QStringList& args : {QStringList{QStringLiteral("show"), badCategory},
                                    QStringList{QStringLiteral("show"), badCategory,
                                                QStringLiteral("--format"), QStringLiteral("markdown")},
                                    QStringList{QStringLiteral("diff"), good, badCategory}}) {
        const CliRun run = runCli(args);
        QVERIFY2(run.finished && run.exitCode != 2 && run.exitCode != 3, qPrintable(run.describe()));
        if (args.size() == 2) // the text report heads each category: shown, made harmless
            QVERIFY2(run.out.contains("evil"), run.out.left(2000).constData());
        QVERIFY2(controlsIn(run.out + run.err).isEmpty(), qPrintable(controlsIn(run.out + run.err)));
    }
}

void TestHostileInput::checksPerReportAreCapped()
{
    // 50,000 minimal checks once took `diff` 16 s (it looked each one up in a list); the 16 MiB cap
    // allowed ten times more. A report now holds at most 1000, and diff looks findings up by id.
    QTemporaryDir dir;
    const CliRun made = runCli(quickCheck({QStringLiteral("--format"), QStringLiteral("json")}));
    QVERIFY2(made.finished && made.exitCode == 0, qPrintable(made.describe()));
    const QJsonObject report = QJsonDocument::fromJson(made.out).object();
    const auto withChecks = [&report](int count) {
        QJsonObject r = report;
        const QJsonObject model = r.value(QStringLiteral("checks")).toArray().at(0).toObject();
        QJsonArray checks;
        for (int i = 0; i < count; ++i) {
            QJsonObject c = model;
            c.insert(QStringLiteral("id"), QStringLiteral("x.%1").arg(i));
            checks.append(c);
        }
        r.insert(QStringLiteral("checks"), checks);
        return QJsonDocument(r).toJson(QJsonDocument::Compact);
    };
    const QString many = dir.filePath(QStringLiteral("many.json"));
    const QString tooMany = dir.filePath(QStringLiteral("too-many.json"));
    QVERIFY(writeFile(many, withChecks(1000)) && writeFile(tooMany, withChecks(50000)));
    const CliRun ok =
        runCli({QStringLiteral("diff"), many, many, QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY2(ok.finished && ok.exitCode == 0, qPrintable(ok.describe()));
    const CliRun refused = runCli({QStringLiteral("diff"), many, tooMany});
    QVERIFY2(refused.finished && refused.exitCode == 2, qPrintable(refused.describe()));
    QVERIFY2(refused.err.contains("a report holds at most 1000"), qPrintable(refused.describe()));
}

void TestHostileInput::echoedInputIsMaskedAndClean()
{
    // A password in the URL was printed back on stderr; escapes in arguments were echoed as they
    // were. (An argument cannot hold a NUL.)
    const QString hostileArg = QString(hostile).remove(QChar(0));
    const CliRun secret =
        runCli(quickCheck({}).mid(0, 1) + QStringList{QStringLiteral("https://user:s3cretPW@gitlab.test")});
    QVERIFY2(secret.finished && secret.exitCode == 2, qPrintable(secret.describe()));
    QVERIFY2(!secret.err.contains("s3cretPW") && !secret.out.contains("s3cretPW"), secret.err.constData());
    QVERIFY2(secret.err.contains("https://***@gitlab.test"), secret.err.constData());
    for (const QString& url :
         {QStringLiteral("user:s3cretPW@gitlab.test"), QStringLiteral("https://u:s3cret@PW@gitlab.test")}) {
        const CliRun masked = runCli({QStringLiteral("check"), url});
        QVERIFY2(masked.finished && masked.exitCode == 2, qPrintable(masked.describe()));
        QVERIFY2(!masked.err.contains("s3cret") && !masked.err.contains("PW@"), masked.err.constData());
    }
    for (const QStringList& args :
         {QStringList{QStringLiteral("check"), QStringLiteral("https://gitlab") + hostileArg},
          quickCheck({QStringLiteral("--method"), hostileArg}),
          quickCheck({QStringLiteral("--resolve"), hostileArg + QStringLiteral(":1:2")}),
          quickCheck({QStringLiteral("--ca-file"), QStringLiteral("/nonexistent/") + hostileArg}),
          quickCheck({QStringLiteral("--timeout"), hostileArg}),
          quickCheck({QStringLiteral("--output"), QStringLiteral("/nonexistent/") + hostileArg}),
          QStringList{QStringLiteral("show"), QStringLiteral("/nonexistent/") + hostileArg}}) {
        const CliRun run = runCli(args);
        QVERIFY2(run.finished && run.exitCode == 2, qPrintable(run.describe()));
        QVERIFY2(run.err.contains("evil"), run.err.constData()); // echoed, made harmless
        QVERIFY2(controlsIn(run.err).isEmpty(), qPrintable(controlsIn(run.err)));
        QCOMPARE(run.err.count('\n'), 1);
    }
}

QTEST_GUILESS_MAIN(TestHostileInput)
#include "tst_hostileinput.moc"
