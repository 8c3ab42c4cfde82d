# form feeds (\x0c) at the start of lines inside async bodies, before the indentation, on blank lines and between definitions
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


class Manager:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        await Suspend("enter " + self.name)
        return self.name

    async def __aexit__(self, exc_type, exc, tb):
        print("aexit", self.name, exc_type.__name__ if exc_type else None)
        return False


class AIter:
    def __init__(self, *items):
        self.items = list(items)

    def __aiter__(self):
        return self

    async def __anext__(self):
        if not self.items:
            raise StopAsyncIteration
        return self.items.pop(0)



async def first_line_after_form_feed(n):
    total = n
    async with Manager("ff") as name:
        total += 1
        print("in with", name)

        # comment after a form feed
        async for i in AIter(1, 2):
            total += i
            if i == 1:
                continue
            print("loop", i)
        else:
            print("else")
    text = """string line
form feed inside the string
    end"""
    print(repr(text))
    return total


async def form_feed_mid_indentation(n):
        result = [n]
    async with Manager("mid") as m:
            result.append(m)
                result.append(await Suspend("mid await"))
      async for i in AIter("a"): result.append(i)
    return result


async def main():
    print(await first_line_after_form_feed(10))
    print(await form_feed_mid_indentation(0))


run(main())
