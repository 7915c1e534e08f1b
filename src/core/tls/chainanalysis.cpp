// SPDX-License-Identifier: GPL-3.0-or-later
#include "chainanalysis.h"

#include "x509handle.h"

#include <QHostAddress>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <QMultiHash>

#include <algorithm>
#include <map>
#include <memory>
#include <utility>
#include <vector>

namespace gjd {

namespace {

struct X509Deleter
{
    void operator()(X509* x) const { X509_free(x); }
};
using X509Ptr = std::unique_ptr<X509, X509Deleter>;

X509Ptr toX509(const QSslCertificate& certificate)
{
    return X509Ptr(referencedX509(certificate));
}

// Did `issuer` issue `subject`? Names, key identifiers and key usage (X509_check_issued), then the
// signature itself.
bool issued(X509* issuer, X509* subject)
{
    if (!issuer || !subject)
        return false;
    if (X509_check_issued(issuer, subject) != X509_V_OK)
        return false;
    EVP_PKEY* key = X509_get0_pubkey(issuer);
    return key && X509_verify(subject, key) == 1;
}

struct Candidate
{
    QSslCertificate certificate;
    X509Ptr x509;
};

// The canonical form's hash, as OpenSSL's own lookups use it: X509_check_issued and Java's
// X500Principal compare names case-folded, with whitespace collapsed and string types unified, so
// a DER comparison would miss an issuer whose name is encoded differently. A collision costs one
// signature check, never a wrong answer.
QByteArray nameKey(const X509_NAME* name)
{
    int ok = 0;
    const unsigned long hash = X509_NAME_hash_ex(name, nullptr, nullptr, &ok);
    return ok ? QByteArray::number(qulonglong(hash)) : QByteArray();
}

// Certificates indexed by subject name: the candidates for the issuer of a certificate are only
// those whose subject is its issuer name, so a hostile server's hundred look-alikes cost a hash
// lookup each, not a signature check.
struct Pool
{
    std::vector<Candidate> certificates;
    QMultiHash<QByteArray, size_t> bySubject;

    explicit Pool(const QList<QSslCertificate>& list)
    {
        certificates.reserve(static_cast<size_t>(list.size()));
        for (const QSslCertificate& c : list) {
            Candidate candidate{c, toX509(c)};
            if (candidate.x509)
                bySubject.insert(nameKey(X509_get_subject_name(candidate.x509.get())), certificates.size());
            certificates.push_back(std::move(candidate));
        }
    }
    // Indices of the certificates whose subject is `name`, in the order given.
    std::vector<size_t> named(const X509_NAME* name) const
    {
        std::vector<size_t> out;
        const QByteArray key = nameKey(name);
        for (auto it = bySubject.constFind(key); it != bySubject.constEnd() && it.key() == key; ++it)
            out.push_back(it.value());
        std::sort(out.begin(), out.end());
        return out;
    }
};

// Every signature check once: (issuer, subject) → issued.
class IssuedCache
{
public:
    bool operator()(X509* issuer, X509* subject)
    {
        const auto key = std::make_pair(issuer, subject);
        const auto it = m_known.find(key);
        if (it != m_known.end())
            return it->second;
        const bool result = issued(issuer, subject);
        m_known.emplace(key, result);
        return result;
    }

private:
    std::map<std::pair<X509*, X509*>, bool> m_known;
};

// Same certificate for trust purposes: same subject and same public key (a re-issued root with
// other dates is still the same anchor).
bool sameAnchor(X509* a, X509* b)
{
    if (!a || !b)
        return false;
    if (X509_NAME_cmp(X509_get_subject_name(a), X509_get_subject_name(b)) != 0)
        return false;
    return EVP_PKEY_eq(X509_get0_pubkey(a), X509_get0_pubkey(b)) == 1;
}

const Candidate* findIssuer(const Pool& pool, X509* subject, IssuedCache& isIssued)
{
    for (size_t i : pool.named(X509_get_issuer_name(subject))) {
        if (isIssued(pool.certificates[i].x509.get(), subject))
            return &pool.certificates[i];
    }
    return nullptr;
}

const Candidate* findSame(const Pool& pool, X509* cert)
{
    for (size_t i : pool.named(X509_get_subject_name(cert))) {
        if (sameAnchor(pool.certificates[i].x509.get(), cert))
            return &pool.certificates[i];
    }
    return nullptr;
}

QString nameToString(const X509_NAME* name)
{
    // RFC 2253 form, the one GitLab's logs and `openssl x509 -nameopt RFC2253` print.
    BIO* bio = BIO_new(BIO_s_mem());
    X509_NAME_print_ex(bio, name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
    char* data = nullptr;
    const long len = BIO_get_mem_data(bio, &data);
    const QString out = QString::fromUtf8(data, static_cast<int>(len));
    BIO_free(bio);
    return out;
}

} // namespace

QList<QSslCertificate> ChainAnalysis::pathCertificates() const
{
    QList<QSslCertificate> out;
    for (int i : path)
        out.append(served.at(i));
    if (anchor != Anchor::None && !selfSignedLeaf)
        out.append(anchorServedIndex >= 0 ? served.at(anchorServedIndex) : anchorCertificate);
    return out;
}

ChainAnalysis ChainAnalysis::analyze(const QList<QSslCertificate>& served,
                                     const QList<QSslCertificate>& trustStore,
                                     const QList<QSslCertificate>& extraCas)
{
    ChainAnalysis a;
    // Callers pass at most maxServed (the TLS probe keeps no more); a longer list is cut here too,
    // so that no input makes the analysis slow.
    a.served = served.mid(0, maxServed);
    if (a.served.isEmpty())
        return a;

    const Pool servedIndex(a.served);
    const std::vector<Candidate>& servedPool = servedIndex.certificates;
    const Pool trustPool(trustStore);
    const Pool extraPool(extraCas);
    IssuedCache isIssued;

    std::vector<bool> used(servedPool.size(), false);
    int current = 0;
    used[0] = true;
    a.path.append(0);

    // A served certificate is "the root sent" only when it is that very root: the same DER, or a
    // self-signed copy with the same name and key (a re-dated root). A cross-signed certificate with
    // the root's name and key is another certificate; clients ignore it once the path is built.
    auto markServedAnchor = [&](const Candidate& anchor) {
        for (size_t i : servedIndex.named(X509_get_subject_name(anchor.x509.get()))) {
            if (used[i])
                continue;
            X509* candidate = servedPool[i].x509.get();
            const bool identical = servedPool[i].certificate == anchor.certificate;
            if (identical ||
                (sameAnchor(candidate, anchor.x509.get()) && X509_self_signed(candidate, 1) == 1)) {
                used[i] = true;
                a.anchorServedIndex = static_cast<int>(i);
                return;
            }
        }
    };
    // Only self-signed --ca-file certificates are trust anchors; an intermediate there does not
    // make the server's chain complete (the server still has to send it).
    auto findExtraAnchor = [&](X509* subject) -> const Candidate* {
        for (size_t i : extraPool.named(X509_get_issuer_name(subject))) {
            const Candidate& c = extraPool.certificates[i];
            if (X509_self_signed(c.x509.get(), 1) == 1 && isIssued(c.x509.get(), subject))
                return &c;
        }
        return nullptr;
    };

    constexpr int maxDepth = 16;
    for (int depth = 0; depth <= maxDepth; ++depth) {
        if (depth == maxDepth) {
            a.missingIssuer =
                nameToString(X509_get_issuer_name(servedPool[static_cast<size_t>(current)].x509.get()));
            a.pathTooLong = true;
            break;
        }
        X509* subject = servedPool[static_cast<size_t>(current)].x509.get();
        if (!subject)
            break;

        // X509_self_signed ignores key usage, so a self-signed leaf (no keyCertSign) is found too.
        if (X509_self_signed(subject, 1) == 1) {
            // A self-signed certificate ends every path; it is an anchor only if a trust source has it.
            a.selfSignedLeaf = (current == 0);
            if (const Candidate* t = findSame(trustPool, subject)) {
                a.anchor = Anchor::TrustStore;
                a.anchorCertificate = t->certificate;
            } else if (const Candidate* e = findSame(extraPool, subject)) {
                a.anchor = Anchor::ExtraCa;
                a.anchorCertificate = e->certificate;
            } else {
                a.anchor = Anchor::UntrustedRoot;
                a.anchorCertificate = servedPool[static_cast<size_t>(current)].certificate;
            }
            a.path.removeLast();
            a.anchorServedIndex = current;
            if (a.selfSignedLeaf)
                a.path.append(0);
            break;
        }
        if (const Candidate* t = findIssuer(trustPool, subject, isIssued)) {
            a.anchor = Anchor::TrustStore;
            a.anchorCertificate = t->certificate;
            markServedAnchor(*t);
            break;
        }
        if (const Candidate* e = findExtraAnchor(subject)) {
            a.anchor = Anchor::ExtraCa;
            a.anchorCertificate = e->certificate;
            markServedAnchor(*e);
            break;
        }
        int next = -1;
        for (size_t i : servedIndex.named(X509_get_issuer_name(subject))) {
            if (!used[i] && isIssued(servedPool[i].x509.get(), subject)) {
                next = static_cast<int>(i);
                break;
            }
        }
        if (next < 0) {
            a.missingIssuer = nameToString(X509_get_issuer_name(subject));
            a.missingIssuerInCaFile = findIssuer(extraPool, subject, isIssued) != nullptr;
            break;
        }
        used[static_cast<size_t>(next)] = true;
        a.path.append(next);
        current = next;
    }

    // The served anchor (a root the server sent) counts as on the path, but it is not part of
    // `path`; when it is the self-signed leaf, it is.
    for (size_t i = 0; i < servedPool.size(); ++i) {
        if (!used[i] && static_cast<int>(i) != a.anchorServedIndex)
            a.extra.append(static_cast<int>(i));
    }

    QList<int> onPath = a.path;
    if (a.anchorServedIndex >= 0 && !a.selfSignedLeaf)
        onPath.append(a.anchorServedIndex);
    for (int i = 1; i < onPath.size(); ++i) {
        if (onPath.at(i) < onPath.at(i - 1))
            a.orderCorrect = false;
    }
    return a;
}

QStringList ChainAnalysis::trustStoreLookups(const QList<QSslCertificate>& served)
{
    // analyze() asks the trust pool only for the issuer of a served certificate (findIssuer) or
    // for a served self-signed certificate itself (findSame), and keys the pool by the same hash.
    QStringList hashes;
    for (const QSslCertificate& certificate : served.mid(0, maxServed)) {
        const X509Ptr x = toX509(certificate);
        if (!x)
            continue;
        for (const X509_NAME* name : {X509_get_issuer_name(x.get()), X509_get_subject_name(x.get())}) {
            int ok = 0;
            const unsigned long hash = X509_NAME_hash_ex(name, nullptr, nullptr, &ok);
            const QString hex = QStringLiteral("%1").arg(qulonglong(hash), 8, 16, QLatin1Char('0'));
            if (ok && !hashes.contains(hex))
                hashes.append(hex);
        }
    }
    return hashes;
}

CertificateCrypto inspectCertificate(const QSslCertificate& certificate)
{
    CertificateCrypto info;
    const X509Ptr x = toX509(certificate);
    if (!x)
        return info;
    const int sigNid = X509_get_signature_nid(x.get());
    info.signatureAlgorithm = QString::fromLatin1(OBJ_nid2ln(sigNid));
    int mdNid = NID_undef;
    int pkNid = NID_undef;
    if (OBJ_find_sigid_algs(sigNid, &mdNid, &pkNid) == 1) {
        info.weakSignature = mdNid == NID_md5 || mdNid == NID_sha1 || mdNid == NID_md4 || mdNid == NID_md2 ||
                             mdNid == NID_md5_sha1;
    }
    EVP_PKEY* key = X509_get0_pubkey(x.get());
    if (key) {
        info.keyBits = EVP_PKEY_get_bits(key);
        switch (EVP_PKEY_get_base_id(key)) {
        case EVP_PKEY_RSA:
        case EVP_PKEY_RSA_PSS:
            info.keyAlgorithm = QStringLiteral("RSA");
            info.weakKey = info.keyBits < 2048;
            break;
        case EVP_PKEY_DSA:
            info.keyAlgorithm = QStringLiteral("DSA");
            info.weakKey = info.keyBits < 2048;
            break;
        case EVP_PKEY_EC:
            info.keyAlgorithm = QStringLiteral("EC");
            info.weakKey = info.keyBits < 256;
            break;
        case EVP_PKEY_ED25519:
            info.keyAlgorithm = QStringLiteral("Ed25519");
            break;
        case EVP_PKEY_ED448:
            info.keyAlgorithm = QStringLiteral("Ed448");
            break;
        default:
            info.keyAlgorithm = QString::fromLatin1(OBJ_nid2sn(EVP_PKEY_get_base_id(key)));
            break;
        }
    }
    info.selfSigned = X509_self_signed(x.get(), 1) == 1;
    return info;
}

bool hostMatchesCertificate(const QString& host, const QSslCertificate& certificate, bool* byCommonName)
{
    // OpenSSL's own matching (X509_check_host / X509_check_ip_asc), as the clients that matter
    // use it: RFC 6125 wildcards (whole left-most label only), IP literals only against
    // IP-address SANs, the Common Name only when there is no DNS SAN.
    if (byCommonName)
        *byCommonName = false;
    const X509Ptr x = toX509(certificate);
    if (!x)
        return false;
    const QByteArray name = host.toLatin1();
    if (!QHostAddress(host).isNull())
        return X509_check_ip_asc(x.get(), name.constData(), 0) == 1;
    constexpr unsigned int rules = X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS;
    if (X509_check_host(x.get(), name.constData(), size_t(name.size()),
                        rules | X509_CHECK_FLAG_NEVER_CHECK_SUBJECT, nullptr) == 1)
        return true;
    // Without the flag OpenSSL falls back to the subject's CN when the certificate has no DNS SAN.
    if (X509_check_host(x.get(), name.constData(), size_t(name.size()), rules, nullptr) == 1) {
        if (byCommonName)
            *byCommonName = true;
        return true;
    }
    return false;
}

qint64 expiryWarningSeconds(const QDateTime& notBefore, const QDateTime& notAfter)
{
    constexpr qint64 thirtyDays = 30LL * 24 * 3600;
    const qint64 lifetime = notBefore.secsTo(notAfter);
    if (lifetime <= 0)
        return 0;
    return std::min(thirtyDays, lifetime / 3);
}

CertificatePurpose inspectPurpose(const QSslCertificate& certificate)
{
    CertificatePurpose p;
    const X509Ptr x = toX509(certificate);
    if (!x)
        return p;
    const uint32_t flags = X509_get_extension_flags(x.get()); // also caches the extensions
    p.ca = (flags & EXFLAG_CA) != 0 && X509_check_ca(x.get()) != 0 && (flags & EXFLAG_BCONS) != 0;
    if (flags & EXFLAG_XKUSAGE) {
        p.hasExtendedKeyUsage = true;
        auto* usages =
            static_cast<EXTENDED_KEY_USAGE*>(X509_get_ext_d2i(x.get(), NID_ext_key_usage, nullptr, nullptr));
        for (int i = 0; usages && i < sk_ASN1_OBJECT_num(usages); ++i) {
            const int nid = OBJ_obj2nid(sk_ASN1_OBJECT_value(usages, i));
            p.serverAuth = p.serverAuth || nid == NID_server_auth || nid == NID_anyExtendedKeyUsage;
            char name[80] = {};
            OBJ_obj2txt(name, sizeof name, sk_ASN1_OBJECT_value(usages, i), 0);
            p.extendedKeyUsages.append(QString::fromLatin1(name));
        }
        sk_ASN1_OBJECT_pop_free(usages, ASN1_OBJECT_free);
    }
    if (flags & EXFLAG_KUSAGE) {
        p.hasKeyUsage = true;
        const uint32_t ku = X509_get_key_usage(x.get());
        p.digitalSignature = (ku & KU_DIGITAL_SIGNATURE) != 0;
        p.keyEncipherment = (ku & KU_KEY_ENCIPHERMENT) != 0;
        const std::pair<uint32_t, const char*> names[] = {{KU_DIGITAL_SIGNATURE, "digitalSignature"},
                                                          {KU_NON_REPUDIATION, "nonRepudiation"},
                                                          {KU_KEY_ENCIPHERMENT, "keyEncipherment"},
                                                          {KU_DATA_ENCIPHERMENT, "dataEncipherment"},
                                                          {KU_KEY_AGREEMENT, "keyAgreement"},
                                                          {KU_KEY_CERT_SIGN, "keyCertSign"},
                                                          {KU_CRL_SIGN, "cRLSign"},
                                                          {KU_ENCIPHER_ONLY, "encipherOnly"},
                                                          {KU_DECIPHER_ONLY, "decipherOnly"}};
        for (const auto& [bit, name] : names) {
            if (ku & bit)
                p.keyUsages.append(QLatin1String(name));
        }
    }
    return p;
}

DhGroup inspectDhGroup(const QByteArray& der)
{
    DhGroup g;
    if (der.isEmpty())
        return g;
    const auto* data = reinterpret_cast<const unsigned char*>(der.constData());
    EVP_PKEY* key = d2i_PUBKEY(nullptr, &data, der.size());
    if (!key)
        return g;
    BIGNUM* p = nullptr;
    if (EVP_PKEY_get_bn_param(key, OSSL_PKEY_PARAM_FFC_P, &p) == 1 && p) {
        g.valid = true;
        g.bits = BN_num_bits(p);
        // Primality tests of a larger group would cost seconds; a server that sends one does not
        // send a made-up one.
        g.primalityChecked = g.bits <= kMaxDhBitsTested;
        if (!g.primalityChecked) {
            BN_free(p);
            EVP_PKEY_free(key);
            return g;
        }
        BN_CTX* ctx = BN_CTX_new();
        g.prime = BN_check_prime(p, ctx, nullptr) == 1;
        if (g.prime) {
            BIGNUM* q = BN_dup(p);
            if (q && BN_sub_word(q, 1) == 1 && BN_rshift1(q, q) == 1)
                g.safePrime = BN_check_prime(q, ctx, nullptr) == 1;
            BN_free(q);
        }
        BN_CTX_free(ctx);
    }
    BN_free(p);
    EVP_PKEY_free(key);
    return g;
}

} // namespace gjd
