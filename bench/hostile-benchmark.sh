#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Time and peak memory of `check`, `diff` and `show` against hostile servers and files, side by
# side with a healthy run (a script, not a test: it never fails on numbers, only on a broken
# set-up). Everything is served on 127.0.0.1.
#
#   bench/hostile-benchmark.sh              # builds the CLI in build-bench/ (Release), 3 runs each
#   RUNS=5 CLI=/path/to/gitlab-jira-doctor-cli bench/hostile-benchmark.sh
#
# Cases (check with --timeout 3, so the run bound is 3 × 3 + 5 = 14 s):
#   healthy          nginx, leaf + intermediate                      (the baseline)
#   giant-chain      nginx, leaf + 200 intermediates (about 100 KB)
#   endless-body     200 with a body that never ends                (bench/hostile-server.py)
#   endless-trailer  a chunked trailer line that never ends
#   endless-header   a header line that never ends
#   drip             a valid answer, one byte every 0.5 s
#   ca-file-zero     --ca-file /dev/zero (refused without reading)
#   diff-1000        diff of two reports of 1000 checks (the most a report may hold)
#   diff-50000       diff with a report of 50,000 checks (refused)
# Measured per case: wall time ($EPOCHREALTIME) and peak RSS (GNU time %M), medians; the ratio
# is against the healthy run.
set -euo pipefail
export LC_ALL=C

here=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd -- "$here/.." && pwd)
RUNS=${RUNS:-3}
BUILD_DIR=${BUILD_DIR:-$repo/build-bench}

die() { echo "hostile-benchmark: $*" >&2; exit 1; }
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive integer"
[[ -x /usr/bin/time ]] || die "GNU time (/usr/bin/time) not found"
command -v nginx >/dev/null || die "nginx not found (scripts/install-deps.sh)"

if [[ -z ${CLI:-} ]]; then
    cmake -S "$repo" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release -DGJD_BUILD_GUI=OFF >/dev/null
    cmake --build "$BUILD_DIR" --target gitlab-jira-doctor-cli >/dev/null
    CLI=$BUILD_DIR/src/cli/gitlab-jira-doctor-cli
fi

CLI=$(realpath "$CLI")
work=$(mktemp -d "${TMPDIR:-/tmp}/gjd-hostile-bench.XXXXXX")
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    [[ -f $work/nginx.pid ]] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
    rm -rf -- "$work"
}
trap cleanup EXIT

# --- certificates: one P-256 key; root -> inter -> leaf, and root -> I200 -> ... -> I1 -> leaf
cd "$work"
openssl ecparam -name prime256v1 -genkey -noout -out key.pem 2>/dev/null
openssl req -x509 -new -key key.pem -subj "/CN=Bench Root" -days 30 -out root.pem 2>/dev/null
printf 'basicConstraints=critical,CA:true\nkeyUsage=critical,keyCertSign,cRLSign\n' >ca.ext
printf 'subjectAltName=DNS:gitlab.test\n' >leaf.ext
issue() { # issue SUBJECT ISSUER_PEM EXT OUT SERIAL
    openssl req -new -key key.pem -subj "$1" -out req.csr 2>/dev/null
    openssl x509 -req -in req.csr -CA "$2" -CAkey key.pem -set_serial "$5" -days 30 -extfile "$3" \
        -out "$4" 2>/dev/null
}
issue "/CN=Bench Intermediate" root.pem ca.ext inter.pem 2
issue "/CN=gitlab.test" inter.pem leaf.ext leaf.pem 3
cat leaf.pem inter.pem >healthy.pem
prev=root.pem
for i in $(seq 200 -1 1); do
    issue "/CN=I$i" "$prev" ca.ext "i$i.pem" $((100 + i))
    prev=i$i.pem
done
issue "/CN=gitlab.test" i1.pem leaf.ext giant-leaf.pem 9999
{ cat giant-leaf.pem; for i in $(seq 1 200); do cat "i$i.pem"; done; } >giant.pem

# --- servers
read -r p_healthy p_giant < <(python3 -c 'import socket
s=[socket.socket() for _ in range(2)]
[x.bind(("127.0.0.1",0)) for x in s]
print(*[x.getsockname()[1] for x in s])')
cat >nginx.conf <<CONF
daemon on; pid $work/nginx.pid; error_log $work/error.log;
events {}
http { access_log off; client_body_temp_path $work; proxy_temp_path $work; fastcgi_temp_path $work;
  uwsgi_temp_path $work; scgi_temp_path $work;
  server { listen 127.0.0.1:$p_healthy ssl; ssl_certificate $work/healthy.pem; ssl_certificate_key $work/key.pem;
           location / { return 200 "ok"; } }
  server { listen 127.0.0.1:$p_giant ssl; ssl_certificate $work/giant.pem; ssl_certificate_key $work/key.pem;
           location / { return 200 "ok"; } } }
CONF
nginx -p "$work" -c "$work/nginx.conf"
declare -A port=([healthy]=$p_healthy [giant-chain]=$p_giant)
for mode in endless-body endless-trailer endless-header drip; do
    python3 "$here/hostile-server.py" --cert healthy.pem --key key.pem --mode "$mode" >"$mode.port" &
    pids+=($!)
done
for mode in endless-body endless-trailer endless-header drip; do
    for _ in $(seq 50); do grep -q LISTENING "$mode.port" 2>/dev/null && break; sleep 0.1; done
    port[$mode]=$(awk '{print $2}' "$mode.port")
done

# --- reports for diff
"$CLI" check https://gitlab.test --only input.url --format json --output one.json >/dev/null || true
python3 - <<'PY'
import json
r = json.load(open("one.json"))
model = r["checks"][0]
for n, name in ((1000, "r1000.json"), (50000, "r50000.json")):
    r["checks"] = [dict(model, id="x.%d" % i) for i in range(n)]
    json.dump(r, open(name, "w"))
PY

# --- measure
measure() { # measure NAME COMMAND...
    local name=$1; shift
    local times=() rss=() code
    for _ in $(seq "$RUNS"); do
        local start=$EPOCHREALTIME
        code=0
        /usr/bin/time -f %M -o rss.txt "$@" >/dev/null 2>err.txt || code=$?
        local end=$EPOCHREALTIME
        times+=("$(python3 -c "print(round($end - $start, 2))")")
        rss+=("$(tail -1 rss.txt)")
    done
    local t m
    t=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p")
    m=$(printf '%s\n' "${rss[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p")
    echo "$name $t $m $code $(head -c 90 err.txt | tr '\n' ' ')"
}
checkargs() { # checkargs CASE [more…]: the check command line for a case, in $args
    local p=${port[$1]}
    args=("$CLI" check "https://gitlab.test:$p" --resolve "gitlab.test:$p:127.0.0.1" --trust-store root.pem
          --method manual --timeout 3 "${@:2}")
}
results=$work/results.txt
: >"$results"
for c in healthy giant-chain endless-body endless-trailer endless-header drip; do
    checkargs "$c"
    measure "$c" "${args[@]}" >>"$results"
done
checkargs healthy --ca-file /dev/zero
measure ca-file-zero "${args[@]}" >>"$results"
measure diff-1000 "$CLI" diff r1000.json r1000.json >>"$results"
measure diff-50000 "$CLI" diff r1000.json r50000.json >>"$results"

echo "| case | wall s | × healthy | peak RSS MiB | × healthy | exit |"
echo "|---|---|---|---|---|---|"
read -r _ base_t base_m _ < <(head -1 "$results")
while read -r name t m code _; do
    python3 -c "print('| $name | %.2f | %.2f | %.1f | %.2f | $code |' % ($t, $t / $base_t, $m / 1024, $m / $base_m))"
done <"$results"
