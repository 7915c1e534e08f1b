// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace gjd {

// GitLab's documented Rails console checks for the app (jira_cloud_app.md), filled in with the
// admin's own group, project and Jira site. Values are Ruby string literals: quotes and
// backslashes are escaped, so pasting a snippet never runs anything but the check.
struct RailsSnippet
{
    Q_DECLARE_TR_FUNCTIONS(gjd::RailsSnippet)

public:
    QString title; // translated
    QString code;  // Ruby, never translated

    static QList<RailsSnippet> forPaths(const QString& groupPath, const QString& projectPath,
                                        const QString& jiraSiteUrl);
    static QString rubyString(const QString& value); // 'value' with ' and \ escaped
};

} // namespace gjd
