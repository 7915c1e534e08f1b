#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Cold start of the desktop program against the smallest Qt Widgets program (a script, not a test:
# it never fails on numbers, only on a broken set-up). Issue 13 set the goal: the main window is on
# screen at most 1.5 times later than an empty QMainWindow.
#
#   bench/cold-start.sh                       # builds in build-bench-gui/ (Release), 15 runs each
#   RUNS=25 BUILD_DIR=build-mine bench/cold-start.sh
#   APP=/path/to/gitlab-jira-doctor BASE=/path/to/an-older-build DOCS= bench/cold-start.sh
#
# Per platform (offscreen, and xcb on a private Xvfb when Xvfb is installed), after one unrecorded
# warm-up each, RUNS rounds; each round runs every program once, in a rotating order:
#   app      gitlab-jira-doctor with GJD_BENCH_EXIT=shown
#   base     BASE, the same for another build (optional: a before/after comparison)
#   minimal  bench/minimal-widgets.cpp (a QMainWindow with a label), built here with the same Qt
#   linked   the same minimal program, also linked (--no-as-needed) with every library the program
#            names in its ELF file (readelf -d): what the libraries alone cost, so that the rest is
#            the program's own start-up work. Since the pages and the core became a module loaded
#            after the first paint (src/gui/pagehost.h), that is Qt Widgets and what it pulls in.
# A run lasts from bash's $EPOCHREALTIME just before the program starts to the moment the program
# prints "gjd-bench shown <µs>": its window's first expose has been handled, so it is painted
# (under Xvfb: mapped by the server). Exiting is not counted. Each run gets a fresh HOME (no saved
# settings) and LANG=C.UTF-8. Medians are reported, with the ratio to the minimal program's median,
# and the median of the per-round ratios (program / minimal program of the same round): on a
# shared virtual machine whose speed drifts, the per-round ratio is the steadier number.
#
# Environment:
#   APP        the program to measure (default: build it in BUILD_DIR)
#   BASE       a second build of the program to compare with (default: none)
#   BUILD_DIR  default <repo>/build-bench-gui (the directory bench/gui-benchmark.sh uses)
#   RUNS       recorded rounds per platform (default 15)
#   PLATFORMS  default "offscreen xcb" (xcb is skipped without Xvfb)
#   DOCS       Markdown file whose generated block to update (default <repo>/docs/benchmarks.md;
#              empty = print only)
set -euo pipefail
export LC_ALL=C

here=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd -- "$here/.." && pwd)
RUNS=${RUNS:-15}
BUILD_DIR=${BUILD_DIR:-$repo/build-bench-gui}
DOCS=${DOCS-$repo/docs/benchmarks.md}
PLATFORMS=${PLATFORMS:-offscreen xcb}

die() { echo "cold-start: $*" >&2; exit 1; }
note() { echo "cold-start: $*" >&2; }
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive integer"
for tool in g++ pkg-config timeout awk; do command -v "$tool" >/dev/null || die "$tool not found"; done

work=$(mktemp -d "${TMPDIR:-/tmp}/gjd-cold-start.XXXXXX")
xvfb_pid=
cleanup() {
    local rc=$?
    [[ -n $xvfb_pid ]] && { kill -TERM "$xvfb_pid" 2>/dev/null || true; wait "$xvfb_pid" 2>/dev/null || true; }
    rm -rf -- "$work"
    exit "$rc"
}
trap cleanup EXIT

if [[ -z ${APP:-} ]]; then
    note "building in $BUILD_DIR"
    { cmake -S "$repo" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release &&
        ninja -C "$BUILD_DIR" gitlab-jira-doctor; } >"$work/build.log" 2>&1 ||
        { tail -n 30 "$work/build.log" >&2; die "build failed"; }
    APP=$BUILD_DIR/src/app/gitlab-jira-doctor
fi
[[ -x $APP ]] || die "APP is not executable: $APP"
[[ -z ${BASE:-} || -x $BASE ]] || die "BASE is not executable: $BASE"
# shellcheck disable=SC2046
g++ -std=c++17 -O2 -fPIC "$here/minimal-widgets.cpp" -o "$work/minimal" $(pkg-config --cflags --libs Qt6Widgets) ||
    die "cannot build the minimal program"
# "linked": the minimal program with every library the program itself names (its NEEDED entries;
# the pages' module with QtNetwork, OpenSSL, QtKeychain and QuaZip comes after the first paint).
command -v readelf >/dev/null || die "readelf not found (binutils)"
mapfile -t needed < <(readelf -d "$APP" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | grep -v -e '^libc\.so' -e '^libm\.so' -e '^ld-linux')
(( ${#needed[@]} > 0 )) || die "readelf found no NEEDED entries in $APP"
linked_libs=()
for library in "${needed[@]}"; do linked_libs+=("-l:$library"); done
# shellcheck disable=SC2046
g++ -std=c++17 -O2 -fPIC "$here/minimal-widgets.cpp" -o "$work/linked" -Wl,--no-as-needed \
    $(pkg-config --cflags --libs Qt6Widgets) "${linked_libs[@]}" ||
    die "cannot build the minimal program with the program's libraries"
note "linked with: ${needed[*]}"

names=(app minimal linked)
declare -A program=([app]=$APP [minimal]=$work/minimal [linked]=$work/linked)
if [[ -n ${BASE:-} ]]; then
    names=(app base minimal linked)
    program[base]=$BASE
fi

now_us() { echo "${EPOCHREALTIME/./}"; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# run PLATFORM NAME: one measured start; appends the µs to $work/PLATFORM-NAME.txt
run() {
    local platform=$1 name=$2 start shown home
    home=$(mktemp -d "$work/home.XXXXXX")
    start=$(now_us)
    HOME=$home XDG_CONFIG_HOME=$home/.config LANG=C.UTF-8 QT_QPA_PLATFORM=$platform GJD_BENCH_EXIT=shown \
        timeout 60 "${program[$name]}" </dev/null >"$work/out.txt" 2>&1 ||
        { cat "$work/out.txt" >&2; die "$name failed on $platform"; }
    shown=$(awk '/^gjd-bench shown / {print $3}' "$work/out.txt" | tail -n 1)
    [[ -n $shown ]] || { cat "$work/out.txt" >&2; die "$name printed no 'gjd-bench shown' on $platform"; }
    echo "$((shown - start))" >>"$work/$platform-$name.txt"
    rm -rf -- "$home"
}

measured=()
for platform in $PLATFORMS; do
    if [[ $platform == xcb ]]; then
        if ! command -v Xvfb >/dev/null; then
            note "Xvfb not installed: xcb skipped"
            continue
        fi
        display=
        for n in $(seq 170 199); do
            [[ -e /tmp/.X11-unix/X$n || -e /tmp/.X$n-lock ]] || { display=:$n; break; }
        done
        [[ -n $display ]] || die "no free X display"
        Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
        xvfb_pid=$!
        for ((i = 0; i < 100; i++)); do [[ -e /tmp/.X11-unix/X${display#:} ]] && break; sleep 0.05; done
        export DISPLAY=$display
    fi
    note "$platform: $RUNS rounds of ${names[*]} (after one warm-up each)"
    for name in "${names[@]}"; do run "$platform" "$name"; done
    for name in "${names[@]}"; do : >"$work/$platform-$name.txt"; done
    for ((i = 0; i < RUNS; i++)); do
        # rotate the order so that no program always runs right after another
        for ((k = 0; k < ${#names[@]}; k++)); do
            run "$platform" "${names[$(((i + k) % ${#names[@]}))]}"
        done
    done
    measured+=("$platform")
    if [[ $platform == xcb ]]; then
        kill -TERM "$xvfb_pid" 2>/dev/null || true
        wait "$xvfb_pid" 2>/dev/null || true
        xvfb_pid=
        unset DISPLAY
    fi
done
[[ ${#measured[@]} -gt 0 ]] || die "nothing measured"

# --- report ---------------------------------------------------------------------------------------
ms() { awk -v us="$1" 'BEGIN { printf "%.1f", us / 1000 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
label() {
    case $1 in
        app) echo "gitlab-jira-doctor" ;;
        base) echo "gitlab-jira-doctor, BASE build" ;;
        minimal) echo "minimal Qt Widgets program" ;;
        linked) echo "the same, linked with the program's libraries" ;;
    esac
}
# Per round: the program's time over the minimal program's in the same round (they run back to
# back), so that a slow phase of the machine (another VM's load) hits both; the median of those.
paired() { paste -d ' ' "$1" "$2" | awk '$2 > 0 { print $1 / $2 }' | median_float; }
median_float() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) exit 1; printf "%.2f", (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
table="| platform | program | median (ms) | min (ms) | max (ms) | median / minimal | median / linked | per round / minimal |
|---|---|---:|---:|---:|---:|---:|---:|"
for platform in "${measured[@]}"; do
    min_median=$(median <"$work/$platform-minimal.txt")
    linked_median=$(median <"$work/$platform-linked.txt")
    for name in "${names[@]}"; do
        f=$work/$platform-$name.txt
        med=$(median <"$f")
        lo=$(sort -n "$f" | head -n 1)
        hi=$(sort -n "$f" | tail -n 1)
        table+=$'\n'"| $platform | $(label "$name") | $(ms "$med") | $(ms "$lo") | $(ms "$hi") | $(ratio "$med" "$min_median") | $(ratio "$med" "$linked_median") | $(paired "$f" "$work/$platform-minimal.txt") |"
    done
done
qt=$(pkg-config --modversion Qt6Widgets)
block="<!-- BEGIN bench/cold-start.sh (generated: edit the script, not this block) -->
Qt $qt, $(nproc) CPU(s), $(date -u +%Y-%m-%d), $RUNS rounds per platform, start to the first painted expose.

$table
<!-- END bench/cold-start.sh -->"
echo "$block"
if [[ -n $DOCS ]]; then
    python3 - "$DOCS" "$block" <<'PY'
import re, sys
path, block = sys.argv[1:]
text = open(path).read()
pattern = re.compile(r"<!-- BEGIN bench/cold-start\.sh.*?<!-- END bench/cold-start\.sh -->", re.S)
if pattern.search(text):
    text = pattern.sub(lambda _: block, text)
else:
    text = text.rstrip("\n") + "\n\n## Cold start (issue 13)\n\n" + block + "\n"
open(path, "w").write(text)
PY
    note "updated $DOCS"
fi
