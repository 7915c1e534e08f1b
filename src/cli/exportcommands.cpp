// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportcommands.h"

#include "clicommon.h"
#include "export/exportbundle.h"
#include "fleet/fleetreport.h"
#include "fleetrun.h"
#include "reportdiff.h"
#include "reportoutput.h"

#include <QCommandLineParser>
#include <QJsonDocument>

namespace gjd::cli {

namespace {

struct Common
{
    QCommandLineOption help{{QStringLiteral("h"), QStringLiteral("help")},
                            ExportCommands::tr("Show this help.")};
    QCommandLineOption version{QStringLiteral("version"), ExportCommands::tr("Show the version.")};
    QCommandLineOption output{QStringLiteral("output"),
                              ExportCommands::tr("Write to FILE (atomically) instead of standard output."),
                              QStringLiteral("file")};
};

// --help / --version handled: returns the exit code, or -1 to go on.
int handleInfo(const QCommandLineParser& parser, const Common& common, const QString& usage)
{
    if (parser.isSet(common.help)) {
        out(commandHelp(parser.helpText(), usage));
        return ExitOk;
    }
    if (parser.isSet(common.version)) {
        out(QStringLiteral("gitlab-jira-doctor-cli %1\n").arg(QCoreApplication::applicationVersion()));
        return ExitOk;
    }
    return -1;
}

int deliver(const QString& outputPath, const QByteArray& bytes)
{
    if (outputPath.isEmpty()) {
        out(QString::fromUtf8(bytes));
        return ExitOk;
    }
    if (const QString why = ReportOutput::write(QStringLiteral("--output"), outputPath, bytes);
        !why.isEmpty())
        return usageError(why);
    return ExitOk;
}

} // namespace

int ExportCommands::show(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.setApplicationDescription(tr(
        "Prints a troubleshooting export (or a report.json, or a fleet report of check --targets) as check "
        "would, with the same exit code. The export is read, never unpacked to disk."));
    const Common common;
    const QCommandLineOption format(QStringLiteral("format"),
                                    tr("Output format: text (default), json, junit, markdown or html."),
                                    QStringLiteral("format"), QStringLiteral("text"));
    const QCommandLineOption strict(QStringLiteral("strict"), tr("Warnings also make the exit code 1."));
    parser.addOptions({common.help, common.version, format, common.output, strict});
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 tr("An export (.zip), a report (.json) or a fleet report (.json)."));
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (const int code = handleInfo(parser, common, tr("Usage: gitlab-jira-doctor-cli show [options] FILE"));
        code >= 0)
        return code;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return usageError(tr("show takes one file: an export (.zip) or a report (.json)"));
    const QString fmt = parser.value(format).toLower();
    if (const QString why = ReportOutput::checkFormat(fmt); !why.isEmpty())
        return usageError(why);
    const QString outputPath = parser.value(common.output);
    if (!outputPath.isEmpty()) {
        if (const QString why = ReportOutput::checkWritable(QStringLiteral("--output"), outputPath);
            !why.isEmpty())
            return usageError(why);
    }

    QString error;
    // A fleet report (check --targets --format json) in the fleet's formats.
    bool isFleet = false;
    if (const auto fleet = FleetReport::readFile(positional.constFirst(), &isFleet, &error); isFleet) {
        if (!fleet)
            return usageError(error);
        if (!FleetRun::formats().contains(fmt))
            return usageError(tr("--format %1 shows one instance; a fleet report is shown as %2")
                                  .arg(fmt, FleetRun::formats().join(QLatin1String(", "))));
        if (const int code =
                deliver(outputPath, FleetRun::render(*fleet, fmt, outputPath.isEmpty() && colorWanted()));
            code != ExitOk)
            return code;
        return FleetRun::exitCode(*fleet, parser.isSet(strict));
    }
    const auto opened = ExportReader::open(positional.constFirst(), &error);
    if (!opened)
        return usageError(error);

    const bool color = outputPath.isEmpty() && colorWanted();
    QByteArray bytes;
    if (fmt == QLatin1String("text") && opened->isBundle) {
        // Which program made it, and when: support staff read exports from other versions.
        bytes += tr("Troubleshooting export made %1 by GitLab Jira Doctor %2; redaction: %3.")
                     .arg(opened->createdAt.toUTC().toString(Qt::ISODate), opened->toolVersion,
                          opened->level == RedactionLevel::Identities ? tr("identities") : tr("secrets"))
                     .toUtf8() +
                 "\n\n";
    }
    bytes += ReportOutput::render(opened->report, fmt, color);
    if (const int code = deliver(outputPath, bytes); code != ExitOk)
        return code;
    return ReportOutput::exitCode(opened->report, parser.isSet(strict));
}

int ExportCommands::diff(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.setApplicationDescription(
        tr("Lists what changed per check between two exports or reports: fixed, new failures, still "
           "failing. Exits 0 when no check got worse, 1 when at least one did."));
    const Common common;
    const QCommandLineOption format(QStringLiteral("format"), tr("Output format: text (default) or json."),
                                    QStringLiteral("format"), QStringLiteral("text"));
    parser.addOptions({common.help, common.version, format, common.output});
    parser.addPositionalArgument(QStringLiteral("OLD"), tr("The earlier export or report."));
    parser.addPositionalArgument(QStringLiteral("NEW"), tr("The later export or report."));
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (const int code =
            handleInfo(parser, common, tr("Usage: gitlab-jira-doctor-cli diff [options] OLD NEW"));
        code >= 0)
        return code;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2)
        return usageError(tr("diff takes two files: the earlier and the later export or report"));
    const QString fmt = parser.value(format).toLower();
    if (fmt != QLatin1String("text") && fmt != QLatin1String("json"))
        return usageError(tr("--format must be text or json (got \"%1\")").arg(fmt));
    const QString outputPath = parser.value(common.output);
    if (!outputPath.isEmpty()) {
        if (const QString why = ReportOutput::checkWritable(QStringLiteral("--output"), outputPath);
            !why.isEmpty())
            return usageError(why);
    }

    QString error;
    const auto before = ExportReader::open(positional.at(0), &error);
    if (!before)
        return usageError(error);
    const auto after = ExportReader::open(positional.at(1), &error);
    if (!after)
        return usageError(error);

    const ReportDiff diff = ReportDiff::compare(before->report, after->report);
    const QByteArray bytes = fmt == QLatin1String("json")
                                 ? QJsonDocument(diff.toJson()).toJson(QJsonDocument::Indented)
                                 : diff.formatText(outputPath.isEmpty() && colorWanted()).toUtf8();
    if (const int code = deliver(outputPath, bytes); code != ExitOk)
        return code;
    return diff.worse() ? ExitFindings : ExitOk;
}

} // namespace gjd::cli
