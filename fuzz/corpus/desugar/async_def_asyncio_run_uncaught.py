# min-python: 3.7
# an exception raised in a task propagates through await and asyncio.run, uncaught at top level
import asyncio


async def inner(n):
    await asyncio.sleep(0)
    if n == 2:
        raise KeyError("task failed %d" % n)
    return n


async def main():
    results = []
    for n in range(3):
        task = asyncio.create_task(inner(n))
        try:
            results.append(await task)
        finally:
            print("after task", n, "results", results)
    return results


asyncio.run(main())
print("not reached")
