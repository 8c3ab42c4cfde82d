# await in class definitions inside an async def: bases, metaclass and class keywords, decorator arguments, evaluation order


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


class Base:
    def hello(self):
        return "hello from Base"


class Mixin:
    def mix(self):
        return "mixed in"


class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        print("Meta.__new__", name, [b.__name__ for b in bases], sorted(kw.items()))
        return super().__new__(mcls, name, bases, ns)

    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)


class WithInitSubclass:
    def __init_subclass__(cls, flag=None, **kw):
        print("__init_subclass__", cls.__name__, "flag", flag)
        cls.flag = flag


def deco(label):
    print("deco factory", label)

    def apply(cls):
        print("decorating class", cls.__name__, "with", label)
        return cls
    return apply


async def base():
    await Step("base()", None)
    return Base


async def main():
    class C(await base()):
        print("class C body runs")

        def who(self):
            return "C"

    print(C().hello(), C().who(), [k.__name__ for k in C.__mro__])

    @deco(await aw("deco arg", "D"))
    class D(await aw("first base", Base), Mixin, await aw("third base", WithInitSubclass),
            flag=await aw("flag kw", "on")):
        print("class D body runs")

    print(D().hello(), D().mix(), D.flag)

    class E(metaclass=await aw("metaclass", Meta), extra=await aw("extra kw", 1)):
        pass

    print("E metaclass", type(E).__name__)

    local_value = await aw("local", 99)

    class F(*await aw("star bases", (Base, Mixin))):
        attr = local_value

    print("F", [k.__name__ for k in F.__mro__], F.attr)

    class G(**await aw("kw dict", {"metaclass": Meta})):
        pass

    print("G metaclass", type(G).__name__)
    return "done"


print(run(main()))
