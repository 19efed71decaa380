"""Properties any Making Data Count chart must have, checked on generated series.

Values are whole numbers and scale factors powers of two so that the arithmetic is exact: a point
exactly on the mean or a limit then stays exactly there after the transformation.
"""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from qispread.spc.ptd import ptd

series = st.lists(st.integers(-1000, 1000), min_size=2, max_size=40)
SWAP = {
    "special_cause_improvement": "special_cause_concern",
    "special_cause_concern": "special_cause_improvement",
    "common_cause": "common_cause",
}
ASSURANCE_SWAP = {"consistent_pass": "consistent_fail", "consistent_fail": "consistent_pass"}


@settings(max_examples=150, deadline=None)
@given(series, st.integers(-1000, 1000))
def test_flipping_the_direction_swaps_improvement_and_concern_only(y, target):
    up = ptd(y=y, improvement_direction="increase", target=target)
    down = ptd(y=y, improvement_direction="decrease", target=target)
    assert [SWAP[t] for t in up.data["point_type"]] == down.data["point_type"].tolist()
    assert up.data["special_cause_type"].tolist() == down.data["special_cause_type"].tolist()
    assurance = up.summary()["assurance_type"].iloc[0]
    assert ASSURANCE_SWAP.get(assurance, assurance) == down.summary()["assurance_type"].iloc[0]


@settings(max_examples=150, deadline=None)
@given(series, st.integers(-(10**6), 10**6))
def test_adding_a_constant_moves_mean_and_limits_and_no_point_changes(y, shift):
    before = ptd(y=y).data
    after = ptd(y=[v + shift for v in y]).data
    for column in ("mean", "lpl", "upl", "lower_two_sigma", "upper_two_sigma"):
        np.testing.assert_allclose(after[column], before[column] + shift, rtol=0, atol=1e-6)
    assert after["point_type"].tolist() == before["point_type"].tolist()


@settings(max_examples=150, deadline=None)
@given(series, st.integers(-4, 4))
def test_scaling_by_a_positive_constant_scales_mean_and_limits(y, power):
    factor = 2.0**power
    before = ptd(y=y).data
    after = ptd(y=[v * factor for v in y]).data
    for column in ("mean", "lpl", "upl"):
        np.testing.assert_allclose(after[column], before[column] * factor, rtol=1e-12, atol=1e-12)
    assert after["point_type"].tolist() == before["point_type"].tolist()


@settings(max_examples=100, deadline=None)
@given(
    st.floats(-1e9, 1e9, allow_nan=False),
    st.integers(2, 60),
    st.sampled_from(["increase", "decrease", "neutral"]),
)
def test_a_constant_series_shows_no_special_cause(value, n, direction):
    result = ptd(y=[value] * n, improvement_direction=direction)
    assert set(result.data["point_type"]) == {"common_cause"}
    assert result.data["special_cause_type"].isna().all()
    assert result.summary()["variation_type"].iloc[0] == "common_cause"


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.floats(-1e6, 1e6, allow_nan=False), min_size=2, max_size=50),
    st.booleans(),
    st.sampled_from([None, 2, 5, 12]),
)
def test_limits_surround_the_mean(y, screen, fix):
    data = ptd(y=y, screen_outliers=screen, fix_after_n_points=fix).data
    assert (data["lpl"] <= data["lower_two_sigma"]).all()
    assert (data["lower_two_sigma"] <= data["mean"]).all()
    assert (data["mean"] <= data["upper_two_sigma"]).all()
    assert (data["upper_two_sigma"] <= data["upl"]).all()
