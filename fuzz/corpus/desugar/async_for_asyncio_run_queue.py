# min-python: 3.7
# async for under asyncio.run over a class-based iterator that reads an asyncio.Queue filled by a producer task; a sentinel ends the iteration
import asyncio

SENTINEL = object()


class QueueIter:
    def __init__(self, queue):
        self.queue = queue

    def __aiter__(self):
        return self

    async def __anext__(self):
        item = await self.queue.get()
        if item is SENTINEL:
            print("sentinel received")
            raise StopAsyncIteration
        return item


async def producer(queue):
    for i in range(4):
        print("put", i)
        await queue.put(i)
        await asyncio.sleep(0)
    await queue.put(SENTINEL)


async def main():
    queue = asyncio.Queue(maxsize=1)
    task = asyncio.ensure_future(producer(queue))
    total = 0
    async for item in QueueIter(queue):
        print("got", item)
        total += item
    else:
        print("else: total", total)
    await task
    return total


print("result", asyncio.run(main()))
