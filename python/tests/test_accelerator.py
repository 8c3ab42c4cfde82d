"""The imported runtime's C paths (src/python/accelerator.rs): taken on
3.11+ with the package installed, not taken when told not to, and the same
behaviour where an event loop reaches them (the golden suite compares the
rest, tests/golden.rs)."""

import sys

import pytest

ACCELERATES = sys.version_info >= (3, 11)

PROGRAM = """\
import asyncio, sys

async def answer(x):
    await asyncio.sleep(0)
    return x * 2

async def main():
    done = answer(21)
    print(await asyncio.ensure_future(done))
    # A finished coroutine handed to a Task: its first step is the event
    # loop's, through the type's send slot, and fails as CPython's does.
    try:
        await asyncio.ensure_future(done)
    except RuntimeError as error:
        print("RuntimeError:", error)
    # A body that raises mid-way, stepped by a Task.
    async def fails():
        await asyncio.sleep(0)
        raise KeyError("k")
    try:
        await asyncio.ensure_future(fails())
    except KeyError as error:
        print("KeyError:", error)
    # Awaits the C helper takes, and one it hands to the Python helper.
    print(await asyncio.sleep(0, result="native"))
    try:
        await 1
    except TypeError as error:
        print("TypeError:", error)

asyncio.run(main())
runtime = sys.modules.get("unawait_runtime")
print("accelerated:", runtime._unawait_accelerated if runtime else "native")
"""


@pytest.fixture
def project(tmp_path):
    (tmp_path / "prog.py").write_text(PROGRAM)
    return tmp_path


def run(python, project, pure):
    environment = "1" if pure else ""
    return python(
        """
        import os, sys, unawait
        os.environ["UNAWAIT_PURE_RUNTIME"] = {!r}
        sys.path.insert(0, ".")
        with unawait.install_import_hook("prog"):
            import prog
        """.format(environment),
        cwd=project,
    ).stdout


def test_the_runtime_takes_the_accelerator_on_3_11_and_later(python, project):
    native = python("import prog", cwd=project).stdout
    accelerated = run(python, project, pure=False)
    expected_lines = native.replace("accelerated: native", "accelerated: %s" % ACCELERATES)
    assert accelerated == expected_lines


def test_unawait_pure_runtime_keeps_the_python(python, project):
    native = python("import prog", cwd=project).stdout
    pure = run(python, project, pure=True)
    assert pure == native.replace("accelerated: native", "accelerated: False")


def test_a_runtime_of_another_version_is_left_alone(python, tmp_path):
    completed = python(
        """
        from unawait import _unawait
        namespace = {"__version__": "0.0.0"}
        print(_unawait.accelerate(namespace, 1), namespace)
        namespace = {"__version__": _unawait.__version__}
        print(_unawait.accelerate(namespace, 999), namespace == {"__version__": _unawait.__version__})
        """,
        cwd=tmp_path,
    )
    assert completed.stdout == "False {'__version__': '0.0.0'}\nFalse True\n"


@pytest.mark.skipif(not ACCELERATES, reason="the accelerator applies to CPython 3.11+")
def test_await_becomes_a_builtin_whose_errors_come_from_the_python(python, project):
    completed = python(
        """
        import os, sys, unawait
        os.environ.pop("UNAWAIT_PURE_RUNTIME", None)
        with unawait.install_import_hook("prog"):
            import prog
        runtime = sys.modules["unawait_runtime"]
        print(type(runtime._unawait_await).__name__, runtime._unawait_AWAIT_CODE.co_name)
        """,
        cwd=project,
    )
    assert completed.stdout.endswith("\nbuiltin_function_or_method _unawait_await\n")


def test_a_discarded_runtime_module_is_freed(python, tmp_path):
    # The builtin that replaces `_unawait_await` and the Python helper it
    # falls back on refer to each other through the module's globals.
    completed = python(
        """
        import gc, sys, weakref, unawait
        with unawait.install_import_hook("nothing"):
            import unawait_runtime
        print(unawait_runtime._unawait_accelerated)
        helper = weakref.ref(unawait_runtime._unawait_await)
        coroutine_class = weakref.ref(unawait_runtime._unawait_Coroutine)
        del sys.modules["unawait_runtime"], unawait_runtime
        gc.collect()
        print(helper(), coroutine_class())
        """,
        cwd=tmp_path,
    )
    assert completed.stdout == "%s\nNone None\n" % ACCELERATES


def test_a_program_module_named_unawait_is_not_run_to_find_it(python, command, tmp_path):
    # `--runtime import` output beside a program's own `unawait.py`: the
    # runtime looks for the package without importing that module.
    assert command("runtime", "--write", tmp_path).returncode == 0
    (tmp_path / "unawait.py").write_text('print("the program\'s unawait module ran")\n')
    completed = python(
        "import unawait_runtime; print(unawait_runtime._unawait_accelerated)", cwd=tmp_path
    )
    assert completed.stdout == "False\n"
