#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""usage: progress_test.py CLI

The progress line of `check` on standard error: shown on a terminal (a pseudo-terminal from
Python's pty module), rewritten in place and cleared before the report, with the checks done
out of the total and what the run waits for; nothing when standard error is a pipe, nothing
with --quiet. The target is a port on 127.0.0.1 that accepts connections and never answers, so
that the run waits for the TLS handshake until the probe timeout.
"""

import fcntl
import os
import pty
import re
import select
import socket
import struct
import subprocess
import sys
import termios
import time

CLI = sys.argv[1]
CLEAR = b"\r\x1b[K"


def fail(message, shown=b""):
    sys.stderr.write("progress_test: %s\n" % message)
    if shown:
        sys.stderr.write("--- standard error ---\n%r\n" % shown)
    sys.exit(1)


def silent_server():
    """A listening socket that is never accepted from: connections complete, nothing answers."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(64)
    return server


def run(arguments, stderr_on_tty, columns=100):
    """Runs the CLI (stdin closed, stdout a pipe); returns (exit code, stdout, stderr bytes)."""
    env = dict(os.environ)
    env.pop("GITLAB_TOKEN", None)
    env.pop("JIRA_API_TOKEN", None)
    env["COLUMNS"] = str(columns)
    if not stderr_on_tty:
        p = subprocess.run([CLI] + arguments, stdin=subprocess.DEVNULL, capture_output=True, env=env,
                           timeout=60)
        return p.returncode, p.stdout, p.stderr
    master, slave = pty.openpty()
    # The terminal's size, as a terminal emulator sets it.
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    p = subprocess.Popen([CLI] + arguments, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                         stderr=slave, env=env)
    os.close(slave)
    err = b""
    out_chunks = []
    deadline = time.monotonic() + 60
    stdout_fd = p.stdout.fileno()
    open_fds = {master, stdout_fd}
    while open_fds and time.monotonic() < deadline:
        ready, _, _ = select.select(list(open_fds), [], [], 1)
        for fd in ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:  # EIO: the terminal's other end closed
                chunk = b""
            if not chunk:
                open_fds.discard(fd)
            elif fd == master:
                err += chunk
            else:
                out_chunks.append(chunk)
    code = p.wait(timeout=10)
    os.close(master)
    return code, b"".join(out_chunks), err


def main():
    server = silent_server()
    url = "https://127.0.0.1:%d" % server.getsockname()[1]
    arguments = ["check", url, "--timeout", "1", "--format", "json"]

    # On a terminal: progress, rewritten in place, cleared at the end; the report on stdout only.
    code, out, err = run(arguments, stderr_on_tty=True, columns=100)
    if code not in (1, 3):
        fail("exit %d on a terminal" % code, err)
    if not out.lstrip().startswith(b"{"):
        fail("no JSON report on standard output", out[:200])
    if CLEAR not in err:
        fail("nothing was rewritten in place on the terminal", err)
    lines = [line for line in err.split(CLEAR) if line]
    if not lines:
        fail("no progress line on the terminal", err)
    done = re.compile(rb"^Checks done: (\d+) of (\d+)")
    counts = []
    for line in lines:
        if b"\n" in line:
            fail("a progress line contains a line break", err)
        if len(line.decode("utf-8")) >= 100:
            fail("a progress line is wider than the terminal (%d)" % len(line.decode("utf-8")), err)
        m = done.match(line)
        if not m:
            fail("a progress line does not start with the checks done: %r" % line, err)
        counts.append((int(m.group(1)), int(m.group(2))))
    if not any(b"TLS handshake with 127.0.0.1" in line or b"Connecting to 127.0.0.1" in line
               for line in lines):
        fail("the progress never says what the run waits for", err)
    totals = {total for _, total in counts}
    if len(totals) != 1 or totals.pop() < 2:
        fail("the total changes or is too small: %r" % counts, err)
    if [c for c, _ in counts] != sorted(c for c, _ in counts):
        fail("the count of checks done goes backwards: %r" % counts, err)
    if not err.endswith(CLEAR):
        fail("the progress line was not cleared before the report", err)

    # Standard error a pipe: nothing on it.
    code, out, err = run(arguments, stderr_on_tty=False)
    if err:
        fail("standard error is a pipe, yet something was written to it", err)
    if not out.lstrip().startswith(b"{"):
        fail("no JSON report with standard error a pipe", out[:200])

    # --quiet on a terminal: nothing on it.
    code, out, err = run(arguments + ["--quiet"], stderr_on_tty=True)
    if err:
        fail("--quiet, yet something was written to the terminal", err)
    if not out.lstrip().startswith(b"{"):
        fail("no JSON report with --quiet", out[:200])

    # A narrow terminal: every line still fits, so that \r rewrites it in place.
    code, out, err = run(arguments, stderr_on_tty=True, columns=30)
    for line in (line for line in err.split(CLEAR) if line):
        if len(line.decode("utf-8")) >= 30:
            fail("a progress line is wider than a 30-column terminal", err)
    print("progress_test: ok")


main()
