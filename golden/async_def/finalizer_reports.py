# what CPython reports when finalizing coroutines and async generators fails:
# a suspended coroutine whose finally raises, or that ignores GeneratorExit,
# when the program drops it; an async generator finalizer hook that raises; a
# never-awaited warning turned into an error; an async generator whose
# finally raises. Once through sys.unraisablehook (3.8+), once through the
# default report on stderr ("Exception ignored in"; 3.14: "Exception ignored
# while closing generator <...>:"), without exception chains
import gc
import sys
import types
import warnings


def hook(unraisable):
    message = unraisable.err_msg.split(" at ")[0] if unraisable.err_msg else None
    print("  hook:", unraisable.exc_type.__name__, unraisable.exc_value, "| err_msg:", message,
          "| object:", type(unraisable.object).__name__ if unraisable.object is not None else None)


@types.coroutine
def suspend():
    yield


async def finally_raises():
    try:
        await suspend()
    finally:
        raise KeyError("finally")


async def ignores_exit():
    try:
        await suspend()
    except GeneratorExit:
        await suspend()


async def agen():
    yield 1


async def never_awaited():
    pass


async def agen_finally_raises():
    try:
        yield 1
    finally:
        raise KeyError("agen finally")


def failing_finalizer(generator):
    raise ValueError("finalizer")


def first_item(generator):
    try:
        generator.asend(None).send(None)
    except StopIteration:
        pass


def scenarios():
    coro = finally_raises()
    coro.send(None)
    del coro
    gc.collect()
    coro = ignores_exit()
    coro.send(None)
    del coro
    gc.collect()
    sys.set_asyncgen_hooks(firstiter=None, finalizer=failing_finalizer)
    generator = agen()
    first_item(generator)
    del generator
    gc.collect()
    sys.set_asyncgen_hooks(firstiter=None, finalizer=None)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        coro = never_awaited()
        del coro
        gc.collect()
    generator = agen_finally_raises()
    first_item(generator)
    del generator
    gc.collect()


if hasattr(sys, "unraisablehook"):
    print("through sys.unraisablehook:")
    sys.unraisablehook = hook
    scenarios()
    sys.unraisablehook = sys.__unraisablehook__
print("default report on stderr")
scenarios()
print("done")
