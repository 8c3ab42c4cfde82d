# a one-line async def whose body starts with a docstring on the header line, alone or followed by `; stmt`
class Suspend:
    """Awaitable that yields its label to the driver once and returns what the driver sends back."""

    def __init__(self, label):
        self.label = label

    def __await__(self):
        sent = yield self.label
        return sent


def run(coro):
    """Drive a coroutine by hand, printing every suspension."""
    n = 0
    value = None
    try:
        while True:
            label = coro.send(value)
            n += 1
            value = "sent%d" % n
            print("  driver: suspended at", repr(label), "-> resume with", repr(value))
    except StopIteration as e:
        print("  driver: finished with", repr(e.value))
        return e.value


async def only_doc(): "only a docstring"
async def doc_then_return(): "docstring on the header line"; return "returned"
async def doc_then_await(): """triple-quoted docstring"""; return await Suspend("after doc")
async def doc_then_two(): 'doc'; x = 1; return x + 1  # comment


class Methods:
    async def method(self): "method docstring"; return "method result"


async def main():
    for fn in (only_doc, doc_then_return, doc_then_await, doc_then_two, Methods().method):
        print(fn.__name__, repr(fn.__doc__), repr(await fn()))


run(main())
