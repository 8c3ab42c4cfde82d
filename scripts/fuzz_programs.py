"""Runs random async programs (scripts/genprog.py) through `unawait verify`
and shrinks every divergence to a minimal program.

    python3 scripts/fuzz_programs.py --count 10000                 # python3
    python3 scripts/fuzz_programs.py --count 500 --pythons all     # every interpreter found
    python3 scripts/fuzz_programs.py --count 200 --pythons python3,/path/to/python3.6

Programs are generated from seeds `--seed`..`--seed+count-1` and verified in
batches (verify runs them in parallel). A program whose desugared form
behaves differently (or cannot be desugared, or times out) is shrunk: lines
and blocks are deleted while the same kind of difference persists on the same
interpreter, and the result is written to `golden/generated/seed_<N>.py`,
where the golden suite picks it up. Exit status 1 if anything diverged.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import genprog  # noqa: E402
import project  # noqa: E402


def verify(unawait, python, paths, timeout):
    """{path: (verdict, kinds of difference)} from `unawait verify`."""
    command = [unawait, "verify", "--format", "json", "--timeout", str(timeout), "--python", python]
    result = subprocess.run(command + paths, capture_output=True, text=True)
    if result.returncode not in (0, 1):
        raise SystemExit("unawait verify failed (%d): %s" % (result.returncode, result.stderr))
    verdicts = {}
    for item in json.loads(result.stdout)["results"]:
        kinds = tuple(sorted(d["what"] for d in item["differences"]))
        verdicts[item["file"]] = (item["verdict"], kinds, item)
    return verdicts


def compiles(python, source):
    """Whether `python` compiles `source` (shrinking keeps only valid programs)."""
    check = "import sys; compile(sys.stdin.read(), 'program.py', 'exec')"
    result = subprocess.run([python, "-c", check], input=source, capture_output=True, text=True)
    return result.returncode == 0


def block_end(lines, start):
    """One past the last line of the statement starting at `start` (with the
    lines indented under it)."""
    indent = len(lines[start]) - len(lines[start].lstrip())
    end = start + 1
    while end < len(lines):
        line = lines[end]
        if line.strip() and len(line) - len(line.lstrip()) <= indent:
            break
        end += 1
    return end


def shrink(unawait, python, source, signature, timeout, scratch):
    """The smallest program found (by deleting statements, then single lines)
    that still diverges with `signature` on `python`."""
    path = os.path.join(scratch, "candidate.py")
    tries = 0

    def interesting(lines):
        nonlocal tries
        candidate = "\n".join(lines) + "\n"
        if not compiles(python, candidate):
            return False
        tries += 1
        with open(path, "w") as handle:
            handle.write(candidate)
        verdict, kinds, _ = verify(unawait, python, [path], timeout)[path]
        return (verdict, kinds) == signature

    lines = source.splitlines()
    changed = True
    while changed:
        changed = False
        # Whole statements (a line and everything indented under it), the
        # largest first; then single lines (an `else:` or a header).
        index = 0
        while index < len(lines):
            end = block_end(lines, index)
            candidate = lines[:index] + lines[end:]
            if end > index and interesting(candidate):
                lines = candidate
                changed = True
            else:
                index += 1
        index = 0
        while index < len(lines):
            candidate = lines[:index] + lines[index + 1:]
            if interesting(candidate):
                lines = candidate
                changed = True
            else:
                index += 1
    return "\n".join(lines) + "\n", tries


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0, help="first seed")
    parser.add_argument("--pythons", default="python3",
                        help="comma-separated interpreters, or `all` for every one `unawait pythons` finds")
    parser.add_argument("--batch", type=int, default=200, help="programs per verify call")
    parser.add_argument("--timeout", type=int, default=20, help="seconds per run")
    parser.add_argument("--unawait", help="the binary (default: build and use target/release/unawait)")
    parser.add_argument("--golden-dir", default=os.path.join(project.ROOT, "golden", "generated"),
                        help="where minimal diverging programs go")
    parser.add_argument("--no-shrink", action="store_true", help="report divergences without shrinking them")
    args = parser.parse_args()

    unawait = project.unawait_binary(args.unawait)
    requested = None if args.pythons == "all" else args.pythons
    pythons = project.interpreters(unawait, requested)
    if not pythons:
        raise SystemExit("no interpreter found")
    scratch = tempfile.mkdtemp(prefix="unawait-fuzz-programs-")
    started = time.time()
    runs = 0
    divergences = []
    try:
        for first in range(args.seed, args.seed + args.count, args.batch):
            seeds = range(first, min(first + args.batch, args.seed + args.count))
            paths = {}
            for seed in seeds:
                path = os.path.join(scratch, "seed_%d.py" % seed)
                with open(path, "w") as handle:
                    handle.write(genprog.generate(seed))
                paths[path] = seed
            for version, python in pythons:
                verdicts = verify(unawait, python, list(paths), args.timeout)
                runs += len(verdicts)
                for path, (verdict, kinds, item) in sorted(verdicts.items()):
                    if verdict != "equivalent":
                        divergences.append((paths[path], version, python, (verdict, kinds), item))
                        print("DIVERGES seed %d on %s: %s %s" % (paths[path], version, verdict, ", ".join(kinds)))
            for path in paths:
                os.remove(path)
            done = seeds[-1] - args.seed + 1
            elapsed = time.time() - started
            print("%d programs, %d runs, %d divergences, %.1f runs/s" % (done, runs, len(divergences), runs / elapsed))
            sys.stdout.flush()

        shrunk_seeds = set()
        for seed, version, python, signature, item in divergences:
            print("\nseed %d on python %s (%s):" % (seed, version, signature[0]))
            for difference in item["differences"]:
                print("  %s:\n%s" % (difference["what"], difference["detail"]))
            if item.get("error"):
                print("  " + item["error"])
            if args.no_shrink or seed in shrunk_seeds:
                continue
            shrunk_seeds.add(seed)
            minimal, tries = shrink(unawait, python, genprog.generate(seed), signature, args.timeout, scratch)
            os.makedirs(args.golden_dir, exist_ok=True)
            target = os.path.join(args.golden_dir, "seed_%d.py" % seed)
            with open(target, "w") as handle:
                handle.write(minimal)
            print("  shrunk to %d lines in %d runs: %s" % (len(minimal.splitlines()), tries, target))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    elapsed = time.time() - started
    print("\n%d programs on %s: %d runs in %.0f s (%.1f runs/s), %d divergences"
          % (args.count, ", ".join(v for v, _ in pythons), runs, elapsed, runs / elapsed, len(divergences)))
    return 1 if divergences else 0


if __name__ == "__main__":
    sys.exit(main())
