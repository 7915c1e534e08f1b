// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace gjd {

// Text that came from a server or a file anyone can make, made safe for where it goes: each
// character that does not belong there becomes U+FFFD, so that a reader still sees something was
// there. Line breaks and tabs stay unless noted; a CR only as part of CRLF (except in Xml), since
// alone it returns the cursor and lets text overwrite the line before it.
enum class SafeFor
{
    Xml,     // XML 1.0: no C0 controls, lone surrogates, U+FFFE, U+FFFF (JUnit)
    Html,    // as Xml, and no DEL or C1 controls (report.html, the details view)
    Display, // a terminal or a widget: no C0/C1 controls (escape sequences), no bidi overrides
    OneLine, // as Display, and no line or paragraph breaks either (error messages)
};

QString safeText(const QString& text, SafeFor where);

// `text` with the user info of every URL in it masked: "https://alice:pw@host" becomes
// "https://***@host", and so does a bare "alice:pw@host". For what a message quotes from input
// (a targets file's line, a command line): a password never reaches a screen, a log or a report.
QString maskUserInfo(const QString& text);

} // namespace gjd
