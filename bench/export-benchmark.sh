#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Benchmark of reading troubleshooting exports with the CLI (a script, not a test: it never fails
# on numbers, only on a broken set-up).
#
#   bench/export-benchmark.sh              # builds in build-bench/ (Release), 10 runs each
#   RUNS=20 bench/export-benchmark.sh
#   CLI=/path/to/gitlab-jira-doctor-cli CORPUS=/path/to/make_corpus DOCS= bench/export-benchmark.sh
#
# Inputs: the seeds of tests/fuzz/make_corpus (a full export of all 40 checks with certificates
# and transcripts, and the small one), and two archives made here with Python's zipfile:
#   bomb     5 entries of 15 MiB of zeros each (75 MiB unpacked from ~75 KiB): within the
#            per-file limit, over the 64 MiB total, refused while unpacking
#   claims   one entry whose header says 2 GiB: refused before unpacking
# Measured per command: wall time ($EPOCHREALTIME) and peak RSS (GNU time %M), medians.
set -euo pipefail
export LC_ALL=C

here=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd -- "$here/.." && pwd)
RUNS=${RUNS:-10}
BUILD_DIR=${BUILD_DIR:-$repo/build-bench}
DOCS=${DOCS-$repo/docs/benchmarks.md}

die() { echo "export-benchmark: $*" >&2; exit 1; }
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive integer"
[[ -x /usr/bin/time ]] || die "GNU time (/usr/bin/time) not found"

if [[ -z ${CLI:-} || -z ${CORPUS:-} ]]; then
    cmake -S "$repo" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release -DGJD_BUILD_GUI=OFF >/dev/null
    cmake --build "$BUILD_DIR" --target gitlab-jira-doctor-cli make_corpus >/dev/null
    CLI=$BUILD_DIR/src/cli/gitlab-jira-doctor-cli
    CORPUS=$BUILD_DIR/tests/fuzz/make_corpus
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/gjd-export-bench.XXXXXX")
trap 'rm -rf -- "$work"' EXIT
"$CORPUS" "$work/seeds" >/dev/null
# An export of every check of the catalogue, from a run against a closed port (nothing to serve it).
"$CLI" check https://127.0.0.1:9 --timeout 2 --export "$work/closed.zip" >/dev/null 2>&1 || true
[[ -s $work/closed.zip ]] || die "check --export wrote nothing"
python3 - "$work" <<'PY'
import sys, zipfile
work = sys.argv[1]
with zipfile.ZipFile(f"{work}/bomb.zip", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("report.json", "{}")
    for i in range(5):
        z.writestr(f"http/bomb-{i}.txt", b"\0" * (15 * 1024 * 1024))
    z.writestr("manifest.json", "{}")
# A header that claims 2 GiB: write a small entry, then patch the sizes in both headers.
with zipfile.ZipFile(f"{work}/claims.zip", "w", zipfile.ZIP_STORED) as z:
    z.writestr("report.json", "{}")
    z.writestr("http/huge.txt", b"x" * 16)
    z.writestr("manifest.json", "{}")
data = bytearray(open(f"{work}/claims.zip", "rb").read())
name = b"http/huge.txt"
pos = 0
while True:
    pos = data.find(name, pos)
    if pos < 0:
        break
    if data[pos - 30:pos - 26] == b"PK\x03\x04":
        data[pos - 8:pos - 4] = (2 ** 31).to_bytes(4, "little")  # local header: uncompressed size
    elif data[pos - 46:pos - 42] == b"PK\x01\x02":
        data[pos - 22:pos - 18] = (2 ** 31).to_bytes(4, "little")  # central directory
    pos += len(name)
open(f"{work}/claims.zip", "wb").write(bytes(data))
PY

median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else printf "%.1f\n", (a[NR/2]+a[NR/2+1])/2}'; }

# measure NAME EXPECTED_EXITS ARGS… → "NAME wall_ms rss_kib" (medians); EXPECTED_EXITS is a
# pattern such as 2 or "[013]" (show exits as check would for the report it shows)
measure() {
    local name=$1 expected=$2
    shift 2
    local walls=() rss=() i start end rc
    for ((i = 0; i < RUNS; i++)); do
        start=$EPOCHREALTIME
        rc=0
        /usr/bin/time -f '%M' -o "$work/time" "$CLI" "$@" >/dev/null 2>"$work/err" || rc=$?
        end=$EPOCHREALTIME
        [[ $rc == $expected ]] || die "$name: exit $rc, expected $expected: $(cat "$work/err")"
        walls+=("$(awk -v s="$start" -v e="$end" 'BEGIN {printf "%.1f", (e - s) * 1000}')")
        rss+=("$(tail -1 "$work/time")")
    done
    printf '%s %s %s\n' "$name" "$(printf '%s\n' "${walls[@]}" | median)" "$(printf '%s\n' "${rss[@]}" | median)"
}

seeds=$work/seeds/export_reader
size() { stat -c %s "$1"; }
results=$(
    measure "show-full-text" "[013]" show "$seeds/export-secrets.zip"
    measure "show-full-json" "[013]" show "$seeds/export-secrets.zip" --format json
    measure "show-full-html" "[013]" show "$seeds/export-secrets.zip" --format html
    measure "show-small" "[013]" show "$seeds/export-small.zip"
    measure "show-catalogue" "[013]" show "$work/closed.zip"
    measure "diff-full" "[01]" diff "$seeds/export-secrets.zip" "$seeds/export-identities.zip"
    measure "refuse-bomb" 2 show "$work/bomb.zip"
    measure "refuse-claim" 2 show "$work/claims.zip"
    measure "help" 0 --version
)
echo "$results"

table=$(awk -v full="$(size "$seeds/export-secrets.zip")" -v small="$(size "$seeds/export-small.zip")" \
    -v catalogue="$(size "$work/closed.zip")" \
    -v bomb="$(size "$work/bomb.zip")" '
    BEGIN {
        label["show-full-text"] = "`show` the fuzz corpus'"'"'s full export (" int(full / 1024) " KiB: every field of the model, a certificate, transcripts), text"
        label["show-full-json"] = "`show` the same, `--format json`"
        label["show-full-html"] = "`show` the same, `--format html`"
        label["show-small"] = "`show` a small export (" int(small / 1024) " KiB)"
        label["show-catalogue"] = "`show` an export of all 40 checks (" int(catalogue / 1024) " KiB; a run against a closed port)"
        label["diff-full"] = "`diff` of the full export at both redaction levels"
        label["refuse-bomb"] = "zip bomb refused: 75 MiB of zeros in " int(bomb / 1024) " KiB, over the 64 MiB total"
        label["refuse-claim"] = "an entry claiming 2 GiB, refused from its header"
        label["help"] = "baseline: `gitlab-jira-doctor-cli --version`"
    }
    { printf "| %s | %s ms | %.1f MiB |\n", label[$1], $2, $3 / 1024 }' <<<"$results")

echo "$table"
if [[ -n $DOCS ]]; then
    python3 - "$DOCS" "$RUNS" "$table" <<'PY'
import re, sys, datetime
path, runs, table = sys.argv[1], sys.argv[2], sys.argv[3]
text = open(path).read()
section = (f"## Reading exports (bench/export-benchmark.sh) — {datetime.date.today()}\n\n"
           f"Release build, median of {runs} runs each; wall time of the whole process, peak RSS.\n\n"
           "| command | wall | peak RSS |\n|---|---|---|\n" + table + "\n\n"
           "Everything is within a few milliseconds of starting the program (`--version`): reading "
           "is bounded by the export's size, and hostile archives are refused from their headers "
           "before anything is unpacked (the sum of the sizes the headers claim may not exceed "
           "64 MiB, and unpacking stops at a header's claim).\n")
pattern = re.compile(r"## Reading exports \(bench/export-benchmark\.sh\).*?(?=\n## |\Z)", re.S)
text = pattern.sub(section.rstrip("\n"), text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + section
open(path, "w").write(text if text.endswith("\n") else text + "\n")
PY
fi
