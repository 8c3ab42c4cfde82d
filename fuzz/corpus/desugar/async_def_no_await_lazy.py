# a coroutine without any await is still lazy: arguments are evaluated at call time, the body only runs when driven


def side(label, value):
    print("evaluating", label)
    return value


async def no_await(x, y=side("default y", 5)):
    print("body runs with", x, y)
    return x * y


def run(coro):
    try:
        while True:
            print("yielded", coro.send(None))
    except StopIteration as e:
        return e.value


print("after def")
c1 = no_await(side("arg x", 3))
print("called once, body not run yet")
c2 = no_await(side("arg x", 4), side("arg y", 10))
print("called twice, body still not run")
print("driving second first ->", run(c2))
print("driving first ->", run(c1))

c3 = no_await(7)
try:
    c3.send(None)
except StopIteration as e:
    print("send(None) finished immediately with", e.value, e.args)

c4 = no_await(8)
print("closing a never-started coroutine")
c4.close()
print("closed; body did not run")
try:
    c4.send(None)
except RuntimeError as e:
    print(type(e).__name__, e)


async def awaits_no_await():
    print("outer body start")
    r = await no_await(2, 3)
    print("outer got", r)
    return r


c5 = awaits_no_await()
print("outer created")
print("outer result", run(c5))
