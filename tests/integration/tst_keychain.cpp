// SPDX-License-Identifier: GPL-3.0-or-later
// Runs against a real Secret Service: tests/integration/keychain_test.sh starts it (gnome-keyring
// inside dbus-run-session, with a private HOME) and runs this test twice: with the keyring
// (GJD_KEYCHAIN=available) and with no session bus at all (GJD_KEYCHAIN=unavailable).
#include "credentials/keychaincredentialstore.h"

#include <QDirIterator>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace gjd;

namespace {

CredentialStore::Result next(QSignalSpy& spy, int index)
{
    if (spy.size() <= index && !spy.wait(20000))
        qFatal("the keychain did not answer within 20 s");
    return spy.at(index).at(0).value<CredentialStore::Result>();
}

// Every file under HOME that contains `secret`: a plaintext fallback would leave one.
QStringList filesContaining(const QByteArray& secret)
{
    QStringList hits;
    QDirIterator it(QDir::homePath(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.size() < 16 * 1024 * 1024 && f.open(QIODevice::ReadOnly) && f.readAll().contains(secret))
            hits.append(f.fileName());
    }
    return hits;
}

} // namespace

class TestKeychain final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void roundTripInTheRealKeyring();
    void unavailableKeychainIsReportedAndNothingIsWritten();
    void cliReadsTheSavedToken();
    void cliSaysWhyTheKeychainCannotBeReached();
    void fleetGivesEachInstanceItsOwnToken();
};

void TestKeychain::initTestCase()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("GJD_KEYCHAIN"), "run through tests/integration/keychain_test.sh");
    QVERIFY2(QDir::homePath().startsWith(QDir::tempPath()), "HOME must be a private temporary folder");
}

void TestKeychain::roundTripInTheRealKeyring()
{
    if (qEnvironmentVariable("GJD_KEYCHAIN") != QLatin1String("available"))
        QSKIP("runs with the keyring");
    KeychainCredentialStore store;
    QSignalSpy spy(&store, &CredentialStore::finished);
    const QString key = CredentialStore::gitlabTokenKey(QStringLiteral("https://gitlab.example.com"));
    const QByteArray secret = "glpat-KEYRING-ROUNDTRIP-7f3a";

    store.read(key);
    QCOMPARE(next(spy, 0).error, CredentialStore::Error::NotFound);
    store.write(key, secret);
    const auto written = next(spy, 1);
    QVERIFY2(written.error == CredentialStore::Error::None, qPrintable(written.message));
    // A second store (as the CLI's --use-keychain would be) reads what the first one saved.
    KeychainCredentialStore other;
    QSignalSpy otherSpy(&other, &CredentialStore::finished);
    other.read(key);
    const auto read = next(otherSpy, 0);
    QVERIFY2(read.error == CredentialStore::Error::None, qPrintable(read.message));
    QCOMPARE(read.secret, secret);
    // The keyring stores it encrypted: the clear text is in no file of HOME.
    QCOMPARE(filesContaining(secret), QStringList());
    store.remove(key);
    QCOMPARE(next(spy, 2).error, CredentialStore::Error::None);
    store.read(key);
    QCOMPARE(next(spy, 3).error, CredentialStore::Error::NotFound);
}

void TestKeychain::unavailableKeychainIsReportedAndNothingIsWritten()
{
    if (qEnvironmentVariable("GJD_KEYCHAIN") != QLatin1String("unavailable"))
        QSKIP("runs without a session bus");
    KeychainCredentialStore store;
    QSignalSpy spy(&store, &CredentialStore::finished);
    const QByteArray secret = "glpat-NO-KEYRING-PLAINTEXT-CHECK-91c2";
    store.write(CredentialStore::gitlabTokenKey(QStringLiteral("https://gitlab.example.com")), secret);
    const auto result = next(spy, 0);
    QCOMPARE(result.error, CredentialStore::Error::Unavailable);
    QVERIFY2(
        result.message.contains(QStringLiteral("The keychain (Secret Service over D-Bus) cannot be reached")),
        qPrintable(result.message));
    QVERIFY(!result.message.contains(QString::fromLatin1(secret)));
    QCOMPARE(filesContaining(secret), QStringList()); // no plaintext fallback, anywhere in HOME
}

void TestKeychain::cliReadsTheSavedToken()
{
    if (qEnvironmentVariable("GJD_KEYCHAIN") != QLatin1String("available"))
        QSKIP("runs with the keyring");
    const QString instance = QStringLiteral("https://localhost:1");
    const QByteArray secret = "glpat-SAVED-FOR-CLI-55aa";
    KeychainCredentialStore store;
    QSignalSpy spy(&store, &CredentialStore::finished);
    store.write(CredentialStore::gitlabTokenKey(instance), secret);
    QCOMPARE(next(spy, 0).error, CredentialStore::Error::None);

    auto run = [](const QStringList& arguments, QByteArray* out) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("GITLAB_TOKEN"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(GJD_CLI_PATH), arguments);
        p.closeWriteChannel();
        if (!p.waitForFinished(60000))
            qFatal("the CLI did not finish");
        *out = p.readAllStandardOutput() + p.readAllStandardError();
        return p.exitCode();
    };
    // The saved token reaches the run (the token check gets as far as connecting), and no output
    // shows it.
    QByteArray out;
    const int code =
        run({QStringLiteral("check"), instance, QStringLiteral("--use-keychain"), QStringLiteral("--only"),
             QStringLiteral("gitlab.token"), QStringLiteral("--timeout"), QStringLiteral("2")},
            &out);
    QCOMPARE(code, 1);
    QVERIFY2(out.contains("gitlab.token"), out.constData());
    QVERIFY2(!out.contains("No administrator token given"), out.constData());
    QVERIFY(!out.contains(secret));
    // Nothing saved for another instance: one clear line, exit 2.
    const int missing = run({QStringLiteral("check"), QStringLiteral("https://other.example:1"),
                             QStringLiteral("--use-keychain")},
                            &out);
    QCOMPARE(missing, 2);
    QVERIFY2(out.contains("no GitLab token is saved for https://other.example:1"), out.constData());
    QCOMPARE(out.trimmed().count('\n'), 0);
    // configure reads the same entry: it gets as far as asking GitLab (nothing listens there).
    const int configure =
        run({QStringLiteral("configure"), instance, QStringLiteral("--method"), QStringLiteral("marketplace"),
             QStringLiteral("--yes"), QStringLiteral("--use-keychain"), QStringLiteral("--timeout"),
             QStringLiteral("2")},
            &out);
    QCOMPARE(configure, 1);
    QVERIFY2(out.contains("gave no complete answer"), out.constData());
    QVERIFY(!out.contains("needs an administrator token"));
    QVERIFY(!out.contains(secret));
    const int configureMissing = run({QStringLiteral("configure"), QStringLiteral("https://other.example:1"),
                                      QStringLiteral("--method"), QStringLiteral("manual"),
                                      QStringLiteral("--yes"), QStringLiteral("--use-keychain")},
                                     &out);
    QCOMPARE(configureMissing, 2);
    QVERIFY2(out.contains("no GitLab token is saved for https://other.example:1"), out.constData());
    store.remove(CredentialStore::gitlabTokenKey(instance));
    QCOMPARE(next(spy, 1).error, CredentialStore::Error::None);
}

// No session bus, or one where nothing answers: the CLI says that the keychain cannot be reached
// and why, in one line and without the store's log line, not that no token is saved. A run whose
// checks need no token does not ask the keychain at all.
void TestKeychain::cliSaysWhyTheKeychainCannotBeReached()
{
    if (qEnvironmentVariable("GJD_KEYCHAIN") != QLatin1String("unavailable"))
        QSKIP("runs without a session bus");
    const auto run = [](const QStringList& arguments, bool withBus, QByteArray* out, QByteArray* err) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("GITLAB_TOKEN"));
        env.remove(QStringLiteral("QT_LOGGING_RULES"));
        if (!withBus) {
            env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
            env.remove(QStringLiteral("DISPLAY"));
        }
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(GJD_CLI_PATH), QStringList{QStringLiteral("check")} + arguments);
        p.closeWriteChannel();
        if (!p.waitForFinished(60000))
            qFatal("the CLI did not finish");
        *out = p.readAllStandardOutput();
        *err = p.readAllStandardError();
        return p.exitCode();
    };
    const QStringList arguments{QStringLiteral("https://127.0.0.1:1"), QStringLiteral("--use-keychain"),
                                QStringLiteral("--timeout"), QStringLiteral("2")};
    QByteArray out;
    QByteArray err;
    // A session bus address where nothing listens (keychain_test.sh).
    QCOMPARE(run(arguments, true, &out, &err), 2);
    QVERIFY2(out.isEmpty(), out.constData());
    QVERIFY2(
        err.startsWith("gitlab-jira-doctor-cli: --use-keychain: The keychain (Secret Service over D-Bus) "
                       "cannot be reached: "),
        err.constData());
    QVERIFY2(err.contains("no-such-bus"), err.constData()); // which bus
    QVERIFY2(!err.contains("no GitLab token is saved"), err.constData());
    QVERIFY2(!err.contains("gjd.keychain"), err.constData());
    QCOMPARE(err.trimmed().count('\n'), 0);
    // No session bus at all (a server, an ssh session, a CI job).
    QCOMPARE(run(arguments, false, &out, &err), 2);
    QVERIFY2(err.startsWith(
                 "gitlab-jira-doctor-cli: --use-keychain: The keychain (Secret Service over D-Bus) "
                 "cannot be reached: there is no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set"),
             err.constData());
    QVERIFY2(err.contains("GITLAB_TOKEN"), err.constData()); // what to do instead
    QVERIFY2(!err.contains("no GitLab token is saved"), err.constData());
    QVERIFY2(!err.contains("gjd.keychain"), err.constData());
    QCOMPARE(err.trimmed().count('\n'), 0);
    // Only TLS checks: no token needed, the keychain is not asked, the run goes ahead (nothing
    // listens on port 1: exit 1).
    QCOMPARE(
        run(arguments + QStringList{QStringLiteral("--only"), QStringLiteral("tls.")}, false, &out, &err), 1);
    QVERIFY2(out.contains("tls.handshake"), out.constData());
    QVERIFY2(!err.contains("keychain"), err.constData());
}

QTEST_GUILESS_MAIN(TestKeychain)

// check --targets --use-keychain: each instance gets the token saved for it and no other; one
// without a saved token runs anonymously (no error); GITLAB_TOKEN is never used for a fleet.
void TestKeychain::fleetGivesEachInstanceItsOwnToken()
{
    if (qEnvironmentVariable("GJD_KEYCHAIN") != QLatin1String("available"))
        QSKIP("runs with the keyring");
    const QString withToken = QStringLiteral("https://localhost:1");
    const QString without = QStringLiteral("https://127.0.0.2:1");
    const QByteArray secret = "glpat-SAVED-FOR-FLEET-77bb";
    KeychainCredentialStore store;
    QSignalSpy spy(&store, &CredentialStore::finished);
    store.write(CredentialStore::gitlabTokenKey(withToken), secret);
    QCOMPARE(next(spy, 0).error, CredentialStore::Error::None);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile targets(dir.filePath(QStringLiteral("fleet.txt")));
    QVERIFY(targets.open(QIODevice::WriteOnly));
    targets.write((withToken + QLatin1Char('\n') + without + QLatin1Char('\n')).toUtf8());
    targets.close();
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("GITLAB_TOKEN"), QStringLiteral("glpat-ENVIRONMENT-must-not-be-used"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(GJD_CLI_PATH),
            {QStringLiteral("check"), QStringLiteral("--targets"), targets.fileName(),
             QStringLiteral("--use-keychain"), QStringLiteral("--only"), QStringLiteral("gitlab.token"),
             QStringLiteral("--timeout"), QStringLiteral("2"), QStringLiteral("--format"),
             QStringLiteral("json")});
    p.closeWriteChannel();
    QVERIFY(p.waitForFinished(60000));
    const QByteArray out = p.readAllStandardOutput();
    const QByteArray err = p.readAllStandardError();
    QVERIFY2(!out.contains(secret) && !err.contains(secret), err.constData());
    QVERIFY2(err.contains("GITLAB_TOKEN is not used with --targets"), err.constData());
    const QJsonArray reports =
        QJsonDocument::fromJson(out).object().value(QStringLiteral("reports")).toArray();
    QCOMPARE(reports.size(), 2);
    QHash<QString, QString> tokenSummary;
    for (const QJsonValue& r : reports) {
        for (const QJsonValue& c : r.toObject().value(QStringLiteral("checks")).toArray()) {
            if (c.toObject().value(QStringLiteral("id")).toString() == QLatin1String("gitlab.token"))
                tokenSummary.insert(r.toObject()
                                        .value(QStringLiteral("target"))
                                        .toObject()
                                        .value(QStringLiteral("url"))
                                        .toString(),
                                    c.toObject().value(QStringLiteral("summary")).toString());
        }
    }
    // The saved token was used for its instance (the check got as far as connecting)…
    QVERIFY2(!tokenSummary.value(withToken).contains(QStringLiteral("No administrator token")),
             qPrintable(tokenSummary.value(withToken)));
    // …and neither it nor GITLAB_TOKEN for the other one.
    QVERIFY2(tokenSummary.value(without).contains(QStringLiteral("No administrator token")),
             qPrintable(tokenSummary.value(without)));
    store.remove(CredentialStore::gitlabTokenKey(withToken));
    QCOMPARE(next(spy, 1).error, CredentialStore::Error::None);
}

#include "tst_keychain.moc"
