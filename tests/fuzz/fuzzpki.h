// SPDX-License-Identifier: GPL-3.0-or-later
// A small PKI for the chain analysis fuzz target and its seeds, the same bytes on every run:
// Ed25519 and RSA PKCS #1 v1.5 signatures are deterministic, the keys come from fixed seeds (the
// RSA primes are the next primes after fixed numbers), serials count up and the dates are fixed.
// The fuzz target takes its trust store from here, so that the seeds' paths end at an anchor;
// make_corpus writes the seeds. No clock is read and no openssl program is run.
//
// The hierarchies mirror tests/support/make-pki.sh:
//
//   root ─┬─ inter ─┬─ leaf (gitlab.test, *.gitlab.test, 127.0.0.1, ::1), ecLeaf (P-256 key)
//         │         └─ noSanLeaf (CN only)
//         ├─ policy ── issuing ── leafB                  two intermediates
//         └─ long[0] ── long[1] ── … ── long[16] ── longLeaf   longer than the 16 steps analysed
//   rsaRoot ── rsaInter ─┬─ rsaLeaf (RSA 2048, SHA-256)
//                        ├─ sha1Leaf (SHA-1)
//                        └─ rsa1024Leaf (RSA 1024)
//   unknownRoot ── unknownInter ── unknownLeaf           a root nobody trusts
//   privateRoot ── privateLeaf                           the --ca-file's CA
//   crossRoot: root's name and key, issued by unknownRoot; redatedRoot: root's name and key,
//   self-signed with other dates; selfSigned: gitlab.test, not a CA; unrelated: a lone root.
//
// Trust: root and rsaRoot are "public" (the fuzz target's trust store), privateRoot is the extra CA.

#pragma once

#include <QList>
#include <QSslCertificate>

namespace gjd::fuzz {

struct FuzzPki
{
    QSslCertificate root, inter, leaf, ecLeaf, noSanLeaf;
    QSslCertificate policy, issuing, leafB;
    QList<QSslCertificate> longChain; // long[0] (issued by root) … long[16]
    QSslCertificate longLeaf;
    QSslCertificate rsaRoot, rsaInter, rsaLeaf, sha1Leaf, rsa1024Leaf;
    QSslCertificate unknownRoot, unknownInter, unknownLeaf;
    QSslCertificate privateRoot, privateLeaf;
    QSslCertificate crossRoot, redatedRoot, selfSigned, unrelated;

    QList<QSslCertificate> trustStore() const { return {root, rsaRoot}; }
    QList<QSslCertificate> extraCas() const { return {privateRoot}; }
};

// Built on the first call (about a second, most of it finding the RSA primes).
const FuzzPki& fuzzPki();

} // namespace gjd::fuzz
