"""The funnel plot's two uses of scipy.stats, replaced so that a kernel drawing a funnel plot does
not import it (about 0.5 s a kernel): the exact Poisson limits from scipy.special's inverse
incomplete gamma function, the SHMI bands from NumPy's ranks. scipy.stats, still installed, is
the reference: the same numbers, ties, infinities and NaN included."""

import subprocess
import sys

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from scipy import stats

from qispread.spc.funnel.dispersion import average_ranks
from qispread.spc.funnel.limits import LEVELS, poisson_limits

# Few distinct values, so that ties are common; infinities as a z-score can be.
VALUES = st.lists(st.sampled_from([-np.inf, -1.5, 0.0, 0.25, 2.0, 3.0, np.inf]), max_size=40)


@given(VALUES)
def test_ranks_are_scipys_average_ranks(values):
    np.testing.assert_array_equal(average_ranks(np.array(values)), stats.rankdata(values))


@given(VALUES)
def test_one_nan_makes_every_rank_nan_as_in_scipy(values):
    with_nan = [*values, np.nan]
    assert np.isnan(average_ranks(np.array(with_nan))).all()
    assert np.isnan(stats.rankdata(with_nan)).all()


def test_poisson_limits_are_scipys_chi_squared_quantiles():
    expected = np.array([0.0, -1.0, np.nan, np.inf, 1e-9, 0.3, 1.0, 2.5, 15.0, 1234.5, 1e6])
    for _, tail in LEVELS.values():
        lower, upper = poisson_limits(expected, tail, 1.0)
        with np.errstate(divide="ignore", invalid="ignore"):
            np.testing.assert_array_equal(lower, stats.chi2.ppf(tail, 2 * expected) / 2 / expected)
            np.testing.assert_array_equal(
                upper, stats.chi2.ppf(1 - tail, 2 * (expected + 1)) / 2 / expected)


def test_drawing_a_funnel_plot_leaves_scipy_stats_unimported():
    code = ("import sys\nfrom qispread import checks\n"
            "checks.given.four_hour_funnel_chart()._repr_mimebundle_()\n"
            "print('scipy.stats' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert done.stdout.strip().splitlines()[-1] == "False"
