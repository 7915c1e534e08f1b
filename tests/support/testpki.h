// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The PKI fixture (tests/support/make-pki.sh, directory in $GJD_PKI_DIR) for in-process servers.

#include <QFile>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>

namespace gjd::test {

// The PKI fixture's directory ($GJD_PKI_DIR; empty when not run through ctest).
inline QString pkiDir()
{
    return qEnvironmentVariable("GJD_PKI_DIR");
}

// A file of the PKI fixture.
inline QString pki(const QString& file)
{
    return pkiDir() + QLatin1Char('/') + file;
}

inline QByteArray readPki(const QString& name)
{
    QFile f(qEnvironmentVariable("GJD_PKI_DIR") + QLatin1Char('/') + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s (GJD_PKI_DIR: run through ctest, fixture pki)", qPrintable(f.fileName()));
    return f.readAll();
}

// A server configuration serving <bundle>.pem with <bundle>.key (EC keys).
inline QSslConfiguration serverConfiguration(const QString& bundle = QStringLiteral("full"))
{
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificateChain(QSslCertificate::fromData(readPki(bundle + QStringLiteral(".pem"))));
    config.setPrivateKey(QSslKey(readPki(bundle + QStringLiteral(".key")), QSsl::Ec));
    return config;
}

} // namespace gjd::test
