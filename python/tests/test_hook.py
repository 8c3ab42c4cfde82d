"""`unawait.install_import_hook`: desugaring on import, the cache under
`__pycache__`, line numbers, and what stays as CPython has it."""

import os
import stat

import pytest

from conftest import write

PACKAGE = {
    "pkg/__init__.py": """\
        import asyncio


        async def double(x):
            await asyncio.sleep(0)
            return 2 * x


        async def fail():
            await asyncio.sleep(0)
            raise ValueError("from line 11")
        """,
    "pkg/sub/__init__.py": "",
    "pkg/sub/mod.py": """\
        async def triple(x):
            return 3 * x
        """,
    "other.py": """\
        async def plain():
            return 1
        """,
}

# Indented as the snippets appended to it, for the fixture to dedent.
IMPORT = """\
        import asyncio, inspect, sys
        import unawait
        hook = unawait.install_import_hook("pkg")
        import pkg, pkg.sub.mod, other
        def desugared(module):
            return "_unawait_coroutine" in vars(module)
"""

# IMPORT where desugaring fails: everything must come from the cache.
IMPORT_FROM_CACHE = (
    """\
        from unawait import _hook
        def refuse(*args):
            raise AssertionError("desugared again")
        _hook.desugar_for_import = refuse
"""
    + IMPORT
)


def test_modules_of_the_packages_are_desugared(tmp_path, python):
    write(tmp_path, PACKAGE)
    completed = python(
        IMPORT
        + """\
        print(asyncio.run(pkg.double(21)), asyncio.run(pkg.sub.mod.triple(2)))
        print(desugared(pkg), desugared(pkg.sub.mod), desugared(other))
        print(sorted(hook.modules))
        print(sys.modules["unawait_runtime"].__spec__.loader.__class__.__name__)
        """,
        tmp_path,
    )
    assert completed.stdout.splitlines() == [
        "42 6",
        "True True False",
        "['pkg', 'pkg.sub', 'pkg.sub.mod']",
        "RuntimeLoader",
    ]


def test_code_is_cached_next_to_cpythons_bytecode(tmp_path, python):
    write(tmp_path, PACKAGE)
    python(IMPORT, tmp_path)
    cached = sorted(os.listdir(str(tmp_path / "pkg" / "__pycache__")))
    assert len(cached) == 1
    # Tagged with the version and a digest of the runtime it calls.
    build = __import__("unawait")._unawait.BUILD
    assert build.startswith(__import__("unawait").__version__ + "-")
    assert ".unawait-" + build + ".pyc" in cached[0]
    # A second run reads the cache: the desugarer is never called.
    completed = python(
        IMPORT_FROM_CACHE
        + "        print(asyncio.run(pkg.double(1)), pkg.__spec__.cached)\n",
        tmp_path,
    )
    assert completed.stdout.split()[0] == "2"
    assert completed.stdout.split()[1].endswith(cached[0])  # spec.cached (3.15 drops __cached__)


def test_a_changed_source_invalidates_the_cache(tmp_path, python):
    write(tmp_path, PACKAGE)
    python(IMPORT, tmp_path)
    write(
        tmp_path,
        {
            "pkg/sub/mod.py": """\
        async def triple(x):
            return 3 * x + 1000
        """
        },
    )
    completed = python(IMPORT + "        print(asyncio.run(pkg.sub.mod.triple(1)))\n", tmp_path)
    assert completed.stdout.strip() == "1003"


def test_a_corrupt_cache_file_is_ignored_and_rewritten(tmp_path, python):
    write(tmp_path, PACKAGE)
    python(IMPORT, tmp_path)
    cache_dir = tmp_path / "pkg" / "__pycache__"
    (cached,) = os.listdir(str(cache_dir))
    header = (cache_dir / cached).read_bytes()[:20]
    (cache_dir / cached).write_bytes(header + b"not marshal data")
    completed = python(IMPORT + "        print(asyncio.run(pkg.double(2)))\n", tmp_path)
    assert completed.stdout.strip() == "4"
    assert (cache_dir / cached).read_bytes() != header + b"not marshal data"


def test_an_unwritable_cache_directory_still_imports(tmp_path, python):
    write(tmp_path, PACKAGE)
    # A file where `__pycache__` would go: no cache can be written there
    # (root ignores permission bits, so a read-only mode proves nothing).
    (tmp_path / "pkg" / "__pycache__").write_text("")
    completed = python(IMPORT + "        print(asyncio.run(pkg.double(4)))\n", tmp_path)
    assert completed.stdout.strip() == "8"
    if os.getuid() != 0:
        sub = tmp_path / "pkg" / "sub"
        sub.chmod(stat.S_IRUSR | stat.S_IXUSR)
        try:
            completed = python(
                IMPORT + "        print(asyncio.run(pkg.sub.mod.triple(1)))\n", tmp_path
            )
            assert completed.stdout.strip() == "3"
            assert not (sub / "__pycache__").exists()
        finally:
            sub.chmod(stat.S_IRWXU)


def test_tracebacks_and_source_speak_of_the_original_file(tmp_path, python):
    write(tmp_path, PACKAGE)
    completed = python(
        IMPORT
        + """\
        import linecache, traceback
        try:
            asyncio.run(pkg.fail())
        except ValueError as error:
            frame = traceback.extract_tb(error.__traceback__)[-1]
            print(frame.filename == pkg.__file__, frame.lineno, frame.line)
        print(pkg.double.__code__.co_firstlineno)
        print(inspect.getsource(pkg.double).splitlines()[0])
        print(linecache.getline(pkg.__file__, 4).strip())
        """,
        tmp_path,
    )
    assert completed.stdout.splitlines() == [
        'True 11 raise ValueError("from line 11")',
        "4",
        "async def double(x):",
        "async def double(x):",
    ]


def test_reload_desugars_the_new_source(tmp_path, python):
    write(tmp_path, PACKAGE)
    completed = python(
        IMPORT
        + """\
        import importlib, time
        with open(pkg.sub.mod.__file__, "w") as file:
            file.write("async def triple(x):\\n    return 30 * x\\n")
        importlib.reload(pkg.sub.mod)
        print(asyncio.run(pkg.sub.mod.triple(1)), desugared(pkg.sub.mod))
        """,
        tmp_path,
    )
    assert completed.stdout.strip() == "30 True"


def test_a_module_that_cannot_be_desugared_raises_syntax_error(tmp_path, python):
    write(tmp_path, PACKAGE)
    write(tmp_path, {"pkg/broken.py": "x = 1\nawait x\n"})
    completed = python(
        IMPORT
        + """\
        try:
            import pkg.broken
        except SyntaxError as error:
            print(type(error).__name__, error.filename == pkg.__file__.replace("__init__", "broken"),
                  error.lineno, error.msg)
        # The hook is still installed for the other modules.
        print(hook in sys.meta_path, desugared(__import__("pkg.sub.mod").sub.mod))
        """,
        tmp_path,
    )
    assert completed.stdout.splitlines() == [
        "DesugarError True 2 'await' outside function",
        "True True",
    ]


def test_leaving_the_context_removes_the_hook(tmp_path, python):
    write(tmp_path, PACKAGE)
    completed = python(
        """\
        import inspect, sys, unawait
        with unawait.install_import_hook(["pkg"]) as hook:
            assert hook in sys.meta_path
        print(hook in sys.meta_path)
        import pkg
        print("_unawait_coroutine" in vars(pkg))
        """,
        tmp_path,
    )
    assert completed.stdout.split() == ["False", "False"]


def test_packages_in_site_packages_are_desugared_too(tmp_path, python):
    # Any directory on sys.path: the hook goes by module name.
    write(tmp_path / "site", PACKAGE)
    completed = python(
        """\
        import sys, inspect, asyncio
        sys.path.insert(0, "site")
        import unawait
        unawait.install_import_hook("pkg")
        import pkg
        print(asyncio.run(pkg.double(5)), "_unawait_coroutine" in vars(pkg))
        """,
        tmp_path,
    )
    assert completed.stdout.strip() == "10 True"


def test_processes_importing_at_once_never_read_a_partial_cache(tmp_path, python):
    modules = {"pkg/__init__.py": ""}
    for index in range(40):
        modules["pkg/m{}.py".format(index)] = "async def f():\n    return {}\n".format(
            index
        ) + "x = [%s]\n" % ("1," * 2000)
    write(tmp_path, modules)
    completed = python(
        """\
        import subprocess, sys
        child = '''
        import asyncio, unawait
        unawait.install_import_hook("pkg")
        import importlib
        for index in range(40):
            module = importlib.import_module("pkg.m%d" % index)
            assert asyncio.run(module.f()) == index
        '''
        processes = [subprocess.Popen([sys.executable, "-c", child]) for _ in range(6)]
        sys.exit(max(process.wait() for process in processes))
        """,
        tmp_path,
    )
    assert completed.returncode == 0
    leftovers = [n for n in os.listdir(str(tmp_path / "pkg" / "__pycache__")) if n.endswith(".tmp")]
    assert leftovers == []


def test_cache_paths_are_cpythons_with_the_build(tmp_path):
    # `cache_path` works out `cache_from_source` once per directory: every
    # file's answer must still be the one `cache_from_source` gives.
    import importlib.util
    import sys

    from unawait import _hook

    names = ["a.py", "b.c.py", "mod.py", "a.py", "x.pyw", ".py"]
    for prefix in (None, str(tmp_path / "prefix")):
        saved = sys.pycache_prefix if hasattr(sys, "pycache_prefix") else None
        if prefix is not None and not hasattr(sys, "pycache_prefix"):
            continue  # 3.8+
        try:
            if prefix is not None:
                sys.pycache_prefix = prefix
            for name in names:
                path = str(tmp_path / "pkg" / name)
                standard = importlib.util.cache_from_source(path)
                for tag in (None, "pytest-8"):
                    expected = "{}.unawait-{}{}.pyc".format(
                        standard[: -len(".pyc")], _hook.BUILD, "-" + tag if tag else ""
                    )
                    assert _hook.DesugaringLoader.cache_path(path, tag) == expected, (name, prefix)
        finally:
            if hasattr(sys, "pycache_prefix"):
                sys.pycache_prefix = saved


def test_a_source_dated_before_1970_is_cached(tmp_path, python):
    # Its st_mtime_ns is negative: the cache header stores it as 64 bits.
    write(tmp_path, PACKAGE)
    before_1970 = -86400 * 10**9
    os.utime(str(tmp_path / "pkg" / "__init__.py"), ns=(before_1970, before_1970))
    python(IMPORT, tmp_path)
    assert len(os.listdir(str(tmp_path / "pkg" / "__pycache__"))) == 1
    completed = python(
        IMPORT_FROM_CACHE
        + "        print(asyncio.run(pkg.double(4)))\n",
        tmp_path,
    )
    assert completed.stdout.strip() == "8"


def test_bodies_are_compiled_flagged_as_the_decorator_would_flag_them(tmp_path):
    # The hook flags each desugared body's code object CO_ITERABLE_COROUTINE
    # when it compiles the module, so the runtime's decorator need not make
    # a new code object at every import; nothing else is flagged.
    import sys

    from unawait import _hook

    if _hook._unawait is None:
        pytest.skip("needs the extension")
    source = b"""\
import functools


@functools.lru_cache()
async def cached(x=(lambda: (yield))):
    return [y async for y in x]


async def agen():
    yield 1


def gen():
    yield (z for z in ())
"""
    code = _hook.compile_module(source, str(tmp_path / "m.py"))

    def flags(code):
        found = {}
        for const in code.co_consts:
            if isinstance(const, type(code)):
                found[const.co_name] = bool(const.co_flags & 0x100)
                found.update(flags(const))
        return found

    found = flags(code)
    assert found.pop("cached") and found.pop("agen")
    assert found.pop("_unawait_listcomp_1")
    assert not any(found.values()), found
    # Run (the hook serves the runtime), each is what the decorator makes
    # of it.
    import unawait

    namespace = {"__name__": "m"}
    with unawait.install_import_hook(()):
        exec(code, namespace)
    body = namespace["cached"].__wrapped__._unawait_body
    assert body.__code__.co_flags & 0x100
    if sys.version_info >= (3, 8):
        # Not made again: the very code object compiled.
        consts = [c for c in code.co_consts if getattr(c, "co_name", None) == "cached"]
        assert body.__code__ is consts[0]
