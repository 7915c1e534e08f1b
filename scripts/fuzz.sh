#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Fuzzes one target of tests/fuzz with libFuzzer for SECONDS (default 60):
#
#   scripts/fuzz.sh [--target NAME] [SECONDS] [libFuzzer args…]
#
# NAME is export_reader (the default), http_response, url_input, chain_analysis or descriptor
# (tests/fuzz/fuzz_NAME.cpp). Builds the clang configuration with GJD_FUZZ=ON in build-fuzz (only
# the two programs it needs: fuzz_NAME and make_corpus), writes the seed corpus, and runs the
# target. What the fuzzer learns is kept in build-fuzz/corpus/NAME for the next run; crashes,
# leaks and timeouts land in build-fuzz/crashes as NAME-crash-…, NAME-leak-…, NAME-timeout-…
# (reproduce one with: build-fuzz/tests/fuzz/fuzz_NAME build-fuzz/crashes/NAME-crash-…).
# Extra arguments go to libFuzzer (e.g. -jobs=2 -workers=2).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${BUILD_DIR:-"$root/build-fuzz"}
targets=(export_reader http_response url_input chain_analysis descriptor)

usage() {
    echo "usage: $0 [--target NAME] [SECONDS] [libFuzzer args…]; NAME: ${targets[*]}" >&2
    exit 2
}
target=export_reader
case "${1:-}" in
    --target) [[ $# -ge 2 ]] || usage; target=$2; shift 2 ;;
    --target=*) target=${1#--target=}; shift ;;
    -h | --help) usage ;;
esac
[[ " ${targets[*]} " == *" $target "* ]] || usage
seconds=60
if [[ ${1:-} =~ ^[0-9]+$ ]]; then
    seconds=$1
    shift
fi

# The largest input each target gets: big enough for its caps (the export reader's 1 MiB report,
# the parser's 64 KiB header section and body cap, a chain of some hundred certificates).
case "$target" in
    export_reader) max_len=1048576 ;;
    http_response) max_len=262144 ;;
    chain_analysis) max_len=300000 ;;
    descriptor) max_len=65536 ;;
    url_input) max_len=4096 ;;
esac

bash "$root/scripts/install-deps.sh"
if ! command -v clang++ >/dev/null; then
    echo "fuzz.sh needs clang and the libFuzzer runtime: apt-get install clang libclang-rt-14-dev" >&2
    exit 1
fi
# Tests stay on: the seed corpus comes from tests/fuzz/make_corpus.
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DGJD_FUZZ=ON -DGJD_BUILD_GUI=OFF -DGJD_BUILD_TESTS=ON >/dev/null
cmake --build "$build" --target "fuzz_$target" make_corpus

seeds="$build/tests/fuzz/seeds"
corpus="$build/corpus/$target"
crashes="$build/crashes"
mkdir -p "$corpus" "$crashes"
# Until there were several targets, build-fuzz/corpus was the export reader's corpus.
if [[ $target == export_reader ]]; then
    find "$build/corpus" -maxdepth 1 -type f -exec mv -t "$corpus" {} +
fi
export ASAN_OPTIONS="detect_leaks=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
"$build/tests/fuzz/make_corpus" "$seeds"
# New inputs go to the first directory (corpus); the seeds are only read.
exec "$build/tests/fuzz/fuzz_$target" -max_total_time="$seconds" -max_len="$max_len" \
    -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 -artifact_prefix="$crashes/$target-" \
    "$@" "$corpus" "$seeds/$target"
