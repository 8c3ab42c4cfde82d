# max-python: 3.13
# await in the annotations of a nested def, evaluated when the def runs; 3.14+
# defers annotations (PEP 649) and rejects await there at compile time


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


async def main():
    def annotated(p: await aw("param annotation", int) = 0) -> await aw("return annotation", str):
        return str(p)

    print("annotations", annotated.__annotations__)

    async def annotated_async(p: await aw("async param annotation", int)) -> await aw("async return", None):
        pass

    print("async annotations", annotated_async.__annotations__)
    return "done"


print(run(main()))
