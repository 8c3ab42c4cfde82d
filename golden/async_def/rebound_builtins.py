# min-python: 3.8
# a program that binds the names of builtins the desugared code and its
# runtime use (exceptions, type, getattr, ...) at module level, in a class
# body, locally, through `global` and a star import: CPython's own async
# machinery never looks these names up, so what the program's async code does
# must not change
import builtins as real
import sys
import types

fake = types.ModuleType("fake")
fake.GeneratorExit = KeyError
fake.isinstance = lambda *args: "fake isinstance"
fake.__all__ = ["GeneratorExit", "isinstance"]
sys.modules["fake"] = fake
from fake import *  # noqa: E402,F403

BaseException = ValueError
StopIteration = LookupError
RuntimeError = ZeroDivisionError
TypeError = OSError
type = getattr = hasattr = id = len = bool = tuple = list = set = frozenset = None
object = str = compile = exec = iter = next = reversed = setattr = delattr = None


def say(*parts):
    sys.stdout.write(" ".join(real.str(part) for part in parts) + "\n")


class Manager:
    async def __aenter__(self):
        return "entered"

    async def __aexit__(self, kind, value, tb):
        say("  __aexit__ got", kind.__name__ if kind else None)
        return True


class Ticker:
    StopAsyncIteration = KeyError  # a class attribute the methods do not use

    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n == 0:
            raise real.StopAsyncIteration
        self.n -= 1
        return self.n


async def agen(items):
    try:
        for item in items:
            yield item
    finally:
        say("  agen finally")


async def module_level_names():
    async with Manager() as value:
        say("  body got", value)
        raise KeyError("swallowed by __aexit__")
    seen = [n async for n in Ticker(3)]
    async for n in Ticker(2):
        seen.append(n)
    seen += [x async for x in agen("ab")]
    seen += sorted({n async for n in Ticker(2)})
    seen += [n for rows in [[7, 8]] async for n in Ticker(1)] + [k for k in "c"]
    return seen


async def local_names():
    StopAsyncIteration = KeyError
    BaseException = IndexError
    GeneratorExit = Exception
    async with Manager():
        raise real.BaseException("not an Exception")
    async for n in Ticker(2):
        say("  local loop", n)
    async for item in agen("x"):
        break
    return "local names ok"


async def raises_stop_iteration():
    raise real.StopIteration("escaped")


async def awaits_a_number():
    await 1


def rebind_globally():
    global StopAsyncIteration
    StopAsyncIteration = TimeoutError


class Service:
    BaseException = OverflowError
    StopAsyncIteration = OverflowError

    async def method(self):
        async with Manager():
            raise real.BaseException("in a method")
        return [n async for n in Ticker(2)]


def drive(coro):
    try:
        coro.send(None)
    except real.StopIteration as stop:
        return stop.value
    except real.Exception as error:
        return "%s: %s (cause %r)" % (error.__class__.__name__, error, error.__cause__)


say("module level:", drive(module_level_names()))
say("local:", drive(local_names()))
say("StopIteration escaping:", drive(raises_stop_iteration()))
say("await 1:", drive(awaits_a_number()).split(":")[0])
rebind_globally()
say("after global rebinding:", drive(module_level_names()))
say("method:", drive(Service().method()))
