"""The README's Python examples do what it says."""

import doctest
import os
import subprocess
import sys

import pytest

from conftest import _environment

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def readme_block(start):
    """The README's fenced block whose first line starts with `start`."""
    with open(os.path.join(ROOT, "README.md")) as file:
        text = file.read()
    for block in text.split("```")[1::2]:
        body = block.split("\n", 1)[1]
        if body.startswith(start):
            return body
    pytest.fail("the README has no block starting with {!r}".format(start))


@pytest.mark.parametrize(
    "start, examples",
    [(">>> import unawait\n", 3), (">>> import asyncio, sys, unawait\n", 5)],
)
def test_the_python_examples_run_as_shown(monkeypatch, start, examples):
    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(sys, "path", list(sys.path))
    example = readme_block(start)
    test = doctest.DocTestParser().get_doctest(example, {}, "README", "README.md", 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    sys.modules.pop("ticker", None)
    assert runner.failures == 0
    assert runner.tries == examples


def test_the_plugin_example_prints_what_is_shown():
    block = readme_block("$ cd examples/project && python -m pytest")
    shown = block.split("\n$ ")[0].splitlines()[1:]
    completed = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "--unawait-packages=ticker"],
        cwd=os.path.join(ROOT, "examples", "project"),
        env=_environment(),
        stdout=subprocess.PIPE,
        universal_newlines=True,
    )
    assert completed.returncode == 0, completed.stdout
    printed = [line.strip("- ") for line in completed.stdout.splitlines()]
    assert len(shown) == 2
    for line in shown:
        assert line in printed, completed.stdout
