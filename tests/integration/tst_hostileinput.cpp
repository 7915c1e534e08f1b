// SPDX-License-Identifier: GPL-3.0-or-later
// Careless and hostile input to the real CLI, one test per class of defect that once got through
// (issue 12): output paths that are devices, FIFOs or links, input files that are devices or
// FIFOs, numbers that are not numbers. Each asserts the one clear message, the exit code, that the
// run ends, and that nothing outside the test's own temporary folder changed. Device nodes are made
// only inside that folder (mknod, as root); the real /dev is never written.

#include "clitest.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

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

QTEST_GUILESS_MAIN(TestHostileInput)
#include "tst_hostileinput.moc"
