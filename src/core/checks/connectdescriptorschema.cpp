// SPDX-License-Identifier: GPL-3.0-or-later
#include "connect/descriptor.h"
#include "httpcommon.h"
#include "probes/probecatalogue.h"

namespace gjd {
namespace {

class ConnectDescriptorSchemaCheck final
{
    Q_DECLARE_TR_FUNCTIONS(gjd::ConnectDescriptorSchemaCheck)

public:
    static void evaluate(const RunContext& ctx, Finding& f)
    {
        QString error;
        const QJsonObject json = *Descriptor::parseObject(*ctx.httpResult(probe::descriptor), &error);
        const QStringList violations = Descriptor::violations(json);
        f.evidence.insert(QStringLiteral("violations"), QJsonArray::fromStringList(violations));
        f.docs = {docs::connectDescriptor};
        if (violations.isEmpty()) {
            set(f, Status::Pass,
                tr("Key, baseUrl, authentication, lifecycle, modules and scopes are all acceptable."));
            return;
        }
        const QString key = json.value(QStringLiteral("key")).toString();
        if (key.startsWith(Descriptor::keyPrefix) && key.contains(QLatin1Char('/'))) {
            // GitLab itself builds such a key from a proxy URL with a path or trailing slash.
            set(f, Status::Fail, violations.join(QLatin1Char(' ')),
                tr("The \"/\" comes from the Jira Connect Proxy URL setting, whose path GitLab appends to "
                   "the key: set it to exactly https://gitlab.com (no trailing slash)."));
            return;
        }
        set(f, Status::Fail, violations.join(QLatin1Char(' ')),
            tr("GitLab generates this descriptor itself; a descriptor that breaks these rules was changed on "
               "the way "
               "(a reverse proxy rewriting the body) or does not come from GitLab. Remove the rewriting "
               "rule."));
    }
};

} // namespace

namespace checks {

void connectDescriptorSchema(const RunContext& context, Finding& finding)
{
    ConnectDescriptorSchemaCheck::evaluate(context, finding);
}

} // namespace checks

} // namespace gjd
