// SPDX-License-Identifier: GPL-3.0-or-later
#include "jiracommon.h"

#include <QJsonArray>

namespace gjd {
namespace {

class JiraAdminGroupCheck final
{
    Q_DECLARE_TR_FUNCTIONS(gjd::JiraAdminGroupCheck)

public:
    static void evaluate(const RunContext& ctx, Finding& f)
    {
        // jira.auth only warns when Jira rate-limits /myself (429): the groups are then unknown,
        // and saying "in no group" would send the admin to change memberships for nothing.
        const auto myself = jiracommon::myself(ctx);
        if (!myself) {
            skipFor(f, QStringLiteral("groups-unreadable"),
                    tr("The groups of %1 could not be read (see jira.auth).").arg(ctx.options.jiraEmail));
            return;
        }
        const QJsonObject me = *myself;
        QStringList groups;
        const QJsonArray items =
            me.value(QStringLiteral("groups")).toObject().value(QStringLiteral("items")).toArray();
        for (const QJsonValue& v : items)
            groups.append(v.toObject().value(QStringLiteral("name")).toString());
        f.evidence.insert(QStringLiteral("groups"), QJsonArray::fromStringList(groups));
        f.docs = {docs::jiraCloudAppAdmin};
        // GitLab compares exactly, case-sensitively, with these two names and no others.
        for (const QString& admin : {QStringLiteral("site-admins"), QStringLiteral("org-admins")}) {
            if (groups.contains(admin)) {
                set(f, Status::Pass, tr("%1 is in %2.").arg(ctx.options.jiraEmail, admin));
                if (admin == QLatin1String("org-admins"))
                    f.details = tr("GitLab accepts org-admins from GitLab 16.6 on.");
                return;
            }
        }
        set(f, Status::Fail,
            groups.isEmpty()
                ? tr("%1 is in no group; GitLab needs site-admins or org-admins.").arg(ctx.options.jiraEmail)
                : tr("%1 is in %2, but not in site-admins or org-admins, the only groups GitLab accepts.")
                      .arg(ctx.options.jiraEmail, groups.join(QLatin1String(", "))),
            tr("Add the user to site-admins (original user management) or org-admins (centralized user "
               "management) in "
               "admin.atlassian.com; the Administer Jira permission alone is not enough."));
        f.details = tr("Admin rights given through custom groups or product roles are not detected: GitLab "
                       "checks only the membership in site-admins or org-admins, because its OAuth scopes do "
                       "not allow Jira's permission API.");
        f.explains = {QStringLiteral("The Jira user is not a site or organization administrator"),
                      explains::failedToLinkGroup};
    }
};

} // namespace

namespace checks {

void jiraAdminGroup(const RunContext& context, Finding& finding)
{
    JiraAdminGroupCheck::evaluate(context, finding);
}

} // namespace checks

} // namespace gjd
