"""Helpers for the package's tests: each test that imports through the hook
does so in a fresh interpreter, since imports are process-wide state."""

import os
import subprocess
import sys
import textwrap

import pytest


def _environment():
    env = dict(os.environ)
    # The hook writes its cache as CPython writes bytecode: not when told not to.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


@pytest.fixture
def python():
    """Runs Python code in a fresh interpreter (this one) in `cwd`;
    returns the completed process, failing the test on a non-zero status
    unless `check=False`."""

    def run(code, cwd, check=True, args=()):
        completed = subprocess.run(
            [sys.executable, "-c", textwrap.dedent(code)] + list(args),
            cwd=str(cwd),
            env=_environment(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            universal_newlines=True,
        )
        if check and completed.returncode != 0:
            pytest.fail(
                "exit status {}:\n{}{}".format(
                    completed.returncode, completed.stdout, completed.stderr
                )
            )
        return completed

    return run


@pytest.fixture
def command():
    """Runs the installed `unawait` command."""

    def run(*args, cwd=None, input=None):
        executable = os.path.join(os.path.dirname(sys.executable), "unawait")
        return subprocess.run(
            [executable] + [str(arg) for arg in args],
            cwd=None if cwd is None else str(cwd),
            env=_environment(),
            input=input,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            universal_newlines=True,
        )

    return run


def write(root, files):
    """Writes `{relative path: text}` under `root` (text dedented)."""
    for name, text in files.items():
        path = root.joinpath(*name.split("/"))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
