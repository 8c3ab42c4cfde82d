# 3.14+ evaluates a function's annotations when they are first asked for
# (PEP 649): a coroutine or async generator function whose annotations name
# something defined later is defined without error, and its annotations
# see what the names hold when read. Before 3.14 the definition raises
# NameError. Either way the desugared functions must do the same.
import inspect
import sys


def define():
    try:
        async def fetch(key: Key, default: "str" = "") -> Value:
            return key

        print("fetch defined")
    except NameError as error:
        print("fetch: NameError at definition:", error)
        fetch = None
    try:
        async def stream(count: Count):
            yield count

        print("stream defined")
    except NameError as error:
        print("stream: NameError at definition:", error)
        stream = None
    return fetch, stream


fetch, stream = define()


class Node:
    try:
        async def clone(self) -> Node:
            return self

        print("clone defined")
    except NameError as error:
        print("clone: NameError at definition:", error)


for function in (fetch, stream):
    if function is not None:
        try:
            print(function.__name__, function.__annotations__)
        except NameError as error:
            print(function.__name__, "NameError when read:", error)

Key, Value, Count = str, bytes, int
for function in (fetch, stream, getattr(Node, "clone", None)):
    if function is not None:
        print(function.__name__, function.__annotations__)
        print(function.__name__, inspect.signature(function))
        if sys.version_info >= (3, 14):
            import annotationlib

            print(annotationlib.get_annotations(function, format=annotationlib.Format.STRING))
