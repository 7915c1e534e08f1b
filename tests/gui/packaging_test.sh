#!/usr/bin/env bash
# Validates the desktop integration files, builds the two Debian packages from a finished build tree
# and inspects it: dependencies, file list, and that the packaged CLI runs.
#   packaging_test.sh <source dir> <build dir> <built gitlab-jira-doctor> <built gitlab-jira-doctor-cli>
set -euo pipefail
# Under pipefail a `producer | grep -q` fails when grep stops reading first (SIGPIPE): the greps
# here read all their input (no -q, output to /dev/null).

src=${1:?source dir}
build=${2:?build dir}
built_gui=${3:?path of the built gitlab-jira-doctor}
built_cli=${4:?path of the built gitlab-jira-doctor-cli}
app_id=io.gitlab.GitLabJiraDoctor

fail() { echo "FAIL: $*" >&2; exit 1; }
step() { echo "--- $*"; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/gjd-packaging.XXXXXX")
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$tmp"' EXIT

step "desktop-file-validate"
desktop-file-validate "$src/packaging/$app_id.desktop"

step "appstreamcli validate"
appstreamcli validate --no-net "$src/packaging/$app_id.metainfo.xml"
# The screenshots the metainfo names (by their raw URL) are in the repository.
grep -o 'docs/screenshots/[^<]*\.png' "$src/packaging/$app_id.metainfo.xml" | while read -r shot; do
    [ -s "$src/$shot" ] || fail "the metainfo names $shot, which is not in the repository"
done

step "desktop file: Exec and StartupWMClass"
desktop=$src/packaging/$app_id.desktop
# The program opens one export or report given as an argument.
grep -qx 'Exec=gitlab-jira-doctor %f' "$desktop" || fail "Exec= does not pass a file (%f)"
# Qt (xcb) sets WM_CLASS's class to QCoreApplication::applicationName().
app_name=$(sed -n 's/.*setApplicationName(QStringLiteral("\([^"]*\)")).*/\1/p' "$src/src/app/main.cpp")
[ -n "$app_name" ] || fail "no setApplicationName() in src/app/main.cpp"
grep -qx "StartupWMClass=$app_name" "$desktop" || fail "StartupWMClass= is not $app_name"
# ... and on a real X server (Xvfb), when there is one.
if command -v Xvfb >/dev/null && command -v xdotool >/dev/null && command -v xprop >/dev/null; then
    display=
    for n in $(seq 140 160); do [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] || { display=:$n; break; }; done
    [ -n "$display" ] || fail "no free X display"
    Xvfb "$display" -screen 0 800x600x24 -nolisten tcp >"$tmp/xvfb.log" 2>&1 &
    xvfb=$!
    pids+=("$xvfb")
    mkdir -p "$tmp/home"
    for _ in $(seq 100); do DISPLAY=$display xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done
    DISPLAY=$display QT_QPA_PLATFORM=xcb HOME=$tmp/home XDG_CONFIG_HOME=$tmp/home/.config \
        "$built_gui" >"$tmp/gui.log" 2>&1 &
    gui=$!
    pids+=("$gui")
    window=$(DISPLAY=$display timeout 60 xdotool search --sync --pid "$gui" --name 'GitLab Jira Doctor' | head -n 1) || true
    wm_class=
    [ -n "$window" ] && wm_class=$(DISPLAY=$display xprop -id "$window" WM_CLASS)
    kill "$gui" 2>/dev/null || true; wait "$gui" 2>/dev/null || true
    kill "$xvfb" 2>/dev/null || true; wait "$xvfb" 2>/dev/null || true
    echo "$wm_class"
    [ -n "$window" ] || { cat "$tmp/gui.log" >&2; fail "no window of gitlab-jira-doctor on Xvfb"; }
    grep -q "\"$app_name\"\$" <<<"$wm_class" || fail "WM_CLASS is not ..., \"$app_name\": $wm_class"
else
    echo "(Xvfb, xdotool or xprop missing: WM_CLASS not checked on a server)"
fi

step "cpack -G DEB"
# Own output directory: cpack installs the build tree into it and never touches ninja's files.
cpack -G DEB -B "$tmp/cpack" --config "$build/CPackConfig.cmake" >"$tmp/cpack.log" 2>&1 \
    || { cat "$tmp/cpack.log" >&2; fail "cpack failed"; }
# Two packages from one tree (cmake/Packaging.cmake): the CLI for CI jobs and servers, with no
# graphical libraries, and the desktop program, which depends on the CLI package's version.
cli_deb=("$tmp"/cpack/gitlab-jira-doctor-cli_*.deb)
gui_deb=("$tmp"/cpack/gitlab-jira-doctor_*.deb)
debs=("$tmp"/cpack/*.deb)
[ ${#debs[@]} -eq 2 ] && [ -f "${cli_deb[0]}" ] && [ -f "${gui_deb[0]}" ] ||
    fail "expected gitlab-jira-doctor-cli_*.deb and gitlab-jira-doctor_*.deb in $tmp/cpack, got: ${debs[*]}"
cli_deb=${cli_deb[0]}
gui_deb=${gui_deb[0]}
echo "built $(basename "$cli_deb") $(basename "$gui_deb")"
version=$(grep -m1 'CPACK_PACKAGE_VERSION "' "$build/CPackConfig.cmake" | sed -E 's/.*"(.*)".*/\1/')

has_depends() { grep -Eq "(^|, )$2( |,|$)" <<<"$1"; }

step "control fields"
[ "$(dpkg-deb -f "$cli_deb" Package)" = gitlab-jira-doctor-cli ] || fail "package name of the CLI"
[ "$(dpkg-deb -f "$gui_deb" Package)" = gitlab-jira-doctor ] || fail "package name of the desktop program"
cli_depends=$(dpkg-deb -f "$cli_deb" Depends)
gui_depends=$(dpkg-deb -f "$gui_deb" Depends)
echo "gitlab-jira-doctor-cli Depends: $cli_depends"
echo "gitlab-jira-doctor Depends: $gui_depends"
# Runtime-only dependencies (declared by hand) and what dpkg-shlibdeps found (libqt6gui6 also
# carries the xcb platform plugin).
for pkg in libsecret-1-0 ca-certificates libqt6core6 libqt6network6; do
    has_depends "$cli_depends" "$pkg" || fail "$pkg is not in the CLI's Depends"
done
# A CI job installs the CLI without the graphical stack.
for pkg in libqt6gui6 libqt6widgets6 libqt6svg6 libqt6concurrent6 libglx0 libopengl0; do
    ! has_depends "$cli_depends" "$pkg" || fail "the CLI package depends on $pkg"
done
for pkg in libqt6svg6 libqt6gui6 libqt6widgets6; do
    has_depends "$gui_depends" "$pkg" || fail "$pkg is not in the desktop program's Depends"
done
grep -Fq "gitlab-jira-doctor-cli (= $version)" <<<"$gui_depends" ||
    fail "the desktop program does not depend on gitlab-jira-doctor-cli (= $version)"
for deb in "$cli_deb" "$gui_deb"; do
    for field in Maintainer Section Description Homepage; do
        [ -n "$(dpkg-deb -f "$deb" "$field")" ] || fail "$(basename "$deb"): empty control field $field"
    done
done
dpkg-deb -f "$cli_deb" Description | grep "command-line program" >/dev/null || fail "the CLI's Description does not say what it holds"

step "hardening-check"
# Debian's checker over the packaged programs: PIE, stack protector, RELRO and immediate binding
# always; fortified functions only in optimised builds (_FORTIFY_SOURCE needs -O; the test build
# is Debug with ASan), where at least one *_chk function must be linked.
build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$build/CMakeCache.txt")
hardening=(--nocfprotection)
case "$build_type" in
    Release|RelWithDebInfo|MinSizeRel) ;;
    *) hardening+=(--nofortify); echo "($build_type build: _FORTIFY_SOURCE is not checked)" ;;
esac
if command -v hardening-check >/dev/null; then
    hardening-check "${hardening[@]}" "$built_cli" "$built_gui" "$(dirname "$built_gui")/libgjd-pages.so" \
        || fail "hardening-check"
else
    fail "hardening-check is missing (apt-get install devscripts; scripts/install-deps.sh does)"
fi

step "contents"
dpkg-deb -x "$cli_deb" "$tmp/root"
dpkg-deb -x "$gui_deb" "$tmp/root"
in_package() { # DEB FILE: the file is in that package
    dpkg-deb -c "$1" | awk '{print $6}' | grep -x "./$2" >/dev/null || fail "missing in $(basename "$1"): /$2"
    [ -s "$tmp/root/$2" ] || fail "empty in $(basename "$1"): /$2"
}
for file in usr/bin/gitlab-jira-doctor-cli \
            usr/share/doc/gitlab-jira-doctor-cli/copyright \
            usr/share/doc/gitlab-jira-doctor-cli/changelog.gz \
            usr/share/bash-completion/completions/gitlab-jira-doctor-cli \
            usr/share/man/man1/gitlab-jira-doctor-cli.1.gz \
            usr/share/gitlab-jira-doctor/schemas/report.schema.json \
            usr/share/gitlab-jira-doctor/schemas/diff.schema.json \
            usr/share/gitlab-jira-doctor/schemas/fleet.schema.json \
            usr/share/doc/gitlab-jira-doctor-cli/examples/gitlab-jira-doctor-fleet.service \
            usr/share/doc/gitlab-jira-doctor-cli/examples/gitlab-jira-doctor-fleet.timer \
            usr/share/doc/gitlab-jira-doctor-cli/examples/gitlab-jira-doctor.rules.yml; do
    in_package "$cli_deb" "$file"
done
for file in usr/bin/gitlab-jira-doctor \
            "usr/share/applications/$app_id.desktop" \
            "usr/share/metainfo/$app_id.metainfo.xml" \
            "usr/share/icons/hicolor/scalable/apps/$app_id.svg" \
            usr/share/doc/gitlab-jira-doctor/copyright \
            usr/share/doc/gitlab-jira-doctor/changelog.gz \
            usr/share/man/man1/gitlab-jira-doctor.1.gz; do
    in_package "$gui_deb" "$file"
done
! dpkg-deb -c "$cli_deb" | grep "libgjd-pages" >/dev/null || fail "the CLI package holds the desktop program's module"
# The changelog's latest entry is this version.
changelog_version=$(zcat "$tmp/root/usr/share/doc/gitlab-jira-doctor-cli/changelog.gz" | sed -n '1s/^[^ ]* (\([^)]*\)).*/\1/p')
[ "$changelog_version" = "$version" ] || fail "packaging/changelog is at $changelog_version, the project at $version"

step "lintian"
# Debian's package checker: no error and no warning (informational tags are shown, not fatal).
if command -v lintian >/dev/null; then
    lintian --tag-display-limit 0 --allow-root "$cli_deb" "$gui_deb" >"$tmp/lintian.log" 2>&1 || true
    cat "$tmp/lintian.log"
    ! grep -E '^[EW]: ' "$tmp/lintian.log" || fail "lintian reports errors or warnings"
else
    fail "lintian is missing (apt-get install lintian; scripts/install-deps.sh does)"
fi
[ -x "$tmp/root/usr/bin/gitlab-jira-doctor" ] || fail "gitlab-jira-doctor is not executable"
# The pages' module (src/gui/pagehost.h), in the program's private directory under lib/ (with the
# multiarch triplet when the prefix is /usr at configure time).
modules=()
for module in "$tmp"/root/usr/lib/gitlab-jira-doctor/libgjd-pages.so "$tmp"/root/usr/lib/*/gitlab-jira-doctor/libgjd-pages.so; do
    [ -f "$module" ] && modules+=("$module")
done
[ ${#modules[@]} -eq 1 ] || fail "the package holds ${#modules[@]} copies of the module libgjd-pages.so, not one"
echo "module: ${modules[0]#"$tmp/root"}"
# The installed files are the validated ones.
cmp "$src/packaging/$app_id.desktop" "$tmp/root/usr/share/applications/$app_id.desktop"
# The desktop file's icon name resolves to the installed icon.
grep -qx "Icon=$app_id" "$tmp/root/usr/share/applications/$app_id.desktop" || fail "Icon= is not $app_id"

step "translations are linked into both programs"
# qt_add_translations() puts the .qm files into an object library of the static gjd_core; its
# registration function must have been linked into each executable (not dropped by the linker).
# (The packaged binaries are stripped, so look at the ones in the build tree.)
for exe in "$built_gui" "$built_cli"; do
    # (grep without -q reads all of nm's output: no SIGPIPE for pipefail to trip over)
    nm -C "$exe" | grep 'qInitResources_gjd_core_translations' >/dev/null \
        || fail "$(basename "$exe") does not contain the embedded translations"
done

step "the packaged programs run"
out=$("$tmp/root/usr/bin/gitlab-jira-doctor-cli" --version 2>&1) || fail "gitlab-jira-doctor-cli --version failed: $out"
grep -q -- "$version" <<<"$out" || fail "gitlab-jira-doctor-cli --version does not print $version: $out"
out=$(QT_QPA_PLATFORM=offscreen "$tmp/root/usr/bin/gitlab-jira-doctor" --version 2>&1) \
    || fail "gitlab-jira-doctor --version failed: $out"
grep -q -- "$version" <<<"$out" || fail "gitlab-jira-doctor --version does not print $version: $out"
# The installed program finds its module: a --check (against a closed port on loopback) runs to
# its end through the pages and quits (GJD_BENCH_EXIT=checked).
out=$(HOME="$tmp/home" QT_QPA_PLATFORM=offscreen GJD_BENCH_EXIT=checked timeout 120 \
    "$tmp/root/usr/bin/gitlab-jira-doctor" --check https://127.0.0.1:1/ 2>&1) \
    || fail "the packaged gitlab-jira-doctor did not run a check to its end: $out"
! grep -q "incomplete" <<<"$out" || fail "the packaged gitlab-jira-doctor does not find its module: $out"

step "the documented GitLab CI job"
# ci/gitlab-jira-doctor.gitlab-ci.yml is valid YAML and runs ci/gitlab-jira-doctor-job.sh with the
# artifacts the script writes; the script, run here with the packaged CLI on PATH (so it installs
# nothing), checks an instance (a closed port: failures, exit 1) and leaves a JUnit report that
# parses and an export that the CLI reads back.
python3 - "$src/ci/gitlab-jira-doctor.gitlab-ci.yml" <<'PY' || fail "the CI job file"
import sys, yaml
job = yaml.safe_load(open(sys.argv[1]))["gitlab-jira-doctor"]
assert job["image"] == "debian:bookworm-slim", job["image"]
assert job["script"] == ["bash ci/gitlab-jira-doctor-job.sh"], job["script"]
assert job["artifacts"]["reports"]["junit"] == "gitlab-jira-doctor.xml"
assert "gitlab-jira-doctor.zip" in job["artifacts"]["paths"]
assert job["artifacts"]["when"] == "always"
PY
mkdir -p "$tmp/job"
status=0
(cd "$tmp/job" && PATH="$tmp/root/usr/bin:$PATH" HOME="$tmp/home" GJD_URL=https://127.0.0.1:1 GJD_CLI_DEB=/nonexistent.deb \
    GJD_OPTIONS="--timeout 5" bash "$src/ci/gitlab-jira-doctor-job.sh" >"$tmp/job/log" 2>&1) || status=$?
[ "$status" -eq 1 ] || { cat "$tmp/job/log" >&2; fail "the CI job's script exited $status, not 1 (failures)"; }
python3 - "$tmp/job/gitlab-jira-doctor.xml" <<'PY' || fail "the CI job's JUnit report"
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
suites = root.findall("testsuite") if root.tag == "testsuites" else [root]
assert suites and sum(len(s.findall("testcase")) for s in suites) >= 40, "too few test cases"
assert any(c.find("failure") is not None for s in suites for c in s.findall("testcase")), "no failure"
PY
[ -s "$tmp/job/gitlab-jira-doctor.zip" ] || fail "the CI job left no export"
grep -q "tcp.connect" "$tmp/job/log" || fail "the job log does not show the report"

echo "PASS"
