# async with ... as TARGET: name, tuple (p, q), list, nested tuple, starred, attribute obj.attr and subscript d["k"]; stores happen after __aenter__ and before the body
class Suspend:
    """Awaitable that yields its label to the driver once and returns what the driver sends back."""

    def __init__(self, label):
        self.label = label

    def __await__(self):
        sent = yield self.label
        return sent


def run(coro):
    """Drive a coroutine by hand, printing every suspension."""
    n = 0
    value = None
    try:
        while True:
            label = coro.send(value)
            n += 1
            value = "sent%d" % n
            print("  driver: suspended at", repr(label), "-> resume with", repr(value))
    except StopIteration as e:
        print("  driver: finished with", repr(e.value))
        return e.value


class Manager:
    def __init__(self, value):
        self.value = value

    async def __aenter__(self):
        print("aenter ->", repr(self.value))
        await Suspend("aenter")
        return self.value

    async def __aexit__(self, exc_type, exc, tb):
        print("aexit", exc_type)
        return False


class Obj:
    def __setattr__(self, name, value):
        print("  setattr", name, repr(value))
        object.__setattr__(self, name, value)


class LoudDict(dict):
    def __setitem__(self, key, value):
        print("  setitem", repr(key), repr(value))
        dict.__setitem__(self, key, value)


def get_obj(o):
    print("  evaluating target object")
    return o


async def main():
    async with Manager("plain") as name:
        print("body name =", name)

    async with Manager((1, 2)) as (p, q):
        print("body p, q =", p, q)

    async with Manager([3, 4]) as [p, q]:
        print("body [p, q] =", p, q)

    async with Manager((5, (6, 7))) as (a, (b, c)):
        print("body nested =", a, b, c)

    async with Manager(range(5)) as (first, *rest):
        print("body starred =", first, rest)

    async with Manager("xyz") as (*init, last):
        print("body starred first =", init, last)

    async with Manager((1, 2, 3, 4)) as (head, *mid, tail):
        print("body starred middle =", head, mid, tail)

    obj = Obj()
    async with Manager("attr-value") as get_obj(obj).attr:
        print("body obj.attr =", obj.attr)

    d = LoudDict()
    async with Manager("item-value") as get_obj(d)["k"]:
        print("body d =", dict(d))

    async with Manager(("t1", "t2")) as (obj.x, d["y"]):
        print("body mixed =", obj.x, dict(d))

    items = [0, 0, 0]
    async with Manager("slice") as items[1:2]:
        print("body slice-assigned list =", items)

    async with Manager("again") as name:
        pass
    print("after blocks: name =", name, "obj.attr =", obj.attr, "d =", sorted(d.items()))


run(main())
