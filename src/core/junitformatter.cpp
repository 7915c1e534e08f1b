// SPDX-License-Identifier: GPL-3.0-or-later
#include "junitformatter.h"

#include "safetext.h"

#include "checks/check.h"
#include "textformatter.h"

#include <QXmlStreamWriter>

namespace gjd {

namespace {

// XML 1.0 allows neither most control characters nor lone surrogates nor U+FFFE/U+FFFF, a server
// can send any of them, and QXmlStreamWriter writes them as they are: the file would not parse
// and CI would drop the whole report. They become U+FFFD.
QString xmlText(const QString& text)
{
    return safeText(text, SafeFor::Xml);
}

// A message attribute is shown on one line.
QString xmlAttribute(const QString& text)
{
    QString line = xmlText(text);
    line.replace(QLatin1Char('\r'), QLatin1Char(' '))
        .replace(QLatin1Char('\n'), QLatin1Char(' '))
        .replace(QLatin1Char('\t'), QLatin1Char(' '));
    return line;
}

// JUnit times are seconds; QString::number ignores the locale, so the separator is always '.'.
QString seconds(qint64 ms)
{
    return QString::number(double(ms) / 1000.0, 'f', 3);
}

QString summaryOf(const Finding& f)
{
    // GitLab reads an element with attributes but no text as a map, not as the test's details.
    return f.summary.isEmpty() ? TextFormatter::statusTitle(f.status) : f.summary;
}

QString caseText(const Finding& f)
{
    QStringList parts{summaryOf(f)};
    if (!f.details.isEmpty())
        parts.append(f.details);
    if (!f.remedy.isEmpty())
        parts.append(JunitFormatter::tr("Fix: %1").arg(f.remedy));
    if (!f.explains.isEmpty()) {
        QStringList quoted;
        for (const QString& e : f.explains)
            quoted.append(QStringLiteral("“%1”").arg(e));
        parts.append(JunitFormatter::tr("Explains: %1").arg(quoted.join(QLatin1String("; "))));
    }
    if (!f.docs.isEmpty())
        parts.append(JunitFormatter::tr("Documentation: %1").arg(f.docs.join(QLatin1Char(' '))));
    return xmlText(parts.join(QLatin1String("\n\n")));
}

// One <testcase>: its status as JUnit has it, the finding's text where GitLab shows it.
void writeCase(QXmlStreamWriter& w, const Finding* f, const QString& category)
{
    w.writeStartElement(QStringLiteral("testcase"));
    w.writeAttribute(QStringLiteral("classname"),
                     QStringLiteral("gitlab-jira-doctor.") + xmlAttribute(category));
    w.writeAttribute(QStringLiteral("name"), xmlAttribute(f->id));
    w.writeAttribute(QStringLiteral("time"), seconds(f->durationMs));
    // The text of a failing case goes into <failure>/<error> only: GitLab takes
    // "[[ATTACHMENT|path]]" from the <system-out> of failed cases, and server text must not
    // be able to point it at a job artifact.
    switch (f->status) {
    case Status::Fail:
    case Status::Error: {
        const bool fail = f->status == Status::Fail;
        w.writeStartElement(fail ? QStringLiteral("failure") : QStringLiteral("error"));
        w.writeAttribute(QStringLiteral("message"), xmlAttribute(summaryOf(*f)));
        w.writeAttribute(QStringLiteral("type"), statusId(f->status));
        w.writeCharacters(caseText(*f));
        w.writeEndElement();
        break;
    }
    case Status::Skip:
    case Status::Manual:
        // With text as well as the message: GitLab shows an element's text as its details.
        w.writeStartElement(QStringLiteral("skipped"));
        w.writeAttribute(QStringLiteral("message"), xmlAttribute(summaryOf(*f)));
        w.writeCharacters(caseText(*f));
        w.writeEndElement();
        break;
    case Status::Warn:
        w.writeTextElement(QStringLiteral("system-out"), caseText(*f));
        break;
    case Status::Pass:
    case Status::Info:
        w.writeTextElement(QStringLiteral("system-out"), xmlText(summaryOf(*f)));
        break;
    }
    w.writeEndElement(); // testcase
}

} // namespace

QByteArray JunitFormatter::format(const Report& report)
{
    // Catalogue order, as every other format, then categories this version does not know (a
    // report read from a newer version's export).
    const QStringList categories = Categories::idsFor(report.checks);

    const QString timestamp =
        report.generatedAt.isValid() ? report.generatedAt.toUTC().toString(Qt::ISODate) : QString();

    QByteArray out;
    QXmlStreamWriter w(&out);
    w.setAutoFormatting(true);
    w.setAutoFormattingIndent(2);
    w.writeStartDocument();
    w.writeStartElement(QStringLiteral("testsuites"));
    w.writeAttribute(QStringLiteral("name"), QStringLiteral("gitlab-jira-doctor"));
    // JUnit adds times up: a suite's time is the sum of its cases', the total the sum of the
    // suites'. Checks run concurrently, so that sum is more than the run's wall-clock time, which
    // the other formats give; CI tools that check the sums (or add the suites up themselves) would
    // otherwise show a total smaller than its parts.
    writeTotals(w, totals(report));

    for (const QString& category : std::as_const(categories)) {
        QList<const Finding*> members;
        int failures = 0;
        int errors = 0;
        int skipped = 0;
        qint64 ms = 0;
        for (const Finding& f : report.checks) {
            if (f.category != category)
                continue;
            members.append(&f);
            failures += f.status == Status::Fail;
            errors += f.status == Status::Error;
            skipped += f.status == Status::Skip || f.status == Status::Manual;
            ms += f.durationMs;
        }
        if (members.isEmpty())
            continue;
        w.writeStartElement(QStringLiteral("testsuite"));
        w.writeAttribute(QStringLiteral("name"), xmlAttribute(category));
        w.writeAttribute(QStringLiteral("tests"), QString::number(members.size()));
        w.writeAttribute(QStringLiteral("failures"), QString::number(failures));
        w.writeAttribute(QStringLiteral("errors"), QString::number(errors));
        w.writeAttribute(QStringLiteral("skipped"), QString::number(skipped));
        w.writeAttribute(QStringLiteral("time"), seconds(ms));
        if (!timestamp.isEmpty())
            w.writeAttribute(QStringLiteral("timestamp"), timestamp);

        for (const Finding* f : std::as_const(members))
            writeCase(w, f, category);
        w.writeEndElement(); // testsuite
    }
    w.writeEndElement(); // testsuites
    w.writeEndDocument();
    return out;
}

JunitFormatter::Totals& JunitFormatter::Totals::operator+=(const Totals& other)
{
    tests += other.tests;
    failures += other.failures;
    errors += other.errors;
    skipped += other.skipped;
    timeMs += other.timeMs;
    return *this;
}

JunitFormatter::Totals JunitFormatter::totals(const Report& report)
{
    Totals t;
    for (const Finding& f : report.checks) {
        ++t.tests;
        t.failures += f.status == Status::Fail;
        t.errors += f.status == Status::Error;
        t.skipped += f.status == Status::Skip || f.status == Status::Manual;
        t.timeMs += f.durationMs;
    }
    return t;
}

void JunitFormatter::writeTotals(QXmlStreamWriter& w, const Totals& t)
{
    w.writeAttribute(QStringLiteral("tests"), QString::number(t.tests));
    w.writeAttribute(QStringLiteral("failures"), QString::number(t.failures));
    w.writeAttribute(QStringLiteral("errors"), QString::number(t.errors));
    w.writeAttribute(QStringLiteral("skipped"), QString::number(t.skipped));
    w.writeAttribute(QStringLiteral("time"), seconds(t.timeMs));
}

void JunitFormatter::writeInstanceSuite(QXmlStreamWriter& w, const Report& report)
{
    w.writeStartElement(QStringLiteral("testsuite"));
    w.writeAttribute(QStringLiteral("name"), xmlAttribute(report.url));
    writeTotals(w, totals(report));
    if (report.generatedAt.isValid())
        w.writeAttribute(QStringLiteral("timestamp"), report.generatedAt.toUTC().toString(Qt::ISODate));
    const QStringList categories = Categories::idsFor(report.checks);
    for (const QString& category : categories) {
        for (const Finding& f : report.checks) {
            if (f.category == category)
                writeCase(w, &f, category);
        }
    }
    w.writeEndElement();
}

} // namespace gjd
