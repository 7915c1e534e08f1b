#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""bench/delay-relay.py, held to what the benchmarks rely on (docs/benchmarks.md):

- bytes arrive whole and in order both ways, with a half-close in between;
- a round trip takes two delays, and no more than that plus a margin;
- a reset reaches the other side as a reset (RST), also after a half-close;
- a side that stopped the other's reading (flow control) and then goes away leaves no connection
  behind;
- SIGTERM ends it at once, even with a client that never reads.

    delay_relay_test.py RELAY_SCRIPT

Everything on 127.0.0.1; Python's standard library only.
"""

import asyncio
import hashlib
import os
import signal
import socket
import struct
import subprocess
import sys
import time

RELAY = sys.argv[1]
failures = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what, flush=True)
    if not condition:
        failures.append(what)


def start_relay(target, delay_ms):
    relay = subprocess.Popen([sys.executable, RELAY, "--listen", "0", "--target", str(target),
                              "--delay-ms", str(delay_ms), "--max-lifetime", "120"],
                             stdout=subprocess.PIPE)
    line = relay.stdout.readline().split()
    assert line[0] == b"LISTENING", line
    return relay, int(line[1])


def sockets_of(pid):
    """How many sockets the process holds."""
    count = 0
    for fd in os.listdir(f"/proc/{pid}/fd"):
        try:
            count += os.readlink(f"/proc/{pid}/fd/{fd}").startswith("socket:")
        except OSError:
            pass
    return count


def rst(writer):
    writer.get_extra_info("socket").setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    writer.transport.abort()


async def integrity():
    async def server(reader, writer):
        digest = hashlib.sha256()
        while data := await reader.read(65536):
            digest.update(data)
        writer.write(digest.hexdigest().encode() + b"\n" + b"x" * 5_000_000)
        await writer.drain()
        writer.close()
    srv = await asyncio.start_server(server, "127.0.0.1", 0)
    relay, port = start_relay(srv.sockets[0].getsockname()[1], 20)
    payload = os.urandom(20_000_000)
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(payload)
    await writer.drain()
    writer.write_eof()
    line = await reader.readline()
    rest = await reader.read()
    while more := await reader.read(65536):
        rest += more
    check(line.strip().decode() == hashlib.sha256(payload).hexdigest(), "20 MB up arrive whole, then the half-close")
    check(len(rest) == 5_000_000 and rest.count(b"x") == 5_000_000, "5 MB down arrive whole after it")
    relay.terminate()
    relay.wait(5)
    srv.close()


async def latency():
    async def server(reader, writer):
        writer.write(await reader.read(10))
        await writer.drain()
        writer.close()
    srv = await asyncio.start_server(server, "127.0.0.1", 0)
    relay, port = start_relay(srv.sockets[0].getsockname()[1], 50)
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    start = time.monotonic()
    writer.write(b"ping")
    answer = await reader.read(10)
    ms = (time.monotonic() - start) * 1000
    check(answer == b"ping" and 100 <= ms < 180, f"a round trip takes two delays of 50 ms ({ms:.0f} ms)")
    relay.terminate()
    relay.wait(5)
    srv.close()


async def resets():
    for half_close in (False, True):
        async def server(reader, writer):
            await reader.read(1)
            if half_close:
                await reader.read()  # the client's EOF, delayed
            writer.write(b"partial")
            await writer.drain()
            rst(writer)
        srv = await asyncio.start_server(server, "127.0.0.1", 0)
        relay, port = start_relay(srv.sockets[0].getsockname()[1], 30)
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(b"x")
        if half_close:
            writer.write_eof()
        got, reset = b"", False
        try:
            while data := await asyncio.wait_for(reader.read(100), 5):
                got += data
        except ConnectionResetError:
            reset = True
        check(reset, "a reset arrives as a reset" + (" after a half-close" if half_close else ""))
        writer.close()
        relay.terminate()
        relay.wait(5)
        srv.close()


async def flow_control_leaves_nothing():
    async def server(reader, writer):
        await reader.read(1)
        writer.write(b"early answer")  # before the upload is read
        await writer.drain()
        writer.write_eof()
        await asyncio.sleep(0.3)
        rst(writer)
    srv = await asyncio.start_server(server, "127.0.0.1", 0)
    relay, port = start_relay(srv.sockets[0].getsockname()[1], 10)
    idle = sockets_of(relay.pid)
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    answer = asyncio.create_task(reader.read(100))

    async def upload():
        try:
            for _ in range(400):  # far more than any buffer takes: the relay pauses its reading
                writer.write(b"u" * 1_000_000)
                await writer.drain()
        except ConnectionError:
            pass  # the server's reset, passed on
    uploading = asyncio.create_task(upload())
    answer = await asyncio.wait_for(answer, 5)
    await asyncio.sleep(0.6)  # the server half-closes and resets meanwhile
    uploading.cancel()
    writer.transport.abort()
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and sockets_of(relay.pid) > idle:
        await asyncio.sleep(0.05)
    check(answer.startswith(b"early answer"), "the early answer arrives during the upload")
    check(sockets_of(relay.pid) == idle, "a connection paused by flow control is gone once both ends are")
    relay.terminate()
    relay.wait(5)
    srv.close()


async def sigterm_with_a_reader_that_never_reads():
    async def server(reader, writer):
        writer.write(b"d" * 50_000_000)  # more than the client's buffers: the relay holds the rest
        try:
            await writer.drain()
        except (ConnectionError, asyncio.CancelledError):
            pass  # the relay is gone, or this test is over
    srv = await asyncio.start_server(server, "127.0.0.1", 0)
    relay, port = start_relay(srv.sockets[0].getsockname()[1], 5)
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"x")
    await asyncio.sleep(0.5)
    start = time.monotonic()
    relay.send_signal(signal.SIGTERM)
    try:
        code = relay.wait(5)
    except subprocess.TimeoutExpired:
        relay.kill()
        code = None
    check(code == 0, f"SIGTERM ends it at once with a reader that never reads ({time.monotonic() - start:.1f} s)")
    writer.transport.abort()
    srv.close()


async def main():
    await integrity()
    await latency()
    await resets()
    await flow_control_leaves_nothing()
    await sigterm_with_a_reader_that_never_reads()


asyncio.run(main())
if failures:
    print(f"{len(failures)} failed", file=sys.stderr)
    sys.exit(1)
print("PASS")
