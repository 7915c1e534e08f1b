#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# A fleet (check --targets) against real nginx sites with the test PKI: a healthy chain, a chain
# without its intermediate, a certificate five days from its end, plus a bad line and a
# duplicate in the targets file. The outputs are held to real consumers:
#   - the fleet JSON to docs/fleet.schema.json (each report to docs/report.schema.json);
#   - --format openmetrics to Python's prometheus_client, as OpenMetrics and as the Prometheus
#     text format, to a real node_exporter's textfile collector (no scrape error), and the alert
#     rules of docs/monitoring/ to `promtool test rules` with series taken from that output;
#   - --output-dir's per-instance reports and exports to `show`;
#   - the scheduled pipeline's script (ci/gitlab-jira-doctor-fleet-job.sh) with this CLI;
#   - 60 instances under a low limit of open files.
#   monitoring_test.sh CLI PKI_DIR SOURCE_DIR
cli=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
pki=$(cd "$2" && pwd)
src=$(cd "$3" && pwd)
. "$src/tests/integration/testlib.sh" monitoring
# Debian's Python: python3-prometheus-client and python3-jsonschema are Debian packages.
py=/usr/bin/python3
[ -x "$py" ] || py=python3
for tool in promtool prometheus-node-exporter curl systemd-analyze; do
    command -v "$tool" >/dev/null || fail "$tool is missing (scripts/install-deps.sh installs it)"
done
"$py" -c "import prometheus_client" 2>/dev/null || fail "python3-prometheus-client is missing (scripts/install-deps.sh installs it)"

good=$(free_port); broken=$(free_port); expiring=$(free_port)
site() { # PORT BUNDLE
    printf '    server { listen 127.0.0.1:%s ssl; ssl_certificate %s/%s.pem; ssl_certificate_key %s/%s.key; location / { return 200 "ok\\n"; } }\n' \
        "$1" "$pki" "$2" "$pki" "$2"
}
start_nginx "$(site "$good" full; site "$broken" leaf-only; site "$expiring" expiring)"
wait_port "$good"; wait_port "$broken"; wait_port "$expiring"

# The targets file: each line its own --resolve, a comment, a bad line, a duplicate.
cat >"$tmp/fleet.txt" <<EOF
# the test fleet
https://gitlab.test:$good --resolve gitlab.test:$good:127.0.0.1
https://gitlab.test:$broken --resolve=gitlab.test:$broken:127.0.0.1   # the intermediate went missing
htp:/not-a-url
https://gitlab.test:$expiring --resolve "gitlab.test:$expiring:127.0.0.1"
https://GITLAB.test:$good/
EOF
fleet() { # ARGS...: the fleet with the network and TLS checks, exit code in $status
    status=0
    env -u GITLAB_TOKEN -u https_proxy -u HTTPS_PROXY -u ALL_PROXY -u all_proxy \
        "$cli" check --targets "$tmp/fleet.txt" --only tcp.connect,tls. --trust-store "$pki/trust.pem" \
        --timeout 10 "$@" 2>"$tmp/stderr" || status=$?
}

# 1. JSON: the schema, the summary, the bad lines named, the exit code of a bad line (2).
fleet --format json --output "$tmp/fleet.json" --output-dir "$tmp/reports" --parallel 2
[ "$status" = 2 ] || { cat "$tmp/stderr" >&2; fail "exit code $status with a bad line in the file, not 2"; }
grep -q "fleet.txt, line 4: invalid URL" "$tmp/stderr" || fail "the bad line is not named on stderr: $(cat "$tmp/stderr")"
grep -q "fleet.txt, line 6: the same instance as line 2" "$tmp/stderr" || fail "the duplicate is not named: $(cat "$tmp/stderr")"
"$py" "$src/tests/validate-report.py" "$src/docs/fleet.schema.json" "$tmp/fleet.json" ||
    fail "the fleet report does not follow docs/fleet.schema.json"
"$py" - "$tmp/fleet.json" "$good" "$broken" "$expiring" <<'PY' || fail "the fleet report's content"
import json, sys
fleet = json.load(open(sys.argv[1]))
good, broken, expiring = sys.argv[2:5]
s = fleet["summary"]
assert (s["instances"], s["pass"], s["warn"], s["fail"], s["bad_lines"]) == (3, 1, 1, 1, 2), s
assert s["verdict"] == "fail", s
assert s["failing_checks"][0]["id"] == "tls.chain.complete", s["failing_checks"]
assert s["failing_checks"][0]["urls"] == [f"https://gitlab.test:{broken}"], s["failing_checks"]
assert [i["line"] for i in fleet["instances"]] == [2, 3, 5], fleet["instances"]
assert [b["line"] for b in fleet["bad_lines"]] == [4, 6], fleet["bad_lines"]
assert fleet["parallel"] == 2
verdicts = {r["target"]["url"]: r["summary"]["verdict"] for r in fleet["reports"]}
assert verdicts == {f"https://gitlab.test:{good}": "pass", f"https://gitlab.test:{broken}": "fail",
                    f"https://gitlab.test:{expiring}": "warn"}, verdicts
PY
# --output-dir: a report and an export per instance, named by line and host; show reads them.
for line in 2 3 5; do
    port=$(sed -n "${line}p" "$tmp/fleet.txt" | sed 's/.*gitlab.test:\([0-9]*\).*/\1/')
    stem="$tmp/reports/line-$line-gitlab.test_$port"
    [ -s "$stem.json" ] && [ -s "$stem.zip" ] || { ls -la "$tmp/reports" >&2; fail "no report and export for line $line"; }
    "$py" "$src/tests/validate-report.py" "$src/docs/report.schema.json" "$stem.json" || fail "$stem.json"
    "$cli" show "$stem.zip" >/dev/null || [ $? = 1 ] || fail "show cannot read $stem.zip"
done
[ "$(ls "$tmp/reports" | wc -l)" = 6 ] || fail "--output-dir holds more than the three instances' files: $(ls "$tmp/reports")"

# 2. show: the saved fleet report again, as text and JUnit, with the same exit code.
status=0; "$cli" show "$tmp/fleet.json" >"$tmp/show.txt" || status=$?
[ "$status" = 2 ] || fail "show of the fleet report: exit $status"
grep -q "Failing checks, most common first" "$tmp/show.txt" || fail "no fleet summary in show's text"
grep -q "line 4: invalid URL" "$tmp/show.txt" || fail "show's text does not name the bad line"
grep -q "tls.chain.complete" "$tmp/show.txt" || fail "show's text does not name the failing check"
! grep -q "gitlab.test:$good (line" "$tmp/show.txt" || fail "show's text has a block for the clean instance"
"$cli" show "$tmp/fleet.json" --format junit --output "$tmp/fleet.xml" || true
"$py" - "$tmp/fleet.xml" "$broken" <<'PY' || fail "the fleet's JUnit"
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
suites = root.findall("testsuite")
assert len(suites) == 5, [s.get("name") for s in suites]  # three instances, two bad lines
broken = [s for s in suites if s.get("name") == f"https://gitlab.test:{sys.argv[2]}"][0]
assert broken.find("testcase[@name='tls.chain.complete']/failure") is not None
assert int(root.get("tests")) == sum(int(s.get("tests")) for s in suites)
assert abs(float(root.get("time")) - sum(float(s.get("time")) for s in suites)) < 0.01
assert int(root.get("errors")) >= 2
PY

# 3. OpenMetrics: strict parsers, node_exporter, and the alert rules.
mkdir -p "$tmp/textfile"
fleet --format openmetrics --output "$tmp/textfile/gitlab-jira-doctor.prom"
[ "$status" = 2 ] || fail "openmetrics: exit $status"
"$py" - "$tmp/textfile/gitlab-jira-doctor.prom" "$broken" "$expiring" "$pki/expiring.pem" <<'PY' || fail "the OpenMetrics output"
import subprocess, sys
from prometheus_client.openmetrics.parser import text_string_to_metric_families as openmetrics
from prometheus_client.parser import text_string_to_metric_families as prometheus_text
text = open(sys.argv[1], encoding="utf-8").read()
broken, expiring, pem = sys.argv[2:5]
families = {f.name: f for f in openmetrics(text)}  # strict: raises on any format error
list(prometheus_text(text))  # and what node_exporter's parser reads
status = {(s.labels["instance"], s.labels["check"]): s.value for s in families["gitlab_jira_doctor_check_status"].samples}
assert status[(f"https://gitlab.test:{broken}", "tls.chain.complete")] == 3, status
assert status[(f"https://gitlab.test:{expiring}", "tls.chain.complete")] == 0, status
assert families["gitlab_jira_doctor_certificate_expiry_seconds"].unit == "seconds"
not_after = subprocess.run(["openssl", "x509", "-in", pem, "-noout", "-enddate"], capture_output=True, text=True).stdout
import email.utils
expected = email.utils.parsedate_to_datetime(not_after.split("=", 1)[1].replace("GMT", "+0000")).timestamp()
leaf = [s for s in families["gitlab_jira_doctor_certificate_expiry_seconds"].samples
        if s.labels["instance"] == f"https://gitlab.test:{expiring}" and s.labels["position"] == "0"][0]
assert leaf.value == expected, (leaf, expected)
verdicts = {s.labels["instance"]: s.value for s in families["gitlab_jira_doctor_verdict"].samples}
assert sorted(verdicts.values()) == [0, 2, 3], verdicts
PY

exporter=$(free_port)
prometheus-node-exporter --web.listen-address="127.0.0.1:$exporter" --collector.disable-defaults \
    --collector.textfile --collector.textfile.directory="$tmp/textfile" >"$tmp/exporter.log" 2>&1 &
pids+=($!)
wait_port "$exporter"
curl -sf "http://127.0.0.1:$exporter/metrics" >"$tmp/scrape.txt" || fail "node_exporter does not answer"
grep -q '^node_textfile_scrape_error 0$' "$tmp/scrape.txt" || { grep textfile "$tmp/scrape.txt" "$tmp/exporter.log" >&2; fail "node_exporter could not read the file"; }
grep -q "^gitlab_jira_doctor_check_status{category=\"tls\",check=\"tls.chain.complete\",instance=\"https://gitlab.test:$broken\"} 3$" "$tmp/scrape.txt" ||
    fail "node_exporter does not serve the check status"

promtool check rules "$src/docs/monitoring/gitlab-jira-doctor.rules.yml" >"$tmp/promtool.log" 2>&1 || { cat "$tmp/promtool.log" >&2; fail "promtool check rules"; }
# The series as Prometheus would have scraped them at the run's time (GJD_NOW): promtool's clock
# starts at 0, so timestamps become seconds from the run; values repeat for ten minutes.
"$py" - "$tmp/textfile/gitlab-jira-doctor.prom" "$src/docs/monitoring/gitlab-jira-doctor.rules.yml" \
    "$broken" "$expiring" "${GJD_NOW:?the test suite pins GJD_NOW}" >"$tmp/alerts_test.yml" <<'PY'
import datetime, json, sys
from prometheus_client.openmetrics.parser import text_string_to_metric_families
text, rules, broken, expiring, now = open(sys.argv[1]).read(), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
origin = datetime.datetime.fromisoformat(now.replace("Z", "+00:00")).timestamp()
series = []
for family in text_string_to_metric_families(text):
    for s in family.samples:
        value = s.value - origin if s.name.endswith(("_expiry_seconds", "_timestamp_seconds")) else s.value
        labels = ",".join(f'{k}={json.dumps(v)}' for k, v in sorted(s.labels.items()))
        series.append({"series": f"{s.name}{{{labels}}}", "values": f"{value:g}x10"})
b, e = f"https://gitlab.test:{broken}", f"https://gitlab.test:{expiring}"
def alert(name, labels, summary, description):
    return {"exp_labels": labels, "exp_annotations": {"summary": summary, "description": description}}
chain = {"eval_time": "5m", "alertname": "GitLabJiraChainIncomplete", "exp_alerts": [alert(None,
    {"severity": "critical", "instance": b, "check": "tls.chain.complete", "category": "tls"},
    f"{b} serves an incomplete certificate chain",
    "Jira Cloud and GitLab.com reject the TLS connection. Serve the full chain (nginx ssl_certificate "
    "fullchain.pem; Omnibus nginx['ssl_certificate']). Run gitlab-jira-doctor-cli check "
    f"{b} for the missing issuer.")]}
expiry = {"eval_time": "5m", "alertname": "GitLabJiraCertificateExpiresSoon", "exp_alerts": [alert(None,
    {"severity": "warning", "instance": e}, f"A certificate of {e} expires in under 14 days",
    "Renew it before it ends: once expired, Jira Cloud and GitLab.com refuse the instance and the "
    "GitLab for Jira Cloud app stops syncing.")]}
failing = {"eval_time": "5m", "alertname": "GitLabJiraIntegrationFailing", "exp_alerts": [alert(None,
    {"severity": "warning", "instance": b}, f"{b} fails checks of the GitLab for Jira Cloud app",
    f'Failing checks: gitlab_jira_doctor_check_status{{instance="{b}"}} == 3. Run '
    f"gitlab-jira-doctor-cli check {b} for the remedies.")]}
stale = {"eval_time": "5m", "alertname": "GitLabJiraDoctorStale", "exp_alerts": []}
print(json.dumps({"rule_files": [rules], "evaluation_interval": "1m", "tests": [
    {"interval": "1m", "input_series": series, "alert_rule_test": [chain, expiry, failing, stale]}]}, indent=1))
PY
promtool test rules "$tmp/alerts_test.yml" >"$tmp/promtool.log" 2>&1 || { cat "$tmp/promtool.log" >&2; fail "promtool test rules: the alerts do not fire as documented"; }

# The systemd units of docs/monitoring/ as systemd reads them, with this CLI in ExecStart.
mkdir -p "$tmp/units"
sed "s#/usr/bin/gitlab-jira-doctor-cli#$cli#" "$src/docs/monitoring/gitlab-jira-doctor-fleet.service" \
    >"$tmp/units/gitlab-jira-doctor-fleet.service"
cp "$src/docs/monitoring/gitlab-jira-doctor-fleet.timer" "$tmp/units/"
grep -q "^ExecStart=$cli check --targets" "$tmp/units/gitlab-jira-doctor-fleet.service" || fail "the service does not run check --targets"
(cd "$tmp/units" && systemd-analyze verify ./gitlab-jira-doctor-fleet.service ./gitlab-jira-doctor-fleet.timer) \
    >"$tmp/units/verify.log" 2>&1 || true
[ ! -s "$tmp/units/verify.log" ] || { cat "$tmp/units/verify.log" >&2; fail "systemd-analyze verify complains about the units"; }

# 4. The scheduled pipeline's script, with this CLI on PATH and the targets file in place.
mkdir -p "$tmp/job/bin"
ln -s "$cli" "$tmp/job/bin/gitlab-jira-doctor-cli"
cp "$tmp/fleet.txt" "$tmp/job/gitlab-jira-doctor-targets.txt"
status=0
(cd "$tmp/job" && PATH="$tmp/job/bin:$PATH" GITLAB_TOKEN=glpat-must-not-be-used \
    GJD_OPTIONS="--only tcp.connect,tls. --trust-store $pki/trust.pem --timeout 10" \
    bash "$src/ci/gitlab-jira-doctor-fleet-job.sh" >"$tmp/job/log" 2>&1) || status=$?
[ "$status" = 2 ] || { cat "$tmp/job/log" >&2; fail "the fleet job's exit code $status, not the fleet's (2)"; }
for artifact in gitlab-jira-doctor-fleet.xml gitlab-jira-doctor-fleet.json; do
    [ -s "$tmp/job/$artifact" ] || fail "the fleet job left no $artifact"
done
[ "$(ls "$tmp/job/gitlab-jira-doctor-fleet" | grep -c '\.zip$')" = 3 ] || fail "the fleet job did not leave an export per instance"
grep -q "Fleet verdict: FAIL" "$tmp/job/log" || fail "the job log has no fleet summary"
! grep -rq "glpat-must-not-be-used" "$tmp/job" || fail "the fleet job used GITLAB_TOKEN"
"$py" - "$src/ci/gitlab-jira-doctor-fleet.gitlab-ci.yml" <<'PY' || fail "the fleet job file"
import sys, yaml
job = yaml.safe_load(open(sys.argv[1]))["gitlab-jira-doctor-fleet"]
assert job["script"] == ["bash ci/gitlab-jira-doctor-fleet-job.sh"], job["script"]
assert job["artifacts"]["reports"]["junit"] == "gitlab-jira-doctor-fleet.xml"
assert {"if": '$CI_PIPELINE_SOURCE == "schedule"'} in job["rules"]
PY

# 5. The open-file limit: every socket is a file, and a socket refused for want of one would fail
# its probe as if the instance were down ("Out of resources"). 60 instances, every check, under a
# hard limit of 256: the CLI runs (256 - 64) / 32 = 6 at a time, says so, and every instance is
# reached. Under a soft limit of 256 with a higher hard one, it raises the soft one instead.
for i in $(seq 60); do echo "https://gitlab-$i.test:$good --resolve gitlab-$i.test:$good:127.0.0.1"; done >"$tmp/many.txt"
many() { # ULIMIT_ARGS...: 60 instances at --parallel 256 under those limits
    status=0
    (ulimit "$@" && env -u GITLAB_TOKEN -u https_proxy -u HTTPS_PROXY -u ALL_PROXY -u all_proxy \
        "$cli" check --targets "$tmp/many.txt" --parallel 256 --trust-store "$pki/trust.pem" --timeout 10 \
        --format json --output "$tmp/many.json") 2>"$tmp/stderr" || status=$?
    [ "$status" -le 1 ] || { cat "$tmp/stderr" >&2; fail "60 instances under ulimit $*: exit code $status"; }
}
reached() { # PARALLEL: every instance connected and shook hands, that many at a time
    "$py" - "$tmp/many.json" "$1" <<'PY' || fail "60 instances under a limit of open files"
import json, sys
fleet = json.load(open(sys.argv[1]))
assert fleet["parallel"] == int(sys.argv[2]), fleet["parallel"]
assert len(fleet["reports"]) == 60
for r in fleet["reports"]:
    status = {c["id"]: c["status"] for c in r["checks"]}
    handshake = [c for c in r["checks"] if c["id"] == "tls.handshake"][0]
    assert status["tcp.connect"] == "pass" and status["tls.handshake"] == "pass", (r["target"]["url"], handshake)
assert "Out of resources" not in open(sys.argv[1]).read()
PY
}
many -n 256
grep -q "6 instances at a time, not 60: this process may open at most 256 files" "$tmp/stderr" ||
    fail "the lowered parallelism is not said: $(cat "$tmp/stderr")"
grep -q "ulimit -Hn" "$tmp/stderr" || fail "the message does not say which limit to raise: $(cat "$tmp/stderr")"
reached 6
# Nothing to say where the limit does not slow the run: 3 instances, 6 at a time would do.
(ulimit -n 256 && fleet --format json --output "$tmp/small.json" --parallel 256) || true
! grep -q "at a time" "$tmp/stderr" || fail "a limit that does not slow the run is reported: $(cat "$tmp/stderr")"
if [ "$(ulimit -Hn)" = unlimited ] || [ "$(ulimit -Hn)" -ge $((256 * 32 + 64)) ]; then
    many -Sn 256
    [ ! -s "$tmp/stderr" ] || fail "a soft limit the CLI can raise is reported: $(cat "$tmp/stderr")"
    reached 256
else
    echo "monitoring_test: the hard limit of open files is $(ulimit -Hn): the raising of the soft one is not tried"
fi
echo PASS
