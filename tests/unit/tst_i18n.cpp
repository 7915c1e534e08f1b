// SPDX-License-Identifier: GPL-3.0-or-later
// Plural forms: the English source strings say "%n certificate(s)", which only a translation
// turns into "1 certificate" and "3 certificates" (translations/gitlab-jira-doctor_en.ts, built
// with `lupdate -pluralonly`). Every %n string of the sources has its English forms, none keeps
// "(s)", and German still goes first.

#include "i18n.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTest>
#include <QXmlStreamReader>

namespace gjd {

class TestI18n : public QObject
{
    Q_OBJECT

private slots:
    void englishPlurals();
    void germanBeforeEnglish();
    void everyPluralHasEnglishForms();
    void cleanupTestCase() { installTranslations(*QCoreApplication::instance(), QStringLiteral("en")); }
};

namespace {

QString served(int n)
{
    return QCoreApplication::translate("gjd::TlsHandshakeCheck",
                                       "%1 with %2, %n certificate(s) served, in %3 ms.", nullptr, n);
}

} // namespace

void TestI18n::englishPlurals()
{
    installTranslations(*QCoreApplication::instance(), QStringLiteral("en"));
    QCOMPARE(served(1), QStringLiteral("%1 with %2, 1 certificate served, in %3 ms."));
    QCOMPARE(served(3), QStringLiteral("%1 with %2, 3 certificates served, in %3 ms."));
    QCOMPARE(QCoreApplication::translate("gjd::TcpProbe", "Connecting to %n address(es) of %1 on port %2…",
                                         nullptr, 2),
             QStringLiteral("Connecting to 2 addresses of %1 on port %2…"));
    // The plural forms are not a language of their own.
    QVERIFY(!availableTranslations().contains(QStringLiteral("en")));
}

void TestI18n::germanBeforeEnglish()
{
    QVERIFY(installTranslations(*QCoreApplication::instance(), QStringLiteral("de")));
    const QString text = served(1);
    QVERIFY2(!text.contains(QStringLiteral("certificate")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("1 ")), qPrintable(text));
}

void TestI18n::everyPluralHasEnglishForms()
{
    QFile ts(QStringLiteral(GJD_SOURCE_DIR "/translations/gitlab-jira-doctor_en.ts"));
    QVERIFY(ts.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&ts);
    int numerus = 0;
    QString source;
    QStringList forms;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("source"))
            source = xml.readElementText();
        else if (xml.isStartElement() && xml.name() == QLatin1String("numerusform"))
            forms.append(xml.readElementText());
        else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            ++numerus;
            QCOMPARE(forms.size(), 2);
            for (const QString& form : std::as_const(forms)) {
                QVERIFY2(!form.contains(QRegularExpression(QStringLiteral("\\((e?s)\\)"))), qPrintable(form));
                QVERIFY2(form.contains(QStringLiteral("%n")), qPrintable(source));
            }
            forms.clear();
        }
    }
    QVERIFY(!xml.hasError());
    QVERIFY(numerus > 20);
}

} // namespace gjd

QTEST_GUILESS_MAIN(gjd::TestI18n)
#include "tst_i18n.moc"
