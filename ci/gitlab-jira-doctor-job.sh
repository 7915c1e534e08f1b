#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The script of the GitLab CI job in ci/gitlab-jira-doctor.gitlab-ci.yml: installs the
# gitlab-jira-doctor-cli package when the image does not have the program yet, checks an instance,
# and leaves a JUnit report and a troubleshooting export for the job's artifacts. Exits with the
# check's exit code (0 no failure, 1 failures, 2 bad input, 3 internal error), after printing the
# report into the job log.
#
#   GJD_URL       the instance to check (required)
#   GJD_CLI_DEB   the gitlab-jira-doctor-cli .deb to install (only when the program is missing)
#   GJD_OPTIONS   more options for check, such as "--public-url https://gitlab.example.com"
#   GJD_OUTPUT    file name stem of the artifacts (default gitlab-jira-doctor: .xml and .zip)
#   GITLAB_TOKEN  optional, as a masked CI/CD variable: adds the GitLab settings checks
set -euo pipefail
url=${GJD_URL:?set GJD_URL to the instance to check}
output=${GJD_OUTPUT:-gitlab-jira-doctor}

if ! command -v gitlab-jira-doctor-cli >/dev/null; then
    deb=${GJD_CLI_DEB:?set GJD_CLI_DEB to the gitlab-jira-doctor-cli .deb (the program is not installed)}
    case $deb in /*) ;; *) deb=./$deb ;; esac # apt installs a file only when given as a path
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$deb" >/dev/null
fi

status=0
# shellcheck disable=SC2086 # GJD_OPTIONS is a list of options
gitlab-jira-doctor-cli check "$url" --format junit --output "$output.xml" --export "$output.zip" \
    ${GJD_OPTIONS:-} || status=$?
# The same findings as text in the job log, read back from the export.
if [ -s "$output.zip" ]; then
    gitlab-jira-doctor-cli show "$output.zip" || true
fi
exit "$status"
