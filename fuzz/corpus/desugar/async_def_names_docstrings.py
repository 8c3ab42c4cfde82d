# __doc__, __name__, __qualname__, __module__ of async functions, methods and nested ones, and of the coroutine objects they create


async def top():
    """Top-level docstring."""
    return 1


async def no_doc():
    return 2


async def doc_after_statement():
    x = 1
    """not a docstring"""
    return x


async def multi_line():
    """First line.

    More details here.
    """


class K:
    """class doc"""

    async def meth(self):
        """Method doc."""

    @classmethod
    async def cm(cls):
        "cm doc"

    @staticmethod
    async def sm():
        'sm doc'

    class Inner:
        async def deep(self):
            """deep doc"""


def factory():
    async def nested():
        """nested doc"""
    return nested


async def outer_async():
    """outer doc"""
    async def inner_async():
        """inner doc"""
        async def innermost():
            pass
        return innermost
    return inner_async


def drive(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value


inner_async = drive(outer_async())
innermost = drive(inner_async())

funcs = [top, no_doc, doc_after_statement, multi_line, K.meth, K().meth, K.cm, K.sm,
         K.Inner.deep, factory(), outer_async, inner_async, innermost]
for fn in funcs:
    print(repr(fn.__name__), repr(fn.__qualname__), repr(fn.__module__), repr(fn.__doc__))

for fn in funcs:
    if fn is K.meth or fn is K.Inner.deep:
        coro = fn(None)
    else:
        coro = fn()
    print("coroutine", repr(coro.__name__), repr(coro.__qualname__))
    coro.close()


async def renamed():
    return "r"


renamed.__name__ = "new_name"
renamed.__qualname__ = "Some.new_qualname"
c = renamed()
print("renamed coroutine", c.__name__, c.__qualname__)
c.close()
print("module doc", repr(__doc__))
