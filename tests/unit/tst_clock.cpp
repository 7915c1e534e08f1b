// SPDX-License-Identifier: GPL-3.0-or-later
#include "clock.h"

#include "clitest.h"

#include <QTest>

using namespace gjd;

// GJD_NOW pins the product's clock (src/core/clock.h); anything that is not an instant with a time
// zone is refused, by the CLI with exit 2, rather than silently replaced by today.
class TestClock final : public QObject
{
    Q_OBJECT

private slots:
    void init() { m_suiteNow = qgetenv("GJD_NOW"); }
    void cleanup() { qputenv("GJD_NOW", m_suiteNow); }
    void suiteIsPinned();
    void pinned_data();
    void pinned();
    void unpinnedIsTheSystemClock();
    void cliRefusesABadPin();

private:
    QByteArray m_suiteNow;
};

void TestClock::suiteIsPinned()
{
    // tests/CMakeLists.txt pins every test; a test that ran on the wall clock would break some day.
    QVERIFY(Clock::isPinned());
    QCOMPARE(Clock::nowUtc(), QDateTime(QDate(2026, 12, 2), QTime(12, 0), Qt::UTC));
}

void TestClock::pinned_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QDateTime>("expected"); // invalid: refused

    const QDateTime noon(QDate(2026, 12, 2), QTime(12, 0), Qt::UTC);
    QTest::newRow("Z") << QByteArray("2026-12-02T12:00:00Z") << noon;
    QTest::newRow("offset") << QByteArray("2026-12-02T13:00:00+01:00") << noon;
    QTest::newRow("negative offset") << QByteArray("2026-12-02T07:00:00-05:00") << noon;
    QTest::newRow("spaces") << QByteArray(" 2026-12-02T12:00:00Z\n") << noon;
    QTest::newRow("no zone") << QByteArray("2026-12-02T12:00:00") << QDateTime();
    QTest::newRow("date only") << QByteArray("2026-12-02") << QDateTime();
    QTest::newRow("nan") << QByteArray("nan") << QDateTime();
    QTest::newRow("empty") << QByteArray("") << QDateTime();
    QTest::newRow("month 13") << QByteArray("2026-13-02T12:00:00Z") << QDateTime();
}

void TestClock::pinned()
{
    QFETCH(QByteArray, value);
    QFETCH(QDateTime, expected);
    qputenv("GJD_NOW", value);
    QCOMPARE(Clock::isPinned(), expected.isValid());
    QCOMPARE(Clock::environmentProblem().isEmpty(), expected.isValid());
    if (expected.isValid()) {
        QCOMPARE(Clock::nowUtc(), expected);
        QCOMPARE(Clock::nowUtc().timeSpec(), Qt::UTC);
    } else {
        // Refused: the product would run on the system clock; the CLI does not run at all.
        QVERIFY(Clock::environmentProblem().contains(QLatin1String("GJD_NOW")));
        QVERIFY(qAbs(Clock::nowUtc().secsTo(QDateTime::currentDateTimeUtc())) < 60);
    }
}

void TestClock::unpinnedIsTheSystemClock()
{
    qunsetenv("GJD_NOW");
    QVERIFY(!Clock::isPinned());
    QVERIFY(Clock::environmentProblem().isEmpty());
    QVERIFY(qAbs(Clock::nowUtc().secsTo(QDateTime::currentDateTimeUtc())) < 60);
}

void TestClock::cliRefusesABadPin()
{
    for (const QByteArray& bad : {QByteArray("nan"), QByteArray("2026-12-02")}) {
        qputenv("GJD_NOW", bad);
        for (const QString& command : {QStringLiteral("check"), QStringLiteral("configure")}) {
            const test::CliRun run = test::runCli({command, QStringLiteral("https://gitlab.test"),
                                                   QStringLiteral("--method"), QStringLiteral("marketplace")},
                                                  QString());
            QVERIFY2(run.finished, qPrintable(run.describe()));
            QCOMPARE(run.exitCode, 2);
            QVERIFY(run.out.isEmpty());
            const QList<QByteArray> lines = run.err.trimmed().split('\n');
            QCOMPARE(lines.size(), 1);
            QVERIFY2(lines.first().contains("GJD_NOW"), run.err.constData());
        }
    }
}

QTEST_GUILESS_MAIN(TestClock)
#include "tst_clock.moc"
