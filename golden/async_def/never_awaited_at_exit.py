# coroutines never awaited that are still alive when the interpreter exits:
# finalized during shutdown, some with no Python frame running, with the
# warning shown and with warnings turned into errors (then unraisable)
import sys
import warnings


async def kept_in_a_global():
    pass


async def kept_in_a_list():
    pass


class Holder:
    def __init__(self):
        self.coro = kept_in_a_list()


print("start")
pending = kept_in_a_global()
holders = [Holder()]
if sys.argv[1:] != ["--warn"]:
    warnings.simplefilter("error")
print("end of module")
