# the file already uses names starting with `_unawait_` (and `_unawait1_`), so the names the tool introduces must use another prefix
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


_unawait_await = 5
_unawait_coroutine = "not a decorator"
_unawait_exc_info = ("mine",)
_unawait1_ok = [1]


class Manager:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
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


async def uses_the_names(_unawait_iter):
    _unawait_ok = "user ok"
    _unawait_aenter = "user aenter"
    _unawait_aexit = "user aexit"
    _unawait_running = "user running"
    _unawait_exc = "user exc"
    async with Manager("outer") as _unawait_value:
        async for _unawait_item in AIter(*_unawait_iter):
            async with Manager("inner"):
                print(_unawait_item, await Suspend(_unawait_item))
                if _unawait_item == "b":
                    raise KeyError("suppressed")
        print("after loop", _unawait_value)
    print(_unawait_ok, _unawait_aenter, _unawait_aexit, _unawait_running, _unawait_exc)
    print(_unawait_iter, _unawait_item)
    return _unawait_await + len(_unawait1_ok)


async def helper_parameter_names(_unawait_new, _unawait_origin_tracking_depth=2, *, new=3, made=4):
    # Names the runtime's helpers use internally, as parameters.
    return _unawait_new + _unawait_origin_tracking_depth + new + made


async def main():
    print(await uses_the_names(["a", "b", "c"]))
    print(await helper_parameter_names(1))
    try:
        raise ValueError("in main")
    except ValueError:
        print(_unawait_exc_info, _unawait_coroutine)


run(main())
print("_unawait_await =", _unawait_await)
print(_unawait_coroutine, _unawait_exc_info, _unawait1_ok)
