// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpprobe.h"

#include "runcontext.h"

#include <QTimer>
#include <QUrlQuery>

namespace gjd {

HttpProbe::HttpProbe(RunContext& context, const QString& id, Builder builder, int pages, QObject* parent)
    : Probe(context, parent)
    , m_id(id)
    , m_builder(std::move(builder))
    , m_pages(std::max(1, pages))
{
}

HttpProbe::~HttpProbe() = default;

bool HttpProbe::succeeded() const
{
    const auto it = m_context.http.constFind(m_id);
    return it != m_context.http.constEnd() && !it->isEmpty() && it->constLast().hasAnswer();
}

void HttpProbe::run()
{
    const std::optional<HttpRequest> request = m_builder(m_context);
    if (!request) {
        finish();
        return;
    }
    m_request = *request;
    m_context.http.insert(m_id, {});
    startExchange(m_request);
}

void HttpProbe::startExchange(const HttpRequest& request)
{
    auto* exchange = new HttpExchange(this);
    m_exchange = exchange;
    connect(exchange, &HttpExchange::finished, this, &HttpProbe::onExchangeFinished);
    exchange->start(request);
}

void HttpProbe::onExchangeFinished()
{
    HttpExchange* exchange = m_exchange;
    if (!exchange || isFinished())
        return;
    m_exchange = nullptr;
    const HttpResponse response = exchange->response();
    exchange->deleteLater();
    QList<HttpResponse>& pages = m_context.http[m_id];
    pages.append(response);

    if (response.status == 429 && m_retryOnRateLimit && !m_retried) {
        bool ok = false;
        const int seconds = response.header("Retry-After").trimmed().toInt(&ok);
        if (ok && seconds >= 0 && seconds <= 10) {
            m_retried = true;
            // The probe's own timeout still bounds the wait; the 429 stays recorded if it fires.
            QTimer::singleShot(seconds * 1000, this, [this] {
                if (!isFinished())
                    startExchange(m_request);
            });
            return;
        }
    }
    // GitLab's offset pagination: X-Next-Page is empty on the last page.
    const QByteArray next = response.header("X-Next-Page").trimmed();
    if (response.errorCode.isEmpty() && response.status == 200 && !next.isEmpty() && pages.size() < m_pages) {
        bool ok = false;
        const int page = next.toInt(&ok);
        if (ok && page > 1) {
            HttpRequest request = m_request;
            QUrlQuery query(request.url);
            query.removeAllQueryItems(QStringLiteral("page"));
            query.addQueryItem(QStringLiteral("page"), QString::number(page));
            request.url.setQuery(query);
            startExchange(request);
            return;
        }
    }
    finish();
}

void HttpProbe::stop(AbortReason reason, int timeoutMs)
{
    if (!m_exchange)
        return;
    HttpExchange* exchange = m_exchange;
    m_exchange = nullptr;
    exchange->disconnect(this);
    if (reason == AbortReason::Cancelled)
        exchange->abort(QStringLiteral("cancelled"), tr("Cancelled."));
    else
        exchange->abort(QStringLiteral("timeout"),
                        tr("No complete answer within %1 s.").arg(timeoutMs / 1000.0));
    m_context.http[m_id].append(exchange->response());
    exchange->deleteLater();
}

} // namespace gjd
