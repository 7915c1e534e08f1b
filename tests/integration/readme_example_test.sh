#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The README's example report is the CLI's real output: the scenario it describes (the fake
# GitLab behind a real nginx, a Jira Connect Proxy URL saved with a trailing slash, an
# Application ID that belongs to no OAuth application) is run, and the README's lines must be
# the output's, apart from the port (18443 in the README) and the run's duration. The lines the
# README cuts ("…") must be there in the output.
#   readme_example_test.sh CLI FAKE_GITLAB PKI_DIR README
cli=$1
fake=$2
pki=$(cd "$3" && pwd)
readme=$4
. "$(dirname "$0")/testlib.sh" readme
command -v python3 >/dev/null || fail "python3 is missing (scripts/install-deps.sh installs it)"

web=$(free_port)
backend=$(free_port)
token=glpat-readme-example-0000
FAKE_GITLAB_TOKEN=$token FAKE_GITLAB_PROXY_URL=https://gitlab.com/ FAKE_GITLAB_APPLICATION_KEY=0b5e3f2a9c \
    "$fake" --port "$backend" --external-url "https://gitlab.test:$web" >"$tmp/fake.log" 2>&1 &
pids+=($!)
start_nginx "    server {
        listen 127.0.0.1:$web ssl;
        ssl_certificate $pki/full.pem;
        ssl_certificate_key $pki/full.key;
        location / { proxy_pass http://127.0.0.1:$backend; proxy_set_header Host \$host:\$server_port; }
    }"
wait_port "$backend"; wait_port "$web"

status=0
env -u https_proxy -u HTTPS_PROXY -u ALL_PROXY -u all_proxy GITLAB_TOKEN=$token \
    "$cli" check "https://gitlab.test:$web" --resolve "gitlab.test:$web:127.0.0.1" --trust-store "$pki/trust.pem" \
    >"$tmp/out.txt" 2>"$tmp/err.txt" || status=$?
[ "$status" = 1 ] || { cat "$tmp/err.txt" >&2; fail "exit code $status, the README says 1"; }
! grep -q "$token" "$tmp/out.txt" "$tmp/err.txt" || fail "the token reached the output"

python3 - "$readme" "$tmp/out.txt" "$web" <<'PY'
import difflib, re, sys
readme, out, port = sys.argv[1], sys.argv[2], sys.argv[3]
text = open(readme, encoding="utf-8").read()
m = re.search(r"A real report .*?```text\n(.*?)```", text, re.S)
if not m:
    sys.exit("FAIL: no example report (\"A real report … ```text\") in " + readme)
example = m.group(1).splitlines()
duration = re.compile(r"\(\d+ ms\)$")
def normal(line):
    return duration.sub("(N ms)", line.replace(":" + port, ":18443"))
real = [normal(l) for l in open(out, encoding="utf-8").read().splitlines()]
example = [duration.sub("(N ms)", l) for l in example]
if example.count("…") != 1:
    sys.exit("FAIL: the example should cut once, with a line \"…\"")
cut = example.index("…")
head, tail = example[:cut], example[cut + 1:]
def compare(want, got, where):
    if want != got:
        diff = "\n".join(difflib.unified_diff(want, got, "README.md", "real output", lineterm=""))
        sys.exit(f"FAIL: the README's example differs from the real output ({where}):\n{diff}")
compare(head, real[:len(head)], "before the cut")
compare(tail, real[len(real) - len(tail):], "after the cut")
if len(real) <= len(head) + len(tail):
    sys.exit("FAIL: the output has nothing where the README cuts")
PY
echo PASS
