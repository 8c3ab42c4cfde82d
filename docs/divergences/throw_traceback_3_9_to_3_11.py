# Differs on CPython 3.9-3.11 only (README, "Known differences"): the
# traceback of an exception sent in with throw() loses the frames of the
# coroutines it left when it reaches one that is handling another exception.
# There `inner`'s frame, and the Tracked object it holds, are freed before
# `outer`'s finally runs; desugared, `inner`'s body has a clause of its own
# (StopIteration -> RuntimeError), its frame stays in the traceback, and the
# object lives until the driver's handler ends. Random programs 1772 and
# 3179 of the first generator (docs/reliability.md) met it through an async
# generator left unfinished by an async comprehension.
import types


class Tracked:
    def __del__(self):
        print("  Tracked freed")


@types.coroutine
def suspend(tag):
    yield tag


async def inner(held):
    await suspend("inner")


async def outer():
    try:
        raise RuntimeError("being handled")
    except RuntimeError:
        try:
            await inner(Tracked())
        finally:
            print("  outer's finally")


coroutine = outer()
print(coroutine.send(None))
try:
    coroutine.throw(ValueError("thrown"))
except ValueError:
    print("  driver's handler")
print("after")
