"""A million points analyse without Python loops over points (a loop would take many seconds).

The bound is loose because the test machine is shared; the benchmark measures properly.
"""

import time

import numpy as np
import pytest

from qispread.spc import qic

POINTS = 1_000_000


@pytest.fixture(scope="module")
def million():
    rng = np.random.default_rng(7)
    n = rng.integers(50, 100, size=POINTS)
    return {"y": rng.normal(size=POINTS), "count": rng.binomial(n, 0.3), "n": n}


@pytest.mark.parametrize("chart", ["run", "i", "p", "u"])
def test_a_million_points_in_well_under_a_second_or_two(million, chart):
    kwargs = ({"y": million["count"], "n": million["n"]} if chart in {"p", "u"}
              else {"y": million["y"]})
    best = float("inf")
    for _ in range(2):
        started = time.perf_counter()
        result = qic(chart=chart, **kwargs)
        best = min(best, time.perf_counter() - started)
    assert len(result.data) == POINTS
    assert best < 2.0, f"{chart} chart took {best:.2f} s for {POINTS} points"
