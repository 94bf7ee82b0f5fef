#!/usr/bin/env python3
"""Measures infertop against hostile targets on loopback (issue 14, classes 4 and 5).

usage: Benchmarks/hostile-targets.py BINARY [--targets 10000] [--timeout 2]

1. A round over TARGETS targets: half serve a small real page, a quarter refuse the connection (a port that
   was bound and closed), a quarter accept and never answer. Runs `BINARY snapshot --file-sd ... --rounds 1`
   and prints the round's wall time (against the timeout), the peak RSS and how many targets were seen up,
   refused and timed out.
2. One target answering a page of a million series (about 45 MB): with the default series limit (refused
   before parsing) and with the limit raised past it (parsed), time and peak RSS of each.

Servers and measurement share this process; the figures are the child's (os.wait4), in release or debug,
whatever BINARY is. Standard library only.
"""
import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import selectors

PAGE = (
    "# TYPE vllm:num_requests_running gauge\n"
    'vllm:num_requests_running{model_name="m"} 3\n'
    "# TYPE vllm:num_requests_waiting gauge\n"
    'vllm:num_requests_waiting{model_name="m"} 1\n'
    "# TYPE vllm:generation_tokens_total counter\n"
    'vllm:generation_tokens_total{model_name="m"} 12345\n'
).encode()


def million_page(series):
    lines = ["# TYPE hostile_series gauge\n"]
    lines += ['hostile_series{shard="%d",gpu="%d",node="node-%d"} %d\n' % (i % 97, i % 8, i, i) for i in range(series)]
    return "".join(lines).encode()


class Servers:
    """Listening sockets served by one selector thread: `live` ones answer every request with their page,
    `hanging` ones accept and hold the connection without a byte."""

    def __init__(self):
        self.selector = selectors.DefaultSelector()
        self.held = []
        self.stop = False

    def listen(self, page):
        s = socket.socket()
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind(("127.0.0.1", 0))
        s.listen(64)
        s.setblocking(False)
        self.selector.register(s, selectors.EVENT_READ, ("listen", page))
        return s.getsockname()[1]

    def run(self):
        while not self.stop:
            for key, _ in self.selector.select(timeout=0.2):
                kind, page = key.data
                if kind == "listen":
                    try:
                        conn, _ = key.fileobj.accept()
                    except BlockingIOError:
                        continue
                    if page is None:
                        self.held.append(conn)  # hang: never read, never answer
                    else:
                        conn.setblocking(False)
                        self.selector.register(conn, selectors.EVENT_READ, ("request", page))
                else:
                    conn = key.fileobj
                    try:
                        data = conn.recv(65536)
                    except (BlockingIOError, ConnectionError):
                        continue
                    if not data:
                        self.selector.unregister(conn)
                        conn.close()
                        continue
                    if b"\r\n\r\n" in data:
                        head = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain; version=0.0.4\r\nContent-Length: %d\r\n\r\n" % len(page)
                        conn.setblocking(True)
                        try:
                            conn.sendall(head + page)
                        except ConnectionError:
                            pass
                        conn.setblocking(False)


BOUND = []


def closed_port():
    """A port that refuses connections: bound but never listening, and kept bound so that no two are the same
    (a port closed at once can be handed out again, and the listing would then name one target twice)."""
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    BOUND.append(s)
    return s.getsockname()[1]


def measured(binary, arguments):
    """Runs BINARY ARGUMENTS; returns (exit status, stdout, stderr, wall seconds, peak RSS MiB)."""
    start = time.monotonic()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        child = subprocess.Popen([binary] + arguments, stdout=out, stderr=err)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.monotonic() - start
        out.seek(0)
        err.seek(0)
        return os.waitstatus_to_exitcode(status), out.read(), err.read(), wall, usage.ru_maxrss / 1024


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--targets", type=int, default=10000)
    parser.add_argument("--timeout", type=float, default=2.0)
    parser.add_argument("--million", type=int, default=1_000_000)
    args = parser.parse_args()

    servers = Servers()
    live_count = args.targets // 2
    refused_count = args.targets // 4
    hanging_count = args.targets - live_count - refused_count
    addresses = [f"127.0.0.1:{servers.listen(PAGE)}" for _ in range(live_count)]
    addresses += [f"127.0.0.1:{servers.listen(None)}" for _ in range(hanging_count)]
    addresses += [f"127.0.0.1:{closed_port()}" for _ in range(refused_count)]
    big = million_page(args.million)
    big_port = servers.listen(big)
    thread = threading.Thread(target=servers.run, daemon=True)
    thread.start()

    folder = tempfile.mkdtemp(prefix="infertop-hostile-")
    sd = os.path.join(folder, "targets.json")
    with open(sd, "w") as f:
        json.dump([{"targets": addresses}], f)

    print(f"# round over {args.targets} targets: {live_count} live, {refused_count} refusing, {hanging_count} hanging; "
          f"--timeout {args.timeout:g}s")
    status, out, err, wall, rss = measured(args.binary, ["snapshot", "--file-sd", sd, "--rounds", "1", "--timeout",
                                                          f"{args.timeout:g}s", "--format", "json"])
    targets = json.loads(out)["targets"] if out else []
    up = sum(1 for t in targets if t["up"])
    timed_out = sum(1 for t in targets if not t["up"] and "timeout" in (t["lastError"] or ""))
    refused = sum(1 for t in targets if not t["up"]) - timed_out
    print(f"round: {wall:.2f} s (timeout {args.timeout:g} s, {wall - args.timeout:+.2f} s), peak RSS {rss:.0f} MiB, "
          f"exit {status}; up {up}/{live_count}, refused {refused}/{refused_count}, timed out {timed_out}/{hanging_count}")

    print(f"# one target answering {args.million} series ({len(big) / 1e6:.0f} MB)")
    for label, extra in (("default series limit", []), ("limit raised past it", ["--series-limit", str(args.million + 1)])):
        status, out, err, wall, rss = measured(args.binary, ["snapshot", f"127.0.0.1:{big_port}", "--rounds", "1",
                                                              "--timeout", "120s", "--format", "json"] + extra)
        target = json.loads(out)["targets"][0] if out else {}
        detail = target.get("lastError") or f"{target.get('samples')} samples stored"
        print(f"{label}: {wall:.2f} s, peak RSS {rss:.0f} MiB, exit {status}: {detail}")
    servers.stop = True


if __name__ == "__main__":
    main()
