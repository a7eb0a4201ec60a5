#!/usr/bin/env python3
"""A Kea echo server serving 100 concurrent clients, every echo checked.

Usage: echo.py KEA... [--clients N] [--messages K]
KEA is the command that runs kea (`wine target/.../kea.exe` for the Windows build). Each of
examples/echo-server.pasm and examples/echo-server-callbacks.pasm is started with port 0 and
a connection count of N; N Linux clients (this program's threads) connect over loopback and
wait until all are connected, so the server holds them all at once; then each sends K
messages of different lengths in separate writes and reads each echo back whole, half-closes,
and expects the server's end of stream. The server must then exit 0 by itself. Every wait is
bounded. Exit 0 when every echo of both servers came back intact.
"""

import argparse
import os
import re
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LIMIT = 60  # seconds for one server's whole run


def clients(port, n, k):
    barrier = threading.Barrier(n)
    results = [None] * n

    def client(i):
        got = []
        try:
            s = socket.create_connection(("127.0.0.1", port), timeout=LIMIT)
            s.settimeout(LIMIT)
            barrier.wait(timeout=LIMIT)
            for j in range(k):
                msg = (f"client {i} message {j} " + "x" * (i * 37 + j * 1000)).encode() + b"\n"
                s.sendall(msg)
                buf = b""
                while len(buf) < len(msg):
                    part = s.recv(65536)
                    if not part:
                        break
                    buf += part
                got.append(buf == msg)
            s.shutdown(socket.SHUT_WR)
            got.append(s.recv(10) == b"")
            s.close()
        except Exception as e:  # reported as a missing echo below
            got.append(f"{type(e).__name__}: {e}")
        results[i] = got

    threads = [threading.Thread(target=client, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(LIMIT)
    bad = [(i, r) for i, r in enumerate(results) if r is None or r != [True] * (k + 1)]
    return bad


def serve(kea, example, n, k):
    start = time.monotonic()
    p = subprocess.Popen(kea + ["run", f"examples/{example}", "0", str(n)], cwd=ROOT,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = []
    reader = threading.Thread(target=lambda: first.append(p.stdout.readline().decode()), daemon=True)
    reader.start()
    reader.join(LIMIT)
    line = first[0] if first else ""
    m = re.search(r"listening on 127\.0\.0\.1:(\d+)", line)
    if not m:
        p.kill()
        p.wait()
        return False, f"no 'listening on' line within {LIMIT}s: {line!r} {p.stderr.read()!r}"
    bad = clients(int(m.group(1)), n, k)
    try:
        code = p.wait(timeout=LIMIT)
    except subprocess.TimeoutExpired:
        p.kill()
        p.wait()
        out = p.stdout.read().decode()[-300:]
        return False, f"the server did not stop after {n} connections ({len(bad)} clients got bad echoes, first: {bad[:1]}); its output ends {out!r}"
    err = p.stderr.read().decode()
    took = time.monotonic() - start
    if bad:
        return False, f"{len(bad)} clients got bad echoes, first: {bad[0]}"
    if code != 0 or err:
        return False, f"exit {code}, stderr {err!r}"
    return True, f"{n} clients x {k} messages, every echo intact, server exited 0 ({took:.1f}s)"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("kea", nargs="+")
    ap.add_argument("--clients", type=int, default=100)
    ap.add_argument("--messages", type=int, default=5)
    a = ap.parse_args()
    os.environ.setdefault("WINEDEBUG", "-all")
    ok = True
    for example in ("echo-server.pasm", "echo-server-callbacks.pasm"):
        good, what = serve(a.kea, example, a.clients, a.messages)
        print(f"{'ok' if good else 'FAILED'}: {example}: {what}", flush=True)
        ok &= good
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
