"""funnel() against FunnelPlotR's own tests and documented example (NHS-R Community).

Reference values, each copied with its source:

1. Exact Poisson limits for a standardised ratio (target 1) at expected counts 15, 20 and 30:
   FunnelPlotR tests/testthat/test-poisson_limits.R (CRAN mirror cran/FunnelPlotR, commit
   1bc9cf6920e02a3481f6193b6cf2aeabe0c86fff), rounded there to 7 (lower) and 6 (upper) decimals.
2. Outlier flags against given limits: FunnelPlotR tests/testthat/test-outliers_func.R (same
   commit): ten ratios against fixed 95%/99.8%, unadjusted/adjusted limits.
3. FunnelPlotR tests/testthat/test-funnel_plot.R (same commit): six units whose SHMI-adjusted
   95% lower limit at unit 5 lies below the unadjusted one (`expect_gt(b$LCL95[5], a$OD95LCL[5])`).

FunnelPlotR's README example on Hilbe's medpar data (25 and then 9 outliers of 54) is no longer
reproduced here: the data are GPL-2 and were removed (tests/spc/funnel_data/README.md).

Not found: published reference values for proportions ("PR"), ratios of counts ("RC"), the CQC
method, φ or τ² themselves (FunnelPlotR's tests check only their types), and worked numbers from
Spiegelhalter's 2005 papers (their data are not published with them). Those cases are covered by
the properties in test_funnel_properties.py and the hand-checked formulas in test_funnel_rules.py.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from qispread.spc.funnel import funnel
from qispread.spc.funnel.core import positions
from qispread.spc.funnel.limits import LEVELS, poisson_limits


def test_exact_poisson_limits_equal_funnelplotr():
    expected = np.array([15.0, 20.0, 30.0])
    ll95, ul95 = poisson_limits(expected, LEVELS["95"][1], 1.0)
    ll99, ul99 = poisson_limits(expected, LEVELS["99"][1], 1.0)
    assert np.round(ll95, 7).tolist() == [0.5596924, 0.6108260, 0.6746958]
    assert np.round(ul95, 6).tolist() == [1.649348, 1.544419, 1.427562]
    assert np.round(ll99, 7).tolist() == [0.3862650, 0.4479107, 0.5289724]
    assert np.round(ul99, 6).tolist() == [2.082907, 1.902094, 1.702771]


RATIOS = np.array([1, 0.95, 1.05, 0.8, 1.2, 0.6, 1.4, 0.4, 1.6, 0])
FIXED_LIMITS = {"95": (0.9, 1.1), "od95": (0.79, 1.21), "99": (0.59, 1.41),
                "od99": (0.38, 1.62)}


@pytest.mark.parametrize(("limits", "expected"), [
    ("95", [0, 0, 0, 1, 1, 1, 1, 1, 1, 1]),
    ("od95", [0, 0, 0, 0, 0, 1, 1, 1, 1, 1]),
    ("99", [0, 0, 0, 0, 0, 0, 0, 1, 1, 1]),
    ("od99", [0, 0, 0, 0, 0, 0, 0, 0, 0, 1]),
])
def test_outlier_flags_equal_funnelplotr(limits, expected):
    lower, upper = FIXED_LIMITS[limits]
    flags = positions(RATIOS, np.full(10, lower), np.full(10, upper)) != "inside"
    assert flags.astype(int).tolist() == expected


SIX_UNITS = pd.DataFrame({"num": [100, 150, 180, 80, 120, 225],
                          "denom": [108, 112, 165, 95, 100, 220],
                          "group": list("abcdef")})


def test_shmi_adjusted_lower_limit_below_unadjusted_as_funnelplotr():
    result = funnel(SIX_UNITS, numerator="num", denominator="denom", group="group",
                    data_type="SR", sr_method="SHMI")
    assert result.tau2 > 0
    row = result.data.iloc[4]
    assert row["lcl95"] > row["od95lcl"]
