#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Fleet benchmark of `gitlab-jira-doctor-cli check --targets` (a script, not a test: it never
# fails on numbers, only on a broken set-up).
#
#   bench/fleet.sh                      # builds the CLI in build-bench/, 5 rounds, prints the table
#   RUNS=9 SIZES="10 50 200" DOCS=docs/benchmarks.md bench/fleet.sh   # also writes the section
#   CLI=/path/to/gitlab-jira-doctor-cli FAKE=/path/to/fake-gitlab bench/fleet.sh
#
# Set-up, all on 127.0.0.1 in a temporary directory removed on exit: tests/support/make-pki.sh ->
# nginx (full.pem, proxy_pass to tests/support/fake-gitlab, as GitLab's documented reverse proxy)
# <- bench/delay-relay.py (DELAY_MS each way per chunk) <- the CLI. Instance N is
# https://gitlab-N.test:RELAY with --resolve to 127.0.0.1: every instance is a full anonymous check
# of its own host name through the same relay and server.
#
# Per round, in alternating order: one instance (`check URL`), then each fleet size (`check
# --targets FILE` with the default --parallel). Wall time from $EPOCHREALTIME around the process,
# peak RSS from GNU time (%M). Reported: the median and spread over the rounds, and each fleet's
# wall time as a ratio to the one-instance run of the same round (the VM's speed drifts).
#
# Baseline, in the same rounds: curl sends the same requests as the CLI's anonymous probes (the TLS
# probe's GET /, then the eight HTTP probes with their methods and headers; the TCP probe's bare
# connect has no curl equivalent), each on its own connection (Connection: close, no TLS session
# reuse), up to 300 at a time (--parallel-max 300, curl's most). It shows what the machine allows for the same
# handshakes and requests on the same two cores, which the servers and the relay share.
#
# Environment: CLI, FAKE (default: build both in BUILD_DIR, default <repo>/build-bench), RUNS
# (default 5), SIZES (default "10 50 200"), DELAY_MS (default 60), PARALLEL (default: the CLI's),
# DOCS (a Markdown file whose "## Fleet" section is replaced; empty: print only), KEEP_TMP=1.
set -euo pipefail
export LC_ALL=C

here=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd -- "$here/.." && pwd)
RUNS=${RUNS:-5}
SIZES=${SIZES:-10 50 200}
DELAY_MS=${DELAY_MS:-60}
PARALLEL=${PARALLEL:-}
BUILD_DIR=${BUILD_DIR:-$repo/build-bench}
DOCS=${DOCS-}
KEEP_TMP=${KEEP_TMP:-0}
NGINX=${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}

die() { echo "fleet.sh: $*" >&2; exit 1; }
note() { echo "fleet.sh: $*" >&2; }
[[ -x /usr/bin/time ]] || die "GNU time is missing (apt-get install time)"
command -v curl >/dev/null || die "curl is missing (apt-get install curl)"

if [[ -z ${CLI:-} || -z ${FAKE:-} ]]; then
    note "building gitlab-jira-doctor-cli and fake-gitlab in $BUILD_DIR"
    [[ -f $BUILD_DIR/build.ninja ]] ||
        cmake -S "$repo" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release -DGJD_BUILD_GUI=OFF >/dev/null
    cmake --build "$BUILD_DIR" --target gitlab-jira-doctor-cli fake-gitlab >/dev/null
    CLI=${CLI:-$BUILD_DIR/src/cli/gitlab-jira-doctor-cli}
    FAKE=${FAKE:-$BUILD_DIR/tests/support/fake-gitlab}
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/gjd-fleet-bench.XXXXXX")
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    wait 2>/dev/null || true
    [[ $KEEP_TMP == 1 ]] && note "kept $work" || rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() { for _ in $(seq 200); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.05; done; die "nothing listens on $1"; }

bash "$repo/tests/support/make-pki.sh" "$work/pki" >"$work/pki.log" 2>&1 || { cat "$work/pki.log" >&2; die "make-pki.sh failed"; }
fake_port=$(free_port)
"$FAKE" --port "$fake_port" --external-url "https://gitlab-1.test" >"$work/fake.log" 2>&1 &
pids+=($!)
nginx_port=$(free_port)
mkdir -p "$work/nginx/tmp"
cat >"$work/nginx/nginx.conf" <<EOF
daemon off;
master_process off;
pid "$work/nginx/nginx.pid";
error_log "$work/nginx/error.log" warn;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path "$work/nginx/tmp/body";
    proxy_temp_path "$work/nginx/tmp/proxy";
    fastcgi_temp_path "$work/nginx/tmp/fastcgi";
    uwsgi_temp_path "$work/nginx/tmp/uwsgi";
    scgi_temp_path "$work/nginx/tmp/scgi";
    server {
        # One server for every instance: a long accept queue, as each real instance has its own.
        listen 127.0.0.1:$nginx_port ssl backlog=4096;
        ssl_certificate "$work/pki/full.pem";
        ssl_certificate_key "$work/pki/full.key";
        location / { proxy_pass http://127.0.0.1:$fake_port; proxy_set_header Host \$host:\$server_port; }
    }
}
EOF
"$NGINX" -p "$work/nginx/" -c "$work/nginx/nginx.conf" -e "$work/nginx/error.log" >"$work/nginx/out.log" 2>&1 &
pids+=($!)
wait_port "$fake_port"; wait_port "$nginx_port"
python3 "$here/delay-relay.py" --listen 0 --target "$nginx_port" --delay-ms "$DELAY_MS" --max-lifetime 3600 \
    >"$work/relay.out" 2>"$work/relay.err" &
pids+=($!)
relay=""
for _ in $(seq 100); do relay=$(awk '$1 == "LISTENING" { print $2 }' "$work/relay.out" 2>/dev/null || true); [[ -n $relay ]] && break; sleep 0.05; done
[[ -n $relay ]] || die "the relay did not start"
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

curl_config() { # N: curl's config (-K) for the requests of N instances' anonymous probes
    local i base h sep=''
    for ((i = 1; i <= $1; i++)); do
        base="https://gitlab-$i.test:$relay"
        while IFS='|' read -r method path headers; do
            printf '%s' "$sep" # "next" between two requests' options; one after the last fails
            sep=$'next\n'
            printf 'url = "%s%s"\noutput = /dev/null\nresolve = gitlab-%s.test:%s:127.0.0.1\n' "$base" "$path" "$i" "$relay"
            printf 'silent\nshow-error\nmax-time = 10\ninsecure\nno-sessionid\nheader = "Connection: close"\nwrite-out = "%%{http_code}\\n"\n'
            if [[ $method == GET10 ]]; then printf 'http1.0\n'; else printf 'request = %s\n' "$method"; fi
            if [[ $method == POST ]]; then printf 'data = ""\n'; fi
            if [[ $path == /users/sign_in ]]; then printf 'location\nmax-redirs = 10\n'; fi
            IFS=';' read -ra hs <<<"$headers"
            for h in "${hs[@]}"; do [[ -z $h ]] || printf 'header = "%s"\n' "$h"; done
        done <<'REQUESTS'
GET10|/|
GET|/users/sign_in|Accept: text/html
GET|/api/v4/version|Accept: application/json
GET|/-/jira_connect/app_descriptor.json|
POST|/-/jira_connect/events/installed|Content-Type: application/json
GET|/-/jira_connect/oauth_application_id|Origin: https://gitlab.com
OPTIONS|/-/jira_connect/oauth_application_id|Origin: https://gitlab.com;Access-Control-Request-Method: GET
GET|/-/jira_connect/oauth_callbacks|Accept: text/html
OPTIONS|/oauth/token|Origin: https://gitlab.com;Access-Control-Request-Method: POST;Access-Control-Request-Headers: content-type
REQUESTS
    done
}
curl_config 1 >"$work/curl-1.cfg"
for n in $SIZES; do
    for ((i = 1; i <= n; i++)); do echo "https://gitlab-$i.test:$relay --resolve gitlab-$i.test:$relay:127.0.0.1"; done >"$work/targets-$n.txt"
    curl_config "$n" >"$work/curl-$n.cfg"
done

now_us() { local t=${EPOCHREALTIME/./}; echo "$t"; }
measure() { # NAME ARGS...: wall µs in M_US, peak KiB in M_KB, CPU (user + system) ms in M_CPU
    local name=$1 start end tool=$CLI
    shift
    [[ $name == curl-* ]] && tool=curl
    start=$(now_us)
    local rc=0
    /usr/bin/time -o "$work/$name.time" -f '%M %U %S' timeout -k 2 900 env -u GITLAB_TOKEN \
        -u https_proxy -u HTTPS_PROXY -u ALL_PROXY -u all_proxy "$tool" "$@" </dev/null >"$work/$name.out" 2>"$work/$name.err" || rc=$?
    end=$(now_us)
    [[ $rc -le 1 ]] || { tail -5 "$work/$name.err" >&2; die "$name exited with $rc"; }
    M_US=$((end - start))
    read -r M_KB user sys < <(tail -n 1 "$work/$name.time")
    M_CPU=$(python3 -c "print(round(($user + $sys) * 1000))")
}
common=(--trust-store "$work/pki/trust.pem" --format json --quiet --timeout 10)
curl_run() { # N: curl's baseline for N instances; every request must get an answer
    measure "curl-$1" --no-progress-meter --parallel --parallel-immediate --parallel-max 300 -K "$work/curl-$1.cfg"
    local answered
    answered=$(grep -c '^[1-5][0-9][0-9]$' "$work/curl-$1.out" || true)
    [[ $answered -eq $((9 * $1)) ]] || die "curl for $1 instances: $answered of $((9 * $1)) requests answered"
}
[[ -n $PARALLEL ]] && fleet_parallel=(--parallel "$PARALLEL") || fleet_parallel=()

declare -A WALL RSS RATIO CPU CWALL CRATIO CCPU VSCURL
note "warm-up"
measure one check "https://gitlab-1.test:$relay" --resolve "gitlab-1.test:$relay:127.0.0.1" "${common[@]}"
curl_run 1
for ((round = 1; round <= RUNS; round++)); do
    measure one check "https://gitlab-1.test:$relay" --resolve "gitlab-1.test:$relay:127.0.0.1" "${common[@]}"
    one=$M_US
    WALL[one]+="$M_US " RSS[one]+="$M_KB " CPU[one]+="$M_CPU "
    curl_run 1
    curl_one=$M_US
    CWALL[one]+="$M_US " CCPU[one]+="$M_CPU "
    VSCURL[one]+="$(python3 -c "print(f'{$one/$M_US:.2f}')") "
    for n in $SIZES; do
        measure "fleet-$n" check --targets "$work/targets-$n.txt" "${fleet_parallel[@]}" "${common[@]}"
        python3 -c "import json,sys; s=json.load(open(sys.argv[1]))['summary']; assert s['instances']==int(sys.argv[2]) and s['bad_lines']==0, s" \
            "$work/fleet-$n.out" "$n" || die "fleet of $n: not every instance ran"
        WALL[$n]+="$M_US " RSS[$n]+="$M_KB " CPU[$n]+="$M_CPU "
        RATIO[$n]+="$(python3 -c "print(f'{$M_US/$one:.2f}')") "
        cli_us=$M_US
        curl_run "$n"
        CWALL[$n]+="$M_US " CCPU[$n]+="$M_CPU "
        CRATIO[$n]+="$(python3 -c "print(f'{$M_US/$curl_one:.2f}')") "
        VSCURL[$n]+="$(python3 -c "print(f'{$cli_us/$M_US:.2f}')") "
    done
    note "round $round: one $((one / 1000)) ms (curl $((curl_one / 1000)) ms); $(for n in $SIZES; do w=(${WALL[$n]}); c=(${CWALL[$n]}); printf '%s: %s ms (curl %s ms)  ' "$n" "$((${w[-1]} / 1000))" "$((${c[-1]} / 1000))"; done)"
done

row() { # LABEL WALLS RSSES CPUS RATIOS CURL_WALLS CURL_CPUS CURL_RATIOS VS_CURL (empty ratios: 1)
    python3 - "$@" <<'PY'
import statistics, sys
label = sys.argv[1]
nums = lambda i, scale=1: [float(x) / scale for x in sys.argv[i].split()]
spread = lambda v, f: f"{f(statistics.median(v))} ({f(min(v))}–{f(max(v))})"
whole, r = (lambda x: f"{x:.0f}"), (lambda x: f"{x:.2f}")
ratio = lambda i: spread(nums(i), r) if sys.argv[i].strip() else "1"
print(f"| {label} | {spread(nums(2, 1000), whole)} | {ratio(5)} | {spread(nums(3, 1024), whole)} | "
      f"{statistics.median(nums(4)):.0f} | {spread(nums(6, 1000), whole)} | {ratio(8)} | "
      f"{statistics.median(nums(7)):.0f} | {spread(nums(9), r)} |")
PY
}
table=$(
    echo "| run | CLI: wall ms, median (min–max) | CLI: × one instance, per round | CLI: peak RSS MiB | CLI: CPU ms | curl, same requests: wall ms | curl: × one instance | curl: CPU ms | CLI ÷ curl, per round |"
    echo "|---|---|---|---|---|---|---|---|---|"
    row "one instance" "${WALL[one]}" "${RSS[one]}" "${CPU[one]}" "" "${CWALL[one]}" "${CCPU[one]}" "" "${VSCURL[one]}"
    for n in $SIZES; do
        row "$n instances" "${WALL[$n]}" "${RSS[$n]}" "${CPU[$n]}" "${RATIO[$n]}" "${CWALL[$n]}" "${CCPU[$n]}" "${CRATIO[$n]}" "${VSCURL[$n]}"
    done
)
parallel_used=${PARALLEL:-$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['parallel'])" "$work/fleet-${SIZES##* }.out")}
echo "$table"
if [[ -n $DOCS ]]; then
    python3 - "$DOCS" "$table" "$RUNS" "$DELAY_MS" "$parallel_used" "$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?')" <<'PY'
import re, sys
docs, table, runs, delay, parallel, commit = sys.argv[1:7]
section = f"""## Fleet (`check --targets`)

`bench/fleet.sh`: {runs} rounds on commit {commit}, through `bench/delay-relay.py` (+{delay} ms each way
per chunk) in front of nginx and the fake GitLab, every instance a full anonymous check of its own
host name, `--parallel {parallel}` (the default). The ratio is each fleet's wall time over the one-instance
run of the same round. Baseline in the same rounds: curl sending the same nine requests per instance as
the CLI's anonymous probes, each on its own connection without TLS session reuse, up to 300 at a time
(curl's most; the CLI's default holds about 320).
CPU is the process's user + system time; the servers and the relay use the same two cores.

{table}
"""
text = open(docs, encoding="utf-8").read()
# The section's heading, paragraph and first table are this script's; the analysis under it stays.
pattern = re.compile(r"## Fleet \(`check --targets`\)\n.*?\n(?:\|[^\n]*\n)+", re.S)
text = pattern.sub(section.rstrip("\n") + "\n", text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + section
open(docs, "w", encoding="utf-8").write(text)
PY
    note "wrote the Fleet section of $DOCS"
fi
