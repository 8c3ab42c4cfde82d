# locals() and local-variable behaviour inside coroutines across suspensions (no extra names must appear)


def run(coro):
    try:
        while True:
            print("yielded", coro.send(None))
    except StopIteration as e:
        return e.value


class Suspend:
    def __init__(self, label, result):
        self.label = label
        self.result = result

    def __await__(self):
        yield self.label
        return self.result


async def f(a, b=2):
    print("start locals", sorted(locals()))
    x = await Suspend("first", 10)
    print("after first", sorted(locals()), x)
    y = x + await Suspend("second", 20)
    print("after second", sorted(locals().items()))
    del x
    print("after del", sorted(locals()))
    try:
        print(x)
    except NameError as e:
        print("reading deleted name:", type(e).__name__)
    return y


async def unbound():
    if False:
        z = 1
    await Suspend("unbound", None)
    try:
        return z
    except UnboundLocalError as e:
        return type(e).__name__


print(run(f(1)))
print(run(unbound()))
