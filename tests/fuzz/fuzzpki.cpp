// SPDX-License-Identifier: GPL-3.0-or-later
#include "fuzzpki.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QtGlobal>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/obj_mac.h>
#include <openssl/param_build.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>
#include <vector>

namespace gjd::fuzz {

namespace {

template <typename T, void (*Free)(T*)> struct Deleter
{
    void operator()(T* p) const { Free(p); }
};
using KeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using KeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, Deleter<EVP_PKEY_CTX, EVP_PKEY_CTX_free>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using NamePtr = std::unique_ptr<X509_NAME, Deleter<X509_NAME, X509_NAME_free>>;
using BnPtr = std::unique_ptr<BIGNUM, Deleter<BIGNUM, BN_free>>;
using BnCtxPtr = std::unique_ptr<BN_CTX, Deleter<BN_CTX, BN_CTX_free>>;
using ParamBldPtr = std::unique_ptr<OSSL_PARAM_BLD, Deleter<OSSL_PARAM_BLD, OSSL_PARAM_BLD_free>>;
using ParamPtr = std::unique_ptr<OSSL_PARAM, Deleter<OSSL_PARAM, OSSL_PARAM_free>>;
using GroupPtr = std::unique_ptr<EC_GROUP, Deleter<EC_GROUP, EC_GROUP_free>>;
using PointPtr = std::unique_ptr<EC_POINT, Deleter<EC_POINT, EC_POINT_free>>;

[[noreturn]] void die(const char* what)
{
    qFatal("fuzzpki: %s", what);
}

template <typename P> P check(P p, const char* what)
{
    if (!p)
        die(what);
    return p;
}

// `bytes` pseudo-random bytes named `name`: SHA-256 of the name and a counter, concatenated.
QByteArray seedBytes(const QByteArray& name, int bytes)
{
    QByteArray out;
    for (int i = 0; out.size() < bytes; ++i)
        out += QCryptographicHash::hash(QByteArray(name + '/' + QByteArray::number(i)),
                                        QCryptographicHash::Sha256);
    return out.left(bytes);
}

BnPtr bignum(const QByteArray& bytes)
{
    return BnPtr(check(
        BN_bin2bn(reinterpret_cast<const unsigned char*>(bytes.constData()), int(bytes.size()), nullptr),
        "BN_bin2bn"));
}

KeyPtr ed25519(const QByteArray& name)
{
    const QByteArray seed = seedBytes("ed25519/" + name, 32);
    return KeyPtr(check(EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr,
                                                     reinterpret_cast<const unsigned char*>(seed.constData()),
                                                     size_t(seed.size())),
                        "Ed25519 key"));
}

constexpr BN_ULONG kRsaExponent = 65537;

// The first prime p >= a fixed number of `bits` bits (top two bits set, so that p·q has 2·bits)
// with gcd(p - 1, e) = 1.
BnPtr nextPrime(const QByteArray& name, int bits, BN_CTX* ctx)
{
    BnPtr p = bignum(seedBytes("prime/" + name, bits / 8));
    BN_set_bit(p.get(), bits - 1);
    BN_set_bit(p.get(), bits - 2);
    BN_set_bit(p.get(), 0);
    for (;;) {
        if (BN_mod_word(p.get(), kRsaExponent) != 1 && BN_check_prime(p.get(), ctx, nullptr) == 1)
            return p;
        BN_add_word(p.get(), 2);
    }
}

KeyPtr fromParams(const char* type, int selection, OSSL_PARAM_BLD* builder)
{
    const ParamPtr params(check(OSSL_PARAM_BLD_to_param(builder), "OSSL_PARAM_BLD_to_param"));
    const KeyCtxPtr ctx(check(EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr), "EVP_PKEY_CTX"));
    EVP_PKEY* key = nullptr;
    if (EVP_PKEY_fromdata_init(ctx.get()) != 1 ||
        EVP_PKEY_fromdata(ctx.get(), &key, selection, params.get()) != 1)
        die("EVP_PKEY_fromdata");
    return KeyPtr(key);
}

KeyPtr rsa(const QByteArray& name, int bits)
{
    const BnCtxPtr ctx(check(BN_CTX_new(), "BN_CTX_new"));
    const BnPtr p = nextPrime(name + "/p", bits / 2, ctx.get());
    const BnPtr q = nextPrime(name + "/q", bits / 2, ctx.get());
    const BnPtr n(BN_new()), e(BN_new()), d(BN_new()), p1(BN_new()), q1(BN_new()), phi(BN_new()),
        gcd(BN_new()), lambda(BN_new()), dp(BN_new()), dq(BN_new()), qinv(BN_new());
    const bool ok = BN_mul(n.get(), p.get(), q.get(), ctx.get()) && BN_set_word(e.get(), kRsaExponent) &&
                    BN_sub(p1.get(), p.get(), BN_value_one()) && BN_sub(q1.get(), q.get(), BN_value_one()) &&
                    BN_mul(phi.get(), p1.get(), q1.get(), ctx.get()) &&
                    BN_gcd(gcd.get(), p1.get(), q1.get(), ctx.get()) &&
                    BN_div(lambda.get(), nullptr, phi.get(), gcd.get(), ctx.get()) &&
                    BN_mod_inverse(d.get(), e.get(), lambda.get(), ctx.get()) &&
                    BN_mod(dp.get(), d.get(), p1.get(), ctx.get()) &&
                    BN_mod(dq.get(), d.get(), q1.get(), ctx.get()) &&
                    BN_mod_inverse(qinv.get(), q.get(), p.get(), ctx.get());
    if (!ok)
        die("RSA key arithmetic");
    const ParamBldPtr builder(check(OSSL_PARAM_BLD_new(), "OSSL_PARAM_BLD_new"));
    const std::pair<const char*, const BIGNUM*> values[] = {
        {OSSL_PKEY_PARAM_RSA_N, n.get()},          {OSSL_PKEY_PARAM_RSA_E, e.get()},
        {OSSL_PKEY_PARAM_RSA_D, d.get()},          {OSSL_PKEY_PARAM_RSA_FACTOR1, p.get()},
        {OSSL_PKEY_PARAM_RSA_FACTOR2, q.get()},    {OSSL_PKEY_PARAM_RSA_EXPONENT1, dp.get()},
        {OSSL_PKEY_PARAM_RSA_EXPONENT2, dq.get()}, {OSSL_PKEY_PARAM_RSA_COEFFICIENT1, qinv.get()}};
    for (const auto& [param, value] : values) {
        if (OSSL_PARAM_BLD_push_BN(builder.get(), param, value) != 1)
            die("OSSL_PARAM_BLD_push_BN");
    }
    return fromParams("RSA", EVP_PKEY_KEYPAIR, builder.get());
}

// A P-256 public key (it only ever stands in a certificate; nothing signs with it).
KeyPtr ecPublic(const QByteArray& name)
{
    const BnCtxPtr ctx(check(BN_CTX_new(), "BN_CTX_new"));
    const GroupPtr group(check(EC_GROUP_new_by_curve_name(NID_X9_62_prime256v1), "EC group"));
    const BnPtr scalar = bignum(seedBytes("ec/" + name, 31));
    const PointPtr point(check(EC_POINT_new(group.get()), "EC_POINT_new"));
    if (EC_POINT_mul(group.get(), point.get(), scalar.get(), nullptr, nullptr, ctx.get()) != 1)
        die("EC_POINT_mul");
    unsigned char encoded[65];
    const size_t size = EC_POINT_point2oct(group.get(), point.get(), POINT_CONVERSION_UNCOMPRESSED, encoded,
                                           sizeof encoded, ctx.get());
    const ParamBldPtr builder(check(OSSL_PARAM_BLD_new(), "OSSL_PARAM_BLD_new"));
    if (size == 0 ||
        OSSL_PARAM_BLD_push_utf8_string(builder.get(), OSSL_PKEY_PARAM_GROUP_NAME, "prime256v1", 0) != 1 ||
        OSSL_PARAM_BLD_push_octet_string(builder.get(), OSSL_PKEY_PARAM_PUB_KEY, encoded, size) != 1)
        die("EC parameters");
    return fromParams("EC", EVP_PKEY_PUBLIC_KEY, builder.get());
}

// What the fuzz corpus's certificates are made of; keeps the keys for as long as it issues.
class Issuer
{
public:
    struct Spec
    {
        const char* cn = nullptr;
        EVP_PKEY* key = nullptr;        // the subject's
        const X509* issuer = nullptr;   // nullptr: self-signed
        EVP_PKEY* issuerKey = nullptr;  // nullptr: self-signed with `key`
        const EVP_MD* digest = nullptr; // nullptr for Ed25519 issuers, else SHA-256
        bool ca = false;
        const char* san = nullptr;       // e.g. "DNS:gitlab.test,IP:127.0.0.1"
        const X509_NAME* name = nullptr; // instead of CN=cn,O=GJD Fuzz
        const char* notBefore = "20260101000000Z";
        const char* notAfter = "20360101000000Z";
    };

    EVP_PKEY* keep(KeyPtr key)
    {
        m_keys.push_back(std::move(key));
        return m_keys.back().get();
    }

    X509* issue(const Spec& spec)
    {
        X509Ptr x(check(X509_new(), "X509_new"));
        NamePtr name(spec.name ? X509_NAME_dup(spec.name) : X509_NAME_new());
        if (!name || !X509_set_version(x.get(), X509_VERSION_3) ||
            !ASN1_INTEGER_set(X509_get_serialNumber(x.get()), m_serial++) ||
            !ASN1_TIME_set_string_X509(X509_getm_notBefore(x.get()), spec.notBefore) ||
            !ASN1_TIME_set_string_X509(X509_getm_notAfter(x.get()), spec.notAfter))
            die("certificate fields");
        if (!spec.name &&
            (!X509_NAME_add_entry_by_txt(name.get(), "O", MBSTRING_UTF8,
                                         reinterpret_cast<const unsigned char*>("GJD Fuzz"), -1, -1, 0) ||
             !X509_NAME_add_entry_by_txt(name.get(), "CN", MBSTRING_UTF8,
                                         reinterpret_cast<const unsigned char*>(spec.cn), -1, -1, 0)))
            die("certificate name");
        if (!X509_set_subject_name(x.get(), name.get()) ||
            !X509_set_issuer_name(x.get(), spec.issuer ? X509_get_subject_name(spec.issuer) : name.get()) ||
            !X509_set_pubkey(x.get(), spec.key))
            die("certificate subject");

        X509V3_CTX ctx;
        X509V3_set_ctx(&ctx, spec.issuer ? const_cast<X509*>(spec.issuer) : x.get(), x.get(), nullptr,
                       nullptr, 0);
        addExtension(x.get(), &ctx, NID_basic_constraints,
                     spec.ca ? "critical,CA:TRUE" : "critical,CA:FALSE");
        addExtension(x.get(), &ctx, NID_key_usage,
                     spec.ca ? "critical,keyCertSign,cRLSign" : "critical,digitalSignature,keyEncipherment");
        addExtension(x.get(), &ctx, NID_subject_key_identifier, "hash");
        if (spec.issuer)
            addExtension(x.get(), &ctx, NID_authority_key_identifier, "keyid:always");
        if (spec.san)
            addExtension(x.get(), &ctx, NID_subject_alt_name, spec.san);

        EVP_PKEY* signer = spec.issuerKey ? spec.issuerKey : spec.key;
        const EVP_MD* digest = EVP_PKEY_get_base_id(signer) == EVP_PKEY_ED25519
                                   ? nullptr
                                   : (spec.digest ? spec.digest : EVP_sha256());
        if (X509_sign(x.get(), signer, digest) <= 0)
            die("X509_sign");
        m_certificates.push_back(std::move(x));
        return m_certificates.back().get();
    }

private:
    static void addExtension(X509* x, X509V3_CTX* ctx, int nid, const char* value)
    {
        X509_EXTENSION* extension = X509V3_EXT_nconf_nid(nullptr, ctx, nid, value);
        if (!extension || !X509_add_ext(x, extension, -1))
            die("certificate extension");
        X509_EXTENSION_free(extension);
    }

    long m_serial = 1;
    std::vector<KeyPtr> m_keys;
    std::vector<X509Ptr> m_certificates;
};

QSslCertificate toQt(const X509* x)
{
    unsigned char* der = nullptr;
    const int size = i2d_X509(x, &der);
    if (size <= 0)
        die("i2d_X509");
    const QByteArray bytes(reinterpret_cast<const char*>(der), size);
    OPENSSL_free(der);
    const QSslCertificate certificate(bytes, QSsl::Der);
    if (certificate.isNull())
        die("QSslCertificate refused a certificate of the fuzz PKI (is Qt's TLS backend missing?)");
    return certificate;
}

FuzzPki build()
{
    Issuer is;
    using Spec = Issuer::Spec;
    const char* const leafSan = "DNS:gitlab.test,DNS:*.gitlab.test,IP:127.0.0.1,IP:::1";
    FuzzPki pki;

    EVP_PKEY* rootKey = is.keep(ed25519("root"));
    const X509* root = is.issue(Spec{"GJD Fuzz Root CA", rootKey, nullptr, nullptr, nullptr, true});
    EVP_PKEY* interKey = is.keep(ed25519("inter"));
    const X509* inter = is.issue(Spec{"GJD Fuzz Intermediate CA", interKey, root, rootKey, nullptr, true});
    pki.root = toQt(root);
    pki.inter = toQt(inter);
    pki.leaf = toQt(
        is.issue(Spec{"gitlab.test", is.keep(ed25519("leaf")), inter, interKey, nullptr, false, leafSan}));
    pki.ecLeaf = toQt(is.issue(
        Spec{"gitlab.test", is.keep(ecPublic("ec-leaf")), inter, interKey, nullptr, false, leafSan}));
    pki.noSanLeaf = toQt(
        is.issue(Spec{"*.gitlab.test", is.keep(ed25519("no-san-leaf")), inter, interKey, nullptr, false}));

    EVP_PKEY* policyKey = is.keep(ed25519("policy"));
    const X509* policy = is.issue(Spec{"GJD Fuzz Policy CA", policyKey, root, rootKey, nullptr, true});
    EVP_PKEY* issuingKey = is.keep(ed25519("issuing"));
    const X509* issuing = is.issue(Spec{"GJD Fuzz Issuing CA", issuingKey, policy, policyKey, nullptr, true});
    pki.policy = toQt(policy);
    pki.issuing = toQt(issuing);
    pki.leafB = toQt(is.issue(
        Spec{"gitlab.test", is.keep(ed25519("leaf-b")), issuing, issuingKey, nullptr, false, leafSan}));

    const X509* above = root;
    EVP_PKEY* aboveKey = rootKey;
    for (int i = 0; i < 17; ++i) {
        const QByteArray cn = "GJD Fuzz Long CA " + QByteArray::number(i);
        EVP_PKEY* key = is.keep(ed25519("long-" + QByteArray::number(i)));
        above = is.issue(Spec{cn.constData(), key, above, aboveKey, nullptr, true});
        aboveKey = key;
        pki.longChain.append(toQt(above));
    }
    pki.longLeaf = toQt(is.issue(
        Spec{"gitlab.test", is.keep(ed25519("long-leaf")), above, aboveKey, nullptr, false, leafSan}));

    EVP_PKEY* rsaRootKey = is.keep(rsa("rsa-root", 2048));
    const X509* rsaRoot = is.issue(Spec{"GJD Fuzz RSA Root CA", rsaRootKey, nullptr, nullptr, nullptr, true});
    EVP_PKEY* rsaInterKey = is.keep(rsa("rsa-inter", 2048));
    const X509* rsaInter =
        is.issue(Spec{"GJD Fuzz RSA Intermediate CA", rsaInterKey, rsaRoot, rsaRootKey, nullptr, true});
    EVP_PKEY* rsaLeafKey = is.keep(rsa("rsa-leaf", 2048));
    pki.rsaRoot = toQt(rsaRoot);
    pki.rsaInter = toQt(rsaInter);
    pki.rsaLeaf =
        toQt(is.issue(Spec{"gitlab.test", rsaLeafKey, rsaInter, rsaInterKey, nullptr, false, leafSan}));
    pki.sha1Leaf =
        toQt(is.issue(Spec{"gitlab.test", rsaLeafKey, rsaInter, rsaInterKey, EVP_sha1(), false, leafSan}));
    pki.rsa1024Leaf = toQt(is.issue(Spec{"gitlab.test", is.keep(rsa("rsa1024-leaf", 1024)), rsaInter,
                                         rsaInterKey, nullptr, false, leafSan}));

    EVP_PKEY* unknownRootKey = is.keep(ed25519("unknown-root"));
    const X509* unknownRoot =
        is.issue(Spec{"GJD Fuzz Unknown Root CA", unknownRootKey, nullptr, nullptr, nullptr, true});
    EVP_PKEY* unknownInterKey = is.keep(ed25519("unknown-inter"));
    const X509* unknownInter = is.issue(Spec{"GJD Fuzz Unknown Intermediate CA", unknownInterKey, unknownRoot,
                                             unknownRootKey, nullptr, true});
    pki.unknownRoot = toQt(unknownRoot);
    pki.unknownInter = toQt(unknownInter);
    pki.unknownLeaf = toQt(is.issue(Spec{"gitlab.test", is.keep(ed25519("unknown-leaf")), unknownInter,
                                         unknownInterKey, nullptr, false, leafSan}));

    EVP_PKEY* privateRootKey = is.keep(ed25519("private-root"));
    const X509* privateRoot =
        is.issue(Spec{"GJD Fuzz Private CA", privateRootKey, nullptr, nullptr, nullptr, true});
    pki.privateRoot = toQt(privateRoot);
    pki.privateLeaf = toQt(is.issue(Spec{"gitlab.test", is.keep(ed25519("private-leaf")), privateRoot,
                                         privateRootKey, nullptr, false, leafSan}));

    Spec cross{nullptr, rootKey, unknownRoot, unknownRootKey, nullptr, true};
    cross.name = X509_get_subject_name(root);
    pki.crossRoot = toQt(is.issue(cross));
    Spec redated{nullptr, rootKey, nullptr, nullptr, nullptr, true};
    redated.name = X509_get_subject_name(root);
    redated.notBefore = "20200101000000Z";
    redated.notAfter = "20250101000000Z";
    pki.redatedRoot = toQt(is.issue(redated));
    pki.selfSigned = toQt(is.issue(
        Spec{"gitlab.test", is.keep(ed25519("self-signed")), nullptr, nullptr, nullptr, false, leafSan}));
    pki.unrelated = toQt(
        is.issue(Spec{"GJD Fuzz Unrelated", is.keep(ed25519("unrelated")), nullptr, nullptr, nullptr, true}));
    return pki;
}

} // namespace

const FuzzPki& fuzzPki()
{
    static const FuzzPki pki = build();
    return pki;
}

} // namespace gjd::fuzz
