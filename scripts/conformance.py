#!/usr/bin/env python3
"""Conformance of unawait against CPython's own async test suites.

For every interpreter, desugars that interpreter's own test_coroutines.py,
test_asyncgen.py and test_contextlib_async.py (and a few test_asyncio
modules), runs each with unittest next to the untouched original, and
compares the outcome of every test. A difference not listed in
scripts/conformance_expected.txt fails the script (exit 1).

Usage:
  python3 scripts/conformance.py                      # every interpreter found
  python3 scripts/conformance.py --pythons python3 --suites test_asyncgen,test_contextlib_async
  python3 scripts/conformance.py --write-doc docs/conformance.md
  python3 scripts/conformance.py --runtime import --pythons VENV/bin/python

`--runtime import` desugars with the runtime module beside the suite; run
with the interpreter of an environment where the unawait package is
installed, it tests the runtime that package accelerates (3.11+,
src/python/accelerator.rs).

The interpreters are found as the tests find them: python3 and every
$PYENV_ROOT/versions/*/bin/python of 3.6 or later (UNAWAIT_PYTHONS, a
`:`-separated list, overrides).
"""
import argparse
import concurrent.futures
import json
import os
import shutil
import subprocess
import sys
import tempfile

from project import ROOT, interpreters, unawait_binary

RUNNER = os.path.join(ROOT, "scripts", "conformance_runner.py")
EXPECTED = os.path.join(ROOT, "scripts", "conformance_expected.txt")
SUITES = [
    "test_coroutines",
    "test_asyncgen",
    "test_contextlib_async",
    "test_asyncio.test_locks",
    "test_asyncio.test_queues",
    "test_asyncio.test_timeouts",
]
PASSED = ("pass", "skip", "expected-failure")


def test_directory(python):
    out = subprocess.run(
        [python, "-E", "-s", "-c", "import os, test; print(os.path.dirname(test.__file__))"],
        capture_output=True, text=True, check=True,
    )
    return out.stdout.strip()


def runtime_accelerated(unawait, python):
    """Whether the runtime module, imported by `python`, takes the unawait
    package's accelerator (an installed package, 3.11+)."""
    work = tempfile.mkdtemp(prefix="unawait-conformance-")
    try:
        subprocess.run([unawait, "runtime", "--write", work], capture_output=True, check=True)
        answer = subprocess.run(
            [python, "-s", "-c", "import unawait_runtime as r; print(r._unawait_accelerated)"],
            capture_output=True, text=True, cwd=work,
        )
        return answer.stdout.strip() or "no (%s)" % answer.stderr.strip().splitlines()[-1:]
    finally:
        shutil.rmtree(work, ignore_errors=True)


def load_expected():
    """{(version spec, test id): reason} from the expected-differences list."""
    expected = []
    with open(EXPECTED, encoding="utf-8") as handle:
        for line in handle:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            versions, test_id, reason = line.split(None, 2)
            expected.append((versions, test_id, reason))
    return expected


def version_matches(spec, version):
    if spec == "all":
        return True
    minor = tuple(int(p) for p in version.split(".")[:2])
    low, _, high = spec.partition("-")
    parse = lambda text: tuple(int(p) for p in text.split("."))
    return parse(low) <= minor <= parse(high or low)


def run_module(python, directory, module, timeout):
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        out = handle.name
    try:
        env = dict(os.environ, PYTHONHASHSEED="0")
        env.pop("PYTHONPATH", None)
        completed = subprocess.run(
            [python, "-s", RUNNER, directory, module, out],
            capture_output=True, text=True, timeout=timeout, env=env, cwd=directory,
            stdin=subprocess.DEVNULL,
        )
        if completed.returncode != 0:
            return None, (completed.stderr.strip().splitlines() or ["exit %d" % completed.returncode])[-1]
        with open(out, encoding="utf-8") as handle:
            return json.load(handle), None
    except subprocess.TimeoutExpired:
        return None, "timed out after %ds" % timeout
    finally:
        os.unlink(out)


def check_suite(unawait, version, python, suite, timeout, runtime):
    """Runs one suite as written and desugared; returns a result dict."""
    tests = test_directory(python)
    relative = suite.replace(".", os.sep) + ".py"
    source = os.path.join(tests, relative)
    if not os.path.exists(source):
        return None
    work = tempfile.mkdtemp(prefix="unawait-conformance-")
    try:
        original_dir = os.path.join(work, "original")
        desugared_dir = os.path.join(work, "desugared")
        for directory in (original_dir, desugared_dir):
            target = os.path.join(directory, relative)
            os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copyfile(source, os.path.join(original_dir, relative))
        desugar = subprocess.run(
            [unawait, "--runtime=" + runtime, source, "-o", os.path.join(desugared_dir, relative)],
            capture_output=True, text=True,
        )
        if runtime == "import" and desugar.returncode == 0:
            subprocess.run([unawait, "runtime", "--write", desugared_dir], capture_output=True, check=True)
        if desugar.returncode != 0:
            return {"version": version, "suite": suite, "error": "unawait failed: " + desugar.stderr.strip()}
        if "." in suite:
            # A module of a test package: the package's other modules stay native.
            package = suite.split(".")[0]
            for directory in (original_dir, desugared_dir):
                for name in os.listdir(os.path.join(tests, package)):
                    path = os.path.join(tests, package, name)
                    if name.endswith(".py") and not os.path.exists(os.path.join(directory, package, name)):
                        shutil.copyfile(path, os.path.join(directory, package, name))
        expected, error = run_module(python, original_dir, suite, timeout)
        if error:
            return {"version": version, "suite": suite, "error": "original: " + error}
        actual, error = run_module(python, desugared_dir, suite, timeout)
        if error:
            return {"version": version, "suite": suite, "error": "desugared: " + error}
        return {"version": version, "suite": suite, "original": expected, "desugared": actual}
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pythons", help="comma-separated interpreters (default: all found)")
    parser.add_argument("--suites", help="comma-separated suites (default: %s)" % ",".join(SUITES))
    parser.add_argument("--unawait", help="the unawait binary (default: build it with cargo)")
    parser.add_argument("--timeout", type=int, default=600, help="seconds per suite run")
    parser.add_argument("--runtime", choices=("inline", "import"), default="inline", help="how the desugared suites get the helpers")
    parser.add_argument("--write-doc", help="write the results table as Markdown to this file")
    args = parser.parse_args()

    unawait = unawait_binary(args.unawait)
    suites = args.suites.split(",") if args.suites else SUITES
    found = interpreters(unawait, args.pythons)
    if not found:
        sys.exit("no CPython 3.6+ interpreter found")
    print("interpreters: " + ", ".join("%s (%s)" % item for item in found))
    if args.runtime == "import":
        print("runtime: imported; accelerated: " + ", ".join(
            "%s %s" % (version, runtime_accelerated(unawait, python)) for version, python in found
        ))
    expected = load_expected()

    jobs = [(version, python, suite) for version, python in found for suite in suites]
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        results = list(pool.map(lambda job: check_suite(unawait, job[0], job[1], job[2], args.timeout, args.runtime), jobs))

    rows, unexpected = [], []
    for suite in suites:
        if all(result is None for job, result in zip(jobs, results) if job[2] == suite):
            unexpected.append("%s: no interpreter has this suite" % suite)
    for result in results:
        if result is None:
            continue
        version, suite = result["version"], result["suite"]
        if "error" in result:
            rows.append((version, suite, "-", "-", "-", "-", "-"))
            unexpected.append("%s %s: %s" % (version, suite, result["error"]))
            continue
        original, desugared = result["original"], result["desugared"]
        ids = sorted(set(original) | set(desugared))
        differing = [t for t in ids if original.get(t) != desugared.get(t)]
        known = []
        for test_id in differing:
            match = next((e for e in expected if e[1] == test_id and version_matches(e[0], version)), None)
            if match:
                known.append(test_id)
            else:
                unexpected.append("%s %s: %s was %s, desugared %s" % (
                    version, suite, test_id, original.get(test_id, "absent"), desugared.get(test_id, "absent")))
        passed = lambda outcomes: sum(1 for t in outcomes if outcomes[t] in PASSED)
        rows.append((version, suite, len(original), passed(original), passed(desugared), len(known),
                     len(differing) - len(known)))

    header = "| CPython | suite | tests | passed as written | passed desugared | expected differences | unexpected |"
    table = [header, "|---|---|---|---|---|---|---|"]
    table += ["| %s | %s | %s | %s | %s | %s | %s |" % row for row in rows]
    print("\n".join(table))
    print("expected-differences list: %d entries" % len(expected))
    if args.write_doc:
        write_doc(args.write_doc, table, expected, found, suites)
    if unexpected:
        print("\nunexpected differences:")
        print("\n".join("  " + line for line in unexpected))
        sys.exit(1)


def write_doc(path, table, expected, found, suites):
    lines = [
        "# Conformance with CPython's own async tests",
        "",
        "Generated by `python3 scripts/conformance.py --write-doc docs/conformance.md`.",
        "Each interpreter's own copy of each suite (%s) is run with unittest as" % ", ".join(suites),
        "written and after `unawait`; a test counts as passed when it passes, is",
        "skipped or fails as expected. Interpreters: %s." % ", ".join(v for v, _ in found),
        "",
    ] + table + [
        "",
        "## Expected differences (%d)" % len(expected),
        "",
        "Listed in `scripts/conformance_expected.txt`; every other difference fails the script.",
        "",
        "| versions | test | reason |",
        "|---|---|---|",
    ] + ["| %s | `%s` | %s |" % entry for entry in expected] + [
        "",
        "Real libraries' own test suites (anyio, aiostream, asgiref, pytest-asyncio, ...),",
        "run as written and desugared by `scripts/realworld.py`: `docs/realworld.md`.",
    ]
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
