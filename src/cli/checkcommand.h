// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "checkrunner.h"
#include "export/redaction.h"

#include <QCoreApplication>
#include <QObject>
#include <QString>

namespace gjd {

namespace cli {
class ProgressLine;
}

// `gitlab-jira-doctor-cli check <URL> [options]`: parses the options, runs the CheckRunner in the
// application's event loop (with a progress line on standard error when it is a terminal) and
// writes the report.
class CheckCommand : public QObject
{
    Q_OBJECT

public:
    explicit CheckCommand(QCoreApplication& app);
    int run(const QStringList& arguments);

private:
    void startRun();
    void onFinished(const Report& report);

    QCoreApplication& m_app;
    CheckRunner m_runner;
    cli::ProgressLine* m_progress = nullptr; // null: no progress shown
    QString m_format = QStringLiteral("text");
    QString m_output;
    QString m_export;
    RedactionLevel m_redaction = RedactionLevel::Secrets;
    RunOptions m_options;
    Credentials m_credentials;
    bool m_strict = false;
    int m_exitCode = 0;
};

} // namespace gjd
