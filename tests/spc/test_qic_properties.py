"""Properties that must hold for any data (hypothesis)."""

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from qispread.spc import qic

settings.register_profile("spc", max_examples=60, deadline=None)
settings.load_profile("spc")

values = st.lists(st.integers(min_value=0, max_value=20), min_size=3, max_size=60)
measures = st.lists(st.floats(min_value=-1e3, max_value=1e3, allow_nan=False), min_size=3,
                    max_size=60)


@st.composite
def counts_and_sizes(draw, min_size=3):
    size = draw(st.integers(min_value=min_size, max_value=50))
    n = draw(st.lists(st.integers(min_value=1, max_value=500), min_size=size, max_size=size))
    y = [draw(st.integers(min_value=0, max_value=k)) for k in n]
    return y, n


def _count_runs_by_walking(y, cl):
    """Independent count: walk the points, skipping those on the centre line."""
    runs, previous = 0, None
    for value in y:
        if value == cl:
            continue
        side = value > cl
        if side != previous:
            runs += 1
        previous = side
    return runs


@given(values)
def test_crossings_are_runs_minus_one(y):
    s = qic(y=y).summary().iloc[0]
    runs = _count_runs_by_walking(y, s["cl"])
    if runs:
        assert s["n_crossings"] == runs - 1


@given(values)
def test_longest_run_never_exceeds_useful_observations(y):
    s = qic(y=y).summary().iloc[0]
    if s["n_useful"]:
        assert 1 <= s["longest_run"] <= s["n_useful"] <= s["n_obs"]


@given(counts_and_sizes())
def test_p_chart_limits_inside_zero_and_one(data):
    y, n = data
    d = qic(y=y, n=n, chart="p").data
    for line in ("lcl", "ucl", "lcl_95", "ucl_95"):
        limits = d[line].dropna()
        assert ((limits >= 0) & (limits <= 1)).all()


@given(counts_and_sizes(), st.sampled_from(["c", "u", "g", "up"]))
def test_count_charts_never_have_negative_lower_limits(data, chart):
    y, n = data
    d = qic(y=y, n=None if chart in {"c", "g"} else n, chart=chart).data
    assert (d["lcl"].dropna() >= 0).all()


@given(st.lists(st.tuples(st.integers(1, 8), st.integers(0, 30), st.integers(30, 60)),
                min_size=10, max_size=60), st.randoms(use_true_random=False),
       st.sampled_from(["run", "i", "p", "u", "c", "xbar", "s"]))
def test_reordering_rows_that_share_an_x_changes_nothing(rows, random, chart):
    table = pd.DataFrame(rows, columns=["x", "y", "n"])
    if chart in {"xbar", "s"} and not (table.groupby("x").size() >= 2).any():
        return
    shuffled = table.sample(frac=1, random_state=random.randint(0, 2**31))
    use_n = "n" if chart in {"p", "u"} else None
    first = qic("x", "y", use_n, data=table, chart=chart).data
    second = qic("x", "y", use_n, data=shuffled, chart=chart).data
    pd.testing.assert_frame_equal(first, second, check_exact=False, rtol=1e-12)


@given(counts_and_sizes(min_size=4), st.sampled_from(["i", "p", "pp", "u", "c", "run", "g"]),
       st.sampled_from([100, 1000, 0.5, 7]))
def test_multiply_scales_y_centre_line_and_limits_exactly(data, chart, factor):
    y, n = data
    denominators = n if chart in {"p", "pp", "u"} else None
    plain = qic(y=y, n=denominators, chart=chart).data
    scaled = qic(y=y, n=denominators, chart=chart, multiply=factor).data
    for column in ("y", "cl", "lcl", "ucl", "lcl_95", "ucl_95"):
        np.testing.assert_array_equal(scaled[column], plain[column] * factor)
    for column in ("runs_signal", "n_crossings", "longest_run", "sigma_signal"):
        assert scaled[column].equals(plain[column])


@given(values, st.integers(min_value=0, max_value=60))
def test_adding_a_point_on_the_median_changes_no_run_statistic(y, where):
    before = qic(y=y).summary().iloc[0]
    with_median = list(y)
    with_median.insert(min(where, len(y)), before["cl"])
    after = qic(y=with_median).summary().iloc[0]
    assert after["cl"] == before["cl"]
    assert after["n_obs"] == before["n_obs"] + 1
    for key in ("n_useful", "longest_run", "n_crossings", "runs_signal"):
        assert after[key] == before[key] or (pd.isna(after[key]) and pd.isna(before[key]))


@given(measures)
def test_freeze_at_the_last_point_is_the_same_as_no_freeze(y):
    plain = qic(y=y, chart="i").data
    frozen = qic(y=y, chart="i", freeze=len(y)).data
    pd.testing.assert_frame_equal(plain, frozen)


@given(measures, st.integers(min_value=0, max_value=59))
def test_excluded_point_does_not_move_centre_line_but_is_still_checked(y, where):
    where = where % len(y)
    wild = list(y)
    wild[where] = 1e9
    d = qic(y=wild, chart="i", exclude=[where + 1]).data
    reference = qic(y=[v for i, v in enumerate(y) if i != where], chart="i").data
    assert d["cl"].iloc[0] == reference["cl"].iloc[0]
    assert d["sigma_signal"].iloc[where]
