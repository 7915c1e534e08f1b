// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "check.h"
#include "report.h"

#include <QJsonArray>

namespace gjd::tlscommon {

inline QString name(const QSslCertificate& certificate)
{
    const QString dn = distinguishedName(certificate);
    return dn.isEmpty() ? certificateFingerprint(certificate) : dn;
}

inline QJsonArray fingerprints(const QList<QSslCertificate>& certificates)
{
    QJsonArray out;
    for (const QSslCertificate& c : certificates)
        out.append(certificateFingerprint(c));
    return out;
}

inline QStringList names(const QList<QSslCertificate>& certificates)
{
    QStringList out;
    for (const QSslCertificate& c : certificates)
        out.append(name(c));
    return out;
}

// What GitLab.com and Jira show when they cannot open a TLS connection to the instance.
inline QStringList tlsExplains()
{
    return {explains::failedToUpdateInstance, explains::invalidJwt};
}

} // namespace gjd::tlscommon
