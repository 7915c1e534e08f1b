// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace gjd::cli {

// The report formats of `check` and `show`, and where their output goes.
class ReportOutput
{
    Q_DECLARE_TR_FUNCTIONS(gjd::cli::ReportOutput)

public:
    static QStringList formats(); // text json junit markdown html
    // An empty string when `format` is one of formats(), else the usage error.
    static QString checkFormat(const QString& format);
    static QByteArray render(const Report& report, const QString& format, bool color);
    // An empty string when FILE can be written (its folder exists and is writable), else why not.
    static QString checkWritable(const QString& option, const QString& path);
    // Writes atomically (temp file + rename); an empty string on success, else why not.
    static QString write(const QString& option, const QString& path, const QByteArray& bytes);
    // cli.md's exit code for a report: 3 when a check could not run, 1 for fail (or warn with
    // strict), else 0.
    static int exitCode(const Report& report, bool strict);
};

} // namespace gjd::cli
