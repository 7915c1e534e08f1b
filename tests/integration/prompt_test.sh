#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# usage: prompt_test.sh CLI
# The token prompt on a real terminal (a pty from script(1)): the prompt shows, the typed token
# is not echoed and reaches the run, and it appears nowhere in what the terminal shows.
set -euo pipefail
cli=$1
secret='glpat-TYPED-SECRET-0042'
out=$(mktemp)
trap 'rm -f "$out"' EXIT
unset GITLAB_TOKEN
# Type the token a moment after start, once the prompt has turned echo off.
(sleep 1; printf '%s\n' "$secret"; sleep 1) |
    script -q -e -c "\"$cli\" check https://localhost:1 --only gitlab.token --timeout 2" /dev/null >"$out" 2>&1 || true

fail() { echo "prompt_test: $*" >&2; echo "--- terminal ---" >&2; cat "$out" >&2; exit 1; }
grep -q 'GitLab administrator token' "$out" || fail "no prompt shown"
grep -q "$secret" "$out" && fail "the token was echoed or printed"
grep -q 'gitlab.token' "$out" || fail "no report"
grep -q 'No administrator token given' "$out" && fail "the typed token did not reach the run"
echo "prompt_test: ok"
