# augmented assignment with await: the target is read BEFORE the awaited right-hand side runs, then written back


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


class LoudList(list):
    def __getitem__(self, i):
        print("getitem", i)
        return list.__getitem__(self, i)

    def __setitem__(self, i, v):
        print("setitem", i, v)
        list.__setitem__(self, i, v)


class LoudAttr:
    def __init__(self):
        self.__dict__["v"] = 1

    def __getattribute__(self, name):
        if name == "v":
            print("get attribute v")
        return object.__getattribute__(self, name)

    def __setattr__(self, name, value):
        print("set attribute", name, value)
        self.__dict__[name] = value


class InPlace:
    def __init__(self, items):
        self.items = items

    def __iadd__(self, other):
        print("__iadd__ with", other)
        self.items = self.items + other
        return self


counter = 0


async def bump_during_await():
    global counter
    print("counter changed while suspended")
    counter = 100
    await Step("bump", None)
    return 1


async def main():
    global counter
    x = 10
    x += await aw("plus", 5)
    print("x", x)
    x -= await aw("minus", 3)
    x *= await aw("times", 2)
    x //= await aw("floordiv", 5)
    x **= await aw("power", 2)
    x %= await aw("mod", 7)
    x <<= await aw("shift", 3)
    x |= await aw("or", 1)
    print("x after chain", x)
    s = "ab"
    s += await aw("str", "cd")
    print("s", s)

    lst = LoudList([1, 2, 3])
    lst[await aw("index", 1)] += await aw("increment", 10)
    print("lst", lst)

    obj = LoudAttr()
    obj.v += await aw("attr increment", 5)
    print("obj.v", obj.__dict__["v"])

    ip = InPlace([1])
    alias = ip
    ip += await aw("iadd operand", [2, 3])
    print("in place", ip.items, ip is alias)

    counter = 1
    counter += await bump_during_await()
    print("counter uses value read before the await:", counter)

    local_list = [0]
    local_list += await aw("list extend", [1, 2])
    print("local_list", local_list)
    return "done"


print(run(main()))
