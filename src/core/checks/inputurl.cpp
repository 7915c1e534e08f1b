// SPDX-License-Identifier: GPL-3.0-or-later
#include "check.h"

#include <QJsonArray>

namespace gjd {
namespace {

class InputUrlCheck final : public Check
{
    Q_DECLARE_TR_FUNCTIONS(gjd::InputUrlCheck)

public:
    QString id() const override { return QStringLiteral("input.url"); }
    QString category() const override { return category::input; }
    QString title() const override { return tr("Instance URL"); }

    void evaluate(const RunContext& ctx, Finding& f) const override
    {
        const InstanceUrl& url = ctx.url;
        f.evidence.insert(QStringLiteral("input"), url.input());
        if (!url.isValid()) {
            f.evidence.insert(QStringLiteral("error"), url.errorCode());
            set(f, Status::Fail, url.error(),
                tr("Enter the address users open in the browser, such as https://gitlab.example.com "
                   "(a relative root like https://example.com/gitlab is fine)."));
            return;
        }
        f.evidence.insert(QStringLiteral("normalized"), url.toString());
        f.evidence.insert(QStringLiteral("host"), url.host());
        f.evidence.insert(QStringLiteral("port"), url.port());
        f.evidence.insert(QStringLiteral("path"), url.path());
        Status status = Status::Pass;
        QStringList lines;
        QJsonArray codes;
        for (const InstanceUrl::Note& note : url.notes()) {
            lines.append(note.text);
            codes.append(note.code);
            if (severity(note.status) > severity(status))
                status = note.status;
        }
        f.evidence.insert(QStringLiteral("notes"), codes);
        f.details = lines.join(QLatin1Char('\n'));
        if (status == Status::Pass) {
            set(f, Status::Pass, tr("Checking %1.").arg(url.toString()));
        } else if (status == Status::Warn) {
            QStringList warnings;
            for (const InstanceUrl::Note& note : url.notes()) {
                if (note.status == Status::Warn)
                    warnings.append(note.text);
            }
            set(f, Status::Warn, tr("Checking %1. %2").arg(url.toString(), warnings.join(QLatin1Char(' '))),
                tr("Use %1 exactly, wherever the instance URL is entered (the Jira app's \"GitLab version\" "
                   "dialog, "
                   "the wizard).")
                    .arg(url.toString()));
        } else {
            set(f, Status::Info, tr("Checking %1. %2").arg(url.toString(), lines.join(QLatin1Char(' '))));
        }
    }
};

} // namespace

std::unique_ptr<Check> makeInputUrlCheck()
{
    return std::make_unique<InputUrlCheck>();
}

} // namespace gjd
