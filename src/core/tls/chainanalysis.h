// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QSslCertificate>
#include <QString>
#include <QStringList>

namespace gjd {

// Builds the certification path from the certificates a server sent, the way a server-side TLS
// client (GitLab.com's Ruby, Atlassian's Java) does: only what was served plus the trust store,
// no AIA fetching and no cached intermediates. OpenSSL's "trusted first" rule is followed: as soon
// as a trust anchor issued the current certificate, the path ends there.
//
//   served[0] (leaf) ─issued by→ served[i] ─issued by→ … ─issued by→ anchor
//                                                            │
//                     trust store (public), then the --ca-file certificates, then served ones
//
// Issuance is checked with OpenSSL (names, key identifiers, key usage, and the signature), only
// for candidates whose subject is the issuer name sought, and each pair once: the cost grows with
// the number of certificates, never with its square.
struct ChainAnalysis
{
    enum class Anchor
    {
        None,         // the path stops at a certificate whose issuer is nowhere: see missingIssuer
        TrustStore,   // ends at a certificate of the public trust store
        ExtraCa,      // ends at a certificate that only the --ca-file provides
        UntrustedRoot // ends at a self-signed certificate that no trust source holds
    };

    // At most this many served certificates are analysed (leaf first); real chains have two to
    // five. The TLS probe keeps no more, and says how many were sent (TlsResult::servedCount).
    static constexpr int maxServed = 32;

    QList<QSslCertificate> served; // at most maxServed
    QList<int> path;               // indices into served, leaf first, in issuing order
    Anchor anchor = Anchor::None;
    QSslCertificate anchorCertificate; // null when Anchor::None
    int anchorServedIndex = -1;        // the anchor's index in served when the server sent it
    bool selfSignedLeaf = false;
    QString missingIssuer;              // DN of the issuer nobody provided (Anchor::None)
    bool missingIssuerInCaFile = false; // ... which only the --ca-file holds (the server's clients lack it)
    bool pathTooLong = false;           // gave up after 16 certificates
    QList<int> extra;                   // served certificates not on the path
    bool orderCorrect = true;           // served path certificates appear in issuing order

    bool isComplete() const { return anchor != Anchor::None; }
    bool rootServed() const { return anchorServedIndex >= 0 && !selfSignedLeaf; }
    // The path's certificates with the anchor last (whether served or from a trust source).
    QList<QSslCertificate> pathCertificates() const;

    static ChainAnalysis analyze(const QList<QSslCertificate>& served,
                                 const QList<QSslCertificate>& trustStore,
                                 const QList<QSslCertificate>& extraCas);

    // What analyze() can ask a trust store about `served`: the subject-name hashes (OpenSSL's
    // X509_NAME_hash_ex as 8 hex digits, the names of a hashed certificate directory's links) of
    // the issuer and subject names of the served certificates it looks at. The store's other
    // certificates are never candidates, so the store reduced to the certificates with these
    // hashes gives the same analysis as the whole store (systemcas::lookUpBySubjectHash).
    static QStringList trustStoreLookups(const QList<QSslCertificate>& served);
};

// Signature algorithm and public key of a certificate, as OpenSSL reads them.
struct CertificateCrypto
{
    QString signatureAlgorithm; // e.g. "sha256WithRSAEncryption", "ecdsa-with-SHA256"
    QString keyAlgorithm;       // "RSA", "EC", "DSA", "ED25519", ...
    int keyBits = 0;
    bool weakSignature = false; // MD5 or SHA-1 (or older)
    bool weakKey = false;       // RSA/DSA < 2048, EC < 256
    bool selfSigned = false;    // subject == issuer and the signature verifies with its own key
};
CertificateCrypto inspectCertificate(const QSslCertificate& certificate);

// What a certificate's extensions allow it to be used for (RFC 5280 4.2.1.3, 4.2.1.9, 4.2.1.12).
struct CertificatePurpose
{
    bool hasExtendedKeyUsage = false;
    bool serverAuth = false;       // extendedKeyUsage lists serverAuth (or anyExtendedKeyUsage)
    QStringList extendedKeyUsages; // short names as OpenSSL prints them ("clientAuth", ...)
    bool hasKeyUsage = false;
    bool digitalSignature = false;
    bool keyEncipherment = false;
    QStringList keyUsages; // "digitalSignature", "keyCertSign", ...
    bool ca = false;       // basicConstraints CA:TRUE
};
CertificatePurpose inspectPurpose(const QSslCertificate& certificate);

// A finite-field Diffie-Hellman group, read from a SubjectPublicKeyInfo (QSslKey::toDer()).
struct DhGroup
{
    bool valid = false;            // a DH key whose p could be read
    int bits = 0;                  // of p
    bool prime = false;            // p is (probably) prime
    bool safePrime = false;        // p and (p-1)/2 are (probably) prime
    bool primalityChecked = false; // groups over kMaxDhBitsTested bits are not tested
};
constexpr int kMaxDhBitsTested = 4096;
DhGroup inspectDhGroup(const QByteArray& subjectPublicKeyInfoDer);

// Host name matching as OpenSSL's X509_check_host / X509_check_ip_asc do it for the clients that
// matter: RFC 6125 wildcards (the whole left-most label only, never over "*.com"), an address only
// against iPAddress entries, the Common Name only when there is no dNSName (*byCommonName says so).
bool hostMatchesCertificate(const QString& host, const QSslCertificate& certificate,
                            bool* byCommonName = nullptr);

// The leaf's "expires soon" threshold of checks.md: min(30 days, a third of its lifetime).
qint64 expiryWarningSeconds(const QDateTime& notBefore, const QDateTime& notAfter);

} // namespace gjd
