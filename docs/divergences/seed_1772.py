# Random program 1772, shrunk: differs on CPython 3.9-3.13 (the async generator's finally runs later desugared). See docs/reliability.md.
def log(*parts):
    print(*parts)
class Suspend:
    """Awaiting one suspends the coroutine once; the driver's reply is the
    await's value."""
    def __init__(self, tag):
        self.tag = tag
    def __await__(self):
        reply = yield self.tag
class Manager:
    def __init__(self, name, suppress=False, fail_enter=False, fail_exit=False):
        self.name = name
    async def __aenter__(self):
        await Suspend("enter " + self.name)
    async def __aexit__(self, kind, value, traceback):
        await Suspend("exit " + self.name)
async def value(n):
    await Suspend("value %d" % n)
    return n
async def agen1(limit):
    try:
        for i in range(limit):
            received = yield i * 100
    finally:
        log('cleanup3')
async def work4():
    log('expr5', {'k': await value(5)}['k'] * 2)
    try:
        log('anext9', await g6.__anext__())
    finally:
        log('closed12')
async def work14():
    try:
        async with Manager('m15') as v16:
            raise RuntimeError('boom17')
            try:
                log('asend19', await g18.asend(4))
            finally:
                log('closed22')
    except (KeyError, RuntimeError) as e24:
        try:
            xs26 = [x + (await value(1)) async for x in agen1(3) if x != 20]
        finally:
                    c42 = await work4()
async def main():
    try:
        log('work4', await work4())
    except Exception as e110:
        log('work14', await work14())
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
for throw_at in [0, 2, 7]:
    drive(main(), throw_at)
