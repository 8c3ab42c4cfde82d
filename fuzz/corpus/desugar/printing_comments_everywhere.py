# comments in every position around moved blocks: between decorators, after header colons, trailing, after the last statement, at column 0
import functools


class Suspend:
    """Awaitable that yields its label to the driver once and returns what the driver sends back."""

    def __init__(self, label):
        self.label = label

    def __await__(self):
        sent = yield self.label
        return sent


def run(coro):
    """Drive a coroutine by hand, printing every suspension."""
    n = 0
    value = None
    try:
        while True:
            label = coro.send(value)
            n += 1
            value = "sent%d" % n
            print("  driver: suspended at", repr(label), "-> resume with", repr(value))
    except StopIteration as e:
        print("  driver: finished with", repr(e.value))
        return e.value


class Manager:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        return self.name

    async def __aexit__(self, exc_type, exc, tb):
        print("aexit", self.name, exc_type.__name__ if exc_type else None)
        return False


class AIter:
    def __init__(self, *items):
        self.items = list(items)

    def __aiter__(self):
        return self

    async def __anext__(self):
        if not self.items:
            raise StopAsyncIteration
        return self.items.pop(0)


def tag(label):
    def decorate(fn):
        @functools.wraps(fn)
        def wrapper(*args):
            print("calling", label, fn.__name__)
            return fn(*args)
        return wrapper
    return decorate


# comment before the decorators
@tag("outer")
# comment between decorators
@tag("inner")  # trailing comment on a decorator
# comment between the last decorator and async def

async def decorated(x):  # comment after the header colon
    # first line of the body is a comment
    y = await Suspend(x)  # trailing comment on an awaited line
# column-zero comment inside the body
    return y  # trailing comment on the last body line
    # indented comment after the last statement
# column-zero comment after the last statement

        # over-indented comment after the last statement


async def blocks():  # header comment
    result = []
    async with Manager("w") as w:  # with-header comment
        # first body line comment
        result.append(w)  # trailing
# column-zero comment in the with body
            # over-indented comment in the with body
        result.append(await Suspend("w"))  # last statement of the with body
        # comment after the last statement of the with body
    # comment after the with block, at the function level
    async for i in AIter(1, 2):  # for-header comment
        if i == 1:  # if comment
            continue  # continue comment
        # comment before the last statement
        result.append(i)  # last statement of the loop body
            # deeper comment after the loop body
# column-zero comment after the loop body
    else:  # else-header comment
        # else body comment
        result.append("else")  # trailing on else body
        # comment after the else body
    async with Manager("x"):  # one-line-ish: comment only after colon
        pass
        # comment after pass
    async with Manager("y"): result.append("y")  # trailing comment on a one-line with
    async for j in AIter("j"): result.append(j)  # trailing comment on a one-line for
    # comment before return
    return result  # return comment
    # comment after return
#


async def main():
    print(await decorated("d"))
    print(await blocks())
    # comment at the end of main


run(main())
# comment at the end of the file
