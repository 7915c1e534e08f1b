// SPDX-License-Identifier: GPL-3.0-or-later
#include "check.h"
#include "connect/platformdates.h"
#include "i18n.h"

#include <QLocale>

namespace gjd {
namespace {

class PlatformConnectEolCheck final : public Check
{
    Q_DECLARE_TR_FUNCTIONS(gjd::PlatformConnectEolCheck)

public:
    QString id() const override { return QStringLiteral("platform.connect_eol"); }
    QString category() const override { return category::platform; }
    QString title() const override { return tr("Atlassian Connect end of support"); }
    QList<Method> methods() const override { return {Method::Manual, Method::Proxy}; }
    QStringList prerequisites() const override { return {QStringLiteral("input.url")}; }

    void evaluate(const RunContext& ctx, Finding& f) const override
    {
        using namespace platformdates;
        const QDate today = ctx.now.date();
        const QString blocked = longDate(privateConnectInstallsBlocked.date);
        f.evidence.insert(QStringLiteral("today"), today.toString(Qt::ISODate));
        f.evidence.insert(QString::fromLatin1(privateConnectInstallsBlocked.id),
                          privateConnectInstallsBlocked.date.toString(Qt::ISODate));
        f.evidence.insert(QString::fromLatin1(connectEndOfSupport.id),
                          connectEndOfSupport.date.toString(Qt::ISODate));
        f.docs = {docs::jiraCloudAppAdmin};
        const QString remedy =
            tr("Move to the Marketplace app: set the Jira Connect Proxy URL to https://gitlab.com, then "
               "install \"GitLab "
               "for Jira Cloud\" from the Atlassian Marketplace and choose GitLab self-managed "
               "(gitlab-jira-doctor-cli configure … --method marketplace prepares GitLab).");
        if (today >= connectEndOfSupport.date) {
            set(f, Status::Fail,
                tr("The %1 method relies on Atlassian Connect, which reached end of support in December "
                   "2026.")
                    .arg(methodId(ctx.method)),
                remedy);
            return;
        }
        if (today >= privateConnectInstallsBlocked.date) {
            set(f, Status::Warn,
                tr("The %1 method relies on Atlassian Connect: new private installs are blocked since %2, "
                   "and existing "
                   "ones stop being supported in December 2026.")
                    .arg(methodId(ctx.method), blocked),
                remedy);
            f.details = tr(
                "An existing manual install keeps working until then; a new manual install cannot be made.");
            return;
        }
        set(f, Status::Warn,
            tr("The %1 method relies on Atlassian Connect: private installs are blocked from %2 and Connect "
               "support ends "
               "in December 2026.")
                .arg(methodId(ctx.method), blocked),
            remedy);
    }
};

} // namespace

std::unique_ptr<Check> makePlatformConnectEolCheck()
{
    return std::make_unique<PlatformConnectEolCheck>();
}

} // namespace gjd
