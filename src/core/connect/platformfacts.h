// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace gjd::platform {

// How precisely the source gives a day: Atlassian names some milestones only by month.
enum class Precision
{
    Day,
    Month // `date` is the first day of the month; no day is known
};

// One dated fact of the platform, as its source states it. The only place dates of Atlassian's
// Connect end of support live: checks, the setup plan and the wizard read them from here and
// never invent a day.
struct Milestone
{
    QString id; // stable, for reports: "private-connect-installs-blocked", …
    QDate date; // Day: that day; Month: the first day of the month
    Precision precision = Precision::Day;
    QString wording; // the platform's own words, quoted as they are and never translated
    QString source;  // where the wording was read (URL)

    bool reached(const QDate& today) const { return today.isValid() && today >= date; }
    // "31 March 2026" (Day) or "December 2026" (Month), in the current locale.
    QString displayDate() const;
    // {id, date ("2026-03-31" or "2026-12"), precision ("day" | "month"), wording, source}
    QJsonObject toJson() const;
};

// Every milestone, in date order.
const QList<Milestone>& milestones();
// Jira's Development Mode stopped installing private Connect apps from a descriptor URL.
const Milestone& privateConnectInstallsBlocked();
// Atlassian Connect's end of support: a month, no day.
const Milestone& connectEndOfSupport();

// Where Connect stands on a day.
enum class ConnectPhase
{
    PrivateInstallsOpen,    // before privateConnectInstallsBlocked
    PrivateInstallsBlocked, // no new private installs; existing ones supported
    EndOfSupport            // from the month of connectEndOfSupport on
};
ConnectPhase connectPhase(const QDate& today);
QString connectPhaseId(ConnectPhase phase); // "private-installs-open", …

// The sentences every place that speaks of Connect's end shares (translated; the quoted wording
// stays English, as Jira shows it).
class PlatformText
{
    Q_DECLARE_TR_FUNCTIONS(gjd::PlatformText)

public:
    // One sentence on where Connect stands for an install that already runs.
    static QString connectStatus(const QDate& today);
    // One sentence on whether a new private Connect install can be made.
    static QString newInstallStatus(const QDate& today);
    // What is not known and must not be guessed (one sentence each).
    static QStringList unknowns();
    // Where a Jira admin approves GitLab's Forge major upgrade, and why it matters on `today`.
    static QString forgeUpgradeWhere();
    static QString forgeUpgradeWhy(const QDate& today);
};

} // namespace gjd::platform
