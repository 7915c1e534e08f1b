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

rm -rf -- ca
# Keys are test-only secrets; readable by whoever runs the tests (nginx runs as the same user).
chmod 0644 -- *.pem
chmod 0600 -- *.key
