# triple-quoted strings (plain, f, bytes, raw, implicit concatenation) inside moved async bodies keep their exact contents
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


async def documented(x):
    """First line of the docstring.

    async with looks_like_code() as but_is_not:
        await nothing
not indented at all
	a tab-indented line

        trailing spaces here ->   
    """
    plain = """
def inner():
    return 1
    async for x in y:
        pass

"""
    print(repr(plain))
    return x


async def strings_in_with():
    async with Manager("m") as name:
        value = await Suspend("in body")
        again = await Suspend("before f-string")
        text = f"""name={name}
  value={value!r}
{name.upper()}
    nested {again} done
"""
        print(repr(text))
        data = b"""bytes line one
    bytes line two
\tescaped tab
"""
        print(repr(data))
        raw = r"""raw \n not a newline
    \d+ regex-like
C:\path\to\file
"""
        print(repr(raw))
        rb = rb'''raw bytes \x00
  second'''
        print(repr(rb))
    print(repr("""after the block
    still in the string"""))


async def strings_in_for():
    async for item in AIter("a", "b"):
        joined = ("first part "
                  """triple
  inner
""" 'single part '
            f'''f part {item}
      end''')
        print(repr(joined))
        if item == "a":
            note = '''
        if True:
    print("indented oddly")
'''
            print(repr(note))
            continue
        print(repr("""single-line triple"""), repr('''x'''))
    else:
        print(repr("""else
block string"""))


async def string_starts_on_header_line():
    async with Manager("h"): print(repr("""on the header
line two
  line three"""))
    async for x in AIter(1): print(repr(f"""x={x}
next"""))
    return """returned
    string
"""


async def main():
    print(repr(documented.__doc__))
    print(await documented(7))
    await strings_in_with()
    await strings_in_for()
    print(repr(await string_starts_on_header_line()))
    return """done
"""


run(main())
