// SPDX-License-Identifier: GPL-3.0-or-later
#include "methoddetection.h"

#include "connect/descriptor.h"
#include "probes/probecatalogue.h"

namespace gjd {

MethodGuess MethodDetection::detect(const RunContext& ctx)
{
    MethodGuess guess;
    QString error;
    if (const HttpResponse* settings = ctx.httpResult(probe::apiSettings);
        settings && settings->status == 200) {
        if (const auto json = Descriptor::parseObject(*settings, &error)) {
            const QString proxy = json->value(QStringLiteral("jira_connect_proxy_url")).toString();
            const bool keyStorage =
                json->value(QStringLiteral("jira_connect_public_key_storage_enabled")).toBool();
            guess.detected = true;
            if (!proxy.trimmed().isEmpty()) {
                guess.method = Method::Marketplace;
                guess.reason = tr("detected from the Jira Connect Proxy URL setting (%1)").arg(proxy);
            } else if (keyStorage) {
                guess.method = Method::Proxy;
                guess.reason = tr("detected: no proxy URL, public key storage on");
            } else {
                guess.method = Method::Manual;
                guess.reason = tr("detected: the Jira Connect Proxy URL setting is blank");
            }
            return guess;
        }
    }
    if (const HttpResponse* descriptor = ctx.httpResult(probe::descriptor);
        descriptor && descriptor->status == 200) {
        if (const auto json = Descriptor::parseObject(*descriptor, &error)) {
            const QString key = json->value(QStringLiteral("key")).toString();
            // The key's host part comes from the proxy URL when one is set: gitlab.com, or anything
            // with a path (an external_url host never has one: "https://gitlab.com/" gives
            // "gitlab-jira-connect-gitlab.com/").
            const QString keyHost = key.mid(Descriptor::keyPrefix.size());
            if (key.startsWith(Descriptor::keyPrefix) &&
                (keyHost == QLatin1String("gitlab.com") || keyHost.contains(QLatin1Char('/')))) {
                guess.detected = true;
                guess.method = Method::Marketplace;
                guess.reason = tr("detected from the descriptor key %1").arg(key);
                return guess;
            }
            if (key.startsWith(Descriptor::keyPrefix)) {
                guess.detected = true;
                guess.method = Method::Manual;
                guess.reason = tr("detected from the descriptor key %1 (no proxy URL set)").arg(key);
                return guess;
            }
        }
    }
    guess.method = Method::Marketplace;
    guess.reason =
        tr("assumed: the method could not be detected, and Marketplace is the only one open to new installs");
    return guess;
}

} // namespace gjd
