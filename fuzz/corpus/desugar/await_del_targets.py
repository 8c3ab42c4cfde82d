# del with awaited subexpressions: del (await x).attr, del (await d)[await k], slice deletion, multiple targets in order


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


class Obj:
    def __init__(self):
        self.a = 1
        self.b = 2

    def __delattr__(self, name):
        print("delattr", name)
        object.__delattr__(self, name)


class LoudDict(dict):
    def __delitem__(self, key):
        print("delitem", key)
        dict.__delitem__(self, key)


class LoudList(list):
    def __delitem__(self, key):
        print("delitem", key)
        list.__delitem__(self, key)


async def main():
    o = Obj()
    del (await aw("obj", o)).a
    print("attrs left", sorted(vars(o)))
    d = LoudDict(x=1, y=2, z=3)
    del (await aw("dict", d))[await aw("key", "y")]
    print("dict left", sorted(d))
    lst = LoudList(range(6))
    del lst[await aw("lo", 1):await aw("hi", 4)]
    print("list left", lst)
    del (await aw("dict again", d))["x"], (await aw("obj again", o)).b
    print("after multi del", sorted(d), sorted(vars(o)))
    try:
        del (await aw("obj missing", o)).a
    except AttributeError as e:
        print(type(e).__name__)
    try:
        del d[await aw("missing key", "nope")]
    except KeyError as e:
        print(type(e).__name__, e)
    return "done"


print(run(main()))
