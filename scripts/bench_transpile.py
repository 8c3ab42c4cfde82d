#!/usr/bin/env python3
"""Transpiling speed, measured side by side in one run over python3's
standard library (every .py file outside site-packages):

- bare parsing with the parser unawait uses (ruff_python_parser on its
  own), unawait's front end (`desugar` with no pass selected: decoding,
  parsing with CPython's tokenizer checks, compile-time checks), `desugar`
  on one thread and on all cores (`cargo bench --bench transpile`, files
  held in memory);
- CPython's ast.parse + ast.unparse over the same files;
- `ruff format` (installed from PyPI into a temporary virtual environment)
  on a copy of the files, as a parse-and-print reference;
- `unawait --out-dir` on the whole tree with 1 thread and with all cores
  (on /dev/shm where there is one, so the disk's speed stays out of it).

Usage: python3 scripts/bench_transpile.py [--skip-ruff]
"""
import argparse
import ast
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import time

from project import ROOT, unawait_binary


def corpus_files(root):
    for directory, subdirectories, files in os.walk(root):
        subdirectories[:] = sorted(d for d in subdirectories if d != "site-packages")
        for name in sorted(files):
            if name.endswith(".py"):
                yield os.path.join(directory, name)


def timed(command, env=None, accept=(0,)):
    """Seconds the command took, and its own peak memory in KiB."""
    started = time.perf_counter()
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    if code not in accept:
        sys.exit("%s exited with %d" % (" ".join(command), code))
    return elapsed, usage.ru_maxrss


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--skip-ruff", action="store_true", help="do not install and time ruff")
    args = parser.parse_args()
    corpus = sysconfig.get_paths()["stdlib"]
    files = list(corpus_files(corpus))
    megabytes = sum(os.path.getsize(f) for f in files) / 1e6

    bench = subprocess.run(["cargo", "bench", "-q", "--bench", "transpile", "--", corpus],
                           cwd=ROOT, check=True, capture_output=True, text=True).stdout
    rust = json.loads(bench.strip().splitlines()[-1])

    sources = []
    for path in files:
        with open(path, "rb") as handle:
            sources.append(handle.read())
    started = time.perf_counter()
    for source in sources:
        try:
            ast.unparse(ast.parse(source))
        except (SyntaxError, ValueError, RecursionError):
            pass
    cpython = megabytes / (time.perf_counter() - started)

    unawait = unawait_binary()
    rows = [
        ("ruff_python_parser alone, parse only (ceiling)", rust["parse_mb_s"]),
        ("unawait's front end: decode, parse, CPython's checks (desugar, no pass)", rust["front_end_mb_s"]),
        ("unawait desugar, 1 thread (as the command line runs it)", rust["desugar_mb_s"]),
        ("unawait desugar, 1 ordinary thread (a thread per call)", rust["desugar_ordinary_thread_mb_s"]),
        ("unawait desugar, %d threads" % rust["threads"], rust["desugar_parallel_mb_s"]),
        ("CPython %d.%d ast.parse + ast.unparse" % sys.version_info[:2], cpython),
    ]
    # On a RAM disk where there is one: the disk's own speed varied threefold
    # between runs on the machine these figures come from, drowning the tool's.
    ram_disk = "/dev/shm" if os.path.isdir("/dev/shm") else None
    with tempfile.TemporaryDirectory(dir=ram_disk) as work:
        # The same .py files, without the rest of the library's directory.
        tree = os.path.join(work, "tree")
        for path in files:
            target = os.path.join(tree, os.path.relpath(path, corpus))
            os.makedirs(os.path.dirname(target), exist_ok=True)
            shutil.copyfile(path, target)
        out = os.path.join(work, "out")
        # The standard library holds files CPython rejects on purpose
        # (test/badsyntax_*): --out-dir reports them and exits 1.
        # Best of 3, alternating, as the in-memory figures are.
        one_thread = dict(os.environ, UNAWAIT_THREADS="1")
        single, parallel, peak_kib = float("inf"), float("inf"), 0
        for _ in range(3):
            elapsed, _ = timed([unawait, "--out-dir", out, tree], env=one_thread, accept=(0, 1))
            single = min(single, elapsed)
            shutil.rmtree(out)
            elapsed, peak = timed([unawait, "--out-dir", out, tree], accept=(0, 1))
            parallel, peak_kib = min(parallel, elapsed), max(peak_kib, peak)
            shutil.rmtree(out)
        rows.append(("unawait --out-dir, 1 thread (with file I/O)", megabytes / single))
        rows.append(("unawait --out-dir, all cores (with file I/O)", megabytes / parallel))
        if not args.skip_ruff:
            venv = os.path.join(work, "venv")
            subprocess.run([sys.executable, "-m", "venv", venv], check=True)
            subprocess.run([os.path.join(venv, "bin", "pip"), "install", "-q", "ruff"], check=True)
            ruff, _ = timed([os.path.join(venv, "bin", "ruff"), "format", "--no-cache", "--quiet", tree], accept=(0, 2))
            rows.append(("ruff format (all cores, with file I/O)", megabytes / ruff))

    print("corpus: %s, %d files, %.1f MB, largest file %.0f KB" % (
        corpus, rust["files"], rust["megabytes"], rust["largest_file_bytes"] / 1e3))
    print("| work | MB/s |")
    print("|---|---|")
    for label, speed in rows:
        print("| %s | %.1f |" % (label, speed))
    print("desugar / front end (1 thread): %.0f%% (target >= 75%%)" % (100 * rust["desugar_mb_s"] / rust["front_end_mb_s"]))
    print("desugar / the parser alone (1 thread): %.0f%%" % (100 * rust["desugar_mb_s"] / rust["parse_mb_s"]))
    print("desugar on %d threads / 1 thread: %.2fx (target >= 1.8x on 2)" % (
        rust["threads"], rust["desugar_parallel_mb_s"] / rust["desugar_mb_s"]))
    print("--out-dir all cores / 1 thread: %.2fx" % (single / parallel))
    print("peak memory: bench %.0f MB, --out-dir %.0f MB (largest file %.1f MB)" % (
        rust["max_rss_kib"] / 1024, peak_kib / 1024, rust["largest_file_bytes"] / 1e6))


if __name__ == "__main__":
    main()
