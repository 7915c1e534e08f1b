// SPDX-License-Identifier: GPL-3.0-or-later
#include "markdownformatter.h"

#include "checks/check.h"
#include "textformatter.h"

#include <QRegularExpression>

namespace gjd {

QString MarkdownFormatter::escape(const QString& text)
{
    // Parentheses are plain text in Markdown except in two places: a link's destination, which
    // needs the "[…]" before it (escaped here, so no link can form), and an ordered list marker
    // ("1)" or "1." at the start of a line, then a space). Only the marker is escaped: every "("
    // of a summary came out as "\(", which a reader sees wherever the ticket is read unrendered.
    int listMarker = -1;
    int digits = 0;
    while (digits < text.size() && digits < 10 && text.at(digits).isDigit() &&
           text.at(digits).unicode() < 128)
        ++digits;
    if (digits > 0 && digits <= 9 && digits < text.size() &&
        (text.at(digits) == QLatin1Char(')') || text.at(digits) == QLatin1Char('.')) &&
        (digits + 1 == text.size() || text.at(digits + 1).isSpace()))
        listMarker = digits;

    QString out;
    out.reserve(text.size() + 16);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
            out += QLatin1Char(' ');
            continue;
        }
        if (QStringLiteral("\\`*_{}[]<>#+!|~").contains(c) || i == listMarker)
            out += QLatin1Char('\\');
        out += c;
    }
    return out;
}

QString MarkdownFormatter::format(const Report& unsafe)
{
    // Server and file text in any field: nothing reaches a terminal or a ticket unescaped.
    const Report report = unsafe.safeFor(SafeFor::Display);
    const Summary s = report.summary();
    QString out;
    out += QStringLiteral("### ") + tr("GitLab for Jira Cloud app diagnostics: %1").arg(escape(report.url)) +
           QStringLiteral("\n\n");
    out += QStringLiteral("- ") + tr("Verdict: **%1**").arg(TextFormatter::statusTitle(s.verdict).toUpper()) +
           QLatin1Char('\n');
    QStringList counts;
    for (Status st : {Status::Pass, Status::Info, Status::Warn, Status::Fail, Status::Skip, Status::Manual,
                      Status::Error}) {
        if (s.count(st) > 0)
            counts.append(tr("%1: %2", "status: count").arg(TextFormatter::statusTitle(st)).arg(s.count(st)));
    }
    out += QStringLiteral("- ") + counts.join(QLatin1String(", ")) + QLatin1Char('\n');
    out += QStringLiteral("- ") +
           tr("Method: %1 (%2)").arg(report.method, TextFormatter::methodSourceTitle(report.methodSource)) +
           QLatin1Char('\n');
    if (!report.installType().isEmpty())
        out +=
            QStringLiteral("- ") +
            tr("Install type: %1 (decided from %2)")
                .arg(report.installType(), TextFormatter::installTypeSource(report.installTypeDecidedBy())) +
            QLatin1Char('\n');
    if (!report.publicUrl.isEmpty())
        out += QStringLiteral("- ") + tr("Public URL: %1").arg(escape(report.publicUrl)) + QLatin1Char('\n');
    out += QStringLiteral("- ") +
           tr("GitLab Jira Doctor %1, %2").arg(report.toolVersion, report.generatedAt.toString(Qt::ISODate)) +
           QLatin1Char('\n');

    QList<const Finding*> problems;
    for (const Finding& f : report.checks) {
        if (f.status == Status::Fail || f.status == Status::Warn || f.status == Status::Error)
            problems.append(&f);
    }
    std::stable_sort(problems.begin(), problems.end(), [](const Finding* a, const Finding* b) {
        return severity(a->status) > severity(b->status);
    });
    if (!problems.isEmpty()) {
        out += QStringLiteral("\n#### ") + tr("What to fix") + QStringLiteral("\n\n");
        for (const Finding* f : std::as_const(problems)) {
            out += QStringLiteral("- **%1** `%2` — %3\n")
                       .arg(TextFormatter::statusTitle(f->status), f->id, escape(f->summary));
            if (!f->remedy.isEmpty())
                out += QStringLiteral("  - ") + tr("Fix: %1").arg(escape(f->remedy)) + QLatin1Char('\n');
            if (!f->explains.isEmpty())
                out += QStringLiteral("  - ") +
                       tr("Explains: %1").arg(escape(f->explains.join(QLatin1String("; ")))) +
                       QLatin1Char('\n');
        }
    }

    out += QStringLiteral("\n#### ") + tr("All checks") + QStringLiteral("\n\n");
    out += QStringLiteral("| | %1 | %2 | %3 |\n|---|---|---|---|\n")
               .arg(tr("Check"), tr("Status"), tr("Summary"));
    for (const Finding& f : report.checks)
        out += QStringLiteral("| %1 | `%2` | %3 | %4 |\n")
                   .arg(TextFormatter::mark(f.status), f.id, TextFormatter::statusTitle(f.status),
                        escape(f.summary));
    return out;
}

} // namespace gjd
