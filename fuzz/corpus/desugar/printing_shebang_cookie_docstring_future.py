#!/usr/bin/env python3
# -*- coding: utf-8 -*-  shebang, coding cookie, module docstring and several __future__ imports (one sharing its line) before async code
"""Module docstring — the runtime prologue must go after it and after the
__future__ imports, never before them.

    async def not_code(): pass
"""
# a comment between the docstring and the future imports

from __future__ import (
    absolute_import,  # comment inside the parenthesized import
    division,
)
from __future__ import print_function
from __future__ import generator_stop; import sys  # shares its line with a plain import
# a comment right after the future imports
import asyncio


class Manager:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        await asyncio.sleep(0)
        return self.name

    async def __aexit__(self, exc_type, exc, tb):
        print("aexit", self.name, exc_type.__name__ if exc_type else None)
        return False


class AIter:
    def __init__(self, *items):
        self.items = list(items)

    def __aiter__(self):
        return self

    async def __anext__(self):
        await asyncio.sleep(0)
        if not self.items:
            raise StopAsyncIteration
        return self.items.pop(0)


async def main():
    """Coroutine docstring: ünïcödé."""
    print(ascii(__doc__))
    print(ascii(main.__doc__))
    print("sys imported:", "sys" in globals(), sys.version_info[0])
    async with Manager("m") as m:
        async for i in AIter(1, 2):
            print(m, i, i / 2)
    return "finished"


loop = asyncio.new_event_loop()
try:
    print(loop.run_until_complete(main()))
finally:
    loop.close()
