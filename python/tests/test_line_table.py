"""The hook's line numbers: it compiles desugared text and rewrites each code
object's line table (co_lnotab up to 3.9, PEP 626's co_linetable in 3.10,
the location table from 3.11) through the line map. What comes out must be
what compiling the tree with remapped lines gives (the hook's other path,
kept for pytest's assertion rewriting): same first lines, line starts,
positions and traced lines, on every interpreter."""

import dis
import opcode
import sys
import textwrap

import pytest

from unawait import _hook, _unawait

# What the benchmark imports, and shapes whose lines move: a hoisted
# comprehension body (lines running backwards), gaps past what one byte of
# a line table holds, bodies past 255 bytes of bytecode, lambdas, classes,
# decorators, expressions over several lines, f-strings.
SAMPLES = {
    "benchmark": """\
        import asyncio


        class Resource:
            async def __aenter__(self):
                await asyncio.sleep(0)
                return self

            async def __aexit__(self, *exc_info):
                return False


        async def numbers(n):
            for i in range(n):
                await asyncio.sleep(0)
                yield i + 1


        async def total(n):
            async with Resource():
                squares = [i * i async for i in numbers(n)]
            result = 0
            async for value in numbers(n):
                result += value
            return result + sum(squares)
        """,
    "gaps": "async def first():\n    return 1\n"
    + "\n" * 300
    + "async def far(x):\n    await first()\n"
    + "#\n" * 140
    + "    return [y async for y in x]\n",
    "long": "async def long(a):\n"
    + "".join("    b{0} = await a(a, {0}, key={0})\n".format(i) for i in range(120))
    + "    return b0\n",
    "shapes": """\
        '''Docstring.'''
        import functools


        def plain(x):
            return (lambda y: y + 1)(x)


        @functools.lru_cache(maxsize=None)
        def cached(x):
            return x


        class Outer:
            class Inner:
                async def method(self, other):
                    value = await other(
                        self,
                        f"{self!r:>10}",
                    )
                    return {
                        key: value
                        async for key in other
                        if await key
                    }

            @staticmethod
            async def static(g):
                async with g() as a, g() as b:
                    return [x async for x in a if (await b(x))]


        async def gen():
            try:
                yield 1
            finally:
                await plain(
                    2
                )
        """,
}


def _both(source, name):
    """The module compiled by the hook's fast path and by compiling the
    remapped tree."""
    source = textwrap.dedent(source).encode()
    filename = "/nowhere/{}.py".format(name)
    fast = _hook.compile_module(source, filename)
    tree = _hook.compile_module(source, filename, rewrite=lambda tree: None)
    return fast, tree


def _codes(code):
    """`code` and the code objects in it, depth first."""
    yield code
    for const in code.co_consts:
        if isinstance(const, type(code)):
            yield from _codes(const)


def _line_starts(code):
    """The line of each line start, a line repeated only after another."""
    lines = []
    for _, line in dis.findlinestarts(code):
        if line is not None and (not lines or lines[-1] != line):
            lines.append(line)
    return lines


def _positions(code):
    """Each real instruction's (line, end line, column, end column), a
    position repeated only after another (3.11+)."""
    positions = []
    for instruction in dis.get_instructions(code):
        if instruction.opname in ("NOP", "CACHE"):
            continue
        position = tuple(instruction.positions)
        if not positions or positions[-1] != position:
            positions.append(position)
    return positions


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_code_objects_have_the_lines_of_a_remapped_tree(name):
    fast, tree = _both(SAMPLES[name], name)
    fast_codes, tree_codes = list(_codes(fast)), list(_codes(tree))
    assert [c.co_name for c in fast_codes] == [c.co_name for c in tree_codes]
    for fast_code, tree_code in zip(fast_codes, tree_codes):
        assert fast_code.co_firstlineno == tree_code.co_firstlineno, fast_code.co_name
        assert _line_starts(fast_code) == _line_starts(tree_code), fast_code.co_name
        if sys.version_info >= (3, 11):
            assert _positions(fast_code) == _positions(tree_code), fast_code.co_name


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_tracing_sees_the_lines_of_a_remapped_tree(name, monkeypatch):
    """Line events, as debuggers and coverage see them, while the module
    runs and its coroutines and generators run to completion."""
    runtime = type(sys)(_hook.RUNTIME_MODULE)
    _hook.RuntimeLoader().exec_module(runtime)
    monkeypatch.setitem(sys.modules, _hook.RUNTIME_MODULE, runtime)

    def trace(code):
        events = []

        def tracer(frame, event, arg):
            if frame.f_code.co_filename == code.co_filename:
                events.append((event, frame.f_code.co_name, frame.f_lineno))
            return tracer

        namespace = {"__name__": name}
        sys.settrace(tracer)
        try:
            exec(code, namespace)
            _drive(namespace)
        finally:
            sys.settrace(None)
        return events

    fast, tree = _both(SAMPLES[name], name)
    fast_events = trace(fast)
    assert any(event == "line" for event, _, _ in fast_events)
    assert fast_events == trace(tree)


def _drive(namespace):
    """Runs the sample's coroutines to the end (`asyncio.sleep(0)` only
    yields, so no event loop is needed)."""

    async def nothing(*args, **kwargs):
        return True

    async def items():
        for i in range(3):
            yield i

    calls = {"total": (3,), "far": (items(),), "long": (nothing,)}
    for function, arguments in calls.items():
        if function in namespace:
            _run(namespace[function](*arguments))


def _run(coroutine):
    try:
        while True:
            coroutine.send(None)
    except StopIteration as stop:
        return stop.value


@pytest.mark.parametrize("shift", [0, 1, 200, 70000])
def test_a_line_table_decodes_and_encodes_as_cpython_reads_it(shift):
    """Every code object of the samples (compiled as they are), its table
    rewritten with every line moved by `shift` (NOPs left where they are):
    CPython reads back the same lines (and columns) moved by `shift`."""
    for name, source in sorted(SAMPLES.items()):
        source = textwrap.dedent(source)
        count = source.count("\n") + 1
        shifted = [line + shift for line in range(1, count + 1)]
        lines = _unawait.LineMap(shifted, _hook._LINE_TABLE, None)
        for code in _codes(compile(source, name, "exec", dont_inherit=True)):
            moved = _unawait.with_source_lines(code, lines, code.co_firstlineno + shift)
            assert moved.co_firstlineno == code.co_firstlineno + shift
            expected = [
                (start, line + shift if line and line > 0 else line)
                for start, line in dis.findlinestarts(code)
            ]
            assert list(dis.findlinestarts(moved)) == expected, code.co_name
            if sys.version_info >= (3, 10):
                assert list(moved.co_lines()) == [
                    (start, end, line + shift if line and line > 0 else line)
                    for start, end, line in code.co_lines()
                ]
            if sys.version_info >= (3, 11):
                assert list(moved.co_positions()) == [
                    (
                        line + shift if line and line > 0 else line,
                        end + shift if end and end > 0 else end,
                        column,
                        end_column,
                    )
                    for line, end, column, end_column in code.co_positions()
                ]


def test_lines_from_no_source_line_take_the_line_before():
    lines = _unawait.LineMap([None, 3, None, None, 9], _hook._LINE_TABLE, opcode.opmap["NOP"])
    assert [lines.line(n) for n in range(-1, 8)] == [-1, 0, 1, 3, 3, 3, 9, 9, 9]
