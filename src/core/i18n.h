// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QString>
#include <QStringList>

class QCoreApplication;

namespace gjd {

// Installs the translations of the program (embedded at ":/i18n/gitlab-jira-doctor_<lang>.qm")
// and Qt's own "qtbase" catalogue for one language, replacing whatever an earlier call installed.
//
// languageOverride: empty = follow the system's UI languages in order of preference;
// "en" = no translation (English is the source language); any other code such as "de" forces
// that language. Qt's catalogue is only loaded for the language the program itself is shown in,
// so that dialogs never mix two languages.
//
// Returns whether a translation of the program was installed.
bool installTranslations(QCoreApplication& app, const QString& languageOverride = {});

// A date as the current default locale writes it in full, without the weekday
// ("31 March 2026", "31. März 2026", "March 31, 2026").
QString longDate(const QDate& date);

// The language codes the program ships a translation for (without "en"), e.g. {"de"}.
QStringList availableTranslations();

} // namespace gjd
