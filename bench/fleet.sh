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
        listen 127.0.0.1:$nginx_port ssl;
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

for n in $SIZES; do
    for ((i = 1; i <= n; i++)); do echo "https://gitlab-$i.test:$relay --resolve gitlab-$i.test:$relay:127.0.0.1"; done >"$work/targets-$n.txt"
done

now_us() { local t=${EPOCHREALTIME/./}; echo "$t"; }
measure() { # NAME ARGS...: wall µs in M_US, peak KiB in M_KB, CPU (user + system) ms in M_CPU
    local name=$1 start end
    shift
    start=$(now_us)
    local rc=0
    /usr/bin/time -o "$work/$name.time" -f '%M %U %S' timeout -k 2 900 env -u GITLAB_TOKEN \
        -u https_proxy -u HTTPS_PROXY -u ALL_PROXY -u all_proxy "$CLI" "$@" </dev/null >"$work/$name.out" 2>"$work/$name.err" || rc=$?
    end=$(now_us)
    [[ $rc -le 1 ]] || { tail -5 "$work/$name.err" >&2; die "$name exited with $rc"; }
    M_US=$((end - start))
    read -r M_KB user sys < <(tail -n 1 "$work/$name.time")
    M_CPU=$(python3 -c "print(round(($user + $sys) * 1000))")
}
common=(--trust-store "$work/pki/trust.pem" --format json --quiet --timeout 10)
[[ -n $PARALLEL ]] && fleet_parallel=(--parallel "$PARALLEL") || fleet_parallel=()

declare -A WALL RSS RATIO CPU
note "warm-up"
measure one check "https://gitlab-1.test:$relay" --resolve "gitlab-1.test:$relay:127.0.0.1" "${common[@]}"
for ((round = 1; round <= RUNS; round++)); do
    measure one check "https://gitlab-1.test:$relay" --resolve "gitlab-1.test:$relay:127.0.0.1" "${common[@]}"
    one=$M_US
    WALL[one]+="$M_US " RSS[one]+="$M_KB " CPU[one]+="$M_CPU "
    for n in $SIZES; do
        measure "fleet-$n" check --targets "$work/targets-$n.txt" "${fleet_parallel[@]}" "${common[@]}"
        python3 -c "import json,sys; s=json.load(open(sys.argv[1]))['summary']; assert s['instances']==int(sys.argv[2]) and s['bad_lines']==0, s" \
            "$work/fleet-$n.out" "$n" || die "fleet of $n: not every instance ran"
        WALL[$n]+="$M_US " RSS[$n]+="$M_KB " CPU[$n]+="$M_CPU "
        RATIO[$n]+="$(python3 -c "print(f'{$M_US/$one:.2f}')") "
    done
    note "round $round: one $((one / 1000)) ms; $(for n in $SIZES; do w=(${WALL[$n]}); printf '%s: %s ms  ' "$n" "$((${w[-1]} / 1000))"; done)"
done

row() { # LABEL WALLS RSSES CPUS [RATIOS]
    python3 - "$@" <<'PY'
import statistics, sys
label, walls, rsses = sys.argv[1], [int(x) / 1000 for x in sys.argv[2].split()], [int(x) / 1024 for x in sys.argv[3].split()]
cpus = [int(x) for x in sys.argv[4].split()]
ratios = [float(x) for x in sys.argv[5].split()] if len(sys.argv) > 5 else []
ratio = f"{statistics.median(ratios):.2f} ({min(ratios):.2f}–{max(ratios):.2f})" if ratios else "1"
print(f"| {label} | {statistics.median(walls):.0f} ({min(walls):.0f}–{max(walls):.0f}) | {ratio} | "
      f"{statistics.median(rsses):.0f} ({min(rsses):.0f}–{max(rsses):.0f}) | {statistics.median(cpus):.0f} |")
PY
}
table=$(
    echo "| run | wall ms, median (min–max) | × one instance, per round | peak RSS MiB | CPU ms (user + system) |"
    echo "|---|---|---|---|---|"
    row "one instance" "${WALL[one]}" "${RSS[one]}" "${CPU[one]}"
    for n in $SIZES; do row "$n instances" "${WALL[$n]}" "${RSS[$n]}" "${CPU[$n]}" "${RATIO[$n]}"; done
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
run of the same round.

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
