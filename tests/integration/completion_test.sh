#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The bash completion (packaging/gitlab-jira-doctor-cli.bash-completion) against the program:
# each command's options are exactly those of its --help, and values and files complete.
#   completion_test.sh COMPLETION CLI
set -euo pipefail
completion=$1
cli=$2
fail() { echo "FAIL: $*" >&2; exit 1; }

# shellcheck disable=SC1090
source "$completion"

# complete WORD...: the completions offered for the last word of "gitlab-jira-doctor-cli WORD...".
complete_words() {
    COMP_WORDS=(gitlab-jira-doctor-cli "$@")
    COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
    COMPREPLY=()
    _gitlab_jira_doctor_cli
    printf '%s\n' "${COMPREPLY[@]}" | sort
}

for command in check configure show diff; do
    from_help=$(LC_ALL=C LANG=C LANGUAGE= "$cli" "$command" --help 2>&1 |
        grep -oE '^  (-h, )?--[a-z-]+' | sed 's/-h, //; s/ //g' | sort)
    [ -n "$from_help" ] || fail "$command --help lists no options"
    completed=$(complete_words "$command" --)
    [ "$completed" = "$from_help" ] ||
        fail "$command: the completion offers other options than --help:"$'\n'"$(diff <(echo "$from_help") <(echo "$completed"))"
done

[ "$(complete_words ch)" = check ] || fail "ch does not complete to check"
[ "$(complete_words d)" = diff ] || fail "d does not complete to diff"
complete_words check --format '' | grep -qx html || fail "check --format does not offer html"
complete_words check --format '' | grep -qx json || fail "check --format does not offer json"
[ "$(complete_words diff --format '')" = $'json\ntext' ] || fail "diff --format: $(complete_words diff --format '')"
[ "$(complete_words check --method m)" = $'manual\nmarketplace' ] || fail "check --method m"
complete_words configure --method '' | grep -qx auto && fail "configure --method offers auto, which configure refuses"
[ "$(complete_words check --redact i)" = identities ] || fail "check --redact i"
[ -z "$(complete_words check https://gitlab.example.com --timeout '')" ] || fail "--timeout completes something"

work=$(mktemp -d)
trap 'rm -rf -- "$work"' EXIT
touch "$work/old.zip" "$work/report.json" "$work/notes.txt"
mkdir "$work/exports"
cd "$work"
[ "$(complete_words show '')" = $'exports\nold.zip\nreport.json' ] || fail "show offers: $(complete_words show '')"
complete_words check --output '' | grep -qx notes.txt || fail "--output does not complete files"
echo PASS
