"""A kernel drawing a funnel plot does not import scipy.stats (about 0.5 s a kernel): the exact
Poisson limits come from scipy.special's inverse incomplete gamma function, the SHMI bands from
qispread.spc.special's ranks (tested against scipy.stats in test_special.py). scipy.stats, still
installed, is the reference: the same numbers, infinities and NaN included."""

import subprocess
import sys

import numpy as np
from scipy import stats

from qispread.spc.funnel.limits import LEVELS, poisson_limits


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
