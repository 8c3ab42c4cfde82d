# await in comparisons and chains: evaluation order, middle operand evaluated once, chain short-circuit skips later awaits


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


class N:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        print("compare %d < %d" % (self.v, other.v))
        return self.v < other.v

    def __eq__(self, other):
        print("compare %d == %d" % (self.v, other.v))
        return self.v == other.v

    __hash__ = None


async def main():
    print("simple", await aw("a", 1) < await aw("b", 2))
    print("== chain true")
    print(await aw("a", N(1)) < await aw("b", N(2)) < await aw("c", N(3)))
    print("== chain false early: c must not be created or awaited")
    print(await aw("a", N(5)) < await aw("b", N(2)) < await aw("c", N(3)))
    print("== chain false late")
    print(await aw("a", N(1)) < await aw("b", N(5)) < await aw("c", N(3)))
    print("== mixed operators")
    print(await aw("x", 1) == await aw("y", 1) != await aw("z", 2))
    print("in", await aw("needle", 2) in await aw("hay", [1, 2, 3]))
    print("not in", await aw("needle2", 9) not in await aw("hay2", (1, 2)))
    none = None
    print("is", await aw("isnone", None) is none, "is not", await aw("isnot", 1) is not none)
    print("chain with plain operands", 0 <= await aw("mid", 5) < 10)
    print("chain long", 1 < 2 < await aw("p", 3) < 4 < await aw("q", 0) < await aw("never", 99))
    return "done"


print(run(main()))
