"""ptd() result: facets, rebasing, summary icons, assurance, warnings, explanation, speed."""

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from qispread.spc.ptd import PtdResult, ptd

RRK = next(
    c
    for c in json.loads(Path(__file__).with_name("ptd_reference_cases.json").read_text())["cases"]
    if c["id"] == "ptd_vignette_rrk_stable_decrease"
)
DEVIATIONS = next(
    c
    for c in json.loads(Path(__file__).with_name("ptd_reference_cases.json").read_text())["cases"]
    if c["id"] == "ptd_deviations_vignette_screen_outliers"
)["data"]["y"]
COLUMNS = [
    "x", "y", "facet", "rebase_group", "mean", "lpl", "upl", "lower_two_sigma",
    "upper_two_sigma", "target", "special_cause_type", "point_type", "relative_to_mean",
]  # fmt: skip


@pytest.fixture
def rrk():
    return pd.DataFrame(RRK["data"]).assign(period=lambda d: pd.to_datetime(d["period"]))


def test_columns_are_exactly_as_documented(rrk):
    result = ptd(rrk, y="breaches", x="period")
    assert isinstance(result, PtdResult)
    assert list(result.data.columns) == COLUMNS
    assert list(ptd(rrk, y="breaches", x="period", trajectory="breaches").data.columns) == (
        COLUMNS + ["trajectory"]
    )


def test_facets_are_analysed_separately_and_match_single_runs(rrk):
    both = pd.concat([rrk.assign(site="RRK"), pd.DataFrame({
        "period": pd.date_range("2020-01-01", periods=18, freq="MS"),
        "breaches": DEVIATIONS,
        "site": "deviations",
    })])  # fmt: skip
    result = ptd(both, y="breaches", x="period", facet="site", improvement_direction="decrease")
    summary = result.summary()
    assert summary["facet"].tolist() == ["RRK", "deviations"]
    assert summary["n_points"].tolist() == [24, 18]
    alone = ptd(rrk, y="breaches", x="period", improvement_direction="decrease").data
    faceted = result.data[result.data["facet"] == "RRK"].reset_index(drop=True)
    pd.testing.assert_frame_equal(faceted.drop(columns="facet"), alone.drop(columns="facet"))


def test_rebase_starts_new_limits(rrk):
    result = ptd(rrk, y="breaches", x="period", rebase=["2017-04-01"])
    data = result.data
    assert data["rebase_group"].tolist() == [0] * 12 + [1] * 12
    first, second = data.iloc[0], data.iloc[-1]
    assert first["mean"] == pytest.approx(np.mean(RRK["data"]["breaches"][:12]))
    assert second["mean"] == pytest.approx(np.mean(RRK["data"]["breaches"][12:]))
    assert result.summary()["mean"].iloc[0] == pytest.approx(second["mean"])
    assert "latest period, which starts at 1 April 2017" in result.explain()


def test_rebase_per_facet():
    y = list(range(10)) * 2
    x = list(range(10)) * 2
    facet = ["A"] * 10 + ["B"] * 10
    data = ptd(y=y, x=x, facet=facet, rebase={"B": [5]}).data
    assert data["rebase_group"].tolist() == [0] * 10 + [0] * 5 + [1] * 5


def test_unsorted_input_is_put_in_x_order(rrk):
    shuffled = rrk.sample(frac=1, random_state=3)
    pd.testing.assert_frame_equal(
        ptd(shuffled, y="breaches", x="period").data, ptd(rrk, y="breaches", x="period").data
    )


@pytest.mark.parametrize(
    ("direction", "target", "expected"),
    [
        ("decrease", 2000, "inconsistent"),  # between the limits (849.8 to 2574.0)
        ("decrease", 3000, "consistent_pass"),  # above the upper limit: lower is better
        ("decrease", 500, "consistent_fail"),
        ("increase", 3000, "consistent_fail"),
        ("increase", 500, "consistent_pass"),
        ("neutral", 500, None),
        ("decrease", None, None),
    ],
)
def test_assurance_from_target_and_latest_limits(rrk, direction, target, expected):
    result = ptd(rrk, y="breaches", x="period", improvement_direction=direction, target=target)
    assert result.summary()["assurance_type"].iloc[0] == expected


def test_variation_icon_names_follow_nhsrplotthedots():
    y = DEVIATIONS[:4] + [1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 10]
    assert ptd(y=y).summary()["variation_type"].iloc[0] == "special_cause_improvement_high"
    assert (
        ptd(y=y, improvement_direction="decrease").summary()["variation_type"].iloc[0]
        == "special_cause_concern_high"
    )
    assert (
        ptd(y=y, improvement_direction="neutral").summary()["variation_type"].iloc[0]
        == "special_cause_neutral_high"
    )
    low = [-v for v in y]
    assert ptd(y=low).summary()["variation_type"].iloc[0] == "special_cause_concern_low"
    assert (
        ptd(y=low, improvement_direction="decrease").summary()["variation_type"].iloc[0]
        == "special_cause_improvement_low"
    )


def test_short_periods_are_warned_about():
    assert ptd(y=DEVIATIONS[:13]).warnings == []
    result = ptd(y=DEVIATIONS[:12])
    assert len(result.warnings) == 1
    assert "only 12 points" in result.warnings[0] and "trial limits" in result.warnings[0]
    assert result.summary()["warning"].iloc[0] == result.warnings[0]
    # limits fixed after 10 points are based on 10 points, however long the series
    assert "only 10 points" in ptd(y=DEVIATIONS, fix_after_n_points=10).warnings[0]


def test_a_target_with_neutral_direction_is_warned_about():
    warnings = ptd(y=DEVIATIONS, improvement_direction="neutral", target=3).warnings
    assert len(warnings) == 1 and "'neutral'" in warnings[0] and "target" in warnings[0]


def test_explanation_of_common_cause_and_inconsistent_assurance():
    text = ptd(y=DEVIATIONS[:4] + DEVIATIONS[5:], target=1.5).explain()
    assert "within the process limits and shows no special cause" in text
    assert "common cause" in text
    assert "target of 1.5 lies within the process limits" in text
    assert "(inconsistent assurance)" in text


def test_explanation_of_a_shift_and_a_failing_target():
    y = [20, 4] * 6 + [6, 5, 6, 5, 6, 5, 6]  # the last 8 points all below the mean
    months = pd.date_range("2023-04-01", periods=len(y), freq="MS")
    result = ptd(y=y, x=months, improvement_direction="decrease", target=-20)
    text = result.explain()
    assert "The latest point (1 October 2024) is part of a run of 7 or more points below" in text
    assert "special cause improvement" in text
    assert "target of -20 lies below the lower process limit" in text
    assert "(consistent fail)" in text
    assert not text[0].startswith("'")  # no facet name without facets


def test_explanation_names_each_facet():
    text = ptd(y=DEVIATIONS * 2, x=list(range(18)) * 2, facet=["ED"] * 18 + ["ICU"] * 18).explain()
    assert [p.split(":")[0] for p in text] == ["'ED'", "'ICU'"]
    assert str(text) == "\n\n".join(text)  # printed, one paragraph per chart


def test_summary_keeps_none_for_missing_text_and_target():
    y = DEVIATIONS * 2
    facet = ["Ward 1"] * 18 + ["Ward 2"] * 18
    result = ptd(
        y=y, x=list(range(18)) * 2, facet=facet, target={"Ward 1": 3}, rebase={"Ward 2": [9]}
    )
    summary = result.summary()
    assert summary["assurance_type"].tolist() == ["inconsistent", None]
    assert summary["warning"].iloc[0] is None and "only 9 points" in summary["warning"].iloc[1]
    assert np.isnan(summary["target"].iloc[1])
    assert "'Ward 2': " in result.explain() and "only 9 points" in result.explain()
