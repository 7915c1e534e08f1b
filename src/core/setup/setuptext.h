// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "setupjob.h"
#include "setupplan.h"

#include <QCoreApplication>
#include <QString>

namespace gjd {

// The human-readable plan and result of `configure`: current → planned per value, then what was
// done and what GitLab read back.
class SetupText
{
    Q_DECLARE_TR_FUNCTIONS(gjd::SetupText)

public:
    struct Options
    {
        bool color = false;
    };

    static QString plan(const SetupPlan& plan, const Options& options);
    // Moving a legacy install: what changes, the steps in Jira, what is not known.
    static QString migration(const SetupPlan& plan, const Options& options);
    static QString step(const SetupStep& step, const Options& options);
    // Verification, outcome and what to do next (the steps were shown as they happened).
    static QString result(const SetupResult& result, const Options& options);
    // A value as the plan shows it: "https://gitlab.com" in quotes, true/false, (blank), (not set).
    static QString value(const QJsonValue& value);
    // An install type id ("none", "marketplace", "legacy-connect", "forge-native") as a reader
    // says it, with the id after it: "no Jira app set up (none)". Unknown ids come back as they are.
    static QString installType(const QString& id);
    // A method id ("marketplace", "manual", "proxy") as a reader says it: "the Marketplace app".
    static QString method(const QString& id);

private:
    // The texts with colour marks (setuptext.cpp), before finish() makes them safe and coloured.
    static QString planMarked(const SetupPlan& plan, const Options& options);
    static QString migrationMarked(const SetupPlan& plan, const Options& options);
    static QString stepMarked(const SetupStep& step, const Options& options);
    static QString resultMarked(const SetupResult& result, const Options& options);
};

} // namespace gjd
