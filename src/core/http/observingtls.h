// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSslConfiguration>
#include <QSslSocket>

namespace gjd {

// The TLS configuration of a connection that only observes the server (the TLS probe, the
// anonymous HTTP probes): TLS 1.2 and 1.3 as GitLab.com's and Atlassian's clients offer them, any
// certificate, and OpenSSL security level 0, so that this machine's policy (Debian's level 2
// refuses a 1024-bit DHE group or an RSA-1024 key, upstream's level 1 accepts them) never decides
// the handshake. The TLS checks judge what was negotiated and served by the product's own rules
// (docs/design.md, "TLS"). Never for a connection that carries a token.
inline QSslConfiguration observingTlsConfiguration()
{
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setProtocol(QSsl::TlsV1_2OrLater);
    config.setPeerVerifyMode(QSslSocket::VerifyNone);
    config.setBackendConfigurationOption(QByteArrayLiteral("CipherString"),
                                         QByteArrayLiteral("DEFAULT:@SECLEVEL=0"));
    return config;
}

} // namespace gjd
