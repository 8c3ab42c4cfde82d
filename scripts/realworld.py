"""Runs real async libraries' own test suites as written and desugared, and
compares the outcome of every test.

Why: the golden suite and the random programs only show what their authors
thought of. Libraries written by other people (name choices, introspection,
warnings turned into errors, pytest plugins that look at `co_flags`) find
what they missed.

How, for each library (sdist pinned below) and interpreter:

1. `pip download --no-binary :all: --no-deps NAME==VERSION` (the only network
   use: PyPI through pip), unpacked once.
2. A virtual environment with the library and its test dependencies
   installed from PyPI (so dependencies and pytest entry points exist); the
   suite then imports the library from the unpacked tree through PYTHONPATH,
   which comes before site-packages.
3. pytest runs the suite as written, then against `unawait --out-dir OUT
   TREE` (the library *and* its tests desugared), once per runtime mode:
   `inline` (helpers copied into each file) and `import` (`unawait runtime
   --write` into the environment's site-packages). Each run loads a small
   probe plugin (written next to the work directory, not into the tree) that
   records each test's outcome and, at the end, which of the library's modules
   were imported from where and whether they hold `_unawait_` names: a
   desugared run whose modules come from elsewhere, or hold no such names, is
   reported as not verified.
4. Tests whose outcome differs are rerun (by node id) up to `--reruns` times
   both as written and desugared; a test whose outcome changes between reruns
   is reported as flaky, never dropped.

    python3 scripts/realworld.py                             # every library, 3.12 and newest
    python3 scripts/realworld.py --libs sniffio,janus --pythons 3.12.1 --modes inline
    python3 scripts/realworld.py --jobs 2 --keep --json results.json

Interpreters are names under $PYENV_ROOT/versions or paths; `newest` means
3.15.2, or 3.14.10 for a library that cannot be installed on 3.15. The work
directory (default ~/.cache/unawait-realworld) keeps the downloads and, with
--keep, the environments and trees. Each pytest run is killed after
--suite-timeout seconds: the outcomes recorded until then are kept, the test
it was running is reported as `hung` (not rerun) and the rest of the suite as
not compared. Exit status
1 if any test passes as written and fails desugared, or a run is unverified.
"""
import argparse
import concurrent.futures
import json
import os
import shutil
import signal
import subprocess
import sys
import tarfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import project  # noqa: E402

# name: (version, top-level packages, pip requirements for the tests, pytest
# options, test paths). Options only switch off coverage (`addopts` with
# --cov) and leave out tests that need what is not installed here (named with
# why); they also apply to reruns by node id.
NO_COVERAGE = ["-o", "addopts="]
LIBRARIES = {
    "sniffio": ("1.3.1", ["sniffio"], ["pytest"], [], ["sniffio"]),
    "async-timeout": ("5.0.1", ["async_timeout"], ["pytest", "pytest-asyncio"], NO_COVERAGE, ["tests"]),
    "aiostream": ("0.8.1", ["aiostream"], ["pytest", "pytest-asyncio"], NO_COVERAGE, ["tests"]),
    # test_benchmarks.py needs pytest-codspeed's `benchmark` fixture.
    "janus": ("2.0.0", ["janus"], ["pytest", "pytest-asyncio"],
              NO_COVERAGE + ["--ignore=tests/test_benchmarks.py"], ["tests"]),
    "asgiref": ("3.13.0", ["asgiref"], ["pytest", "pytest-asyncio", "packaging"], [], ["tests"]),
    "aiofiles": ("25.1.0", ["aiofiles"], ["pytest", "pytest-asyncio"], [], ["tests"]),
    "pytest-asyncio": ("1.5.0", ["pytest_asyncio"], ["pytest", "hypothesis"], [], ["tests", "docs"]),
    # uvloop (optional, compiled) left out.
    "anyio": ("4.16.0", ["anyio"],
              ["pytest", "pytest-mock", "hypothesis", "psutil", "trustme", "truststore", "trio",
               "blockbuster", "pytest-timeout"], [], ["tests"]),
}
NEWEST = ("3.15.2", "3.14.10")
PROBE = '''\
"""Records each test's outcome and where the library's modules came from
(written by scripts/realworld.py)."""
import json
import os
import sys

_OUT = os.environ["UNAWAIT_RW_REPORT"]
_ROOT = os.path.realpath(os.environ["UNAWAIT_RW_ROOT"])
_PACKAGES = os.environ["UNAWAIT_RW_PACKAGES"].split(",")
_outcomes = {}


def _write(record):
    with open(_OUT, "a") as handle:
        handle.write(json.dumps(record) + "\\n")


def pytest_runtest_logstart(nodeid, location):
    _write({"started": nodeid})


def pytest_runtest_logreport(report):
    if report.when == "call" and hasattr(report, "wasxfail"):
        outcome = "xfailed" if report.skipped else "xpassed"
    elif report.failed:
        outcome = "failed" if report.when == "call" else "error"
    elif report.skipped:
        outcome = "skipped"
    else:
        outcome = "passed"
    previous = _outcomes.get(report.nodeid)
    # setup, call, teardown: a failure or error anywhere decides.
    if previous in ("failed", "error") or (previous == "skipped" and outcome == "passed"):
        return
    _outcomes[report.nodeid] = outcome
    detail = ""
    if outcome in ("failed", "error"):
        text = report.longreprtext
        detail = text if len(text) < 4000 else text[:1000] + "\\n...\\n" + text[-3000:]
    _write({"test": report.nodeid, "outcome": outcome, "detail": detail})


def pytest_collectreport(report):
    if report.failed:
        _write({"test": report.nodeid + "::<collect>", "outcome": "error",
                "detail": report.longreprtext[-3000:]})


def pytest_sessionfinish(session):
    modules = {}
    for name, module in list(sys.modules.items()):
        if name.split(".")[0] not in _PACKAGES:
            continue
        path = getattr(module, "__file__", None)
        if not path:
            continue
        modules[name] = {
            "in_tree": os.path.realpath(path).startswith(_ROOT + os.sep),
            "unawait_names": any(key.startswith("_unawait_") for key in vars(module)),
        }
    _write({"modules": modules})
'''


def log(*parts):
    print(time.strftime("%H:%M:%S"), *parts, flush=True)


def run(command, timeout=None, **kwargs):
    """subprocess.run in its own process group, killed whole on timeout.
    Returns (returncode or None on timeout, combined output)."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               start_new_session=True, **kwargs)
    try:
        output, _ = process.communicate(timeout=timeout)
        return process.returncode, output
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        output, _ = process.communicate()
        return None, output


def interpreter(name):
    if os.sep in name:
        return name
    return os.path.join(os.environ.get("PYENV_ROOT", os.path.expanduser("~/.pyenv")), "versions", name, "bin", "python")


class Runner:
    def __init__(self, args):
        self.args = args
        self.work = args.work_dir
        self.unawait = os.path.abspath(args.unawait)
        self.lib_locks = {name: threading.Lock() for name in LIBRARIES}
        # One directory per run: a concurrent run must not load another's probe.
        self.probe_dir = os.path.join(self.work, "probe-%d" % os.getpid())
        os.makedirs(self.probe_dir, exist_ok=True)
        with open(os.path.join(self.probe_dir, "unawait_realworld_probe.py"), "w") as handle:
            handle.write(PROBE)

    def sdist_tree(self, name):
        """The unpacked sdist (downloaded once)."""
        version = LIBRARIES[name][0]
        downloads = os.path.join(self.work, "sdists")
        os.makedirs(downloads, exist_ok=True)
        wanted = (name.replace("-", "_") + "-" + version + ".tar.gz").lower()
        found = [f for f in os.listdir(downloads) if f.lower().replace("-", "_", f.count("-") - 1) == wanted]
        if not found:
            code, output = run([sys.executable, "-m", "pip", "download", "-q", "--no-binary", ":all:",
                                "--no-deps", "%s==%s" % (name, version), "-d", downloads], timeout=600)
            if code != 0:
                raise RuntimeError("pip download %s failed:\n%s" % (name, output[-2000:]))
            found = [f for f in os.listdir(downloads) if f.lower().replace("-", "_", f.count("-") - 1) == wanted]
        tree = os.path.join(self.work, "trees", name, "written")
        if not os.path.isdir(tree):
            staging = tree + ".partial"
            shutil.rmtree(staging, ignore_errors=True)
            with tarfile.open(os.path.join(downloads, found[0])) as archive:
                # The "data" filter (3.12+, backported) refuses links and paths out of the tree.
                archive.extractall(staging, **({"filter": "data"} if hasattr(tarfile, "data_filter") else {}))
            (inner,) = os.listdir(staging)
            os.rename(os.path.join(staging, inner), tree)
            os.rmdir(staging)
        return tree

    def desugared_tree(self, name, mode):
        """`unawait --out-dir` of the whole unpacked sdist (library and tests)."""
        out = os.path.join(self.work, "trees", name, "desugared-" + mode)
        if not os.path.isdir(out):
            staging = out + ".partial"
            shutil.rmtree(staging, ignore_errors=True)
            code, output = run([self.unawait, "--no-config", "--runtime=" + mode, "--out-dir", staging,
                                self.sdist_tree(name)], timeout=600)
            if code != 0:
                raise RuntimeError("unawait failed on %s:\n%s" % (name, output[-3000:]))
            os.rename(staging, out)
        return out

    def environment(self, name, version):
        """A virtual environment with the library and its test requirements,
        or None (with the pip output) if they cannot be installed."""
        lib_version, _, requirements, _, _ = LIBRARIES[name]
        venv = os.path.join(self.work, "venvs", "%s-%s" % (name, version))
        python = os.path.join(venv, "bin", "python")
        marker = os.path.join(venv, "installed")
        if os.path.exists(marker):
            return python, ""
        shutil.rmtree(venv, ignore_errors=True)
        code, output = run([interpreter(version), "-m", "venv", venv], timeout=300)
        if code != 0:
            return None, output
        code, output = run([python, "-m", "pip", "install", "-q", "--disable-pip-version-check",
                            "%s==%s" % (name, lib_version)] + requirements, timeout=1200)
        if code != 0:
            return None, output
        open(marker, "w").close()
        return python, ""

    def pytest(self, name, python, tree, tests=None, runtime_dir=None):
        """{node id: (outcome, detail)}, modules record, and the test that
        was running when the run was killed (None if it was not)."""
        _, packages, _, options, paths = LIBRARIES[name]
        report = os.path.join(self.work, "reports", "%d-%d.jsonl" % (os.getpid(), threading.get_ident()))
        os.makedirs(os.path.dirname(report), exist_ok=True)
        if os.path.exists(report):
            os.remove(report)
        roots = [tree] + ([os.path.join(tree, "src")] if os.path.isdir(os.path.join(tree, "src")) else [])
        env = dict(os.environ, UNAWAIT_RW_REPORT=report, UNAWAIT_RW_ROOT=tree,
                   UNAWAIT_RW_PACKAGES=",".join(packages), PYTHONDONTWRITEBYTECODE="1",
                   PYTHONPATH=os.pathsep.join(roots + [self.probe_dir] + ([runtime_dir] if runtime_dir else [])))
        env.pop("PYTHONHOME", None)
        command = [python, "-m", "pytest", "-p", "no:cacheprovider", "-p", "unawait_realworld_probe", "-q",
                   "--color=no"] + options + (list(tests) if tests else paths)
        code, output = run(command, timeout=self.args.suite_timeout, cwd=tree, env=env)
        outcomes, modules, running = {}, None, None
        if os.path.exists(report):
            with open(report) as handle:
                for line in handle:
                    record = json.loads(line)
                    if "modules" in record:
                        modules = record["modules"]
                    elif "started" in record:
                        running = record["started"]
                    else:
                        outcomes[record["test"]] = (record["outcome"], record["detail"])
            os.remove(report)
        if not outcomes and code not in (None, 0, 1, 5):
            raise RuntimeError("pytest failed to start (%s):\n%s" % (code, output[-3000:]))
        if code is not None:
            running = None
        elif running is not None:
            # Its setup may have been reported as passed already.
            outcomes[running] = ("hung", "still running after --suite-timeout; the run was killed here")
        return outcomes, modules, running

    def one(self, name, version):
        """Everything about one library on one interpreter, as a dict."""
        result = {"library": name, "version": LIBRARIES[name][0], "python": version}
        python, output = self.environment(name, version)
        if python is None:
            result["install_error"] = output[-1500:]
            return result
        with self.lib_locks[name]:
            written_tree = self.sdist_tree(name)
        log("%s on %s: as written" % (name, version))
        written, _, written_hung = self.pytest(name, python, written_tree)
        result["written_hung"] = written_hung
        result["modes"] = {}
        for mode in self.args.modes:
            try:
                result["modes"][mode] = self.desugared(name, version, python, mode, written_tree, written)
            except RuntimeError as error:
                result["modes"][mode] = {"error": str(error)}
        return result

    def desugared(self, name, version, python, mode, written_tree, written):
        with self.lib_locks[name]:
            tree = self.desugared_tree(name, mode)
        runtime_dir = None
        if mode == "import":
            runtime_dir = os.path.join(self.work, "runtime-" + version)
            code, output = run([self.unawait, "runtime", "--write", runtime_dir], timeout=60)
            if code != 0:
                raise RuntimeError("unawait runtime --write failed:\n" + output)
        log("%s on %s: desugared (%s)" % (name, version, mode))
        desugared, modules, hung = self.pytest(name, python, tree, runtime_dir=runtime_dir)
        return self.compare(name, python, written_tree, tree, runtime_dir, written, desugared, modules, hung)

    def compare(self, name, python, written_tree, tree, runtime_dir, written, desugared, modules, hung):
        common = sorted(set(written) & set(desugared))
        differing = [t for t in common if (written[t][0] == "passed") != (desugared[t][0] == "passed")]
        # Reruns: a test is flaky if either side gives a different outcome on
        # a rerun. A test that hung is not rerun (it would hang again).
        rerun = [t for t in differing if "hung" not in (written[t][0], desugared[t][0])]
        flaky = set()
        for _ in range(self.args.reruns):
            if not rerun:
                break
            again_written = self.pytest(name, python, written_tree, rerun)[0]
            again_desugared = self.pytest(name, python, tree, rerun, runtime_dir)[0]
            for test in rerun:
                if (again_written.get(test, ("missing",))[0] != written[test][0]
                        or again_desugared.get(test, ("missing",))[0] != desugared[test][0]):
                    flaky.add(test)
        regressions = [(t, written[t][0], desugared[t][0], desugared[t][1])
                       for t in differing if written[t][0] == "passed" and t not in flaky]
        improvements = [(t, written[t][0], desugared[t][0], written[t][1])
                        for t in differing if desugared[t][0] == "passed" and t not in flaky]
        modules = modules or {}
        from_tree = sum(1 for m in modules.values() if m["in_tree"])
        with_names = sum(1 for m in modules.values() if m["unawait_names"])
        return {
            "compared": len(common),
            "passed_both": sum(1 for t in common if written[t][0] == desugared[t][0] == "passed"),
            "only_written": len(set(written) - set(desugared)),
            "only_desugared": len(set(desugared) - set(written)),
            "regressions": regressions,
            "improvements": improvements,
            "flaky": sorted(flaky),
            "hung": hung,
            "modules": len(modules),
            "modules_from_tree": from_tree,
            "modules_with_unawait_names": with_names,
            "verified": bool(modules) and from_tree == len(modules) and with_names > 0,
        }

    def task(self, name, version):
        try:
            result = self.one(name, version)
        except RuntimeError as error:
            return {"library": name, "version": LIBRARIES[name][0], "python": version, "error": str(error)}
        return result


def first_lines(text, count=4):
    """The gist of a pytest failure: its first `E` lines (the exception) and
    where it was raised; or the last lines of other output."""
    lines = [line for line in text.splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith("E ")][:count]
    shown = errors + lines[-1:] if errors else lines[-count:]
    return "\n".join("      " + line for line in shown)


def report(results):
    failing = False
    for result in results:
        head = "%s %s on %s" % (result["library"], result["version"], result["python"])
        for version, output in result.get("not_installable_on", []):
            if version != result["python"]:
                print("%s: not installable on %s\n%s" % (head, version, first_lines(output)))
        if "error" in result:
            print("%s: ERROR %s" % (head, result["error"]))
            failing = True
            continue
        if "install_error" in result:
            print("%s: not installable\n%s" % (head, first_lines(result["install_error"])))
            continue
        for mode, row in result["modes"].items():
            if "error" in row:
                print("%s [%s]: ERROR %s" % (head, mode, row["error"]))
                failing = True
                continue
            print("%s [%s]: %d compared, %d passed both, %d regressions, %d improvements, %d flaky%s%s; "
                  "modules %d, from the desugared tree %d, with _unawait_ names %d%s"
                  % (head, mode, row["compared"], row["passed_both"], len(row["regressions"]),
                     len(row["improvements"]), len(row["flaky"]),
                     "".join(", %s run killed in %s" % (side, test) for side, test in
                             (("as written", result["written_hung"]), ("desugared", row["hung"])) if test),
                     "" if not (row["only_written"] or row["only_desugared"]) else
                     ", %d only as written, %d only desugared" % (row["only_written"], row["only_desugared"]),
                     row["modules"], row["modules_from_tree"], row["modules_with_unawait_names"],
                     "" if row["verified"] else " NOT VERIFIED"))
            for test, before, after, detail in row["regressions"]:
                print("    REGRESSION %s: %s -> %s\n%s" % (test, before, after, first_lines(detail)))
            for test, before, after, _ in row["improvements"]:
                print("    improvement %s: %s -> %s" % (test, before, after))
            for test in row["flaky"]:
                print("    flaky %s" % test)
            failing = failing or bool(row["regressions"]) or not row["verified"]
    return failing


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--libs", default=",".join(LIBRARIES), help="comma-separated, from: " + ", ".join(LIBRARIES))
    parser.add_argument("--pythons", default="3.12.1,newest",
                        help="comma-separated $PYENV_ROOT/versions names or paths; `newest` = %s, else %s"
                        % NEWEST)
    parser.add_argument("--modes", default="inline,import", help="runtime modes to desugar with")
    parser.add_argument("--jobs", type=int, default=1, help="library x interpreter pairs run at once")
    parser.add_argument("--suite-timeout", type=int, default=900, help="seconds per pytest run")
    parser.add_argument("--reruns", type=int, default=2, help="reruns of differing tests, each side")
    parser.add_argument("--work-dir", default=os.path.expanduser("~/.cache/unawait-realworld"))
    parser.add_argument("--keep", action="store_true", help="keep environments and trees for the next run")
    parser.add_argument("--json", help="also write the results here")
    parser.add_argument("--unawait", default=os.path.join(project.ROOT, "target", "debug", "unawait"))
    args = parser.parse_args()
    args.modes = args.modes.split(",")
    libs = args.libs.split(",")
    unknown = [lib for lib in libs if lib not in LIBRARIES]
    if unknown:
        parser.error("unknown libraries: " + ", ".join(unknown))
    runner = Runner(args)
    if not args.keep:
        for stale in ("trees", "venvs"):
            shutil.rmtree(os.path.join(args.work_dir, stale), ignore_errors=True)

    def for_python(lib, version):
        if version != "newest":
            return runner.task(lib, version)
        skipped = []
        for candidate in NEWEST:
            result = runner.task(lib, candidate)
            if "install_error" not in result:
                break
            log("%s does not install on %s; trying the next" % (lib, candidate))
            skipped.append((candidate, result["install_error"]))
        result["not_installable_on"] = skipped
        return result

    pairs = [(lib, version) for lib in libs for version in args.pythons.split(",")]
    started = time.time()
    results = []
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        for future in concurrent.futures.as_completed([pool.submit(for_python, *pair) for pair in pairs]):
            results.append(future.result())
            report(results[-1:])
            sys.stdout.flush()
    results.sort(key=lambda result: (libs.index(result["library"]), result["python"]))
    if args.json:
        with open(args.json, "w") as handle:
            json.dump(results, handle, indent=1)
    print("\nSummary:")
    failing = report(results)
    print("%d library x interpreter pairs in %.0f s" % (len(pairs), time.time() - started))
    shutil.rmtree(runner.probe_dir, ignore_errors=True)
    if not args.keep:
        for stale in ("trees", "venvs"):
            shutil.rmtree(os.path.join(args.work_dir, stale), ignore_errors=True)
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())
