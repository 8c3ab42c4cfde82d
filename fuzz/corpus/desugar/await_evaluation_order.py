# evaluation order around await: f(a(), await b(), c()), binary operands read before the await, assignment RHS before target


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


def f(*args):
    print("f called", args)
    return sum(args)


class Target:
    def __init__(self):
        self.store = {}

    def __setitem__(self, k, v):
        print("Target setitem", k, v)
        self.store[k] = v


state = {"x": 1}


async def mutate_state():
    print("mutating state during await")
    state["x"] = 1000
    await Step("mutate", None)
    return 1


async def main():
    print("== call args")
    f(s("a", 1), await aw("b", 2), s("c", 3))
    print("== binary operands")
    print(s("left", 1) + await aw("right", 2) * s("third", 3))
    print(await aw("l", 1) - s("r", 2))
    print("== subscript target: RHS first, then container, then index")
    t = Target()
    s("container", t)[s("key", "k")] = await aw("rhs", "value")
    print("== left operand read before the await (old value captured)")
    print(state["x"] + await mutate_state())
    state["x"] = 1
    print("== await first, then the read sees the change")
    print(await mutate_state() + state["x"])
    print("== plain local operand evaluated before the await")
    x = s("x0", 1)
    print(x + await aw("x plus", 1))
    print("== keyword and positional interleaving")
    print(dict(s("pos", [("p", 0)]), a=await aw("kw a", 1), b=s("kw b", 2)))
    print("== nested call inside awaited argument")
    print(f(s("outer1", 1), await aw("nested", f(s("inner1", 10), s("inner2", 20))), s("outer2", 2)))
    return "done"


print(run(main()))
