#!/usr/bin/env python3
# min-python: 3.7
# -*- coding: utf-8 -*-  (a shebang, this encoding comment, a docstring and `from __future__ import annotations` before async code)
"""Docstring of a module using postponed evaluation of annotations."""
from __future__ import annotations

import asyncio


class Manager:
    def __init__(self, name: Undefined) -> AlsoUndefined:
        self.name = name

    async def __aenter__(self) -> "str":
        await asyncio.sleep(0)
        return self.name

    async def __aexit__(self, exc_type: type | None, exc, tb) -> bool:
        print("aexit", self.name, exc_type.__name__ if exc_type else None)
        return False


class AIter:
    items: list[NotDefined]

    def __init__(self, *items: int):
        self.items = list(items)

    def __aiter__(self) -> AIter:
        return self

    async def __anext__(self) -> int:
        await asyncio.sleep(0)
        if not self.items:
            raise StopAsyncIteration
        return self.items.pop(0)


async def annotated(x: SomeType[int, "nested"],
                    *rest: tuple[str, ...],
                    flag: bool = True) -> Dict[str, Awaitable[None]]:
    """Docstring of an annotated coroutine."""
    total: int = 0
    async with Manager("ann") as name:
        async for i in AIter(x, 2):
            total += i
    return {name: total}


async def main() -> None:
    print(__doc__)
    print(annotated.__doc__)
    for key, value in sorted(annotated.__annotations__.items()):
        print(" ", key, repr(value))
    print(sorted(Manager.__aexit__.__annotations__.items()))
    print(AIter.__annotations__, AIter.__anext__.__annotations__)
    print(await annotated(5))


loop = asyncio.new_event_loop()
try:
    loop.run_until_complete(main())
finally:
    loop.close()
