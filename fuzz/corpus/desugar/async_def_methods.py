# async methods: instance, @classmethod, @staticmethod, async __call__, async dunders, super() inside async methods


def run(coro):
    try:
        while True:
            print("yielded", coro.send(None))
    except StopIteration as e:
        return e.value


class Suspend:
    def __init__(self, label):
        self.label = label

    def __await__(self):
        yield self.label


class Base:
    instances = 0

    def __init__(self, name):
        self.name = name

    async def greet(self, other):
        await Suspend("greet " + self.name)
        return "hello %s from %s" % (other, self.name)

    @classmethod
    async def make(cls, name):
        await Suspend("make " + cls.__name__)
        cls.instances += 1
        return cls(name)

    @staticmethod
    async def add(a, b):
        await Suspend("add")
        return a + b

    async def __call__(self, x):
        await Suspend("call " + self.name)
        return "%s called with %r" % (self.name, x)

    async def __getitem__(self, key):
        await Suspend("getitem %r" % (key,))
        return key * 2

    async def __add__(self, other):
        await Suspend("add dunder")
        return self.name + "+" + other.name

    @property
    async def upper(self):
        return self.name.upper()


class Child(Base):
    async def greet(self, other):
        base = await super().greet(other)
        return base + " (child)"

    @classmethod
    async def make(cls, name):
        obj = await super().make(name + "!")
        print("Child.make got", type(obj).__name__, obj.name)
        return obj

    @staticmethod
    async def add(a, b):
        return "child " + str(await Base.add(a, b))


async def main():
    b = await Base.make("base")
    c = await Child.make("kid")
    print(await b.greet("alice"))
    print(await c.greet("bob"))
    print(await Base.greet(c, "carol"))
    print(await b.add(1, 2), await Base.add(3, 4), await c.add(5, 6), await Child.add(7, 8))
    print(await b("x"), "|", await c(42))
    print(await b[21], await c["ab"])
    print(await (b + c))
    print(await b.upper)
    bound = c.greet
    print("bound method call", await bound("dave"))
    print("instances", Base.instances, Child.instances)
    return "done"


print(run(main()))
