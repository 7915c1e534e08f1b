#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The script of the scheduled job in ci/gitlab-jira-doctor-fleet.gitlab-ci.yml: installs the
# gitlab-jira-doctor-cli package when the image does not have the program yet, checks every
# instance of the targets file, prints the fleet summary into the job log, and leaves for the
# artifacts: JUnit (one test suite per instance), the fleet report as JSON, and one report and
# one troubleshooting export per instance. Exits with the fleet's exit code (0 no failure,
# 1 an instance fails, 2 a line of the file cannot be used, 3 a check could not run).
#
#   GJD_TARGETS   the targets file (default gitlab-jira-doctor-targets.txt)
#   GJD_CLI_DEB   the gitlab-jira-doctor-cli .deb to install (only when the program is missing)
#   GJD_OPTIONS   more options for check, such as "--parallel 8 --timeout 20"
#   GJD_OUTPUT    file name stem of the artifacts (default gitlab-jira-doctor-fleet)
set -euo pipefail
targets=${GJD_TARGETS:-gitlab-jira-doctor-targets.txt}
output=${GJD_OUTPUT:-gitlab-jira-doctor-fleet}
[ -f "$targets" ] || { echo "gitlab-jira-doctor-fleet-job.sh: no targets file $targets (set GJD_TARGETS)" >&2; exit 2; }

if ! command -v gitlab-jira-doctor-cli >/dev/null; then
    deb=${GJD_CLI_DEB:?set GJD_CLI_DEB to the gitlab-jira-doctor-cli .deb (the program is not installed)}
    case $deb in /*) ;; *) deb=./$deb ;; esac # apt installs a file only when given as a path
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$deb" >/dev/null
fi

# One token for the whole list would reach every instance: the fleet job runs without one.
unset GITLAB_TOKEN
mkdir -p "$output"
status=0
# shellcheck disable=SC2086 # GJD_OPTIONS is a list of options
gitlab-jira-doctor-cli check --targets "$targets" --format json --output "$output.json" \
    --output-dir "$output" ${GJD_OPTIONS:-} || status=$?
if [ -s "$output.json" ]; then
    # The JUnit and text views of the same run, from the fleet report (no second run).
    gitlab-jira-doctor-cli show "$output.json" --format junit --output "$output.xml" || true
    gitlab-jira-doctor-cli show "$output.json" || true
fi
exit "$status"
