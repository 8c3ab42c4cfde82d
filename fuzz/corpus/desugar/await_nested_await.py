# nested awaits: await (await x) where the first await produces another awaitable, several levels deep, mixed awaitable kinds


def run(coro):
    try:
        while True:
            print("yielded", coro.send(None))
    except StopIteration as e:
        return e.value


class Step:
    def __init__(self, label, value):
        self.label = label
        self.value = value

    def __await__(self):
        print("await", self.label)
        yield self.label
        return self.value


async def leaf(v):
    await Step("leaf %r" % (v,), None)
    return v


async def returns_coroutine():
    await Step("returns_coroutine", None)
    return leaf("from coroutine")


async def returns_awaitable_object():
    return Step("object returned", "object value")


async def three_levels():
    await Step("level 1", None)
    return returns_coroutine()


class Factory:
    async def make(self):
        await Step("Factory.make", None)
        return self

    async def get(self, v):
        await Step("Factory.get", None)
        return v


async def main():
    print("two levels", await (await returns_coroutine()))
    print("object", await (await returns_awaitable_object()))
    print("three levels", await (await (await three_levels())))
    print("method on awaited", await (await Factory().make()).get("got"))
    pending = await returns_coroutine()
    print("inner coroutine created but not awaited yet")
    print("awaited later", await pending)
    print("arithmetic of nested", await (await returns_coroutine()) + "!")
    return "done"


print(run(main()))
