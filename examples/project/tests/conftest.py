import asyncio

import pytest


@pytest.fixture
def run():
    """Runs a coroutine to completion on a fresh event loop."""

    def run(coroutine):
        loop = asyncio.new_event_loop()
        try:
            return loop.run_until_complete(coroutine)
        finally:
            loop.close()

    return run
