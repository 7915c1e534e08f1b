// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the integration tests that run the real CLI share: running it with the event loop alive
// (the servers of the test live in the test's thread), the report's findings by id, their
// description for failure messages, and the PKI fixture's files (tests/support/make-pki.sh,
// directory in $GJD_PKI_DIR).
//
// Header-only, for test executables: it needs Qt Test (QSignalSpy) and the GJD_CLI_PATH compile
// definition that gjd_add_test() (tests/CMakeLists.txt) gives every test.

#include "testpki.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QString>
#include <QStringList>

#include <optional>

#ifndef GJD_CLI_PATH
#error "clitest.h needs GJD_CLI_PATH: include it from a gjd_add_test() target (tests/CMakeLists.txt)"
#endif

namespace gjd::test {

// The CLI the tests run: GJD_CLI_PATH, a compile definition of every gjd_add_test() target.
inline QString cliPath()
{
    return QStringLiteral(GJD_CLI_PATH);
}

struct CliRun
{
    bool finished = false;
    int exitCode = -1;
    QProcess::ExitStatus exitStatus = QProcess::CrashExit;
    QByteArray out;
    QByteArray err;
    qint64 elapsedMs = 0;
    QStringList arguments;
    bool withToken = false; // GITLAB_TOKEN was set (its value is never shown)

    QString describe() const
    {
        return QStringLiteral(
                   "$ %1gitlab-jira-doctor-cli %2\n  finished=%3 exit=%4 after %5 ms\n  stderr: %6")
            .arg(withToken ? QStringLiteral("GITLAB_TOKEN=… ") : QString(), arguments.join(QLatin1Char(' ')))
            .arg(finished ? QStringLiteral("yes") : QStringLiteral("NO"))
            .arg(exitCode)
            .arg(elapsedMs)
            .arg(QString::fromUtf8(err).trimmed());
    }
};

// Runs the CLI while this thread's event loop keeps running (the servers the test started live
// here), waiting up to waitMs for it to finish; stdin is closed (not a TTY: no token prompt).
// gitlabToken: without a value the CLI inherits this environment as it is; with one, GITLAB_TOKEN
// and JIRA_API_TOKEN are removed from it, and GITLAB_TOKEN is set to the value unless it is empty.
inline CliRun runCli(const QStringList& arguments, const std::optional<QString>& gitlabToken = std::nullopt,
                     int waitMs = 30000, const QString& program = cliPath())
{
    CliRun run;
    run.arguments = arguments;
    run.withToken = gitlabToken && !gitlabToken->isEmpty();
    QProcess process;
    if (gitlabToken) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("GITLAB_TOKEN"));
        env.remove(QStringLiteral("JIRA_API_TOKEN"));
        if (run.withToken)
            env.insert(QStringLiteral("GITLAB_TOKEN"), *gitlabToken);
        process.setProcessEnvironment(env);
    }
    QSignalSpy finished(&process, &QProcess::finished);
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    if (!process.waitForStarted(10000)) {
        run.err = process.errorString().toUtf8();
        return run;
    }
    process.closeWriteChannel();
    if (finished.isEmpty())
        finished.wait(waitMs);
    run.elapsedMs = timer.elapsed();
    run.finished = !finished.isEmpty();
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

// A string as it is, anything else as compact JSON.
inline QString compactJson(const QJsonValue& value)
{
    if (value.isString())
        return value.toString();
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    return value.toVariant().toString();
}

// One finding for a failure message: id, status, summary, details, remedy, explains, evidence.
inline QString describeFinding(const QJsonObject& finding)
{
    QString s = QStringLiteral("  %1: %2 — %3")
                    .arg(finding.value(QStringLiteral("id")).toString(),
                         finding.value(QStringLiteral("status")).toString(),
                         finding.value(QStringLiteral("summary")).toString());
    const QString details = finding.value(QStringLiteral("details")).toString();
    if (!details.isEmpty())
        s += QStringLiteral("\n      details: ") + details.simplified();
    const QString fix = finding.value(QStringLiteral("remedy")).toString();
    if (!fix.isEmpty())
        s += QStringLiteral("\n      remedy: ") + fix.simplified();
    const QJsonArray ex = finding.value(QStringLiteral("explains")).toArray();
    if (!ex.isEmpty())
        s += QStringLiteral("\n      explains: ") + compactJson(ex);
    const QJsonObject ev = finding.value(QStringLiteral("evidence")).toObject();
    if (!ev.isEmpty()) {
        // The PEMs only make the message unreadable.
        QJsonObject shown = ev;
        for (const QString& key : ev.keys()) {
            if (key.contains(QLatin1String("pem")))
                shown.remove(key);
        }
        s += QStringLiteral("\n      evidence: ") + compactJson(shown).left(600);
    }
    return s;
}

// The report's findings by id; duplicates are reported through *problems.
inline QHash<QString, QJsonObject> findingsById(const QJsonObject& report, QStringList* problems)
{
    QHash<QString, QJsonObject> byId;
    const QJsonArray checks = report.value(QStringLiteral("checks")).toArray();
    for (const QJsonValue& v : checks) {
        const QJsonObject f = v.toObject();
        const QString id = f.value(QStringLiteral("id")).toString();
        if (byId.contains(id))
            problems->append(QStringLiteral("check id %1 appears more than once").arg(id));
        byId.insert(id, f);
    }
    return byId;
}

} // namespace gjd::test
