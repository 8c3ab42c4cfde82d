# random program 2342, shrunk: an exception thrown into an async comprehension's await abandons its async generator, which CPython finalizes as soon as the driver drops the exception
def log(*parts):
    print(*parts)
class Suspend:
    """Awaiting one suspends the coroutine once; the driver's reply is the
    await's value."""
    def __init__(self, tag):
        self.tag = tag
    def __await__(self):
        reply = yield self.tag
async def value(n):
    await Suspend("value %d" % n)
    return n
async def agen22(limit):
    try:
        for i in range(limit):
            received = yield i * 100
    finally:
        log('cleanup23')
async def work58():
    r59 = await value(12)
async def main():
    try:
        log('work58', await work58())
    except Exception as e93:
        log('work58', 'raised', repr(e93))
    async def finish():
        xs95 = [x + (await value(1)) async for x in agen22(4) if x != 20]
        try:
            await Suspend('s125')
        except Exception as e126:
            r131 = await value(2)
    log('main', await finish())
def drive(coroutine, throw_at):
    """Steps `coroutine` to its end, logging each suspension; throws
    ValueError into it at step `throw_at`."""
    reply = None
    step = 0
    while True:
        step += 1
        try:
            if step == throw_at:
                tag = coroutine.throw(ValueError("thrown %d" % step))
            else:
                tag = coroutine.send(reply)
        except Exception as error:
            return
for throw_at in [0, 6, 7]:
    drive(main(), throw_at)
