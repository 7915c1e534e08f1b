// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QSslCertificate>

#include <openssl/x509.h>

namespace gjd {

// The OpenSSL certificate behind a QSslCertificate, with a reference of the caller's own
// (X509_free it). Qt's OpenSSL backend keeps the decoded X509 (QSslCertificate::handle()), so
// nothing is decoded again; only without one is the DER decoded. Decoding is not free in OpenSSL
// 3: each d2i_X509 decodes the public key through the provider machinery, and a fleet run asked
// for certificate names thousands of times (40 % of its CPU, `perf` in docs/benchmarks.md).
// Read-only use: the same X509 is shared by every copy of the QSslCertificate.
inline X509* referencedX509(const QSslCertificate& certificate)
{
    if (auto* x = static_cast<X509*>(certificate.handle())) {
        X509_up_ref(x);
        return x;
    }
    const QByteArray der = certificate.toDer();
    const unsigned char* p = reinterpret_cast<const unsigned char*>(der.constData());
    return d2i_X509(nullptr, &p, der.size());
}

} // namespace gjd
