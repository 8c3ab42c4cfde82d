# min-python: 3.12
# awaits in what a generic (PEP 695) definition evaluates in the enclosing coroutine: decorators and parameter defaults; bounds, annotations, bases and type alias values are annotation scopes, evaluated lazily and without awaits


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


def tag(name):
    def apply(obj):
        print("decorating", obj.__name__, "with", name)
        obj.tag = name
        return obj
    return apply


class AIter:
    def __init__(self, *items):
        self.items = list(items)

    def __aiter__(self):
        return self

    async def __anext__(self):
        if not self.items:
            raise StopAsyncIteration
        return await aw("item", self.items.pop(0))


async def main():
    @tag(await aw("function decorator", "f"))
    def first[T: int](x: T = await aw("default", 1), *, y: T = await aw("keyword default", 2)) -> T:
        return x + y

    print(first(), first(10), first.tag, first.__type_params__, first.__type_params__[0].__bound__)

    @tag(await aw("class decorator", "C"))
    class Box[T: (int, str)](dict):
        def get(self, key: T = "k") -> T:
            return self[key]

    box = Box(k=await aw("value", "v"))
    print(box.get(), Box.tag, Box.__type_params__[0].__constraints__)

    async def later[T](items: list[T] = [i * 2 async for i in AIter(3, 4)]) -> list[T]:
        return [await aw("element", i) for i in items]

    print(await later(), await later([5]))

    type Pair[T: float] = tuple[T, T]
    print(Pair.__value__, Pair.__type_params__[0].__bound__)
    return "done"


print(run(main()))
