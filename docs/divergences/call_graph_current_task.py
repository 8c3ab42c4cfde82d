# Known difference (CPython 3.14+): asyncio's call graph of the *current*
# task, and the "async" label of format_call_graph().
#
# capture_call_graph() called from inside a task walks the frames of the
# running stack and stops at the first frame below a coroutine frame that
# belongs to no generator (`frame.f_generator`). A desugared coroutine's frame
# belongs to its body generator, not to a coroutine object, and a frame's
# f_generator cannot be changed from Python: the walk does not find where the
# task's coroutines end and also lists the event loop's frames. For the same
# reason format_call_graph() labels desugared coroutine frames "generator"
# instead of "async". The graph of another task (built through cr_await) is
# the same as native: golden/async_def/call_graph.py.
#
#   unawait verify docs/divergences/call_graph_current_task.py --python python3.14
import asyncio
import re


async def leaf():
    graph = asyncio.capture_call_graph()
    print([entry.frame.f_code.co_qualname for entry in graph.call_stack])
    print(re.sub(r"0x[0-9a-f]+|line \d+|'[^']*'", "?", asyncio.format_call_graph()))


async def main():
    await asyncio.create_task(leaf(), name="leaf")


asyncio.run(main())
