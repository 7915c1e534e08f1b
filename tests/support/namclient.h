// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A plain QNetworkAccessManager client for the fake servers' own unit tests (tst_fakegitlab,
// tst_fakejira): one request, manual redirects, the answer as data. Header-only, for test
// executables (it needs Qt Test for QSignalSpy).

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPair>
#include <QSignalSpy>
#include <QUrl>

namespace gjd::test {

using RawHeaders = QList<QPair<QByteArray, QByteArray>>;

struct NamResponse
{
    int status = -1; // -1: no HTTP answer (see error)
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;

    bool has(const QByteArray& name) const
    {
        for (const auto& h : headers) {
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    }
    QByteArray header(const QByteArray& name) const
    {
        for (const auto& h : headers) {
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        }
        return {};
    }
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QJsonArray jsonArray() const { return QJsonDocument::fromJson(body).array(); }
    bool isJson() const { return !QJsonDocument::fromJson(body).isNull(); }
};

// `base` plus `pathAndQuery` ("/api/v4/x?a=b", appended to base's path), sent with `method`.
// Waits up to timeoutMs (+2 s) with the event loop running; no answer leaves status -1.
inline NamResponse sendRequest(QNetworkAccessManager& nam, QUrl base, const QByteArray& method,
                               const QString& pathAndQuery, const RawHeaders& headers = {},
                               const QByteArray& body = {}, int timeoutMs = 3000)
{
    const QString full = base.path() + pathAndQuery;
    const qsizetype q = full.indexOf(QLatin1Char('?'));
    base.setPath(q < 0 ? full : full.left(q));
    if (q >= 0)
        base.setQuery(full.mid(q + 1), QUrl::StrictMode);
    QNetworkRequest request(base);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(timeoutMs);
    for (const auto& [name, value] : headers)
        request.setRawHeader(name, value);
    // HEAD through sendCustomRequest() would make QNAM wait for a body that never comes.
    QNetworkReply* reply =
        method == "HEAD" ? nam.head(request) : nam.sendCustomRequest(request, method, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    NamResponse r;
    if (!finished.wait(timeoutMs + 2000)) {
        reply->abort();
        reply->deleteLater();
        return r;
    }
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    r.status = status.isValid() ? status.toInt() : -1;
    r.error = reply->error();
    if (reply->isOpen())
        r.body = reply->readAll();
    r.headers = reply->rawHeaderPairs();
    reply->deleteLater();
    return r;
}

} // namespace gjd::test
