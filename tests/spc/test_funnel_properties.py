"""Properties every funnel plot must have, checked on generated units.

- The limits widen as the denominator falls (a small unit may stray further by chance).
- When the units are overdispersed, the adjusted limits contain the unadjusted ones. For
  proportions and ratios of counts both come from the same normal approximation; for
  standardised ratios the unadjusted limits are exact Poisson limits (as in FunnelPlotR), which at
  small τ² can lie just outside the adjusted normal-approximation ones, so there the adjusted
  limits are compared with the same approximation at τ² = 0.
- With no overdispersion there is no adjustment: Spiegelhalter's rule is τ² = 0 whenever
  nφ ≤ n − 1 (so whenever φ ≤ (n − 1)/n, and not quite whenever φ ≤ 1: between the two, τ² is
  small but positive), and the multiplicative adjustment is used only when φ > 1.
"""

from __future__ import annotations

import numpy as np
from hypothesis import example, given, settings
from hypothesis import strategies as st

from qispread.spc.funnel import funnel
from qispread.spc.funnel.limits import LEVELS, normal_limits
from qispread.spc.funnel.result import LIMIT_COLUMNS
from qispread.spc.funnel.scales import Scale

KINDS = [("SR", "SHMI"), ("SR", "CQC"), ("PR", "SHMI"), ("RC", "SHMI")]


@st.composite
def units(draw, min_units=3):
    n = draw(st.integers(min_units, 30))
    denominators = draw(st.lists(st.integers(1, 100_000), min_size=n, max_size=n))
    shares = draw(st.lists(st.floats(0.01, 1.0), min_size=n, max_size=n))
    numerators = [max(1, round(d * s)) for d, s in zip(denominators, shares, strict=True)]
    return numerators, [float(d) for d in denominators]


def _funnel(data, kind, **options):
    numerators, denominators = data
    data_type, method = kind
    return funnel(numerator=numerators, denominator=denominators,
                  group=[f"unit {i}" for i in range(len(numerators))],
                  data_type=data_type, sr_method=method, **options)


@settings(max_examples=50, deadline=None)
@given(units(), st.sampled_from(KINDS), st.sampled_from(["additive", "multiplicative"]))
@example(([1, 1, 1716], [1.0, 1.0, 27452.0]), ("SR", "SHMI"), "additive")  # τ² ≈ 52,754
def test_limits_widen_as_the_denominator_falls(data, kind, adjustment):
    curves = _funnel(data, kind, adjustment=adjustment).limits  # denominators ascending
    assert (np.diff(curves["denominator"]) > 0).all()
    for column in LIMIT_COLUMNS:
        values = curves[column].to_numpy()
        smaller, larger = values[:-1], values[1:]  # limits at one denominator and the next
        same = np.isclose(larger, smaller, rtol=1e-9, atol=1e-9)
        # With huge overdispersion an adjusted limit overflows to infinity at the smallest units;
        # infinity then counts as wide as the limit before it (inf <= inf), never as a gap.
        if "lcl" in column:
            assert ((larger >= smaller) | same).all(), column  # lower limit falls as units shrink
        else:
            assert ((larger <= smaller) | same).all(), column


@settings(max_examples=50, deadline=None)
@given(units(), st.sampled_from(KINDS), st.sampled_from(["additive", "multiplicative"]))
def test_adjusted_limits_contain_the_unadjusted_when_overdispersed(data, kind, adjustment):
    result = _funnel(data, kind, adjustment=adjustment)
    if not result.draw_adjusted:
        return
    curves = result.limits
    grid = curves["denominator"].to_numpy()
    scale = Scale(result.data_type, result.sr_method, result.target)
    for level in LEVELS:
        if result.data_type == "SR":
            lower, upper = normal_limits(scale, grid, LEVELS[level][0])
        else:
            lower, upper = curves[f"lcl{level}"].to_numpy(), curves[f"ucl{level}"].to_numpy()
        assert (curves[f"od{level}lcl"].to_numpy() <= lower + 1e-12).all()
        assert (curves[f"od{level}ucl"].to_numpy() >= upper - 1e-12).all()


@settings(max_examples=50, deadline=None)
@given(units(), st.sampled_from(KINDS))
def test_no_adjustment_without_overdispersion(data, kind):
    additive = _funnel(data, kind)
    n = len(additive.data)
    if n * additive.phi <= n - 1:
        assert additive.tau2 == 0 and not additive.draw_adjusted
    else:
        assert additive.tau2 > 0 and additive.draw_adjusted
    multiplicative = _funnel(data, kind, adjustment="multiplicative")
    assert multiplicative.draw_adjusted == (multiplicative.phi > 1)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(1, 1000), min_size=3, max_size=30), st.sampled_from(KINDS))
def test_units_exactly_on_target_get_no_adjustment_and_no_outlier(denominators, kind):
    """Every unit at the same rate: nothing varies, so φ = 0, τ² = 0, no adjustment, no outlier
    (a standardised ratio's 'on target' is observed = expected)."""
    numerators = [2 * d if kind[0] == "RC" else d for d in denominators]
    if kind[0] == "PR":
        numerators = [d // 2 + 1 for d in denominators]
        denominators = [2 * (d // 2 + 1) for d in denominators]
    result = _funnel((numerators, [float(d) for d in denominators]), kind)
    if kind[0] != "RC":  # RC's z-scores carry FunnelPlotR's +0.5 continuity shift
        assert result.phi < 1e-20
    assert result.tau2 == 0 and not result.draw_adjusted
    np.testing.assert_allclose(result.data["rr"], result.target)
    assert not result.data["outlier"].any()
