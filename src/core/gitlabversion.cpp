// SPDX-License-Identifier: GPL-3.0-or-later
#include "gitlabversion.h"

#include <QRegularExpression>

namespace gjd {

std::optional<GitLabVersion> GitLabVersion::parse(const QString& text)
{
    static const QRegularExpression re(
        QStringLiteral("^\\s*v?(\\d{1,4})\\.(\\d{1,4})(?:\\.(\\d{1,4}))?([-+~][0-9A-Za-z.+~-]*)?\\s*$"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    GitLabVersion v;
    v.major = m.captured(1).toInt();
    v.minor = m.captured(2).toInt();
    v.patch = m.captured(3).isEmpty() ? 0 : m.captured(3).toInt();
    v.suffix = m.captured(4).mid(1);
    return v;
}

QString GitLabVersion::toString() const
{
    QString s = QStringLiteral("%1.%2.%3").arg(major).arg(minor).arg(patch);
    if (!suffix.isEmpty())
        s += QLatin1Char('-') + suffix;
    return s;
}

int GitLabVersion::compare(int maj, int min, int pat) const
{
    if (major != maj)
        return major < maj ? -1 : 1;
    if (minor != min)
        return minor < min ? -1 : 1;
    if (patch != pat)
        return patch < pat ? -1 : 1;
    return 0;
}

} // namespace gjd
