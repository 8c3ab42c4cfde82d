#!/usr/bin/env python3
"""How long `unawait serve` takes to re-render a 1,000-line file end to end:
an HTTP request to /api/desugar carrying the whole file (as the page sends
one after each pause in typing), desugaring, highlighting both sides,
aligning the rows, and the JSON answer read back in full. What the browser
then does with the answer (setting innerHTML) is not included.

The file is built from the shipped examples' async code, repeated with
renamed functions until it has 1,000 lines. Each option set is measured
over --repeat requests after a few warm-up ones, on one kept-alive
connection; the median, 90th percentile and maximum are printed, up to
the last byte of the answer and up to the answer parsed (Python's JSON
parser, slower than a browser's), and the CPU time the server used per
request (wall time on a busy machine includes waiting for a core).

Usage: python3 scripts/bench_serve.py [--unawait PATH] [--repeat N]
(without --unawait, the release binary is built first)
"""
import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import time

from project import ROOT, unawait_binary

BLOCK = '''

class Ticker{n}:
    def __init__(self, start):
        self.current = start

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.current == 0:
            raise StopAsyncIteration
        await asyncio.sleep(0)
        self.current -= 1
        return self.current + 1


async def countdown{n}(start, lock):
    async with lock:
        async for n in Ticker{n}(start):
            print(n)
    squares = [await square(i) async for i in Ticker{n}(3)]
    return squares
'''


def thousand_lines():
    lines = ["import asyncio", "", "", "async def square(x):", "    return x * x"]
    n = 0
    while len(lines) + len(BLOCK.split("\n")) <= 1000:
        lines.extend(BLOCK.format(n=n).split("\n"))
        n += 1
    # Whole blocks only; plain statements make up the rest.
    lines.extend("value_%d = %d" % (i, i) for i in range(1000 - len(lines)))
    return "\n".join(lines) + "\n"


def server_cpu_ms(pid):
    """CPU time (user and system) the server has used, from /proc: on a
    busy machine, wall time also counts the wait for a core."""
    fields = open("/proc/%d/stat" % pid).read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--unawait", help="the binary (default: build and use the release one)")
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    unawait = unawait_binary(args.unawait)
    server = subprocess.Popen(
        [unawait, "serve", "--port", "0"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        url = server.stdout.readline().strip().split(": ", 1)[1]
        host = url.split("/")[2]
        token = url.split("token=")[1]
        code = thousand_lines()
        connection = http.client.HTTPConnection(host)
        connection.connect()
        # As browsers do: no waiting to coalesce small writes (Nagle), which
        # against delayed acknowledgements costs tens of milliseconds.
        connection.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        headers = {
            "Host": host,
            "Origin": "http://" + host,
            "X-Unawait-Token": token,
            "Content-Type": "application/json",
        }
        print("input: %d lines, %d bytes" % (code.count("\n"), len(code.encode())))
        for label, options in [
            ("runtime inline (the default)", {}),
            ("runtime import", {"runtime": "import"}),
            ("runtime inline, --explain", {"explain": True}),
            ("stopped after async_for", {"stop_after": "async_for"}),
        ]:
            body = json.dumps(dict(options, code=code))
            received, parsed = [], []
            cpu_before = server_cpu_ms(server.pid)
            for round_ in range(args.repeat + 3):
                started = time.perf_counter()
                connection.request("POST", "/api/desugar", body, headers)
                response = connection.getresponse()
                raw = response.read()
                got = time.perf_counter()
                answer = json.loads(raw)
                done = time.perf_counter()
                assert response.status == 200 and answer["ok"], answer.get("errors")
                if round_ >= 3:
                    received.append((got - started) * 1000)
                    parsed.append((done - started) * 1000)
            cpu = server_cpu_ms(server.pid) - cpu_before
            print(
                "%s (%d output lines, %d KB answer; server CPU %.1f ms a request):"
                % (label, answer["output_lines"], len(raw) // 1024, cpu / (args.repeat + 3))
            )
            for what, times in [("answer received", received), ("and JSON parsed", parsed)]:
                times.sort()
                print(
                    "    %-16s median %6.1f ms  p90 %6.1f ms  max %6.1f ms"
                    % (what, statistics.median(times), times[int(len(times) * 0.9) - 1], times[-1])
                )
    finally:
        server.kill()
        server.wait()


if __name__ == "__main__":
    main()
