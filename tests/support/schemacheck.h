// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Validates one JSON document against a schema of docs/ with tests/validate-report.py (Debian's
// python3-jsonschema, Draft 2020-12). For test executables: needs the GJD_PYTHON and
// GJD_SOURCE_DIR compile definitions that gjd_add_test() gives every test.

#include <QByteArray>
#include <QProcess>
#include <QString>

namespace gjd::test {

// The validator's complaints, empty when `json` is valid against docs/<schema>
// ("report.schema.json", "diff.schema.json"). Fatal when the validator cannot run at all: a test
// must not pass because nothing was checked.
inline QString schemaErrors(const QString& schema, const QByteArray& json)
{
    QProcess p;
    p.start(QStringLiteral(GJD_PYTHON),
            {QStringLiteral(GJD_SOURCE_DIR "/tests/validate-report.py"),
             QStringLiteral(GJD_SOURCE_DIR "/docs/") + schema, QStringLiteral("-")});
    p.write(json);
    p.closeWriteChannel();
    if (!p.waitForFinished(30000))
        qFatal("validate-report.py did not finish");
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() == 2)
        qFatal("validate-report.py could not run: %s", p.readAllStandardError().constData());
    if (p.exitCode() == 0)
        return QString();
    const QString out = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError()).trimmed();
    return out.isEmpty() ? QStringLiteral("invalid (no details)") : out;
}

} // namespace gjd::test
