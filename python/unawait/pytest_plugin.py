"""The pytest plugin (entry point `pytest11`): `pytest
--unawait-packages=a,b` runs the suite desugared. Those packages, the
collected test modules and the conftest files are desugared on import,
and pytest's assertion rewriting still applies to the desugared tests.
Without the option the plugin does nothing.
"""

import fnmatch
import os
import sys

import pytest

try:
    from . import _hook
except ImportError:
    # Loaded from its source by `unawait verify --pytest`, with the hook.
    import _unawait_hook as _hook


def pytest_addoption(parser):
    group = parser.getgroup("unawait", "unawait: run the suite desugared")
    group.addoption(
        "--unawait-packages",
        metavar="NAME,...",
        default=None,
        help="Desugar these packages (comma-separated), the test modules and "
        "the conftest files on import.",
    )


@pytest.hookimpl(tryfirst=True)
def pytest_load_initial_conftests(early_config, parser, args):
    # Before the first conftest is imported, and after pytest's own
    # assertion-rewriting hook is installed: ours goes in front of it.
    value = early_config.known_args_namespace.unawait_packages
    if value is None:
        return
    packages = [name.strip() for name in value.split(",") if name.strip()]
    patterns = early_config.getini("python_files")

    def is_test_file(path):
        name = os.path.basename(path)
        return name == "conftest.py" or any(
            fnmatch.fnmatch(path if os.sep in pattern else name, pattern) for pattern in patterns
        )

    hook = _hook.install(
        packages=packages,
        include=is_test_file,
        rewrite=lambda name, path: _assertion_rewriting(early_config, name, path),
    )
    early_config.pluginmanager.register(_Session(hook, packages), "unawait-session")


def _assertion_rewriting(config, name, path):
    """What pytest's assertion rewriting does to the module, when pytest
    would rewrite it (a test module, a conftest, a plugin)."""
    from _pytest.assertion.rewrite import AssertionRewritingHook, rewrite_asserts

    rewriter = next(
        (finder for finder in sys.meta_path if isinstance(finder, AssertionRewritingHook)),
        None,
    )
    # Asking pytest's finder is how to learn whether it would rewrite.
    if rewriter is None or rewriter.find_spec(name, [os.path.dirname(path)]) is None:
        return None

    def transform(tree, source):
        rewrite_asserts(tree, source, path, config)

    return "pytest-" + pytest.__version__, transform


class _Session:
    """Reports what is desugared, and removes the hook at the end."""

    def __init__(self, hook, packages):
        self.hook = hook
        self.packages = packages

    def pytest_report_header(self, config):
        named = ", ".join(self.packages) if self.packages else "no packages"
        return "unawait {}: desugaring {}, the test modules and conftest files".format(
            _hook.VERSION, named
        )

    def pytest_terminal_summary(self, terminalreporter):
        count = len(set(self.hook.modules))
        terminalreporter.write_sep(
            "-", "unawait: {} module{} desugared".format(count, "" if count == 1 else "s")
        )

    def pytest_unconfigure(self, config):
        self.hook.uninstall()
