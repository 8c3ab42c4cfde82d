# min-python: 3.9
# await as a whole decorator expression (PEP 614) on nested functions and classes inside an async def, with evaluation order


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


def aw(label, value):
    print("create", label)
    return Step(label, value)


def make_deco(name):
    def deco(obj):
        print("applying", name, "to", obj.__name__)
        obj.applied = getattr(obj, "applied", ()) + (name,)
        return obj
    return deco


async def get_deco(name):
    await Step("get_deco " + name, None)
    return make_deco(name)


async def main():
    @(await get_deco("first"))
    @await get_deco("second")
    @make_deco("third")
    def f():
        return "f body"

    print(f.applied, f())

    @await aw("class deco", make_deco("cls"))
    class C:
        pass

    print(C.applied)

    @(await get_deco("async")).__call__
    async def g():
        return "g body"

    print(g.applied, await g())
    return "done"


print(run(main()))
