# close() of a coroutine, and aclose() of an async generator, whose body
# swallows GeneratorExit and suspends again: the RuntimeError raised has no
# context of its own (only what the caller was handling), as CPython's has
import types


@types.coroutine
def suspend():
    yield "suspended"


async def stubborn():
    try:
        await suspend()
    except GeneratorExit:
        await suspend()


async def stubborn_agen():
    try:
        yield 1
    except GeneratorExit:
        yield 2


def describe(error):
    return "%s(%r) context=%r cause=%r suppress=%r" % (
        type(error).__name__, str(error), error.__context__, error.__cause__, error.__suppress_context__)


coro = stubborn()
coro.send(None)
try:
    coro.close()
except RuntimeError as error:
    print("close:", describe(error))

coro = stubborn()
coro.send(None)
try:
    try:
        raise KeyError("being handled")
    except KeyError:
        coro.close()
except RuntimeError as error:
    print("close while handling:", describe(error))

agen = stubborn_agen()
try:
    agen.asend(None).send(None)
except StopIteration as stop:
    print("first item", stop.value)
try:
    agen.aclose().send(None)
except RuntimeError as error:
    print("aclose:", describe(error))
