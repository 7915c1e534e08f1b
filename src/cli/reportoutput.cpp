// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportoutput.h"

#include "clicommon.h"
#include "htmlformatter.h"
#include "junitformatter.h"
#include "markdownformatter.h"
#include "openmetricsformatter.h"
#include "safefile.h"
#include "safetext.h"
#include "textformatter.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>

namespace gjd::cli {

QStringList ReportOutput::formats()
{
    return {QStringLiteral("text"),     QStringLiteral("json"), QStringLiteral("junit"),
            QStringLiteral("markdown"), QStringLiteral("html"), QStringLiteral("openmetrics")};
}

QString ReportOutput::checkFormat(const QString& format)
{
    if (formats().contains(format))
        return QString();
    return tr("--format must be text, json, junit, markdown, html or openmetrics (got \"%1\")")
        .arg(safeText(format, SafeFor::OneLine));
}

QByteArray ReportOutput::render(const Report& report, const QString& format, bool color)
{
    if (format == QLatin1String("json"))
        return QJsonDocument(report.toJson()).toJson(QJsonDocument::Indented);
    if (format == QLatin1String("junit"))
        return JunitFormatter::format(report);
    if (format == QLatin1String("markdown"))
        return MarkdownFormatter::format(report).toUtf8();
    if (format == QLatin1String("html"))
        return HtmlFormatter::format(report).toUtf8();
    if (format == QLatin1String("openmetrics"))
        return OpenMetricsFormatter::format(report);
    TextFormatter::Options options;
    options.color = color;
    return TextFormatter::format(report, options).toUtf8();
}

QString ReportOutput::checkWritable(const QString& option, const QString& path)
{
    const QString why = checkOutputTarget(path);
    return why.isEmpty() ? QString() : tr("%1: %2").arg(option, why);
}

QString ReportOutput::write(const QString& option, const QString& path, const QByteArray& bytes)
{
    const QString why = writeOutputFile(path, bytes);
    return why.isEmpty() ? QString() : tr("%1: %2").arg(option, why);
}

int ReportOutput::exitCode(const Report& report, bool strict)
{
    const Summary summary = report.summary();
    // A check that could not run (status error) is this program's problem, not the instance's:
    // exit 3, so that a pipeline never mistakes a broken run for a healthy instance.
    if (summary.count(Status::Error) > 0)
        return ExitInternal;
    if (summary.verdict == Status::Fail || (strict && summary.verdict == Status::Warn))
        return ExitFindings;
    return ExitOk;
}

} // namespace gjd::cli
