// SPDX-License-Identifier: GPL-3.0-or-later
#include "check.h"

#include <QJsonArray>

namespace gjd {
namespace {

class InputUrlCheck final
{
    Q_DECLARE_TR_FUNCTIONS(gjd::InputUrlCheck)

public:
    static void evaluate(const RunContext& ctx, Finding& f)
    {
        const InstanceUrl& url = ctx.url;
        f.evidence.insert(QStringLiteral("input"), url.input());
        const QString remedy =
            tr("Enter the address users open in the browser, such as https://gitlab.example.com "
               "(a relative root like https://example.com/gitlab is fine).");
        if (!url.isValid()) {
            f.evidence.insert(QStringLiteral("error"), url.errorCode());
            set(f, Status::Fail, url.error(), remedy);
            return;
        }
        f.evidence.insert(QStringLiteral("normalized"), url.toString());
        f.evidence.insert(QStringLiteral("host"), url.host());
        f.evidence.insert(QStringLiteral("port"), url.port());
        f.evidence.insert(QStringLiteral("path"), url.path());
        if (!ctx.options.publicUrl.isEmpty()) {
            f.evidence.insert(QStringLiteral("public_url_input"), ctx.options.publicUrl);
            if (!ctx.publicUrl.isValid()) {
                f.evidence.insert(QStringLiteral("error"), ctx.publicUrl.errorCode());
                set(f, Status::Fail, tr("The public URL is invalid: %1").arg(ctx.publicUrl.error()),
                    tr("Enter the reverse-proxy address Jira Cloud uses, such as "
                       "https://gitlab.example.com."));
                return;
            }
            f.evidence.insert(QStringLiteral("public_url"), ctx.publicUrl.toString());
        }

        // Notes of both URLs; the worst decides the status, the warnings make the summary.
        Status status = Status::Pass;
        QStringList lines;
        QStringList warnings;
        QJsonArray codes;
        auto collect = [&](const InstanceUrl& u, const QString& prefix) {
            for (const InstanceUrl::Note& note : u.notes()) {
                const QString text = prefix.isEmpty() ? note.text : prefix.arg(note.text);
                lines.append(text);
                codes.append(note.code);
                if (note.status == Status::Warn)
                    warnings.append(text);
                if (severity(note.status) > severity(status))
                    status = note.status;
            }
        };
        collect(url, QString());
        if (ctx.publicUrl.isValid()) {
            collect(ctx.publicUrl, tr("Public URL: %1"));
            lines.prepend(tr("Jira Cloud and GitLab.com reach the instance through %1; API calls go to %2.")
                              .arg(ctx.publicUrl.toString(), url.toString()));
        }
        f.evidence.insert(QStringLiteral("notes"), codes);
        f.details = lines.join(QLatin1Char('\n'));
        const QString checking = tr("Checking %1.").arg(ctx.target().toString());
        if (status == Status::Warn) {
            set(f, Status::Warn, checking + QLatin1Char(' ') + warnings.join(QLatin1Char(' ')),
                tr("Use %1 exactly, wherever the instance URL is entered (the Jira app's \"GitLab version\" "
                   "dialog, "
                   "the setup wizard).")
                    .arg(ctx.target().toString()));
        } else if (status == Status::Info) {
            set(f, Status::Info, checking + QLatin1Char(' ') + lines.join(QLatin1Char(' ')));
        } else {
            set(f, Status::Pass, checking);
        }
    }
};

} // namespace

namespace checks {

void inputUrl(const RunContext& context, Finding& finding)
{
    InputUrlCheck::evaluate(context, finding);
}

} // namespace checks

} // namespace gjd
