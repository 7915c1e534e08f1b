#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what building and running needs (no test tools, no web server), builds the desktop
# program and the command-line program (no tests), and starts the desktop program. Extra
# arguments go to it. To install the programs instead, see "Install" in README.md.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${BUILD_DIR:-"$root/build"}

bash "$root/scripts/install-deps.sh" --run
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGJD_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" --target gitlab-jira-doctor gjd-pages gitlab-jira-doctor-cli

# Without a display Qt can only abort ("could not connect to display", "Reinstalling the
# application may fix this problem"): say what to do instead.
if [[ -z ${DISPLAY:-} && -z ${WAYLAND_DISPLAY:-} && -z ${QT_QPA_PLATFORM:-} ]]; then
    cat >&2 <<MSG
run.sh: built, but this session has no display for the desktop program (neither DISPLAY nor
WAYLAND_DISPLAY is set). Start it from a desktop session or over "ssh -X", or use the
command-line program, which needs none:

  $build/src/cli/gitlab-jira-doctor-cli check https://gitlab.example.com
MSG
    exit 1
fi
exec "$build/src/app/gitlab-jira-doctor" "$@"
