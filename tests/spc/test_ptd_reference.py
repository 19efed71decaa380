"""ptd() reproduces NHSRplotthedots 0.2.2's published values (ptd_reference_cases.json)."""

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from qispread.spc.ptd import ptd

CASES = {
    c["id"]: c
    for c in json.loads((Path(__file__).with_name("ptd_reference_cases.json")).read_text())["cases"]
}


def _only(result, column):
    values = result.data[column].unique()
    assert len(values) == 1
    return values[0]


@pytest.mark.parametrize("screen", [True, False])
def test_deviations_vignette_limits_and_single_improvement_point(screen):
    case = CASES["ptd_deviations_vignette_screen_outliers"]
    expected = case["expected"][f"ptd_screen_{str(screen).upper()}"]
    result = ptd(y=case["data"]["y"], screen_outliers=screen, **case["params"])
    for column in ("mean", "lpl", "upl"):
        assert _only(result, column) == pytest.approx(expected[column], abs=1e-6)
        assert (
            round(_only(result, column), 2)
            == expected["rounded"][["upl", "mean", "lpl"].index(column)]
        )
    special = np.flatnonzero(result.data["point_type"] != "common_cause") + 1
    assert special.tolist() == expected["special_cause_points_1based"]
    assert result.data["point_type"].iloc[4] == expected["point5_type"]


def _rnorm_case(variant):
    case = CASES["ptd_spc_standard_snapshot_rnorm20"]
    y = list(case["data"]["y"])
    params = dict(case["params"].get(variant, {}))
    if params.pop("y15", None) is not None:
        y[14] = 10
    return case, y, params


@pytest.mark.parametrize("variant", ["a", "b", "c"])
def test_rnorm20_snapshot_variants(variant):
    case, y, params = _rnorm_case(variant)
    expected = case["expected"][variant]
    result = ptd(y=y, x=pd.date_range("2020-01-01", periods=20, freq="D"), **params)
    assert _only(result, "mean") == pytest.approx(expected["mean_col"], abs=1e-6)
    assert _only(result, "lpl") == pytest.approx(expected["lpl"], abs=1e-6)
    assert _only(result, "upl") == pytest.approx(expected["upl"], abs=1e-6)
    if "special_cause_points" in expected:
        special = np.flatnonzero(result.data["point_type"] != "common_cause") + 1
        assert special.tolist() == expected["special_cause_points"]


def test_rnorm20_fix_after_12_points():
    case, y, _ = _rnorm_case("a")
    expected = case["expected"]["fix_after_n_points_12_DERIVED"]
    result = ptd(y=y, fix_after_n_points=12)
    # the source states these to 6 significant figures
    assert _only(result, "mean") == pytest.approx(expected["mean_col"], abs=1e-6)
    assert _only(result, "lpl") == pytest.approx(expected["lpl"], abs=1e-4)
    assert _only(result, "upl") == pytest.approx(expected["upl"], abs=1e-6)


def test_opposite_sides_close_to_limits_are_not_two_in_three():
    case = CASES["ptd_rule_unit_vectors"]["expected"]["opposite_sides_series"]
    result = ptd(y=case["y"])
    assert result.data["point_type"].iloc[-2:].tolist() == case["last_two_point_type"]
    assert _only(result, "mean") == pytest.approx(case["DERIVED"]["mean"], abs=1e-9)
    assert _only(result, "lpl") == pytest.approx(case["DERIVED"]["lpl"], abs=1e-6)
    assert _only(result, "upl") == pytest.approx(case["DERIVED"]["upl"], abs=1e-6)


def test_rrk_stable_period_blue_run_of_eight():
    case = CASES["ptd_vignette_rrk_stable_decrease"]
    table = pd.DataFrame(case["data"]).assign(period=lambda d: pd.to_datetime(d["period"]))
    result = ptd(table, y="breaches", x="period", **case["params"])
    derived = case["expected"]["DERIVED"]
    types = result.data["point_type"]
    improvement = np.flatnonzero(types == "special_cause_improvement") + 1
    assert len(improvement) == case["expected"]["blue_improvement_run_length"]
    assert improvement.tolist() == derived["special_cause_improvement_points_1based"]
    assert (np.flatnonzero(types == "special_cause_concern") + 1).tolist() == derived[
        "special_cause_concern_points_1based"
    ]
    assert set(result.data["special_cause_type"].iloc[improvement - 1]) == {"shift"}
    assert _only(result, "mean") == pytest.approx(derived["mean"], abs=1e-6)
    assert _only(result, "lpl") == pytest.approx(derived["lpl"], abs=1e-6)
    assert _only(result, "upl") == pytest.approx(derived["upl"], abs=1e-6)
    assert result.summary()["variation_type"].iloc[0] == derived["variation_icon_last_point"]
