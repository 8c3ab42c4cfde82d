"""Desugaring ahead of the import hook (`_unawait.Prefetch`): a result is
what `desugar` gives for exactly those bytes, a cached file is skipped, and
the hook uses results only where they fit."""

import os

import pytest

from conftest import write

from unawait import _hook, _unawait

GOOD = "async def f(x):\n    return await x\n"
BAD = "async def f(:\n    pass\n"


def desugar(source):
    return _unawait.desugar(source, "import", None, None, False, None)


def good_file_desugared_ahead(tmp_path):
    """A `Prefetch` that has desugared the file `good.py` (GOOD), and its path."""
    write(tmp_path, {"good.py": GOOD})
    path = str(tmp_path / "good.py")
    prefetch = _unawait.Prefetch(_hook._MAGIC)
    prefetch.schedule([(path, None)])
    prefetch.wait()
    return prefetch, path


def test_results_are_what_desugar_gives_for_the_same_bytes(tmp_path):
    write(tmp_path, {"good.py": GOOD, "bad.py": BAD, "plain.py": "x = 1\n"})
    prefetch = _unawait.Prefetch(_hook._MAGIC)
    paths = [str(tmp_path / name) for name in ("good.py", "bad.py", "plain.py")]
    prefetch.schedule([(path, None) for path in paths])
    prefetch.wait()
    for path in paths:
        with open(path, "rb") as file:
            source = file.read()
        assert prefetch.take(path, source) == desugar(source)
        # Taken once: a second import desugars for itself.
        assert prefetch.take(path, source) is None


def test_a_result_for_other_bytes_is_not_used(tmp_path):
    prefetch, path = good_file_desugared_ahead(tmp_path)
    assert prefetch.take(path, GOOD.replace("x", "y").encode()) is None


def test_a_file_with_a_valid_cache_is_skipped(tmp_path, python):
    write(tmp_path, {"pkg/__init__.py": "", "pkg/a.py": GOOD, "pkg/b.py": GOOD})
    # The hook's own run writes both caches.
    python(
        "import unawait\nunawait.install_import_hook('pkg')\nimport pkg.a, pkg.b\n",
        tmp_path,
    )
    paths = [str(tmp_path / "pkg" / name) for name in ("a.py", "b.py")]
    jobs = [(path, _hook.DesugaringLoader.cache_path(path)) for path in paths]
    assert all(os.path.exists(cache) for _, cache in jobs)
    # b changed since: its cache is stale, a's is not.
    write(tmp_path, {"pkg/b.py": GOOD + "# changed\n"})
    prefetch = _unawait.Prefetch(_hook._MAGIC)
    prefetch.schedule(jobs)
    prefetch.wait()
    with open(paths[0], "rb") as file:
        assert prefetch.take(paths[0], file.read()) is None
    with open(paths[1], "rb") as file:
        source = file.read()
    assert prefetch.take(paths[1], source) == desugar(source)


def test_closed_it_holds_nothing(tmp_path):
    prefetch, path = good_file_desugared_ahead(tmp_path)
    prefetch.close()
    prefetch.schedule([(path, None)])
    prefetch.wait()
    assert prefetch.take(path, GOOD.encode()) is None


def test_at_most_512_results_wait_and_the_worker_resumes_once_half_are_taken(tmp_path):
    write(tmp_path, {"m{:03}.py".format(index): GOOD for index in range(520)})
    paths = [str(tmp_path / "m{:03}.py".format(index)) for index in range(520)]
    prefetch = _unawait.Prefetch(_hook._MAGIC)
    prefetch.schedule([(path, None) for path in paths])
    prefetch.wait()
    # The room filled before the last file was started: it is dropped from
    # the queue, for the caller to desugar.
    assert prefetch.take(paths[-1], GOOD.encode()) is None
    expected = desugar(GOOD.encode())
    for path in paths[:-1]:
        prefetch.wait()
        assert prefetch.take(path, GOOD.encode()) == expected, path


PACKAGE = dict(
    {"pkg/__init__.py": ""},
    **{
        "pkg/m{}.py".format(index): (
            "import asyncio\n"
            "async def value():\n"
            "    await asyncio.sleep(0)\n"
            "    return {}\n".format(index)
        )
        for index in range(40)
    }
)

IMPORT_ALL = """\
import asyncio, importlib, os, sys
import unawait
hook = unawait.install_import_hook("pkg")
values = [asyncio.run(importlib.import_module("pkg.m%d" % i).value()) for i in range(40)]
print(values == list(range(40)), len(hook.modules), hook.prefetched_count)
"""


def test_the_hook_takes_what_was_desugared_ahead(tmp_path, python):
    write(tmp_path, PACKAGE)
    # The package's own module, the directory's first, hands over the
    # others; the worker is let finish before they are imported.
    code = IMPORT_ALL.replace(
        'hook = unawait.install_import_hook("pkg")\n',
        'hook = unawait.install_import_hook("pkg")\n'
        "import pkg\n"
        "hook._prefetch.wait()\n",
    )
    ok, modules, prefetched = python(code, tmp_path).stdout.split()
    assert (ok, modules) == ("True", "41")
    assert int(prefetched) == 40
    # Cached now: nothing is desugared, ahead or not.
    ok, modules, prefetched = python(IMPORT_ALL, tmp_path).stdout.split()
    assert (ok, modules, prefetched) == ("True", "41", "0")


def test_a_module_changed_after_it_was_desugared_ahead_is_desugared_again(tmp_path, python):
    write(tmp_path, PACKAGE)
    completed = python(
        """\
        import asyncio, os
        import unawait
        hook = unawait.install_import_hook("pkg")
        import pkg
        hook._prefetch.wait()
        with open(os.path.join("pkg", "m1.py"), "a") as file:
            file.write("async def extra():\\n    return 'changed'\\n")
        import pkg.m1, pkg.m2
        print(asyncio.run(pkg.m1.extra()), hook.prefetched_count)
        """,
        tmp_path,
    )
    # m2 came from the worker; m1, changed since, did not.
    assert completed.stdout.split() == ["changed", "1"]


def test_turned_off_by_the_environment(tmp_path, python):
    write(tmp_path, PACKAGE)
    completed = python(
        "import os\nos.environ['UNAWAIT_PREFETCH'] = '0'\n"
        + IMPORT_ALL
        + "print(hook._prefetch)\n",
        tmp_path,
    )
    assert completed.stdout.split() == ["True", "41", "0", "None"]


def test_uninstalling_the_hook_closes_it(tmp_path, python):
    write(tmp_path, PACKAGE)
    completed = python(
        """\
        import unawait
        hook = unawait.install_import_hook("pkg")
        import pkg.m0
        prefetch = hook._prefetch
        hook.uninstall()
        prefetch.wait()
        with open("pkg/m1.py", "rb") as file:
            print(hook._prefetch, prefetch.take("pkg/m1.py", file.read()))
        """,
        tmp_path,
    )
    assert completed.stdout.split() == ["None", "None"]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_a_forked_child_imports_with_a_worker_of_its_own(tmp_path, python):
    # The parent's worker is desugaring when the child is forked; the child
    # must neither wait for it nor use the parent's object.
    write(tmp_path, PACKAGE)
    completed = python(
        """\
        import asyncio, importlib, os, sys
        import unawait
        hook = unawait.install_import_hook("pkg")
        import pkg.m0
        parent = hook._prefetch
        pid = os.fork()
        if pid == 0:
            values = [asyncio.run(importlib.import_module("pkg.m%d" % i).value()) for i in range(1, 40)]
            ok = values == list(range(1, 40)) and hook._prefetch is not parent
            os._exit(0 if ok else 1)
        _, status = os.waitpid(pid, 0)
        print(os.WEXITSTATUS(status) if os.WIFEXITED(status) else "signal")
        """,
        tmp_path,
    )
    assert completed.stdout.strip() == "0"


def test_a_syntax_error_desugared_ahead_is_raised_at_import(tmp_path, python):
    write(tmp_path, dict(PACKAGE, **{"pkg/m5.py": BAD}))
    completed = python(
        """\
        import unawait
        hook = unawait.install_import_hook("pkg")
        import pkg.m0
        hook._prefetch.wait()
        try:
            import pkg.m5
        except SyntaxError as error:
            print(type(error).__name__, error.filename.endswith("m5.py"), error.lineno, error.offset)
        """,
        tmp_path,
    )
    assert completed.stdout.split() == ["DesugarError", "True", "1", "13"]


def test_only_modules_the_hook_desugars_are_handed_over(tmp_path):
    write(
        tmp_path,
        {
            "top/__init__.py": "",
            "top/inner/__init__.py": "",
            "top/inner/a.py": "",
            "top/inner/b.py": "",
            "top/inner/not-a-module.py": "",
            "top/inner/data.txt": "",
            "top/x.py": "",
        },
    )
    hook = _hook.ImportHook(["top.inner.a"])
    inner = str(tmp_path / "top" / "inner")
    a = os.path.join(inner, "a.py")
    # Only top.inner.a is named: its siblings are not the hook's.
    assert hook._siblings("top.inner.a", a) == []
    hook = _hook.ImportHook(["top.inner"])
    jobs = hook._siblings("top.inner.a", a)
    assert [os.path.basename(path) for path, _ in jobs] == ["b.py"]
    assert jobs[0][1] == _hook.DesugaringLoader.cache_path(jobs[0][0])
    # Under a root, every module of the directory is.
    hook = _hook.ImportHook(roots=[str(tmp_path)])
    jobs = hook._siblings("top.inner.a", a)
    assert [os.path.basename(path) for path, _ in jobs] == ["b.py"]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_the_worker_is_paused_while_the_process_forks(tmp_path, python):
    # Forking while the worker runs would leave a thread of unawait's in
    # the parent at the fork (3.12+ warns of that); it is paused instead,
    # and goes on in the parent afterwards.
    many = {"pkg/m{}.py".format(index): PACKAGE["pkg/m1.py"] for index in range(40, 400)}
    write(tmp_path, dict(PACKAGE, **many))
    completed = python(
        """\
        import asyncio, importlib, os, warnings
        import unawait
        hook = unawait.install_import_hook("pkg")
        import pkg
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            pid = os.fork()
            if pid == 0:
                os._exit(0)
        threads = "?"
        if os.path.exists("/proc/self/status"):
            with open("/proc/self/status") as status:
                threads = [line.split()[1] for line in status if line.startswith("Threads:")][0]
        os.waitpid(pid, 0)
        print(threads, sum("multi-threaded" in str(warning.message) for warning in caught))
        # The first import after the fork starts the worker again, though
        # its module (the last handed over) had not been desugared.
        import pkg.m99
        after = "?"
        if os.path.exists("/proc/self/status"):
            with open("/proc/self/status") as status:
                after = [line.split()[1] for line in status if line.startswith("Threads:")][0]
        print(after)
        hook._prefetch.wait()
        values = [asyncio.run(importlib.import_module("pkg.m%d" % i).value()) for i in range(40)]
        print(values == list(range(40)), hook.prefetched_count)
        """,
        tmp_path,
    )
    threads, warned, after, ok, prefetched = completed.stdout.split()
    assert threads in ("1", "?") and warned == "0"
    assert after in ("2", "?")
    assert (ok, prefetched) == ("True", "40")
