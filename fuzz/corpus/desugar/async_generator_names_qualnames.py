# __name__/__qualname__/__doc__ of async generator functions and of their generator objects (top level, nested, in classes), and assigning a new __name__/__qualname__ to a generator object or its function


async def top():
    """Top-level async generator."""
    yield 1


def factory():
    async def made_inside():
        yield "inside"

    return made_inside


class Outer:
    class Inner:
        async def method(self):
            """Method docstring."""
            yield "m"

    async def sibling(self):
        async def nested():
            yield "nested"

        yield nested


for fn in (top, factory(), Outer.Inner.method, Outer.sibling):
    print("function:", fn.__name__, "|", fn.__qualname__, "|", fn.__doc__)

g = top()
print("generator:", g.__name__, "|", g.__qualname__)
g2 = factory()()
print("generator:", g2.__name__, "|", g2.__qualname__)
g3 = Outer.Inner().method()
print("generator:", g3.__name__, "|", g3.__qualname__)

s = Outer().sibling()
try:
    s.__anext__().send(None)
except StopIteration as e:
    nested_fn = e.value
print("nested function from inside a generator:", nested_fn.__name__, "|", nested_fn.__qualname__)
print("its generator:", nested_fn().__qualname__)

print("== renaming a generator object")
g.__name__ = "renamed"
g.__qualname__ = "Some.renamed"
print("generator:", g.__name__, "|", g.__qualname__)
print("function unchanged:", top.__name__, "|", top.__qualname__)
try:
    g.__name__ = 42
except TypeError as e:
    print("TypeError:", e)
try:
    g.__qualname__ = None
except TypeError as e:
    print("TypeError:", e)
print("still:", g.__name__, "|", g.__qualname__)

print("== renaming the function affects generators created afterwards only")
before = top()
top.__name__ = "top_renamed"
top.__qualname__ = "ns.top_renamed"
after = top()
print("before:", before.__name__, before.__qualname__)
print("after:", after.__name__, after.__qualname__)
