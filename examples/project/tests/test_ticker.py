import sys

import pytest

import ticker


def test_collect_counts_down_inside_the_context(run):
    assert run(ticker.collect(3)) == ([3, 2, 1], ["open", "closed"])


def test_first_even(run):
    assert run(ticker.first_even(5)) == 4


def test_no_even_number_raises(run):
    with pytest.raises(LookupError, match="no even number below 1"):
        run(ticker.first_even(1))


async def doubled(start):
    return [2 * n async for n in ticker.Ticker(start).countdown()]


def test_async_comprehension_in_a_test_module(run):
    assert run(doubled(2)) == [4, 2]


@pytest.mark.skipif(sys.version_info < (3, 99), reason="needs Python 3.99")
def test_skipped_on_every_python_today():
    pass


@pytest.mark.xfail(reason="a countdown never reaches zero", strict=True)
def test_zero_is_not_counted(run):
    assert 0 in run(ticker.collect(2))[0]
