#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# usage: check-translations.sh LUPDATE SOURCE_DIR TS_FILE...
# Fails when a .ts file is not in sync with the sources (a string was added, changed or removed
# without running the update_translations target) or holds an unfinished translation.
set -euo pipefail
lupdate=$1
src=$2
shift 2
tmp=$(mktemp -d)
trap 'rm -rf -- "$tmp"' EXIT
status=0
for ts in "$@"; do
    copy="$tmp/$(basename "$ts")"
    cp -- "$ts" "$copy"
    # The English .ts holds only the plural forms of the source language.
    plurals=()
    case $ts in *_en.ts) plurals=(-pluralonly) ;; esac
    (cd "$src" && "$lupdate" -silent -locations none -no-obsolete "${plurals[@]}" src ui -ts "$copy") >/dev/null
    if ! diff -u "$ts" "$copy" >"$tmp/diff"; then
        echo "$ts is out of date: build the update_translations target and translate the new strings:" >&2
        grep -E '^[-+] *<source>' "$tmp/diff" | head -40 >&2 || true
        status=1
    fi
    if grep -q 'type="unfinished"' "$copy"; then
        echo "$ts has unfinished translations:" >&2
        grep -B2 'type="unfinished"' "$copy" | grep '<source>' | head -40 >&2 || true
        status=1
    fi
done
exit $status
