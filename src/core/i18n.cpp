// SPDX-License-Identifier: GPL-3.0-or-later
#include "i18n.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QTranslator>

// Debug output only on request (QT_LOGGING_RULES="gjd.i18n.debug=true"): the CLI keeps stderr clean.
Q_LOGGING_CATEGORY(lcI18n, "gjd.i18n", QtInfoMsg)

namespace gjd {

namespace {

// qt_add_translations() in translations/CMakeLists.txt embeds the .qm files under this prefix.
const auto kCatalogueDir = QStringLiteral(":/i18n");
const auto kCatalogueName = QStringLiteral("gitlab-jira-doctor");
// Marks the translators installed here, so that a second call can take them out again.
const auto kTranslatorName = QStringLiteral("gjd.translator");

void removeOwnTranslators(QCoreApplication& app)
{
    const auto translators = app.findChildren<QTranslator*>(kTranslatorName, Qt::FindDirectChildrenOnly);
    for (QTranslator* translator : translators) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
}

// The languages to try, best first, as QLocale names ("de_DE", "de"). English, the source
// language, ends the list: a user who prefers English over German must not get German.
QStringList candidateLanguages(const QString& languageOverride)
{
    const QStringList wanted =
        languageOverride.isEmpty() ? QLocale::system().uiLanguages() : QStringList{languageOverride};
    QStringList result;
    for (QString language : wanted) {
        language.replace(QLatin1Char('-'), QLatin1Char('_'));
        if (language == QLatin1String("C") || language == QLatin1String("en") ||
            language.startsWith(QLatin1String("en_"))) {
            break;
        }
        result.append(language);
        const qsizetype separator = language.indexOf(QLatin1Char('_'));
        if (separator > 0) {
            result.append(language.left(separator));
        }
    }
    result.removeDuplicates();
    return result;
}

QTranslator* loadTranslator(QCoreApplication& app, const QString& fileName, const QString& directory)
{
    auto* translator = new QTranslator(&app);
    translator->setObjectName(kTranslatorName);
    if (!translator->load(fileName, directory) || !QCoreApplication::installTranslator(translator)) {
        delete translator;
        return nullptr;
    }
    return translator;
}

} // namespace

bool installTranslations(QCoreApplication& app, const QString& languageOverride)
{
    removeOwnTranslators(app);
    // Dates and numbers follow the language the text is shown in: a German sentence with an
    // English date reads wrong. Without an override, the system's locale.
    static const QLocale systemDefault = QLocale();
    QLocale::setDefault(languageOverride.isEmpty() ? systemDefault : QLocale(languageOverride));

    // English plural forms ("1 certificate", "3 certificates" for tr("%n certificate(s)")), the
    // source strings' own language: installed first, so that every other translation goes before
    // it, and for every language, so that a string a translation lacks still reads right.
    const QString plurals = kCatalogueName + QLatin1String("_en.qm");
    if (!loadTranslator(app, plurals, kCatalogueDir))
        qCWarning(lcI18n) << "cannot load the English plural forms" << plurals;

    for (const QString& language : candidateLanguages(languageOverride)) {
        const QString appFile = kCatalogueName + QLatin1Char('_') + language + QLatin1String(".qm");
        if (!QFile::exists(kCatalogueDir + QLatin1Char('/') + appFile)) {
            continue;
        }
        if (!loadTranslator(app, appFile, kCatalogueDir)) {
            qCWarning(lcI18n) << "cannot load the translation" << appFile;
            continue;
        }
        // Qt's own strings (standard buttons, QCommandLineParser's --help, ...). Missing when the
        // distribution package with Qt's translations is not installed; the program still works.
        const QString qtDir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
        if (!loadTranslator(app, QLatin1String("qtbase_") + language + QLatin1String(".qm"), qtDir)) {
            qCDebug(lcI18n) << "no Qt translation for" << language << "in" << qtDir;
        }
        qCDebug(lcI18n) << "using the translation" << appFile;
        return true;
    }
    return false;
}

QString longDate(const QDate& date)
{
    const QLocale locale;
    QString format = locale.dateFormat(QLocale::LongFormat);
    format.remove(QRegularExpression(QStringLiteral("d{4}[,.]?\\s*")));
    return locale.toString(date, format.trimmed());
}

QStringList availableTranslations()
{
    QStringList languages;
    const QString prefix = kCatalogueName + QLatin1Char('_');
    const QStringList files =
        QDir(kCatalogueDir).entryList({prefix + QLatin1String("*.qm")}, QDir::Files, QDir::Name);
    for (const QString& file : files) {
        const QString language = file.mid(prefix.size()).chopped(3);
        if (language != QLatin1String("en")) // the plural forms of the source language
            languages.append(language);
    }
    return languages;
}

} // namespace gjd
