// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace gjd {

// The commands a `manual` finding asks the admin to run on the GitLab server, each with what it
// should print: in the evidence as [{command, expect}], in the details as an indented list.
class ManualCommands
{
public:
    void add(const QString& command, const QString& expect)
    {
        m_lines.append(QStringLiteral("  %1\n    → %2").arg(command, expect));
        m_json.append(QJsonObject{{QStringLiteral("command"), command}, {QStringLiteral("expect"), expect}});
    }
    QJsonArray evidence() const { return m_json; }
    QString text() const { return m_lines.join(QLatin1Char('\n')); }

private:
    QStringList m_lines;
    QJsonArray m_json;
};

} // namespace gjd
