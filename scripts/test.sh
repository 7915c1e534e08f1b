#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds with warnings as errors and AddressSanitizer/UBSan (as CI
# does), and runs every test: unit, integration (real nginx and openssl), GUI (offscreen),
# packaging. Set GJD_SANITIZE=OFF for a faster plain build.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${BUILD_DIR:-"$root/build-test"}
sanitize=${GJD_SANITIZE:-ON}

bash "$root/scripts/install-deps.sh"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
    -DGJD_WERROR=ON -DGJD_SANITIZE="$sanitize" >/dev/null
cmake --build "$build"

# LeakSanitizer: libdbus keeps a small allocation until exit on purpose (tests/lsan.supp).
export LSAN_OPTIONS="suppressions=$root/tests/lsan.supp:print_suppressions=0"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
ctest --test-dir "$build" --output-on-failure -j2 --timeout 300
