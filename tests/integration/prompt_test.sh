#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# usage: prompt_test.sh CLI
# The token prompt on a real terminal (a pty from script(1)): the prompt shows, the typed token
# is not echoed and reaches the run, and it appears nowhere in what the terminal shows. A run whose
# checks need no token (--only tls.) asks for none.
set -euo pipefail
cli=$1
secret='glpat-TYPED-SECRET-0042'
out=$(mktemp)
trap 'rm -f "$out"' EXIT
unset GITLAB_TOKEN JIRA_API_TOKEN

fail() { echo "prompt_test: $*" >&2; echo "--- terminal ---" >&2; cat "$out" >&2; exit 1; }

# Type the token a moment after start, once the prompt has turned echo off.
(sleep 1; printf '%s\n' "$secret"; sleep 1) |
    script -q -e -c "\"$cli\" check https://localhost:1 --only gitlab.token --timeout 2" /dev/null >"$out" 2>&1 || true
grep -q 'GitLab administrator token' "$out" || fail "no prompt shown"
grep -q "$secret" "$out" && fail "the token was echoed or printed"
grep -q 'gitlab.token' "$out" || fail "no report"
grep -q 'No administrator token given' "$out" && fail "the typed token did not reach the run"

# No selected check reads the GitLab API or Jira: no prompt, and the run does not wait for one
# (what is typed is never read).
for selection in 'tls.' 'network,tls' 'connect.lifecycle'; do
    (sleep 1; printf '%s\n' "$secret"; sleep 1) |
        script -q -e -c "\"$cli\" check https://localhost:1 --only $selection --timeout 2 --jira-site https://example.atlassian.net --jira-email admin@example.com" /dev/null >"$out" 2>&1 || true
    grep -q 'GitLab administrator token for\|Jira API token of' "$out" && fail "--only $selection: a token prompt, though no selected check needs a token"
    grep -q 'tls.handshake' "$out" || fail "--only $selection: no report"
done
# A Jira check alone asks for the Jira API token, not for GitLab's.
(sleep 1; printf '\n'; sleep 1) |
    script -q -e -c "\"$cli\" check https://localhost:1 --only jira.auth --timeout 2 --jira-site https://example.atlassian.net --jira-email admin@example.com" /dev/null >"$out" 2>&1 || true
grep -q 'GitLab administrator token' "$out" && fail "--only jira.auth: asked for the GitLab token"
grep -q 'Jira API token of admin@example.com' "$out" || fail "--only jira.auth: no Jira token prompt"
echo "prompt_test: ok"
