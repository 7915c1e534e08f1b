#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Loopback TCP relay that adds a fixed one-way latency in each direction.

    delay-relay.py --listen PORT --target PORT [--delay-ms 50] [--max-lifetime 600]

Listens on 127.0.0.1:PORT (0 = pick a free port) and forwards every connection to
127.0.0.1:TARGET. Every chunk read from one side is written to the other side DELAY ms after it
was read. Each direction of each connection has its own FIFO of (due time, chunk), so ordering is
kept and the delay does not accumulate from chunk to chunk: this models latency (a long wire), not
a throughput limit. End of stream (FIN) travels through the same queue, so a half-close arrives
DELAY ms late as well.

What it cannot model: the TCP three-way handshake towards the relay is completed by the kernel
before accept(), so a client's connect() through the relay returns without the added latency.
The first data exchange (a TLS ClientHello/ServerHello, an HTTP request/response) pays it.

On start it prints one line "LISTENING <port>" on stdout (flushed) and then nothing else there;
diagnostics go to stderr. It exits cleanly on SIGTERM/SIGINT, and by itself after --max-lifetime
seconds so that an orphaned relay cannot linger. Only 127.0.0.1 is ever used, on both sides.

Python 3 standard library only.
"""

import argparse
import asyncio
import signal
import socket
import sys
import time

LOOPBACK = "127.0.0.1"
CHUNK = 64 * 1024
# It stands in for many servers at once (bench/fleet.sh: every instance's connections arrive here
# together): a short accept queue would drop SYNs, and each drop costs the client a 1 s retransmit.
BACKLOG = 4096


async def pump(reader, writer, delay_s, label, stats):
    """Copies reader -> writer, each chunk delivered delay_s after it was read."""
    queue = asyncio.Queue()

    async def read_side():
        try:
            while True:
                data = await reader.read(CHUNK)
                queue.put_nowait((time.monotonic() + delay_s, data))  # b"" = EOF
                if not data:
                    return
        except (ConnectionError, OSError):
            queue.put_nowait((time.monotonic() + delay_s, None))  # None = reset

    async def write_side():
        while True:
            due, data = await queue.get()
            wait = due - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            if data is None:
                writer.transport.abort()
                return
            if not data:
                if writer.can_write_eof() and not writer.is_closing():
                    try:
                        writer.write_eof()
                    except (ConnectionError, OSError):
                        pass
                return
            if writer.is_closing():
                continue  # the peer is gone: drop, keep draining until EOF
            writer.write(data)
            stats[label] += len(data)
            try:
                await writer.drain()
            except (ConnectionError, OSError):
                pass

    await asyncio.gather(read_side(), write_side())


async def handle(client_reader, client_writer, target, delay_s, active):
    task = asyncio.current_task()
    active.add(task)
    stats = {"up": 0, "down": 0}
    server_writer = None
    try:
        try:
            server_reader, server_writer = await asyncio.open_connection(LOOPBACK, target)
        except OSError as e:
            print(f"delay-relay: connect to {LOOPBACK}:{target} failed: {e}", file=sys.stderr)
            return
        await asyncio.gather(
            pump(client_reader, server_writer, delay_s, "up", stats),
            pump(server_reader, client_writer, delay_s, "down", stats),
        )
    except asyncio.CancelledError:
        pass
    finally:
        for w in (client_writer, server_writer):
            if w is not None:
                w.close()
        active.discard(task)


async def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--listen", type=int, required=True, help="port on 127.0.0.1 (0 = any free)")
    parser.add_argument("--target", type=int, required=True, help="port on 127.0.0.1 to forward to")
    parser.add_argument("--delay-ms", type=float, default=50.0, help="one-way delay per direction")
    parser.add_argument("--max-lifetime", type=float, default=600.0, help="exit after this many seconds")
    args = parser.parse_args()
    if not (0 <= args.listen <= 65535 and 0 < args.target <= 65535) or args.delay_ms < 0:
        parser.error("bad port or delay")

    delay_s = args.delay_ms / 1000.0
    active = set()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    loop.call_later(args.max_lifetime, stop.set)

    server = await asyncio.start_server(
        lambda r, w: handle(r, w, args.target, delay_s, active),
        host=LOOPBACK, port=args.listen, family=socket.AF_INET, reuse_address=True,
        backlog=BACKLOG)
    port = server.sockets[0].getsockname()[1]
    print(f"LISTENING {port}", flush=True)

    await stop.wait()
    server.close()
    for t in list(active):
        t.cancel()
    if active:
        await asyncio.wait(list(active), timeout=2)
    await server.wait_closed()


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        pass
