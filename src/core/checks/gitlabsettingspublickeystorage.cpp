// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpcommon.h"
#include "tokencommon.h"

namespace gjd {
namespace {

class GitLabSettingsPublicKeyStorageCheck final
{
    Q_DECLARE_TR_FUNCTIONS(gjd::GitLabSettingsPublicKeyStorageCheck)

public:
    static void evaluate(const RunContext& ctx, Finding& f)
    {
        const auto settings = tokencommon::SettingsReader::require(ctx, f);
        f.docs = {docs::jiraCloudAppAdmin};
        if (!settings)
            return;
        const bool enabled =
            settings->value(QStringLiteral("jira_connect_public_key_storage_enabled")).toBool();
        f.evidence.insert(QStringLiteral("jira_connect_public_key_storage_enabled"), enabled);
        if (ctx.method == Method::Proxy) {
            if (enabled)
                set(f, Status::Pass, tr("On, as an instance that relays for other instances needs."));
            else
                set(f, Status::Fail,
                    tr("Off: the instances that use this one as their proxy cannot verify Jira's tokens."),
                    tr("Turn on Admin → Settings → General → GitLab for Jira App → Enable public key "
                       "storage."));
            return;
        }
        if (enabled) {
            set(f, Status::Warn,
                tr("On, although this instance does not relay for others (%1 method).")
                    .arg(methodId(ctx.method)),
                tr("Turn off Enable public key storage unless other instances use this one as their Jira "
                   "Connect proxy."));
            return;
        }
        set(f, Status::Pass, tr("Off, as the %1 method needs.").arg(methodId(ctx.method)));
    }
};

} // namespace

namespace checks {

void gitLabSettingsPublicKeyStorage(const RunContext& context, Finding& finding)
{
    GitLabSettingsPublicKeyStorageCheck::evaluate(context, finding);
}

} // namespace checks

} // namespace gjd
