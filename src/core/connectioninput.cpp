// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectioninput.h"

#include "instanceurl.h"
#include "proxyconfig.h"
#include "safetext.h"

#include <QProcessEnvironment>
#include <QUrl>

#include <cmath>

namespace gjd {

namespace {

// A URL as normalised when it parses, else as typed: two spellings of one instance compare equal.
QString normalised(const QString& text)
{
    const QString trimmed = text.trimmed();
    const InstanceUrl url = InstanceUrl::parse(trimmed);
    return url.isValid() ? url.toString() : trimmed;
}

// The proxy for the run (proxyconfig.h), or nullopt with *error naming the field.
std::optional<ProxyConfig> proxyConfig(const ConnectionInput& input, QString* error)
{
    if (input.proxyDirect)
        return ProxyConfig{}; // no proxy at all, as `--proxy ""`
    QString url = input.proxy.trimmed();
    QString user, password;
    splitProxyUserInfo(url, &url, &user, &password);
    if (!input.proxyUser.isEmpty() || !input.proxyPassword.isEmpty()) {
        user = input.proxyUser;
        password = input.proxyPassword;
    }
    std::optional<QString> proxyOption;
    if (!url.isEmpty()) {
        if (user.isEmpty() && !password.isEmpty()) {
            *error = QCoreApplication::translate(
                "gjd::ConnectionInput", "Proxy login: enter the user name that goes with the password.");
            return std::nullopt;
        }
        QString full = url;
        if (!user.isEmpty()) {
            QString userInfo = QString::fromLatin1(QUrl::toPercentEncoding(user));
            if (!password.isEmpty())
                userInfo += QLatin1Char(':') + QString::fromLatin1(QUrl::toPercentEncoding(password));
            full.insert(proxyAuthorityStart(full), userInfo + QLatin1Char('@'));
        }
        // Judged here so that the message names the field, not the CLI's --proxy.
        if (!ProxyConfig::parseProxyUrl(
                full, QCoreApplication::translate("gjd::ConnectionInput", "Proxy server"), error))
            return std::nullopt;
        proxyOption = full;
    }
    const QString noProxy = input.noProxy.trimmed();
    QString problem;
    ProxyConfig config =
        ProxyConfig::fromOptions(proxyOption, noProxy.isEmpty() ? std::nullopt : std::optional(noProxy),
                                 QProcessEnvironment::systemEnvironment(), &problem);
    if (!problem.isEmpty()) {
        // Only the environment can be at fault here: the field was judged above.
        *error =
            QCoreApplication::translate("gjd::ConnectionInput",
                                        "Proxy from the environment: %1 Enter a proxy server, or connect "
                                        "directly.")
                .arg(problem);
        return std::nullopt;
    }
    return config;
}

} // namespace

QList<QByteArray> proxySecrets(const ConnectionInput& input)
{
    QString url, user = input.proxyUser, password = input.proxyPassword;
    if (user.isEmpty() && password.isEmpty())
        splitProxyUserInfo(input.proxy.trimmed(), &url, &user, &password);
    if (password.isEmpty())
        return {};
    return {password.toUtf8(), user.toUtf8() + ':' + password.toUtf8()};
}

std::optional<RunOptions> buildRunOptions(const ConnectionInput& input, QString* error)
{
    const auto fail = [error](const QString& why) -> std::optional<RunOptions> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    RunOptions o;
    // The forms are the desktop program's: texts name its fields, not the CLI's flags.
    o.frontend = Frontend::Desktop;
    o.url = input.url.trimmed();
    if (o.url.isEmpty())
        return fail(QCoreApplication::translate("gjd::ConnectionInput",
                                                "Instance URL: enter the address of the GitLab instance."));
    if (const InstanceUrl url = InstanceUrl::parse(o.url); !url.isValid())
        return fail(QCoreApplication::translate("gjd::ConnectionInput", "Instance URL: %1").arg(url.error()));
    o.publicUrl = input.publicUrl.trimmed();
    if (!o.publicUrl.isEmpty()) {
        if (const InstanceUrl url = InstanceUrl::parse(o.publicUrl); !url.isValid())
            return fail(
                QCoreApplication::translate("gjd::ConnectionInput", "Public URL: %1").arg(url.error()));
    }

    const QString method = input.method.trimmed();
    if (method.isEmpty() || method == QLatin1String("auto"))
        o.method = QStringLiteral("auto");
    else if (methodFromId(method))
        o.method = method;
    else
        return fail(
            QCoreApplication::translate("gjd::ConnectionInput",
                                        "Installation method: \"%1\" is not a method this version knows.")
                .arg(safeText(method, SafeFor::OneLine)));

    const QString site = input.jiraSite.trimmed();
    const QString email = input.jiraEmail.trimmed();
    if (site.isEmpty() != email.isEmpty())
        return fail(QCoreApplication::translate("gjd::ConnectionInput",
                                                "The Jira checks need both the Jira site and the email."));
    if (!site.isEmpty()) {
        const InstanceUrl url = InstanceUrl::parse(site);
        if (!url.isValid())
            return fail(
                QCoreApplication::translate("gjd::ConnectionInput", "Jira site: %1").arg(url.error()));
        if (!email.contains(QLatin1Char('@')))
            return fail(QCoreApplication::translate("gjd::ConnectionInput",
                                                    "Jira email: \"%1\" is not an email address.")
                            .arg(safeText(email, SafeFor::OneLine)));
        o.jiraSite = url.toString();
        o.jiraEmail = email;
    }

    if (input.timeoutSeconds != 0) {
        // NaN fails both comparisons.
        if (!(input.timeoutSeconds >= 0.1 && input.timeoutSeconds <= 600))
            return fail(QCoreApplication::translate("gjd::ConnectionInput",
                                                    "Timeout per probe: between 0.1 and 600 seconds."));
        o.probeTimeoutMs = int(std::lround(input.timeoutSeconds * 1000));
    }

    const QString caFile = input.caFile.trimmed();
    if (!caFile.isEmpty()) {
        QString reason;
        const auto certificates = readPemBundle(caFile, &reason);
        if (!certificates)
            return fail(
                QCoreApplication::translate("gjd::ConnectionInput", "Private CA file: %1").arg(reason));
        o.extraCaCertificates = *certificates;
        o.extraCaSource = caFile;
    }

    const QString address = input.address.trimmed();
    if (!address.isEmpty()) {
        // Like --resolve, for the instance's host and port (and the public URL's).
        QString reason;
        const auto overrides = ResolveOverride::forUrls({o.url, o.publicUrl}, address, &reason);
        if (!overrides)
            return fail(
                QCoreApplication::translate("gjd::ConnectionInput", "Connect to address: %1").arg(reason));
        o.resolve = *overrides;
    }

    QString proxyError;
    std::optional<ProxyConfig> proxy = proxyConfig(input, &proxyError);
    if (!proxy)
        return fail(proxyError);
    o.proxy = *proxy;
    return o;
}

bool sameTarget(const ConnectionInput& a, const ConnectionInput& b)
{
    const auto proxyOf = [](const ConnectionInput& in) {
        QString url, user, password;
        splitProxyUserInfo(in.proxy.trimmed(), &url, &user, &password);
        return url;
    };
    const auto method = [](const QString& m) {
        const QString t = m.trimmed();
        return t.isEmpty() ? QStringLiteral("auto") : t;
    };
    return normalised(a.url) == normalised(b.url) && normalised(a.publicUrl) == normalised(b.publicUrl) &&
           a.caFile.trimmed() == b.caFile.trimmed() && a.address.trimmed() == b.address.trimmed() &&
           method(a.method) == method(b.method) && normalised(a.jiraSite) == normalised(b.jiraSite) &&
           a.jiraEmail.trimmed() == b.jiraEmail.trimmed() && proxyOf(a) == proxyOf(b) &&
           a.noProxy.trimmed() == b.noProxy.trimmed() && a.proxyDirect == b.proxyDirect;
}

} // namespace gjd
