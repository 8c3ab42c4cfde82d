"""The pytest plugin, run on a small project in a fresh pytest."""

import subprocess
import sys

from conftest import _environment, write

PROJECT = {
    "mylib/__init__.py": """\
        import asyncio


        async def double(x):
            await asyncio.sleep(0)
            return 2 * x
        """,
    "tests/conftest.py": """\
        import asyncio

        import pytest


        @pytest.fixture
        def run():
            async def wait(coroutine):
                return await coroutine

            return lambda coroutine: asyncio.run(wait(coroutine))
        """,
    "tests/test_lib.py": """\
        import sys

        import mylib


        async def compute():
            return await mylib.double(3)


        def test_double(run):
            assert run(compute()) == 6


        def test_message(run):
            value = run(compute())
            assert value == 7


        def desugared(module):
            # The runtime's names; this file's prefix is not the default one,
            # since its text holds the default.
            return any(
                name.startswith("_unawait") and name.endswith("coroutine")
                for name in vars(module)
            )


        def test_desugared():
            assert desugared(sys.modules[__name__])
            assert desugared(mylib)
        """,
}


def pytest_in(root, *args):
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-rA"] + list(args),
        cwd=str(root),
        env=_environment(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        universal_newlines=True,
    )


def test_the_option_desugars_packages_tests_and_conftest(tmp_path):
    write(tmp_path, PROJECT)
    completed = pytest_in(tmp_path, "--unawait-packages=mylib")
    out = completed.stdout
    assert (
        "unawait {}: desugaring mylib, the test modules and conftest files".format(
            __import__("unawait").__version__
        )
        in out
    )
    assert "PASSED tests/test_lib.py::test_double" in out
    assert "PASSED tests/test_lib.py::test_desugared" in out
    # pytest's assertion rewriting still explains the failure.
    assert "FAILED tests/test_lib.py::test_message - assert 6 == 7" in out
    assert "unawait: 3 modules desugared" in out


def test_without_the_option_nothing_is_desugared(tmp_path):
    write(tmp_path, PROJECT)
    completed = pytest_in(tmp_path)
    out = completed.stdout
    assert "FAILED tests/test_lib.py::test_desugared" in out
    assert "FAILED tests/test_lib.py::test_message - assert 6 == 7" in out
    assert "desugaring" not in out
    assert "modules desugared" not in out


def test_a_test_module_that_cannot_be_desugared_is_a_collection_error(tmp_path):
    write(tmp_path, PROJECT)
    write(tmp_path, {"tests/test_broken.py": "def test_x():\n    await y\n"})
    completed = pytest_in(tmp_path, "--unawait-packages=mylib", "--continue-on-collection-errors")
    assert "ERROR tests/test_broken.py" in completed.stdout
    assert "'await' outside async function" in completed.stdout
    assert "PASSED tests/test_lib.py::test_desugared" in completed.stdout
