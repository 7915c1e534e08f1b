// SPDX-License-Identifier: GPL-3.0-or-later
#include "fleetformatter.h"

#include "junitformatter.h"
#include "safetext.h"
#include "textformatter.h"

#include <QXmlStreamWriter>

namespace gjd {

QString FleetFormatter::text(const FleetReport& report, bool color)
{
    const auto paint = [color](Status status, const QString& text) {
        return TextFormatter::paint(status, text, color);
    };
    const QString bold = color ? QStringLiteral("\x1b[1m") : QString();
    const QString reset = color ? QStringLiteral("\x1b[0m") : QString();
    const FleetReport::FleetSummary s = report.summary();
    const auto safe = [](const QString& text) {
        return safeText(text, SafeFor::Display);
    };

    QString out;
    out += bold +
           tr("GitLab Jira Doctor %1 — %n instance(s) from %2", nullptr, s.instances + s.badLines)
               .arg(report.toolVersion, safe(report.source)) +
           reset + QLatin1Char('\n');
    if (!s.failing.isEmpty()) {
        out += QLatin1Char('\n') + bold + tr("Failing checks, most common first") + reset + QLatin1Char('\n');
        int idWidth = 0;
        for (const FleetReport::FailingCheck& c : s.failing)
            idWidth = std::max(idWidth, int(c.id.size()));
        for (const FleetReport::FailingCheck& c : s.failing)
            out += QStringLiteral("  ") + paint(Status::Fail, TextFormatter::mark(Status::Fail)) +
                   QLatin1Char(' ') + safe(c.id).leftJustified(idWidth + 2) +
                   tr("%n instance(s)", nullptr, c.count) + QStringLiteral(" — ") + safe(c.title) +
                   QLatin1Char('\n');
    }
    if (s.badLines > 0) {
        out += QLatin1Char('\n') + bold + tr("Lines that cannot be used") + reset + QLatin1Char('\n');
        for (const FleetEntry& e : report.entries) {
            if (!e.report)
                out += QStringLiteral("  ") + paint(Status::Error, TextFormatter::mark(Status::Error)) +
                       QLatin1Char(' ') +
                       tr("line %1: %2 (%3)").arg(e.line).arg(safe(e.error), safe(e.text)) +
                       QLatin1Char('\n');
        }
    }
    for (const FleetEntry& e : report.entries) {
        if (!e.report)
            continue;
        const Report r = e.report->safeFor(SafeFor::Display);
        const Summary one = r.summary();
        if (one.verdict == Status::Pass && one.count(Status::Error) == 0)
            continue;
        out += QLatin1Char('\n') + bold + paint(one.verdict, TextFormatter::mark(one.verdict)) +
               QLatin1Char(' ') +
               tr("%1 (line %2): %3")
                   .arg(r.url)
                   .arg(e.line)
                   .arg(TextFormatter::statusTitle(one.verdict).toUpper()) +
               reset + QLatin1Char('\n');
        for (const Finding& f : r.checks) {
            if (f.status != Status::Warn && f.status != Status::Fail && f.status != Status::Error)
                continue;
            out += QStringLiteral("  ") + paint(f.status, TextFormatter::mark(f.status)) + QLatin1Char(' ') +
                   f.id + QStringLiteral("  ") + f.title + QLatin1Char('\n');
            out += QStringLiteral("      ") + paint(f.status, f.summary) + QLatin1Char('\n');
            if (!f.remedy.isEmpty())
                out += QStringLiteral("      ") + tr("Fix: %1").arg(f.remedy) + QLatin1Char('\n');
        }
    }
    QStringList counts;
    counts.append(tr("%1: %2", "verdict: count").arg(TextFormatter::statusTitle(Status::Pass)).arg(s.pass));
    counts.append(tr("%1: %2", "verdict: count").arg(TextFormatter::statusTitle(Status::Warn)).arg(s.warn));
    counts.append(tr("%1: %2", "verdict: count").arg(TextFormatter::statusTitle(Status::Fail)).arg(s.fail));
    if (s.incomplete > 0)
        counts.append(tr("%n incomplete", nullptr, s.incomplete));
    if (s.badLines > 0)
        counts.append(tr("%n line(s) not used", nullptr, s.badLines));
    out += QLatin1Char('\n') + bold +
           tr("Fleet verdict: %1").arg(paint(s.verdict, TextFormatter::statusTitle(s.verdict).toUpper())) +
           reset + QStringLiteral(" — ") + counts.join(QStringLiteral(", ")) +
           tr(" (%1 ms)").arg(report.durationMs) + QLatin1Char('\n');
    return out;
}

QByteArray FleetFormatter::junit(const FleetReport& report)
{
    // Totals first: a reader takes the <testsuites> attributes as the sums of the suites'.
    JunitFormatter::Totals all;
    for (const FleetEntry& e : report.entries) {
        if (e.report) {
            all += JunitFormatter::totals(*e.report);
        } else {
            ++all.tests;
            ++all.errors;
        }
    }
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.setAutoFormatting(true);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("testsuites"));
    xml.writeAttribute(QStringLiteral("name"), QStringLiteral("gitlab-jira-doctor fleet"));
    JunitFormatter::writeTotals(xml, all);
    for (const FleetEntry& e : report.entries) {
        if (e.report) {
            JunitFormatter::writeInstanceSuite(xml, *e.report);
            continue;
        }
        xml.writeStartElement(QStringLiteral("testsuite"));
        xml.writeAttribute(QStringLiteral("name"), safeText(e.url.isEmpty() ? e.text : e.url, SafeFor::Xml));
        JunitFormatter::writeTotals(xml, JunitFormatter::Totals{1, 0, 1, 0, 0});
        xml.writeStartElement(QStringLiteral("testcase"));
        xml.writeAttribute(QStringLiteral("name"), tr("line %1").arg(e.line));
        xml.writeAttribute(QStringLiteral("classname"), QStringLiteral("targets"));
        xml.writeStartElement(QStringLiteral("error"));
        xml.writeAttribute(QStringLiteral("message"), safeText(e.error, SafeFor::Xml));
        xml.writeCharacters(safeText(e.text, SafeFor::Xml));
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
    }
    xml.writeEndElement();
    xml.writeEndDocument();
    return out;
}

} // namespace gjd
