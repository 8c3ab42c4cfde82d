# random program 4872, shrunk: an async generator suspended inside `except ValueError as error` is abandoned by a returning async for; it is finalized when the coroutine ends, not at the next cycle collection
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
async def agen1(limit):
    try:
            received = yield i * 100
    finally:
            await Suspend('s16')
async def agen17(limit):
    try:
            g18 = agen1(2)
            try:
                log('anext19', await g18.__anext__())
            finally:
                log('closed24')
    except ValueError as error:
        yield -1
    finally:
        log('cleanup25')
async def work42():
    r43 = await value(17)
    if True:
        raise RuntimeError('boom44')
async def main():
    try:
        log('work26', await work26())
    except Exception as e52:
        log('work26', 'raised', repr(e52))
    try:
        log('work42', await work42())
    except Exception as e53:
        log('expr54', {'k': await value(3)}['k'] * 2)
        log('expr55', (await value(5)) + (await value(6)))
        async for x56 in agen17(2):
                        return 'ret87'
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
for throw_at in [0, 6, 12]:
    drive(main(), throw_at)
