#!/usr/bin/env python3
"""How transpiling time grows with the awaits in one statement.

For each shape, writes a file whose `async def` holds one statement with N
awaits (and one with 2N), times `unawait FILE` on each and prints both times
and their ratio: about 2 is linear, about 4 quadratic. Output size grows
linearly in every shape, so a ratio near 4 is the transpiler's own doing.

Usage: python3 scripts/bench_wide_await.py [--n 16000] [--shapes sum,list]
       [--timeout 60] [--unawait PATH]
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time

from project import unawait_binary

# Each shape: the statement for n awaits (the body of `async def f():`).
SHAPES = {
    "sum": lambda n: "x = " + " + ".join(["(await g())"] * n),
    "list": lambda n: "x = [" + ", ".join(["await g()"] * n) + "]",
    "set": lambda n: "x = {" + ", ".join(["await g()"] * n) + "}",
    "dict": lambda n: "x = {" + ", ".join("%d: await g()" % i for i in range(n)) + "}",
    "call_args": lambda n: "x = h(" + ", ".join(["await g()"] * n) + ")",
    "and_chain": lambda n: "x = " + " and ".join(["(await g())"] * n),
    "or_chain": lambda n: "x = " + " or ".join(["(await g())"] * n),
    "compare_chain": lambda n: "x = " + " < ".join(["(await g())"] * n),
    "fstring": lambda n: "x = f'" + "".join(["{await g()}"] * n) + "'",
    "semicolons": lambda n: "; ".join(["await g()"] * n),
    "lines": lambda n: "x = [\n" + "".join(["        await g(),\n"] * n) + "    ]",
    "comprehensions": lambda n: "x = " + " + ".join(["[y async for y in a()]"] * n),
    "in_comprehension": lambda n: "x = [(" + ", ".join(["await g()"] * n) + ") async for y in a()]",
    "with_header": lambda n: "async with h(" + ", ".join(["await g()"] * n) + ") as y:\n        pass",
    "for_header": lambda n: "async for y in h(" + ", ".join(["await g()"] * n) + "):\n        pass",
    "lambdas": lambda n: "x = h(" + ", ".join(["lambda: (y async for y in a())"] * n) + ")",
    # These nest n deep as well as wide.
    "ifexp": lambda n: "x = " + "".join(["1 if (await g()) else "] * n) + "0",
    "subscripts": lambda n: "x = a" + "".join(["[await g()]"] * n),
    "calls": lambda n: "x = a" + "".join(["(await g())"] * n),
}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=16000, help="awaits in the smaller file (default 16000)")
    parser.add_argument("--shapes", help="comma-separated shapes (default: all of %s)" % ", ".join(SHAPES))
    parser.add_argument("--timeout", type=float, default=60, help="seconds before a run is given up")
    parser.add_argument("--unawait", help="the binary (default: build and use the release one)")
    args = parser.parse_args()
    unawait = unawait_binary(args.unawait)
    shapes = args.shapes.split(",") if args.shapes else list(SHAPES)

    print("| shape | N | s | 2N | s | ratio | result |")
    print("|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as work:
        for shape in shapes:
            times = []
            result = "ok"
            for n in (args.n, 2 * args.n):
                path = os.path.join(work, "%s_%d.py" % (shape, n))
                with open(path, "w") as handle:
                    handle.write("async def f():\n    %s\n" % SHAPES[shape](n))
                started = time.perf_counter()
                try:
                    run = subprocess.run([unawait, path], stdout=subprocess.DEVNULL,
                                         stderr=subprocess.PIPE, timeout=args.timeout)
                except subprocess.TimeoutExpired:
                    times.append(None)
                    result = "over %g s" % args.timeout
                    break
                times.append(time.perf_counter() - started)
                if run.returncode != 0:
                    message = run.stderr.decode(errors="replace").splitlines()
                    result = "exit %d: %s" % (run.returncode, message[0] if message else "")
                    break
            cells = ["%.2f" % t if t is not None else "-" for t in times] + ["-"] * (2 - len(times))
            ratio = "%.1f" % (times[1] / times[0]) if len(times) == 2 and None not in times else "-"
            print("| %s | %d | %s | %d | %s | %s | %s |" % (
                shape, args.n, cells[0], 2 * args.n, cells[1], ratio, result[:120]))
            sys.stdout.flush()


if __name__ == "__main__":
    main()
