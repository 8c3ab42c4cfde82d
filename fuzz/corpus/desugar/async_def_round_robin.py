# a tiny hand-written round-robin scheduler interleaving several coroutines; the exact suspension order is printed


class Yield:
    def __init__(self, tag):
        self.tag = tag

    def __await__(self):
        reply = yield self.tag
        return reply


async def worker(name, n):
    total = 0
    for i in range(n):
        reply = await Yield("%s-%d" % (name, i))
        print("  %s got reply %r" % (name, reply))
        total += reply
    return "%s total %d" % (name, total)


async def child(name):
    r = await Yield(name + "-child")
    return r * 100


async def parent(name):
    a = await child(name + "a")
    b = await child(name + "b")
    return "%s parent %d" % (name, a + b)


def schedule(coros):
    queue = [(name, c, None) for name, c in coros]
    results = []
    step = 0
    while queue:
        name, coro, value = queue.pop(0)
        step += 1
        try:
            tag = coro.send(value)
        except StopIteration as e:
            print("step", step, name, "finished ->", e.value)
            results.append(e.value)
            continue
        print("step", step, name, "suspended at", tag)
        queue.append((name, coro, step))
    return results


print(schedule([("A", worker("A", 3)), ("B", worker("B", 1)), ("P", parent("P")), ("C", worker("C", 2))]))
