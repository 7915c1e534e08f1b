#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the Debian (bookworm) packages GitLab Jira Doctor needs. Only what is missing is
# installed; safe to run again.
#
#   scripts/install-deps.sh          everything: build, run and test (scripts/test.sh)
#   scripts/install-deps.sh --run    only what building and running the programs needs
#                                    (scripts/run.sh): no web server, no test tools
set -euo pipefail

run_packages=(
    # build
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-svg-dev qtkeychain-qt6-dev libquazip1-qt6-dev libssl-dev libgl-dev
    scdoc # the manual pages (docs/man)
    # run
    qt6-translations-l10n qt6-qpa-plugins libqt6svg6 libsecret-1-0 ca-certificates fonts-dejavu-core
)
test_packages=(
    # build the tests and the package
    qt6-httpserver-dev qt6-websockets-dev dpkg-dev file
    # test
    xvfb xauth dbus gnome-keyring nginx openssl curl python3 python3-jsonschema
    desktop-file-utils appstream clang-format time faketime devscripts lintian
    xdotool x11-utils # packaging_test.sh: the window's WM_CLASS on Xvfb
    tinyproxy-bin # tests/integration/proxy_test.sh: a real HTTP proxy (CONNECT, 407)
    # tests/integration/interception_test.sh: a proxy that inspects TLS (ssl-bump). On a machine
    # with systemd the package also starts squid on port 3128; `systemctl disable --now squid`
    squid-openssl
    # tests/integration/monitoring_test.sh: the OpenMetrics output read by real consumers
    # (prometheus_client's parsers, node_exporter's textfile collector, promtool for the alert
    # rules); on a machine with systemd these packages start their services
    python3-prometheus-client python3-yaml prometheus prometheus-node-exporter
    systemd # systemd-analyze verify: the timer and service of docs/monitoring/
    # tests/oracles: Ruby's Net::HTTP (GitLab.com) and Java 17's JSSE (Jira Cloud) as real TLS
    # clients; a JDK, not a JRE: `java JsseOracle.java` needs the jdk.compiler module
    ruby openjdk-17-jdk-headless
)

case "${1:-}" in
    "") packages=("${run_packages[@]}" "${test_packages[@]}") ;;
    --run) packages=("${run_packages[@]}") ;;
    *) echo "install-deps.sh: unknown option $1 (use --run, or nothing)" >&2; exit 2 ;;
esac

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
        missing+=("$p")
    fi
done
if ((${#missing[@]} == 0)); then
    exit 0
fi

sudo=()
if ((EUID != 0)); then
    sudo=(sudo)
fi
echo "Installing: ${missing[*]}" >&2
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
