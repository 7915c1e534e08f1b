// SPDX-License-Identifier: GPL-3.0-or-later
//
// Time is an input: the date-dependent findings (platform.connect_eol, platform.install_type),
// the setup wizard's texts (MethodAdvice, the Connect sentences) and the milestone table behind
// them, run at days before 2026-03-31, between that day and December 2026, in December and a
// year later. No row reads the wall clock; no text may name a day Atlassian did not give.

#include "checks/check.h"
#include "connect/installtype.h"
#include "connect/platformfacts.h"
#include "i18n.h"
#include "probes/probecatalogue.h"
#include "report.h"
#include "runcontext.h"
#include "setup/methodadvice.h"
#include "textformatter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace gjd;
using namespace gjd::platform;

namespace {

// The settings GET /api/v4/application/settings returns for each kind of install.
QJsonObject settingsFor(const QString& kind)
{
    QJsonObject s{{QStringLiteral("jira_connect_application_key"), QJsonValue::Null},
                  {QStringLiteral("jira_connect_proxy_url"), QJsonValue::Null},
                  {QStringLiteral("jira_connect_public_key_storage_enabled"), false}};
    if (kind == QLatin1String("legacy")) {
        s.insert(QStringLiteral("jira_connect_application_key"), QStringLiteral("abc"));
    } else if (kind == QLatin1String("proxy-for-others")) {
        s.insert(QStringLiteral("jira_connect_application_key"), QStringLiteral("abc"));
        s.insert(QStringLiteral("jira_connect_public_key_storage_enabled"), true);
    } else if (kind == QLatin1String("marketplace")) {
        s.insert(QStringLiteral("jira_connect_application_key"), QStringLiteral("abc"));
        s.insert(QStringLiteral("jira_connect_proxy_url"), QStringLiteral("https://gitlab.com"));
    } else if (kind == QLatin1String("relayed")) {
        s.insert(QStringLiteral("jira_connect_proxy_url"), QStringLiteral("https://gitlab.other.example"));
    } else if (kind == QLatin1String("forge")) {
        s.insert(QStringLiteral("jira_forge_app_id"),
                 QStringLiteral("ari:cloud:ecosystem::app/0b7d4c1e-5f3a-4e2b-9c8d-1a2b3c4d5e6f"));
    }
    return s;
}

// A run context as the runner leaves it once the settings probe answered.
RunContext contextAt(const QDate& day, const QString& kind, Method method)
{
    RunContext ctx;
    ctx.now = QDateTime(day, QTime(12, 0), Qt::UTC);
    ctx.url = InstanceUrl::parse(QStringLiteral("https://gitlab.example.com"));
    ctx.credentials.gitlabToken = "glpat-test";
    ctx.method = method;
    HttpResponse settings;
    settings.status = 200;
    settings.body = QJsonDocument(settingsFor(kind)).toJson(QJsonDocument::Compact);
    settings.headers = {{"Content-Type", "application/json"}};
    ctx.http.insert(probe::apiSettings, {settings});
    return ctx;
}

Finding evaluate(const QString& id, const RunContext& ctx)
{
    Finding f;
    f.id = id;
    findCheck(id)->evaluate(ctx, f);
    return f;
}

// "31 December", "December 31", "Dec 1", "1. Dezember", "2026-12-01", "2027-01-31": a day
// Atlassian never published, in English or German.
const QRegularExpression kInventedDay(QStringLiteral(
    "\\b\\d{1,2}\\.? (December|Dezember|Dec|Dez)\\b|\\b(December|Dezember|Dec|Dez)\\.? \\d{1,2}\\b|"
    "2026-12-\\d|2027-01-31|January 31|31\\. Januar"));

} // namespace

class TestPlatform final : public QObject
{
    Q_OBJECT

private:
    void noTextInventsADayIn(const QString& language);

private slots:
    void milestonesCarryTheirSource();
    void phases_data();
    void phases();
    void connectEolAtDates_data();
    void connectEolAtDates();
    void installTypeAtDates_data();
    void installTypeAtDates();
    void installTypeFromSettings_data();
    void installTypeFromSettings();
    void wizardTextsAtDates_data();
    void wizardTextsAtDates();
    void noTextInventsADay();
    void manualAgainstAMarketplaceKeyAtDates_data();
    void manualAgainstAMarketplaceKeyAtDates();
    void reportHeadersShowTheInstallType();
};

void TestPlatform::milestonesCarryTheirSource()
{
    const QList<Milestone>& all = milestones();
    QVERIFY(all.size() >= 2);
    QSet<QString> ids;
    QDate previous;
    for (const Milestone& m : all) {
        QVERIFY2(!ids.contains(m.id), qPrintable(m.id));
        ids.insert(m.id);
        QVERIFY(m.date.isValid());
        QVERIFY2(!previous.isValid() || previous < m.date, "in date order");
        previous = m.date;
        QVERIFY2(m.source.startsWith(QLatin1String("https://")), qPrintable(m.source));
        QVERIFY2(!m.wording.isEmpty(), qPrintable(m.id));
        if (m.precision == Precision::Month)
            QCOMPARE(m.date.day(), 1);
        const QJsonObject json = m.toJson();
        QCOMPARE(json.value(QStringLiteral("source")).toString(), m.source);
        QCOMPARE(json.value(QStringLiteral("wording")).toString(), m.wording);
        // A month is written as a month: no day is made up.
        QCOMPARE(json.value(QStringLiteral("date")).toString().size(),
                 m.precision == Precision::Month ? 7 : 10);
    }
    QCOMPARE(privateConnectInstallsBlocked().date, QDate(2026, 3, 31));
    QCOMPARE(privateConnectInstallsBlocked().precision, Precision::Day);
    QCOMPARE(connectEndOfSupport().precision, Precision::Month);
    QCOMPARE(connectEndOfSupport().displayDate(), QStringLiteral("December 2026"));
    QVERIFY(connectEndOfSupport().wording.contains(QLatin1String("may stop working after December 2026")));
    QVERIFY(privateConnectInstallsBlocked().wording.contains(
        QLatin1String("no longer supports installing private apps using an app descriptor URL")));
}

void TestPlatform::phases_data()
{
    QTest::addColumn<QDate>("day");
    QTest::addColumn<QString>("phase");
    QTest::newRow("2026-01-15") << QDate(2026, 1, 15) << "private-installs-open";
    QTest::newRow("2026-03-30") << QDate(2026, 3, 30) << "private-installs-open";
    QTest::newRow("2026-03-31") << QDate(2026, 3, 31) << "private-installs-blocked";
    QTest::newRow("2026-11-30") << QDate(2026, 11, 30) << "private-installs-blocked";
    QTest::newRow("2026-12-01") << QDate(2026, 12, 1) << "end-of-support";
    QTest::newRow("2027-12-02") << QDate(2027, 12, 2) << "end-of-support";
}

void TestPlatform::phases()
{
    QFETCH(QDate, day);
    QFETCH(QString, phase);
    QCOMPARE(connectPhaseId(connectPhase(day)), phase);
}

void TestPlatform::connectEolAtDates_data()
{
    QTest::addColumn<QDate>("day");
    QTest::addColumn<QString>("kind"); // what GitLab's settings show
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("install"); // evidence.install: existing | new
    QTest::addColumn<QString>("source");  // the milestone that decided
    QTest::addColumn<QString>("text");    // part of summary + details

    const QString blockedSource = privateConnectInstallsBlocked().source;
    const QString eosSource = connectEndOfSupport().source;
    QTest::newRow("existing, February")
        << QDate(2026, 2, 1) << "legacy"
        << "warn"
        << "existing" << blockedSource << "From 31 March 2026 Jira no longer installs private Connect apps";
    QTest::newRow("new, February") << QDate(2026, 2, 1) << "none"
                                   << "warn"
                                   << "new" << blockedSource << "ends Connect support in December 2026";
    QTest::newRow("existing, June") << QDate(2026, 6, 15) << "legacy"
                                    << "warn"
                                    << "existing" << eosSource << "may stop working after that";
    QTest::newRow("new, the day of the block")
        << QDate(2026, 3, 31) << "none"
        << "fail"
        << "new" << blockedSource << "A new manual install cannot be made";
    QTest::newRow("existing, 1 December")
        << QDate(2026, 12, 1) << "legacy"
        << "fail"
        << "existing" << eosSource << "dates Connect's end of support to December 2026";
    QTest::newRow("proxy for others, December")
        << QDate(2026, 12, 2) << "proxy-for-others"
        << "fail"
        << "existing" << eosSource << "may stop working after December 2026";
    QTest::newRow("existing, a year later") << QDate(2027, 12, 2) << "legacy"
                                            << "fail"
                                            << "existing" << eosSource << "no exact day is published";
    QTest::newRow("new, a year later") << QDate(2027, 12, 2) << "none"
                                       << "fail"
                                       << "new" << blockedSource << "cannot be installed since 31 March 2026";
}

void TestPlatform::connectEolAtDates()
{
    QFETCH(QDate, day);
    QFETCH(QString, kind);
    QFETCH(QString, status);
    QFETCH(QString, install);
    QFETCH(QString, source);
    QFETCH(QString, text);
    const Finding f = evaluate(QStringLiteral("platform.connect_eol"), contextAt(day, kind, Method::Manual));
    QCOMPARE(statusId(f.status), status);
    QCOMPARE(f.evidence.value(QStringLiteral("install")).toString(), install);
    QCOMPARE(f.evidence.value(QStringLiteral("today")).toString(), day.toString(Qt::ISODate));
    QCOMPARE(f.evidence.value(QStringLiteral("source")).toString(), source);
    QVERIFY(!f.evidence.value(QStringLiteral("wording")).toString().isEmpty());
    QCOMPARE(f.evidence.value(QStringLiteral("milestones")).toArray().size(), milestones().size());
    const QString all = f.summary + QLatin1Char(' ') + f.details;
    QVERIFY2(all.contains(text), qPrintable(all));
    QVERIFY2(!kInventedDay.match(all + f.remedy).hasMatch(), qPrintable(all));
    QVERIFY2(f.remedy.contains(QLatin1String("--method marketplace")), qPrintable(f.remedy));
}

void TestPlatform::installTypeAtDates_data()
{
    QTest::addColumn<QDate>("day");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("status");
    QTest::newRow("legacy, February") << QDate(2026, 2, 1) << "legacy"
                                      << "legacy-connect"
                                      << "warn";
    QTest::newRow("legacy, November") << QDate(2026, 11, 30) << "legacy"
                                      << "legacy-connect"
                                      << "warn";
    QTest::newRow("legacy, December") << QDate(2026, 12, 1) << "legacy"
                                      << "legacy-connect"
                                      << "fail";
    QTest::newRow("legacy, a year later") << QDate(2027, 12, 2) << "legacy"
                                          << "legacy-connect"
                                          << "fail";
    QTest::newRow("marketplace, December") << QDate(2026, 12, 2) << "marketplace"
                                           << "marketplace"
                                           << "info";
    QTest::newRow("forge, December") << QDate(2026, 12, 2) << "forge"
                                     << "forge-native"
                                     << "info";
    QTest::newRow("none, December") << QDate(2026, 12, 2) << "none"
                                    << "none"
                                    << "info";
}

void TestPlatform::installTypeAtDates()
{
    QFETCH(QDate, day);
    QFETCH(QString, kind);
    QFETCH(QString, type);
    QFETCH(QString, status);
    const Finding f = evaluate(QStringLiteral("platform.install_type"), contextAt(day, kind, Method::Manual));
    QCOMPARE(f.evidence.value(QStringLiteral("install_type")).toString(), type);
    QCOMPARE(f.evidence.value(QStringLiteral("decided_by")).toString(), QStringLiteral("settings"));
    QCOMPARE(statusId(f.status), status);
    QVERIFY2(!kInventedDay.match(f.summary + f.details + f.remedy).hasMatch(), qPrintable(f.details));
}

void TestPlatform::installTypeFromSettings_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("type");
    QTest::addColumn<bool>("relays");
    QTest::addColumn<bool>("forgeAbsent");
    QTest::newRow("nothing") << "none"
                             << "none" << false << true;
    QTest::newRow("manual") << "legacy"
                            << "legacy-connect" << false << true;
    QTest::newRow("proxy for others") << "proxy-for-others"
                                      << "legacy-connect" << true << true;
    QTest::newRow("marketplace") << "marketplace"
                                 << "marketplace" << false << true;
    QTest::newRow("relayed by another instance") << "relayed"
                                                 << "legacy-connect" << false << true;
    QTest::newRow("forge") << "forge"
                           << "forge-native" << false << false;
}

void TestPlatform::installTypeFromSettings()
{
    QFETCH(QString, kind);
    QFETCH(QString, type);
    QFETCH(bool, relays);
    QFETCH(bool, forgeAbsent);
    const InstallTypeDecision d = InstallTypes::fromSettings(settingsFor(kind));
    QVERIFY(d.decided);
    QCOMPARE(installTypeId(d.type), type);
    QCOMPARE(d.relaysForOthers, relays);
    QCOMPARE(d.forgeSettingAbsent, forgeAbsent);
    QCOMPARE(d.decidedBy, QStringLiteral("settings"));
    QVERIFY(!d.reason.isEmpty());
}

void TestPlatform::wizardTextsAtDates_data()
{
    QTest::addColumn<QDate>("day");
    QTest::addColumn<QString>("status"); // MethodAdvice::connectStatus: the method page, next to "move it"
    QTest::addColumn<QString>("forge");  // the install page's Forge box: why an unapproved site is at risk
    const QString before = QStringLiteral("ends Connect support in December 2026");
    const QString after = QStringLiteral("dates Connect's end of support to December 2026");
    QTest::newRow("February") << QDate(2026, 2, 1) << "From 31 March 2026 Jira no longer installs" << before;
    QTest::newRow("the day of the block")
        << QDate(2026, 3, 31) << "cannot be installed since 31 March 2026" << before;
    QTest::newRow("November") << QDate(2026, 11, 30) << before << before;
    QTest::newRow("December") << QDate(2026, 12, 2) << after << after;
    QTest::newRow("a year later") << QDate(2027, 12, 2) << "may stop working after December 2026" << after;
}

void TestPlatform::wizardTextsAtDates()
{
    QFETCH(QDate, day);
    QFETCH(QString, status);
    QFETCH(QString, forge);
    const QString text = MethodAdvice::connectStatus(day);
    QVERIFY2(text.contains(status), qPrintable(text));
    const QString why = PlatformText::forgeUpgradeWhy(day);
    QVERIFY2(why.contains(forge), qPrintable(why));
    QVERIFY(!kInventedDay.match(text + why).hasMatch());
}

void TestPlatform::noTextInventsADay()
{
    for (const QString& language : {QStringLiteral("en"), QStringLiteral("de")}) {
        QVERIFY(installTranslations(*QCoreApplication::instance(), language) ==
                (language != QLatin1String("en")));
        QLocale::setDefault(QLocale(language));
        noTextInventsADayIn(language);
    }
    installTranslations(*QCoreApplication::instance(), QStringLiteral("en"));
    QLocale::setDefault(QLocale::c());
}

void TestPlatform::noTextInventsADayIn(const QString& language)
{
    const QString month =
        language == QLatin1String("de") ? QStringLiteral("Dezember 2026") : QStringLiteral("December 2026");
    // Every week of two years: the sentences never name a day in December or the unconfirmed
    // third-party date, and always name December 2026 as a month.
    for (QDate day(2026, 1, 1); day < QDate(2028, 1, 1); day = day.addDays(7)) {
        QStringList texts{PlatformText::connectStatus(day), PlatformText::newInstallStatus(day),
                          MethodAdvice::connectStatus(day)};
        for (const QString& kind : {QStringLiteral("legacy"), QStringLiteral("none")}) {
            const Finding f =
                evaluate(QStringLiteral("platform.connect_eol"), contextAt(day, kind, Method::Proxy));
            texts << f.summary << f.details << f.remedy;
        }
        texts << PlatformText::unknowns();
        const QString all = texts.join(QLatin1Char('\n'));
        QVERIFY2(!kInventedDay.match(all).hasMatch(),
                 qPrintable(day.toString(Qt::ISODate) + QLatin1Char(' ') + all));
        QVERIFY2(all.contains(month), qPrintable(day.toString(Qt::ISODate) + QLatin1Char(' ') + all));
    }
}

void TestPlatform::manualAgainstAMarketplaceKeyAtDates_data()
{
    QTest::addColumn<QDate>("day");
    QTest::addColumn<QString>("remedy");
    // Clearing the proxy URL for a manual install helps only while Jira still takes one.
    QTest::newRow("February") << QDate(2026, 2, 1) << "Clear Admin → Settings";
    QTest::newRow("December") << QDate(2026, 12, 2) << "keep it and check it with --method marketplace";
}

void TestPlatform::manualAgainstAMarketplaceKeyAtDates()
{
    QFETCH(QDate, day);
    QFETCH(QString, remedy);
    RunContext ctx;
    ctx.now = QDateTime(day, QTime(12, 0), Qt::UTC);
    ctx.url = InstanceUrl::parse(QStringLiteral("https://gitlab.example.com"));
    ctx.method = Method::Manual;
    HttpResponse descriptor;
    descriptor.status = 200;
    descriptor.headers = {{"Content-Type", "application/json"}};
    descriptor.body = R"({"key":"gitlab-jira-connect-gitlab.com"})";
    ctx.http.insert(probe::descriptor, {descriptor});
    const Finding f = evaluate(QStringLiteral("connect.descriptor.key"), ctx);
    QCOMPARE(f.status, Status::Fail);
    QVERIFY2(f.remedy.contains(remedy), qPrintable(f.remedy));
}

void TestPlatform::reportHeadersShowTheInstallType()
{
    Report r;
    r.url = QStringLiteral("https://gitlab.example.com");
    r.method = QStringLiteral("manual");
    r.methodSource = QStringLiteral("detected");
    Finding f;
    f.id = QStringLiteral("platform.install_type");
    f.category = category::platform;
    f.status = Status::Fail;
    f.evidence.insert(QStringLiteral("install_type"), QStringLiteral("legacy-connect"));
    f.evidence.insert(QStringLiteral("decided_by"), QStringLiteral("settings"));
    r.checks.append(f);
    const QString text = TextFormatter::format(r, {});
    QVERIFY2(text.contains(QLatin1String("Install type: legacy-connect (decided from the settings)")),
             qPrintable(text));
    // A value this version does not know (a hostile or newer export) is not shown.
    r.checks.first().evidence.insert(QStringLiteral("install_type"), QStringLiteral("\x1b]0;owned\x07"));
    QVERIFY(r.installType().isEmpty());
    QVERIFY(!TextFormatter::format(r, {}).contains(QLatin1String("Install type")));
}

QTEST_GUILESS_MAIN(TestPlatform)
#include "tst_platform.moc"
