// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpcommon.h"
#include "jiracommon.h"

namespace gjd {
namespace {

class JiraBrowseUsersCheck final
{
    Q_DECLARE_TR_FUNCTIONS(gjd::JiraBrowseUsersCheck)

public:
    static void evaluate(const RunContext& ctx, Finding& f)
    {
        f.docs = {docs::jiraCloudAppAdmin};
        const QString remedy =
            tr("Grant the global permission Browse users and groups to a group the user is in "
               "(Jira settings → System → Global permissions).");
        const HttpResponse& perms = *ctx.httpResult(probe::jiraPermissions);
        f.evidence.insert(QStringLiteral("mypermissions"), httpcommon::evidence(perms));
        QString error;
        if (perms.status == 200) {
            if (const auto json = Descriptor::parseObject(perms, &error)) {
                const QJsonObject key = json->value(QStringLiteral("permissions"))
                                            .toObject()
                                            .value(QStringLiteral("USER_PICKER"))
                                            .toObject();
                if (!key.isEmpty()) {
                    const bool granted = key.value(QStringLiteral("havePermission")).toBool();
                    f.evidence.insert(QStringLiteral("USER_PICKER"), granted);
                    if (granted)
                        set(f, Status::Pass,
                            tr("%1 may browse users and groups.").arg(ctx.options.jiraEmail));
                    else {
                        set(f, Status::Fail,
                            tr("%1 lacks the global permission Browse users and groups (USER_PICKER): GitLab "
                               "cannot "
                               "read the user's groups.")
                                .arg(ctx.options.jiraEmail),
                            remedy);
                        f.explains = {explains::failedToLinkGroup};
                    }
                    return;
                }
            }
        }
        // The site does not know USER_PICKER (400): ask for the user's groups, which needs it.
        const HttpResponse* groups = ctx.httpResult(probe::jiraUserGroups);
        if (groups) {
            f.evidence.insert(QStringLiteral("user_groups"), httpcommon::evidence(*groups));
            if (groups->status == 200) {
                set(f, Status::Pass,
                    tr("%1 may browse users and groups (the user's groups could be read).")
                        .arg(ctx.options.jiraEmail));
                return;
            }
            if (groups->status == 403) {
                set(f, Status::Fail,
                    tr("%1 may not read users' groups (403): the global permission Browse users and groups "
                       "is missing.")
                        .arg(ctx.options.jiraEmail),
                    remedy);
                f.explains = {explains::failedToLinkGroup};
                return;
            }
        }
        set(f, Status::Warn,
            tr("The permission could not be determined (mypermissions answered %1).")
                .arg(httpcommon::statusText(perms)),
            remedy);
    }
};

} // namespace

namespace checks {

void jiraBrowseUsers(const RunContext& context, Finding& finding)
{
    JiraBrowseUsersCheck::evaluate(context, finding);
}

} // namespace checks

} // namespace gjd
