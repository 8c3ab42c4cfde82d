# which dying coroutines warn "never awaited", and at which line: CPython warns for every coroutine that dies unstarted, whoever held it, at the line where it died


import gc
import sys
import warnings


async def inner():
    return 1


async def outer(awaitable):
    return await awaitable


def show(caught):
    # Line numbers relative to `start`: the desugared file has other ones.
    for warning in caught:
        print(warning.category.__name__, warning.lineno - start, str(warning.message).splitlines()[0])


start = sys._getframe().f_lineno
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")

    # __await__() taken, never stepped: still never awaited.
    c = inner()
    w = c.__await__()
    del w
    del c
    gc.collect()
    print("after __await__")

    # closed before starting: closing counts as finishing, no warning.
    c = inner()
    c.close()
    del c
    print("after close")

    # started with send(): no warning.
    c = inner()
    try:
        c.send(None)
    except StopIteration as stop:
        print("returned", stop.value)
    del c

    # an unstarted outer coroutine closed: the inner one it held dies
    # unstarted, and the warning points at the close() line.
    o = outer(inner())
    o.close()
    del o
    gc.collect()
    print("after outer close")

    # awaited and completed: no warning.
    o = outer(inner())
    try:
        o.send(None)
    except StopIteration as stop:
        print("outer returned", stop.value)
    del o
    gc.collect()

show(caught)
