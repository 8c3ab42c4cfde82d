# yield as an expression in many positions: bare yield, yield inside larger expressions and calls, parenthesised yield, yield of a tuple, yield in a loop condition, with asend supplying the values


class Suspend:
    """Awaitable that suspends once, handing its label to the driver, and returns what the driver sends back."""

    def __init__(self, label):
        self.label = label

    def __await__(self):
        reply = yield self.label
        return reply


def run(aw):
    """Drive one awaitable (a coroutine, agen.__anext__(), asend(), athrow(), aclose()) by hand."""
    n = 0
    reply = None
    try:
        while True:
            label = aw.send(reply)
            n += 1
            reply = "r%d" % n
            print("  driver: suspended at", repr(label), "-> resume with", repr(reply))
    except StopIteration as e:
        print("  driver: completed with", repr(e.value))
        return e.value
    except StopAsyncIteration:
        print("  driver: StopAsyncIteration")
    except Exception as e:
        print("  driver: raised %s: %s" % (type(e).__name__, e))


async def expressions():
    a = yield
    print("  bare yield gave", repr(a))
    b = (yield "x") + (yield "y")
    print("  sum of two yields", repr(b))
    c = [(yield "list item 1"), (yield "list item 2")]
    print("  list of yields", c)
    print("  print((yield)) ->", (yield "inside print"))
    d = yield 1, 2
    print("  yield of a tuple gave", repr(d))
    e = await Suspend("await between") + (yield "after await")
    print("  await + yield", repr(e))
    f = {"k": (yield "dict value")}
    print("  dict", f)
    while (yield "loop condition") != "stop":
        print("  loop body")
    x = yield (yield "yield of yield")
    print("  yield of yield gave", repr(x))
    yield


g = expressions()
sends = [None, "A", "B", "C", "L1", "L2", "P", "T", "E", "D", "go", "go", "stop", "inner", "outer", "last"]
for s in sends:
    print("asend(%r)" % (s,))
    run(g.asend(s))
