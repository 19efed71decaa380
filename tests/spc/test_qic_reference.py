"""qic() against published qicharts2 0.8.1 results (tests/spc/reference_cases.json, each case with
its source). Values quoted to 6 decimals are compared to that precision."""

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from qispread.spc import qic
from qispread.spc.runs import longest_run_max, n_crossings_min

REFERENCE = Path(__file__).parent / "reference_cases.json"
CASES = {c["id"]: c for c in json.loads(REFERENCE.read_text())}
TOL = 1e-6


def case(name):
    return CASES[name]


def expect_runs(summary_row, expected):
    for key in ("n.obs", "n.useful", "longest.run", "longest.run.max", "n.crossings",
                "n.crossings.min", "runs.signal"):
        if key in expected:
            assert summary_row[key.replace(".", "_")] == expected[key], key


def expect_lines(result, expected, lines=("cl", "ucl", "lcl")):
    for line in lines:
        assert result.data[line].iloc[0] == pytest.approx(expected[line], abs=TOL), line


def sigma_points(result):
    return (np.flatnonzero(result.data["sigma_signal"].to_numpy()) + 1).tolist()


def test_i_chart_freeze():
    c = case("qic_i_freeze20_montgomery_6_5")
    r = qic(y=c["data"]["y"], chart="i", freeze=20)
    e = c["expected"]
    expect_lines(r, e)
    assert sigma_points(r) == e["sigma_signal_points_1based"]
    expect_runs(r.summary().iloc[0], e)


def test_i_chart_same_without_screening_when_nothing_to_screen():
    c = case("qic_i_freeze20_montgomery_6_5")
    r = qic(y=c["data"]["y"], chart="i", freeze=20, screen_mr=False)
    assert r.data["ucl"].iloc[0] == pytest.approx(c["expected"]["ucl"], abs=TOL)


def test_mr_chart_freeze():
    c = case("qic_mr_freeze20_montgomery_6_5")
    r = qic(y=c["data"]["y"], chart="mr", freeze=20)
    e = c["expected"]
    assert np.isnan(r.data["y"].iloc[0]) and r.data["y"].iloc[1] == e["y_first_two"][1]
    assert r.data["cl"].iloc[0] == pytest.approx(e["cl"], abs=TOL)
    assert r.data["ucl"].iloc[0] == pytest.approx(e["ucl"], abs=TOL)
    assert r.data["lcl"].iloc[0] == e["lcl"]
    assert sigma_points(r) == e["sigma_signal_points_1based"]
    assert r.summary().iloc[0]["n_useful"] == e["n.useful"]
    assert not r.data["runs_signal"].any()


def test_p_chart_variable_n():
    c = case("qic_p_variable_n_montgomery_tbl_7_4")
    r = qic(y=c["data"]["count"], n=c["data"]["n"], chart="p")
    e = c["expected"]
    assert r.data["cl"].iloc[0] == pytest.approx(e["cl"], abs=TOL)
    np.testing.assert_allclose(r.data["ucl"], e["ucl"], atol=TOL)
    np.testing.assert_allclose(r.data["lcl"], e["lcl"], atol=TOL)
    assert sigma_points(r) == e["sigma_signal_points_1based"]
    expect_runs(r.summary().iloc[0], e)


def test_c_chart_exclude_and_freeze():
    c = case("qic_c_exclude_freeze_montgomery_7_3")
    r = qic(y=c["data"]["count"], chart="c", exclude=[6, 20], freeze=26)
    e = c["expected"]
    expect_lines(r, e)
    assert sigma_points(r) == e["sigma_signal_points_1based"]
    expect_runs(r.summary().iloc[0], e)


def test_p_chart_part_and_exclude():
    c = case("qic_p_part30_exclude_montgomery_7_1")
    r = qic(y=c["data"]["count"], n=c["data"]["n"], chart="p", part=[30], exclude=[15, 23])
    e = c["expected"]
    summary = r.summary()
    for index, name in enumerate(("part1", "part2")):
        row, want = summary.iloc[index], e[name]
        for line in ("cl", "ucl", "lcl"):
            assert row[line] == pytest.approx(want[line], abs=TOL), (name, line)
        expect_runs(row, want)
    assert sigma_points(r) == e["sigma_signal_points_1based"]


def test_t_chart():
    c = case("qic_t_montgomery_7_6")
    r = qic(y=c["data"]["y"], chart="t")
    e = c["expected"]
    expect_lines(r, e)
    assert sigma_points(r) == e["sigma_signal_points_1based"]
    expect_runs(r.summary().iloc[0], e)


def test_u_chart_multiply():
    c = case("qic_u_multiply50_montgomery_7_5")
    r = qic(y=c["data"]["count"], n=c["data"]["n"], chart="u", multiply=50)
    e = c["expected"]
    assert r.data["cl"].iloc[0] == pytest.approx(e["cl"], abs=TOL)
    np.testing.assert_allclose(r.data["ucl"], e["ucl"], atol=TOL)
    np.testing.assert_allclose(r.data["lcl"], e["lcl"], atol=TOL)
    np.testing.assert_allclose(r.data["y"], e["y"], atol=TOL)
    expect_runs(r.summary().iloc[0], e)


@pytest.mark.parametrize("chart", ["xbar", "s"])
def test_xbar_and_s_variable_subgroup_sizes(chart):
    c = case("qic_xbar_s_variable_n_montgomery_6_4")
    data = pd.DataFrame(c["data"])
    r = qic("subgroup", "obs", data=data, chart=chart)
    e = c["expected"][chart]
    d = r.data
    assert d["cl"].iloc[0] == pytest.approx(e["cl"], abs=TOL)
    for size, want in e["ucl_by_n"].items():
        assert d.loc[d["y_length"] == int(size), "ucl"].iloc[0] == pytest.approx(want, abs=TOL)
    for size, want in e["lcl_by_n"].items():
        assert d.loc[d["y_length"] == int(size), "lcl"].iloc[0] == pytest.approx(want, abs=TOL)
    expect_runs(r.summary().iloc[0], e)


def test_u_chart_hospital_infections_summary():
    c = case("qic_u_hospital_infections_all")
    data = pd.DataFrame(c["data"])
    r = qic("month", "n", "days", data=data, chart="u")
    s, e = r.summary().iloc[0], c["expected"]
    assert s["cl"] == pytest.approx(e["CL"], abs=TOL)
    assert s["lcl"] == pytest.approx(e["aLCL_mean"], abs=TOL)
    assert s["ucl"] == pytest.approx(e["aUCL_mean"], abs=TOL)
    assert s["sigma_signal"] == e["sigma.signal_count"]
    expect_runs(s, e)


def test_u_chart_hospital_infections_before_aggregation_gives_same_result():
    """Splitting each month into two rows must be undone by qic()'s aggregation."""
    c = case("qic_u_hospital_infections_all")
    data = pd.DataFrame(c["data"])
    halves = pd.concat([data.assign(n=data["n"] // 2, days=data["days"] / 2),
                        data.assign(n=data["n"] - data["n"] // 2, days=data["days"] / 2)])
    r = qic("month", "n", "days", data=halves.iloc[::-1], chart="u")
    assert r.summary().iloc[0]["cl"] == pytest.approx(c["expected"]["CL"], abs=TOL)
    assert len(r.data) == 24


def test_cdi_run_chart_with_freeze():
    c = case("qic_cdi_vignette_run_freeze_and_c_part")
    e = c["expected"]["run_freeze24"]
    r = qic(y=c["data"]["n"], chart="run", freeze=24)
    s = r.summary().iloc[0]
    assert s["cl"] == e["cl_median"]
    assert s["longest_run"] == e["longest.run"]
    expect_runs(s, e["DERIVED"])


def test_cdi_run_chart_without_freeze():
    c = case("qic_cdi_vignette_run_freeze_and_c_part")
    e = c["expected"]["run_no_freeze_DERIVED"]
    s = qic(y=c["data"]["n"]).summary().iloc[0]
    assert s["cl"] == e["cl_median"]
    for key in ("n_useful", "longest_run", "n_crossings", "n_crossings_min", "runs_signal"):
        assert s[key] == e[key], key


def test_cdi_c_chart_with_part():
    c = case("qic_cdi_vignette_run_freeze_and_c_part")
    e = c["expected"]["c_part24"]
    s = qic(y=c["data"]["n"], chart="c", part=[24]).summary()
    assert round(s.iloc[0]["cl"]) == e["part1_cl_rounded"]
    assert round(s.iloc[1]["cl"]) == e["part2_cl_rounded"]
    assert [round(s.iloc[1]["lcl"]), round(s.iloc[1]["ucl"])] == e["part2_limits_rounded"]
    for index, name in enumerate(("part1", "part2")):
        for line in ("cl", "ucl", "lcl"):
            assert s.iloc[index][line] == pytest.approx(e["DERIVED"][name][line], abs=TOL)


def test_anhoej_critical_values_n10_to_100():
    table = case("anhoej_critical_values_n10_100")["expected"]["table_n_longestRunMax_crossingsMin"]
    for n, longest_max, crossings_min in table:
        assert longest_run_max(n) == longest_max, n
        assert n_crossings_min(n) == crossings_min, n


def test_run_chart_points_on_median_are_not_useful():
    c = case("derived_run_chart_ties_on_median")
    s = qic(y=c["data"]["y"]).summary().iloc[0]
    e = c["expected"]
    assert s["cl"] == e["cl_median"]
    expect_runs(s, e)


def test_laney_pp_chart():
    c = case("derived_laney_pp_nhs_accidents")
    e = c["expected"]
    r = qic(y=c["data"]["r"], n=c["data"]["n"], chart="pp")
    assert r.data["cl"].iloc[0] == pytest.approx(e["cl"], abs=1e-4)  # quoted to 4 decimals
    np.testing.assert_allclose(r.data["ucl"], e["ucl"], atol=TOL)
    np.testing.assert_allclose(r.data["lcl"], e["lcl"], atol=TOL)
    assert r.data["sigma_signal"].sum() == e["pp_sigma_signal_count"]
    p = qic(y=c["data"]["r"], n=c["data"]["n"], chart="p")
    assert p.data["sigma_signal"].sum() == e["p_chart_sigma_signal_count"]


@pytest.mark.parametrize("screen, key", [(True, "DERIVED_qicharts2_i_screened"),
                                         (False, "DERIVED_qicharts2_i_unscreened")])
def test_i_chart_moving_range_screening(screen, key):
    c = case("ptd_deviations_vignette_screen_outliers")
    e = c["expected"][key]
    expect_lines(qic(y=c["data"]["y"], chart="i", screen_mr=screen), e)


def test_g_chart_median_centre_line_and_mean_limits():
    c = case("derived_g_chart_cabg_surgeries_between_deaths")
    e = c["expected"]
    r = qic(y=[np.nan if v is None else v for v in c["data"]["dd"]], chart="g")
    assert sigma_points(r) == e["sigma_signal_points_1based"]
    d = e["DERIVED"]
    assert r.data["cl"].iloc[0] == d["cl_median"]
    assert r.data["ucl"].iloc[0] == pytest.approx(d["ucl"], abs=TOL)
    assert r.data["lcl"].iloc[0] == d["lcl"]
    expect_runs(r.summary().iloc[0], d)
