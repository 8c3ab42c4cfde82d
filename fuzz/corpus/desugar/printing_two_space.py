# a file indented with two spaces: moved async bodies and generated lines must follow the 2-space unit
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
    return exc_type is ValueError


class AIter:
  def __init__(self, *items):
    self.items = list(items)

  def __aiter__(self):
    return self

  async def __anext__(self):
    if not self.items:
      raise StopAsyncIteration
    return self.items.pop(0)


async def nested(n):
  found = []
  async with Manager("a") as a:
    async for i in AIter(*range(n)):
      async with Manager("b%d" % i) as b:
        async for j in AIter(*range(i)):
          if j == 1:
            break
          found.append((a, b, j))
          s = """two-space file,
  string line with two spaces
    and four
"""
          print(repr(s))
        else:
          print("inner loop exhausted", i)
        if i == 2:
          raise ValueError("suppressed by b2")
    else:
      print("outer loop exhausted")
  async with Manager("c"): found.append("one-liner")
  async for k in AIter("k"): found.append(k)
  return found


async def main():
  result = await nested(4)
  print(result)
  return len(result)


run(main())
