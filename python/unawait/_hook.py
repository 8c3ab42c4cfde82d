"""The import hook: modules desugared as they are imported.

Standard library only, so that `unawait run` can load this file into any
CPython 3.6+ whether or not the unawait package is installed there. The
desugaring itself comes from the extension (`unawait._unawait`) when it is
importable, else from the `unawait` command `unawait run` names (`unawait
hook-desugar FILE`, one process per module not yet cached).
"""

# Only what a cached import needs is imported up front (`importlib.abc`
# alone costs some 10 ms on 3.11, `importlib.util` 2 ms through
# `contextlib`); the rest when a module is desugared. The bootstrap's own
# module, which every interpreter has loaded at start-up, gives what
# `importlib.util` would re-export.
import _thread
import importlib._bootstrap_external as _bootstrap_external
import importlib.machinery
import io
import marshal
import os
import sys

try:
    from unawait import _unawait
except ImportError:
    _unawait = None

VERSION = _unawait.__version__ if _unawait is not None else None
# What caches are tagged with: the version and a digest of the runtime's
# source (`unawait::runtime::build_tag`).
BUILD = _unawait.BUILD if _unawait is not None else None
# The command that runs `unawait` (see `use_command`).
COMMAND = None


def use_command(command, version, build):
    """Desugars with `command` (argv prefix running `unawait`, of version
    `version` and build tag `build`) unless the extension importable here
    is that build."""
    global _unawait, COMMAND, VERSION, BUILD
    COMMAND = list(command)
    if BUILD != build:
        _unawait = None
    VERSION, BUILD = version, build


RUNTIME_MODULE = "unawait_runtime"


class DesugarError(SyntaxError):
    """Input that cannot be desugared: CPython's `SyntaxError`, worded and
    placed as CPython words and places it."""


class DesugarIndentationError(DesugarError, IndentationError):
    """CPython's `IndentationError`."""


class DesugarTabError(DesugarIndentationError, TabError):
    """CPython's `TabError`."""


class UnsupportedSyntaxError(DesugarError):
    """Valid Python that unawait cannot rewrite (yet)."""


# Tracebacks name them as the package exports them.
for _class in (DesugarError, DesugarIndentationError, DesugarTabError, UnsupportedSyntaxError):
    _class.__module__ = "unawait"

_ERRORS = {
    "SyntaxError": DesugarError,
    "IndentationError": DesugarIndentationError,
    "TabError": DesugarTabError,
    "Unsupported": UnsupportedSyntaxError,
}


def error(kind, msg, filename, lineno, offset, end_lineno, end_offset, text):
    """The exception for a failure reported by the desugarer."""
    details = (filename, lineno, offset, text)
    if sys.version_info >= (3, 10):
        details += (end_lineno, end_offset)
    exception = _ERRORS[kind](msg, details)
    if sys.version_info < (3, 10):
        # Before 3.10 SyntaxError has no end position; carry it anyway.
        exception.end_lineno = end_lineno
        exception.end_offset = end_offset
    return exception


def desugar_for_import(source, filename, result=None):
    """`(changed, code, line_map, bodies)` for a module's bytes (`bodies`:
    see `unawait::Output::bodies`); raises
    `DesugarError` naming `filename`. `result`, when given, is what the
    extension's `desugar` returned for these bytes (a `Prefetch` made it)."""
    if result is None and _unawait is not None:
        result = _unawait.desugar(source, "import", None, None, False, None)
    if result is not None:
        if not result[0]:
            raise error(*result[1:3], filename, *result[3:])
        _, code, changed, line_map, bodies = result
        return changed, code, line_map, bodies
    return _desugar_with_executable(filename)


def _desugar_with_executable(filename):
    import json
    import subprocess

    completed = subprocess.run(
        COMMAND + ["hook-desugar", filename],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    if completed.returncode != 0:
        raise ImportError(
            "unawait hook-desugar failed on {}: {}".format(
                filename, completed.stderr.decode(errors="replace").strip()
            )
        )
    result = json.loads(completed.stdout.decode())
    failure = result.get("error")
    if failure is not None:
        raise error(
            failure["kind"],
            failure["msg"],
            filename,
            failure["lineno"],
            failure["offset"],
            failure["end_lineno"],
            failure["end_offset"],
            failure["text"],
        )
    return result["changed"], result["code"], result["line_map"], result["bodies"]


def runtime_source():
    if _unawait is not None:
        return _unawait.RUNTIME_SOURCE
    import subprocess

    return subprocess.check_output(COMMAND + ["runtime"]).decode()


def remap_lines(tree, line_map):
    """Gives each node of `tree` (parsed from desugared text) the original
    line its text came from, so tracebacks, `co_firstlineno` and coverage
    speak of the source file. Lines from no source line (the runtime
    import) take the closest source line before them."""
    import ast

    filled = []
    last = 1
    for line in line_map:
        if line is not None:
            last = line
        filled.append(last)
    count = len(filled)
    # A walk of its own: `ast.walk` costs three times as much, and this
    # runs for every node of every module desugared.
    stack = [tree]
    while stack:
        node = stack.pop()
        for field in node._fields:
            child = getattr(node, field, None)
            if type(child) is list:
                stack.extend(item for item in child if isinstance(item, ast.AST))
            elif isinstance(child, ast.AST):
                stack.append(child)
        start = getattr(node, "lineno", None)
        if start is None:
            continue
        start = node.lineno = filled[start - 1] if 0 < start <= count else last
        end = getattr(node, "end_lineno", None)
        if end is None:
            continue
        end = filled[end - 1] if 0 < end <= count else last
        # Desugared code can move text (a hoisted helper, say); the AST
        # validator wants each range to run forwards.
        if end <= start:
            end = start
            if (
                node.end_col_offset is not None
                and node.col_offset is not None
                and node.end_col_offset < node.col_offset
            ):
                node.end_col_offset = node.col_offset
        node.end_lineno = end


# The line table the running CPython keeps (`_unawait.with_source_lines`
# rewrites it, through an `_unawait.LineMap`).
if sys.version_info >= (3, 11):
    _LINE_TABLE = "locations"
elif sys.version_info >= (3, 10):
    _LINE_TABLE = "linetable"
else:
    _LINE_TABLE = "lnotab"


def compile_module(source, filename, rewrite=None, desugared=None):
    """The code object for a module's bytes, desugared, with source line
    numbers; `rewrite(tree)` (pytest's assertion rewriting) transforms the
    desugared tree before compiling. `desugared`: see `desugar_for_import`."""
    changed, code, line_map, bodies = desugar_for_import(source, filename, desugared)
    if not changed and rewrite is None:
        return compile(source, filename, "exec", dont_inherit=True)
    if changed and rewrite is None and _unawait is not None:
        # The text compiled as CPython compiles a file, then given source
        # lines: half the time of parsing it, remapping the tree in Python
        # and compiling the tree. (The module's own first line stays 1, as
        # the compiler gives every module.)
        import opcode

        compiled = compile(code, filename, "exec", dont_inherit=True)
        lines = _unawait.LineMap(line_map, _LINE_TABLE, opcode.opmap["NOP"], bodies)
        return _unawait.with_source_lines(compiled, lines, compiled.co_firstlineno)
    import ast

    tree = ast.parse(code if changed else source, filename)
    if changed:
        remap_lines(tree, line_map)
    if rewrite is not None:
        rewrite(tree)
    return compile(tree, filename, "exec", dont_inherit=True)


# Cache header: CPython's magic number, then the source's mtime in
# nanoseconds and size (8 bytes each, little-endian), then the marshalled
# code.
_MAGIC = _bootstrap_external.MAGIC_NUMBER
_HEADER_SIZE = len(_MAGIC) + 16


# `DesugaringLoader.cache_path`'s memory: (directory, sys.pycache_prefix) ->
# the text around a module's stem in its `cache_from_source` path.
_CACHE_PATHS = {}
_PathFinder = importlib.machinery.PathFinder
_SourceFileLoader = importlib.machinery.SourceFileLoader


# The hooks whose worker `fork` pauses (a `weakref.WeakSet` once one has a
# worker).
_WORKING_HOOKS = None


def _pause_around_fork(hook):
    """Pauses `hook`'s worker while this process forks: the child then
    starts without a thread of unawait's (3.12+ warns of forking a process
    that runs other threads), and the parent's worker goes on after."""
    global _WORKING_HOOKS
    if _WORKING_HOOKS is None:
        import weakref

        _WORKING_HOOKS = weakref.WeakSet()
        if hasattr(os, "register_at_fork"):  # 3.7+
            os.register_at_fork(
                before=lambda: _each_worker(_unawait.Prefetch.pause),
                after_in_parent=lambda: _each_worker(_unawait.Prefetch.resume),
            )
    _WORKING_HOOKS.add(hook)


def _each_worker(method):
    """`method(prefetch)` for each working hook's `Prefetch` (one made by
    another process does nothing)."""
    for hook in list(_WORKING_HOOKS):
        if hook._prefetch is not None:
            method(hook._prefetch)


def _header(stat):
    """The cache header for a source file of `stat`."""
    return (
        _MAGIC
        + (stat.st_mtime_ns & 0xFFFFFFFFFFFFFFFF).to_bytes(8, "little")
        + stat.st_size.to_bytes(8, "little")
    )


class ImportHook:
    """Desugars, on import, the modules of `packages` (names, with their
    subpackages) and the files under `roots` (directories; files of this
    interpreter's own installation excepted). Use as a context manager, or
    call `uninstall()`.

    `include(path)` can claim more files (outside the installation).
    `rewrite(module_name, path)`, when set, returns for a module either
    None or `(tag, transform)`: `transform(tree, source)` changes the
    desugared tree before it is compiled, and `tag` names that change in
    the cache file's name.
    """

    def __init__(self, packages=(), roots=(), include=None, rewrite=None):
        if isinstance(packages, str):
            packages = [packages]
        self.packages = tuple(name for name in packages if name)
        self._package_prefixes = tuple(name + "." for name in self.packages)
        self.roots = tuple(os.path.join(os.path.realpath(r), "") for r in roots)
        self.include = include
        self.rewrite = rewrite
        # Desugaring ahead (see `prefetched`): the `_unawait.Prefetch` of
        # this process, and the directories already handed to it.
        self._prefetch = None
        self._prefetched_directories = set()
        # The modules desugared (loaded through this hook), in load order,
        # and how many of them a worker desugared ahead (`prefetched`).
        self.modules = []
        self.prefetched_count = 0
        installation = {sys.prefix, sys.base_prefix, sys.exec_prefix}
        self._installation = tuple(os.path.join(os.path.realpath(p), "") for p in installation)

    def install(self):
        sys.meta_path.insert(0, self)
        return self

    def uninstall(self):
        if self in sys.meta_path:
            sys.meta_path.remove(self)
        if self._prefetch is not None:
            self._prefetch.close()
            self._prefetch = None

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.uninstall()

    def _named(self, fullname):
        return fullname in self.packages or fullname.startswith(self._package_prefixes)

    def _claims(self, path):
        """Whether the file at `path`, of no named package, is desugared."""
        real = os.path.realpath(path)
        if self._installed(real):
            return False
        return self._under_root(real) or (self.include is not None and self.include(path))

    def _installed(self, real):
        """Whether the real path `real` is in this interpreter's installation."""
        return any(real.startswith(p) for p in self._installation)

    def _under_root(self, real):
        """Whether the real path `real` is under one of the roots."""
        return any(real.startswith(root) for root in self.roots)

    def prefetched(self, fullname, path, source):
        """What the extension's `desugar` returns for `source`, the bytes of
        the module `fullname` at `path`, if a worker thread desugared them
        ahead; else None.

        The first module of a directory the hook has to desugar (no valid
        cache) hands the others to that worker (`_unawait.Prefetch`):
        while this interpreter compiles and runs one module, the worker
        desugars the next, on another core. Only the directory's modules
        the hook would desugar anyway are handed over; `UNAWAIT_PREFETCH=0`
        turns it off. A result is used only for the very bytes it was
        made from."""
        if _unawait is None or os.environ.get("UNAWAIT_PREFETCH") == "0":
            return None
        if self._prefetch is None or self._prefetch.owner != os.getpid():
            # The parent's worker does not run in a forked child.
            self._prefetch = _unawait.Prefetch(_MAGIC)
            self._prefetched_directories = set()
            _pause_around_fork(self)
        directory = os.path.dirname(path)
        if directory not in self._prefetched_directories:
            self._prefetched_directories.add(directory)
            self._prefetch.schedule(self._siblings(fullname, path))
        result = self._prefetch.take(path, source)
        if result is not None:
            self.prefetched_count += 1
        return result

    def _siblings(self, fullname, path):
        """`(path, cache path)` of each other module in `path`'s directory
        that the hook desugars: modules of the named packages, or every
        module when the directory is under one of the roots."""
        directory = os.path.dirname(path)
        package = fullname if os.path.basename(path) == "__init__.py" else fullname.rpartition(".")[0]
        # Asked once for the directory, as `_claims` asks for each file.
        real = os.path.join(os.path.realpath(directory), "")
        under_root = self._under_root(real) and not self._installed(real)
        try:
            names = sorted(os.listdir(directory))
        except OSError:
            return []
        jobs = []
        for name in names:
            stem = name[:-3]
            if not name.endswith(".py") or stem == "__init__" or not stem.isidentifier():
                continue
            sibling = os.path.join(directory, name)
            if sibling == path:
                continue
            if not (under_root or self._named(package + "." + stem if package else stem)):
                continue
            jobs.append((sibling, DesugaringLoader.cache_path(sibling)))
        return jobs

    def find_spec(self, fullname, path=None, target=None):
        if fullname == RUNTIME_MODULE:
            return importlib.machinery.ModuleSpec(fullname, RuntimeLoader())
        # With neither roots nor a claim, a module outside the packages is
        # left to the finders after this one, without searching the path
        # for it twice.
        named = self._named(fullname)
        if not (named or self.roots or self.include):
            return None
        spec = _PathFinder.find_spec(fullname, path, target)
        if spec is None or type(spec.loader) is not _SourceFileLoader:
            return None
        if not (named or self._claims(spec.origin)):
            return None
        spec.loader = DesugaringLoader(fullname, spec.origin, self)
        spec.cached = spec.loader.cached
        return spec


class DesugaringLoader(importlib.machinery.SourceFileLoader):
    """Loads a module desugared; `get_source` (and so `inspect.getsource`
    and `linecache`) still reads the original file."""

    def __init__(self, fullname, path, hook):
        super().__init__(fullname, path)
        self.hook = hook
        # Where the code is cached unless the hook's `rewrite` tags it.
        self.cached = self.cache_path(path)

    @staticmethod
    def cache_path(path, tag=None):
        """Where the desugared code is cached, next to CPython's own
        bytecode (`__pycache__/mod.cpython-311.unawait-0.1.0-<digest>.pyc`,
        with `tag` after the build); None where there is no bytecode
        cache."""
        directory, name = os.path.split(path)
        stem = name[: -len(".py")] if name.endswith(".py") else ""
        # `cache_from_source` once per directory (and `sys.pycache_prefix`):
        # for `stem.py` in a directory its answer differs only in the stem.
        # A relative directory's also depends on the working directory.
        # (`sys.pycache_prefix` came in 3.8.)
        prefix = getattr(sys, "pycache_prefix", None)
        key = (directory, prefix) if stem and os.path.isabs(directory) else None
        around = _CACHE_PATHS.get(key) if key else None
        if around is not None:
            standard = around[0] + stem + around[1]
        else:
            try:
                standard = _bootstrap_external.cache_from_source(path)
            except (NotImplementedError, ValueError):
                return None
            head, _, file_name = standard.rpartition(os.sep)
            if key and file_name.startswith(stem + "."):
                _CACHE_PATHS[key] = (head + os.sep, file_name[len(stem) :])
        name = "unawait-" + BUILD + ("-" + tag if tag else "")
        return standard[: -len(".pyc")] + "." + name + ".pyc"

    def get_code(self, fullname):
        path = self.get_filename(fullname)
        stat = os.stat(path)
        tag, transform = None, None
        if self.hook.rewrite is not None:
            tag, transform = self.hook.rewrite(fullname, path) or (None, None)
        cache = self.cached if tag is None else self.cache_path(path, tag)
        if cache is not None:
            code = self._read_cache(cache, stat)
            if code is not None:
                self.hook.modules.append(fullname)
                return code
        source = self.get_data(path)
        rewrite = None
        if transform is not None:
            rewrite = lambda tree: transform(tree, source)  # noqa: E731
        try:
            code = compile_module(source, path, rewrite, self.hook.prefetched(fullname, path, source))
        except SyntaxError as error:
            # Reported as CPython reports a module's syntax error: without
            # the frames of the desugaring.
            raise error.with_traceback(None)
        # As for CPython's own cache: read it always, write it unless told not to.
        if cache is not None and not sys.dont_write_bytecode:
            self._write_cache(cache, stat, code)
        self.hook.modules.append(fullname)
        return code

    @staticmethod
    def _read_cache(cache, stat):
        try:
            with open(cache, "rb") as file:
                data = file.read()
        except OSError:
            return None
        if data[: _HEADER_SIZE] != _header(stat):
            return None
        try:
            return marshal.loads(data[_HEADER_SIZE:])
        except (EOFError, ValueError, TypeError):
            return None

    @staticmethod
    def _write_cache(cache, stat, code):
        """Writes the cache file whole or not at all: another process
        reading it meanwhile sees the old file or the new one. A tree that
        cannot be written to is simply not cached."""
        data = _header(stat) + marshal.dumps(code)
        temporary = "{}.{}.{}.tmp".format(cache, os.getpid(), _thread.get_ident())
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL
        try:
            try:
                descriptor = os.open(temporary, flags, 0o644)
            except FileNotFoundError:
                # No `__pycache__` yet: made once, not asked for each module.
                os.makedirs(os.path.dirname(cache), exist_ok=True)
                descriptor = os.open(temporary, flags, 0o644)
            try:
                # Unbuffered, as CPython writes its own bytecode cache.
                with io.FileIO(descriptor, "wb") as file:
                    file.write(data)
                os.replace(temporary, cache)
            except BaseException:
                os.unlink(temporary)
                raise
        except OSError:
            pass


class _Unchanging:
    """The cache header's source fields, for code with no source file."""

    st_mtime_ns = 0
    st_size = 0


class RuntimeLoader:
    """The `unawait_runtime` module desugared code imports: the runtime of
    this very unawait, whatever else `sys.path` holds. Its code is cached
    in the package's own `__pycache__` when there is one."""

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        # A file name in the installed package that no file has: linecache
        # (tracebacks, pytest) then asks the module's loader, `get_source`.
        filename, cache = "<unawait_runtime>", None
        if _unawait is not None:
            package = os.path.dirname(os.path.abspath(_unawait.__file__))
            filename = os.path.join(package, RUNTIME_MODULE + ".py")
            cache = os.path.join(
                package,
                "__pycache__",
                "{}.{}.unawait-{}.pyc".format(
                    RUNTIME_MODULE, sys.implementation.cache_tag, BUILD
                ),
            )
        # The build in the name is the validation: no source file to stat.
        unchanging = _Unchanging()
        code = DesugaringLoader._read_cache(cache, unchanging) if cache else None
        if code is None:
            code = compile(self.get_source(RUNTIME_MODULE), filename, "exec", dont_inherit=True)
            if cache is not None and not sys.dont_write_bytecode:
                DesugaringLoader._write_cache(cache, unchanging, code)
        exec(code, module.__dict__)

    def get_source(self, fullname):
        return runtime_source()


def install(packages=(), roots=(), include=None, rewrite=None):
    return ImportHook(packages, roots, include, rewrite).install()
