#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The CLI through a real HTTP proxy from Debian (tinyproxy) in front of a real nginx with the test
# PKI: the connections go through CONNECT tunnels and the report says so; NO_PROXY and --proxy ""
# go direct; a proxy that wants credentials (407) is a finding about the proxy, and with them in
# the proxy URL the tunnel opens; the password never reaches the output.
#   proxy_test.sh CLI PKI_DIR
cli=$1
pki=$(cd "$2" && pwd)
. "$(dirname "$0")/testlib.sh" proxy
for tool in tinyproxy python3; do command -v "$tool" >/dev/null || fail "$tool is missing (scripts/install-deps.sh installs it)"; done

# nginx: the test PKI's complete chain on 127.0.0.1, an answer for every path.
web=$(free_port)
start_nginx "    server {
        listen 127.0.0.1:$web ssl;
        ssl_certificate $pki/full.pem;
        ssl_certificate_key $pki/full.key;
        location / { return 200 \"ok\\n\"; }
    }"

# tinyproxy: one open, one that wants Basic credentials (alice / s3cret99). Not in a $(…)
# subshell: the pid must reach the cleanup trap.
start_proxy() { # NAME [BasicAuth line]: the port in $port
    port=$(free_port)
    cat >"$tmp/$1.conf" <<CONF
Port $port
Listen 127.0.0.1
Timeout 30
LogFile "$tmp/$1.log"
LogLevel Info
PidFile "$tmp/$1.pid"
MaxClients 20
Allow 127.0.0.1
${2:-}
CONF
    tinyproxy -d -c "$tmp/$1.conf" >/dev/null 2>&1 &
    pids+=($!)
}
start_proxy open
open_port=$port
start_proxy auth 'BasicAuth alice s3cret99'
auth_port=$port
wait_port "$web"; wait_port "$open_port"; wait_port "$auth_port"

target=https://127.0.0.1:$web
check() { # OUT ENV... -- ARGS...: a JSON report of the network and TLS checks
    local out=$1; shift
    local envs=()
    while [ "$1" != -- ]; do envs+=("$1"); shift; done
    shift
    env -u https_proxy -u HTTPS_PROXY -u ALL_PROXY -u all_proxy -u NO_PROXY -u no_proxy "${envs[@]}" \
        "$cli" check "$target" --only tcp.connect,tls.handshake,tls.chain.complete,http.base --trust-store "$pki/trust.pem" \
        --timeout 10 --format json --output "$out" "$@" 2>"$out.err" || true
    [ -s "$out" ] || { cat "$out.err" >&2; fail "no report in $out"; }
}
field() { # REPORT CHECK PYTHON-EXPRESSION-ON-f
    python3 -c "import json,sys; r=json.load(open(sys.argv[1])); f=[c for c in r['checks'] if c['id']==sys.argv[2]][0]; print($3)" "$1" "$2"
}
connects() { grep -c "CONNECT 127.0.0.1:$web" "$tmp/$1.log" || true; }

# 1. HTTPS_PROXY: both connections tunnel through the proxy; the chain is the server's.
check "$tmp/1.json" HTTPS_PROXY=http://127.0.0.1:$open_port --
[ "$(field "$tmp/1.json" tcp.connect "f['status']")" = pass ] || fail "tcp.connect through the proxy: $(field "$tmp/1.json" tcp.connect "f['summary']")"
[ "$(field "$tmp/1.json" tcp.connect "f['evidence']['proxy']")" = "http://127.0.0.1:$open_port" ] || fail "tcp.connect does not name the proxy"
[ "$(field "$tmp/1.json" tls.handshake "f['status']")" = pass ] || fail "tls.handshake through the proxy: $(field "$tmp/1.json" tls.handshake "f['summary']")"
[ "$(field "$tmp/1.json" tls.handshake "f['evidence'].get('proxy')")" = "http://127.0.0.1:$open_port" ] || fail "tls.handshake does not name the proxy"
# An HTTP probe (nginx answers, not GitLab: the verdict does not matter here) through its tunnel.
[ "$(field "$tmp/1.json" http.base "f['evidence'].get('proxy')")" = "http://127.0.0.1:$open_port" ] || fail "http.base does not name the proxy"
[ "$(field "$tmp/1.json" tls.chain.complete "f['status']")" = pass ] || fail "the chain seen through the tunnel is not the server's complete chain"
# The TLS probe also shook hands directly, and saw the same certificate: tinyproxy only tunnels.
[ "$(field "$tmp/1.json" tls.handshake "f['evidence'].get('direct_comparison')")" = same ] || fail "the direct comparison did not find the same chain: $(field "$tmp/1.json" tls.handshake "f['evidence']")"
[ "$(connects open)" -ge 2 ] || fail "the proxy saw $(connects open) CONNECT to 127.0.0.1:$web, not the TCP and TLS probes'"
# The report, with the proxy in it, follows the report schema (which forbids user info there).
python3 "$(dirname "$0")/../validate-report.py" "$(dirname "$0")/../../docs/report.schema.json" "$tmp/1.json" ||
    fail "the report through the proxy does not follow docs/report.schema.json"

# 2. NO_PROXY and --proxy "": direct, the proxy sees nothing new.
before=$(connects open)
check "$tmp/2.json" HTTPS_PROXY=http://127.0.0.1:$open_port NO_PROXY=127.0.0.0/8 --
[ "$(field "$tmp/2.json" tcp.connect "f['status']")" = pass ] || fail "tcp.connect with NO_PROXY"
[ "$(field "$tmp/2.json" tcp.connect "'proxy' in f['evidence']")" = False ] || fail "NO_PROXY: tcp.connect still names a proxy"
check "$tmp/3.json" HTTPS_PROXY=https://broken.invalid --  --proxy ""
[ "$(field "$tmp/3.json" tcp.connect "f['status']")" = pass ] || fail "--proxy \"\" over a broken HTTPS_PROXY: $(cat "$tmp/3.json.err")"
[ "$(connects open)" = "$before" ] || fail "a direct run went through the proxy"

# 3. 407: a finding about the proxy, not the network; with credentials the tunnel opens.
check "$tmp/4.json" -- --proxy "http://127.0.0.1:$auth_port"
[ "$(field "$tmp/4.json" tcp.connect "f['status']")" = fail ] || fail "tcp.connect passed although the proxy wants credentials"
field "$tmp/4.json" tcp.connect "f['summary']" | grep -q "407" || fail "the 407 is not said: $(field "$tmp/4.json" tcp.connect "f['summary']")"
field "$tmp/4.json" tcp.connect "f['remedy']" | grep -q "user:password@" || fail "the remedy does not say where the credentials go"
check "$tmp/5.json" HTTPS_PROXY="http://alice:s3cr%65t99@127.0.0.1:$auth_port" --
[ "$(field "$tmp/5.json" tcp.connect "f['status']")" = pass ] || fail "tcp.connect with the proxy's credentials: $(field "$tmp/5.json" tcp.connect "f['summary']")"
[ "$(field "$tmp/5.json" tls.handshake "f['status']")" = pass ] || fail "tls.handshake with the proxy's credentials"
! grep -q "s3cr" "$tmp/5.json" "$tmp/5.json.err" "$tmp/4.json" || fail "the proxy password reached the output"
! grep -q "alice" "$tmp/5.json" || fail "the proxy user name reached the report"
python3 "$(dirname "$0")/../validate-report.py" "$(dirname "$0")/../../docs/report.schema.json" "$tmp/4.json" "$tmp/5.json" ||
    fail "the reports with the authenticating proxy do not follow docs/report.schema.json"

# 4. A proxy URL the product cannot use: one line, exit 2, no password echoed.
status=0
out=$(env HTTPS_PROXY="https://bob:hunter2@127.0.0.1:$open_port" "$cli" check "$target" --only tcp.connect 2>&1) || status=$?
[ "$status" = 2 ] || fail "an https:// proxy URL: exit $status, not 2"
grep -q "HTTPS_PROXY: HTTPS proxies" <<<"$out" || fail "an https:// proxy URL: $out"
! grep -q "hunter2" <<<"$out" || fail "the refused proxy URL's password was echoed"
echo PASS
