"""funnel() against FunnelPlotR's own tests and documented example (NHS-R Community).

Reference values, each copied with its source:

1. Exact Poisson limits for a standardised ratio (target 1) at expected counts 15, 20 and 30:
   FunnelPlotR tests/testthat/test-poisson_limits.R (CRAN mirror cran/FunnelPlotR, commit
   1bc9cf6920e02a3481f6193b6cf2aeabe0c86fff), rounded there to 7 (lower) and 6 (upper) decimals.
2. Outlier flags against given limits: FunnelPlotR tests/testthat/test-outliers_func.R (same
   commit): ten ratios against fixed 95%/99.8%, unadjusted/adjusted limits.
3. The README's worked example (cran/FunnelPlotR README.md, same commit): the medpar data
   (tests/spc/funnel_data/README.md), a Poisson GLM los ~ hmo + died + age80 + factor(type), and
   funnel_plot(..., data_type = "SR", limit = 99) which prints "54 points of which 25 are
   outliers" unadjusted and "54 points of which 9 are outliers" adjusted (sr_method "SHMI"). The
   README's printed GLM coefficients and dispersion ratio (6.240519) check that the model here is
   the same model.

Not found: published reference values for proportions ("PR"), ratios of counts ("RC"), the CQC
method, φ or τ² themselves (FunnelPlotR's tests check only their types), and worked numbers from
Spiegelhalter's 2005 papers (their data are not published with them). Those cases are covered by
the properties in test_funnel_properties.py and the hand-checked formulas in test_funnel_rules.py.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from qispread.spc.funnel import funnel
from qispread.spc.funnel.core import positions
from qispread.spc.funnel.limits import LEVELS, poisson_limits

MEDPAR = Path(__file__).parent / "funnel_data" / "medpar.csv"


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


def _poisson_glm(X: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Maximum-likelihood Poisson regression (log link) by iteratively reweighted least squares."""
    beta = np.zeros(X.shape[1])
    beta[0] = np.log(y.mean())
    for _ in range(100):
        mu = np.exp(X @ beta)
        working = X @ beta + (y - mu) / mu
        new = np.linalg.solve(X.T @ (mu[:, None] * X), X.T @ (mu * working))
        if np.max(np.abs(new - beta)) < 1e-12:
            return new
        beta = new
    raise AssertionError("the GLM did not converge")


@pytest.fixture(scope="module")
def medpar() -> pd.DataFrame:
    data = pd.read_csv(MEDPAR)
    X = np.column_stack([np.ones(len(data)), data["hmo"], data["died"], data["age80"],
                         data["type2"], data["type3"]]).astype(float)
    y = data["los"].to_numpy(float)
    beta = _poisson_glm(X, y)
    # README: summary(mod) coefficients, and sum(weights * residuals^2) / df.residual
    assert np.round(beta, 5).tolist() == [2.26875, -0.07637, -0.24574, -0.02141, 0.24921,
                                          0.74869]
    mu = np.exp(X @ beta)
    assert round(float(((y - mu) ** 2 / mu).sum() / (len(y) - 6)), 4) == round(6.240519, 4)
    return data.assign(prds=mu)


def test_medpar_unadjusted_has_25_outliers_of_54(medpar):
    result = funnel(medpar, numerator="los", denominator="prds", group="provnum",
                    data_type="SR", limit=99, draw_unadjusted=True, draw_adjusted=False)
    assert len(result.data) == 54
    assert int(result.data["outlier"].sum()) == 25


def test_medpar_shmi_adjusted_has_9_outliers_of_54(medpar):
    result = funnel(medpar, numerator="los", denominator="prds", group="provnum",
                    data_type="SR", limit=99, draw_unadjusted=False, draw_adjusted=True,
                    sr_method="SHMI")
    assert result.draw_adjusted and result.tau2 > 0
    assert int(result.data["outlier"].sum()) == 9
