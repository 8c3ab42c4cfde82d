# __await__ set only on the instance (or via __getattr__) is ignored: await looks it up on the type, so TypeError


def run(coro):
    try:
        while True:
            print("yielded", coro.send(None))
    except StopIteration as e:
        return e.value


def gen():
    yield "from instance attribute"
    return "instance result"


class Empty:
    pass


class Dynamic:
    def __getattr__(self, name):
        print("__getattr__ asked for", name)
        if name == "__await__":
            return gen
        raise AttributeError(name)


class Real:
    def __await__(self):
        return gen()


async def main():
    obj = Empty()
    obj.__await__ = gen
    print("instance has __await__:", hasattr(obj, "__await__"))
    try:
        await obj
    except TypeError as e:
        print("instance attribute ->", type(e).__name__, e)
    try:
        await Dynamic()
    except TypeError as e:
        print("__getattr__ ->", type(e).__name__, e)
    r = Real()
    r.__await__ = lambda: iter(["shadowed"])
    print("type-level __await__ wins over instance:", await r)
    Empty.__await__ = lambda self: gen()
    print("after setting on the class:", await obj)
    return "done"


print(run(main()))
