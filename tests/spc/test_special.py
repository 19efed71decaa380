"""The charts' special functions against exact arithmetic and against SciPy, which they replace
(SciPy stays installed for the spread simulator, so it is the reference here)."""

import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy import special, stats

from qispread.spc.special import average_ranks, fair_binomial_quantile, log_gamma


def exact_quantile(q: float, trials: int) -> int:
    """The definition, in integers: the smallest k with sum C(trials, i), i <= k, >= q 2^trials."""
    target, total = Fraction(q) * 2 ** trials, 0
    for k in range(trials + 1):
        total += math.comb(trials, k)
        if total >= target:
            return k
    return trials


def test_quantile_is_exact_for_every_chart_length_up_to_400():
    wrong = [n for n in range(400) if fair_binomial_quantile(0.05, n) != exact_quantile(0.05, n)]
    assert wrong == []


@pytest.mark.parametrize("trials", [999, 1000, 2501, 10_000, 99_999, 100_000])
def test_quantile_matches_scipy_for_long_series(trials):
    assert fair_binomial_quantile(0.05, trials) == int(stats.binom.ppf(0.05, trials, 0.5))


def test_log_gamma_matches_scipy():
    x = np.array([0.5, 1, 1.5, 2, 7.25, 50, 1e3, 1e6, np.nan])
    np.testing.assert_allclose(log_gamma(x), special.gammaln(x), rtol=1e-13)


# Few distinct values, so that ties are common; infinities, as a funnel plot's z-scores can be.
VALUES = st.lists(st.sampled_from([-np.inf, -1.5, 0.0, 0.25, 2.0, 3.0, np.inf]), max_size=40)


@given(VALUES)
def test_ranks_are_scipys_average_ranks(values):
    np.testing.assert_array_equal(average_ranks(np.array(values)), stats.rankdata(values))


@given(VALUES)
def test_one_nan_makes_every_rank_nan_as_in_scipy(values):
    with_nan = [*values, np.nan]
    assert np.isnan(average_ranks(np.array(with_nan))).all()
    assert np.isnan(stats.rankdata(with_nan)).all()
