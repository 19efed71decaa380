"""The Making Data Count rules against NHSRplotthedots 0.2.2's own unit-test vectors
(tests/testthat/test-ptd_calculate_point_type.R, copied in ptd_reference_cases.json)."""

import json
import re
from pathlib import Path

import numpy as np
import pytest

from qispread.spc.ptd import ptd
from qispread.spc.ptd.rules import part_of_run, shift_ends, trend_ends, two_in_three

VECTORS = next(
    c
    for c in json.loads(Path(__file__).with_name("ptd_reference_cases.json").read_text())["cases"]
    if c["id"] == "ptd_rule_unit_vectors"
)["expected"]


def r_vector(expression: str) -> np.ndarray:
    """Evaluate the small R vector expressions used as keys: 1:7, c(2,1:7,3), rep(1,8), -1."""
    expression = re.sub(r"rep\(([-\d]+),(\d+)\)", r"[\1]*\2", expression)
    expression = re.sub(r"(\d+):(\d+)", r"_seq(\1,\2)", expression)
    expression = expression.replace("c(", "_c(")

    def _seq(a, b):
        return list(range(a, b + 1)) if a <= b else list(range(a, b - 1, -1))

    def _c(*parts):
        return [v for p in parts for v in (p if isinstance(p, list) else [p])]

    value = eval(expression, {"_seq": _seq, "_c": _c})  # noqa: S307 - fixed test keys only
    return np.asarray(value if isinstance(value, list) else [value], dtype=float)


def one_group(n):
    return np.zeros(n, dtype=np.int64)


@pytest.mark.parametrize("key", list(VECTORS["seven_point_trend"]))
def test_trend_completes_at_the_seventh_point(key):
    y = r_vector(key)
    assert trend_ends(y, one_group(len(y)), 7).tolist() == VECTORS["seven_point_trend"][key]


@pytest.mark.parametrize("key", list(VECTORS["seven_point_one_side_mean"]))
def test_shift_completes_at_the_seventh_point_on_one_side(key):
    side = r_vector(key).astype(np.int8)
    assert (
        shift_ends(side, one_group(len(side)), 7).tolist()
        == VECTORS["seven_point_one_side_mean"][key]
    )


@pytest.mark.parametrize("key", list(VECTORS["part_of_seven_trend"]))
def test_every_point_of_a_completed_run_is_flagged(key):
    ends = r_vector(key)
    flagged = part_of_run(ends, one_group(len(ends)), 7).astype(int)
    assert flagged.tolist() == VECTORS["part_of_seven_trend"][key]


@pytest.mark.parametrize("key", list(VECTORS["two_in_three(close, rtm)"]))
def test_two_in_three_needs_all_three_on_one_side(key):
    close_text, rtm_text = re.match(r"close=(.*), rtm=(.*)", key).groups()
    close = r_vector(close_text).astype(bool)
    rtm = (
        np.ones(len(close), dtype=np.int8)
        if rtm_text == "all 1"
        else r_vector(rtm_text).astype(np.int8)
    )
    flagged = two_in_three(close, rtm, one_group(len(close))).astype(int)
    assert flagged.tolist() == VECTORS["two_in_three(close, rtm)"][key]


def test_runs_do_not_cross_from_one_period_to_the_next():
    y = np.arange(1.0, 9.0)
    group = np.array([0, 0, 0, 0, 1, 1, 1, 1])
    assert not trend_ends(y, group, 7).any()
    assert not shift_ends(np.ones(8, dtype=np.int8), group, 7).any()


# Hand-built series: a wide alternating baseline keeps every point inside the limits, so only the
# rule under test can fire.
BASELINE = [20, 4, 20, 4, 20, 4, 20]


def _types(data):
    return data["special_cause_type"].tolist()


def test_six_point_trend_rule_when_chosen():
    y = [30, 10, 30, 10, 30, 10, 11, 12, 13, 14, 15, 8, 30, 10, 30]
    assert _types(ptd(y=y, trend_length=6).data).count("trend") == 6
    assert _types(ptd(y=y, trend_length=7).data).count("trend") == 0


def test_a_tie_breaks_a_trend():
    y = [1, 2, 3, 3, 4, 5, 6, 7, 0, 0]
    assert not trend_ends(np.asarray(y, float), one_group(10), 7).any()


def test_rising_trend_below_the_mean_is_improvement_when_higher_is_better():
    # issue #171, fixed in 0.2.2: trend points take the trend's direction, not their side
    data = ptd(y=BASELINE + [4, 5, 6, 7, 8, 9, 10, 3] + BASELINE[:3]).data
    trend = data.iloc[7:14]
    assert _types(trend) == ["trend"] * 7
    assert set(trend["point_type"]) == {"special_cause_improvement"}
    assert (trend["relative_to_mean"] == -1).all()
    # the next point continues the run below the mean (8 points) but not the trend
    assert data["special_cause_type"].iloc[14] == "shift"
    assert data["point_type"].iloc[14] == "special_cause_concern"


def test_outside_limits_takes_precedence_over_trend():
    data = ptd(y=BASELINE + [4, 5, 6, 7, 8, 9, 60]).data
    assert _types(data)[7:] == ["trend"] * 6 + ["outside_limits"]
