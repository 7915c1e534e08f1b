#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# usage: help_test.sh CLI COMPLETION
# `help COMMAND` prints what `COMMAND --help` prints (exit 0), `help` alone the top-level help, and
# `help` with an unknown command one precise line on stderr (exit 2). The bash completion offers
# help, and the commands after it.
set -euo pipefail
cli=$1
completion=$2
fail() { echo "help_test: $*" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf -- "$work"' EXIT

top=$("$cli" --help)
[ "$("$cli" help)" = "$top" ] || fail "help differs from --help"
for command in check configure show diff; do
    expected=$("$cli" "$command" --help)
    got=$("$cli" help "$command") || fail "help $command: exit $?"
    [ "$got" = "$expected" ] || fail "help $command differs from $command --help:"$'\n'"$(diff <(echo "$expected") <(echo "$got"))"
    grep -q "^Usage: gitlab-jira-doctor-cli $command " <<<"$got" || fail "help $command: no usage line of $command"
done
[ "$("$cli" help help)" = "$top" ] || fail "help help differs from --help"

code=0
"$cli" help nonsense >"$work/out" 2>"$work/err" || code=$?
out=$(cat "$work/out")
err=$(cat "$work/err")
[ "$code" = 2 ] || fail "help nonsense: exit $code, expected 2"
[ -z "$out" ] || fail "help nonsense wrote to stdout: $out"
[ "$(wc -l <<<"$err")" = 1 ] || fail "help nonsense: not one line on stderr: $err"
grep -q '"nonsense"' <<<"$err" || fail "help nonsense does not name the command: $err"
grep -q 'check, configure, show' <<<"$err" || fail "help nonsense does not list the commands: $err"

# shellcheck disable=SC1090
source "$completion"
complete_words() { # WORD...: what completes the last word of "gitlab-jira-doctor-cli WORD..."
    COMP_WORDS=(gitlab-jira-doctor-cli "$@")
    COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
    COMPREPLY=()
    _gitlab_jira_doctor_cli
    printf '%s\n' "${COMPREPLY[@]}" | sort
}
[ "$(complete_words he)" = help ] || fail "he does not complete to help"
[ "$(complete_words help '')" = $'check\nconfigure\ndiff\nshow' ] || fail "help offers: $(complete_words help '')"
[ -z "$(complete_words help check '')" ] || fail "help check offers more: $(complete_words help check '')"
echo "help_test: ok"
