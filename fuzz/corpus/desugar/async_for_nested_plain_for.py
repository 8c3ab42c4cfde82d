# async for whose body contains plain for loops with their own break/continue/else; a plain break must not end the async loop and vice versa
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


class AIter:
    def __init__(self, items):
        self.items = list(items)

    def __aiter__(self):
        return self

    async def __anext__(self):
        await Suspend("anext")
        if not self.items:
            raise StopAsyncIteration
        return self.items.pop(0)


async def main():
    async for word in AIter(["apple", "sky", "banana", "rhythm", "never"]):
        for ch in word:
            if ch in "aeiou":
                print(word, "first vowel", ch)
                break
        else:
            print(word, "has no vowel")
            continue
        if word == "rhythm":
            print("unreachable: words without a vowel continued above")
        for i in range(3):
            if i == 1:
                continue
            if word == "banana" and i == 2:
                break
            print("  inner", word, i)
        else:
            print("  inner else", word)
    else:
        print("async else runs")

    print("break out of the async loop from below a plain for:")
    async for n in AIter([1, 2, 3]):
        for k in range(n):
            pass
        else:
            if n == 2:
                break
        print("  n", n)
    print("  n after =", n, "k after =", k)

    print("plain for containing an async for:")
    for outer in range(2):
        async for inner in AIter("ab"):
            if inner == "b":
                break
            print("  ", outer, inner)
        else:
            print("  (must not run)")
    else:
        print("  plain for else")


run(main())
