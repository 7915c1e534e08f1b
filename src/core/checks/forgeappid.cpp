// SPDX-License-Identifier: GPL-3.0-or-later
#include "platformcommon.h"
#include "tokencommon.h"

#include <QRegularExpression>

namespace gjd {
namespace {

class ForgeAppIdCheck final
{
    Q_DECLARE_TR_FUNCTIONS(gjd::ForgeAppIdCheck)

public:
    static void evaluate(const RunContext& ctx, Finding& f)
    {
        if (!platformcommon::ForgeGate::applies(ctx, f))
            return;
        const QString value =
            tokencommon::settings(ctx)->value(QStringLiteral("jira_forge_app_id")).toString().trimmed();
        f.evidence.insert(QStringLiteral("jira_forge_app_id"), value);
        f.details = tr("GitLab verifies every call of the Forge app against this ID (the audience of Forge's "
                       "invocation tokens). Native Forge mode is experimental in GitLab.");
        static const QRegularExpression ari(
            QStringLiteral("^ari:cloud:ecosystem::app/"
                           "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"),
            QRegularExpression::CaseInsensitiveOption);
        if (ari.match(value).hasMatch()) {
            set(f, Status::Pass, tr("jira_forge_app_id is an app ARI (%1).").arg(value));
            return;
        }
        set(f, Status::Fail,
            tr("jira_forge_app_id is \"%1\", not an app ARI of the form ari:cloud:ecosystem::app/<uuid>: "
               "GitLab rejects every call of the Forge app.")
                .arg(value),
            tr("Set jira_forge_app_id (PUT /api/v4/application/settings) to the ARI of the Forge app, as "
               "ari:cloud:ecosystem::app/<uuid>, or clear it and use the Marketplace app."));
    }
};

} // namespace

namespace checks {

void forgeAppId(const RunContext& context, Finding& finding)
{
    ForgeAppIdCheck::evaluate(context, finding);
}

} // namespace checks

} // namespace gjd
