// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "export/redaction.h"
#include "fleet/fleetrunner.h"
#include "fleet/fleettargets.h"

#include <QCoreApplication>
#include <QHash>
#include <QObject>
#include <QString>

namespace gjd::cli {

// `check --targets FILE`: every instance of the file through a FleetRunner, then the fleet report
// in the chosen format; with --output-dir, each instance's report and export as it finishes.
// docs/monitoring.md describes it for admins.
class FleetRun final : public QObject
{
    Q_OBJECT

public:
    struct Settings
    {
        QString source; // the targets file, as given
        QString format; // text json junit openmetrics
        QString output; // empty: standard output
        QString outputDir;
        RedactionLevel redaction = RedactionLevel::Secrets;
        bool strict = false;
        bool quiet = false;
        bool useKeychain = false; // each instance's own saved token
        bool needsToken = false;  // a selected check reads the GitLab API
        int parallel = FleetRunner::defaultParallel;
        QByteArray jiraToken; // JIRA_API_TOKEN, for the lines with --jira-site
    };

    explicit FleetRun(QCoreApplication& app);
    // The formats a fleet can be written in.
    static QStringList formats();
    // Runs the fleet in the application's event loop; returns the exit code (docs/monitoring.md).
    int run(const FleetTargets& targets, const RunOptions& base, const Settings& settings);
    // The exit code of a fleet report: 3 a check could not run, else 2 a line cannot be used,
    // else 1 an instance fails (or warns with strict), else 0.
    static int exitCode(const FleetReport& report, bool strict);
    // The bytes of a fleet report in `format` (one of formats()).
    static QByteArray render(const FleetReport& report, const QString& format, bool color);

private:
    void readTokens(int next);
    void start();
    void onInstanceFinished(int index);
    void onFinished();
    void drawProgress();
    QString instanceFileStem(int index) const;

    QCoreApplication& m_app;
    FleetRunner m_runner;
    Settings m_settings;
    QList<FleetRunner::Job> m_jobs;
    QHash<int, QByteArray> m_tokens; // per job, for the exports' redaction; wiped once written
    bool m_progress = false;
    int m_exitCode = 0;
    int m_lineDigits = 1;
};

} // namespace gjd::cli
