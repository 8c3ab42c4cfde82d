# min-python: 3.8
# assignment expressions around await: (y := await x) in expressions, conditions, loops and call arguments


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


async def countdown_step(state):
    await Step("tick %d" % state[0], None)
    state[0] -= 1
    return state[0]


async def main():
    print("value", (y := await aw("x", 5)), "y is", y)
    if (z := await aw("cond", 3)) > 2:
        print("z bound in condition", z)
    state = [3]
    while (n := await countdown_step(state)) > 0:
        print("loop n", n)
    print("after loop n", n)
    print("in args", max((a := await aw("a", 1)), (b := await aw("b", 2))), a, b)
    print("nested", (outer := (inner := await aw("inner", 7)) + 1), outer, inner)
    print("short circuit", (s := await aw("s", 0)) and (t := await aw("t", 1)), s)
    try:
        print(t)
    except NameError as e:
        print("t never bound:", type(e).__name__)
    return "done"


print(run(main()))
