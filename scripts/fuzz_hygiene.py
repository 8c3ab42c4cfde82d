"""Runs the hygiene and introspection programs (scripts/genprog_hygiene.py)
through `unawait verify`, groups the divergences into classes and shrinks one
program per class.

    python3 scripts/fuzz_hygiene.py --count 300 --pythons 3.8.18,3.11.7,3.15.2
    python3 scripts/fuzz_hygiene.py --count 50 --seed 1000 --no-shrink

A program prints `uN probe: result` lines. A diverging program's class is
its first difference: the desugared run's exception and the innermost
runtime helper it passed, if it crashed, else its first changed line, with
names and numbers taken out. Every difference of every program is counted
too, so what a first difference hides still shows. The first program of
each class is shrunk (runs of top-level statements, then statements, then
single lines are deleted while it still runs cleanly as written and its
desugared run still shows that difference; at most --shrink-tries verify
runs) and written to --out-dir. Interpreters are names under
$PYENV_ROOT/versions or paths. Uses fuzz_programs.py's verify, compile check
and block helpers. Exit status 1 if anything diverged.
"""
import argparse
import collections
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fuzz_programs  # noqa: E402
import genprog_hygiene  # noqa: E402
import project  # noqa: E402


def normalize(text):
    """Text with quoted names, numbers and addresses taken out."""
    text = re.sub(r"'[^']*'|\"[^\"]*\"", "'_'", text)
    text = re.sub(r"_unawait\d+_", "_unawait_", text)
    return re.sub(r"\d+", "N", text).strip()


def signatures(item):
    """What the desugared run did differently, one key per difference, in
    output order: `probe: value` for each changed stdout line (`uN` taken
    out), after `crash: Error in helper` (the desugared run's last
    exception and the innermost runtime helper it passed) if it has a
    traceback."""
    keys = []
    for difference in item["differences"]:
        if difference["what"] == "stdout":
            for line in difference["detail"].splitlines()[2:]:
                if line[:1] == "+":
                    keys.append(normalize(re.sub(r"^u\d+ ", "", line[1:])))
        elif difference["what"] == "desugared traceback":
            lines = [line.strip() for line in difference["detail"].splitlines() if line.strip()]
            helpers = [re.sub(r".*, in ", "", line) for line in lines if "runtime helper" in line]
            error = next((line for line in reversed(lines) if not line.startswith("File ")), "?")
            kind = normalize(error).split(":")[0]
            keys.insert(0, "crash: %s in %s" % (kind, normalize(helpers[-1]) if helpers else "user code"))
    if not keys:
        keys.append(item["verdict"] + ": " + ", ".join(sorted(d["what"] for d in item["differences"])))
    return keys


def runs_cleanly(python, path, timeout):
    """Whether the program as written exits 0 without a traceback (a shrunk
    program must stay a valid one, not one that fails both ways)."""
    try:
        result = subprocess.run([python, path], capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return False
    return result.returncode == 0 and "Traceback" not in result.stderr


def top_level_blocks(lines):
    """[(start, end)] of the statements at indentation 0."""
    blocks = []
    index = 0
    while index < len(lines):
        end = fuzz_programs.block_end(lines, index)
        blocks.append((index, max(end, index + 1)))
        index = max(end, index + 1)
    return blocks


def shrink(unawait, python, source, wanted, timeout, scratch, budget):
    """The smallest program found that still runs cleanly as written and
    whose desugared run still shows the difference `wanted` (a key of
    `signatures`): runs of top-level statements are deleted, halving the run
    length down to one, then any statement, then single lines; at most
    `budget` verify runs."""
    path = os.path.join(scratch, "candidate.py")
    tries = 0

    def interesting(lines):
        nonlocal tries
        if tries >= budget:
            return False
        candidate = "\n".join(lines) + "\n"
        if not fuzz_programs.compiles(python, candidate):
            return False
        with open(path, "w") as handle:
            handle.write(candidate)
        if not runs_cleanly(python, path, timeout):
            return False
        tries += 1
        verdict, _, item = fuzz_programs.verify(unawait, python, [path], timeout)[path]
        return verdict != "equivalent" and wanted in signatures(item)

    lines = source.splitlines()
    size = len(top_level_blocks(lines)) // 2
    while size >= 1:
        blocks = top_level_blocks(lines)
        at = len(blocks) - size
        while at >= 0:
            blocks = top_level_blocks(lines)
            chunk = blocks[at:at + size]
            if chunk:
                candidate = lines[:chunk[0][0]] + lines[chunk[-1][1]:]
                if interesting(candidate):
                    lines = candidate
            at -= size
        size //= 2
    changed = True
    while changed and tries < budget:
        changed = False
        for single in (False, True):
            index = 0
            while index < len(lines):
                end = index + 1 if single else fuzz_programs.block_end(lines, index)
                candidate = lines[:index] + lines[end:]
                if interesting(candidate):
                    lines = candidate
                    changed = True
                else:
                    index += 1
    return "\n".join(lines) + "\n", tries


def interpreter(name):
    if os.sep in name:
        return name
    return os.path.join(os.environ.get("PYENV_ROOT", os.path.expanduser("~/.pyenv")), "versions", name, "bin", "python")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--seed", type=int, default=0, help="first seed")
    parser.add_argument("--pythons", default="3.8.18,3.11.7,3.15.2")
    parser.add_argument("--batch", type=int, default=50, help="programs per verify call")
    parser.add_argument("--timeout", type=int, default=30, help="seconds per run")
    parser.add_argument("--prefixed-globals", action="store_true",
                        help="let programs bind `_unawait_` names at module level too")
    parser.add_argument("--scopes", default=",".join(genprog_hygiene.SCOPES),
                        help="where programs rebind names (see genprog_hygiene.py --help)")
    parser.add_argument("--probes", default=",".join(genprog_hygiene.PROBES),
                        help="which introspection results programs print (see genprog_hygiene.py --help)")
    parser.add_argument("--unawait", default=os.path.join(project.ROOT, "target", "debug", "unawait"))
    parser.add_argument("--out-dir", default=os.path.join(tempfile.gettempdir(), "unawait-hygiene"),
                        help="where each class's shrunk program goes")
    parser.add_argument("--no-shrink", action="store_true")
    parser.add_argument("--want", help="classify (and shrink) by the first difference containing this text only")
    parser.add_argument("--show", type=int, default=80, help="how many of every difference to list")
    parser.add_argument("--shrink-tries", type=int, default=200, help="verify runs per shrink at most")
    args = parser.parse_args()

    pythons = [(name, interpreter(name)) for name in args.pythons.split(",")]
    scopes = args.scopes.split(",")
    probes = args.probes.split(",")
    scratch = tempfile.mkdtemp(prefix="unawait-fuzz-hygiene-")
    started = time.time()
    runs = 0
    diverging = set()
    classes = collections.OrderedDict()  # class -> {version: [seeds]}
    first = {}  # class -> (seed, version, python, item)
    every = collections.Counter()  # every difference (not only the first) -> programs x interpreters
    every_first = {}  # every difference -> (seed, version) first showing it
    try:
        for start in range(args.seed, args.seed + args.count, args.batch):
            seeds = range(start, min(start + args.batch, args.seed + args.count))
            paths = {}
            for seed in seeds:
                path = os.path.join(scratch, "hygiene_%d.py" % seed)
                with open(path, "w") as handle:
                    handle.write(genprog_hygiene.generate(seed, args.prefixed_globals, scopes, probes))
                paths[path] = seed
            for version, python in pythons:
                verdicts = fuzz_programs.verify(args.unawait, python, list(paths), args.timeout)
                runs += len(verdicts)
                for path, (verdict, _, item) in sorted(verdicts.items()):
                    if verdict == "equivalent":
                        continue
                    seed = paths[path]
                    diverging.add(seed)
                    keys = signatures(item)
                    every.update(set(keys))
                    for key in keys:
                        every_first.setdefault(key, (seed, version))
                    if args.want:
                        keys = [key for key in keys if args.want in key]
                        if not keys:
                            continue
                    key = keys[0]
                    classes.setdefault(key, collections.OrderedDict()).setdefault(version, []).append(seed)
                    first.setdefault(key, (seed, version, python, item))
            for path in paths:
                os.remove(path)
            print("%d programs, %d runs, %d diverging programs, %d classes, %.0f s"
                  % (seeds[-1] - args.seed + 1, runs, len(diverging), len(classes), time.time() - started),
                  flush=True)

        print("\n%d programs on %s: %d runs, %d programs diverge, %d classes"
              % (args.count, ", ".join(v for v, _ in pythons), runs, len(diverging), len(classes)))
        print("\nEvery difference (also those behind a class's first one), by programs x interpreters:")
        for key, count in every.most_common(args.show):
            print("  %5d  %s  (seed %d on %s)" % ((count, key) + every_first[key]))
        os.makedirs(args.out_dir, exist_ok=True)
        for number, (key, by_version) in enumerate(classes.items()):
            print("\nclass %d: %s" % (number, key))
            for version, seeds in by_version.items():
                print("  %s: %d programs (seeds %s%s)"
                      % (version, len(seeds), ", ".join(map(str, seeds[:8])), ", ..." if len(seeds) > 8 else ""))
            seed, version, python, item = first[key]
            for difference in item["differences"]:
                detail = difference["detail"].splitlines()
                print("  %s (seed %d on %s):\n%s" % (difference["what"], seed, version,
                                                     "\n".join("    " + line for line in detail[:14])))
            if args.no_shrink:
                continue
            source = genprog_hygiene.generate(seed, args.prefixed_globals, scopes, probes)
            minimal, tries = shrink(args.unawait, python, source, key, args.timeout, scratch, args.shrink_tries)
            target = os.path.join(args.out_dir, "class_%d_seed_%d.py" % (number, seed))
            with open(target, "w") as handle:
                handle.write(minimal)
            print("  shrunk to %d lines in %d runs: %s" % (len(minimal.splitlines()), tries, target), flush=True)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print("\n%.0f s" % (time.time() - started))
    return 1 if diverging else 0


if __name__ == "__main__":
    sys.exit(main())
