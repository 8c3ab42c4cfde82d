# values sent into an outer coroutine reach the innermost yield through nested awaits, and yields bubble out unchanged


class Ask:
    def __init__(self, question):
        self.question = question

    def __await__(self):
        answer = yield self.question
        print("  Ask got", repr(answer), "for", repr(self.question))
        return answer


class TwoStep:
    def __await__(self):
        first = yield "two-step first"
        second = yield "two-step second"
        return (first, second)


async def inner():
    a = await Ask("name?")
    b = await Ask("age?")
    return "%s is %s" % (a, b)


async def middle():
    r = await inner()
    pair = await TwoStep()
    return r, pair


async def outer():
    result = await middle()
    last = await Ask("done?")
    return result, last


answers = iter(["alice", 30, "x", "y", True])
coro = outer()
try:
    question = coro.send(None)
    while True:
        print("outer yielded", repr(question))
        reply = next(answers)
        print("sending", repr(reply))
        question = coro.send(reply)
except StopIteration as e:
    print("final", e.value)
