#!/usr/bin/env python3
"""Speed of desugared code against the native async code it replaces.

Usage: python3 scripts/bench_runtime.py [--pythons P1,P2] [--rounds N]

Each program times its own measured part (interpreter start-up excluded)
and prints the seconds; native and desugared runs alternate, and the table
reports the medians and their ratio. Default interpreters: pyenv's 3.11 and
3.13 when installed, else python3.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile

from project import interpreters, unawait_binary

PROGRAMS = {
    # PEP 492's benchmark: recursive awaits, no event loop.
    "abinary": ("""
import time

async def abinary(n):
    if n <= 0:
        return 1
    l = await abinary(n - 1)
    r = await abinary(n - 1)
    return l + 1 + r

def run(coro):
    try:
        coro.send(None)
    except StopIteration as e:
        return e.value

start = time.perf_counter()
assert run(abinary(17)) == 2 ** 18 - 1
print(time.perf_counter() - start)
""", 1.5),
    # The event loop at work: thousands of tasks passing messages.
    "asyncio_queue": ("""
import asyncio, time

async def producer(queue, n):
    for i in range(n):
        await queue.put(i)

async def consumer(queue, total):
    seen = 0
    while seen < total:
        await queue.get()
        seen += 1
    return seen

async def main():
    queue = asyncio.Queue(maxsize=100)
    producers = [asyncio.ensure_future(producer(queue, 20)) for _ in range(2000)]
    got = await consumer(queue, 2000 * 20)
    await asyncio.gather(*producers)
    return got

loop = asyncio.new_event_loop()
start = time.perf_counter()
assert loop.run_until_complete(main()) == 40000
print(time.perf_counter() - start)
loop.close()
""", 1.1),
    # An async generator pipeline under the event loop.
    "asyncgen_pipeline": ("""
import asyncio, time

async def numbers(n):
    for i in range(n):
        if i % 100 == 0:
            await asyncio.sleep(0)
        yield i

async def squares(source):
    async for x in source:
        yield x * x

async def main():
    return sum([y async for y in squares(numbers(50000))])

loop = asyncio.new_event_loop()
start = time.perf_counter()
assert loop.run_until_complete(main()) == sum(i * i for i in range(50000))
print(time.perf_counter() - start)
loop.close()
""", 1.1),
}


def default_pythons(unawait):
    """The newest 3.11 and 3.13 among the interpreters found, else python3."""
    newest = {}
    for version, path in interpreters(unawait):
        minor = ".".join(version.split(".")[:2])
        if minor in ("3.11", "3.13"):
            newest[minor] = (version, path)
    return [newest[minor] for minor in sorted(newest)] or interpreters(unawait, "python3")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pythons", help="comma-separated interpreters")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--unawait", help="the unawait binary (default: build it with cargo)")
    args = parser.parse_args()
    unawait = unawait_binary(args.unawait)
    pythons = interpreters(unawait, args.pythons) if args.pythons else default_pythons(unawait)

    rows = []
    with tempfile.TemporaryDirectory() as work:
        for name, (program, target) in PROGRAMS.items():
            native = os.path.join(work, name + ".py")
            desugared = os.path.join(work, name + "_desugared.py")
            with open(native, "w") as handle:
                handle.write(program)
            subprocess.run([unawait, native, "-o", desugared], check=True)
            for version, python in pythons:
                times = {"native": [], "desugared": []}
                for _ in range(args.rounds):
                    for kind, path in (("native", native), ("desugared", desugared)):
                        out = subprocess.run([python, "-E", "-s", path], capture_output=True, text=True, check=True)
                        times[kind].append(float(out.stdout.strip()))
                a, b = statistics.median(times["native"]), statistics.median(times["desugared"])
                rows.append((name, version, a, b, b / a, target))
    print("| program | CPython | native s | desugared s | ratio | target |")
    print("|---|---|---|---|---|---|")
    for name, ver, a, b, ratio, target in rows:
        verdict = "met" if ratio <= target else "missed"
        print("| %s | %s | %.3f | %.3f | %.2fx | <= %.1fx (%s) |" % (name, ver, a, b, ratio, target, verdict))


if __name__ == "__main__":
    main()
