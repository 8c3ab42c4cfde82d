# await in call arguments: positional, keyword, *args, **kwargs, nested calls; operands are evaluated strictly left to right


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


def show(*args, **kwargs):
    print("show called with", args, sorted(kwargs.items()))
    return len(args) + len(kwargs)


def get_show():
    print("eval callee")
    return show


async def main():
    print("== positional")
    show(s("a", 1), await aw("b", 2), s("c", 3))
    print("== keyword")
    show(x=s("x", 1), y=await aw("y", 2), z=s("z", 3))
    print("== mixed")
    show(await aw("p", 1), s("q", 2), k=await aw("k", 3), j=s("j", 4))
    print("== callee first")
    get_show()(await aw("arg", 1))
    print("== starred")
    show(s("first", 0), *await aw("star", [1, 2]), s("last", 3))
    show(*s("s1", [1]), *await aw("s2", (2, 3)))
    print("== double starred")
    show(a=s("a", 1), **await aw("kw", {"b": 2, "c": 3}), d=s("d", 4))
    show(**s("k1", {"x": 1}), **await aw("k2", {"y": 2}))
    print("== nested calls")
    print("result", show(show(await aw("inner", 1)), await aw("outer", 2)))
    print("== builtins")
    print(len(await aw("len arg", "abcd")), max(await aw("m1", 3), s("m2", 7), await aw("m3", 5)))
    print("== print sep/end from awaits")
    print("x", "y", sep=await aw("sep", "-"), end=await aw("end", "!\n"))
    print("== duplicate keyword from **await")
    try:
        show(a=1, **await aw("dup", {"a": 2}))
    except TypeError as e:
        print("TypeError raised after awaiting", type(e).__name__)
    return "done"


print(run(main()))
