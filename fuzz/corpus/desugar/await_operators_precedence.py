# await with operators: -await x, await x ** 2, 2 ** await x, not/~, binary ops, and await binding to primaries (calls, attributes)


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


class Holder:
    def __init__(self):
        self.step = Step("holder.step", 5)
        self.items = [Step("holder.items[0]", 6)]

    def make(self):
        print("Holder.make called")
        return Step("holder.make()", 7)


async def main():
    x = await aw("x", 3)
    print("-await", -await aw("neg", 3))
    print("+await", +await aw("pos", -3))
    print("~await", ~await aw("inv", 3))
    print("not await", not await aw("not", 0))
    print("await ** 2", await aw("base", 3) ** 2)
    print("-await ** 2", -await aw("base2", 3) ** 2)
    print("2 ** await", 2 ** await aw("exp", 5))
    print("2 ** -await", 2 ** -await aw("negexp", 1))
    print("await ** await", await aw("b", 2) ** await aw("e", 3))
    print("arith", await aw("l", 10) - await aw("r", 4) * await aw("m", 2))
    print("parenthesised", (await aw("l2", 10) - await aw("r2", 4)) * await aw("m2", 2))
    print("floor/mod", await aw("fd", 17) // 5, await aw("md", 17) % 5)
    print("bitwise", await aw("b1", 6) & await aw("b2", 3) | await aw("b3", 8) ^ 1)
    print("shift", 1 << await aw("sh", 4))
    print("string ops", await aw("str", "ab") * 2 + await aw("str2", "c"))
    print("mixed with a local", x + await aw("y", 4) * x)
    h = Holder()
    print("await h.step", await h.step)
    print("await h.items[0]", await h.items[0])
    print("await h.make()", await h.make())
    return "done"


print(run(main()))
