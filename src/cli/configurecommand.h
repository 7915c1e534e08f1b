// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "setup/setupjob.h"

#include <QCoreApplication>
#include <QObject>
#include <QString>

namespace gjd {

// `gitlab-jira-doctor-cli configure <URL> --method marketplace|manual|proxy [--dry-run] [--yes]`:
// reads GitLab, prints the plan (current → planned), applies it after --yes or a confirmation on
// the terminal, and prints what GitLab reads back. Exit 0 when verified (or, with --dry-run,
// when the plan can be applied), 1 when it is not set up and verified, 2 on bad input.
class ConfigureCommand : public QObject
{
    Q_OBJECT

public:
    explicit ConfigureCommand(QCoreApplication& app);
    int run(const QStringList& arguments);

private:
    void start();
    void onPlanned(const SetupPlan& plan);
    void onStep(const SetupStep& step);
    void onFinished(const SetupResult& result);
    bool confirm(const SetupPlan& plan);
    void exitWith(int code);

    QCoreApplication& m_app;
    SetupJob m_job;
    SetupOptions m_options;
    Credentials m_credentials;
    bool m_dryRun = false;
    bool m_yes = false;
    bool m_json = false;
    int m_exitCode = 0;
};

} // namespace gjd
