"""`unawait.desugar`, its errors and `__version__`, against the command."""

import re
import sys

import pytest

import unawait

ASYNC = "async def answer():\n    return await compute()\n"


@pytest.mark.parametrize("runtime", ["inline", "import"])
def test_desugar_prints_what_the_command_prints(tmp_path, command, runtime):
    path = tmp_path / "m.py"
    path.write_text(ASYNC)
    completed = command("--runtime", runtime, path)
    assert completed.returncode == 0, completed.stderr
    assert unawait.desugar(ASYNC, runtime=runtime) == completed.stdout
    assert "async def" not in completed.stdout
    assert "yield from" in completed.stdout


def test_bytes_are_decoded_as_cpython_decodes_a_file():
    source = b"# -*- coding: latin-1 -*-\nasync def f():\n    return '\xe9'\n"
    code = unawait.desugar(source)
    assert "return '\u00e9'" in code
    assert "async def" not in code


def test_source_without_async_syntax_comes_back_unchanged():
    assert unawait.desugar("x = 1\n") == "x = 1\n"


def test_options_are_the_command_lines():
    explained = unawait.desugar(ASYNC, explain=True)
    assert "# unawait:" in explained
    assert "# unawait:" not in unawait.desugar(ASYNC)
    untouched = unawait.desugar(ASYNC, passes=["async_with"])
    assert "async def answer" in untouched


@pytest.mark.parametrize(
    "options",
    [
        {"runtime": "copy"},
        {"passes": ["no-such-pass"]},
        {"stop_after": "nope"},
        {"target_version": "py2"},
    ],
)
def test_invalid_options_raise_value_error(options):
    with pytest.raises(ValueError):
        unawait.desugar(ASYNC, **options)


def test_wrong_source_type_raises_type_error():
    with pytest.raises(TypeError):
        unawait.desugar(42)


def command_error(command, tmp_path, source):
    """The command line's report of `source`: (line, column, kind, message)."""
    path = tmp_path / "m.py"
    path.write_bytes(source.encode())
    completed = command(path)
    assert completed.returncode == 1
    match = re.match(r".*m\.py:(\d+):(\d+): (\w+): (.*)", completed.stderr)
    assert match, completed.stderr
    return int(match.group(1)), int(match.group(2)), match.group(3), match.group(4)


def test_syntax_error_carries_cpythons_fields(tmp_path, command):
    source = "async def f():\n    pass\nawait f()\n"
    with pytest.raises(SyntaxError) as caught:
        unawait.desugar(source)
    error = caught.value
    assert isinstance(error, unawait.DesugarError)
    assert (error.msg, error.lineno, error.offset) == ("'await' outside function", 3, 1)
    assert (error.end_lineno, error.end_offset) == (3, 10)
    assert error.text == "await f()\n"
    assert error.filename == "<unknown>"
    assert command_error(command, tmp_path, source) == (3, 1, "SyntaxError", error.msg)
    if sys.version_info >= (3, 10):
        try:
            compile(source, "<unknown>", "exec")
        except SyntaxError as cpython:
            assert (cpython.msg, cpython.lineno, cpython.offset) == (
                error.msg,
                error.lineno,
                error.offset,
            )
            assert (cpython.end_lineno, cpython.end_offset) == (error.end_lineno, error.end_offset)


def test_indentation_error_is_an_indentation_error(tmp_path, command):
    source = "async def f():\nreturn 1\n"
    with pytest.raises(IndentationError) as caught:
        unawait.desugar(source)
    assert isinstance(caught.value, unawait.DesugarIndentationError)
    line, _, kind, message = command_error(command, tmp_path, source)
    assert (kind, message, line) == ("IndentationError", caught.value.msg, caught.value.lineno)


def test_unsupported_syntax_is_a_syntax_error():
    source = "async def f():\n    match x:\n        case 1:\n            await g()\n"
    with pytest.raises(SyntaxError) as caught:
        unawait.desugar(source, target_version="py39")
    assert isinstance(caught.value, unawait.UnsupportedSyntaxError)
    assert caught.value.lineno == 2


@pytest.mark.parametrize(
    "source",
    [b"\xff\xfe\x00garbage", b"(" * 5000 + b")" * 5000, b"async def f(:\n", "\0"],
)
def test_bad_input_raises_syntax_error_not_a_crash(source):
    try:
        unawait.desugar(source)
    except SyntaxError:
        pass


def test_version_is_the_commands(command):
    completed = command("--version")
    assert completed.stdout.strip() == "unawait " + unawait.__version__
    if sys.version_info >= (3, 8):
        from importlib.metadata import version

        assert version("unawait") == unawait.__version__
