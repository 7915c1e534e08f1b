#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The CLI through a real proxy that inspects TLS (squid with ssl-bump, as corporate proxies do):
# the proxy presents certificates of its own CA for every server. Through a proxy the TLS probe
# also makes the handshake directly (TlsResult::directView):
#   1. the server is reachable directly as well: the interception is detected, tls.handshake
#      warns and names the proxy's CA, and the TLS checks judge the server's own chain;
#   2. only the proxy reaches the server: the chain judged is the proxy's, and tls.handshake and
#      tls.trust.public say so, whether this computer trusts the proxy's CA or not.
#   interception_test.sh CLI PKI_DIR
cli=$1
pki=$(cd "$2" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
. "$here/testlib.sh" bump
squid=$(command -v squid || true)
certgen=/usr/lib/squid/security_file_certgen
[ -n "$squid" ] && [ -x "$certgen" ] || fail "squid with TLS support is missing (scripts/install-deps.sh installs squid-openssl)"
for tool in openssl python3; do command -v "$tool" >/dev/null || fail "$tool is missing (scripts/install-deps.sh installs it)"; done

# nginx: the test PKI's complete chain, on 127.0.0.1 (reachable directly) and on 127.0.0.3 with
# a port that is free on 127.0.0.1 (only the proxy is told that "localhost" is 127.0.0.3).
web=$(free_port)
hidden=$(free_port)
start_nginx "    server {
        listen 127.0.0.1:$web ssl;
        listen 127.0.0.3:$hidden ssl;
        ssl_certificate $pki/full.pem;
        ssl_certificate_key $pki/full.key;
        location / { return 200 \"ok\\n\"; }
    }"

# The inspecting proxy's own CA, made here: nothing of the test PKI's.
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$tmp/corp-ca.key" -out "$tmp/corp-ca.pem" -days 3650 \
    -subj "/O=Corp Inspection/CN=Corp TLS Inspection CA" -addext basicConstraints=critical,CA:TRUE \
    -addext keyUsage=critical,keyCertSign,cRLSign 2>/dev/null

# squid: bumps every CONNECT with certificates of that CA; resolves names only from its own
# hosts file (localhost is 127.0.0.3 there, so this computer cannot reach it directly).
proxy=$(free_port)
mkdir -p "$tmp/squid"
echo "127.0.0.3 localhost" >"$tmp/squid/hosts"
"$certgen" -c -s "$tmp/squid/ssldb" -M 4MB >/dev/null
cat >"$tmp/squid/squid.conf" <<CONF
http_port 127.0.0.1:$proxy ssl-bump generate-host-certificates=on dynamic_cert_mem_cache_size=4MB tls-cert=$tmp/corp-ca.pem tls-key=$tmp/corp-ca.key
sslcrtd_program $certgen -s $tmp/squid/ssldb -M 4MB
sslcrtd_children 2 startup=1 idle=1
acl step1 at_step SslBump1
ssl_bump peek step1
ssl_bump bump all
# The test server's CA is not the system's, and its certificate names gitlab.test: squid is
# told not to judge the server, as a proxy with the company's own CA list would not.
tls_outgoing_options flags=DONT_VERIFY_PEER
sslproxy_cert_error allow all
http_access allow all
hosts_file $tmp/squid/hosts
dns_nameservers 127.0.0.1
pinger_enable off
pid_filename $tmp/squid/squid.pid
access_log stdio:$tmp/squid/access.log
cache_log $tmp/squid/cache.log
cache deny all
coredump_dir $tmp/squid
shutdown_lifetime 0 seconds
CONF
# As root squid runs as cache_effective_user (Debian: proxy), which must read and write there.
chmod 755 "$tmp"
chmod 644 "$tmp/corp-ca.key"
if ((EUID == 0)); then chown -R proxy "$tmp/squid"; fi
"$squid" -N -f "$tmp/squid/squid.conf" >"$tmp/squid.out" 2>&1 &
pids+=($!)
wait_port "$web"; wait_port "$hidden" 127.0.0.3; wait_port "$proxy"

check() { # OUT TARGET TRUST-STORE: a JSON report of the TLS checks through the proxy
    env -u https_proxy -u HTTPS_PROXY -u ALL_PROXY -u all_proxy -u NO_PROXY -u no_proxy \
        "$cli" check "$2" --only tcp.connect,tls.handshake,tls.chain.complete,tls.trust.public,http.base \
        --trust-store "$3" --proxy "http://127.0.0.1:$proxy" --timeout 10 --format json --output "$1" 2>"$1.err" || true
    [ -s "$1" ] || { cat "$1.err" >&2; fail "no report in $1"; }
    python3 "$here/../validate-report.py" "$here/../../docs/report.schema.json" "$1" ||
        fail "$1 does not follow docs/report.schema.json"
}
field() { # REPORT CHECK PYTHON-EXPRESSION-ON-f
    python3 -c "import json,sys; r=json.load(open(sys.argv[1])); f=[c for c in r['checks'] if c['id']==sys.argv[2]][0]; print($3)" "$1" "$2"
}
leaf_fingerprint() { # the first certificate of a PEM file, as the report writes fingerprints
    openssl x509 -in "$1" -noout -fingerprint -sha256 | sed 's/.*=//'
}
server_leaf=$(leaf_fingerprint "$pki/full.pem")
served_leaf() { field "$1" tls.handshake "f['evidence']['served'][0].upper().replace('SHA256:', '')"; }

# 1. Reachable directly too: the interception is detected, and the server's own chain is judged.
check "$tmp/1.json" "https://127.0.0.1:$web" "$pki/trust.pem"
[ "$(field "$tmp/1.json" tls.handshake "f['status']")" = warn ] || fail "tls.handshake does not warn of the inspecting proxy: $(field "$tmp/1.json" tls.handshake "f['summary']")"
[ "$(field "$tmp/1.json" tls.handshake "f['evidence']['direct_comparison']")" = intercepted ] || fail "no interception in tls.handshake's evidence"
field "$tmp/1.json" tls.handshake "f['evidence']['proxy_issuer']" | grep -q "CN=Corp TLS Inspection CA" ||
    fail "tls.handshake does not name the proxy's CA: $(field "$tmp/1.json" tls.handshake "f['evidence']")"
field "$tmp/1.json" tls.handshake "f['summary']" | grep -q "inspects TLS.*Corp TLS Inspection CA" || fail "the summary does not say it: $(field "$tmp/1.json" tls.handshake "f['summary']")"
field "$tmp/1.json" tls.handshake "f['remedy']" | grep -q -- "--no-proxy" || fail "the remedy does not say how to go around the proxy"
[ "$(served_leaf "$tmp/1.json" | tr -d :)" = "$(tr -d : <<<"$server_leaf")" ] || fail "the chain judged is not the server's: $(served_leaf "$tmp/1.json") vs $server_leaf"
[ "$(field "$tmp/1.json" tls.handshake "f['evidence']['proxy_served'][0] != f['evidence']['served'][0]")" = True ] || fail "the proxy's chain is not recorded apart"
[ "$(field "$tmp/1.json" tls.chain.complete "f['status']")" = pass ] || fail "the server's complete chain is not judged complete"
[ "$(field "$tmp/1.json" tls.trust.public "f['status']")" = pass ] || fail "the server's chain is not judged trusted: $(field "$tmp/1.json" tls.trust.public "f['summary']")"
[ "$(field "$tmp/1.json" http.base "f['evidence'].get('proxy')")" = "http://127.0.0.1:$proxy" ] || fail "http.base did not go through the proxy"
grep -q "CONNECT 127.0.0.1:$web" "$tmp/squid/access.log" || fail "squid saw no CONNECT"
grep -q "GET https://127.0.0.1:$web/users/sign_in" "$tmp/squid/access.log" || fail "squid did not inspect the HTTP probe's request"
text=$(env -u https_proxy -u HTTPS_PROXY -u ALL_PROXY -u all_proxy "$cli" check "https://127.0.0.1:$web" --only tls.handshake \
    --trust-store "$pki/trust.pem" --proxy "http://127.0.0.1:$proxy" --timeout 10 2>&1 || true)
grep -q "inspects TLS" <<<"$text" || fail "the text report does not say the proxy inspects TLS: $text"

# 2. Only the proxy reaches the server: what is judged is the proxy's chain, and the report says so.
check "$tmp/2.json" "https://localhost:$hidden" "$pki/trust.pem"
[ "$(field "$tmp/2.json" tls.handshake "f['evidence']['direct_comparison']")" = unavailable ] || fail "tls.handshake claims a comparison it could not make: $(field "$tmp/2.json" tls.handshake "f['evidence']")"
[ -n "$(field "$tmp/2.json" tls.handshake "f['evidence']['direct_error']")" ] || fail "no reason why the direct handshake failed"
field "$tmp/2.json" tls.handshake "f['details']" | grep -q "the proxy's, not the server's.*Corp TLS Inspection CA" ||
    fail "tls.handshake does not say the chain may be the proxy's: $(field "$tmp/2.json" tls.handshake "f['details']")"
[ "$(field "$tmp/2.json" tls.trust.public "f['status']")" = fail ] || fail "the proxy's CA, unknown here, was trusted"
field "$tmp/2.json" tls.trust.public "f['details']" | grep -q "seen only through the proxy" || fail "tls.trust.public does not say the chain was seen only through the proxy"
# The company's CA trusted on this computer, as on a managed laptop: a pass, with the caution.
cat "$pki/trust.pem" "$tmp/corp-ca.pem" >"$tmp/corp-trust.pem"
check "$tmp/3.json" "https://localhost:$hidden" "$tmp/corp-trust.pem"
[ "$(field "$tmp/3.json" tls.trust.public "f['status']")" = pass ] || fail "the trusted proxy CA: $(field "$tmp/3.json" tls.trust.public "f['summary']")"
field "$tmp/3.json" tls.trust.public "f['details']" | grep -q "Corp TLS Inspection CA.* may be its root" ||
    fail "a pass on the proxy's own root without the caution: $(field "$tmp/3.json" tls.trust.public "f['details']")"
echo PASS
