# min-python: 3.7
# await inside f-strings: plain, with !r/!s/!a conversions, format specs, nested format specs and multiple fields in order


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


class Fmt:
    def __format__(self, spec):
        print("Fmt.__format__ called with", repr(spec))
        return "<fmt %s>" % spec

    def __repr__(self):
        return "Fmt()"

    def __str__(self):
        return "Fmt-str"


async def main():
    print(f"plain {await aw('p', 42)}")
    cafe = "caf\u00e9"
    print(f"repr {await aw('r', 'text')!r} str {await aw('s', 'text')!s} ascii {await aw('a', cafe)!a}")
    print(f"spec [{await aw('w', 3.14159):>10.2f}]")
    print(f"nested spec [{await aw('v', 'x'):{await aw('fill', '*')}^{await aw('width', 7)}}]")
    print(f"{await aw('first', 1)}-{await aw('second', 2)}-{await aw('third', 3)}")
    print(f"expr {(await aw('d', {'k': 'v'}))['k']} {await aw('n', 2) * 10}")
    print(f"custom {await aw('fmt', Fmt()):spec!} conv {await aw('fmt2', Fmt())!r}")
    print(f"{'literal'} and {await aw('tail', 'end')}")
    label = "outer"
    print(f"mixed {label} {await aw('m', 5)} {label.upper()}")
    return f"returned {await aw('ret', 'value')}"


print(run(main()))
