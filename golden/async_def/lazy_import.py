# min-python: 3.15
# PEP 810 lazy imports pass through untouched: `lazy import` and `lazy from ... import` at module level stay lazy until a coroutine first uses the name
lazy import colorsys
lazy from fractions import Fraction
import asyncio
import sys

print("colorsys loaded before use:", "colorsys" in sys.modules)


async def convert():
    await asyncio.sleep(0)
    print("hls:", colorsys.rgb_to_hls(1.0, 0.0, 0.0))
    return Fraction(3, 6)


print("result:", asyncio.run(convert()))
print("colorsys loaded after use:", "colorsys" in sys.modules)
