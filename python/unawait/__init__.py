"""Desugar Python's async syntax into generator-based code (PEP 492).

`desugar(source)` rewrites one module's text; `install_import_hook(packages)`
desugars whole packages as they are imported. The command line is the
`unawait` command (`python -m unawait`). See docs/python.md.
"""

from . import _hook
from ._hook import (
    DesugarError,
    DesugarIndentationError,
    DesugarTabError,
    UnsupportedSyntaxError,
)
from ._unawait import __version__

__all__ = [
    "DesugarError",
    "DesugarIndentationError",
    "DesugarTabError",
    "UnsupportedSyntaxError",
    "__version__",
    "desugar",
    "install_import_hook",
]


def desugar(
    source,
    *,
    runtime="inline",
    passes=None,
    stop_after=None,
    explain=False,
    target_version=None,
):
    """Returns `source` (str, or bytes decoded as CPython decodes a file,
    PEP 263) with its async syntax desugared, as the `unawait` command
    prints it.

    `runtime` is "inline" (helpers copied in) or "import" (`from
    unawait_runtime import ...`); `passes`, `stop_after`, `explain` and
    `target_version` ("py38", ...) are the command line's options. Input
    that cannot be desugared raises a `DesugarError` (a `SyntaxError`)
    with CPython's message and position; invalid options raise
    `ValueError`.
    """
    from ._unawait import desugar as desugar_native

    if passes is not None:
        passes = list(passes)
    result = desugar_native(source, runtime, passes, stop_after, explain, target_version)
    if not result[0]:
        raise _hook.error(*result[1:3], "<unknown>", *result[3:])
    return result[1]


def install_import_hook(packages):
    """Desugars the modules of `packages` (a name or names; subpackages
    included) whenever they are imported from now on, caching the result
    under `__pycache__`. Returns the hook; `hook.uninstall()`, or leaving
    `with install_import_hook(...):`, removes it."""
    return _hook.install(packages=packages)
