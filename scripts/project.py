"""What the scripts share: where the project is, its binary, and the
interpreters it finds."""
import os
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def unawait_binary(given=None):
    """`given`, or the release binary, built with cargo first."""
    if given:
        return given
    subprocess.run(["cargo", "build", "--release", "-q"], cwd=ROOT, check=True)
    return os.path.join(ROOT, "target", "release", "unawait")


def interpreters(unawait, requested=None):
    """[(version, path)] from `unawait pythons`, which finds them as the tests
    do; `requested` (comma-separated paths) narrows the search."""
    env = dict(os.environ)
    if requested:
        env["UNAWAIT_PYTHONS"] = requested
    listing = subprocess.run([unawait, "pythons"], capture_output=True, text=True, check=True, env=env).stdout
    return [tuple(line.split(" ", 1)) for line in listing.splitlines() if line.strip()]
