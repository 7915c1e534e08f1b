#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# One instance's critical path (issue 16): a full anonymous `check` against one request, both
# through the delaying relay, measured outside the process. A benchmark, not a test: it never
# fails on the numbers, only on a broken set-up.
#
#   bench/critical-path.sh                              # builds CLI + fake in build-critical/
#   ROUNDS=21 DELAY_MS=60 bench/critical-path.sh
#   BASE_CLI=/tmp/base/build/src/cli/gitlab-jira-doctor-cli bench/critical-path.sh   # before/after
#   CLI=… FAKE=… DOCS= bench/critical-path.sh           # no build, print only
#
# Set-up, all on 127.0.0.1 in a temporary directory removed on exit:
#   tests/support/make-pki.sh -> fake-gitlab (tests/support, FAKE_GITLAB_APPLICATION_KEY set so
#   that the connect.* checks run) <- nginx (TLS, full.pem = leaf + intermediate for gitlab.test,
#   proxy_pass) <- bench/delay-relay.py (DELAY_MS per direction and per chunk) <- clients
#
# Per round (ROUNDS rounds after WARMUP unrecorded ones; the order rotates from round to round):
#   curl        one request: the /oauth/token CORS preflight with curl (the request the issue names)
#   check       gitlab-jira-doctor-cli check … --trust-store trust.pem --format json (anonymous)
#   check-sys   the same with the system trust store (the default; the test root is not in it)
#   base, base-sys   the same two with BASE_CLI (the build before a change), when set
# Each is one process; wall time from bash's $EPOCHREALTIME around it. The ratio of each round is
# its check over its curl (the two ran back to back); the table gives their median and spread.
#
# Then one more run of each binary with `--export` and QT_LOGGING_RULES=gjd.runner.debug=true
# (the runner's probe start/finish lines, stderr only) prints the probes' timeline: a waterfall
# of every probe from start to finish, the report's duration_ms and the process's wall time.
#
# Environment:
#   CLI, FAKE       the CLI and fake-gitlab to measure (default: build both in BUILD_DIR)
#   BASE_CLI        a second CLI measured in the same rounds (e.g. the commit before a change)
#   BUILD_DIR       default <repo>/build-critical (Release, no GUI)
#   ROUNDS          recorded rounds (default 15);  WARMUP  unrecorded rounds first (default 2)
#   DELAY_MS        one-way latency the relay adds per chunk and direction (default 60)
#   TLS_PROTOCOLS   nginx ssl_protocols (default "TLSv1.2 TLSv1.3", as GitLab's bundled nginx)
#   BUSY            N > 0: N busy loops share one CPU (BUSY_CPU, default 1) with the measured
#                   processes (taskset), as on a machine whose cores are taken by builds; the
#                   servers and the relay stay unpinned (default 0)
#   DOCS            Markdown file whose generated block is rewritten (default
#                   <repo>/docs/benchmarks.md; empty = print only)
#   KEEP_TMP=1      keep the temporary directory
set -euo pipefail
export LC_ALL=C

here=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd -- "$here/.." && pwd)

ROUNDS=${ROUNDS:-15}
WARMUP=${WARMUP:-2}
DELAY_MS=${DELAY_MS:-60}
TLS_PROTOCOLS=${TLS_PROTOCOLS:-TLSv1.2 TLSv1.3}
BUILD_DIR=${BUILD_DIR:-$repo/build-critical}
DOCS=${DOCS-$repo/docs/benchmarks.md}
KEEP_TMP=${KEEP_TMP:-0}
BUSY=${BUSY:-0}
BUSY_CPU=${BUSY_CPU:-1}
HOST=gitlab.test
LOOPBACK=127.0.0.1
TIMEOUT=10
PROC_BOUND=$((TIMEOUT * 3 + 10))

die() { echo "critical-path: $*" >&2; exit 1; }
note() { echo "critical-path: $*" >&2; }

[[ $ROUNDS =~ ^[1-9][0-9]*$ ]] || die "ROUNDS must be a positive integer"
[[ $WARMUP =~ ^[0-9]+$ ]] || die "WARMUP must be a non-negative integer"
[[ $DELAY_MS =~ ^[0-9]+$ ]] || die "DELAY_MS must be a whole number of milliseconds"
[[ $BUSY =~ ^[0-9]+$ && $BUSY_CPU =~ ^[0-9]+$ ]] || die "BUSY and BUSY_CPU must be whole numbers"
pin=()
((BUSY == 0)) || pin=(taskset -c "$BUSY_CPU")
NGINX=${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}
for tool in "$NGINX" curl python3 timeout awk unzip; do
    command -v "$tool" >/dev/null || die "$tool not found"
done

# --- clean-up ------------------------------------------------------------------------------------
work="" pids=()
cleanup() {
    local rc=$? pid
    set +e
    for pid in "${pids[@]}"; do
        kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
    done
    if [[ -n $work && -d $work ]]; then
        if [[ $KEEP_TMP == 1 ]]; then note "kept $work"; else rm -rf -- "$work"; fi
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
work=$(mktemp -d "${TMPDIR:-/tmp}/gjd-critical.XXXXXX")

# --- the programs ----------------------------------------------------------------------------------
if [[ -z ${CLI:-} || -z ${FAKE:-} ]]; then
    note "building the CLI and fake-gitlab in $BUILD_DIR"
    if ! { cmake -S "$repo" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release -DGJD_BUILD_GUI=OFF &&
        cmake --build "$BUILD_DIR" --target gitlab-jira-doctor-cli fake-gitlab; } >"$work/build.log" 2>&1; then
        tail -n 30 "$work/build.log" >&2
        die "build failed"
    fi
    CLI=${CLI:-$BUILD_DIR/src/cli/gitlab-jira-doctor-cli}
    FAKE=${FAKE:-$BUILD_DIR/tests/support/fake-gitlab}
fi
for p in "$CLI" "$FAKE" ${BASE_CLI:+"$BASE_CLI"}; do
    [[ -x $p ]] || die "'$p' is not executable"
done

# --- fixtures: PKI, fake GitLab, nginx, relay ------------------------------------------------------
free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
wait_port() { # PORT PID NAME
    local i
    for ((i = 0; i < 100; i++)); do
        kill -0 "$2" 2>/dev/null || die "$3 exited during start-up"
        (exec 3<>"/dev/tcp/$LOOPBACK/$1") 2>/dev/null && return 0
        sleep 0.05
    done
    die "$3 does not listen on $LOOPBACK:$1"
}

pki=$work/pki
bash "$repo/tests/support/make-pki.sh" "$pki" >"$work/pki.log" 2>&1 || { cat "$work/pki.log" >&2; die "make-pki.sh failed"; }

fake_port=$(free_port)
FAKE_GITLAB_APPLICATION_KEY=bench-application-id "$FAKE" --port "$fake_port" \
    --external-url "https://$HOST" >"$work/fake.log" 2>&1 &
pids+=($!)
wait_port "$fake_port" "${pids[-1]}" fake-gitlab

ngx=$work/nginx
mkdir -p "$ngx/tmp"
nginx_port=$(free_port)
cat >"$ngx/nginx.conf" <<EOF
daemon off; master_process off; worker_processes 1; pid "$ngx/nginx.pid";
error_log "$ngx/error.log" warn;
events { worker_connections 256; }
http {
    access_log off; client_body_temp_path "$ngx/tmp"; proxy_temp_path "$ngx/tmp";
    fastcgi_temp_path "$ngx/tmp"; uwsgi_temp_path "$ngx/tmp"; scgi_temp_path "$ngx/tmp";
    server {
        listen $LOOPBACK:$nginx_port ssl;
        server_name $HOST;
        ssl_protocols $TLS_PROTOCOLS;
        ssl_certificate "$pki/full.pem"; ssl_certificate_key "$pki/full.key";
        location / { proxy_pass http://$LOOPBACK:$fake_port; proxy_set_header Host \$host:\$server_port; }
    }
}
EOF
"$NGINX" -p "$ngx/" -c "$ngx/nginx.conf" -e "$ngx/error.log" >"$ngx/out.log" 2>&1 &
pids+=($!)
wait_port "$nginx_port" "${pids[-1]}" nginx

python3 "$here/delay-relay.py" --listen 0 --target "$nginx_port" --delay-ms "$DELAY_MS" \
    --max-lifetime $(((ROUNDS + WARMUP) * 30 + 120)) >"$work/relay.out" 2>"$work/relay.err" &
pids+=($!)
relay_port=""
for ((i = 0; i < 100; i++)); do
    relay_port=$(awk '$1 == "LISTENING" { print $2 }' "$work/relay.out" 2>/dev/null || true)
    [[ -n $relay_port ]] && break
    kill -0 "${pids[-1]}" 2>/dev/null || die "relay exited"
    sleep 0.05
done
[[ -n $relay_port ]] || die "relay did not start"
url=https://$HOST:$relay_port
resolve=$HOST:$relay_port:$LOOPBACK
note "fake-gitlab :$fake_port <- nginx :$nginx_port <- relay (+$DELAY_MS ms each way) :$relay_port"

# --- one measurement -------------------------------------------------------------------------------
now_us() { echo "${EPOCHREALTIME/./}"; }
declare -A SAMPLES # name -> space-separated wall times (µs)
declare -A RATIOS  # name -> space-separated per-round ratios over curl
declare -A LAST_US

run_curl() {
    "${pin[@]}" curl -sS -o /dev/null --max-time "$TIMEOUT" --cacert "$pki/trust.pem" --resolve "$resolve" \
        -X OPTIONS -H 'Origin: https://gitlab.com' -H 'Access-Control-Request-Method: POST' \
        -H 'Access-Control-Request-Headers: content-type' -H 'Connection: close' "$url/oauth/token"
}
run_check() { # BINARY [--trust-store FILE]
    local bin=$1
    shift
    timeout -k 2 "$PROC_BOUND" "${pin[@]}" "$bin" check "$url" --resolve "$resolve" "$@" --format json
}
measure() { # NAME COMMAND…
    local name=$1 start end rc=0
    shift
    start=$(now_us)
    "$@" </dev/null >"$work/$name.out" 2>"$work/$name.err" || rc=$?
    end=$(now_us)
    # curl: 0; check: 0 = pass/warn, 1 = fail (loopback, port); anything else is broken.
    ((rc <= 1)) || { cat "$work/$name.err" >&2; die "$name exited with $rc"; }
    LAST_US[$name]=$((end - start))
}

names=(curl check check-sys)
[[ -n ${BASE_CLI:-} ]] && names+=(base base-sys)
measure_named() {
    case $1 in
    curl) measure curl run_curl ;;
    check) measure check run_check "$CLI" --trust-store "$pki/trust.pem" ;;
    check-sys) measure check-sys run_check "$CLI" ;;
    base) measure base run_check "$BASE_CLI" --trust-store "$pki/trust.pem" ;;
    base-sys) measure base-sys run_check "$BASE_CLI" ;;
    esac
}

for ((i = 0; i < BUSY; i++)); do
    taskset -c "$BUSY_CPU" sh -c 'while :; do :; done' &
    pids+=($!)
done
total=$((WARMUP + ROUNDS))
for ((round = 0; round < total; round++)); do
    n=${#names[@]}
    for ((k = 0; k < n; k++)); do
        measure_named "${names[$(((k + round) % n))]}"
    done
    python3 -c 'import json,sys; r = json.load(open(sys.argv[1])); assert r["checks"]' "$work/check.out" ||
        die "the check wrote no report"
    ((round < WARMUP)) && continue
    for name in "${names[@]}"; do
        SAMPLES[$name]+="${LAST_US[$name]} "
        [[ $name == curl ]] || RATIOS[$name]+="$(awk -v a="${LAST_US[$name]}" -v b="${LAST_US[curl]}" 'BEGIN { printf "%.4f", a / b }') "
    done
    printf '.' >&2
done
echo >&2

# --- statistics ------------------------------------------------------------------------------------
stats() { # VALUES… -> "median min max q1 q3"
    printf '%s\n' "$@" | sort -g | awk '
        { v[NR] = $1 }
        function q(p,  i, f) { i = 1 + (NR - 1) * p; f = int(i); return v[f] + (i - f) * (v[f + 1] - v[f]) }
        END { v[NR + 1] = v[NR]; printf "%s %s %s %s %s\n", q(0.5), v[1], v[NR], q(0.25), q(0.75) }'
}
label() {
    case $1 in
    curl) echo "one request: \`curl\`, the /oauth/token preflight" ;;
    check) echo "full anonymous \`check\`, \`--trust-store\`" ;;
    check-sys) echo "full anonymous \`check\`, system store" ;;
    base) echo "BASE: full anonymous \`check\`, \`--trust-store\`" ;;
    base-sys) echo "BASE: full anonymous \`check\`, system store" ;;
    esac
}
table=$(
    echo "| $ROUNDS rounds, +$DELAY_MS ms each way | median wall (ms) | min–max (ms) | ratio to curl: median | ratio: min–max (interquartile) |"
    echo "|---|---:|---:|---:|---:|"
    for name in "${names[@]}"; do
        # shellcheck disable=SC2086 # word splitting of the sample lists is intended
        read -r med lo hi _ _ < <(stats ${SAMPLES[$name]})
        if [[ $name == curl ]]; then
            ratio="1.00" spread="—"
        else
            # shellcheck disable=SC2086
            read -r rmed rlo rhi rq1 rq3 < <(stats ${RATIOS[$name]})
            ratio=$(printf '%.2f' "$rmed")
            spread=$(printf '%.2f–%.2f (%.2f–%.2f)' "$rlo" "$rhi" "$rq1" "$rq3")
        fi
        printf '| %s | %.0f | %.0f–%.0f | %s | %s |\n' "$(label "$name")" "$(awk -v u="$med" 'BEGIN { print u / 1000 }')" \
            "$(awk -v u="$lo" 'BEGIN { print u / 1000 }')" "$(awk -v u="$hi" 'BEGIN { print u / 1000 }')" "$ratio" "$spread"
    done
)

# --- the probes' timeline --------------------------------------------------------------------------
# One run with the runner's debug lines ("probe X started", "probe X finished in N ms", stamped
# with Qt's %{time process}, which counts from the program's first log line: the run's start)
# and an export; the waterfall is drawn from those lines, the transcripts' durations, the
# report's duration_ms and the wall time measured around the process (start-up and exit included).
timeline() { # NAME BINARY [--trust-store FILE]
    local name=$1 bin=$2 start end
    shift 2
    start=$(now_us)
    QT_LOGGING_RULES="gjd.runner.debug=true" QT_MESSAGE_PATTERN="%{time process} %{message}" \
        timeout -k 2 "$PROC_BOUND" "${pin[@]}" "$bin" check "$url" --resolve "$resolve" "$@" --format json \
        --export "$work/$name.zip" </dev/null >"$work/$name.json" 2>"$work/$name.log" || true
    end=$(now_us)
    python3 - "$work/$name.log" "$work/$name.json" "$work/$name.zip" "$(((end - start) / 1000))" <<'EOF'
import json, re, sys, zipfile
log, report, export, wall = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
start, end = {}, {}
for line in open(log, errors="replace"):
    m = re.match(r'\s*([0-9.]+) probe "([^"]+)" (started|finished in (\d+) ms)', line)
    if not m:
        continue
    t, probe = float(m.group(1)) * 1000, m.group(2)
    if m.group(3) == "started":
        start[probe] = t
    else:
        end[probe] = t
r = json.load(open(report))
transcripts = {}
with zipfile.ZipFile(export) as z:
    for n in z.namelist():
        if n.startswith("http/") and n.endswith(".txt"):
            first = z.read(n).decode("utf-8", "replace").splitlines()[0]
            m = re.search(r", (\d+) ms", first)
            transcripts[n[5:-4]] = m.group(1) if m else "?"
# The probes that did something: the network ones and the HTTP ones with a transcript (the
# token and Jira probes of an anonymous run end at once without a request).
rows = [(p, start[p], end[p]) for p in start if p in end and (p in transcripts or p in ("dns", "tcp", "tls"))]
rows.sort(key=lambda x: (x[1], x[0]))
scale = max(wall, 1) / 60.0  # ms per character
def bar(a, b):
    i, j = int(a / scale), max(int(a / scale) + 1, int(b / scale))
    return "." * i + "#" * (j - i) + "." * max(0, 60 - j)
print(f"{'ms since the run started':28} {'start':>6} {'end':>6}  0 ms{' ' * 50}{wall} ms")
for p, a, b in rows:
    note = f"  transcript {transcripts[p]} ms" if p in transcripts else ""
    print(f"probe {p:22} {a:6.0f} {b:6.0f}  |{bar(a, b)}|{note}")
print(f"{'report duration_ms':28} {'':6} {r['duration_ms']:6}  |{bar(0, r['duration_ms'])}|")
print(f"{'process (wall)':28} {'':6} {wall:6}  |{bar(0, wall)}|")
tls = next((c for c in r["checks"] if c["id"] == "tls.handshake"), {})
print(f"(tls.* checks' duration_ms {tls.get('duration_ms')}; verdict {r['summary']['verdict']})")
EOF
}
waterfalls=$(
    for name in check check-sys ${BASE_CLI:+base base-sys}; do
        echo "$(label "$name"):"
        case $name in
        check) timeline "$name" "$CLI" --trust-store "$pki/trust.pem" ;;
        check-sys) timeline "$name" "$CLI" ;;
        base) timeline "$name" "$BASE_CLI" --trust-store "$pki/trust.pem" ;;
        base-sys) timeline "$name" "$BASE_CLI" ;;
        esac
        echo
    done
)

negotiated=$(python3 -c '
import json, sys
print(next(c["summary"] for c in json.load(open(sys.argv[1]))["checks"] if c["id"] == "tls.handshake").split(",")[0])' \
    "$work/check.out" 2>/dev/null || true)
today=$(date -u +%Y-%m-%d)
load=$(cut -d' ' -f1-3 /proc/loadavg)
busy=""
((BUSY == 0)) || busy=" The measured processes shared CPU $BUSY_CPU with $BUSY busy loop(s) (BUSY=$BUSY)."
header="$(nproc) CPU(s), load average $load at the end, $today; nginx \`ssl_protocols $TLS_PROTOCOLS\` (negotiated: ${negotiated:-?}); +$DELAY_MS ms per chunk and direction (one round trip = $((2 * DELAY_MS)) ms); $ROUNDS rounds after $WARMUP warm-up, order rotating.$busy"
echo
echo "$header"
echo
echo "$table"
echo
echo "$waterfalls"

# --- docs/benchmarks.md ----------------------------------------------------------------------------
[[ -n $DOCS ]] || exit 0
begin_mark="<!-- BEGIN bench/critical-path.sh (generated: edit the script, not this block) -->"
end_mark="<!-- END bench/critical-path.sh -->"
block=$work/block.md
{
    echo "$begin_mark"
    echo "$header"
    echo
    echo "$table"
    echo
    echo '```'
    echo "$waterfalls"
    echo '```'
    echo "$end_mark"
} >"$block"
[[ -f $DOCS ]] || printf '# Benchmarks\n\n' >"$DOCS"
new=$work/benchmarks.md
if grep -qF -- "$begin_mark" "$DOCS"; then
    awk -v begin="$begin_mark" -v end="$end_mark" -v blockfile="$block" '
        $0 == begin { while ((getline line < blockfile) > 0) print line; skip = 1; next }
        skip && $0 == end { skip = 0; next }
        !skip { print }' "$DOCS" >"$new"
else
    { cat -- "$DOCS"; echo; cat -- "$block"; } >"$new"
fi
cat -- "$new" >"$DOCS"
note "updated $DOCS"
