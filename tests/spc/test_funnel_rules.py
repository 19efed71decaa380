"""funnel()'s steps checked by hand on small cases, its messages for bad input, and its reading.

Hand values: Spiegelhalter's τ² = (nφ − (n − 1)) / (Σw − Σw²/Σw); R's default (type 7) quantiles
for winsorising; SHMI's truncation bands floor(rank × k / (n + 1)); and the arcsine limits for a
proportion of ½, where sin²(π/4 ± x) = (1 ± sin 2x) / 2 gives them in closed form.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from qispread.errors import DataProblem
from qispread.spc.funnel import dispersion, funnel
from qispread.spc.funnel.limits import normal_limits
from qispread.spc.funnel.scales import Scale


def test_tau2_by_hand():
    z, s = np.array([2.0, 0.0, -2.0]), np.ones(3)
    phi = dispersion.phi(z)
    assert phi == pytest.approx(8 / 3)
    assert dispersion.tau2(z, s, phi) == pytest.approx((8 - 2) / (3 - 1))


def test_no_tau2_when_n_phi_is_at_most_n_minus_1():
    z, s = np.array([1.0, -1.0, 0.0]), np.ones(3)  # nφ = 2 = n − 1
    assert dispersion.tau2(z, s, dispersion.phi(z)) == 0


def test_winsorising_pulls_the_outer_tenths_in_to_r_quantiles():
    z = np.arange(1.0, 11.0)
    assert dispersion.winsorised(z, 0.1).tolist() == [1.9, 2, 3, 4, 5, 6, 7, 8, 9, 9.1]


def test_shmi_truncation_leaves_out_the_lowest_and_highest_bands():
    z = np.arange(20.0)
    kept = np.isfinite(dispersion.truncated(z, 0.1))
    assert np.flatnonzero(~kept).tolist() == [0, 1, 18, 19]


def test_proportion_limits_at_one_half_in_closed_form():
    scale = Scale("PR", "SHMI", 0.5)
    lower, upper = normal_limits(scale, np.array([100.0]), 1.959964)
    x = 1.959964 / 20
    assert upper[0] == pytest.approx((1 + np.sin(2 * x)) / 2, rel=1e-12)
    assert lower[0] == pytest.approx((1 - np.sin(2 * x)) / 2, rel=1e-12)


def test_sites_are_summed_per_group_and_the_target_is_the_overall_proportion():
    data = pd.DataFrame({"site": ["A", "A", "B", "C"], "seen": [40, 50, 30, 90],
                         "all": [50, 50, 100, 100]})
    result = funnel(data, numerator="seen", denominator="all", group="site", data_type="PR")
    assert result.data["group"].tolist() == ["A", "B", "C"]
    assert result.data["denominator"].tolist() == [100, 100, 100]
    assert result.target == pytest.approx(210 / 300)


@pytest.mark.parametrize(("options", "words"), [
    ({"numerator": "seen_in_4h"}, 'no column called "seen_in_4h"'),
    ({"data_type": "XX"}, "'SR' for observed / expected"),
    ({"limit": 90}, "give 95"),
    ({"trim_by": 0.6}, "between 0 and 0.5"),
    ({"numerator": "all", "denominator": "seen"}, "columns are swapped"),
])
def test_bad_input_gets_a_plain_message(options, words):
    data = pd.DataFrame({"site": ["A", "B"], "seen": [4, 5], "all": [10, 10]})
    arguments = {"numerator": "seen", "denominator": "all", "group": "site", "data_type": "PR",
                 **options}
    with pytest.raises(DataProblem, match=None) as caught:
        funnel(data, **arguments)
    assert words in str(caught.value)


def _clear_case():
    """Twenty sites at 50%, one far above and one far below, all with 1,000 patients."""
    seen = [500] * 20 + [900, 100]
    names = [f"S{i:02d}" for i in range(20)] + ["HIGH", "LOW"]
    return funnel(numerator=seen, denominator=[1000] * 22, group=names, data_type="PR")


def test_reading_names_the_sites_above_and_below():
    reading = _clear_case().explain(units="sites")
    assert "1 of 22 sites lies above the unadjusted 99.8% limit: HIGH." in reading
    assert "1 of 22 sites lies below the unadjusted 99.8% limit: LOW." in reading


def test_reading_says_when_no_adjustment_is_needed():
    result = _clear_case()  # 20 of 22 z-scores are 0, so φ is small once the ends are winsorised
    assert result.tau2 == 0 and not result.draw_adjusted
    assert "no adjustment is needed" in str(result.explain())


def test_cqc_limits_are_squared_back_to_the_ratio_scale():
    """sqrt(O/E) has standard error 1/(2 sqrt E): limits (1 ± z/(2 sqrt E))², not FunnelPlotR's
    current unsquared 1 ± z/(2 sqrt E) (its issue #33)."""
    lower, upper = normal_limits(Scale("SR", "CQC", 1.0), np.array([100.0]), 1.959964)
    assert lower[0] == pytest.approx((1 - 1.959964 / 20) ** 2, rel=1e-12)
    assert upper[0] == pytest.approx((1 + 1.959964 / 20) ** 2, rel=1e-12)


def test_unadjusted_reading_of_overdispersed_units_never_says_no_adjustment_is_needed():
    import pandas as pd

    from qispread.spc.funnel import funnel as draw_funnel

    units = pd.DataFrame({"n": [100, 150, 180, 80, 120, 225], "d": [108, 112, 165, 95, 100, 220],
                          "g": list("abcdef")})
    result = draw_funnel(units, numerator="n", denominator="d", group="g", draw_adjusted=False)
    reading = str(result.explain())
    assert result.tau2 > 0
    assert "no adjustment is needed" not in reading
    assert "Adjust for overdispersion before singling any out" in reading
