"""async with edge cases: suppressed exceptions, several managers, return and break inside."""
import asyncio


class Manager:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    async def __aenter__(self):
        print("enter", self.name)
        return self.name

    async def __aexit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None)
        return self.suppress


async def returns_inside():
    async with Manager("r") as name:
        return "returned from " + name


async def main():
    async with Manager("quiet", suppress=True):
        raise KeyError("swallowed")
    print("after the suppressed error")

    async with Manager("a") as a, Manager("b") as b:
        print("inside", a, b)

    print(await returns_inside())

    for i in range(3):
        async with Manager("loop %d" % i):
            if i == 1:
                break
            continue

    try:
        async with Manager("loud"):
            raise RuntimeError("propagates")
    except RuntimeError as error:
        print("caught", error)


asyncio.get_event_loop_policy().new_event_loop().run_until_complete(main())
