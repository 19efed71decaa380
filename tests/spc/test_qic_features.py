"""Arguments beyond the reference cases: aggregation, gaps, facets, x values for freeze, part and
exclude, output columns."""

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from qispread.spc import qic

REFERENCE = Path(__file__).parent / "reference_cases.json"
CASES = {c["id"]: c for c in json.loads(REFERENCE.read_text())}
COLUMNS = ["x", "y", "n", "y_sum", "y_length", "y_mean", "y_sd", "cl", "lcl", "ucl", "lcl_95",
           "ucl_95", "part", "baseline", "include", "n_obs", "n_useful", "longest_run",
           "longest_run_max", "n_crossings", "n_crossings_min", "runs_signal", "sigma_signal",
           "facet", "notes"]


def test_output_columns_mirror_qicharts2():
    assert list(qic(y=[1, 2, 3, 4]).data.columns) == COLUMNS
    ihi = qic(y=[1, 2, 3, 4], method="ihi").data.columns
    assert list(ihi) == COLUMNS + ["shift_signal", "trend_signal", "runs_count_signal"]


def test_result_knows_chart_and_method():
    r = qic(y=[1, 2, 3], chart="c", method="ihi")
    assert (r.chart, r.method) == ("c", "ihi")


@pytest.mark.parametrize("agg_fun, expected", [
    ("mean", [2.0, 10.0]), ("median", [1.5, 10.0]), ("sum", [8.0, 20.0]),
    ("sd", [(14 / 3) ** 0.5, 0.0]),
])
def test_repeated_x_aggregated_with_agg_fun(agg_fun, expected):
    d = qic(x=[1, 1, 1, 1, 2, 2], y=[0, 1, 2, 5, 10, 10], agg_fun=agg_fun).data
    np.testing.assert_allclose(d["y"], expected)


def test_repeated_x_with_n_is_sum_over_sum():
    d = qic(x=[1, 1, 2], y=[1, 3, 2], n=[10, 30, 20], chart="p").data
    assert d["y"].tolist() == [4 / 40, 2 / 20]
    assert d["n"].tolist() == [40, 20]


def test_c_chart_sums_counts_sharing_an_x():
    d = qic(x=["2024-01-01", "2024-01-01", "2024-02-01"], y=[2, 3, 4], chart="c").data
    assert d["y"].tolist() == [5, 4]


def test_missing_values_stay_as_gaps():
    d = qic(y=[3, np.nan, 5, 4, 6], chart="i").data
    assert np.isnan(d["y"].iloc[1])
    assert not d["sigma_signal"].iloc[1]
    assert d["n_obs"].iloc[0] == 5 and d["n_useful"].iloc[0] == 4


def test_missing_denominator_makes_a_gap():
    d = qic(y=[3, 4, 5, 4], n=[10, np.nan, 10, 10], chart="p").data
    assert np.isnan(d["y"].iloc[1]) and np.isnan(d["ucl"].iloc[1])


def test_text_x_keeps_its_order_and_skips_runs_analysis():
    d = qic(x=["Ward C", "Ward A", "Ward B"], y=[3, 9, 4], chart="i").data
    assert d["x"].tolist() == ["Ward C", "Ward A", "Ward B"]
    assert not d["runs_signal"].any()


def test_facets_are_analysed_separately():
    c = CASES["qic_u_multiply50_montgomery_7_5"]["data"]
    frame = pd.DataFrame({"roll": list(range(10)) * 2, "count": c["count"] * 2,
                          "metres": c["n"] * 2, "line": ["A"] * 10 + ["B"] * 10})
    frame.loc[frame["line"] == "B", "count"] *= 2
    r = qic("roll", "count", "metres", data=frame, facets="line", chart="u")
    summary = r.summary()
    assert summary["facet"].tolist() == ["A", "B"]
    assert summary["cl"].iloc[1] == pytest.approx(2 * summary["cl"].iloc[0])
    assert (r.data["facet"] == "A").sum() == 10


def test_freeze_part_exclude_accept_x_values():
    months = pd.date_range("2023-01-01", periods=12, freq="MS")
    y = [5, 6, 5, 7, 6, 5, 20, 21, 19, 22, 20, 21]
    by_number = qic(months, y, chart="i", part=[6], exclude=[2], freeze=None).data
    by_date = qic(months, y, chart="i", part=["2023-07-01"], exclude=[months[1]]).data
    pd.testing.assert_frame_equal(by_number, by_date)
    frozen = qic(months, y, chart="i", freeze="2023-06-01").data
    assert frozen["baseline"].sum() == 6


def test_part_ignores_freeze_as_qicharts2_does():
    y = list(range(20))
    a = qic(y=y, chart="i", part=[10], freeze=5).data
    b = qic(y=y, chart="i", part=[10]).data
    pd.testing.assert_frame_equal(a, b)


def test_fixed_centre_line():
    d = qic(y=list(range(1, 11)), chart="i", cl=20).data
    assert (d["cl"] == 20).all()
    assert d["runs_signal"].all()  # ten points in a row below the given centre line


def test_column_names_with_data_frame():
    frame = pd.DataFrame({"week": [1, 2, 3, 4], "falls": [2, 3, 1, 4]})
    assert qic("week", "falls", data=frame, chart="c").data["y"].tolist() == [2, 3, 1, 4]
    assert qic("falls", data=frame).data["x"].tolist() == [1, 2, 3, 4]


def test_summary_has_one_row_per_part():
    s = qic(y=list(range(20)), chart="i", part=[10]).summary()
    assert s["part"].tolist() == [1, 2]
    for column in ("n_obs", "n_useful", "longest_run", "longest_run_max", "n_crossings",
                   "n_crossings_min", "runs_signal", "cl", "lcl", "ucl", "sigma_signal"):
        assert column in s
