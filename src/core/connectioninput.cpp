// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectioninput.h"

#include "instanceurl.h"
#include "safetext.h"

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

} // namespace

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
    return o;
}

bool sameTarget(const ConnectionInput& a, const ConnectionInput& b)
{
    const auto method = [](const QString& m) {
        const QString t = m.trimmed();
        return t.isEmpty() ? QStringLiteral("auto") : t;
    };
    return normalised(a.url) == normalised(b.url) && normalised(a.publicUrl) == normalised(b.publicUrl) &&
           a.caFile.trimmed() == b.caFile.trimmed() && a.address.trimmed() == b.address.trimmed() &&
           method(a.method) == method(b.method) && normalised(a.jiraSite) == normalised(b.jiraSite) &&
           a.jiraEmail.trimmed() == b.jiraEmail.trimmed();
}

} // namespace gjd
