"""QicResult.explain(): each signal in plain English, naming where it happens."""

import json
from pathlib import Path

import pandas as pd

from qispread.spc import qic
from qispread.spc.explain import XLabels

REFERENCE = Path(__file__).parent / "reference_cases.json"
CASES = {c["id"]: c for c in json.loads(REFERENCE.read_text())}
CDI = CASES["qic_cdi_vignette_run_freeze_and_c_part"]["data"]["n"]
MONTHS = pd.date_range("2021-01-01", periods=len(CDI), freq="MS")


def test_long_run_and_few_crossings_named_with_months():
    text = qic(MONTHS, CDI, freeze=24).explain()
    # the vignette: "an unusually long run of 15 data points below the median"; point 22 of
    # the series starting January 2021 is October 2022
    assert text[0].startswith("15 points in a row below the median from October 2022 onwards")
    assert "unusually long run" in text[0] and "shifted" in text[0]
    assert "crosses the median only 8 times" in text[1]
    assert len(text) == 2


def test_points_outside_limits_named():
    y = CASES["qic_i_freeze20_montgomery_6_5"]["data"]["y"]
    weeks = pd.date_range("2024-01-01", periods=len(y), freq="7D")
    text = qic(weeks, y, chart="i", freeze=20).explain()
    assert text == [
        "2 points above the upper control limit (23 September 2024 and 30 September 2024): a "
        "point outside the limits is unlikely by chance alone, which suggests a special cause "
        "worth looking into."
    ]


def test_no_signal_says_common_cause():
    text = qic(y=[3, 6, 8, 7, 2, 4, 5, 9, 8, 3, 2, 6, 7, 4]).explain()
    assert len(text) == 1
    assert "No signals" in text[0] and "random" in text[0] and "common cause" in text[0]


def test_parts_are_named():
    text = qic(MONTHS, CDI, chart="c", part=[24]).explain()
    assert text[0].startswith("Part 1: ") and text[1].startswith("Part 2: ")


def test_ihi_rules_explained_and_astronomical_point_left_to_the_reader():
    falling = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0, -1]
    text = qic(y=falling, method="ihi").explain()
    joined = " ".join(text)
    assert "6 points in a row above the median from point 1 to point 6: a shift" in joined
    assert "12 points going steadily down from point 1 onwards: a trend" in joined
    assert "There are 2 runs, but between" in joined
    assert "astronomical" in text[-1] and "not checked automatically" in text[-1]


def test_mr_chart_says_runs_not_checked():
    assert "not checked on an MR chart" in qic(y=[1, 5, 2, 6, 3], chart="mr").explain()[-1]


def test_dates_formatted_for_people():
    monthly = pd.Series(pd.to_datetime(["2023-03-01", "2023-04-01"]))
    daily = pd.Series(pd.to_datetime(["2023-03-05", "2023-03-06"]))
    assert list(XLabels(monthly, True)) == ["March 2023", "April 2023"]
    assert list(XLabels(daily, True)) == ["5 March 2023", "6 March 2023"]
    assert list(XLabels(pd.Series([1, 2]), False)) == ["point 1", "point 2"]
