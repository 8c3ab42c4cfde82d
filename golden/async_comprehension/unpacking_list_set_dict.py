# min-python: 3.15
# PEP 798 unpacking in async comprehensions: [*x async for ...], {*s async for ...}, {**d async for ...}; await in the element and the iterable, nested unpacking comprehensions, a sync unpacking comprehension inside an async one, a mapping read through keys()/__getitem__, later keys winning
import asyncio


class Ticker:
    """Async iterator over items, printing each protocol call."""

    def __init__(self, name, items):
        self.name = name
        self.items = list(items)

    def __aiter__(self):
        print("  %s.__aiter__" % self.name)
        return self

    async def __anext__(self):
        await asyncio.sleep(0)
        if not self.items:
            print("  %s.__anext__ -> stop" % self.name)
            raise StopAsyncIteration
        item = self.items.pop(0)
        print("  %s.__anext__ -> %r" % (self.name, item))
        return item


class Mapping:
    """A mapping that is not a dict: unpacking calls keys() then __getitem__."""

    def __repr__(self):
        return "Mapping()"

    def keys(self):
        print("  Mapping.keys")
        return ["a", "b"]

    def __getitem__(self, key):
        print("  Mapping[%r]" % key)
        return key * 2


async def doubled(items):
    await asyncio.sleep(0)
    return [item * 2 for item in items]


async def main():
    print("list:", [*x async for x in Ticker("L", [[1, 2], (3,), "ab", range(2)])])
    print("set:", sorted({*s async for s in Ticker("S", [[1, 2], {2, 3}, (3, 4)])}))
    print("dict:", {**d async for d in Ticker("D", [{1: "one"}, {2: "two", 1: "uno"}, Mapping()])})
    print("await in element:", [*await doubled(x) async for x in Ticker("A", [[1], [2, 3]])])
    print("await in iterable:", [*x for x in await doubled([[1], [2]])])
    print("await in condition:", {*x async for x in Ticker("C", [[1], [2], [3]]) if await doubled(x) != [4]})
    print(
        "nested:",
        [*[*y async for y in Ticker("inner%d" % n, [[n], [n * 10]])] async for n in Ticker("outer", [1, 2])],
    )
    print("sync inside:", [[*y for y in x] async for x in Ticker("T", [[[1], [2]], [(3, 4)]])])
    print("two clauses:", [*row async for row in Ticker("R", [[[1]], [[2], [3]]]) for row in row])
    merged = {**{k: v} async for k, v in Ticker("KV", [("x", 1), ("y", 2), ("x", 3)])}
    print("later keys win:", merged)


asyncio.run(main())
