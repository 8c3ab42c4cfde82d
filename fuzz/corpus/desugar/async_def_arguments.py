# async def parameters: defaults evaluated once at def time, keyword-only, *args/**kwargs, annotations, call-time TypeErrors
import inspect


def run(coro):
    try:
        while True:
            print("yielded", coro.send(None))
    except StopIteration as e:
        return e.value


class Suspend:
    def __init__(self, label):
        self.label = label

    def __await__(self):
        yield self.label


def side(x):
    print("default evaluated", x)
    return x


async def f(a, b=side(2), *args, c, d=side(4), **kwargs) -> "ret":
    await Suspend("f")
    return a, b, args, c, d, sorted(kwargs.items())


async def annotated(x: int, y: "str" = "s", *rest: float, flag: bool = False, **extra: dict) -> list:
    return [x, y, rest, flag, extra]


async def mutable_default(item, acc=[]):
    await Suspend("append %r" % (item,))
    acc.append(item)
    return list(acc)


async def only_kw(*, key):
    return key


async def star_only(*args, **kwargs):
    return args, sorted(kwargs.items())


print("defaults", f.__defaults__, "kwdefaults", sorted(f.__kwdefaults__.items()))
print("annotations f", f.__annotations__)
print("annotations annotated", annotated.__annotations__)
print("argcount", f.__code__.co_argcount, "kwonly", f.__code__.co_kwonlyargcount)
print("signature f", inspect.signature(f))
print("signature annotated", inspect.signature(annotated))
print("signature mutable_default", inspect.signature(mutable_default))

print(run(f(1, c=3)))
print(run(f(1, 20, 30, 40, c=3, d=5, z=26, y=25)))
print(run(f(c="c", a="a", extra=1)))
print(run(annotated(1)))
print(run(annotated(1, "t", 1.5, 2.5, flag=True, k={})))
print(run(mutable_default(1)))
print(run(mutable_default(2)))
print(run(mutable_default(3, [])))
print(run(mutable_default(4)))
print(run(only_kw(key="k")))
print(run(star_only()))
print(run(star_only(1, 2, b=2, a=1)))
print(run(star_only(*[1, 2], **{"x": 1})))

for label, call in [
    ("missing kw-only", lambda: only_kw()),
    ("positional to kw-only", lambda: only_kw(1)),
    ("missing positional", lambda: f(c=1)),
    ("unexpected kw", lambda: only_kw(key=1, other=2)),
    ("duplicate", lambda: f(1, a=2, c=3)),
]:
    try:
        coro = call()
        print(label, "created a coroutine?!")
        coro.close()
    except TypeError as e:
        print(label, "->", type(e).__name__)
