// SPDX-License-Identifier: GPL-3.0-or-later
#include "tls/chainanalysis.h"
#include "tlscommon.h"

namespace gjd {
namespace {

// tls.key_exchange: the key exchange the server negotiated, judged by the product's rules
// (docs/design.md, "TLS rules"), not by this machine's OpenSSL policy: the TLS probe accepts any
// group at security level 0, so a 1024-bit group is seen and named on every machine.
//   finite-field DHE group < 2048 bits: GitLab.com (OpenSSL 3, security level 2) refuses;
//   < 1024 bits: Jira Cloud's JVM refuses too (jdk.tls.disabledAlgorithms "DH keySize < 1024");
//   a group size that is not a multiple of 64 bits: Jira Cloud's JVM refuses it ("DH key size
//   must be multiple of 64");
//   p not a safe prime: fail (a made-up or broken group), although neither client tests it: both
//   accept a composite 2048-bit modulus (tests/oracles/README.md).
class TlsKeyExchangeCheck final
{
    Q_DECLARE_TR_FUNCTIONS(gjd::TlsKeyExchangeCheck)

public:
    static void evaluate(const RunContext& ctx, Finding& f)
    {
        const TlsResult& tls = *ctx.tls;
        f.evidence.insert(QStringLiteral("cipher"), tls.cipher);
        f.evidence.insert(QStringLiteral("method"), tls.keyExchange);
        if (tls.ephemeralKeyBits > 0)
            f.evidence.insert(QStringLiteral("bits"), tls.ephemeralKeyBits);
        if (tls.keyExchange != QLatin1String("DH")) {
            // Qt gives no length for an X25519 key (-1): then the curve is not named by size.
            if (tls.keyExchange == QLatin1String("ECDH") && tls.ephemeralKeyBits > 0)
                set(f, Status::Pass,
                    tr("ECDHE with a %1-bit curve (%2).").arg(tls.ephemeralKeyBits).arg(tls.cipher));
            else if (tls.keyExchange == QLatin1String("ECDH"))
                set(f, Status::Pass, tr("ECDHE (%1).").arg(tls.cipher));
            else
                set(f, Status::Pass, tr("%1 key exchange (%2).").arg(tls.keyExchange, tls.cipher));
            return;
        }
        const DhGroup group = inspectDhGroup(tls.ephemeralKeyDer);
        const int bits = group.valid ? group.bits : tls.ephemeralKeyBits;
        f.evidence.insert(QStringLiteral("bits"), bits);
        if (group.valid && group.primalityChecked) {
            f.evidence.insert(QStringLiteral("prime"), group.prime);
            f.evidence.insert(QStringLiteral("safe_prime"), group.safePrime);
        }
        const bool tooSmall = bits < 2048;
        const bool notSafe = group.valid && group.primalityChecked && !group.safePrime;
        if (!tooSmall && !notSafe && bits % 64 == 0) {
            set(f, Status::Pass, tr("DHE with a %1-bit group (%2).").arg(bits).arg(tls.cipher));
            return;
        }
        QStringList problems;
        const bool javaRefuses = bits < 1024 || bits % 64 != 0;
        if (tooSmall)
            problems.append(
                tr("the server's DHE group has %1 bits; GitLab.com's client refuses groups under 2048 bits")
                    .arg(bits));
        if (bits < 1024)
            problems.append(tr("Jira Cloud's Java refuses groups under 1024 bits"));
        else if (javaRefuses)
            problems.append(tr("Jira Cloud's Java accepts only group sizes that are a multiple of 64 bits"));
        if (notSafe) {
            // Neither client tests the group; said so only where nothing else stops them.
            const bool refused = tooSmall || javaRefuses;
            if (group.prime)
                problems.append(refused
                                    ? tr("its prime is not a safe prime")
                                    : tr("its prime is not a safe prime (GitLab.com and Jira Cloud do not "
                                         "test this and connect, but the key exchange is weak)"));
            else
                problems.append(refused
                                    ? tr("its modulus is not a prime: the group is broken or made up")
                                    : tr("its modulus is not a prime: the group is broken or made up "
                                         "(GitLab.com and Jira Cloud do not test this and connect, but the "
                                         "key exchange protects nothing)"));
        }
        tlscommon::setConsumers(f, tooSmall ? tlscommon::kReject : tlscommon::kAccept,
                                javaRefuses ? tlscommon::kReject : tlscommon::kAccept);
        set(f, Status::Fail, tr("Key exchange %1: %2.").arg(tls.cipher, problems.join(QStringLiteral("; "))),
            tr("The certificate is fine; the Diffie-Hellman parameters are not. Use the standard ffdhe2048 "
               "group or larger (nginx \"ssl_dhparam\" with a file from RFC 7919, Omnibus "
               "nginx['ssl_dhparam']), or offer only ECDHE cipher suites (nginx \"ssl_ciphers "
               "ECDHE+AESGCM:ECDHE+CHACHA20;\")."));
        f.explains = tlscommon::tlsExplains();
        f.docs = {docs::omnibusSsl, docs::nginxHttps};
    }
};

} // namespace

namespace checks {

void tlsKeyExchange(const RunContext& context, Finding& finding)
{
    TlsKeyExchangeCheck::evaluate(context, finding);
}

} // namespace checks

} // namespace gjd
