#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The manual pages (docs/man, rendered by the build): man(1) shows them without a warning, and
# every option of every command's --help is in them.
#   man_test.sh MAN_DIR CLI [GUI]
set -euo pipefail
man_dir=$1
cli=$2
gui=${3:-}
fail() { echo "FAIL: $*" >&2; exit 1; }

render() { # PAGE: the page as man shows it, warnings to stderr
    MANWIDTH=100 man --warnings -E UTF-8 -l "$man_dir/$1.1.gz"
}

check_page() { # PAGE PROGRAM [COMMAND...]
    local page=$1 program=$2 text warnings command options
    shift 2
    [ -s "$man_dir/$page.1.gz" ] || fail "$page.1.gz was not built"
    warnings=$(render "$page" 2>&1 >/dev/null || true)
    [ -z "$warnings" ] || fail "man warns about $page(1): $warnings"
    text=$(render "$page" 2>/dev/null)
    grep -q "^NAME" <<<"$text" || fail "$page(1) has no NAME section"
    for command in "$@"; do
        options=$(LC_ALL=C LANG=C LANGUAGE= QT_QPA_PLATFORM=offscreen "$program" ${command:+"$command"} --help 2>/dev/null |
            grep -oE '^  (-[a-z], )?--[a-z-]+' | grep -oE -- '--[a-z-]+')
        [ -n "$options" ] || fail "$program $command --help lists no options"
        for option in $options; do
            grep -qF -- "$option" <<<"$text" || fail "$page(1) does not mention $option (${command:-the program})"
        done
    done
    echo "$page(1): ok"
}

check_page gitlab-jira-doctor-cli "$cli" check configure show diff
if [ -n "$gui" ]; then
    check_page gitlab-jira-doctor "$gui" ""
fi
echo PASS
