// SPDX-License-Identifier: GPL-3.0-or-later
#include "oracles.h"

#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSet>
#include <QStandardPaths>
#include <QStringList>
#include <QTemporaryDir>
#include <QTimer>

#ifndef GJD_SOURCE_DIR
#error "oracles.cpp needs GJD_SOURCE_DIR (tests/support/CMakeLists.txt)"
#endif

namespace gjd::test {

namespace {

QString oracleFile(const char* name)
{
    return QStringLiteral(GJD_SOURCE_DIR "/tests/oracles/") + QLatin1String(name);
}

// The advice when the interpreter is missing or unusable, with the override if one is set.
QString installHint(const QString& advice, const char* variable)
{
    const QString value = qEnvironmentVariable(variable);
    if (value.isEmpty())
        return advice;
    return advice + QStringLiteral(" ($%1 is \"%2\")").arg(QLatin1String(variable), value);
}

QString executable(const char* variable, const char* name)
{
    const QString fromEnv = qEnvironmentVariable(variable);
    if (!fromEnv.isEmpty())
        return QFileInfo(fromEnv).isExecutable() ? fromEnv : QString();
    return QStandardPaths::findExecutable(QLatin1String(name));
}

struct ProcessRun
{
    bool started = false;
    bool finished = false; // within the time allowed
    int exitCode = -1;
    QProcess::ExitStatus exitStatus = QProcess::CrashExit;
    QByteArray out;
    QByteArray err;
    QString startError;
};

// Runs program with input on stdin while this thread's event loop keeps running.
ProcessRun runProcess(const QString& program, const QStringList& arguments, const QProcessEnvironment& env,
                      const QByteArray& input, int timeoutMs)
{
    ProcessRun run;
    QProcess process;
    process.setProcessEnvironment(env);
    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    process.start(program, arguments);
    if (!process.waitForStarted(10000)) {
        run.startError = process.errorString();
        return run;
    }
    run.started = true;
    process.write(input);
    process.closeWriteChannel();
    deadline.start(timeoutMs);
    if (process.state() != QProcess::NotRunning)
        loop.exec();
    run.finished = process.state() == QProcess::NotRunning;
    if (!run.finished) {
        process.kill();
        process.waitForFinished(5000);
    }
    run.exitCode = process.exitCode();
    run.exitStatus = process.exitStatus();
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

QString describeRun(const QString& command, const ProcessRun& run)
{
    return QStringLiteral("$ %1\n  exit=%2%3\n  stderr: %4\n  stdout: %5")
        .arg(command)
        .arg(run.exitCode)
        .arg(run.exitStatus == QProcess::CrashExit ? QStringLiteral(" (crashed or killed)") : QString())
        .arg(QString::fromUtf8(run.err.left(4000)).trimmed(),
             QString::fromUtf8(run.out.left(4000)).trimmed());
}

QByteArray scenariosJson(const QList<OracleScenario>& scenarios)
{
    QJsonArray array;
    for (const OracleScenario& s : scenarios) {
        array.append(QJsonObject{{QStringLiteral("name"), s.name},
                                 {QStringLiteral("host"), s.host},
                                 {QStringLiteral("port"), int(s.port)},
                                 {QStringLiteral("ca_file"), s.caFile},
                                 {QStringLiteral("path"), s.path}});
    }
    return QJsonDocument(array).toJson(QJsonDocument::Indented);
}

// One verdict per output line; anything else is a problem. expected: the names, in input order.
QHash<QString, OracleVerdict> parseVerdicts(const QByteArray& out, const QStringList& expected,
                                            QStringList* problems)
{
    QHash<QString, OracleVerdict> verdicts;
    for (const QByteArray& rawLine : out.split('\n')) {
        const QByteArray line = rawLine.trimmed();
        if (line.isEmpty())
            continue;
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &parseError);
        const QJsonObject o = doc.object();
        const QJsonValue name = o.value(QStringLiteral("name"));
        const QJsonValue accepted = o.value(QStringLiteral("accepted"));
        const QJsonValue status = o.value(QStringLiteral("status"));
        const QJsonValue error = o.value(QStringLiteral("error"));
        if (parseError.error != QJsonParseError::NoError || !doc.isObject() || !name.isString() ||
            !accepted.isBool() || !(status.isNull() || status.isDouble()) ||
            !(error.isNull() || error.isString())) {
            problems->append(QStringLiteral("not a verdict: ") + QString::fromUtf8(line.left(500)));
            continue;
        }
        OracleVerdict v;
        v.name = name.toString();
        v.accepted = accepted.toBool();
        v.status = status.isNull() ? 0 : status.toInt();
        v.error = error.toString();
        if (!expected.contains(v.name)) {
            problems->append(QStringLiteral("a verdict for \"%1\", which was not asked about").arg(v.name));
            continue;
        }
        if (verdicts.contains(v.name)) {
            problems->append(QStringLiteral("two verdicts for \"%1\"").arg(v.name));
            continue;
        }
        if (v.accepted && !v.error.isEmpty())
            problems->append(QStringLiteral("\"%1\" is accepted with an error: %2").arg(v.name, v.error));
        if (!v.accepted && v.error.isEmpty())
            problems->append(QStringLiteral("\"%1\" is rejected without an error").arg(v.name));
        verdicts.insert(v.name, v);
    }
    QStringList missing;
    for (const QString& name : expected) {
        if (!verdicts.contains(name))
            missing.append(name);
    }
    if (verdicts.isEmpty() && !expected.isEmpty())
        problems->append(QStringLiteral("no verdict at all"));
    else if (!missing.isEmpty())
        problems->append(QStringLiteral("no verdict for %1").arg(missing.join(QStringLiteral(", "))));
    return verdicts;
}

// Runs one oracle over the batch; a missing interpreter or script, a crash, a timeout or an
// incomplete answer end up in *error.
QHash<QString, OracleVerdict> runOracle(const QString& what, const QString& program,
                                        const QStringList& arguments, const QString& script,
                                        const QProcessEnvironment& env,
                                        const QList<OracleScenario>& scenarios, QString* error, int timeoutMs,
                                        const QString& hint)
{
    error->clear();
    QStringList names;
    for (const OracleScenario& s : scenarios) {
        if (s.name.isEmpty() || names.contains(s.name)) {
            *error =
                QStringLiteral("%1: scenario names must be unique and not empty: \"%2\"").arg(what, s.name);
            return {};
        }
        names.append(s.name);
    }
    if (program.isEmpty()) {
        *error = QStringLiteral("%1: the interpreter was not found. %2").arg(what, hint);
        return {};
    }
    if (!QFileInfo(script).isFile()) {
        *error = QStringLiteral("%1: %2 does not exist (GJD_SOURCE_DIR=%3)")
                     .arg(what, script, QStringLiteral(GJD_SOURCE_DIR));
        return {};
    }

    const QString command = program + QLatin1Char(' ') + arguments.join(QLatin1Char(' '));
    const ProcessRun run = runProcess(program, arguments, env, scenariosJson(scenarios), timeoutMs);
    if (!run.started) {
        *error = QStringLiteral("%1: cannot start %2: %3. %4").arg(what, program, run.startError, hint);
        return {};
    }
    QStringList problems;
    const QHash<QString, OracleVerdict> verdicts = parseVerdicts(run.out, names, &problems);
    if (!run.finished)
        problems.prepend(QStringLiteral("did not finish within %1 ms (killed)").arg(timeoutMs));
    else if (run.exitStatus != QProcess::NormalExit || run.exitCode != 0)
        problems.prepend(QStringLiteral("exited with %1").arg(run.exitCode));
    if (!problems.isEmpty()) {
        *error = QStringLiteral("%1: %2\n%3")
                     .arg(what, problems.join(QStringLiteral("; ")), describeRun(command, run));
        if (run.err.contains("jdk.compiler") || run.err.contains("source launcher"))
            *error += QLatin1Char('\n') + hint;
    }
    return verdicts;
}

} // namespace

QString rubyExecutable()
{
    return executable("GJD_RUBY", "ruby");
}

QString javaExecutable()
{
    return executable("GJD_JAVA", "java");
}

QHash<QString, OracleVerdict> runNetHttpOracle(const QList<OracleScenario>& scenarios, QString* error,
                                               int timeoutMs)
{
    const QString script = oracleFile("net_http_oracle.rb");
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("OPENSSL_CONF"), QStringLiteral("/dev/null"));
    for (const char* variable : {"RUBYOPT", "RUBYLIB", "SSL_CERT_FILE", "SSL_CERT_DIR"})
        env.remove(QLatin1String(variable));
    return runOracle(
        QStringLiteral("Net::HTTP oracle (ruby)"), rubyExecutable(), {script}, script, env, scenarios, error,
        timeoutMs,
        installHint(QStringLiteral("Install Debian's package `ruby` (scripts/install-deps.sh), or "
                                   "point $GJD_RUBY at a ruby."),
                    "GJD_RUBY"));
}

QHash<QString, OracleVerdict> runJsseOracle(const QList<OracleScenario>& scenarios, QString* error,
                                            int timeoutMs)
{
    const QString hint = installHint(
        QStringLiteral(
            "Install Debian's package `openjdk-17-jdk-headless` (scripts/install-deps.sh; a JRE cannot "
            "launch a .java file: no jdk.compiler module), or point $GJD_JAVA at a JDK's java."),
        "GJD_JAVA");
    QTemporaryDir dir;
    if (!dir.isValid()) {
        *error =
            QStringLiteral("JSSE oracle (java): cannot create a temporary directory: ") + dir.errorString();
        return {};
    }
    // Every scenario's host is 127.0.0.1, for Java's resolver only.
    QSet<QString> hosts;
    QByteArray hostsFile = "# tests/support/oracles.cpp: -Djdk.net.hosts.file\n";
    for (const OracleScenario& s : scenarios) {
        if (!hosts.contains(s.host))
            hostsFile += "127.0.0.1 " + s.host.toUtf8() + '\n';
        hosts.insert(s.host);
    }
    const QString hostsPath = dir.filePath(QStringLiteral("hosts"));
    QFile file(hostsPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(hostsFile) != hostsFile.size()) {
        *error = QStringLiteral("JSSE oracle (java): cannot write %1: %2").arg(hostsPath, file.errorString());
        return {};
    }
    file.close();

    const QString source = oracleFile("JsseOracle.java");
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char* variable : {"JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS", "CLASSPATH"})
        env.remove(QLatin1String(variable));
    // TieredStopAtLevel=1: the program runs for seconds, compiling it harder only costs time.
    const QStringList arguments = {QStringLiteral("-XX:TieredStopAtLevel=1"),
                                   QStringLiteral("-Djdk.net.hosts.file=") + hostsPath,
                                   QStringLiteral("-Dcom.sun.security.enableAIAcaIssuers=false"), source};
    return runOracle(QStringLiteral("JSSE oracle (java)"), javaExecutable(), arguments, source, env,
                     scenarios, error, timeoutMs, hint);
}

} // namespace gjd::test
