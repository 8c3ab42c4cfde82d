# an exception thrown into an await inside a comprehension abandons the comprehension's first iterator (an async generator, a sync generator): CPython 3.12+ inlines list, set and dict comprehensions and frees that iterator as the exception leaves the loop, before the enclosing finally runs; 3.6-3.11 (and generator expressions everywhere) keep it in the comprehension's frame until the traceback goes
import types


@types.coroutine
def suspend(label):
    yield label


async def step(n):
    await suspend("step %d" % n)
    return n


async def numbers(name):
    try:
        for i in range(3):
            yield i
    finally:
        print("  %s finally" % name)


def plain_numbers(name):
    try:
        for i in range(3):
            yield i
    finally:
        print("  %s finally" % name)


async def list_over_async_generator():
    try:
        return [x + (await step(x)) async for x in numbers("agen in list")]
    finally:
        print("  list comprehension's enclosing finally")


async def set_over_sync_generator():
    try:
        return {x + (await step(x)) for x in plain_numbers("generator in set")}
    finally:
        print("  set comprehension's enclosing finally")


async def dict_with_filter():
    try:
        return {x: x async for x in numbers("agen in dict") if await step(x) >= 0}
    finally:
        print("  dict comprehension's enclosing finally")


async def generator_expression():
    try:
        squares = (x * x async for x in numbers("agen in genexp") if await step(x) >= 0)
        return [y async for y in squares]
    finally:
        print("  generator expression's enclosing finally")


async def completes():
    # Run to the end: every iterator is finished before the finally.
    try:
        return [x + (await step(x)) async for x in numbers("finished agen")]
    finally:
        print("  completed comprehension's finally")


def drive(make, throw_at):
    coroutine = make()
    print(make.__name__, "throw at", throw_at)
    try:
        for n in range(20):
            if n == throw_at:
                label = coroutine.throw(ValueError("thrown"))
            else:
                label = coroutine.send(None)
            print("  suspended:", label)
    except StopIteration as stop:
        print("  returned", stop.value)
    except ValueError as error:
        print("  raised", error)
    print("  after the driver's handler")


for make in [list_over_async_generator, set_over_sync_generator, dict_with_filter, generator_expression]:
    drive(make, 1)
    drive(make, 2)
drive(completes, -1)
