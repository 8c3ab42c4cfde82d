# plain coroutines returning values (None, tuples, exception instances), driven by hand and awaited from another coroutine


class Suspend:
    def __init__(self, label, result=None):
        self.label = label
        self.result = result

    def __await__(self):
        print("suspend", self.label)
        got = yield self.label
        print("resumed", self.label, "got", got)
        return self.result


def run(coro):
    try:
        while True:
            print("yielded", coro.send(None))
    except StopIteration as e:
        return e.value


async def answer():
    return 42


async def nothing():
    pass


async def explicit_none():
    return


async def tuple_result():
    return 1, "two", [3]


async def empty_tuple():
    return ()


async def exception_value():
    # returning an exception instance must not be confused with raising it
    return StopIteration("payload")


async def after_suspend():
    r = await Suspend("s1", 10)
    print("after suspend", r)
    return r + 1


async def main():
    print("answer", await answer())
    print("nothing", await nothing())
    print("explicit_none", await explicit_none())
    a, b, c = await tuple_result()
    print("tuple", a, b, c)
    print("empty tuple", await empty_tuple())
    v = await exception_value()
    print("exception value", type(v).__name__, v.args)
    print("after_suspend", await after_suspend())
    return "main done"


print("run answer ->", run(answer()))
print("run nothing ->", run(nothing()))
print("run tuple ->", run(tuple_result()))
print("run empty tuple ->", run(empty_tuple()))
ev = run(exception_value())
print("run exception value ->", type(ev).__name__, ev.args)
print("run main ->", run(main()))
