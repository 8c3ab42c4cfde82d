"""`unawait run`: the program run as `python SCRIPT ARGS` or `python -m
MODULE ARGS` would run it, desugared on import.

The `unawait` command starts `python -c BOOTSTRAP` (see src/cli/run.rs),
which loads this file and `_hook.py` from the command itself and calls
`main`; so the interpreter needs nothing installed. Standard library only.
"""

import os
import sys


# What the interpreter puts in `__main__` before running anything.
_MAIN_NAMES = (
    "__name__",
    "__doc__",
    "__package__",
    "__loader__",
    "__spec__",
    "__annotations__",
    "__builtins__",
)


def main(hook, packages, as_module, argv):
    """Runs `argv[0]` (a script, or a module when `as_module`) with
    `argv[1:]` as its arguments, desugaring the modules under its directory
    (the working directory for a module) and those of `packages`."""
    target = argv[0]
    if as_module:
        # As `python -m`: the working directory first on the path.
        root = os.getcwd()
        sys.path[0] = root
        sys.argv = list(argv)
        hook.install(packages=packages, roots=[root])
        import runpy

        # What `python -m` calls; it sets argv[0] to the module's file.
        _report_errors(lambda: runpy._run_module_as_main(target, alter_argv=True))
        return
    # As `python SCRIPT`: the script's directory first on the path, and
    # (since 3.9) its absolute path as `__file__`.
    path = os.path.abspath(target) if sys.version_info >= (3, 9) else target
    try:
        with open(target, "rb") as file:
            source = file.read()
    except OSError as error:
        sys.stderr.write(
            "{}: can't open file {!r}: [Errno {}] {}\n".format(
                sys.executable, path, error.errno, error.strerror
            )
        )
        sys.exit(2)
    root = os.path.dirname(os.path.realpath(target))
    sys.path[0] = root
    sys.argv = list(argv)
    installed = hook.install(packages=packages, roots=[root])
    # `__main__` as `python SCRIPT` leaves it: the interpreter's own names,
    # in their order, then the script's; nothing of the bootstrap's.
    namespace = sys.modules["__main__"].__dict__
    for name in list(namespace):
        if name not in _MAIN_NAMES:
            del namespace[name]
    namespace.update(
        __name__="__main__",
        __doc__=None,
        __package__=None,
        __spec__=None,
        __loader__=hook.DesugaringLoader("__main__", path, installed),
    )
    if "__annotations__" in namespace:
        namespace["__annotations__"] = {}
    namespace["__file__"] = path
    if sys.version_info < (3, 15):
        namespace["__cached__"] = None

    try:
        code = hook.compile_module(source, path)
    except SyntaxError as error:
        # As CPython reports a script's syntax error: no traceback.
        sys.excepthook(type(error), error.with_traceback(None), None)
        sys.exit(1)
    _report_errors(lambda: exec(code, namespace))


def _report_errors(run):
    """Runs `run`; an exception escaping it is printed as CPython prints an
    uncaught one, without this file's frames, and exits with status 1.
    `SystemExit` and `KeyboardInterrupt` go on as they would."""
    try:
        run()
    except (SystemExit, KeyboardInterrupt):
        raise
    except BaseException:
        kind, error, traceback = sys.exc_info()
        here = _report_errors.__code__.co_filename
        while traceback is not None and traceback.tb_frame.f_code.co_filename == here:
            traceback = traceback.tb_next
        # The hook prints the exception's own traceback, when it has one.
        sys.excepthook(kind, error.with_traceback(traceback), traceback)
        sys.exit(1)
