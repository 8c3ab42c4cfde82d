# calling a coroutine function without awaiting it: the body never runs and CPython emits one RuntimeWarning to stderr


async def forgotten(x):
    print("never printed", x)
    return x


print("before")
forgotten(1)
print("after")
