# driving coroutines by hand with send/throw/close, including throw into a suspended coroutine with try/except/finally


class Suspend:
    def __init__(self, label):
        self.label = label

    def __await__(self):
        got = yield self.label
        print("  [%s resumed with %r]" % (self.label, got))
        return got


def show(label, fn):
    try:
        print(label, "->", repr(fn()))
    except StopIteration as e:
        print(label, "-> StopIteration", repr(e.value))
    except BaseException as e:
        print(label, "-> raised", type(e).__name__, e)


async def echo():
    total = []
    try:
        while True:
            v = await Suspend("echo")
            if v == "stop":
                return total
            total.append(v)
    finally:
        print("  echo finally, total", total)


print("== send values")
c = echo()
show("send None", lambda: c.send(None))
show("send 1", lambda: c.send(1))
show("send 2", lambda: c.send(2))
show("send stop", lambda: c.send("stop"))
show("send after end", lambda: c.send(None))

print("== non-None into just-started coroutine")
c = echo()
show("send 5 first", lambda: c.send(5))
c.close()


async def guarded():
    print("  guarded start")
    try:
        print("  guarded in try")
        await Suspend("first")
        print("  after first")
    except KeyError as e:
        print("  guarded caught", type(e).__name__, e)
        got = await Suspend("after-catch")
        print("  got after catch", got)
        return "recovered " + str(got)
    except ValueError:
        print("  guarded re-raising as TypeError")
        raise TypeError("converted")
    else:
        print("  guarded else")
        return "no exception"
    finally:
        print("  guarded finally")


print("== throw into unstarted coroutine")
c = guarded()
show("throw KeyError", lambda: c.throw(KeyError("early")))
show("send after", lambda: c.send(None))

print("== throw caught, coroutine continues")
c = guarded()
show("start", lambda: c.send(None))
show("throw KeyError", lambda: c.throw(KeyError("k")))
show("send 99", lambda: c.send(99))

print("== throw converted")
c = guarded()
show("start", lambda: c.send(None))
show("throw ValueError", lambda: c.throw(ValueError("v")))

print("== throw not handled")
c = guarded()
show("start", lambda: c.send(None))
show("throw OSError", lambda: c.throw(OSError("o")))

print("== throw exception class")
c = guarded()
show("start", lambda: c.send(None))
show("throw KeyError class", lambda: c.throw(KeyError))
show("send x", lambda: c.send("x"))

print("== normal completion")
c = guarded()
show("start", lambda: c.send(None))
show("send None", lambda: c.send(None))

print("== close suspended")


async def closable():
    try:
        await Suspend("closable")
    except GeneratorExit:
        print("  saw GeneratorExit")
        raise
    finally:
        print("  closable finally")


c = closable()
show("start", lambda: c.send(None))
show("close", lambda: c.close())
show("close again", lambda: c.close())
show("send after close", lambda: c.send(None))

print("== close unstarted")
c = closable()
show("close", lambda: c.close())

print("== ignoring GeneratorExit")


async def stubborn():
    try:
        await Suspend("stubborn")
    except GeneratorExit:
        print("  stubborn ignores GeneratorExit")
    await Suspend("stubborn again")


c = stubborn()
show("start", lambda: c.send(None))
show("close", lambda: c.close())

print("== other exception during close")


async def raises_on_close():
    try:
        await Suspend("roc")
    finally:
        raise LookupError("from finally")


c = raises_on_close()
show("start", lambda: c.send(None))
show("close", lambda: c.close())

print("== swallowing GeneratorExit by returning")


async def returns_on_close():
    try:
        await Suspend("rc")
    except GeneratorExit:
        print("  returning instead")
        return "ret value"


c = returns_on_close()
show("start", lambda: c.send(None))
show("close", lambda: c.close())

print("== throw into finished coroutine")
c = returns_on_close()
show("start", lambda: c.send(None))
show("send", lambda: c.send(None))
show("throw", lambda: c.throw(KeyError("late")))
