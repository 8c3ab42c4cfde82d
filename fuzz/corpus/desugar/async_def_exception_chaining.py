# exceptions raised while handling others inside coroutines keep __context__/__cause__ across awaits; uncaught chain at the end


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


async def fails(msg):
    await Suspend("fails " + msg)
    raise ValueError(msg)


async def handler_awaits():
    try:
        await fails("original")
    except ValueError as e:
        print("handling", e)
        await Suspend("inside except")
        raise KeyError("during handling")


async def explicit_cause():
    try:
        await fails("cause")
    except ValueError as e:
        raise TypeError("explicit") from e


async def suppressed():
    try:
        await fails("hidden")
    except ValueError:
        raise LookupError("suppressed context") from None


async def reraise_bare():
    try:
        await fails("bare")
    except ValueError:
        await Suspend("before bare raise")
        raise


def describe(e):
    print(type(e).__name__, e,
          "| context:", type(e.__context__).__name__, e.__context__,
          "| cause:", type(e.__cause__).__name__, e.__cause__,
          "| suppress:", e.__suppress_context__)


for fn in (handler_awaits, explicit_cause, suppressed, reraise_bare):
    try:
        run(fn())
    except Exception as e:
        describe(e)


async def exc_info_restored():
    import sys
    try:
        raise IndexError("outer")
    except IndexError:
        try:
            await fails("nested")
        except ValueError:
            pass
        print("exc_info after nested handler:", type(sys.exc_info()[1]).__name__)
    print("exc_info after handler:", sys.exc_info()[0])


run(exc_info_restored())
print("final uncaught chain")
run(explicit_cause())
