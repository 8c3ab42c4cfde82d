# async for targets: name, tuple, list, nested tuple, starred (front/middle/end), attribute and subscript (with printing __setattr__/__setitem__), slice
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


class AIter:
    def __init__(self, items):
        self.items = list(items)

    def __aiter__(self):
        return self

    async def __anext__(self):
        await Suspend("anext")
        if not self.items:
            raise StopAsyncIteration
        item = self.items.pop(0)
        print("  __anext__ ->", repr(item))
        return item


class Obj:
    def __setattr__(self, name, value):
        print("  setattr", name, repr(value))
        object.__setattr__(self, name, value)


class LoudDict(dict):
    def __setitem__(self, key, value):
        print("  setitem", repr(key), repr(value))
        dict.__setitem__(self, key, value)


def target_obj(o):
    print("  evaluating target object")
    return o


async def main():
    async for name in AIter(["a", "b"]):
        print("name", name)

    async for a, b in AIter([(1, 2), (3, 4)]):
        print("tuple", a, b)

    async for [a, b] in AIter(["xy"]):
        print("list", a, b)

    async for (a, (b, c)) in AIter([(1, (2, 3))]):
        print("nested", a, b, c)

    async for first, *rest in AIter([(1, 2, 3), (4,)]):
        print("starred end", first, rest)

    async for *init, last in AIter(["abc"]):
        print("starred front", init, last)

    async for head, *mid, tail in AIter([range(5)]):
        print("starred middle", head, mid, tail)

    obj = Obj()
    async for target_obj(obj).attr in AIter([10, 20]):
        print("attr", obj.attr)

    d = LoudDict()
    async for target_obj(d)["k"] in AIter([30, 40]):
        print("subscript", dict(d))

    async for obj.x, d["y"] in AIter([("p", "q")]):
        print("mixed", obj.x, d["y"])

    counter = {}
    async for i, counter[i] in AIter([(1, "one"), (2, "two")]):
        print("key uses earlier element", sorted(counter.items()))

    lst = [0, 0, 0]
    async for lst[1:2] in AIter(["ab"]):
        print("slice", lst)


run(main())
