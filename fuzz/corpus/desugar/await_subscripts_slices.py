# await in subscripts and slices: as the container, the index, slice bounds/step, tuple indices, and assignment targets


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


class Loud(dict):
    def __getitem__(self, key):
        print("getitem", key)
        return dict.__getitem__(self, key)

    def __setitem__(self, key, value):
        print("setitem", key, value)
        dict.__setitem__(self, key, value)


class Slicer:
    def __getitem__(self, key):
        print("Slicer got", key)
        return key


async def main():
    data = [10, 20, 30, 40, 50, 60]
    print("container", (await aw("seq", "abcdef"))[2])
    print("index", data[await aw("idx", 3)])
    print("negative", data[-await aw("neg", 1)])
    print("slice", data[await aw("lo", 1):await aw("hi", 5)])
    print("slice step", data[::await aw("step", 2)])
    print("all three", data[await aw("a", 5):await aw("b", 0):await aw("c", -2)])
    print("slice object", Slicer()[await aw("s1", 1):2, await aw("s2", 3)])
    print("tuple index", Slicer()[await aw("t1", 1), await aw("t2", 2)])
    print("nested subscripts", (await aw("matrix", [[1, 2], [3, 4]]))[await aw("r", 1)][await aw("c", 0)])
    d = Loud(x=1)
    print("loud read", d[await aw("key", "x")])
    d[await aw("target key", "y")] = await aw("value", 2)
    (await aw("target container", d))["z"] = 3
    print("dict now", sorted(d.items()))
    data[await aw("slice lo", 0):await aw("slice hi", 2)] = await aw("replacement", [7])
    print("data now", data)
    try:
        data[await aw("bad index", 99)]
    except IndexError as e:
        print(type(e).__name__, e)
    return "done"


print(run(main()))
