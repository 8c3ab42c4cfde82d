# min-python: 3.8
# self-documenting f-strings with await: the expression text (including whitespace) is printed before the value


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
    print(f"{await aw('x', 'hello')=}")
    print(f"{await aw('y', 3) = }")
    print(f"{await aw('z', 'str')=!s}")
    print(f"{await aw('f', 2.5)=:>8.3f}")
    print(f"{(await aw('d', {'k': 1}))['k']=}")
    print(f"{await aw('a', 1) + await aw('b', 2)=}")
    # Fields starting lines of a triple-quoted f-string: their text is part
    # of the string's value, which moving the body deeper must not indent.
    print(f"""first line
{await aw('m', 'multi')=}
  {await aw('n', 'indented')=}""")
    return "done"


print(run(main()))
