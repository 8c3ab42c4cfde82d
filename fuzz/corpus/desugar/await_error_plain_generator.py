# awaiting a plain generator (not decorated with types.coroutine) raises TypeError; the generator is left untouched


def run(coro):
    try:
        while True:
            print("yielded", coro.send(None))
    except StopIteration as e:
        return e.value


def plain_gen():
    print("plain_gen body runs")
    yield "plain"
    return "plain result"


class AwaitReturnsPlainGen:
    def __await__(self):
        return plain_gen()


async def main():
    g = plain_gen()
    try:
        await g
    except TypeError as e:
        print("plain generator ->", type(e).__name__, e)
    print("generator still usable:", next(g))
    g.close()
    try:
        await (x for x in range(3))
    except TypeError as e:
        print("generator expression ->", type(e).__name__, e)
    print("but a plain generator returned by __await__ is fine:", await AwaitReturnsPlainGen())
    return "done"


print(run(main()))
