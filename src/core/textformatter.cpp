// SPDX-License-Identifier: GPL-3.0-or-later
#include "textformatter.h"

#include "checks/check.h"

#include <QJsonObject>

namespace gjd {

namespace {

const char* colorOf(Status status)
{
    switch (status) {
    case Status::Pass:
        return "\x1b[32m";
    case Status::Info:
        return "\x1b[36m";
    case Status::Warn:
        return "\x1b[33m";
    case Status::Fail:
    case Status::Error:
        return "\x1b[31m";
    case Status::Skip:
    case Status::Manual:
        return "\x1b[2m";
    }
    return "";
}

} // namespace

QString TextFormatter::paint(Status status, const QString& text, bool color)
{
    if (!color)
        return text;
    return QString::fromLatin1(colorOf(status)) + text + QStringLiteral("\x1b[0m");
}

QString TextFormatter::mark(Status status)
{
    switch (status) {
    case Status::Pass:
        return QStringLiteral("✓");
    case Status::Info:
        return QStringLiteral("i");
    case Status::Warn:
        return QStringLiteral("!");
    case Status::Fail:
        return QStringLiteral("✗");
    case Status::Skip:
        return QStringLiteral("-");
    case Status::Manual:
        return QStringLiteral("?");
    case Status::Error:
        return QStringLiteral("E");
    }
    return QStringLiteral(" ");
}

QString TextFormatter::methodSourceTitle(const QString& source)
{
    return source == QLatin1String("given")      ? tr("given")
           : source == QLatin1String("detected") ? tr("detected")
                                                 : tr("assumed");
}

QString TextFormatter::statusTitle(Status status)
{
    switch (status) {
    case Status::Pass:
        return tr("pass");
    case Status::Info:
        return tr("info");
    case Status::Warn:
        return tr("warn");
    case Status::Fail:
        return tr("fail");
    case Status::Skip:
        return tr("skip");
    case Status::Manual:
        return tr("manual");
    case Status::Error:
        return tr("error");
    }
    return QString();
}

QString TextFormatter::installTypeSource(const QString& decidedBy)
{
    if (decidedBy == QLatin1String("settings"))
        return tr("the settings");
    if (decidedBy == QLatin1String("descriptor_key"))
        return tr("the descriptor key");
    if (decidedBy == QLatin1String("descriptor_key+endpoints"))
        return tr("the descriptor key and the public endpoints");
    return QString();
}

QString TextFormatter::format(const Report& unsafe, const Options& options)
{
    // Server and file text in any field: nothing reaches a terminal or a ticket unescaped.
    const Report report = unsafe.safeFor(SafeFor::Display);
    const auto paint = [&options](Status status, const QString& text) {
        return TextFormatter::paint(status, text, options.color);
    };
    const QString bold = options.color ? QStringLiteral("\x1b[1m") : QString();
    const QString reset = options.color ? QStringLiteral("\x1b[0m") : QString();

    QString out;
    const QString methodNote = methodSourceTitle(report.methodSource);
    out += bold + tr("GitLab Jira Doctor %1 — %2").arg(report.toolVersion, report.url) + reset +
           QLatin1Char('\n');
    out += (report.methodReason.isEmpty() ? tr("Method: %1 (%2)").arg(report.method, methodNote)
                                          : tr("Method: %1 (%2)").arg(report.method, report.methodReason)) +
           QLatin1Char('\n');
    if (!report.installType().isEmpty())
        out += tr("Install type: %1 (decided from %2)")
                   .arg(report.installType(), installTypeSource(report.installTypeDecidedBy())) +
               QLatin1Char('\n');

    int idWidth = 0;
    for (const Finding& f : report.checks)
        idWidth = std::max(idWidth, int(f.id.size()));

    const QStringList categories = Categories::idsFor(report.checks);
    for (const QString& category : std::as_const(categories)) {
        QList<const Finding*> members;
        for (const Finding& f : report.checks) {
            if (f.category == category)
                members.append(&f);
        }
        if (members.isEmpty())
            continue;
        out += QLatin1Char('\n') + bold + Categories::title(category) + reset + QLatin1Char('\n');
        for (int i = 0; i < members.size(); ++i) {
            const Finding& f = *members.at(i);
            const bool last = i == members.size() - 1;
            const QString branch = last ? QStringLiteral("└─ ") : QStringLiteral("├─ ");
            const QString stem = last ? QStringLiteral("      ") : QStringLiteral("│     ");
            QString line = branch + paint(f.status, mark(f.status)) + QLatin1Char(' ') +
                           f.id.leftJustified(idWidth + 2) + f.title;
            if (f.status == Status::Skip || f.status == Status::Info || f.status == Status::Manual ||
                f.status == Status::Error)
                line += QStringLiteral(" — ") + paint(f.status, f.summary);
            out += line + QLatin1Char('\n');
            if (f.status == Status::Warn || f.status == Status::Fail) {
                out += stem + paint(f.status, f.summary) + QLatin1Char('\n');
                if (const QString who = consumersLine(f); !who.isEmpty())
                    out += stem + who + QLatin1Char('\n');
                if (!f.remedy.isEmpty())
                    out += stem + tr("Fix: %1").arg(f.remedy) + QLatin1Char('\n');
            }
        }
    }

    const Summary s = report.summary();
    out += QLatin1Char('\n') + bold +
           tr("Verdict: %1").arg(paint(s.verdict, statusTitle(s.verdict).toUpper())) + reset +
           QStringLiteral(" — ") + statusCounts(s) + tr(" (%1 ms)").arg(report.durationMs) +
           QLatin1Char('\n');
    return out;
}

QString TextFormatter::statusCounts(const Summary& s)
{
    QStringList counts;
    for (Status st : {Status::Pass, Status::Info, Status::Warn, Status::Fail, Status::Skip, Status::Manual,
                      Status::Error}) {
        if (s.count(st) > 0)
            counts.append(tr("%1: %2", "status: count").arg(statusTitle(st)).arg(s.count(st)));
    }
    return counts.join(QStringLiteral(", "));
}

QString TextFormatter::consumersLine(const Finding& finding)
{
    const QJsonObject consumers = finding.evidence.value(QStringLiteral("consumers")).toObject();
    const QString gitlab = consumers.value(QStringLiteral("gitlab_com")).toString();
    const QString jira = consumers.value(QStringLiteral("jira_cloud")).toString();
    const QLatin1String reject("reject");
    const QLatin1String accept("accept");
    if (gitlab == reject && jira == reject)
        return tr("Refused by GitLab.com (the Marketplace app) and Jira Cloud (legacy Connect installs).");
    if (gitlab == reject)
        return jira == accept
                   ? tr("Refused by GitLab.com (the Marketplace app depends on it); Jira Cloud accepts it.")
                   : tr("Refused by GitLab.com (the Marketplace app depends on it).");
    if (jira == reject)
        return gitlab == accept ? tr("Refused by Jira Cloud (legacy Connect installs depend on it); "
                                     "GitLab.com accepts it.")
                                : tr("Refused by Jira Cloud (legacy Connect installs depend on it).");
    return {};
}

} // namespace gjd
