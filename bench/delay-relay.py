#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Loopback TCP relay that adds a fixed one-way latency in each direction.

    delay-relay.py --listen PORT --target PORT [--delay-ms 50] [--max-lifetime 600]

Listens on 127.0.0.1:PORT (0 = pick a free port) and forwards every connection to
127.0.0.1:TARGET. Every chunk read from one side is written to the other side DELAY ms after it
was read. Each direction of each connection has its own FIFO of (due time, chunk), so ordering is
kept and the delay does not accumulate from chunk to chunk: this models latency (a long wire), not
a throughput limit. End of stream (FIN) travels through the same queue, so a half-close arrives
DELAY ms late as well, and so does a reset (RST: the other side is closed with SO_LINGER 0), also
one that follows a half-close.

It stands in for a network, which costs the measuring machine nothing, so it is written to cost
little: asyncio's transports and protocols directly, a deque and (while data waits) one timer per
direction, and one task per connection only to open the connection to the target. A direction
whose receiver does not keep up stops reading its sender (flow control) until the receiver has
room again or is gone. One relay may stand in for many servers at once (bench/fleet.sh sends
every instance's connections here together): its accept queue is long, because a dropped SYN
costs the client a retransmission one second later.

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
import collections
import signal
import socket
import struct
import sys

LOOPBACK = "127.0.0.1"
BACKLOG = 4096
EOF = "eof"  # queued end of stream
RESET = "reset"  # queued reset


class Direction:
    """One direction of one connection: what `source` sent, written to `sink` DELAY later."""

    def __init__(self, loop, delay_s, connection):
        self.loop = loop
        self.delay_s = delay_s
        self.connection = connection
        self.queue = collections.deque()  # (due, bytes | EOF | RESET); due times never decrease
        self.timer = None
        self.source = None  # the transport read from
        self.sink = None  # the transport written to; None until that connection is made
        self.ended = False  # EOF or RESET queued: no more data
        self.reset = False  # RESET queued (it may follow an EOF)
        self.done = False  # EOF or RESET delivered

    def push(self, item):
        if item is RESET:
            if self.reset:
                return
            self.reset = True
        elif self.ended:
            return
        self.ended = self.ended or item is EOF or item is RESET
        self.queue.append((self.loop.time() + self.delay_s, item))
        self.arm()

    def arm(self):
        if self.timer is None and self.queue and self.sink is not None:
            self.timer = self.loop.call_at(self.queue[0][0], self.flush)

    def flush(self):
        self.timer = None
        now = self.loop.time()
        while self.queue and self.queue[0][0] <= now:
            _, item = self.queue.popleft()
            if item is RESET:
                reset(self.sink)
                self.finish()
            elif item is EOF:
                if self.sink.can_write_eof() and not self.sink.is_closing():
                    try:
                        self.sink.write_eof()
                    except (ConnectionError, OSError):
                        pass
                self.finish()
            elif not self.sink.is_closing():
                self.sink.write(item)  # else the peer is gone: drop, keep draining until EOF
        self.arm()

    def finish(self):
        if not self.done:
            self.done = True
            self.connection.direction_done()


def reset(transport):
    """Closes with RST, as a peer's reset reaches the other side, not with FIN."""
    sock = transport.get_extra_info("socket")
    if sock is not None and not transport.is_closing():
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        except OSError:
            pass
    transport.abort()


class Side(asyncio.Protocol):
    """One socket of the relay: what it reads goes `out`; what comes `back` is written to it."""

    def __init__(self, out, back):
        self.out = out
        self.back = back
        self.transport = None

    def connection_made(self, transport):
        self.transport = transport
        self.out.source = transport
        self.back.sink = transport
        self.back.arm()

    def data_received(self, data):
        self.out.push(data)

    def eof_received(self):
        self.out.push(EOF)
        return True  # half-close: the other direction may still be sending

    def connection_lost(self, exc):
        self.out.push(RESET if exc is not None else EOF)
        # This side may have stopped the reading of the other (pause_writing): it never resumes
        # now, so read on; what comes is dropped, and its end still closes the connection.
        if self.back.source is not None and not self.back.source.is_closing():
            self.back.source.resume_reading()

    def pause_writing(self):
        if self.back.source is not None:
            self.back.source.pause_reading()

    def resume_writing(self):
        if self.back.source is not None and not self.back.source.is_closing():
            self.back.source.resume_reading()


class Connection:
    """A client's connection and the relay's own to the target."""

    def __init__(self, loop, delay_s, target, active):
        self.up = Direction(loop, delay_s, self)  # client -> target
        self.down = Direction(loop, delay_s, self)  # target -> client
        self.client = Side(self.up, self.down)
        self.server = None
        self.active = active
        self.done = 0
        active.add(self)
        self.task = loop.create_task(self.open(loop, target))

    async def open(self, loop, target):
        try:
            _, self.server = await loop.create_connection(lambda: Side(self.down, self.up), LOOPBACK, target)
        except OSError as e:
            print(f"delay-relay: connect to {LOOPBACK}:{target} failed: {e}", file=sys.stderr)
            self.close()

    def direction_done(self):
        self.done += 1
        if self.done == 2:
            self.close()

    def close(self, abort=False):
        if not self.task.done():
            self.task.cancel()
        for side in (self.client, self.server):
            if side is not None and side.transport is not None:
                if abort:
                    side.transport.abort()  # no waiting for a reader that never reads
                else:
                    side.transport.close()
        for direction in (self.up, self.down):
            if direction.timer is not None:
                direction.timer.cancel()
                direction.timer = None
        self.active.discard(self)


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

    server = await loop.create_server(
        lambda: Connection(loop, delay_s, args.target, active).client,
        host=LOOPBACK, port=args.listen, family=socket.AF_INET, reuse_address=True, backlog=BACKLOG)
    port = server.sockets[0].getsockname()[1]
    print(f"LISTENING {port}", flush=True)

    await stop.wait()
    server.close()
    for connection in list(active):
        connection.close(abort=True)
    try:
        # Python 3.12 waits here for every connection, which abort() has ended.
        await asyncio.wait_for(server.wait_closed(), 2)
    except asyncio.TimeoutError:
        pass


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        pass
