#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A hostile HTTPS server for bench/hostile-benchmark.sh, on 127.0.0.1 only.

    hostile-server.py --cert BUNDLE --key KEY --mode MODE [--max-lifetime 300]

Answers every request the way a hostile machine in GitLab's place could, forever or until the
client gives up:
  endless-body     200, no length, body bytes as fast as the socket takes them
  endless-trailer  a chunked body whose trailer line never ends
  endless-header   a header line that never ends
  drip             one byte of a valid answer every 0.5 s
Prints "LISTENING <port>" on stdout, then nothing else there.
"""
import argparse
import socket
import ssl
import sys
import threading
import time


def serve(conn, mode):
    try:
        conn.settimeout(30)
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = conn.recv(4096)
            if not chunk:
                return
            data += chunk
        if mode == "endless-body":
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n")
            block = b"x" * 65536
            while True:
                conn.sendall(block)
        elif mode == "endless-trailer":
            conn.sendall(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\nX-T: ")
            block = b"a" * 65536
            while True:
                conn.sendall(block)
        elif mode == "endless-header":
            conn.sendall(b"HTTP/1.1 200 OK\r\nX-A: ")
            block = b"a" * 65536
            while True:
                conn.sendall(block)
        elif mode == "drip":
            for byte in b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n" + b"y" * 100000:
                conn.sendall(bytes([byte]))
                time.sleep(0.5)
    except (OSError, ssl.SSLError):
        pass
    finally:
        try:
            conn.close()
        except OSError:
            pass


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cert", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--mode", required=True,
                        choices=["endless-body", "endless-trailer", "endless-header", "drip"])
    parser.add_argument("--max-lifetime", type=float, default=300)
    args = parser.parse_args()
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(args.cert, args.key)
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    print("LISTENING %d" % listener.getsockname()[1], flush=True)
    deadline = time.monotonic() + args.max_lifetime
    listener.settimeout(1)
    while time.monotonic() < deadline:
        try:
            raw, _ = listener.accept()
        except socket.timeout:
            continue
        try:
            conn = context.wrap_socket(raw, server_side=True)
        except (OSError, ssl.SSLError):
            raw.close()
            continue
        threading.Thread(target=serve, args=(conn, args.mode), daemon=True).start()
    return 0


if __name__ == "__main__":
    sys.exit(main())
