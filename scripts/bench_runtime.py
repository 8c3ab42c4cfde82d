#!/usr/bin/env python3
"""Speed of desugared code against the native async code it replaces.

Usage: python3 scripts/bench_runtime.py [--pythons P1,P2] [--rounds N]
           [--runtime inline|import] [--only NAME,...] [--profile]
           [--baseline OLD_UNAWAIT] [--accelerator PACKAGE_DIR]

Each program times its own measured part (interpreter start-up excluded)
and prints the seconds; native and desugared runs alternate, and the table
reports the medians, their ratio and the target ratio (the goal beyond it in
parentheses). Default interpreters: pyenv's 3.11, 3.13 and 3.14 when
installed, else python3. `--runtime import` runs the desugared programs
against the runtime module instead of inline helpers. `--baseline` also
desugars each program with an older unawait binary and runs that output in
the same alternation, so the table's `before` and `ratio` columns compare
within one run. `--accelerator` names an installed `unawait` package
(`site-packages/unawait` of an environment where `pip install .` ran; its
extension is built for every CPython 3.7+): the programs are also run with
the imported runtime that package accelerates (src/python/accelerator.rs,
3.11+), in the same alternation, while `desugared` keeps the pure Python.

`--profile` runs each program once more, native and desugared, under
cProfile, and reports where the desugared run's extra work goes: Python
function calls (a count, the same on every run) and the profiler's share of
time per kind of code: the runtime helpers, the per-signature call
trampolines, the program itself, and everything else (the standard library
and builtins).
"""
import argparse
import json
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
""", 2.5, 1.5),
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
""", 1.1, 1.1),
    # Two chained async generators, driven by hand: no event loop, an await
    # that suspends every 100 items.
    "asyncgen_pipeline_noloop": ("""
import time, types

@types.coroutine
def suspend():
    yield

async def numbers(n):
    for i in range(n):
        if i % 100 == 0:
            await suspend()
        yield i

async def squares(source):
    async for x in source:
        yield x * x

async def main():
    return sum([y async for y in squares(numbers(50000))])

def run(coro):
    while True:
        try:
            coro.send(None)
        except StopIteration as e:
            return e.value

start = time.perf_counter()
assert run(main()) == sum(i * i for i in range(50000))
print(time.perf_counter() - start)
""", 3.0, 1.5),
    # The same pipeline under the event loop.
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
""", 3.0, 1.5),
}


# Runs a program under cProfile and prints, as JSON, its Python-level calls
# and time per kind of code. Lines up to the end marker of an inlined
# runtime are the runtime's, as is all of an imported runtime module;
# trampolines are compiled under their own name.
PROFILER = r"""
import cProfile, json, os, pstats, sys
path = sys.argv[1]
sys.path.insert(0, os.path.dirname(path))
with open(path) as handle:
    source = handle.read()
marker = "# --- end of unawait runtime ---"
runtime_end = source[: source.index(marker)].count("\n") + 1 if marker in source else 0
sys.argv = [path]
profile = cProfile.Profile()
namespace = {"__name__": "__main__"}
profile.runctx(compile(source, path, "exec"), namespace, namespace)
kinds, helpers = {}, {}
for (filename, line, name), (_, calls, tottime, _, _) in pstats.Stats(profile).stats.items():
    if (filename == path and line <= runtime_end) or os.path.basename(filename) == "unawait_runtime.py":
        kind = "runtime"
        entry = helpers.setdefault(name, [0, 0.0])
        entry[0] += calls
        entry[1] += tottime
    elif filename == "<unawait coroutine function>":
        kind = "trampolines"
    elif filename == path:
        kind = "program"
    else:
        kind = "library" if line else "builtins"
    entry = kinds.setdefault(kind, [0, 0.0])
    entry[0] += calls
    entry[1] += tottime
print(json.dumps({"kinds": kinds, "helpers": helpers}))
"""


def profile(python, path):
    out = subprocess.run([python, "-E", "-s", "-c", PROFILER, path], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.splitlines()[-1])


def print_profiles(programs, pythons):
    """One table per program: calls and profiled time per kind of code."""
    for name, native, desugared in programs:
        print("\n%s: Python-level calls and cProfile time share (desugared run)" % name)
        print("| CPython | native calls | desugared calls | runtime | trampolines | program | library | builtins | top helpers by time |")
        print("|---|---|---|---|---|---|---|---|---|")
        for version, python in pythons:
            base = profile(python, native)["kinds"]
            run = profile(python, desugared)
            kinds = run["kinds"]
            total_time = sum(t for _, t in kinds.values()) or 1.0
            python_calls = lambda k: sum(c for kind, (c, _) in k.items() if kind != "builtins")
            cells = [
                "%d calls, %.0f%%" % (kinds.get(kind, (0, 0))[0], 100 * kinds.get(kind, (0, 0.0))[1] / total_time)
                for kind in ("runtime", "trampolines", "program", "library", "builtins")
            ]
            top = sorted(run["helpers"].items(), key=lambda item: -item[1][1])[:3]
            helpers = ", ".join("%s %.0f%%" % (helper, 100 * t / total_time) for helper, (_, t) in top)
            print("| %s | %d | %d | %s | %s |" % (version, python_calls(base), python_calls(kinds), " | ".join(cells), helpers))


def default_pythons(unawait):
    """The newest 3.11, 3.13 and 3.14 among the interpreters found, else python3."""
    newest = {}
    for version, path in interpreters(unawait):
        minor = ".".join(version.split(".")[:2])
        if minor in ("3.11", "3.13", "3.14"):
            newest[minor] = (version, path)
    return [newest[minor] for minor in sorted(newest)] or interpreters(unawait, "python3")


def desugar_all(binaries, runtime, only, work):
    """{label: {program: path}}: each program desugared by each binary (a
    label, the binary, the runtime mode and a package directory to put
    beside it or None), in a directory of its own (with its own runtime
    module under `--runtime import`), next to `native`, the programs as
    written."""
    paths = {"native": {}}
    for name in only:
        paths["native"][name] = os.path.join(work, name + ".py")
        with open(paths["native"][name], "w") as handle:
            handle.write(PROGRAMS[name][0])
    for label, binary, runtime, package in binaries:
        directory = os.path.join(work, label)
        os.mkdir(directory)
        if runtime == "import":
            subprocess.run([binary, "runtime", "--write", directory], check=True)
        if package:
            # The programs' directory comes first on sys.path.
            os.symlink(os.path.abspath(package), os.path.join(directory, "unawait"))
        paths[label] = {}
        for name in only:
            paths[label][name] = os.path.join(directory, name + ".py")
            subprocess.run([binary, "--runtime=" + runtime, paths["native"][name], "-o", paths[label][name]], check=True)
    return paths


def check_accelerated(directory, version, python):
    """Fails unless the runtime module in `directory` took the accelerator
    (on 3.11+, where it applies): a pure run must not pass for it."""
    if tuple(int(part) for part in version.split(".")[:2]) < (3, 11):
        return
    answer = subprocess.run(
        [python, "-E", "-s", "-c", "import unawait_runtime as r; print(r._unawait_accelerated)"],
        cwd=directory,
        capture_output=True,
        text=True,
    )
    if answer.stdout.strip() != "True":
        sys.exit("the runtime is not accelerated on %s: %s" % (python, answer.stderr.strip()))


def measure(paths, name, python, rounds):
    """{label: median seconds}, the runs of every label alternating."""
    times = {label: [] for label in paths}
    for _ in range(rounds):
        for label in paths:
            out = subprocess.run([python, "-E", "-s", paths[label][name]], capture_output=True, text=True, check=True)
            times[label].append(float(out.stdout.strip()))
    return {label: statistics.median(values) for label, values in times.items()}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pythons", help="comma-separated interpreters")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--unawait", help="the unawait binary (default: build it with cargo)")
    parser.add_argument(
        "--baseline", help="an older unawait binary, measured in the same alternation: adds a `before` column"
    )
    parser.add_argument("--runtime", choices=("inline", "import"), default="inline", help="how the desugared programs get the helpers")
    parser.add_argument(
        "--accelerator",
        metavar="PACKAGE_DIR",
        help="an installed unawait package: also run the imported runtime it accelerates",
    )
    parser.add_argument("--only", help="comma-separated program names (default: all)")
    parser.add_argument("--profile", action="store_true", help="also report where the desugared runs spend their calls and time")
    args = parser.parse_args()
    unawait = unawait_binary(args.unawait)
    pythons = interpreters(unawait, args.pythons) if args.pythons else default_pythons(unawait)
    binaries = ([("before", args.baseline, args.runtime, None)] if args.baseline else []) + [
        ("desugared", unawait, args.runtime, None)
    ]
    if args.accelerator:
        binaries.append(("accelerated", unawait, "import", args.accelerator))

    only = args.only.split(",") if args.only else list(PROGRAMS)
    with tempfile.TemporaryDirectory() as work:
        paths = desugar_all(binaries, args.runtime, only, work)
        if args.accelerator:
            for version, python in pythons:
                check_accelerated(os.path.join(work, "accelerated"), version, python)
        before = " before |" if args.baseline else ""
        accelerated = " accelerated s | accelerated ratio |" if args.accelerator else ""
        print("| program | CPython | native s | desugared s |%s ratio |%s target (goal) |" % (before, accelerated))
        print("|---|---|---|---|%s---|%s---|" % ("---|" if args.baseline else "", "---|---|" if args.accelerator else ""))

        def verdict(ratio, target, goal):
            return "goal met" if ratio <= goal else "met" if ratio <= target else "missed"

        for name in only:
            _, target, goal = PROGRAMS[name]
            for version, python in pythons:
                medians = measure(paths, name, python, args.rounds)
                ratio = medians["desugared"] / medians["native"]
                was = " %.2fx |" % (medians["before"] / medians["native"]) if args.baseline else ""
                verdicts = verdict(ratio, target, goal)
                fast = ""
                if args.accelerator:
                    fast_ratio = medians["accelerated"] / medians["native"]
                    fast = " %.3f | %.2fx |" % (medians["accelerated"], fast_ratio)
                    verdicts = "pure %s, accelerated %s" % (verdicts, verdict(fast_ratio, target, goal))
                print(
                    "| %s | %s | %.3f | %.3f |%s %.2fx |%s <= %.1fx (%.1fx): %s |"
                    % (name, version, medians["native"], medians["desugared"], was, ratio, fast, target, goal, verdicts),
                    flush=True,
                )
        if args.profile:
            profiled = [(name, paths["native"][name], paths["desugared"][name]) for name in only]
            print_profiles(profiled, pythons)


if __name__ == "__main__":
    main()
