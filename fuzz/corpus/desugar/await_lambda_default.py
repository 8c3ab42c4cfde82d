# await in lambda default values inside an async def (evaluated once, in the coroutine, when the lambda is created)


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
    f = lambda a=await aw("default a", 1): a
    print("lambda created")
    print(f(), f(5), f.__defaults__)
    g = lambda a, b=await aw("default b", 2), *, c=await aw("default c", 3): (a, b, c)
    print(g(0), g(0, 20, c=30), g.__kwdefaults__)
    print("immediately called", (lambda x=await aw("inline", "in"): x + "!")())
    funcs = []
    for i in range(3):
        funcs.append(lambda i=await aw("loop default %d" % i, i * 10): i)
    print("loop lambdas", [fn() for fn in funcs])
    h = sorted([3, 1, 2], key=lambda v, off=await aw("key offset", 0): -(v + off))
    print("sorted with lambda key", h)
    return "done"


print(run(main()))
