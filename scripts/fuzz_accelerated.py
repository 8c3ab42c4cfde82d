#!/usr/bin/env python3
"""Random async programs (scripts/genprog.py) with the accelerated runtime.

    python3 scripts/fuzz_accelerated.py --count 300 --pythons VENV/bin/python,...

Each interpreter must have the unawait package installed (3.11+: the
accelerator of src/python/accelerator.rs). Every program is desugared with
`--runtime import`, its driver stepping the coroutine through the C API's
`PyIter_Send` (ctypes), as an event loop does, so that the coroutine
classes' `am_send` slot takes the steps, not the Python `send` method the
generated driver calls. Each program runs as written, desugared with the
accelerated runtime, and desugared with the pure one (UNAWAIT_PURE_RUNTIME=1),
and the three must print the same and exit the same. Exit status 1 on any
difference, with the seed and a diff.
"""
import argparse
import concurrent.futures
import difflib
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import genprog  # noqa: E402
import project  # noqa: E402

GENERATED_STEP = "tag = coroutine.send(reply)"

# PyIter_Send's result as `send` gives it: the value, or StopIteration.
C_SEND = """\
import ctypes as _c_api
_c_api.pythonapi.PyIter_Send.argtypes = [_c_api.py_object, _c_api.py_object, _c_api.POINTER(_c_api.py_object)]
_c_api.pythonapi.PyIter_Send.restype = _c_api.c_int


def _c_send(coroutine, value):
    result = _c_api.py_object()
    if _c_api.pythonapi.PyIter_Send(coroutine, value, _c_api.byref(result)) == 0:
        raise StopIteration(result.value)
    return result.value


"""


def accelerated(unawait, python, work):
    """Whether `python`'s runtime module takes the accelerator."""
    answer = subprocess.run(
        [python, "-s", "-c", "import unawait_runtime as r; print(r._unawait_accelerated)"],
        cwd=work, capture_output=True, text=True,
    )
    return answer.stdout.strip() == "True"


def run(python, work, name, pure):
    env = dict(os.environ, PYTHONHASHSEED="0")
    env.pop("UNAWAIT_PURE_RUNTIME", None)
    if pure:
        env["UNAWAIT_PURE_RUNTIME"] = "1"
    try:
        completed = subprocess.run(
            [python, "-s", name], cwd=work, env=env, capture_output=True, text=True,
            timeout=30, stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired:
        return "timed out", ""
    return completed.returncode, completed.stdout


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--seed", type=int, default=0, help="first seed")
    parser.add_argument("--pythons", required=True, help="comma-separated interpreters with the unawait package")
    parser.add_argument("--unawait", help="the binary (default: build and use target/release/unawait)")
    args = parser.parse_args()

    unawait = project.unawait_binary(args.unawait)
    work = tempfile.mkdtemp(prefix="unawait-fuzz-accelerated-")
    try:
        subprocess.run([unawait, "runtime", "--write", work], check=True, capture_output=True)
        pythons = args.pythons.split(",")
        for python in pythons:
            if not accelerated(unawait, python, work):
                sys.exit("the runtime is not accelerated on %s" % python)
        seeds = []
        for seed in range(args.seed, args.seed + args.count):
            program = genprog.generate(seed)
            assert GENERATED_STEP in program, "genprog's driver changed: update GENERATED_STEP"
            path = os.path.join(work, "native_%d.py" % seed)
            with open(path, "w") as handle:
                handle.write(C_SEND + program.replace(GENERATED_STEP, "tag = _c_send(coroutine, reply)"))
            desugared = os.path.join(work, "desugared_%d.py" % seed)
            subprocess.run([unawait, "--runtime=import", path, "-o", desugared], check=True, capture_output=True)
            seeds.append(seed)

        def compare(job):
            python, seed = job
            native = run(python, work, "native_%d.py" % seed, pure=False)
            fast = run(python, work, "desugared_%d.py" % seed, pure=False)
            pure = run(python, work, "desugared_%d.py" % seed, pure=True)
            return python, seed, native, fast, pure

        differences = 0
        jobs = [(python, seed) for python in pythons for seed in seeds]
        with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 2) as pool:
            for python, seed, native, fast, pure in pool.map(compare, jobs):
                for label, other in (("as written", native), ("with the pure runtime", pure)):
                    if fast != other:
                        differences += 1
                        print("seed %d on %s: accelerated differs from %s (exit %s, %s)" % (
                            seed, python, label, fast[0], other[0]))
                        print("".join(difflib.unified_diff(
                            other[1].splitlines(True), fast[1].splitlines(True), label, "accelerated")))
        print("%d programs on %d interpreters: %d runs, %d differences" % (
            len(seeds), len(pythons), 3 * len(jobs), differences))
        sys.exit(1 if differences else 0)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
