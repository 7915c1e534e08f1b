// SPDX-License-Identifier: GPL-3.0-or-later
#include "setuptext.h"

#include "safetext.h"

#include <QJsonValue>
#include <QList>
#include <QPair>

namespace gjd {

namespace {

// Colours are marked with private-use characters while the text is put together, and become
// escape sequences only after the whole text (which quotes GitLab's words: application names,
// setting values, error messages) went through safeText(): no escape sequence but these.
constexpr char16_t colorStart = 0xE000;
constexpr char16_t colorEnd = 0xE001;

struct Paint
{
    bool color;
    QString operator()(char code, const QString& text) const
    {
        return color ? QChar(colorStart) + QChar(QLatin1Char(code)) + text + QChar(colorEnd) : text;
    }
};

const char green = 'g';
const char yellow = 'y';
const char red = 'r';
const char dim = 'd';
const char bold = 'b';

QString finish(const QString& text, bool color)
{
    QString out = safeText(text, SafeFor::Display);
    if (!color)
        return out;
    static const QList<QPair<char, QString>> codes{{green, QStringLiteral("\x1b[32m")},
                                                   {yellow, QStringLiteral("\x1b[33m")},
                                                   {red, QStringLiteral("\x1b[31m")},
                                                   {dim, QStringLiteral("\x1b[2m")},
                                                   {bold, QStringLiteral("\x1b[1m")}};
    for (const auto& [code, escape] : codes)
        out.replace(QString(QChar(colorStart)) + QLatin1Char(code), escape);
    out.replace(QChar(colorEnd), QStringLiteral("\x1b[0m"));
    return out;
}

} // namespace

QString SetupText::installType(const QString& id)
{
    QString name;
    if (id == QLatin1String("none"))
        name = tr("no Jira app set up");
    else if (id == QLatin1String("marketplace"))
        name = tr("the Marketplace app");
    else if (id == QLatin1String("legacy-connect"))
        name = tr("a legacy Connect install");
    else if (id == QLatin1String("forge-native"))
        name = tr("the Forge app");
    else
        return id;
    return tr("%1 (%2)", "install type name, then its id").arg(name, id);
}

QString SetupText::method(const QString& id)
{
    if (id == QLatin1String("marketplace"))
        return tr("the Marketplace app");
    if (id == QLatin1String("manual"))
        return tr("a manual install");
    if (id == QLatin1String("proxy"))
        return tr("another instance as proxy");
    return id;
}

QString SetupText::value(const QJsonValue& value)
{
    if (value.isUndefined())
        return tr("(not in this GitLab)");
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.isNull() || (value.isString() && value.toString().isEmpty()))
        return tr("(blank)");
    if (value.isString())
        return QStringLiteral("\"%1\"").arg(value.toString());
    return value.toVariant().toString();
}

QString SetupText::plan(const SetupPlan& plan, const Options& options)
{
    return finish(planMarked(plan, options), options.color);
}

QString SetupText::planMarked(const SetupPlan& plan, const Options& options)
{
    const Paint paint{options.color};
    QString out;
    out += paint(bold, tr("Setup plan for %1 (method %2)").arg(plan.url, methodId(plan.method))) +
           QLatin1Char('\n');
    if (plan.target != plan.url)
        out += tr("Jira Cloud and GitLab.com reach it as %1.").arg(plan.target) + QLatin1Char('\n');
    if (plan.version)
        out += QStringLiteral("GitLab ") + plan.version->toString() + QLatin1Char('\n');
    out += QLatin1Char('\n');

    out += paint(bold, tr("OAuth application")) + QLatin1Char('\n');
    if (plan.remove)
        out += QStringLiteral("  ") + paint(red, QStringLiteral("- ")) +
               tr("delete \"%1\" (id %2): %3")
                   .arg(plan.remove->name)
                   .arg(plan.remove->id)
                   .arg(plan.misconfiguredProblems.join(QLatin1String("; "))) +
               QLatin1Char('\n');
    switch (plan.applicationAction) {
    case SetupPlan::ApplicationAction::Reuse:
        out += QStringLiteral("  = ") +
               tr("reuse \"%1\" (id %2, Application ID %3): it is set up right")
                   .arg(plan.reuse->name)
                   .arg(plan.reuse->id)
                   .arg(plan.reuse->uid) +
               QLatin1Char('\n');
        break;
    case SetupPlan::ApplicationAction::Create:
        out += QStringLiteral("  ") + paint(green, QStringLiteral("+ ")) +
               tr("create \"%1\"").arg(plan.application.name) + QLatin1Char('\n');
        out += QStringLiteral("      ") + tr("redirect URI   %1").arg(plan.application.redirectUri) +
               QLatin1Char('\n');
        out += QStringLiteral("      ") + tr("scopes         %1").arg(plan.application.scopes) +
               QLatin1Char('\n');
        out += QStringLiteral("      ") + tr("confidential   no (trusted: no, GitLab's API cannot set it)") +
               QLatin1Char('\n');
        break;
    case SetupPlan::ApplicationAction::Blocked:
        out += QStringLiteral("  ") + paint(red, QStringLiteral("✗ ")) +
               tr("\"%1\" (id %2), which the Application ID setting points at, is misconfigured: %3")
                   .arg(plan.misconfigured->name)
                   .arg(plan.misconfigured->id)
                   .arg(plan.misconfiguredProblems.join(QLatin1String("; "))) +
               QLatin1Char('\n');
        out += QStringLiteral("    ") +
               tr("It is left as it is. Fix or delete it in Admin → Applications, or run again with "
                  "--replace-misconfigured to delete and recreate it.") +
               QLatin1Char('\n');
        break;
    }
    out += QLatin1Char('\n');

    for (const OAuthApplication& old : plan.retire)
        out += QStringLiteral("  ") + paint(red, QStringLiteral("- ")) +
               tr("delete the legacy application \"%1\" (id %2) once the settings point at the new one")
                   .arg(old.name)
                   .arg(old.id) +
               QLatin1Char('\n');
    if (!plan.retire.isEmpty())
        out += QLatin1Char('\n');

    out += paint(bold, tr("GitLab for Jira App settings")) + QLatin1Char('\n');
    int width = 0;
    for (const SettingChange& s : plan.settings)
        width = std::max(width, int(s.key.size()));
    for (const SettingChange& s : plan.settings) {
        const QString key = s.key.leftJustified(width);
        if (!s.changes()) {
            out += QStringLiteral("  = ") + key + QStringLiteral("  ") + value(s.current) + QLatin1Char('\n');
            continue;
        }
        const QString planned =
            s.fromNewApplication ? tr("(Application ID of the new application)") : value(s.planned);
        out += QStringLiteral("  ") + paint(yellow, QStringLiteral("~ ")) + key + QStringLiteral("  ") +
               value(s.current) + QStringLiteral(" → ") + paint(green, planned) + QLatin1Char('\n');
        out += QStringLiteral("    ") + QString(width, QLatin1Char(' ')) + QStringLiteral("  ") +
               paint(dim, s.why) + QLatin1Char('\n');
    }

    if (!plan.notes.isEmpty() || !plan.blockers.isEmpty())
        out += QLatin1Char('\n');
    for (const QString& b : plan.blockers)
        out += paint(red, QStringLiteral("✗ ") + b) + QLatin1Char('\n');
    for (const PlanNote& n : plan.notes)
        out += (n.level == PlanNote::Level::Warning ? paint(yellow, QStringLiteral("! ") + n.text)
                                                    : QStringLiteral("i ") + n.text) +
               QLatin1Char('\n');
    if (plan.migration)
        out += QLatin1Char('\n') + migrationMarked(plan, options);
    out += QLatin1Char('\n');
    if (plan.isBlocked())
        out += paint(red, tr("This plan cannot be applied; nothing will be changed.")) + QLatin1Char('\n');
    else if (!plan.hasChanges())
        out +=
            tr("Nothing to change: GitLab is already set up for the %1 method.").arg(methodId(plan.method)) +
            QLatin1Char('\n');
    return out;
}

QString SetupText::migration(const SetupPlan& plan, const Options& options)
{
    return finish(migrationMarked(plan, options), options.color);
}

QString SetupText::migrationMarked(const SetupPlan& plan, const Options& options)
{
    const Paint paint{options.color};
    const Migration& m = *plan.migration;
    QString out = paint(bold, tr("Moving the legacy install to the Marketplace app")) + QLatin1Char('\n');
    out += tr("In GitLab (the plan above): the Jira Connect Proxy URL becomes https://gitlab.com; the OAuth "
              "application gets GitLab.com's callback; public key storage is off unless other instances "
              "use this one as their proxy.") +
           QLatin1Char('\n');
    if (m.oldApplication)
        out += (m.removeOldApplication
                    ? tr("The legacy application \"%1\" is deleted after the settings switch, as you asked.")
                    : tr("The legacy application \"%1\" stays; --remove-old-application deletes it."))
                   .arg(m.oldApplication->name) +
               QLatin1Char('\n');
    out += QLatin1Char('\n') + paint(bold, tr("Then in Jira")) + QLatin1Char('\n');
    int n = 0;
    for (const QString& step : m.jiraSteps(plan.target))
        out += QStringLiteral("  %1. ").arg(++n) + step + QLatin1Char('\n');
    out += QLatin1Char('\n') + paint(bold, tr("Not known")) + QLatin1Char('\n');
    for (const QString& unknown : Migration::unknowns())
        out += QStringLiteral("  ? ") + unknown + QLatin1Char('\n');
    return out;
}

QString SetupText::step(const SetupStep& step, const Options& options)
{
    return finish(stepMarked(step, options), options.color);
}

QString SetupText::stepMarked(const SetupStep& step, const Options& options)
{
    const Paint paint{options.color};
    if (step.ok)
        return paint(green, QStringLiteral("✓ ")) + step.text + QLatin1Char('\n');
    QString out = paint(red, QStringLiteral("✗ ")) + step.text + QLatin1Char('\n');
    out += QStringLiteral("  ") + paint(red, step.error) + QLatin1Char('\n');
    return out;
}

QString SetupText::result(const SetupResult& result, const Options& options)
{
    return finish(resultMarked(result, options), options.color);
}

QString SetupText::resultMarked(const SetupResult& result, const Options& options)
{
    const Paint paint{options.color};
    QString out;
    if (!result.verification.isEmpty()) {
        out += QLatin1Char('\n') + paint(bold, tr("Read back from GitLab")) + QLatin1Char('\n');
        for (const VerifyItem& v : result.verification)
            out += QStringLiteral("  ") +
                   (v.ok ? paint(green, QStringLiteral("✓ ")) : paint(red, QStringLiteral("✗ "))) + v.text +
                   QLatin1Char('\n');
    }
    out += QLatin1Char('\n');
    switch (result.outcome) {
    case SetupResult::Outcome::Verified:
        out +=
            paint(green,
                  tr("GitLab is set up for the %1 method and verified.").arg(methodId(result.plan.method))) +
            QLatin1Char('\n');
        if (result.plan.method == Method::Marketplace)
            out += tr("Next: in Jira, install \"GitLab for Jira Cloud\" from the Atlassian Marketplace, open "
                      "Get "
                      "started → Change GitLab version → GitLab self-managed, and enter %1.")
                       .arg(result.plan.target) +
                   QLatin1Char('\n');
        else
            out +=
                tr("Next: the private app's descriptor is %1/-/jira_connect/app_descriptor.json. Plan the "
                   "move to the Marketplace app: gitlab-jira-doctor-cli configure %2 --method marketplace.")
                    .arg(result.plan.target, result.plan.url) +
                QLatin1Char('\n');
        out += tr("Then check everything Jira needs: gitlab-jira-doctor-cli check %1").arg(result.plan.url) +
               QLatin1Char('\n');
        break;
    case SetupResult::Outcome::ApplyFailed:
        // The failed step was shown with its error as it happened.
        {
            QStringList done;
            for (const SetupStep& s : result.steps) {
                if (s.ok)
                    done.append(s.text);
            }
            out += paint(red, tr("Not finished.")) + QLatin1Char(' ') +
                   (done.isEmpty() ? tr("GitLab confirmed no change.")
                                   : tr("Already done: %1.").arg(done.join(QLatin1String("; ")))) +
                   QLatin1Char('\n') + tr("What to do: %1").arg(result.remedy) + QLatin1Char('\n');
        }
        break;
    default:
        out += paint(red, result.error) + QLatin1Char('\n');
        if (!result.remedy.isEmpty())
            out += tr("What to do: %1").arg(result.remedy) + QLatin1Char('\n');
        break;
    }
    return out;
}

} // namespace gjd
