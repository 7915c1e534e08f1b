// SPDX-License-Identifier: GPL-3.0-or-later
#include "safetext.h"

#include <QRegularExpression>

namespace gjd {

QString safeText(const QString& text, SafeFor where)
{
    QString out;
    out.reserve(text.size());
    const bool keepBreaks = where != SafeFor::OneLine;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            out += c;
            out += text.at(++i);
            continue;
        }
        const char16_t u = c.unicode();
        // A CR stays only as part of CRLF: alone it returns the cursor and overwrites the line.
        const bool crlf = u == u'\r' && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n');
        const bool breakOrTab = u == u'\t' || u == u'\n' || crlf || (u == u'\r' && where == SafeFor::Xml);
        bool bad = (u < 0x20 && !(breakOrTab && keepBreaks)) || c.isSurrogate() || u == 0xfffe || u == 0xffff;
        if (where != SafeFor::Xml)
            bad = bad || (u >= 0x7f && u <= 0x9f);
        if (where == SafeFor::Display || where == SafeFor::OneLine)
            bad = bad || (u >= 0x202a && u <= 0x202e) || (u >= 0x2066 && u <= 0x2069);
        if (where == SafeFor::OneLine)
            bad = bad || u == 0x2028 || u == 0x2029;
        out += bad ? QChar(QChar::ReplacementCharacter) : c;
    }
    return out;
}

QString maskUserInfo(const QString& text)
{
    // With a scheme, everything up to the authority's last "@"; without one, "user:password@".
    static const QRegularExpression withScheme(
        QStringLiteral("\\b([A-Za-z][A-Za-z0-9+.-]*://)[^\\s/?#\"]*@"));
    static const QRegularExpression withoutScheme(
        QStringLiteral("(^|[\\s\"'(])[^\\s/?#\"':@]+:[^\\s/?#\"]*@"));
    QString shown = text;
    shown.replace(withScheme, QStringLiteral("\\1***@"));
    shown.replace(withoutScheme, QStringLiteral("\\1***@"));
    return shown;
}

} // namespace gjd
