# await inside list/tuple/dict/set displays, starred and double-starred unpacking, strings joined from awaited parts


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


def s(label, value):
    print("eval", label)
    return value


async def main():
    print("list", [s("a", 1), await aw("b", 2), s("c", 3)])
    print("tuple", (await aw("t1", 1), s("t2", 2)))
    print("single tuple", (await aw("only", 1),))
    print("dict", {s("k1", "a"): await aw("v1", 1), await aw("k2", "b"): s("v2", 2)})
    print("set", sorted({await aw("e1", 3), await aw("e2", 1), s("e3", 2)}))
    print("starred list", [*await aw("star1", [1, 2]), s("mid", 0), *await aw("star2", (3,))])
    print("starred tuple", (*await aw("star3", "ab"),))
    print("dict unpack", sorted({**await aw("d1", {"x": 1, "y": 1}), "y": s("y", 2), **await aw("d2", {"z": 3})}.items()))
    print("set unpack", sorted({*await aw("s1", {1, 2}), *await aw("s2", [2, 3])}))
    print("nested", [[await aw("n1", 1)], {"k": (await aw("n2", 2), [await aw("n3", 3)])}])
    print("join", "-".join([await aw("j1", "a"), await aw("j2", "b")]))
    print("duplicate dict keys, later wins", {"k": await aw("first", 1), "k": await aw("second", 2)})
    return "done"


print(run(main()))
