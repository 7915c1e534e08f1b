// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "check.h"
#include "report.h"

#include <QJsonArray>
#include <QJsonObject>

namespace gjd::tlscommon {

inline QString name(const QSslCertificate& certificate)
{
    const QString dn = distinguishedName(certificate);
    return dn.isEmpty() ? certificateFingerprint(certificate) : dn;
}

// The name of a served certificate, told apart from others with the same name: a cross-signed
// twin gets its issuer and fingerprint, an exact duplicate says so.
inline QString nameIn(const QSslCertificate& certificate, const QList<QSslCertificate>& served)
{
    const QString dn = name(certificate);
    int sameName = 0;
    int sameCertificate = 0;
    for (const QSslCertificate& c : served) {
        sameName += name(c) == dn ? 1 : 0;
        sameCertificate += c == certificate ? 1 : 0;
    }
    if (sameCertificate > 1)
        return QCoreApplication::translate("gjd::TlsNames", "%1 (served %2 times)")
            .arg(dn)
            .arg(sameCertificate);
    if (sameName > 1)
        return QCoreApplication::translate("gjd::TlsNames", "%1 (issued by %2, %3)")
            .arg(dn, distinguishedName(certificate, true), certificateFingerprint(certificate).left(19));
    return dn;
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

// Who refuses what a TLS finding found (checks.md: evidence.consumers): "gitlab_com" is Ruby's
// Net::HTTP on OpenSSL 3 at security level 2 (what the Marketplace app depends on), "jira_cloud"
// the JVM's JSSE without AIA fetching (what legacy Connect installs depend on). Each "accept",
// "reject" or "unknown". tests/integration/tst_oracles.cpp holds the product to the real clients.
inline constexpr const char* kAccept = "accept";
inline constexpr const char* kReject = "reject";
inline constexpr const char* kUnknown = "unknown";
inline void setConsumers(Finding& f, const char* gitlabCom, const char* jiraCloud)
{
    f.evidence.insert(QStringLiteral("consumers"),
                      QJsonObject{{QStringLiteral("gitlab_com"), QLatin1String(gitlabCom)},
                                  {QStringLiteral("jira_cloud"), QLatin1String(jiraCloud)}});
}
inline void setBothReject(Finding& f)
{
    setConsumers(f, kReject, kReject);
}

// What GitLab.com and Jira show when they cannot open a TLS connection to the instance.
inline QStringList tlsExplains()
{
    return {explains::failedToUpdateInstance, explains::invalidJwt};
}

} // namespace gjd::tlscommon
