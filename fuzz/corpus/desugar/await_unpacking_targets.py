# await on the right of assignments with tuple/list/starred/nested/attribute/subscript targets, chained assignment, for targets


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


class Loud:
    def __setattr__(self, name, value):
        print("setattr", name, value)
        object.__setattr__(self, name, value)


class LoudIter:
    def __init__(self, items):
        self.items = items

    def __iter__(self):
        print("iter() called")
        for i in self.items:
            print("yielding item", i)
            yield i


async def pair():
    await Step("pair", None)
    return "left", "right"


async def main():
    a, b = await pair()
    print("a b", a, b)
    (c, d), e = await aw("nested", ((1, 2), 3))
    print("c d e", c, d, e)
    [f, *g] = await aw("starred", [1, 2, 3, 4])
    print("f g", f, g)
    *h, i = await aw("star first", "xyz")
    print("h i", h, i)
    o = Loud()
    box = [None, None]
    o.x, box[1] = await aw("mixed targets", (10, 20))
    print("box", box)
    j = k = await aw("chained", [1])
    print("chained same object", j is k)
    m, n = await aw("lazy iterable", LoudIter([5, 6]))
    print("m n", m, n)
    for p, q in await aw("pairs", [(1, "one"), (2, "two")]):
        print("loop", p, q)
    try:
        r, s = await aw("too many", (1, 2, 3))
    except ValueError as exc:
        print(type(exc).__name__, exc)
    try:
        t, u, v = await aw("too few", (1, 2))
    except ValueError as exc:
        print(type(exc).__name__, exc)
    try:
        w, x = await aw("not iterable", 5)
    except TypeError as exc:
        print(type(exc).__name__, exc)
    y, = await aw("single", ["only"])
    print("y", y)
    return "done"


print(run(main()))
