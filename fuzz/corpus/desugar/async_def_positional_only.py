# min-python: 3.8
# positional-only parameters (/) on async def, mixed with defaults and keyword-only, and the errors they raise at call time
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


async def f(a, b=2, /, c=3, *, d=4, **kwargs):
    await Suspend("f")
    return a, b, c, d, sorted(kwargs.items())


print(inspect.signature(f))
print("posonly", f.__code__.co_posonlyargcount, "argcount", f.__code__.co_argcount)
print(run(f(1)))
print(run(f(1, 20, 30, d=40)))
print(run(f(1, a=5, b=6)))
try:
    f(a=1)
except TypeError as e:
    print(type(e).__name__)
