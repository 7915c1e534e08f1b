// SPDX-License-Identifier: GPL-3.0-or-later
#include "platformfacts.h"

#include "i18n.h"

#include <QLocale>

namespace gjd::platform {

QString Milestone::displayDate() const
{
    if (precision == Precision::Month)
        return QLocale().standaloneMonthName(date.month(), QLocale::LongFormat) + QLatin1Char(' ') +
               QString::number(date.year());
    return longDate(date);
}

QJsonObject Milestone::toJson() const
{
    return {
        {QStringLiteral("id"), id},
        {QStringLiteral("date"), precision == Precision::Month ? date.toString(QStringLiteral("yyyy-MM"))
                                                               : date.toString(Qt::ISODate)},
        {QStringLiteral("precision"),
         precision == Precision::Month ? QStringLiteral("month") : QStringLiteral("day")},
        {QStringLiteral("wording"), wording},
        {QStringLiteral("source"), source},
    };
}

// The facts of the platform as of December 2026, each with where it was read. A third-party day
// for Jira's Connect end (2027-01-31) is deliberately absent: no Atlassian source confirms it.
const QList<Milestone>& milestones()
{
    static const QList<Milestone> table{
        // Jira's Development Mode says so since 2026-03-31, citing Forge changelog CHANGE-3096
        // (reported by Sentry, Mattermost and GitLab's own tracker).
        {QStringLiteral("private-connect-installs-blocked"), QDate(2026, 3, 31), Precision::Day,
         QStringLiteral(
             "Development Mode no longer supports installing private apps using an app descriptor URL"),
         QStringLiteral("https://github.com/getsentry/sentry/issues/121935")},
        // The banner Jira shows on Connect apps (recorded in Atlassian's own github-for-jira).
        {QStringLiteral("connect-end-of-support"), QDate(2026, 12, 1), Precision::Month,
         QStringLiteral("This app may stop working after December 2026, as it's running on a platform that "
                        "will be unsupported from that date."),
         QStringLiteral("https://github.com/atlassian/github-for-jira/issues/2681")},
    };
    return table;
}

const Milestone& privateConnectInstallsBlocked()
{
    return milestones().at(0);
}

const Milestone& connectEndOfSupport()
{
    return milestones().at(1);
}

ConnectPhase connectPhase(const QDate& today)
{
    if (connectEndOfSupport().reached(today))
        return ConnectPhase::EndOfSupport;
    if (privateConnectInstallsBlocked().reached(today))
        return ConnectPhase::PrivateInstallsBlocked;
    return ConnectPhase::PrivateInstallsOpen;
}

QString connectPhaseId(ConnectPhase phase)
{
    switch (phase) {
    case ConnectPhase::PrivateInstallsOpen:
        return QStringLiteral("private-installs-open");
    case ConnectPhase::PrivateInstallsBlocked:
        return QStringLiteral("private-installs-blocked");
    case ConnectPhase::EndOfSupport:
        return QStringLiteral("end-of-support");
    }
    return QString();
}

QString PlatformText::connectStatus(const QDate& today)
{
    // Only what the sources say: a month, and "may stop working". Nothing is promised before that
    // month either, and nothing says that installs stop on a given day.
    const Milestone& eos = connectEndOfSupport();
    switch (connectPhase(today)) {
    case ConnectPhase::EndOfSupport:
        return tr("Atlassian dates Connect's end of support to %1 (no exact day is published); Jira shows "
                  "Connect apps \"%2\"")
            .arg(eos.displayDate(), eos.wording);
    case ConnectPhase::PrivateInstallsBlocked:
    case ConnectPhase::PrivateInstallsOpen:
        break;
    }
    return tr("Atlassian ends Connect support in %1 (no exact day is published); a Connect app may stop "
              "working after that.")
        .arg(eos.displayDate());
}

QString PlatformText::newInstallStatus(const QDate& today)
{
    const Milestone& blocked = privateConnectInstallsBlocked();
    if (blocked.reached(today))
        return tr("A private Connect app cannot be installed since %1: Jira says \"%2\".")
            .arg(blocked.displayDate(), blocked.wording);
    return tr("From %1 Jira no longer installs private Connect apps from a descriptor URL.")
        .arg(blocked.displayDate());
}

QStringList PlatformText::unknowns()
{
    return {tr("Whether development information synced under the private app's key survives the move to the "
               "Marketplace app is not known: after the move, look at the development panel of a few Jira "
               "issues."),
            tr("Atlassian publishes no exact day on which Connect apps stop working.")};
}

QString PlatformText::forgeUpgradeWhere()
{
    return tr("In Jira, where it says \"App management has moved to Administration\", choose Take me there "
              "→ Installed apps (older sites still show Manage your apps) and find \"GitLab for Jira "
              "Cloud\". If Jira asks an administrator to approve a major update of the app, approve it.");
}

QString PlatformText::forgeUpgradeWhy(const QDate& today)
{
    return tr("GitLab republished the Marketplace app on Atlassian's Forge platform as a major upgrade that "
              "a "
              "Jira site or organization administrator must approve; for a site that already has the "
              "Marketplace app it keeps the app's key and the synced data. A site that has not approved it "
              "stays on the Connect version, which is the one at risk: %1 Nothing this program can ask tells "
              "whether a site approved it.")
        .arg(connectStatus(today));
}

} // namespace gjd::platform
