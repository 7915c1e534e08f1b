#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds the throw-away PKI the TLS tests serve through nginx: usage `make-pki.sh OUTDIR`.
# OUTDIR is wiped first. Only the openssl CLI is used; `openssl ca` (with a private config and
# index per issuing CA) is what lets us set explicit notBefore/notAfter for the expired,
# not-yet-valid and expiring certificates, which `openssl x509 -req` cannot do in OpenSSL 3.0.
#
# Every file name below is part of the tests' contract (tests/integration refers to them).
#
#   root.pem        CN=GJD Test Root CA              self-signed CA (the "public" root: trust.pem)
#   inter.pem       CN=GJD Test Intermediate CA      root -> inter
#   leaf.pem        gitlab.test                      inter -> leaf, valid now
#   inter-a.pem     CN=GJD Test Policy CA            root -> inter-a
#   inter-b.pem     CN=GJD Test Issuing CA           inter-a -> inter-b
#   leaf-b.pem      gitlab.test                      inter-b -> leaf-b
#   leaf-expired.pem, leaf-notyet.pem, leaf-expiring.pem, leaf-wronghost.pem (other.test),
#   sha1-leaf.pem (RSA 2048, SHA-1), rsa1024-leaf.pem (RSA 1024, SHA-256)   all issued by inter
#   inter-expired.pem CN=GJD Test Expired Intermediate (root -> , expired) -> leaf-under-expired.pem
#   selfsigned.pem  gitlab.test                      self-signed, not a CA
#   root2.pem, inter2.pem, leaf2.pem                 the "unknown" hierarchy (CN=GJD Unknown …)
#   unrelated.pem   CN=GJD Unrelated                 self-signed, unrelated to everything
#
# Served bundles (ssl_certificate) and their keys (ssl_certificate_key), one pair per scenario:
#   full, leaf-only, reversed, extra, with-root, expired-leaf, expired-inter, notyet, expiring,
#   wronghost, selfsigned, unknown-root, private-ca, sha1, rsa1024, cross-expired (leaf + inter +
#   an expired cross-signed copy of the root), redated-root (leaf + inter + an expired re-dated
#   self-signed copy of the root), duplicate (leaf + inter twice)  ->  <name>.pem + <name>.key
#
# For the real-client oracles (tests/oracles, tests/integration/tst_oracles.cpp), all issued by
# inter for gitlab.test and served with inter unless said otherwise:
#   eku-client      leaf whose extendedKeyUsage is clientAuth only          (eku-client-leaf.pem)
#   ku-certsign     leaf whose keyUsage is keyCertSign only, critical       (ku-certsign-leaf.pem)
#   leaf-ca         leaf with basicConstraints CA:TRUE (and keyCertSign)    (ca-leaf.pem)
#   inter-first     inter, then leaf, served with inter.key: nginx refuses a bundle whose first
#                   certificate does not belong to the key, so the intermediate with its own key
#                   is the server certificate and the leaf comes second
#   big-40k         leaf with gitlab.test + 2,000 SANs (h0001.gitlab.test …): Certificate message
#                   between 32 KiB and 100 KiB                              (big-40k-leaf.pem)
#   big-200k        leaf with gitlab.test + 10,000 SANs: over 100 KiB       (big-200k-leaf.pem)
#   full-rsa        leaf with an RSA 2048 key (sha1-leaf's), SHA-256, + inter: for the DHE-RSA
#                   cipher suites, which the EC leaves cannot serve         (rsa-leaf.pem)
# DH parameters (PKCS#3 DHParameter PEM, `ssl_dhparam`), written from fixed numbers, never generated:
#   dh1024.pem        RFC 2409 Oakley group 2 (1024-bit MODP safe prime), g = 2
#   dh-composite.pem  a 2047-bit odd COMPOSITE p, g = 2: (RFC 3526 group 14 prime - 1)/2 + 4, which
#                     is divisible by 3 ((p14 - 1)/2 is the prime q of the safe prime p14)
#   dh-composite-2048.pem
#                     the same mistake at 2048 bits: RFC 3526 group 14 prime + 4, divisible by 3
#                     (2047 bits is refused for its size alone, by OpenSSL at security level 2 and
#                     by Java, whose DH sizes are multiples of 64)
#   ffdhe2048.pem     RFC 7919 ffdhe2048 (OpenSSL's named group), the good control case
# Trust store for the tests: trust.pem (= root.pem only).
set -euo pipefail

if [[ $# -ne 1 || -z "$1" ]]; then
    echo "usage: $0 OUTDIR" >&2
    exit 2
fi
out=$1
case "$out" in
    / | /root | /home | /tmp | /usr | /etc | .) echo "$0: refusing to wipe '$out'" >&2; exit 2 ;;
esac

rm -rf -- "$out"
mkdir -p -- "$out/ca"
out=$(cd -- "$out" && pwd)
cd -- "$out"

# The tests must not depend on the system's openssl.cnf; the CA config below is self-contained.
export OPENSSL_CONF=/dev/null
umask 077

die() { echo "make-pki.sh: $*" >&2; exit 1; }

# openssl is chatty on stderr even on success; show its output only when it fails.
run() {
    local log
    if ! log=$("$@" 2>&1); then
        echo "make-pki.sh: command failed: $*" >&2
        echo "$log" >&2
        exit 1
    fi
}

# Dates count from the suite's pinned instant (GJD_NOW, tests/CMakeLists.txt), which is also
# what the product judges by; without it, from now. The certificates meant to be valid are valid
# for ten years from there, so that the real clock, which the TLS library still uses when the
# product decides whether a token may be sent, agrees with the pinned one for years to come.
base=$(date -u -d "${GJD_NOW:-now}" +%s) || die "GJD_NOW is not a date: ${GJD_NOW:-}"
# stamp DAYS: the base instant moved by DAYS days (negative: earlier), as `openssl ca` wants it.
stamp() { date -u -d "@$((base + $1 * 86400))" +%Y%m%d%H%M%SZ; }
NOW_MINUS_1D=$(stamp -1)
VALID_END=$(stamp 3650)
PLUS_10Y=$VALID_END
MINUS_1D_10Y=$NOW_MINUS_1D

cat >ca/ca.cnf <<'EOF'
# Throw-away `openssl ca` configuration: one database directory per issuing CA ($ENV::CADIR),
# extensions chosen per certificate with -extensions, SAN from $ENV::SAN.
[ca]
default_ca = gjd_ca

[gjd_ca]
dir = $ENV::CADIR
database = $dir/index.txt
new_certs_dir = $dir/new
serial = $dir/serial
rand_serial = yes
unique_subject = no
default_md = sha256
default_days = 365
policy = gjd_policy
copy_extensions = none
email_in_dn = no

[gjd_policy]
commonName = supplied
organizationName = optional
organizationalUnitName = optional

[req]
distinguished_name = req_dn
prompt = no
[req_dn]
CN = placeholder

[v3_ca]
basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always

[v3_root]
basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash

[v3_leaf]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
subjectAltName = $ENV::SAN

[v3_selfsigned_leaf]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectKeyIdentifier = hash
subjectAltName = $ENV::SAN

# Server certificates with the wrong purpose (the oracles' scenarios).
[v3_leaf_eku_client]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = clientAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
subjectAltName = $ENV::SAN

[v3_leaf_ku_certsign]
basicConstraints = critical, CA:false
keyUsage = critical, keyCertSign
extendedKeyUsage = serverAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
subjectAltName = $ENV::SAN

[v3_leaf_ca]
basicConstraints = critical, CA:true
keyUsage = critical, digitalSignature, keyEncipherment, keyCertSign
extendedKeyUsage = serverAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
subjectAltName = $ENV::SAN
EOF
export CADIR="$out/ca/none"
export SAN="DNS:gitlab.test"

# key NAME [ec|rsa2048|rsa1024]
key() {
    case "${2:-ec}" in
        ec) run openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1.key" ;;
        rsa2048) run openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$1.key" ;;
        rsa1024) run openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:1024 -out "$1.key" ;;
        *) die "unknown key type $2" ;;
    esac
}

# Self-signed certificate through `openssl ca -selfsign`, so that it gets a database of its own
# (it is the issuer of the next ones). selfsigned NAME SUBJECT EXTENSIONS
selfsigned() {
    local name=$1 subject=$2 ext=$3 start=${4:-$MINUS_1D_10Y} end=${5:-$PLUS_10Y}
    mkdir -p "ca/$name/new"
    : >"ca/$name/index.txt"
    run openssl req -new -config ca/ca.cnf -key "$name.key" -subj "$subject" -out "ca/$name.csr"
    CADIR="$out/ca/$name" run openssl ca -batch -notext -preserveDN -config ca/ca.cnf -selfsign \
        -keyfile "$name.key" -in "ca/$name.csr" -out "$name.pem" -extensions "$ext" \
        -startdate "$start" -enddate "$end"
}

# issue NAME SUBJECT ISSUER EXTENSIONS STARTDATE ENDDATE [MD]
issue() {
    local name=$1 subject=$2 issuer=$3 ext=$4 start=$5 end=$6 md=${7:-sha256}
    if [[ $ext == v3_ca ]]; then
        mkdir -p "ca/$name/new"
        : >"ca/$name/index.txt"
    fi
    run openssl req -new -config ca/ca.cnf -key "$name.key" -subj "$subject" -out "ca/$name.csr"
    CADIR="$out/ca/$issuer" run openssl ca -batch -notext -preserveDN -config ca/ca.cnf \
        -cert "$issuer.pem" -keyfile "$issuer.key" -in "ca/$name.csr" -out "$name.pem" \
        -extensions "$ext" -startdate "$start" -enddate "$end" -md "$md"
}

# --- the "public" hierarchy -------------------------------------------------------------------
key root
selfsigned root "/O=GJD Test/CN=GJD Test Root CA" v3_root
key inter
issue inter "/O=GJD Test/CN=GJD Test Intermediate CA" root v3_ca "$NOW_MINUS_1D" "$PLUS_10Y"
key leaf
issue leaf "/CN=gitlab.test" inter v3_leaf "$NOW_MINUS_1D" "$VALID_END"

# Two intermediates between root and leaf (for the wrong-order bundle).
key inter-a
issue inter-a "/O=GJD Test/CN=GJD Test Policy CA" root v3_ca "$NOW_MINUS_1D" "$PLUS_10Y"
key inter-b
issue inter-b "/O=GJD Test/CN=GJD Test Issuing CA" inter-a v3_ca "$NOW_MINUS_1D" "$PLUS_10Y"
key leaf-b
issue leaf-b "/CN=gitlab.test" inter-b v3_leaf "$NOW_MINUS_1D" "$VALID_END"

# Validity problems.
key leaf-expired
issue leaf-expired "/CN=gitlab.test" inter v3_leaf "$(stamp -730)" "$(stamp -365)"
key leaf-notyet
issue leaf-notyet "/CN=gitlab.test" inter v3_leaf "$(stamp 30)" "$(stamp 395)"
key leaf-expiring
issue leaf-expiring "/CN=gitlab.test" inter v3_leaf "$(stamp -80)" "$(stamp 5)"
key inter-expired
issue inter-expired "/O=GJD Test/CN=GJD Test Expired Intermediate" root v3_ca \
    "$(stamp -730)" "$(stamp -365)"
# Issued today by a CA certificate that is already expired (`openssl ca` does not object).
key leaf-under-expired
issue leaf-under-expired "/CN=gitlab.test" inter-expired v3_leaf "$NOW_MINUS_1D" "$VALID_END"

# Name and crypto problems.
key leaf-wronghost
SAN="DNS:other.test" issue leaf-wronghost "/CN=other.test" inter v3_leaf "$NOW_MINUS_1D" "$VALID_END"
key sha1-leaf rsa2048
issue sha1-leaf "/CN=gitlab.test" inter v3_leaf "$NOW_MINUS_1D" "$VALID_END" sha1
key rsa1024-leaf rsa1024
issue rsa1024-leaf "/CN=gitlab.test" inter v3_leaf "$NOW_MINUS_1D" "$VALID_END"

# A self-signed server certificate (not a CA).
key selfsigned
selfsigned selfsigned "/CN=gitlab.test" v3_selfsigned_leaf

# --- the "unknown" hierarchy (not in trust.pem) -----------------------------------------------
key root2
selfsigned root2 "/O=GJD Unknown/CN=GJD Unknown Root CA" v3_root
key inter2
issue inter2 "/O=GJD Unknown/CN=GJD Unknown Intermediate" root2 v3_ca "$NOW_MINUS_1D" "$PLUS_10Y"
key leaf2
issue leaf2 "/CN=gitlab.test" inter2 v3_leaf "$NOW_MINUS_1D" "$VALID_END"

key unrelated
selfsigned unrelated "/CN=GJD Unrelated" v3_root

# --- for the real-client oracles (tests/oracles) ---------------------------------------------
key eku-client-leaf
issue eku-client-leaf "/CN=gitlab.test" inter v3_leaf_eku_client "$NOW_MINUS_1D" "$VALID_END"
key ku-certsign-leaf
issue ku-certsign-leaf "/CN=gitlab.test" inter v3_leaf_ku_certsign "$NOW_MINUS_1D" "$VALID_END"
# A server certificate that says CA:TRUE (it never issues anything).
key ca-leaf
issue ca-leaf "/CN=gitlab.test" inter v3_leaf_ca "$NOW_MINUS_1D" "$VALID_END"
# The RSA 2048 key of sha1-leaf (generating another one costs a second of every test run).
cp -f sha1-leaf.key rsa-leaf.key
issue rsa-leaf "/CN=gitlab.test" inter v3_leaf "$NOW_MINUS_1D" "$VALID_END"

# Leaves with many SANs. The list is far longer than an environment variable may be (128 KiB on
# Linux), so the extensions come from a file of their own (-extfile).
# big_leaf NAME COUNT: gitlab.test + hNNNNN.gitlab.test for NNNNN = 1 … COUNT (zero-padded).
big_leaf() {
    local name=$1 count=$2 digits=${#2}
    {
        echo '[v3_big]'
        echo 'basicConstraints = critical, CA:false'
        echo 'keyUsage = critical, digitalSignature, keyEncipherment'
        echo 'extendedKeyUsage = serverAuth'
        echo 'subjectKeyIdentifier = hash'
        echo 'authorityKeyIdentifier = keyid:always'
        echo 'subjectAltName = @big_san'
        echo '[big_san]'
        echo 'DNS.0 = gitlab.test'
        seq 1 "$count" | awk -v d="$digits" '{ printf "DNS.%d = h%0" d "d.gitlab.test\n", $1, $1 }'
    } >"ca/$name.ext"
    key "$name"
    run openssl req -new -config ca/ca.cnf -key "$name.key" -subj "/CN=gitlab.test" -out "ca/$name.csr"
    CADIR="$out/ca/inter" run openssl ca -batch -notext -preserveDN -config ca/ca.cnf \
        -cert inter.pem -keyfile inter.key -in "ca/$name.csr" -out "$name.pem" \
        -extfile "ca/$name.ext" -extensions v3_big -startdate "$NOW_MINUS_1D" -enddate "$VALID_END"
}
big_leaf big-40k-leaf 2000
big_leaf big-200k-leaf 10000

# DH parameters from fixed numbers (generating a group takes far too long for every test run).
# dh_params FILE HEX-P: PKCS#3 DHParameter ::= SEQUENCE { p INTEGER, g INTEGER (2) }, in PEM.
dh_params() {
    printf 'asn1 = SEQUENCE:dh\n[dh]\np = INTEGER:0x%s\ng = INTEGER:2\n' "$2" >"ca/$1.asn1"
    run openssl asn1parse -genconf "ca/$1.asn1" -out "ca/$1.der" -noout
    { echo '-----BEGIN DH PARAMETERS-----'; base64 -w 64 "ca/$1.der"; echo '-----END DH PARAMETERS-----'; } >"$1"
}
# RFC 2409 section 6.2, Oakley group 2: 2^1024 - 2^960 - 1 + 2^64 * (floor(2^894 pi) + 129093).
dh_params dh1024.pem "\
FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A0879\
8E3404DDEF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B\
0BFF5CB6F406B7EDEE386BFB5A899FA5AE9F24117C4B1FE649286651ECE65381FFFFFFFFFFFFFFFF"
# (RFC 3526 group 14 prime - 1)/2 + 4: 2047 bits, odd, divisible by 3.
dh_params dh-composite.pem "\
7FFFFFFFFFFFFFFFE487ED5110B4611A62633145C06E0E68948127044533E63A0105DF531D89CD9128A5043C\
C71A026EF7CA8CD9E69D218D98158536F92F8A1BA7F09AB6B6A8E122F242DABB312F3F637A262174D31BF6B5\
85FFAE5B7A035BF6F71C35FDAD44CFD2D74F9208BE258FF324943328F6722D9EE1003E5C50B1DF82CC6D241B\
0E2AE9CD348B1FD47E9267AFC1B2AE91EE51D6CB0E3179AB1042A95DCF6A9483B84B4B36B3861AA7255E4C02\
78BA3604650C10BE19482F23171B671DF1CF3B960C074301CD93C1D17603D147DAE2AEF837A62964EF15E5FB\
4AAC0B8C1CCAA4BE754AB5728AE9130C4C7D02880AB9472D455655348000000000000003"
# RFC 3526 group 14 prime + 4: 2048 bits, odd, divisible by 3 (composite at a size no client refuses).
dh_params dh-composite-2048.pem "\
FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A0879\
8E3404DDEF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B\
0BFF5CB6F406B7EDEE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA4836\
1C55D39A69163FA8FD24CF5F83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804\
F1746C08CA18217C32905E462E36CE3BE39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6\
955817183995497CEA956AE515D2261898FA051015728E5A8AACAA690000000000000003"
run openssl genpkey -genparam -algorithm DH -pkeyopt group:ffdhe2048 -out ffdhe2048.pem

# --- other certificates for the root's name and key ----------------------------------------
# Cross-signed by an older root and expired (the AddTrust / DST Root pattern), and a re-dated
# self-signed copy that expired: clients build the path to their own copy and ignore both.
key oldroot
selfsigned oldroot "/O=GJD Test/CN=GJD Old Root CA" v3_root
cp -f root.key root-cross.key
issue root-cross "/O=GJD Test/CN=GJD Test Root CA" oldroot v3_ca "$(stamp -730)" "$(stamp -1)"
cp -f root.key root-redated.key
selfsigned root-redated "/O=GJD Test/CN=GJD Test Root CA" v3_root "$(stamp -730)" "$(stamp -1)"

# --- bundles --------------------------------------------------------------------------------
# bundle NAME KEY CERT...   -> NAME.pem (certificates in the given order) + NAME.key
bundle() {
    local name=$1 keyname=$2
    shift 2
    local tmp="$name.pem.tmp"
    cat -- "${@/%/.pem}" >"$tmp"
    mv -f -- "$tmp" "$name.pem"
    if [[ $keyname != "$name" ]]; then
        cp -f -- "$keyname.key" "$name.key"
    fi
}
cp -f root.pem trust.pem
bundle full leaf leaf inter
bundle leaf-only leaf leaf
bundle reversed leaf-b leaf-b inter-a inter-b
bundle extra leaf leaf inter unrelated
bundle with-root leaf leaf inter root
bundle expired-leaf leaf-expired leaf-expired inter
bundle expired-inter leaf-under-expired leaf-under-expired inter-expired
bundle notyet leaf-notyet leaf-notyet inter
bundle expiring leaf-expiring leaf-expiring inter
bundle wronghost leaf-wronghost leaf-wronghost inter
# selfsigned.pem is the certificate itself; its key is already selfsigned.key.
bundle unknown-root leaf2 leaf2 inter2 root2
bundle private-ca leaf2 leaf2 inter2
bundle sha1 sha1-leaf sha1-leaf inter
bundle rsa1024 rsa1024-leaf rsa1024-leaf inter
bundle cross-expired leaf leaf inter root-cross
bundle redated-root leaf leaf inter root-redated
bundle duplicate leaf leaf inter inter
bundle eku-client eku-client-leaf eku-client-leaf inter
bundle ku-certsign ku-certsign-leaf ku-certsign-leaf inter
bundle leaf-ca ca-leaf ca-leaf inter
bundle inter-first inter inter leaf
bundle big-40k big-40k-leaf big-40k-leaf inter
bundle big-200k big-200k-leaf big-200k-leaf inter
bundle full-rsa rsa-leaf rsa-leaf inter

# --- self-checks: a broken fixture must fail here, not as a puzzling test failure -----------
# expect_verify ok|fail CAFILE CERT [UNTRUSTED] [extra openssl verify options...]
expect_verify() {
    local want=$1 cafile=$2 cert=$3 untrusted=${4:-}
    shift 3
    [[ $# -gt 0 ]] && shift
    local args=(-CAfile "$cafile")
    [[ -n $untrusted ]] && args+=(-untrusted "$untrusted")
    # Judged at the suite's instant, as the product is, not by the machine's clock.
    [[ " $* " == *" -no_check_time "* ]] || args+=(-attime "$base")
    local log rc=0
    log=$(openssl verify "${args[@]}" "$@" "$cert" 2>&1) || rc=$?
    if [[ $want == ok && $rc -ne 0 ]]; then
        die "expected '$cert' to verify: $log"
    elif [[ $want == fail && $rc -eq 0 ]]; then
        die "expected '$cert' NOT to verify: $log"
    fi
}
# Good paths (-x509_strict: proper CA/leaf extensions; -verify_hostname: the SAN).
expect_verify ok root.pem inter.pem '' -x509_strict
expect_verify ok root.pem leaf.pem <(cat inter.pem root-cross.pem) # trusted first: the cross-sign is ignored
expect_verify ok root.pem leaf.pem <(cat inter.pem root-redated.pem)
expect_verify ok root.pem leaf.pem inter.pem -x509_strict -purpose sslserver -verify_hostname gitlab.test
expect_verify ok root.pem leaf-b.pem <(cat inter-a.pem inter-b.pem) -x509_strict -verify_hostname gitlab.test
expect_verify ok root2.pem leaf2.pem inter2.pem -x509_strict -verify_hostname gitlab.test
expect_verify ok root.pem sha1-leaf.pem inter.pem -verify_hostname gitlab.test
expect_verify ok root.pem rsa1024-leaf.pem inter.pem -verify_hostname gitlab.test
# The broken ones are broken for the intended reason only.
expect_verify fail root.pem leaf.pem '' # leaf-only: the intermediate is missing
expect_verify fail root.pem leaf-expired.pem inter.pem
expect_verify ok root.pem leaf-expired.pem inter.pem -no_check_time
expect_verify fail root.pem leaf-notyet.pem inter.pem
expect_verify ok root.pem leaf-notyet.pem inter.pem -no_check_time
expect_verify ok root.pem leaf-expiring.pem inter.pem
expect_verify fail root.pem leaf-under-expired.pem inter-expired.pem
expect_verify ok root.pem leaf-under-expired.pem inter-expired.pem -no_check_time
expect_verify fail root.pem leaf-wronghost.pem inter.pem -verify_hostname gitlab.test
expect_verify ok root.pem leaf-wronghost.pem inter.pem -verify_hostname other.test
expect_verify fail root.pem leaf2.pem inter2.pem
expect_verify fail root.pem selfsigned.pem ''
expect_verify ok selfsigned.pem selfsigned.pem '' -verify_hostname gitlab.test
expect_verify fail root.pem sha1-leaf.pem inter.pem -auth_level 1
expect_verify fail root.pem rsa1024-leaf.pem inter.pem -auth_level 2
expect_verify fail root.pem unrelated.pem ''

# Each served bundle's first certificate belongs to its key.
for name in full leaf-only reversed extra with-root expired-leaf expired-inter notyet expiring \
    wronghost selfsigned unknown-root private-ca sha1 rsa1024; do
    [[ -s $name.pem && -s $name.key ]] || die "missing $name.pem or $name.key"
    cert_pub=$(openssl x509 -in "$name.pem" -noout -pubkey)
    key_pub=$(openssl pkey -in "$name.key" -pubout)
    [[ $cert_pub == "$key_pub" ]] || die "$name.pem does not start with the certificate of $name.key"
done
# The SHA-1 and RSA-1024 leaves really are what their names say (inter's key is EC, so the SHA-1
# signature is ecdsa-with-SHA1; the leaf's own key is RSA 2048).
openssl x509 -in sha1-leaf.pem -noout -text | grep -q 'Signature Algorithm: ecdsa-with-SHA1' \
    || die "sha1-leaf.pem is not signed with SHA-1"
openssl x509 -in rsa1024-leaf.pem -noout -text | grep -q 'Public-Key: (1024 bit)' \
    || die "rsa1024-leaf.pem does not have a 1024-bit key"

# The oracles' certificates: a valid path, broken only for the intended reason.
expect_verify ok root.pem rsa-leaf.pem inter.pem -x509_strict -purpose sslserver -verify_hostname gitlab.test
expect_verify fail root.pem eku-client-leaf.pem inter.pem -purpose sslserver
expect_verify ok root.pem eku-client-leaf.pem inter.pem -purpose sslclient -verify_hostname gitlab.test
expect_verify fail root.pem ku-certsign-leaf.pem inter.pem -purpose sslserver
expect_verify ok root.pem ku-certsign-leaf.pem inter.pem -verify_hostname gitlab.test
expect_verify ok root.pem ca-leaf.pem inter.pem -verify_hostname gitlab.test
openssl x509 -in ca-leaf.pem -noout -ext basicConstraints | grep -q 'CA:TRUE' \
    || die "ca-leaf.pem is not a CA certificate"
expect_verify ok root.pem big-40k-leaf.pem inter.pem -purpose sslserver -verify_hostname gitlab.test
expect_verify ok root.pem big-200k-leaf.pem inter.pem -purpose sslserver -verify_hostname h10000.gitlab.test
for name in eku-client ku-certsign leaf-ca inter-first big-40k big-200k full-rsa; do
    [[ -s $name.pem && -s $name.key ]] || die "missing $name.pem or $name.key"
    cert_pub=$(openssl x509 -in "$name.pem" -noout -pubkey)
    key_pub=$(openssl pkey -in "$name.key" -pubout)
    [[ $cert_pub == "$key_pub" ]] || die "$name.pem does not start with the certificate of $name.key"
done
openssl x509 -in inter-first.pem -noout -subject | grep -q 'GJD Test Intermediate CA' \
    || die "inter-first.pem does not start with the intermediate"
# The TLS 1.3 Certificate message of leaf + inter: 4 (header) + 1 + 3 + per certificate 3 + DER + 2.
# tls_certificate_message_size CERT.pem...
tls_certificate_message_size() {
    local size=8 der
    for der in "$@"; do
        size=$((size + 5 + $(openssl x509 -in "$der" -outform DER | wc -c)))
    done
    echo "$size"
}
size=$(tls_certificate_message_size big-40k-leaf.pem inter.pem)
((size > 32768 + 1024 && size < 102400 - 1024)) || die "big-40k: Certificate message of $size bytes"
size=$(tls_certificate_message_size big-200k-leaf.pem inter.pem)
((size > 102400 + 1024)) || die "big-200k: Certificate message of $size bytes"
# The DH groups are what their names say.
openssl dhparam -in dh1024.pem -check -noout >/dev/null 2>&1 || die "dh1024.pem is not a valid group"
openssl pkeyparam -in dh1024.pem -noout -text | grep -q 'DH Parameters: (1024 bit)' \
    || die "dh1024.pem is not a 1024-bit group"
openssl pkeyparam -in ffdhe2048.pem -noout -text | grep -q 'GROUP: ffdhe2048' || die "ffdhe2048.pem is not ffdhe2048"
openssl pkeyparam -in dh-composite.pem -noout -text | grep -q 'DH Parameters: (2047 bit)' \
    || die "dh-composite.pem is not a 2047-bit group"
openssl pkeyparam -in dh-composite-2048.pem -noout -text | grep -q 'DH Parameters: (2048 bit)' \
    || die "dh-composite-2048.pem is not a 2048-bit group"
for name in dh-composite dh-composite-2048; do
    composite_p=$(openssl asn1parse -in "$name.pem" | awk -F: '/INTEGER/ && length($NF) > 64 { print $NF }')
    openssl prime -hex "$composite_p" | grep -q 'is not prime' || die "$name.pem: p is prime"
done

rm -rf -- ca
# Keys are test-only secrets; readable by whoever runs the tests (nginx runs as the same user).
chmod 0644 -- *.pem
chmod 0600 -- *.key
