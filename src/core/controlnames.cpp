// SPDX-License-Identifier: GPL-3.0-or-later
#include "controlnames.h"

namespace gjd {

QString ControlNames::name(Frontend frontend, Control control)
{
    if (frontend == Frontend::Cli) {
        switch (control) {
        case Control::CaFile:
            return QStringLiteral("--ca-file");
        case Control::GitLabToken:
            return QStringLiteral("GITLAB_TOKEN");
        case Control::JiraUser:
            return QStringLiteral("--jira-site, --jira-email and JIRA_API_TOKEN");
        case Control::JiraToken:
            return QStringLiteral("JIRA_API_TOKEN");
        case Control::Address:
            return QStringLiteral("--resolve");
        case Control::SetupTool:
            return QStringLiteral("gitlab-jira-doctor-cli configure");
        case Control::SetupToolMarketplace:
            return QStringLiteral("gitlab-jira-doctor-cli configure <URL> --method marketplace");
        case Control::Proxy:
            return QStringLiteral("--proxy, HTTPS_PROXY or ALL_PROXY");
        case Control::NoProxy:
            return QStringLiteral("--no-proxy or NO_PROXY");
        }
        return QString();
    }
    switch (control) {
    case Control::CaFile:
        return tr("the Private CA file (Connection options)");
    case Control::GitLabToken:
        return tr("the Administrator token field");
    case Control::JiraUser:
        return tr("the Jira site, Email and API token fields");
    case Control::JiraToken:
        return tr("the Jira API token field");
    case Control::Address:
        return tr("the Connect to address field");
    case Control::SetupTool:
    case Control::SetupToolMarketplace:
        return tr("the setup wizard (Set up the GitLab for Jira Cloud app, on the start page)");
    case Control::Proxy:
        return tr("the Proxy server and Proxy login fields (Connection options)");
    case Control::NoProxy:
        return tr("the No proxy for field (Connection options)");
    }
    return QString();
}

} // namespace gjd
