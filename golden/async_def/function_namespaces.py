# a desugared async function's __globals__ is its module's namespace and its
# __closure__ its own free variables, as for the native function: what
# typing.get_type_hints, inspect.getclosurevars and frameworks resolving string
# annotations (pydantic, FastAPI) read
from __future__ import annotations

import inspect
import typing

LIMIT = 3


class Item:
    pass


async def fetch(item: Item, limit: int = LIMIT) -> Item:
    return item if limit else None


async def stream(item: Item) -> typing.AsyncIterator[Item]:
    yield item


def make():
    captured = "free variable"

    async def inner() -> Item:
        return captured

    return inner


inner = make()
print(typing.get_type_hints(fetch))
print(typing.get_type_hints(stream))
print(typing.get_type_hints(inner))
print(fetch.__globals__ is globals(), fetch.__globals__["__name__"], stream.__globals__ is globals())
print(fetch.__closure__, [cell.cell_contents for cell in inner.__closure__], inner.__code__.co_freevars)
variables = inspect.getclosurevars(inner)
# (its `globals` would list the runtime helpers the body calls, see docs/limits.md)
print(sorted(variables.nonlocals.items()), sorted(variables.builtins))
print(inspect.signature(fetch, eval_str=True) if hasattr(inspect, "get_annotations") else "(no eval_str)")
