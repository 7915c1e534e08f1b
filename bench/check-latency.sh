#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Latency benchmark of `gitlab-jira-doctor-cli check` (a script, not a test: it never fails on
# numbers, only on a broken set-up).
#
#   bench/check-latency.sh            # builds the CLI in build-bench/, 5 runs, writes docs/benchmarks.md
#   RUNS=10 DELAY_MS=100 bench/check-latency.sh
#   CLI=/path/to/gitlab-jira-doctor-cli DOCS= bench/check-latency.sh   # no build, print only
#
# Set-up, all on 127.0.0.1 and all in a temporary directory removed on exit:
#   tests/support/make-pki.sh -> nginx (own prefix, full.pem = leaf + intermediate for gitlab.test,
#   `location / { return 200 "ok"; }`) <- bench/delay-relay.py (DELAY_MS per direction) <- clients
#
# Per run (RUNS runs after WARMUP unrecorded ones; the order of the three rotates per run):
#   engine    the CLI: check https://gitlab.test:RELAY --resolve … --trust-store trust.pem --format json
#   baseline  the same probes one after another with standard tools, one process each
#             (BASELINE_STEPS, default "tcp tls verify http"; see the step_* functions)
#   single    one `openssl s_client` through the relay: the longest single probe chain
# Wall time comes from bash's $EPOCHREALTIME around each process, peak RSS from GNU time (%M).
# Baseline wall = sum of its steps, baseline RSS = the largest of its steps.
#
# Environment:
#   CLI             the CLI to measure (default: build it in BUILD_DIR)
#   BUILD_DIR       default <repo>/build-bench
#   RUNS            recorded runs (default 5);  WARMUP  unrecorded runs first (default 1)
#   DELAY_MS        one-way latency added by the relay per direction (default 50)
#   BASELINE_STEPS  space-separated step names (default "tcp tls verify http"; also: dns)
#   TLS_PROTOCOLS   nginx ssl_protocols (default "TLSv1.2 TLSv1.3", as GitLab's bundled nginx)
#   TIMEOUT         the CLI's --timeout, seconds (default 10)
#   DOCS            Markdown file to update (default <repo>/docs/benchmarks.md; empty = do not write)
#   KEEP_TMP=1      keep the temporary directory (for debugging)
#   DIAG=1          always print one engine run's probe timeline (printed anyway when the engine
#                   is not clearly below the baseline)
#
# Adding a probe (for example when the engine gains HTTP probes): write a `step_NAME` function that
# calls `measure NAME <command…>` and checks the output, then add NAME to BASELINE_STEPS (or to
# DEFAULT_STEPS below). The engine command does not change: it runs whatever checks it has.
set -euo pipefail
export LC_ALL=C # $EPOCHREALTIME with a '.' and C sorting/number formats

here=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd -- "$here/.." && pwd)

DEFAULT_STEPS="tcp tls verify http"
RUNS=${RUNS:-5}
WARMUP=${WARMUP:-1}
DELAY_MS=${DELAY_MS:-50}
TIMEOUT=${TIMEOUT:-10}
BUILD_DIR=${BUILD_DIR:-$repo/build-bench}
BASELINE_STEPS=${BASELINE_STEPS:-$DEFAULT_STEPS}
TLS_PROTOCOLS=${TLS_PROTOCOLS:-TLSv1.2 TLSv1.3}
DOCS=${DOCS-$repo/docs/benchmarks.md}
KEEP_TMP=${KEEP_TMP:-0}
HOST=gitlab.test
LOOPBACK=127.0.0.1
# Hard bound on every measured process, so a hung tool cannot hang the benchmark.
PROC_BOUND=$((TIMEOUT * 3 + 10))

die() { echo "check-latency: $*" >&2; exit 1; }
note() { echo "check-latency: $*" >&2; }

[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive integer"
[[ $WARMUP =~ ^[0-9]+$ ]] || die "WARMUP must be a non-negative integer"
[[ $DELAY_MS =~ ^[0-9]+$ ]] || die "DELAY_MS must be a whole number of milliseconds"
[[ $TIMEOUT =~ ^[1-9][0-9]*$ ]] || die "TIMEOUT must be a positive integer"
NGINX=${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}
for tool in "$NGINX" openssl curl python3 timeout awk; do
    command -v "$tool" >/dev/null || die "$tool not found"
done
[[ -x /usr/bin/time ]] || die "GNU time (/usr/bin/time) not found"

# --- clean-up ------------------------------------------------------------------------------------
work=""
nginx_pid=""
relay_pid=""
stop_pid() { # PID: TERM, wait up to 3 s, then KILL; only our own children
    local pid=$1 i
    [[ -n $pid ]] || return 0
    kill -TERM "$pid" 2>/dev/null || return 0
    for ((i = 0; i < 30; i++)); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}
cleanup() {
    local rc=$?
    set +e
    stop_pid "$relay_pid"
    stop_pid "$nginx_pid"
    if [[ -n $work && -d $work ]]; then
        if [[ $KEEP_TMP == 1 ]]; then note "kept $work"; else rm -rf -- "$work"; fi
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

work=$(mktemp -d "${TMPDIR:-/tmp}/gjd-bench.XXXXXX")

# --- the CLI ---------------------------------------------------------------------------------------
if [[ -z ${CLI:-} ]]; then
    note "building the CLI in $BUILD_DIR"
    if ! { cmake -S "$repo" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release \
        -DGJD_BUILD_TESTS=OFF -DGJD_BUILD_GUI=OFF &&
        ninja -C "$BUILD_DIR" gitlab-jira-doctor-cli; } >"$work/build.log" 2>&1; then
        tail -n 30 "$work/build.log" >&2
        die "build failed (if src/ is being edited, retry in a minute)"
    fi
    CLI=$BUILD_DIR/src/cli/gitlab-jira-doctor-cli
fi
[[ -x $CLI ]] || die "CLI '$CLI' is not executable"

# --- helpers ---------------------------------------------------------------------------------------
free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

wait_port() { # PORT PID NAME: until 127.0.0.1:PORT accepts, while PID lives
    local port=$1 pid=$2 name=$3 i
    for ((i = 0; i < 100; i++)); do
        kill -0 "$pid" 2>/dev/null || die "$name exited during start-up"
        if (exec 3<>"/dev/tcp/$LOOPBACK/$port") 2>/dev/null; then
            return 0
        fi
        sleep 0.05
    done
    die "$name does not listen on $LOOPBACK:$port"
}

now_us() { echo "${EPOCHREALTIME/./}"; }

# measure NAME COMMAND…: runs COMMAND once (stdin /dev/null, stdout/stderr to $work/NAME.out/.err)
# under GNU time and a hard time bound. Sets M_US (wall, µs), M_KB (peak RSS, KiB), M_RC.
measure() {
    local name=$1 start end
    shift
    start=$(now_us)
    M_RC=0
    /usr/bin/time -o "$work/$name.time" -f '%M' timeout -k 2 "$PROC_BOUND" "$@" \
        </dev/null >"$work/$name.out" 2>"$work/$name.err" || M_RC=$?
    end=$(now_us)
    M_US=$((end - start))
    M_KB=$(tail -n 1 "$work/$name.time")
    [[ $M_KB =~ ^[0-9]+$ ]] || M_KB=0
}

# --- fixtures: PKI, nginx, relay -------------------------------------------------------------------
pki=$work/pki
bash "$repo/tests/support/make-pki.sh" "$pki" >"$work/pki.log" 2>&1 || {
    cat "$work/pki.log" >&2
    die "make-pki.sh failed"
}

ngx=$work/nginx
mkdir -p "$ngx/tmp" "$ngx/logs"
nginx_port=$(free_port)
cat >"$ngx/nginx.conf" <<EOF
# Generated by bench/check-latency.sh
daemon off;
master_process off;
worker_processes 1;
pid "$ngx/nginx.pid";
error_log "$ngx/error.log" warn;
events { worker_connections 256; }
http {
    access_log off;
    client_body_temp_path "$ngx/tmp/client_body";
    proxy_temp_path "$ngx/tmp/proxy";
    fastcgi_temp_path "$ngx/tmp/fastcgi";
    uwsgi_temp_path "$ngx/tmp/uwsgi";
    scgi_temp_path "$ngx/tmp/scgi";
    server {
        listen $LOOPBACK:$nginx_port ssl;
        server_name $HOST;
        ssl_protocols $TLS_PROTOCOLS;
        ssl_certificate "$pki/full.pem";
        ssl_certificate_key "$pki/full.key";
        location / { return 200 "ok"; }
    }
}
EOF
"$NGINX" -p "$ngx/" -c "$ngx/nginx.conf" -e "$ngx/error.log" >"$ngx/stdout.log" 2>&1 &
nginx_pid=$!
wait_port "$nginx_port" "$nginx_pid" nginx

: >"$work/relay.out"
python3 "$here/delay-relay.py" --listen 0 --target "$nginx_port" --delay-ms "$DELAY_MS" \
    --max-lifetime $((RUNS * 60 + WARMUP * 60 + 120)) >"$work/relay.out" 2>"$work/relay.err" &
relay_pid=$!
relay_port=""
for ((i = 0; i < 100; i++)); do
    kill -0 "$relay_pid" 2>/dev/null || { cat "$work/relay.err" >&2; die "relay exited"; }
    relay_port=$(awk '$1 == "LISTENING" { print $2 }' "$work/relay.out" 2>/dev/null || true)
    [[ -n $relay_port ]] && break
    sleep 0.05
done
[[ -n $relay_port ]] || die "relay did not start"
url=https://$HOST:$relay_port
note "nginx on $LOOPBACK:$nginx_port, relay (+$DELAY_MS ms each way) on $LOOPBACK:$relay_port"

# --- the engine ------------------------------------------------------------------------------------
# report_summary FILE: prints "duration_ms verdict tls.handshake-status non-pass-checks" of a report.
report_summary() {
    python3 - "$1" <<'EOF'
import json, sys
try:
    r = json.load(open(sys.argv[1]))
except Exception as e:
    print(f"- unreadable - {e}")
    sys.exit(0)
checks = {c["id"]: c["status"] for c in r["checks"]}
odd = ",".join(f"{k}={v}" for k, v in checks.items() if v not in ("pass",)) or "none"
print(r.get("duration_ms", "-"), r["summary"]["verdict"], checks.get("tls.handshake", "-"), odd)
EOF
}

ENGINE_US=() ENGINE_KB=() ENGINE_INNER_MS=()
run_engine() {
    measure engine "$CLI" check "$url" --resolve "$HOST:$relay_port:$LOOPBACK" \
        --trust-store "$pki/trust.pem" --format json --timeout "$TIMEOUT"
    # Exit code 0 = pass/warn, 1 = fail; anything else is a usage or internal error.
    [[ $M_RC -le 1 ]] || { cat "$work/engine.err" >&2; die "the CLI exited with $M_RC"; }
    local inner verdict handshake odd
    read -r inner verdict handshake odd < <(report_summary "$work/engine.out")
    [[ $handshake == pass ]] || die "the CLI's TLS handshake did not pass (tls.handshake=$handshake, $odd)"
    ENGINE_LAST_ODD=$odd
    ENGINE_LAST_VERDICT=$verdict
    ENGINE_LAST_INNER=$inner
}

# --- the sequential baseline: one step_* function per probe -----------------------------------------
# Each step calls `measure NAME …` once and dies if the tool did not do what the probe does.
# DNS: `check --resolve` skips the lookup, so the default baseline skips it too; add "dns" to
# BASELINE_STEPS to include `getent ahosts localhost` as a stand-in (gitlab.test does not resolve).
step_dns() {
    measure dns getent ahosts localhost
    [[ $M_RC -eq 0 ]] || die "getent failed"
}

# TCP connect: bash's /dev/tcp connects and closes (curl's telnet:// would wait for the server to
# hang up, ~60 s with nginx).
step_tcp() {
    # shellcheck disable=SC2016 # expanded by the inner bash
    measure tcp bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$LOOPBACK" "$relay_port"
    [[ $M_RC -eq 0 ]] || die "TCP connect to the relay failed"
}

# TLS handshake collecting the served chain.
step_tls() {
    measure tls openssl s_client -connect "$LOOPBACK:$relay_port" -servername "$HOST" -showcerts
    grep -q 'BEGIN CERTIFICATE' "$work/tls.out" || { cat "$work/tls.err" >&2; die "s_client got no certificate"; }
}

# Chain verification of what step_tls collected (splitting the PEM blocks is not timed).
step_verify() {
    [[ -s $work/tls.out ]] || die "step 'verify' needs step 'tls' before it"
    rm -f "$work"/served-*.pem
    awk -v dir="$work" '
        /-----BEGIN CERTIFICATE-----/ { n++; file = sprintf("%s/served-%02d.pem", dir, n); on = 1 }
        on { print > file }
        /-----END CERTIFICATE-----/ { on = 0; close(file) }' "$work/tls.out"
    local untrusted=()
    if compgen -G "$work/served-0[2-9].pem" >/dev/null; then
        cat "$work"/served-0[2-9].pem >"$work/served-rest.pem"
        untrusted=(-untrusted "$work/served-rest.pem")
    fi
    measure verify openssl verify -CAfile "$pki/trust.pem" "${untrusted[@]}" -purpose sslserver \
        -verify_hostname "$HOST" "$work/served-01.pem"
    [[ $M_RC -eq 0 ]] || { cat "$work/verify.out" "$work/verify.err" >&2; die "openssl verify failed"; }
}

# The engine's anonymous HTTP probes, one curl after another: the sign-in page, the API version,
# the Jira Connect descriptor, the lifecycle POST, the application ID (GET and CORS preflight),
# the OAuth callback page and the /oauth/token preflight.
step_http() {
    local origin='Origin: https://gitlab.com'
    local requests=(
        "-X GET $url/users/sign_in"
        "-X GET $url/api/v4/version"
        "-X GET $url/-/jira_connect/app_descriptor.json"
        "-X POST $url/-/jira_connect/events/installed"
        "-X GET -H '$origin' $url/-/jira_connect/oauth_application_id"
        "-X OPTIONS -H '$origin' -H 'Access-Control-Request-Method: GET' $url/-/jira_connect/oauth_application_id"
        "-X GET $url/-/jira_connect/oauth_callbacks"
        "-X OPTIONS -H '$origin' -H 'Access-Control-Request-Method: POST' $url/oauth/token"
    )
    local script="set -e"
    local r
    for r in "${requests[@]}"; do
        script+="; curl -sS -o /dev/null --max-time $TIMEOUT --cacert '$pki/trust.pem' --resolve '$HOST:$relay_port:$LOOPBACK' $r"
    done
    measure http bash -c "$script"
    [[ $M_RC -eq 0 ]] || die "curl failed"
}

for step in $BASELINE_STEPS; do
    [[ $(type -t "step_$step" || true) == function ]] || die "unknown baseline step '$step'"
done

BASE_US=() BASE_KB=()
declare -A STEP_US STEP_KB # per step: space-separated samples
run_baseline() {
    local total=0 peak=0 step
    for step in $BASELINE_STEPS; do
        "step_$step"
        total=$((total + M_US))
        ((M_KB > peak)) && peak=$M_KB
        STEP_US[$step]+="$M_US "
        STEP_KB[$step]+="$M_KB "
    done
    LAST_BASE_US=$total
    LAST_BASE_KB=$peak
}

SINGLE_US=() SINGLE_KB=()
run_single() {
    measure single openssl s_client -connect "$LOOPBACK:$relay_port" -servername "$HOST" -showcerts
    grep -q 'BEGIN CERTIFICATE' "$work/single.out" || die "s_client (single) got no certificate"
}

# The handshake alone, timed inside one process (curl's %{time_appconnect}): no process start-up,
# no close. The floor the engine's own duration_ms can be compared with.
FLOOR_US=()
run_floor() {
    measure floor curl -sS -o /dev/null -w '%{time_appconnect}' --max-time "$TIMEOUT" \
        --cacert "$pki/trust.pem" --resolve "$HOST:$relay_port:$LOOPBACK" "$url/"
    [[ $M_RC -eq 0 ]] || { cat "$work/floor.err" >&2; die "curl failed"; }
    LAST_FLOOR_US=$(awk '{ printf "%d", $1 * 1000000 }' "$work/floor.out")
}

# --- runs --------------------------------------------------------------------------------------------
one_round() { # RECORD(0|1) ROUND
    local record=$1 round=$2 k
    local order=(engine baseline single floor)
    for ((k = 0; k < ${#order[@]}; k++)); do
        case ${order[(round + k) % ${#order[@]}]} in
        engine)
            run_engine
            if ((record)); then
                ENGINE_US+=("$M_US") ENGINE_KB+=("$M_KB") ENGINE_INNER_MS+=("$ENGINE_LAST_INNER")
            fi
            ;;
        baseline)
            run_baseline
            if ((record)); then BASE_US+=("$LAST_BASE_US") BASE_KB+=("$LAST_BASE_KB"); fi
            ;;
        single)
            run_single
            if ((record)); then SINGLE_US+=("$M_US") SINGLE_KB+=("$M_KB"); fi
            ;;
        floor)
            run_floor
            if ((record)); then FLOOR_US+=("$LAST_FLOOR_US"); fi
            ;;
        esac
    done
}

for ((r = 0; r < WARMUP; r++)); do
    one_round 0 "$r"
done
# Warm-up samples must not leak into the per-step statistics.
for step in $BASELINE_STEPS; do STEP_US[$step]="" STEP_KB[$step]=""; done
for ((r = 0; r < RUNS; r++)); do
    one_round 1 "$r"
    note "run $((r + 1))/$RUNS: engine $((ENGINE_US[r] / 1000)) ms, baseline $((BASE_US[r] / 1000)) ms, single handshake $((SINGLE_US[r] / 1000)) ms"
done

# --- statistics ---------------------------------------------------------------------------------------
# stat median|min|max VALUES… (integers) -> number
stat() {
    local what=$1
    shift
    printf '%s\n' "$@" | sort -n | awk -v what="$what" '
        { v[NR] = $1 }
        END {
            if (what == "min") print v[1]
            else if (what == "max") print v[NR]
            else if (NR % 2) print v[(NR + 1) / 2]
            else print (v[NR / 2] + v[NR / 2 + 1]) / 2
        }'
}
ms() { awk -v us="$1" 'BEGIN { printf "%.1f", us / 1000 }'; }
mib() { awk -v kb="$1" 'BEGIN { printf "%.1f", kb / 1024 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }

eng_med=$(stat median "${ENGINE_US[@]}") eng_min=$(stat min "${ENGINE_US[@]}") eng_kb=$(stat max "${ENGINE_KB[@]}")
base_med=$(stat median "${BASE_US[@]}") base_min=$(stat min "${BASE_US[@]}") base_kb=$(stat max "${BASE_KB[@]}")
sgl_med=$(stat median "${SINGLE_US[@]}") sgl_min=$(stat min "${SINGLE_US[@]}") sgl_kb=$(stat max "${SINGLE_KB[@]}")
inner_med=$(stat median "${ENGINE_INNER_MS[@]}") inner_min=$(stat min "${ENGINE_INNER_MS[@]}")
floor_med=$(stat median "${FLOOR_US[@]}") floor_min=$(stat min "${FLOOR_US[@]}")
rtt_ms=$((2 * DELAY_MS))
steps_label=${BASELINE_STEPS// / + }

# Versions and machine.
qt_version=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["vantage"]["qt"])' "$work/engine.out" 2>/dev/null || echo "?")
tls_backend=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["vantage"]["tls_backend"])' "$work/engine.out" 2>/dev/null || echo "?")
openssl_version=$(openssl version | awk '{ print $1, $2 }')
nginx_version=$("$NGINX" -v 2>&1 | sed 's/^nginx version: nginx\///')
curl_version=$(curl --version | head -n 1 | awk '{ print $1, $2 }')
cli_version=$("$CLI" --version 2>/dev/null | head -n 1)
cpu_model=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo)
machine="$(nproc) CPUs, ${cpu_model:-unknown CPU}, Linux $(uname -r)"
today=$(date -u +%Y-%m-%d)
negotiated=$(grep -o -m 1 'New, TLSv[0-9.]*, Cipher is [A-Za-z0-9_-]*' "$work/single.out" | sed 's/^New, //; s/, Cipher is / /' || true)
negotiated=${negotiated:-unknown}

table=$(
    echo "| run ($RUNS runs, +$DELAY_MS ms each way) | median wall (ms) | min wall (ms) | median / baseline | peak RSS (MiB) |"
    echo "|---|---:|---:|---:|---:|"
    echo "| engine: \`check\` (all probes, concurrent) | $(ms "$eng_med") | $(ms "$eng_min") | $(ratio "$eng_med" "$base_med") | $(mib "$eng_kb") |"
    echo "| sequential baseline: $steps_label | $(ms "$base_med") | $(ms "$base_min") | 1.00 | $(mib "$base_kb") |"
    echo "| single TLS handshake (\`openssl s_client\` alone) | $(ms "$sgl_med") | $(ms "$sgl_min") | $(ratio "$sgl_med" "$base_med") | $(mib "$sgl_kb") |"
    echo "| *in-process:* engine's report \`duration_ms\` | $inner_med | $inner_min | $(ratio "$(awk -v m="$inner_med" 'BEGIN { print m * 1000 }')" "$base_med") | — |"
    echo "| *in-process:* TLS handshake (curl \`%{time_appconnect}\`) | $(ms "$floor_med") | $(ms "$floor_min") | $(ratio "$floor_med" "$base_med") | — |"
)
step_table=$(
    echo "| baseline step | median wall (ms) | peak RSS (MiB) |"
    echo "|---|---:|---:|"
    for step in $BASELINE_STEPS; do
        # shellcheck disable=SC2086 # word splitting of the sample lists is intended
        echo "| $step | $(ms "$(stat median ${STEP_US[$step]})") | $(mib "$(stat max ${STEP_KB[$step]})") |"
    done
)

echo
echo "$table"
echo
echo "$step_table"
echo
echo "engine: report duration_ms median $inner_med ms (probes only; the rest of the wall time is process start-up and exit); verdict $ENGINE_LAST_VERDICT, non-pass checks: $ENGINE_LAST_ODD"
echo "engine / single handshake: $(ratio "$eng_med" "$sgl_med"); one round trip through the relay = $rtt_ms ms"

# Something to look at when the engine is not clearly ahead.
if ((eng_med * 10 > base_med * 8)) || [[ ${DIAG:-0} == 1 ]]; then
    ((eng_med * 10 > base_med * 8)) && note "the engine is NOT well below the baseline (> 0.8)"
    note "one more engine run with probe timings (QT_LOGGING_RULES=gjd.*.debug=true), launched at $(date +%H:%M:%S.%3N):"
    QT_LOGGING_RULES="gjd.*.debug=true" QT_MESSAGE_PATTERN="%{time HH:mm:ss.zzz} %{category}: %{message}" \
        timeout -k 2 "$PROC_BOUND" "$CLI" check "$url" --resolve "$HOST:$relay_port:$LOOPBACK" \
        --trust-store "$pki/trust.pem" --format json --timeout "$TIMEOUT" 2>&1 >/dev/null | head -n 60 >&2 || true
    note "exited at $(date +%H:%M:%S.%3N)"
fi
if ((sgl_med < rtt_ms * 1000)); then
    note "warning: a TLS handshake took less than one round trip ($rtt_ms ms): is the relay delaying?"
fi
if [[ $BASELINE_STEPS == "$DEFAULT_STEPS" ]]; then
    unmirrored=$(python3 -c '
import json, sys
# The token checks make no request without a token; platform.* and manual.* make none at all.
known = ("input.", "dns.", "tcp.", "port.", "tls.", "http.", "gitlab.", "connect.", "platform.", "manual.")
print(" ".join(c["id"] for c in json.load(open(sys.argv[1]))["checks"] if not c["id"].startswith(known)))' "$work/engine.out")
    [[ -z $unmirrored ]] || note "warning: the engine runs checks the baseline does not mirror ($unmirrored): add a step_* (e.g. http)"
fi

# --- docs/benchmarks.md ------------------------------------------------------------------------------
[[ -n $DOCS ]] || exit 0
begin_mark="<!-- BEGIN bench/check-latency.sh (generated: edit the script, not this block) -->"
end_mark="<!-- END bench/check-latency.sh -->"
block=$work/block.md
{
    echo "$begin_mark"
    echo "## \`check\` under network latency — $today"
    echo
    echo "Machine: $machine. Versions: $cli_version, Qt $qt_version ($tls_backend backend), $openssl_version,"
    echo "nginx $nginx_version, $curl_version. nginx \`ssl_protocols $TLS_PROTOCOLS\`; negotiated: $negotiated."
    echo
    echo "$table"
    echo
    echo "$step_table"
    echo
    echo "**What it shows.** With $DELAY_MS ms added in each direction (one round trip = $rtt_ms ms), the full"
    echo "\`check\` took $(ms "$eng_med") ms (median), $(ratio "$eng_med" "$base_med") of the $(ms "$base_med") ms the same probes take"
    echo "one after another with curl/openssl, and $(ratio "$eng_med" "$sgl_med") of a lone \`openssl s_client\`. The engine's own"
    echo "report says $inner_med ms (median) from start to verdict, against $(ms "$floor_med") ms for the TLS handshake"
    echo "alone timed inside curl. Every probe starts as soon as DNS has answered, so the run lasts as long as"
    echo "its longest probe chain — a TLS handshake followed by one HTTP request, two round trips — and not"
    echo "the sum of its ten connections; the chain analysis is local. The rest of the engine's wall"
    echo "time is process start-up (Qt, OpenSSL, the trust store) and exit. Peak memory is $(mib "$eng_kb") MiB for the engine"
    echo "against $(mib "$base_kb") MiB for the largest baseline process."
    echo
    echo "Read the numbers with these limits in mind:"
    echo
    echo "- The relay is a user-space TCP proxy: the kernel completes the TCP handshake to it before"
    echo "  \`accept()\`, so a TCP connect through it costs no added latency. On a real network every"
    echo "  connection pays one more round trip, the engine once (its probes overlap) and the"
    echo "  baseline once per connecting tool: the ratio above is conservative."
    echo "- \`openssl s_client\` with stdin at EOF sends close_notify and reads until the server hangs up,"
    echo "  receiving the TLS 1.3 session tickets on the way: one more round trip than the handshake alone."
    echo "  So a lone \`s_client\` costs about as much as the engine's longest chain (handshake + request)."
    echo "- DNS is not part of either side: \`--resolve\` skips the engine's lookup and \`gitlab.test\` does"
    echo "  not resolve (\`BASELINE_STEPS=\"dns tcp tls verify http\"\` adds \`getent ahosts localhost\` as a stand-in)."
    echo "- Each baseline step is a separate process, as a person running these tools would do; splitting the"
    echo "  served chain into PEM files for \`openssl verify\` is not timed."
    echo "- Wall time is measured around each process with bash's \`\$EPOCHREALTIME\`; peak RSS is GNU time's"
    echo "  \`%M\` (the baseline's is the largest of its steps, not a sum). $RUNS recorded runs after $WARMUP warm-up"
    echo "  run(s), the order of the four measurements rotating from run to run."
    echo
    echo "**How to run.** \`bench/check-latency.sh\` (Python 3, nginx, openssl, curl, GNU time; builds the CLI in"
    echo "\`build-bench/\` unless \`CLI=/path/to/gitlab-jira-doctor-cli\`). Knobs: \`RUNS\`, \`WARMUP\`, \`DELAY_MS\`,"
    echo "\`BASELINE_STEPS\`, \`TLS_PROTOCOLS\`, \`DOCS=\` (print only). Everything listens on 127.0.0.1 in a"
    echo "temporary directory that is removed on exit. The script rewrites this block in place; it is a"
    echo "benchmark, not a test, and never fails on the numbers. When the engine gains probes, add a"
    echo "\`step_*\` function for each to the script's baseline."
    echo "$end_mark"
} >"$block"

mkdir -p -- "$(dirname -- "$DOCS")"
if [[ ! -f $DOCS ]]; then
    # shellcheck disable=SC2016 # literal backquotes (Markdown)
    printf '# Benchmarks\n\nGenerated by the scripts in `bench/`; each keeps its own block up to date.\n\n' >"$DOCS"
fi
new=$work/benchmarks.md
if grep -qF -- "$begin_mark" "$DOCS"; then
    awk -v begin="$begin_mark" -v end="$end_mark" -v blockfile="$block" '
        $0 == begin { while ((getline line < blockfile) > 0) print line; skip = 1; next }
        skip && $0 == end { skip = 0; next }
        !skip { print }' "$DOCS" >"$new"
else
    { cat -- "$DOCS"; cat -- "$block"; } >"$new"
fi
cat -- "$new" >"$DOCS"
note "updated $DOCS"
