// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop program as built and run: its window needs only Qt Widgets, and the pages with the
// core and its libraries (QtNetwork, OpenSSL, QtKeychain, QuaZip) come from the module gjd-pages
// after the first paint (src/gui/pagehost.h). Each case starts the real program (offscreen) and
// watches the dynamic loader (LD_DEBUG=files) or the ELF file itself.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kProgram = QStringLiteral(GJD_GUI_PATH);

// None of these may be loaded before the window is on screen: the core's libraries, the pages'
// module, QtSvg with Qt's SVG icon engine, and the image format plugins (the start screen's icons
// are raw pixels: nothing is decoded).
const QStringList kCoreLibraries = {
    QStringLiteral("libQt6Network"),    QStringLiteral("libcrypto"),      QStringLiteral("libssl"),
    QStringLiteral("libqt6keychain"),   QStringLiteral("libquazip1-qt6"), QStringLiteral("libQt6Core5Compat"),
    QStringLiteral("libQt6Concurrent"), QStringLiteral("libgjd-pages"),   QStringLiteral("libQt6Svg"),
    QStringLiteral("libqsvgicon"),      QStringLiteral("libqsvg"),        QStringLiteral("libqjpeg"),
    QStringLiteral("libqgif"),          QStringLiteral("libqico"),
};

QProcessEnvironment programEnvironment(const QString& home)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("HOME"), home);
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/.config"));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.remove(QStringLiteral("LANGUAGE"));
    env.remove(QStringLiteral("GJD_BENCH_EXIT"));
    return env;
}

// The objects the dynamic loader opened, in order, from LD_DEBUG=files output: "file=NAME [0];".
QStringList loadedFiles(const QString& debugOutput)
{
    static const QRegularExpression opened(
        QStringLiteral(R"(file=(\S+) \[\d+\];  (?:needed|dynamically loaded) by)"));
    QStringList files;
    for (auto it = opened.globalMatch(debugOutput); it.hasNext();)
        files.append(it.next().captured(1));
    return files;
}

bool isCoreLibrary(const QString& file)
{
    const QString name = file.section(QLatin1Char('/'), -1);
    return std::any_of(kCoreLibraries.cbegin(), kCoreLibraries.cend(),
                       [&name](const QString& library) { return name.startsWith(library); });
}

// Reads the process's standard error until `until` matches or `ms` pass; then the process is
// killed. Returns what was read.
QString readErrorsUntil(QProcess& process, const QRegularExpression& until, int ms)
{
    QString seen;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < ms && !until.match(seen).hasMatch()) {
        if (process.state() == QProcess::NotRunning)
            break;
        process.waitForReadyRead(100);
        seen += QString::fromLocal8Bit(process.readAllStandardError());
    }
    seen += QString::fromLocal8Bit(process.readAllStandardError());
    process.kill();
    process.waitForFinished(10000);
    return seen + QString::fromLocal8Bit(process.readAllStandardError());
}

} // namespace

class TestProgram final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void programLinksOnlyQtWidgets();
    void windowIsShownBeforeTheCoreLoads();
    void pagesLoadAfterTheFirstPaintUnasked();
    void checkRunsThroughTheModule();
    void missingModuleIsSaidAndNamed();
    void versionAndHelpNeedNoDisplay_data();
    void versionAndHelpNeedNoDisplay();

private:
    QTemporaryDir m_home;
};

void TestProgram::initTestCase()
{
    QVERIFY2(QFile::exists(kProgram), qPrintable(kProgram));
    QVERIFY(m_home.isValid());
}

// The ELF file itself: what the loader maps before main() runs.
void TestProgram::programLinksOnlyQtWidgets()
{
    QProcess readelf;
    readelf.start(QStringLiteral("readelf"), {QStringLiteral("-d"), kProgram});
    QVERIFY2(readelf.waitForFinished(30000), "readelf did not finish");
    QCOMPARE(readelf.exitCode(), 0);
    const QString dynamic = QString::fromLocal8Bit(readelf.readAllStandardOutput());
    static const QRegularExpression needed(QStringLiteral(R"(\(NEEDED\)\s+Shared library: \[([^\]]+)\])"));
    QStringList libraries;
    for (auto it = needed.globalMatch(dynamic); it.hasNext();)
        libraries.append(it.next().captured(1));
    QVERIFY2(libraries.contains(QStringLiteral("libQt6Widgets.so.6")), qPrintable(libraries.join(u' ')));
    for (const QString& library : libraries)
        QVERIFY2(!isCoreLibrary(library), qPrintable(QStringLiteral("the program needs %1").arg(library)));
}

// GJD_BENCH_EXIT=shown quits right after the first expose's paint (bench/cold-start.sh): nothing
// of the core may have been loaded by then.
void TestProgram::windowIsShownBeforeTheCoreLoads()
{
    QProcess program;
    QProcessEnvironment env = programEnvironment(m_home.path());
    env.insert(QStringLiteral("GJD_BENCH_EXIT"), QStringLiteral("shown"));
    env.insert(QStringLiteral("LD_DEBUG"), QStringLiteral("files"));
    env.insert(QStringLiteral("QT_DEBUG_PLUGINS"), QStringLiteral("1"));
    program.setProcessEnvironment(env);
    program.start(kProgram, {});
    QVERIFY2(program.waitForFinished(60000), "the program did not quit after its first paint");
    QCOMPARE(program.exitCode(), 0);
    const QString errors = QString::fromLocal8Bit(program.readAllStandardError());
    const qsizetype shown = errors.indexOf(QLatin1String("gjd-bench shown "));
    QVERIFY2(shown >= 0, qPrintable(errors.right(2000)));
    const QStringList before = loadedFiles(errors.left(shown));
    QVERIFY2(before.size() > 5, qPrintable(before.join(u' '))); // the loader's output was read
    for (const QString& file : before)
        QVERIFY2(!isCoreLibrary(file),
                 qPrintable(QStringLiteral("%1 was loaded before the window was shown").arg(file)));
    // Not even looked for: QImageReader scans the image format plugins' directory (reading each
    // plugin's metadata) before it reads any image, and that alone was a tenth of the cold start.
    QVERIFY2(errors.left(shown).contains(QLatin1String("/platforms")), "QT_DEBUG_PLUGINS said nothing");
    for (const char* folder : {"/imageformats", "/iconengines"})
        QVERIFY2(!errors.left(shown).contains(QLatin1String(folder)),
                 qPrintable(QStringLiteral("the plugins in %1 were scanned before the window was shown")
                                .arg(QLatin1String(folder))));
}

// With nothing asked for, the module comes once the window is on screen, so that the first door
// opens at once. (src/app/main.cpp also loads it after 2 s for a window that is never exposed, so
// this shows that it loads unasked; windowIsShownBeforeTheCoreLoads shows that it is not before
// the first paint.)
void TestProgram::pagesLoadAfterTheFirstPaintUnasked()
{
    QProcess program;
    QProcessEnvironment env = programEnvironment(m_home.path());
    env.insert(QStringLiteral("LD_DEBUG"), QStringLiteral("files"));
    program.setProcessEnvironment(env);
    program.start(kProgram, {});
    QVERIFY(program.waitForStarted());
    static const QRegularExpression network(
        QStringLiteral(R"(file=libQt6Network\S* \[\d+\];  needed by \S*libgjd-pages\.so)"));
    const QString errors = readErrorsUntil(program, network, 60000);
    const QStringList files = loadedFiles(errors);
    // The loader also tries hardware-specific directories (…/haswell/) that do not exist.
    const auto module = std::find_if(files.cbegin(), files.cend(), [](const QString& file) {
        return file.endsWith(QLatin1String("/libgjd-pages.so")) && QFileInfo::exists(file);
    });
    QVERIFY2(module != files.cend(), qPrintable(errors.right(3000)));
    QCOMPARE(QFileInfo(*module).canonicalPath(), QFileInfo(kProgram).canonicalPath()); // the build tree's
    QVERIFY2(network.match(errors).hasMatch(), qPrintable(errors.right(3000)));
}

// --check: the module is loaded at once and the run goes through it to the end.
void TestProgram::checkRunsThroughTheModule()
{
    QTcpServer closed; // a port that was free a moment ago: the check fails fast, and finishes
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();

    QProcess program;
    QProcessEnvironment env = programEnvironment(m_home.path());
    env.insert(QStringLiteral("GJD_BENCH_EXIT"), QStringLiteral("checked"));
    program.setProcessEnvironment(env);
    program.start(kProgram, {QStringLiteral("--check"), QStringLiteral("https://127.0.0.1:%1/").arg(port)});
    QVERIFY2(program.waitForFinished(90000), "the check did not end");
    QCOMPARE(program.exitStatus(), QProcess::NormalExit);
    QCOMPARE(program.exitCode(), 0);
    // The run saw the instance: it is now a recent instance, saved by the pane in the module.
    QFile settings(m_home.path() + QStringLiteral("/.config/GitLab Jira Doctor/gitlab-jira-doctor.conf"));
    QVERIFY2(settings.open(QIODevice::ReadOnly), qPrintable(settings.fileName()));
    QVERIFY(settings.readAll().contains(QStringLiteral("127.0.0.1:%1").arg(port).toUtf8()));
}

// A program without its module (a broken installation) says what is missing, where, and what to
// do; it does not crash. The message box also goes to standard error, which this reads.
void TestProgram::missingModuleIsSaidAndNamed()
{
    QTemporaryDir alone;
    QVERIFY(alone.isValid());
    const QString copy = alone.filePath(QStringLiteral("gitlab-jira-doctor"));
    QVERIFY(QFile::copy(kProgram, copy));
    QProcess program;
    program.setProcessEnvironment(programEnvironment(m_home.path()));
    program.start(copy, {QStringLiteral("--check"), QStringLiteral("https://127.0.0.1:1/")});
    QVERIFY(program.waitForStarted());
    static const QRegularExpression said(QStringLiteral("incomplete.*again\\."));
    const QString errors = readErrorsUntil(program, said, 60000);
    QVERIFY2(said.match(errors).hasMatch(), qPrintable(errors.right(2000)));
    QVERIFY2(errors.contains(QLatin1String("/gitlab-jira-doctor/libgjd-pages.so is missing")),
             qPrintable(errors));
    QVERIFY2(!errors.contains(QLatin1String("AddressSanitizer")), qPrintable(errors));
}

void TestProgram::versionAndHelpNeedNoDisplay_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected"); // a regular expression over standard output
    const QString version = QStringLiteral("^gitlab-jira-doctor %1\\n$").arg(QStringLiteral(GJD_VERSION));
    const QString help =
        QStringLiteral("^Usage: \\S*gitlab-jira-doctor \\[options\\] \\[FILE\\]\\n[\\s\\S]*--check <URL>");
    QTest::newRow("--version") << QStringList{QStringLiteral("--version")} << version;
    QTest::newRow("-v") << QStringList{QStringLiteral("-v")} << version;
    QTest::newRow("--help") << QStringList{QStringLiteral("--help")} << help;
    QTest::newRow("-h") << QStringList{QStringLiteral("-h")} << help;
    // Also Qt's own options, which only a QApplication knows.
    QTest::newRow("--help-all") << QStringList{QStringLiteral("--help-all")}
                                << help + QStringLiteral("[\\s\\S]*--platform <platformName");
    QTest::newRow("--version after other options")
        << QStringList{QStringLiteral("--check"), QStringLiteral("https://gitlab.example.com"),
                       QStringLiteral("--version")}
        << version;
}

// On a server or over ssh there is no display: --version and --help still answer (exit 0), and
// nothing of Qt's display machinery runs (it would abort: "could not connect to display").
void TestProgram::versionAndHelpNeedNoDisplay()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    QProcess program;
    QProcessEnvironment env = programEnvironment(m_home.path());
    for (const char* name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY", "XDG_SESSION_TYPE"})
        env.remove(QLatin1String(name));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_home.path()); // private (0700), as a login gives
    program.setProcessEnvironment(env);
    program.start(kProgram, arguments);
    QVERIFY2(program.waitForFinished(30000), "the program did not end");
    const QString out = QString::fromLocal8Bit(program.readAllStandardOutput());
    const QString errors = QString::fromLocal8Bit(program.readAllStandardError());
    QCOMPARE(program.exitStatus(), QProcess::NormalExit);
    QVERIFY2(program.exitCode() == 0, qPrintable(errors));
    QVERIFY2(QRegularExpression(expected).match(out).hasMatch(), qPrintable(out + errors));
    QVERIFY2(errors.isEmpty(), qPrintable(errors));
}

QTEST_GUILESS_MAIN(TestProgram)
#include "tst_program.moc"
