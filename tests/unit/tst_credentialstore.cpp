// SPDX-License-Identifier: GPL-3.0-or-later
#include "credentials/credentialstore.h"

#include <QSignalSpy>
#include <QTest>

using namespace gjd;

class TestCredentialStore final : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip();
    void answersInCallOrderAndAsynchronously();
    void injectedFailure();
    void keys();
};

namespace {

CredentialStore::Result next(QSignalSpy& spy, int index)
{
    if (spy.size() <= index && !spy.wait(2000))
        qFatal("no answer from the store");
    return spy.at(index).at(0).value<CredentialStore::Result>();
}

} // namespace

void TestCredentialStore::roundTrip()
{
    MemoryCredentialStore store;
    QSignalSpy spy(&store, &CredentialStore::finished);
    const QString key = CredentialStore::gitlabTokenKey(QStringLiteral("https://gitlab.example.com"));
    store.read(key);
    QCOMPARE(next(spy, 0).error, CredentialStore::Error::NotFound);
    store.write(key, "glpat-secret");
    const auto written = next(spy, 1);
    QCOMPARE(written.error, CredentialStore::Error::None);
    QVERIFY(written.secret.isEmpty()); // a write never hands the secret back
    store.read(key);
    QCOMPARE(next(spy, 2).secret, QByteArray("glpat-secret"));
    store.remove(key);
    QCOMPARE(next(spy, 3).error, CredentialStore::Error::None);
    store.read(key);
    QCOMPARE(next(spy, 4).error, CredentialStore::Error::NotFound);
    QCOMPARE(store.size(), 0);
}

void TestCredentialStore::answersInCallOrderAndAsynchronously()
{
    MemoryCredentialStore store;
    QSignalSpy spy(&store, &CredentialStore::finished);
    store.write(QStringLiteral("a"), "1");
    store.read(QStringLiteral("a"));
    store.remove(QStringLiteral("a"));
    QCOMPARE(spy.size(), 0); // never from inside the call
    QTRY_COMPARE(spy.size(), 3);
    QCOMPARE(next(spy, 0).operation, CredentialStore::Operation::Write);
    QCOMPARE(next(spy, 1).operation, CredentialStore::Operation::Read);
    QCOMPARE(next(spy, 1).secret, QByteArray("1"));
    QCOMPARE(next(spy, 2).operation, CredentialStore::Operation::Remove);
}

void TestCredentialStore::injectedFailure()
{
    MemoryCredentialStore store;
    QSignalSpy spy(&store, &CredentialStore::finished);
    store.failNext(CredentialStore::Error::Unavailable, QStringLiteral("no keychain"));
    store.write(QStringLiteral("k"), "secret");
    const auto failed = next(spy, 0);
    QCOMPARE(failed.error, CredentialStore::Error::Unavailable);
    QCOMPARE(failed.message, QStringLiteral("no keychain"));
    QCOMPARE(store.size(), 0); // nothing kept when the write failed
    store.write(QStringLiteral("k"), "secret");
    QCOMPARE(next(spy, 1).error, CredentialStore::Error::None);
}

void TestCredentialStore::keys()
{
    QCOMPARE(CredentialStore::gitlabTokenKey(QStringLiteral("https://gitlab.example.com")),
             QStringLiteral("gitlab-token:https://gitlab.example.com"));
    QCOMPARE(CredentialStore::jiraTokenKey(QStringLiteral("https://acme.atlassian.net"),
                                           QStringLiteral("Ann@Acme.io")),
             QStringLiteral("jira-token:ann@acme.io@https://acme.atlassian.net"));
}

QTEST_GUILESS_MAIN(TestCredentialStore)
#include "tst_credentialstore.moc"
