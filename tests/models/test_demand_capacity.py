"""The waiting-list teaching model against theory.

Next week's backlog is max(0, backlog + demand - capacity): Lindley's recursion, a random walk
held at zero. Started empty, its value at week n has the distribution of the largest partial sum
of the weekly differences (time reversal), whose mean Spitzer's identity gives exactly:
E[max(0, S_1, ..., S_n)] = sum over k of E[max(S_k, 0)] / k. With independent normal demand and
capacity, S_k is normal with variance k * sigma^2 and E[max(S_k, 0)] = sigma * sqrt(k / (2 pi)).
Rounding each week's figures to whole people adds 1/12 to each variance.
"""

import math

import numpy as np
import pytest

from qispread.errors import DataProblem
from qispread.models.demand_capacity import QueueSettings, simulate_queue


def spitzer_mean_backlog(weeks: int, sigma: float) -> float:
    return sum(sigma * math.sqrt(k / (2 * math.pi)) / k for k in range(1, weeks + 1))


def test_same_seed_same_runs_and_another_seed_differs():
    settings = QueueSettings(runs=5, seed=7)
    first, again = simulate_queue(settings), simulate_queue(settings)
    assert np.array_equal(first.backlog, again.backlog)
    other = simulate_queue(QueueSettings(runs=5, seed=8))
    assert not np.array_equal(first.backlog, other.backlog)


def test_backlog_never_negative_and_people_seen_never_exceed_capacity_or_those_waiting():
    runs = simulate_queue(QueueSettings(demand=80, capacity=120, capacity_sd=30, runs=200))
    assert (runs.backlog >= 0).all()
    assert (runs.seen <= runs.capacity).all()
    waiting_before = np.hstack([np.zeros((200, 1)), runs.backlog[:, :-1]]) + runs.demand
    assert (runs.seen <= waiting_before).all()
    # nobody is lost: what arrived = what was seen + what is still waiting
    assert np.allclose(runs.demand.sum(axis=1), runs.seen.sum(axis=1) + runs.backlog[:, -1])


def test_capacity_equal_to_demand_grows_as_a_random_walk_held_at_zero():
    settings = QueueSettings(demand=100, demand_sd=10, capacity=100, capacity_sd=10,
                             weeks=52, runs=10_000, seed=3)
    runs = simulate_queue(settings)
    sigma = math.sqrt(10**2 + 10**2 + 2 / 12)
    for week in (1, 4, 13, 52):
        expected = spitzer_mean_backlog(week, sigma)
        observed = runs.backlog[:, week - 1]
        standard_error = observed.std() / math.sqrt(settings.runs)
        assert observed.mean() == pytest.approx(expected, abs=4 * standard_error)
    # the surprise the lesson teaches: equal averages, yet the list grows
    assert runs.mean_backlog[51] > 2 * runs.mean_backlog[3] > 0


def test_capacity_above_demand_drains_the_list_at_the_difference():
    settings = QueueSettings(demand=100, capacity=110, start_backlog=1_000, weeks=52,
                             runs=5_000, seed=4)
    runs = simulate_queue(settings)
    for week in (10, 30, 52):
        observed = runs.backlog[:, week - 1]
        standard_error = observed.std() / math.sqrt(settings.runs)
        assert observed.mean() == pytest.approx(1_000 - 10 * week, abs=4 * standard_error)


def test_a_buffer_keeps_the_list_short_where_equal_capacity_lets_it_grow():
    equal = simulate_queue(QueueSettings(weeks=260, runs=2_000, seed=5))
    buffered = simulate_queue(QueueSettings(capacity=110, weeks=260, runs=2_000, seed=5))
    assert buffered.mean_backlog[-1] < 20 < equal.mean_backlog[-1] / 5


def test_littles_law_wait_is_backlog_over_throughput():
    runs = simulate_queue(QueueSettings(demand=100, capacity=100, demand_sd=0, capacity_sd=0,
                                        start_backlog=300, weeks=10))
    assert runs.backlog[0, -1] == 300
    assert runs.expected_wait_weeks()[0] == pytest.approx(3.0)
    assert "held from 300 to 300 in 10 weeks" in runs.reading()
    assert "about 3.0 weeks" in runs.reading()


def test_reading_gives_short_waits_in_days_and_an_ensembles_range():
    runs = simulate_queue(QueueSettings(runs=1_000, seed=1))
    words = runs.reading()
    assert "averaged over 1,000 runs, the waiting list grew from 0 to 69 in 52 weeks" in words
    assert "The middle 90% of runs ended with 0 to 176 waiting." in words
    assert "about 4 days" in words
    drained = simulate_queue(QueueSettings(capacity=120, runs=100, seed=1)).reading()
    assert "In most runs nobody is left waiting at the end." in drained


@pytest.mark.parametrize("settings, message", [
    (QueueSettings(demand=-1), "average demand must be a number of 0 or more"),
    (QueueSettings(capacity_sd=float("nan")), "variation in capacity"),
    (QueueSettings(start_backlog=-5), "cannot be below 0"),
    (QueueSettings(weeks=0), "from 1 to 520 weeks"),
    (QueueSettings(runs=100_000), "from 1 to 10,000 runs"),
])
def test_impossible_settings_are_refused_in_plain_words(settings, message):
    with pytest.raises(DataProblem, match=message):
        simulate_queue(settings)
