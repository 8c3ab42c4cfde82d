# throw()/close() on a coroutine suspended inside an await are delegated to the awaited coroutine/generator/iterator


class Suspend:
    def __init__(self, label):
        self.label = label

    def __await__(self):
        try:
            got = yield self.label
        except KeyError as e:
            print("  generator __await__ caught", type(e).__name__, e)
            got = yield self.label + " (after catch)"
            return "gen handled " + str(got)
        finally:
            print("  generator __await__ finally", self.label)
        return got


class IterNoThrow:
    """__await__ returns an iterator without throw/close: exceptions appear at the await."""

    def __await__(self):
        return self

    def __iter__(self):
        return self

    def __next__(self):
        print("  IterNoThrow.__next__")
        return "plain-iter"


class IterWithThrow(IterNoThrow):
    def throw(self, *args):
        print("  IterWithThrow.throw", [type(a).__name__ for a in args])
        raise StopIteration("iter handled")

    def close(self):
        print("  IterWithThrow.close")


def show(label, fn):
    try:
        print(label, "->", repr(fn()))
    except StopIteration as e:
        print(label, "-> StopIteration", repr(e.value))
    except BaseException as e:
        print(label, "-> raised", type(e).__name__, e)


async def inner():
    try:
        return await Suspend("inner")
    finally:
        print("  inner finally")


async def outer(awaitable):
    try:
        result = await awaitable
        print("  outer got", repr(result))
        return result
    except KeyError as e:
        print("  outer caught", type(e).__name__, e)
        return "outer handled"
    finally:
        print("  outer finally")


print("== throw through native coroutine into generator __await__")
c = outer(inner())
show("start", lambda: c.send(None))
show("throw KeyError", lambda: c.throw(KeyError("k1")))
show("send 5", lambda: c.send(5))

print("== throw not handled by generator, handled by outer")
c = outer(Suspend("direct"))
show("start", lambda: c.send(None))
show("throw ValueError", lambda: c.throw(ValueError("v")))

print("== throw into iterator without throw method")
c = outer(IterNoThrow())
show("start", lambda: c.send(None))
show("throw KeyError", lambda: c.throw(KeyError("k2")))

print("== throw into iterator with throw method")
c = outer(IterWithThrow())
show("start", lambda: c.send(None))
show("throw KeyError", lambda: c.throw(KeyError("k3")))

print("== close delegates")
c = outer(inner())
show("start", lambda: c.send(None))
show("close", lambda: c.close())

print("== close iterator with close method")
c = outer(IterWithThrow())
show("start", lambda: c.send(None))
show("close", lambda: c.close())

print("== close iterator without close method")
c = outer(IterNoThrow())
show("start", lambda: c.send(None))
show("close", lambda: c.close())

print("== send non-None to iterator without send")
c = outer(IterNoThrow())
show("start", lambda: c.send(None))
show("send None", lambda: c.send(None))
show("send 1", lambda: c.send(1))
