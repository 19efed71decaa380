"""Run-chart statistics on their own: Anhøj rules and the IHI (Perla et al. 2011) rules.

Perla et al.'s printed runs table could not be consulted, so perla_runs_table() is checked here
against independent calculations (complete enumeration of every arrangement for small n, the
normal approximation for large n) and, in test_runs_table_published.py, against the published
Swed-Eisenhart critical values it is built from.
"""

import itertools
import math

import numpy as np
import pytest
from scipy import stats

from qispread.spc import qic
from qispread.spc.ihi_rules import perla_runs_table, shift_mask, trend_mask
from qispread.spc.runs import (
    longest_run,
    median,
    n_crossings,
    runs_analysis,
    useful_sides,
)


def test_useful_observations_skip_centre_line_and_missing():
    sides = useful_sides([1, 2, np.nan, 3, 2, 5], 2)
    assert sides.tolist() == [-1, 1, 1]


def test_longest_run_and_crossings_by_hand():
    # above, above, below, above, (5 is on the centre line: skipped), above, above
    sides = useful_sides([6, 7, 1, 9, 5, 8, 9], 5)
    assert longest_run(sides) == 3
    assert n_crossings(sides) == 2


def test_median_ignores_missing():
    assert median([3, np.nan, 1, 2]) == 2


def test_runs_analysis_exclude_removes_points():
    analysis = runs_analysis([1, 9, 1, 9, 1], 5, include=[True, True, False, True, True])
    assert (analysis.n_obs, analysis.n_useful, analysis.n_crossings) == (4, 4, 2)


def test_runs_analysis_without_useful_points_has_no_signal():
    analysis = runs_analysis([5, 5, 5], 5)
    assert analysis.n_useful == 0 and not analysis.runs_signal


def _enumerated_limits(n):
    """Limits by listing every arrangement of n // 2 points above and the rest below."""
    above = n // 2
    counts = {}
    for chosen in itertools.combinations(range(n), above):
        sides = np.full(n, -1)
        sides[list(chosen)] = 1
        runs = 1 + int(np.count_nonzero(sides[1:] != sides[:-1]))
        counts[runs] = counts.get(runs, 0) + 1
    total = math.comb(n, above)
    runs = sorted(counts)
    cumulative = np.cumsum([counts[r] for r in runs]) / total
    lower = next(r for r, c in zip(runs, cumulative, strict=True) if c > 0.025)
    upper_tail = np.cumsum([counts[r] for r in reversed(runs)]) / total
    upper = next(r for r, c in zip(reversed(runs), upper_tail, strict=True) if c > 0.025)
    return lower, upper


@pytest.mark.parametrize("n", range(6, 17))
def test_perla_runs_table_matches_complete_enumeration(n):
    assert perla_runs_table(n) == _enumerated_limits(n)


@pytest.mark.parametrize("n", [60, 100, 200, 500, 1000])
def test_perla_runs_table_close_to_normal_approximation(n):
    n1, n2 = n // 2, n - n // 2
    mean = 2 * n1 * n2 / n + 1
    sd = math.sqrt(2 * n1 * n2 * (2 * n1 * n2 - n) / (n**2 * (n - 1)))
    z = stats.norm.ppf(0.975)
    lower, upper = perla_runs_table(n)
    assert abs(lower - (mean - z * sd)) <= 1.5
    assert abs(upper - (mean + z * sd)) <= 1.5


def test_perla_runs_table_symmetric_for_even_n():
    for n in range(10, 61, 2):
        lower, upper = perla_runs_table(n)
        assert lower + upper == n + 2, n


def test_shift_of_six_with_a_point_on_the_median_in_between():
    y = [5, 1, 9, 9, 9, 5, 9, 9, 9, 1, 5]
    mask = shift_mask(y, 5)
    assert mask.tolist() == [False, False, True, True, True, False, True, True, True, False, False]


def test_five_on_one_side_is_not_a_shift():
    assert not shift_mask([9, 9, 9, 9, 9, 1], 5).any()


def test_trend_of_five_counts_equal_neighbours_once():
    assert trend_mask([1, 2, 3, 4, 5]).all()
    assert not trend_mask([1, 2, 2, 3, 4]).any()  # only four distinct rising values
    assert trend_mask([1, 2, 2, 3, 4, 5]).all()
    assert trend_mask([9, 7, 5, 5, 3, 1, 4]).tolist() == [True] * 6 + [False]


def test_ihi_method_reports_each_rule():
    falling = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0, -1]
    r = qic(y=falling, method="ihi").data
    assert r["trend_signal"].all()
    assert r["shift_signal"].all()
    assert r["runs_count_signal"].all()  # two runs among 12 points: too few
    assert r["runs_signal"].all()


def test_ihi_method_too_many_runs():
    zigzag = [1, 9] * 10
    r = qic(y=zigzag, method="ihi").data
    assert r["runs_count_signal"].all() and not r["shift_signal"].any()


def test_ihi_no_signal_on_random_looking_data():
    y = [3, 6, 8, 7, 2, 4, 5, 9, 8, 3, 2, 6, 7, 4]
    r = qic(y=y, method="ihi").data
    assert not r[["shift_signal", "trend_signal", "runs_count_signal", "runs_signal"]].any().any()
