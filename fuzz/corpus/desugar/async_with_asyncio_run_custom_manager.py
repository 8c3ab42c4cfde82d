# min-python: 3.7
# async with under asyncio.run: a custom manager whose __aenter__/__aexit__ await asyncio.sleep and futures, used by concurrent tasks; errors pass through aexit
import asyncio


class Resource:
    def __init__(self, name, log):
        self.name = name
        self.log = log

    async def __aenter__(self):
        self.log.append("open " + self.name)
        print("open", self.name)
        await asyncio.sleep(0)
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0)
        print("close", self.name, exc_type.__name__ if exc_type else None, exc)
        self.log.append("close " + self.name)
        return exc_type is KeyError


async def task(name, log, fail=None):
    async with Resource(name, log) as r:
        print("using", r.name)
        await asyncio.sleep(0)
        if fail is not None:
            raise fail
        return r.name.upper()


async def main():
    log = []
    results = await asyncio.gather(
        task("a", log),
        task("b", log, KeyError("suppressed")),
        task("c", log, ValueError("reported")),
        return_exceptions=True,
    )
    print("results:", [r if isinstance(r, (str, type(None))) else type(r).__name__ + ":" + str(r) for r in results])
    print("log:", log)

    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_soon(fut.set_result, "future value")

    class WaitsForFuture:
        async def __aenter__(self):
            return await fut

        async def __aexit__(self, *exc):
            print("WaitsForFuture exit", exc[0])

    async with WaitsForFuture() as v:
        print("body got", v)
    return "done"


print(asyncio.run(main()))
