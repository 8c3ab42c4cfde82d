# async with looks __aenter__/__aexit__ up on the type: instance attributes and __getattr__/__getattribute__ are ignored; methods added to the class later are used
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


class ClassMethods:
    async def __aenter__(self):
        print("class-level __aenter__")
        return "from class"

    async def __aexit__(self, exc_type, exc, tb):
        print("class-level __aexit__", exc_type)
        return False


async def instance_aenter():
    print("instance-level __aenter__ (must not run)")
    return "from instance"


async def instance_aexit(*args):
    print("instance-level __aexit__ (must not run)")
    return True


class InstanceOnly:
    def __init__(self):
        self.__aenter__ = instance_aenter
        self.__aexit__ = instance_aexit


class Dynamic:
    def __getattr__(self, name):
        print("__getattr__ called for", name, "(must not happen)")
        raise AttributeError(name)


class Intercepting(ClassMethods):
    def __getattribute__(self, name):
        print("__getattribute__ called for", name, "(must not happen)")
        return object.__getattribute__(self, name)


class Later:
    pass


async def main():
    m = ClassMethods()
    m.__aenter__ = instance_aenter
    m.__aexit__ = instance_aexit
    async with m as v:
        print("body", v)

    try:
        async with InstanceOnly() as v:
            print("body (unreachable)")
    except (AttributeError, TypeError) as e:
        print("InstanceOnly:", type(e).__name__, e)

    try:
        async with Dynamic():
            print("body (unreachable)")
    except (AttributeError, TypeError) as e:
        print("Dynamic:", type(e).__name__, e)

    async with Intercepting() as v:
        print("body", v)

    later = Later()

    async def aenter(self):
        print("aenter added to class later")
        return self

    async def aexit(self, *exc):
        print("aexit added to class later", exc[0])

    Later.__aenter__ = aenter
    Later.__aexit__ = aexit
    async with later as v:
        print("body", v is later)

    class Sub(ClassMethods):
        pass

    async with Sub() as v:
        print("inherited body", v)


run(main())
