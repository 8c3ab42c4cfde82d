# min-python: 3.14
# asyncio's call-graph introspection (3.14): capture_call_graph() of another
# task walks its coroutines through cr_await and records each cr_frame, and
# names the tasks awaiting it; the desugared program must show the same
# tasks and coroutine names (the current task's own graph and the "async"
# tag of format_call_graph() are known differences, see docs/limits.md)
import asyncio


async def leaf(event):
    await event.wait()


async def middle(event):
    await leaf(event)


async def agen(event):
    await middle(event)
    yield "item"


async def consume(event):
    async for item in agen(event):
        return item


def names(graph):
    return [entry.frame.f_code.co_qualname for entry in graph.call_stack]


def describe(graph, depth=0):
    print("  " * depth + graph.future.get_name(), names(graph))
    for parent in graph.awaited_by:
        describe(parent, depth + 1)


async def main():
    event = asyncio.Event()
    worker = asyncio.create_task(middle(event), name="worker")
    consumer = asyncio.create_task(consume(event), name="consumer")
    await asyncio.sleep(0)
    describe(asyncio.capture_call_graph(worker))
    describe(asyncio.capture_call_graph(consumer))
    print("limit=1:", names(asyncio.capture_call_graph(worker, limit=1)))
    print("limit=-1:", names(asyncio.capture_call_graph(worker, limit=-1)))

    async def waits_for_worker():
        await worker

    waiter = asyncio.create_task(waits_for_worker(), name="waiter")
    await asyncio.sleep(0)
    describe(asyncio.capture_call_graph(worker))
    event.set()
    print(await consumer, await waiter)


asyncio.run(main())
