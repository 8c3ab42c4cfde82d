# async with on asyncio.Lock, asyncio.Semaphore and asyncio.Condition under run_until_complete: mutual exclusion order, release on exception
import asyncio


async def lock_worker(name, lock):
    print(name, "waiting for lock")
    async with lock:
        print(name, "acquired, locked =", lock.locked())
        await asyncio.sleep(0)
        await asyncio.sleep(0)
        print(name, "releasing")
    print(name, "released")


async def sem_worker(name, sem, inside):
    print(name, "waiting for semaphore")
    async with sem:
        inside.append(name)
        print(name, "inside with", sorted(inside))
        await asyncio.sleep(0)
        inside.remove(name)
        print(name, "leaving")


async def consumer(cond, items):
    async with cond:
        print("consumer waiting")
        await cond.wait()
        print("consumer woke, items =", items)


async def producer(cond, items):
    await asyncio.sleep(0)
    async with cond:
        items.append("item")
        print("producer notifying")
        cond.notify_all()
    print("producer done")


async def main():
    lock = asyncio.Lock()
    # tasks are created one by one so the start order does not depend on gather()
    await asyncio.gather(*[asyncio.ensure_future(lock_worker("w%d" % i, lock)) for i in range(3)])
    print("locked after gather:", lock.locked())

    try:
        async with lock:
            print("holding lock:", lock.locked())
            raise ValueError("inside lock")
    except ValueError as e:
        print("caught", type(e).__name__, e, "| locked:", lock.locked())

    sem = asyncio.Semaphore(2)
    inside = []
    await asyncio.gather(*[asyncio.ensure_future(sem_worker("t%d" % i, sem, inside)) for i in range(4)])
    print("semaphore locked after:", sem.locked())

    cond = asyncio.Condition()
    items = []
    tasks = [asyncio.ensure_future(consumer(cond, items)), asyncio.ensure_future(producer(cond, items))]
    await asyncio.gather(*tasks)
    return "main done"


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
try:
    print(loop.run_until_complete(main()))
finally:
    loop.close()
    asyncio.set_event_loop(None)
