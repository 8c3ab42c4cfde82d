# athrow() into a suspended async generator that catches and yields: the awaitable completes with the new yielded value, after any awaits in the handler suspended the driver


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


async def resilient():
    n = 0
    while True:
        try:
            sent = yield n
            print("  gen: yield returned", repr(sent))
        except ValueError as e:
            print("  gen: caught", repr(e))
            got = await Suspend("handling %s" % (e,))
            print("  gen: handler await returned", repr(got))
            n += 100
            sent = yield "recovered from %s" % (e,)
            print("  gen: yield in handler returned", repr(sent))
        else:
            n += 1
            await Suspend("after normal yield %d" % n)


g = resilient()
print("start")
run(g.__anext__())
print("athrow(ValueError('one'))")
run(g.athrow(ValueError("one")))
print("asend('after recovery')")
run(g.asend("after recovery"))
print("athrow(ValueError) class")
run(g.athrow(ValueError))
print("athrow while suspended at the yield inside the handler")
run(g.athrow(ValueError("nested")))
print("asend('x') to the dead generator")
run(g.asend("x"))

g = resilient()
print("== fresh generator, exception it does not catch")
run(g.__anext__())
run(g.asend("y"))
print("athrow(KeyError('not caught'))")
run(g.athrow(KeyError("not caught")))
print("after the generator died")
run(g.__anext__())


async def catch_everything():
    for i in range(3):
        try:
            yield "item %d" % i
        except Exception as e:
            print("  gen: swallowed", type(e).__name__, e.args)
            yield "replacement for item %d" % i


async def consumer():
    g = catch_everything()
    out = []
    async for x in g:
        out.append(x)
        if x == "item 1":
            r = await g.athrow(RuntimeError("from consumer"))
            print("  consumer: athrow returned", repr(r))
    return out


print("== athrow awaited inside an async for over the same generator")
run(consumer())
