// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "runcontext.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QUrl>

#include <algorithm>
#include <optional>

namespace gjd {

// What a connection form holds, as typed (the wizard's first page and the pane share it).
struct ConnectionInput
{
    QString url, publicUrl, caFile,
        address;    // address: "Connect to address" (like --resolve for the instance host)
    QString method; // "" = detect; else a method id
    QString jiraSite, jiraEmail;
    double timeoutSeconds = 0; // 0 = the default
    // The proxy, as curl reads it (proxyconfig.h): an empty `proxy` is the environment's
    // (HTTPS_PROXY, https_proxy, ALL_PROXY), an empty `noProxy` NO_PROXY's; `proxyDirect` ignores
    // both and connects directly (the CLI's `--proxy ""`).
    QString proxy; // http://host:port; user info in it is used when proxyUser is empty
    QString proxyUser;
    QString proxyPassword; // memory only: never stored, logged or exported (proxySecrets())
    QString noProxy;
    bool proxyDirect = false;
};

// Where a proxy URL's authority starts: after "scheme://", or at the start (http:// assumed).
inline qsizetype proxyAuthorityStart(const QString& text)
{
    static const QRegularExpression scheme(QStringLiteral("^[A-Za-z][A-Za-z0-9+.-]*://"));
    const QRegularExpressionMatch m = scheme.match(text);
    return m.hasMatch() ? m.capturedEnd() : 0;
}

// A proxy URL's user info taken out, as the form shows it: "http://alice:pw@proxy:3128" gives
// "http://proxy:3128" with *user "alice" and *password "pw" (percent-decoded). True when the text
// had user info; else the text comes back as it is and *user and *password are left alone.
// Inline, QtCore only: the settings of the start screen's library (uisettings.cpp, in gjd_shell)
// use it without linking the core's network parts into the program (tests/gui/tst_program.cpp).
inline bool splitProxyUserInfo(QString text, QString* url, QString* user, QString* password)
{
    // `text` is a copy: `url` may be the string it came from.
    const qsizetype start = proxyAuthorityStart(text);
    qsizetype end = text.size();
    for (const QChar c : {QLatin1Char('/'), QLatin1Char('?'), QLatin1Char('#')}) {
        const qsizetype at = text.indexOf(c, start);
        if (at >= 0)
            end = std::min(end, at);
    }
    // The last "@" of the authority, as curl and QUrl read it: a password may hold an "@".
    const qsizetype at = end > start ? text.lastIndexOf(QLatin1Char('@'), end - 1) : -1;
    if (at < start) {
        *url = text;
        return false;
    }
    const QString userInfo = text.mid(start, at - start);
    const qsizetype colon = userInfo.indexOf(QLatin1Char(':'));
    *user = QUrl::fromPercentEncoding(userInfo.left(colon < 0 ? userInfo.size() : colon).toUtf8());
    *password = colon < 0 ? QString() : QUrl::fromPercentEncoding(userInfo.mid(colon + 1).toUtf8());
    *url = text.left(start) + text.mid(at + 1);
    return true;
}

// What an export must not contain of the proxy login: the password, and "user:password" as the
// Basic credentials carry it. Empty without a password.
QList<QByteArray> proxySecrets(const ConnectionInput& input);

// The run options for `input`; nullopt with *error (translated, naming the field) when a field cannot be used
// (URL invalid, CA file unreadable / not PEM, address not an IPv4 address, proxy URL unusable or an
// https:// or SOCKS proxy, also when it comes from the environment...). Trust store fields are left
// for the caller. The proxy fields are read with this process's environment under them.
//
// The one place that turns a form into a run: the pane and the setup wizard both call it, so that a
// field is accepted (or refused, with the same words) the same way everywhere. The URLs are kept as
// typed (trimmed): the runner normalises them and its notes ("http-given") come from what was typed.
std::optional<RunOptions> buildRunOptions(const ConnectionInput& input, QString* error);

// Whether two inputs check the same thing: the URLs compared as normalised, the other fields as
// typed (trimmed), the timeout and the proxy login ignored. A report made for one is a report for
// the other. The proxy counts: it changes what "reachable from here" means.
bool sameTarget(const ConnectionInput& a, const ConnectionInput& b);

} // namespace gjd
