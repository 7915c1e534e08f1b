#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# usage: keychain_test.sh TST_KEYCHAIN
# Runs the keychain test against a real Secret Service (gnome-keyring in its own D-Bus session,
# with a private HOME and unlocked with a throw-away password), then once with no session bus.
set -euo pipefail
test_binary=$1
home=$(mktemp -d)
runtime=$(mktemp -d)
trap 'rm -rf -- "$home" "$runtime"' EXIT
export HOME=$home XDG_RUNTIME_DIR=$runtime XDG_DATA_HOME=$home/.local/share XDG_CONFIG_HOME=$home/.config
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME"

GJD_KEYCHAIN=available dbus-run-session -- bash -c '
    set -euo pipefail
    printf "throwaway-password" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    exec "$0"
' "$test_binary"

# No Secret Service reachable: the store must say so and write nothing.
GJD_KEYCHAIN=unavailable DBUS_SESSION_BUS_ADDRESS="unix:path=$runtime/no-such-bus" "$test_binary"
