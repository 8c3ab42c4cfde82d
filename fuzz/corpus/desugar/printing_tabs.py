# a file indented with tabs only: moved async bodies must be re-indented with tabs
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
		return exc_type is KeyError


class AIter:
	def __init__(self, *items):
		self.items = list(items)

	def __aiter__(self):
		return self

	async def __anext__(self):
		if not self.items:
			raise StopAsyncIteration
		return self.items.pop(0)


async def work(n):
	"""Docstring
	with a second line."""
	total = 0
	async with Manager("outer") as outer:
		async for i in AIter(*range(n)):
			if i % 2:
				continue
			async with Manager("inner%d" % i) as inner:
				total += i
				text = """tab-indented string line
    spaces inside the string
		two tabs inside the string
"""
				print(inner, repr(text))
				if i == 2:
					raise KeyError(i)
		else:
			print("loop done", outer)
	async with Manager("one"): print("one-liner"); total += 100
	async for x in AIter("a"): print("loop one-liner", x)
	try:
		async with Manager("fail"):
			{}["missing"]
	except KeyError:
		print("not reached: suppressed")
	return total


async def main():
	print(work.__doc__.splitlines())
	result = await work(5)
	print("result", result)
	return result


run(main())
