#!/usr/bin/env python3
"""Start-up of the `unawait` command: the native binary against the pip
package's console script (Python, then the command line in the extension).

Usage: python3 scripts/bench_startup.py --native target/release/unawait \\
           --installed VENV/bin/unawait [--runs 30]

Times `unawait --version` and `unawait examples/countdown.py` (output to
/dev/null), alternating the two commands, and reports the medians. Not a
test; docs/python.md has the figures.
"""

import argparse
import os
import statistics
import subprocess
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--native", required=True)
    parser.add_argument("--installed", required=True)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    example = os.path.join(ROOT, "examples", "countdown.py")
    print("| command | native ms | console script ms | difference ms |")
    print("|---|---|---|---|")
    for label, command_args in (("--version", ["--version"]), ("countdown.py", [example])):
        times = {args.native: [], args.installed: []}
        for _ in range(args.runs):
            for command in times:
                start = time.perf_counter()
                subprocess.run([command] + command_args, stdout=subprocess.DEVNULL, check=True)
                times[command].append(time.perf_counter() - start)
        native = statistics.median(times[args.native]) * 1000
        installed = statistics.median(times[args.installed]) * 1000
        print(
            "| unawait {} | {:.1f} | {:.1f} | {:+.1f} |".format(
                label, native, installed, installed - native
            )
        )


if __name__ == "__main__":
    main()
