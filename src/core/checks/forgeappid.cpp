// SPDX-License-Identifier: GPL-3.0-or-later
#include "platformcommon.h"
#include "tokencommon.h"

#include <QRegularExpression>

namespace gjd {
namespace {

class ForgeAppIdCheck final : public Check
{
    Q_DECLARE_TR_FUNCTIONS(gjd::ForgeAppIdCheck)

public:
    QString id() const override { return QStringLiteral("forge.app_id"); }
    QString category() const override { return category::platform; }
    QString title() const override { return tr("Forge app ID"); }
    QStringList prerequisites() const override { return {QStringLiteral("input.url")}; }
    QStringList probes() const override { return platformcommon::installTypeProbes(); }
    bool probesOptional() const override { return true; }

    void evaluate(const RunContext& ctx, Finding& f) const override
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

std::unique_ptr<Check> makeForgeAppIdCheck()
{
    return std::make_unique<ForgeAppIdCheck>();
}

} // namespace gjd
