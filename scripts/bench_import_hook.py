#!/usr/bin/env python3
"""Importing a package through unawait's import hook against plain imports.

Usage: python scripts/bench_import_hook.py [--modules 300] [--rounds 9] [--distinct-names]

Run with an interpreter that has the unawait package installed (`pip install
.`). Generates a package of N modules of async code (async def, await, async
with, async for, an async generator and an async comprehension each), then
times, in fresh interpreters, importing all of them (start-up excluded):

- plain: no hook, CPython's own bytecode cache warm;
- plain, first run: no hook, CPython's bytecode cache emptied before each
  round (every module compiled, its bytecode written);
- hook, first run: the hook installed, its cache emptied before each round
  (every module desugared and compiled; the hook desugars the package's
  other modules ahead on a worker thread, see `ImportHook.prefetched`);
- hook, first run, one thread: the same with `UNAWAIT_PREFETCH=0`, every
  module desugared on the importing thread;
- hook, cached: the hook installed, its cache warm.

Before each timed run, `os.sync()` (where there is one) writes out the
files the previous runs left dirty (the bytecode caches): otherwise the
kernel's write-back of one run's files can land in the next run's timing,
whichever side that is. Both sides get the same treatment.

Reports the median of each over the rounds, the ratios to the plain
imports, and the median CPU time of the process over the same span (all
its threads: the worker's desugaring counts there, where the wall clock
overlaps it with the importing thread's work). With `--distinct-names` each module's functions have names of their
own (`numbers_7`, ...), as a real package's mostly have: the runtime makes
what a desugared `async def` needs once per name and signature in a process,
so by default (the same names in every module) only the first module pays
for it. Not a test: speeds depend on the machine; docs/performance.md has
the figures.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

MODULE = """\
import asyncio


class Resource:
    async def __aenter__(self):
        await asyncio.sleep(0)
        return self

    async def __aexit__(self, *exc_info):
        return False


async def numbers{suffix}(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i + {index}


async def total{suffix}(n):
    async with Resource():
        squares = [i * i async for i in numbers{suffix}(n)]
    result = 0
    async for value in numbers{suffix}(n):
        result += value
    return result + sum(squares)


async def fetch{suffix}(key):
    value = await asyncio.sleep(0, result=key)
    return {{"key": value, "index": {index}}}
"""

IMPORT_ALL = """
import importlib, sys, time
hooked = sys.argv[1] == "hook"
start = time.perf_counter()
cpu_start = time.process_time()
if hooked:
    import unawait
    unawait.install_import_hook("benchpkg")
for index in range({count}):
    importlib.import_module("benchpkg.m%d" % index)
print(time.perf_counter() - start, time.process_time() - cpu_start)
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--modules", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--distinct-names", action="store_true")
    args = parser.parse_args()
    root = tempfile.mkdtemp(prefix="unawait-bench-hook-")
    try:
        package = os.path.join(root, "benchpkg")
        os.mkdir(package)
        open(os.path.join(package, "__init__.py"), "w").close()
        for index in range(args.modules):
            with open(os.path.join(package, "m%d.py" % index), "w") as file:
                suffix = "_%d" % index if args.distinct_names else ""
                file.write(MODULE.format(index=index, suffix=suffix))
        env = dict(os.environ)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        code = IMPORT_ALL.format(count=args.modules)
        cache = os.path.join(package, "__pycache__")

        one_thread = dict(env, UNAWAIT_PREFETCH="0")

        def timed(mode, environment=env):
            """`(wall, cpu)` seconds importing the package."""
            if hasattr(os, "sync"):
                os.sync()
            completed = subprocess.run(
                [sys.executable, "-c", code, mode],
                cwd=root,
                env=environment,
                stdout=subprocess.PIPE,
                check=True,
                universal_newlines=True,
            )
            wall, cpu = completed.stdout.split()
            return float(wall), float(cpu)

        def clear_cache(hook):
            for name in os.listdir(cache) if os.path.isdir(cache) else ():
                if (".unawait-" in name) == hook:
                    os.unlink(os.path.join(cache, name))

        timed("plain")  # warms CPython's bytecode cache
        load_before = os.getloadavg()[0]
        rows = {
            "plain": [],
            "plain, first run": [],
            "hook, first run": [],
            "hook, first run, one thread": [],
            "hook, cached": [],
        }
        for _ in range(args.rounds):
            rows["plain"].append(timed("plain"))
            clear_cache(hook=False)
            rows["plain, first run"].append(timed("plain"))
            clear_cache(hook=True)
            rows["hook, first run"].append(timed("hook"))
            clear_cache(hook=True)
            rows["hook, first run, one thread"].append(timed("hook", one_thread))
            rows["hook, cached"].append(timed("hook"))
        medians = {
            label: statistics.median(wall for wall, _ in times) for label, times in rows.items()
        }
        cpu = {label: statistics.median(cpu for _, cpu in times) for label, times in rows.items()}
        print(
            "CPython {}, {} modules{}, median of {} rounds, load {:.1f} to {:.1f}".format(
                sys.version.split()[0],
                args.modules,
                " (distinct names)" if args.distinct_names else "",
                args.rounds,
                load_before,
                os.getloadavg()[0],
            )
        )
        print("| import | ms | ratio to plain | ratio to plain first run | CPU ms |")
        print("|---|---|---|---|---|")
        for label, median in medians.items():
            print(
                "| {} | {:.1f} | {:.2f}x | {:.2f}x | {:.1f} |".format(
                    label,
                    median * 1000,
                    median / medians["plain"],
                    median / medians["plain, first run"],
                    cpu[label] * 1000,
                )
            )
    finally:
        shutil.rmtree(root)


if __name__ == "__main__":
    main()
