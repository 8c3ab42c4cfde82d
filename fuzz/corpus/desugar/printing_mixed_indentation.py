# indentation differs per block: a tab-indented class first, then functions indented by 8, 3 and 1 spaces, and uneven levels inside one function
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


async def eight(n):
        async with Manager("eight") as m:
                async for i in AIter(*range(n)):
                        print(m, i)
                        if i == 1:
                                break
        async with Manager("eight-one-liner"): print("one-liner in an 8-space function"); n += 1
        return n


async def three(n):
   total = 0
   async for i in AIter(*range(n)):
      async with Manager("three%d" % i):
         total += i
         text = """three-space function
   string line
"""
      print(repr(text))
   async for j in AIter("x"): total += 10
   return total


async def one(n):
 async with Manager("one") as name:
  async for i in AIter(n, n + 1):
   print(name, i)
 return n * 2


async def uneven(n):
    # levels: 4, then +2, then +6, then +1, then +3
    async with Manager("uneven") as u:
      async for i in AIter(*range(n)):
            if i % 2 == 0:
             async with Manager("deep%d" % i):
                print("deep", u, i)
            else:
             continue
      else:
            print("uneven loop done")
    return n


async def tabbed(n):
	async with Manager("tabbed") as t:
		async for i in AIter(*range(n)):
			print(t, i)
	async with Manager("tab-one-liner"): print("one-liner in a tab function")
	return n


async def main():
    print("eight ->", await eight(3))
    print("three ->", await three(3))
    print("one ->", await one(5))
    print("uneven ->", await uneven(4))
    print("tabbed ->", await tabbed(2))


run(main())
