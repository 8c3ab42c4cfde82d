# return inside try/finally in coroutines: finally with awaits, finally overriding return, return swallowing exceptions


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
        return self.label


async def value(label):
    print("computing", label)
    await Suspend("compute " + label)
    return label


async def finally_awaits():
    try:
        return await value("from try")
    finally:
        print("finally runs")
        print("finally awaited", await value("in finally"))


async def finally_overrides():
    try:
        return await value("try value")
    finally:
        return "finally value"


async def finally_swallows():
    try:
        await Suspend("before raise")
        raise ValueError("lost")
    finally:
        return "swallowed"


async def finally_raises():
    try:
        return "never returned"
    finally:
        raise KeyError("from finally")


async def loop_with_finally():
    out = []
    for i in range(4):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(await value("loop %d" % i))
        finally:
            out.append("fin %d" % i)
            await Suspend("loop finally %d" % i)
    return out


async def nested_finally():
    try:
        try:
            return "inner return"
        finally:
            print("inner finally")
            await Suspend("inner finally")
    finally:
        print("outer finally")
        await Suspend("outer finally")


async def return_value_captured():
    x = "before"
    try:
        return x
    finally:
        x = "changed in finally"
        print("x now", x)


print("result", run(finally_awaits()))
print("result", run(finally_overrides()))
print("result", run(finally_swallows()))
try:
    run(finally_raises())
except KeyError as e:
    print("finally_raises", type(e).__name__, e)
print("result", run(loop_with_finally()))
print("result", run(nested_finally()))
print("result", run(return_value_captured()))
