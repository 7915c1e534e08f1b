// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "check.h"
#include "http/httpexchange.h"

#include <QJsonArray>

namespace gjd::httpcommon {

// Status line, the URL, selected headers and the timing of a response, for evidence.
inline QJsonObject evidence(const HttpResponse& r, const QList<QByteArray>& headers = {})
{
    QJsonObject o;
    o.insert(QStringLiteral("url"), r.finalUrl.toString());
    if (r.hasAnswer())
        o.insert(QStringLiteral("status"), r.status);
    if (!r.errorCode.isEmpty())
        o.insert(QStringLiteral("error"), r.errorCode);
    o.insert(QStringLiteral("content_type"), QString::fromLatin1(r.header("Content-Type")));
    o.insert(QStringLiteral("bytes"), r.body.size());
    o.insert(QStringLiteral("ms"), r.durationMs);
    if (!r.proxy.isEmpty()) // the request went through this proxy's tunnel
        o.insert(QStringLiteral("proxy"), r.proxy);
    QJsonObject selected;
    for (const QByteArray& name : headers) {
        const QByteArray value = r.header(name);
        if (!value.isEmpty())
            selected.insert(QString::fromLatin1(name).toLower(), QString::fromLatin1(value));
    }
    if (!selected.isEmpty())
        o.insert(QStringLiteral("headers"), selected);
    if (!r.hops.isEmpty()) {
        QJsonArray hops;
        for (const HttpHop& hop : r.hops)
            hops.append(QStringLiteral("%1 %2 → %3")
                            .arg(hop.status)
                            .arg(hop.url.toString(), QString::fromLatin1(hop.location)));
        o.insert(QStringLiteral("redirects"), hops);
    }
    return o;
}

// "404 Not Found", or the transport error.
inline QString statusText(const HttpResponse& r)
{
    if (!r.hasAnswer())
        return r.error;
    return QStringLiteral("%1 %2").arg(r.status).arg(QString::fromLatin1(r.reason)).trimmed();
}

inline bool looksLikeHtml(const HttpResponse& r)
{
    return r.header("Content-Type").toLower().contains("text/html") || r.body.trimmed().startsWith('<');
}

// GitLab's Jira Connect JSON endpoints answer JSON or an empty body; an HTML page (a proxy's error
// page, a sign-in page) means the request did not reach GitLab's controller.
inline bool answeredByGitLabJsonEndpoint(const HttpResponse& r)
{
    return r.errorCode.isEmpty() && !looksLikeHtml(r);
}

} // namespace gjd::httpcommon
