#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Fuzzes the export reader with libFuzzer for SECONDS (default 60): builds the clang
# configuration with GJD_FUZZ=ON in build-fuzz (only the two programs it needs), writes the seed
# corpus, and runs tests/fuzz/fuzz_export_reader.cpp. What the fuzzer learns is kept in
# build-fuzz/corpus for the next run; crashes, leaks and timeouts land in build-fuzz/crashes
# (reproduce one with: build-fuzz/tests/fuzz/fuzz_export_reader build-fuzz/crashes/crash-…).
# Extra arguments go to libFuzzer (e.g. -jobs=2 -workers=2).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${BUILD_DIR:-"$root/build-fuzz"}
seconds=${1:-60}
shift || true

bash "$root/scripts/install-deps.sh"
if ! command -v clang++ >/dev/null; then
    echo "fuzz.sh needs clang and the libFuzzer runtime: apt-get install clang libclang-rt-14-dev" >&2
    exit 1
fi
# Tests stay on: the seed corpus comes from tests/fuzz/make_corpus.
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DGJD_FUZZ=ON -DGJD_BUILD_GUI=OFF -DGJD_BUILD_TESTS=ON >/dev/null
cmake --build "$build" --target fuzz_export_reader make_corpus

seeds="$build/tests/fuzz/seeds"
corpus="$build/corpus"
crashes="$build/crashes"
mkdir -p "$corpus" "$crashes"
export ASAN_OPTIONS="detect_leaks=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
"$build/tests/fuzz/make_corpus" "$seeds"
# New inputs go to the first directory (corpus); the seeds are only read.
exec "$build/tests/fuzz/fuzz_export_reader" -max_total_time="$seconds" -max_len=1048576 \
    -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 -artifact_prefix="$crashes/" \
    "$@" "$corpus" "$seeds"
