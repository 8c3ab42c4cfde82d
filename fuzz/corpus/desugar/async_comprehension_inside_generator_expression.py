# min-python: 3.11
# an async comprehension directly inside a generator expression makes it an async generator expression, allowed outside async def since 3.11: at module level, in a plain function, in a class body, as a condition and as a non-first iterable
import asyncio


class AIter:
    """Async iterator over items: prints every protocol call and suspends once per __anext__."""

    def __init__(self, name, items):
        self.name = name
        self.items = list(items)
        self.i = 0

    def __aiter__(self):
        print("  %s.__aiter__" % self.name)
        return self

    async def __anext__(self):
        await asyncio.sleep(0)
        if self.i >= len(self.items):
            print("  %s exhausted" % self.name)
            raise StopAsyncIteration
        item = self.items[self.i]
        self.i += 1
        print("  %s -> %r" % (self.name, item))
        return item


async def drain(agen):
    return [item async for item in agen]


module_level = ([z * y async for z in AIter("m%r" % y, [1, 2])] for y in (10, 20))


def in_plain_function(limit):
    return ({z: y async for z in AIter("f%r" % y, range(limit))} for y in "ab")


class Holder:
    in_class_body = ([await asyncio.sleep(0, z) for z in (y, y)] for y in (3, 4))


as_condition = (y for y in range(4) if [z async for z in AIter("c%r" % y, [y]) if z % 2])
as_second_iterable = ((y, q) for y in (5, 6) for q in [z async for z in AIter("s%r" % y, [y + 1])])
nested_twice = ([[z async for z in AIter("n%r" % q, [q])] for q in (y, y * 2)] for y in (7,))


async def main():
    for name, agen in [
        ("module level", module_level),
        ("plain function", in_plain_function(2)),
        ("class body", Holder.in_class_body),
        ("condition", as_condition),
        ("second iterable", as_second_iterable),
        ("nested twice", nested_twice),
    ]:
        print(name, type(agen).__name__)
        print("result", await drain(agen))


asyncio.run(main())
