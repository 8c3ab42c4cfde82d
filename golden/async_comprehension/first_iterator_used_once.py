# the first iterable of a comprehension is turned into an iterator once, in the enclosing scope: an iterator whose __iter__ (or __aiter__) announces itself is asked once, for list, set and dict comprehensions and generator expressions, with a sync or an async first clause
class Counting:
    """An iterator that is its own iterable and says when it is asked for an iterator."""

    def __init__(self, name):
        self.name = name
        self.i = 0

    def __iter__(self):
        print("  %s.__iter__" % self.name)
        return self

    def __next__(self):
        self.i += 1
        if self.i > 2:
            raise StopIteration
        return self.i


class AsyncCounting:
    """The same, asynchronously."""

    def __init__(self, name):
        self.name = name
        self.i = 0

    def __aiter__(self):
        print("  %s.__aiter__" % self.name)
        return self

    async def __anext__(self):
        self.i += 1
        if self.i > 2:
            raise StopAsyncIteration
        return self.i


async def double(x):
    return 2 * x


async def main():
    print([await double(x) for x in Counting("list")])
    print(sorted({await double(x) for x in Counting("set")}))
    print({x: await double(x) for x in Counting("dict")})
    print([y async for y in (await double(x) for x in Counting("genexp"))])
    print([x async for x in AsyncCounting("async list")])
    print([y async for y in (x async for x in AsyncCounting("async genexp"))])


coroutine = main()
try:
    coroutine.send(None)
except StopIteration:
    print("done")
