# attribute access on awaited values: (await x).attr, method calls, attribute assignment targets, getattr order


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


class Obj:
    def __init__(self, name):
        self.__dict__["name"] = name

    def __getattr__(self, attr):
        print("getattr", self.name, attr)
        if attr.startswith("fn_"):
            return lambda *args: "%s%r" % (attr, args)
        return attr.upper()

    def __setattr__(self, attr, value):
        print("setattr", self.name, attr, value)
        self.__dict__[attr] = value

    def method(self, *args):
        print("method of", self.name, "called with", args)
        return self.name + "!"

    async def amethod(self, x):
        await Step("amethod " + self.name, None)
        return self.name + str(x)


async def make(name):
    await Step("make " + name, None)
    return Obj(name)


async def main():
    print("attr", (await make("a")).missing)
    print("real attr", (await make("b")).name)
    print("method", (await make("c")).method(1, 2))
    print("method awaited arg", (await make("d")).method(await aw("arg", 5)))
    o = Obj("e")
    print("attribute looked up before awaited argument", o.fn_late(await aw("arg2", 6), await aw("arg3", 7)))
    print("awaiting a method result", await (await make("f")).amethod(1))
    print("await precedence: await o.amethod(2) =", await o.amethod(2))
    (await make("g")).field = await aw("field value", 42)
    target = await make("h")
    target.x = await aw("x value", 1)
    print("target dict", sorted(target.__dict__.items()))
    print("chained", (await make("i")).upper.lower())
    print("module attr", (await aw("module-ish", "text")).upper())
    try:
        (await aw("none", None)).anything
    except AttributeError as e:
        print(type(e).__name__, e)
    return "done"


print(run(main()))
