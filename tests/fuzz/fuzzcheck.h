// SPDX-License-Identifier: GPL-3.0-or-later
// What every fuzz target of tests/fuzz needs besides its own code: the verdict on a silent bug
// (an abort with what was wrong, which libFuzzer and replay_main.cpp both report with the input),
// the one-line rule for texts that reach the admin's screen, and a message handler that keeps
// Qt's warnings from burying libFuzzer's status lines.

#pragma once

#include <QChar>
#include <QString>
#include <QtGlobal>

#include <cstdio>
#include <cstdlib>

namespace gjd::fuzz {

inline void dropMessage(QtMsgType, const QMessageLogContext&, const QString&) {}

[[noreturn]] inline void fail(const char* target, const char* what, const QString& detail)
{
    std::fprintf(stderr, "%s: %s\n%s\n", target, what, qUtf8Printable(detail));
    std::fflush(stderr);
    std::abort();
}

// One line of text: no control characters (a newline, a terminal escape sequence) and no line or
// paragraph separators. What refusals, errors and violations must be, whatever the input held.
inline bool isOneLineOfText(const QString& text)
{
    for (const QChar c : text) {
        const QChar::Category category = c.category();
        if (category == QChar::Other_Control || category == QChar::Separator_Line ||
            category == QChar::Separator_Paragraph)
            return false;
    }
    return true;
}

} // namespace gjd::fuzz
