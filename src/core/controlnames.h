// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

namespace gjd {

// Which program a run's texts are for: a remedy names the control the reader has in front of
// them (`--ca-file` in a terminal, the "Private CA file" field in the desktop program).
enum class Frontend
{
    Cli,
    Desktop
};

// The inputs a finding's text may point the reader to.
enum class Control
{
    CaFile,               // the private CA or intermediate file
    GitLabToken,          // the administrator token
    JiraUser,             // the Jira site, email and API token together
    JiraToken,            // the Jira API token
    Address,              // the address to connect to instead of asking DNS
    SetupTool,            // what sets GitLab up: `configure`, or the setup wizard
    SetupToolMarketplace, // the same, for the Marketplace app
    Proxy,                // where the proxy URL comes from
    NoProxy               // where the hosts reached without the proxy come from
};

class ControlNames
{
    Q_DECLARE_TR_FUNCTIONS(gjd::ControlNames)

public:
    // "--ca-file" or "the Private CA file (Connection options)", and so on; translated for the
    // desktop program, the CLI's flags and variables as they are typed.
    static QString name(Frontend frontend, Control control);
};

} // namespace gjd
