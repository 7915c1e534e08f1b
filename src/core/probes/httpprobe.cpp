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

QString HttpProbe::stepText() const
{
    if (isFinished())
        return QString();
    if (m_exchange)
        return m_exchange->stepText();
    if (m_waitingToRetry)
        return tr("Waiting to ask %1 again: it answered 429 Too Many Requests…").arg(m_request.url.host());
    return QString();
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
    connect(exchange, &HttpExchange::stepChanged, this, &Probe::stepChanged);
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
            m_waitingToRetry = true;
            emit stepChanged();
            // The probe's own timeout still bounds the wait; the 429 stays recorded if it fires.
            QTimer::singleShot(seconds * 1000, this, [this] {
                m_waitingToRetry = false;
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
    else // what was received, once: checks write "… gave no complete answer: <this>"
        exchange->abort(QStringLiteral("timeout"), exchange->timeoutText(timeoutMs));
    m_context.http[m_id].append(exchange->response());
    exchange->deleteLater();
}

} // namespace gjd
