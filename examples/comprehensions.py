"""Async comprehensions (PEP 530): async for and await inside [], {}, {:} and ()."""
import asyncio


async def numbers(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i


async def square(x):
    await asyncio.sleep(0)
    return x * x


async def main():
    print([i async for i in numbers(5) if i % 2 == 0])
    print({i: await square(i) async for i in numbers(4)})
    print({await square(i) for i in range(4)})
    print([[j async for j in numbers(i)] async for i in numbers(3)])
    evens = (i async for i in numbers(6) if i % 2 == 0)
    print([e async for e in evens])


asyncio.get_event_loop_policy().new_event_loop().run_until_complete(main())
