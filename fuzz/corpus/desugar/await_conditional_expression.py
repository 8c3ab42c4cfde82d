# await in conditional expressions: condition is evaluated first and only the chosen branch is awaited


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


async def main():
    print(await aw("yes", "Y") if await aw("cond", True) else await aw("no", "N"))
    print(await aw("yes", "Y") if await aw("cond", 0) else await aw("no", "N"))
    print("nested", await aw("a", "A") if await aw("c1", False) else await aw("b", "B") if await aw("c2", True) else await aw("c", "C"))
    print("plain branches", "left" if await aw("cond", []) else "right")
    print("in argument", len(await aw("s", "abc") if await aw("cond", 1) else []))
    x = (await aw("val", 10)) if not await aw("cond", 0) else None
    print("assigned", x)
    print("ternary inside arithmetic", 1 + (await aw("p", 2) if await aw("cond", 1) else 100))
    return "done"


print(run(main()))
