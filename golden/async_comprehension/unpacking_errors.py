# min-python: 3.15
# PEP 798 unpacking errors inside async comprehensions, with CPython 3.15's wording: a non-iterable after * in a list ("Value after * must be an iterable") and a set, a non-mapping after ** in a dict (a list of pairs is not a mapping), a non-iterable in a generator expression, an exception from the unpacked iterable midway; the last one uncaught
import asyncio


async def agen(items):
    for item in items:
        await asyncio.sleep(0)
        yield item


def failing():
    yield 1
    raise ValueError("failed midway")


async def attempt(label, make):
    try:
        print(label, "->", await make())
    except Exception as error:
        print(label, "->", type(error).__name__ + ":", error)


async def main():
    async def listing():
        return [*x async for x in agen([[1], 2])]

    async def listing_none():
        return [*x async for x in agen([None])]

    async def setting():
        return {*x async for x in agen([[1], 2])}

    async def mapping_int():
        return {**d async for d in agen([{1: 1}, 3])}

    async def mapping_pairs():
        return {**d async for d in agen([[(1, 2)]])}

    async def generating():
        return [item async for item in (*x async for x in agen([[1], 5]))]

    async def midway():
        return [*x async for x in agen([[0], failing()])]

    for label, make in [
        ("list", listing),
        ("list of None", listing_none),
        ("set", setting),
        ("dict with int", mapping_int),
        ("dict with pairs", mapping_pairs),
        ("generator", generating),
        ("midway", midway),
    ]:
        await attempt(label, make)
    await mapping_pairs()


asyncio.run(main())
