# await in default values, keyword-only defaults and decorator arguments of nested defs and async defs
# (await in annotations: annotation_awaits.py)


def run(coro):
    try:
        while True:
            print("yielded", coro.send(None))
    except StopIteration as e:
        return e.value


class Step:
    def __init__(self, label, value):
        self.label = label
        self.value = value

    def __await__(self):
        print("await", self.label)
        yield self.label
        return self.value


def aw(label, value):
    print("create", label)
    return Step(label, value)


def tag(name):
    print("decorator factory", name)

    def deco(fn):
        print("decorating", fn.__name__, "with", name)
        fn.tag = name
        return fn
    return deco


async def main():
    def plain(a=await aw("a default", 1), *, b=await aw("b default", 2)):
        return a, b

    print("plain defaults", plain.__defaults__, plain.__kwdefaults__, plain())

    async def nested(x=await aw("x default", 10)):
        await Step("nested body", None)
        return x * 2

    print("nested async default", nested.__defaults__, await nested(), await nested(1))

    @tag(await aw("decorator arg", "T1"))
    def decorated():
        return "decorated body"

    print("decorated", decorated.tag, decorated())

    @tag(await aw("outer deco arg", "outer"))
    @tag(await aw("inner deco arg", "inner"))
    async def stacked(v=await aw("stacked default", "d")):
        return v

    print("stacked", stacked.tag, await stacked())

    def defaults_are_evaluated_once(acc=await aw("list default", [])):
        acc.append(len(acc))
        return acc

    print(defaults_are_evaluated_once(), defaults_are_evaluated_once())
    return "done"


print(run(main()))
