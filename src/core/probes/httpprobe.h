// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/httpexchange.h"
#include "probe.h"

#include <functional>
#include <optional>

namespace gjd {

// One HTTP request of the catalogue (the descriptor, the lifecycle endpoint, an API call…). The
// request is built from the RunContext when the probe starts; the response lands in
// RunContext::http under the probe's id. A builder returning nullopt means "not applicable"
// (no token, no public URL), and the probe finishes at once without a result.
//
// With `pages` > 1 the probe follows GitLab's X-Next-Page header and keeps every page's response.
class HttpProbe final : public Probe
{
    Q_OBJECT

public:
    using Builder = std::function<std::optional<HttpRequest>(const RunContext&)>;

    HttpProbe(RunContext& context, const QString& id, Builder builder, int pages = 1,
              QObject* parent = nullptr);

    // Answer 429 once more after the server's Retry-After (at most 10 s), as Atlassian asks.
    void setRetryOnRateLimit(bool retry) { m_retryOnRateLimit = retry; }
    ~HttpProbe() override;

    QString id() const override { return m_id; }
    bool succeeded() const override;
    // The exchange's step, or the wait after a 429.
    QString stepText() const override;

protected:
    void run() override;
    void stop(AbortReason reason, int timeoutMs) override;

private:
    void startExchange(const HttpRequest& request);
    void onExchangeFinished();

    QString m_id;
    Builder m_builder;
    int m_pages = 1;
    HttpRequest m_request;
    HttpExchange* m_exchange = nullptr;
    bool m_retryOnRateLimit = false;
    bool m_retried = false;
    bool m_waitingToRetry = false;
};

} // namespace gjd
