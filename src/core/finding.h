// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace gjd {
Q_NAMESPACE

// The statuses of checks.md. Their ids (statusId) are part of the report JSON: never rename.
enum class Status
{
    Pass,   // verified good
    Info,   // worth knowing, no action needed
    Warn,   // works today but risky, or cannot be confirmed from here
    Fail,   // will break the integration; the finding names the fix
    Skip,   // not applicable, not selected, or a prerequisite failed (named in the summary)
    Manual, // cannot be tested from this computer; the finding says what to do by hand
    Error,  // the check itself could not complete (not a property of the target)
};
Q_ENUM_NS(Status)

QString statusId(Status status);
std::optional<Status> statusFromId(const QString& id);
// Pass < Info < Skip/Manual < Warn < Fail, for verdicts and "got worse" comparisons.
int severity(Status status);

// The result of one check, as it appears in the report.
// Whether `id` may be a check id: [a-z0-9._-]+, at most 64 characters. Reports read from files
// are refused when a check's id is not.
bool isWellFormedCheckId(const QString& id);

struct Finding
{
    QString id;
    QString category;
    Status status = Status::Skip;
    QString title;
    QString summary; // one line
    QString details;
    QString remedy; // what to change, concretely
    QStringList docs;
    QStringList explains; // user-visible error strings this finding accounts for
    QJsonObject evidence;
    qint64 durationMs = 0;
    QStringList prerequisites; // JSON "requires"

    QJsonObject toJson() const;
    static std::optional<Finding> fromJson(const QJsonObject& object, QString* error = nullptr);
};

} // namespace gjd

Q_DECLARE_METATYPE(gjd::Finding)
