// SPDX-License-Identifier: GPL-3.0-or-later
#include "railssnippets.h"

namespace gjd {

QString RailsSnippet::rubyString(const QString& value)
{
    QString escaped;
    escaped.reserve(value.size() + 2);
    for (const QChar c : value) {
        if (c == QLatin1Char('\\') || c == QLatin1Char('\''))
            escaped += QLatin1Char('\\');
        if (c == QLatin1Char('\n') || c == QLatin1Char('\r'))
            continue;
        escaped += c;
    }
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

QList<RailsSnippet> RailsSnippet::forPaths(const QString& groupPath, const QString& projectPath,
                                           const QString& jiraSiteUrl)
{
    const auto orExample = [](const QString& v, const char* example) {
        const QString t = v.trimmed();
        return t.isEmpty() ? QString::fromLatin1(example) : t;
    };
    QString site = orExample(jiraSiteUrl, "https://your-site.atlassian.net");
    while (site.endsWith(QLatin1Char('/')))
        site.chop(1);
    return {
        {tr("Is the group linked to Jira?"),
         QStringLiteral("JiraConnectSubscription.where(namespace: Namespace.by_path(%1))")
             .arg(rubyString(orExample(groupPath, "group/subgroup")))},
        {tr("Does the project sync to Jira?"),
         QStringLiteral("Project.find_by_full_path(%1).jira_subscription_exists?")
             .arg(rubyString(orExample(projectPath, "group/project")))},
        {tr("Which groups does the Jira site link?"),
         QStringLiteral("JiraConnectInstallation.find_by_base_url(%1).subscriptions").arg(rubyString(site))},
    };
}

} // namespace gjd
