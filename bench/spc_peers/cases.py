"""The reference cases as jobs (qicharts2's terms) and the checks their published values give.

Every expected value is read from tests/spc/reference_cases.json or ptd_reference_cases.json
(from qicharts2 0.8.1 / NHSRplotthedots 0.2.2, or marked there as derived with their formulas).
A check is (quantity, expected, kind): kind "value" compares a number at each point listed,
"points" a set of 1-based points, "runs" one qicharts2 run statistic of one part, "mean" the
mean of a line over all points, "count" how many points are beyond the limits, "table" the
Anhøj critical values.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

TESTS = Path(__file__).resolve().parents[2] / "tests" / "spc"
RUN_KEYS = {"n.useful": "n_useful", "longest.run": "longest_run",
            "longest.run.max": "longest_run_max", "n.crossings": "n_crossings",
            "n.crossings.min": "n_crossings_min", "runs.signal": "runs_signal"}


@dataclass
class Variant:
    case: str
    label: str
    job: dict
    source: str  # "published" or "derived" (the reference file's own label)
    checks: list[tuple] = field(default_factory=list)

    def line(self, name: str, expected, points=None) -> None:
        """cl/lcl/ucl/y: one number for the listed points (default all), or one per point."""
        if expected is None:
            return
        if isinstance(expected, list):
            for i, value in enumerate(expected):
                if value is not None:
                    self.checks.append((f"{name}[{i + 1}]", value, "value", [i + 1]))
        else:
            self.checks.append((name, expected, "value", points))

    def runs(self, expected: dict, part: int = 1) -> None:
        for key, name in RUN_KEYS.items():
            for source_key in (key, name):
                if source_key in expected:
                    parted = part > 1 or "part=" in self.label
                    label = f"{name} (part {part})" if parted else name
                    self.checks.append((label, expected[source_key], "runs", part))

    def points(self, name: str, expected, kind: str = "sigma", within=None) -> None:
        """kind: "sigma" (beyond the limits), "improvement", "concern" or "any" special cause;
        within: only these 1-based points are looked at (default all)."""
        self.checks.append((name, sorted(expected), "points", (kind, within)))


def _load(name: str) -> dict:
    cases = json.loads((TESTS / name).read_text())
    cases = cases["cases"] if isinstance(cases, dict) else cases
    return {c["id"]: c for c in cases}


def _lines(v: Variant, e: dict, points=None) -> None:
    for name in ("cl", "lcl", "ucl"):
        v.line(name, e.get(name), points)


def qic_variants() -> list[Variant]:
    c = _load("reference_cases.json")
    out = []

    def add(case_id, label, job, source="published"):
        v = Variant(case_id, label, job, source)
        out.append(v)
        return v

    def whole_chart(case_id, label, job_of):
        """Centre line, limits, points beyond them and run statistics, as published."""
        case = c[case_id]
        e = case["expected"]
        v = add(case_id, label, job_of(case["data"]))
        _lines(v, e)
        v.points("points beyond limits", e["sigma_signal_points_1based"])
        v.runs(e)

    whole_chart("qic_i_freeze20_montgomery_6_5", "I chart, freeze=20",
                lambda d: {"chart": "i", "y": d["y"], "freeze": 20})
    whole_chart("qic_p_variable_n_montgomery_tbl_7_4", "P chart, variable n",
                lambda d: {"chart": "p", "y": d["count"], "n": d["n"]})
    whole_chart("qic_c_exclude_freeze_montgomery_7_3", "C chart, exclude=c(6,20), freeze=26",
                lambda d: {"chart": "c", "y": d["count"], "exclude": [6, 20], "freeze": 26})
    whole_chart("qic_t_montgomery_7_6", "T chart", lambda d: {"chart": "t", "y": d["y"]})

    case = c["qic_mr_freeze20_montgomery_6_5"]
    e = case["expected"]
    v = add(case["id"], "MR chart, freeze=20",
            {"chart": "mr", "y": case["data"]["y"], "freeze": 20})
    _lines(v, e, points=[2])
    v.line("y", e["y_first_two"])
    v.points("points beyond limits", e["sigma_signal_points_1based"])

    case = c["qic_p_part30_exclude_montgomery_7_1"]
    e = case["expected"]
    v = add(case["id"], "P chart, part=30, exclude=c(15,23)",
            {"chart": "p", "y": case["data"]["count"], "n": case["data"]["n"], "part": [30],
             "exclude": [15, 23]})
    for part, first in ((1, 1), (2, 31)):
        for name in ("cl", "lcl", "ucl"):
            v.line(f"{name} (part {part})", e[f"part{part}"][name], [first])
        v.runs(e[f"part{part}"], part)
    v.points("points beyond limits", e["sigma_signal_points_1based"])

    case = c["qic_u_multiply50_montgomery_7_5"]
    e = case["expected"]
    v = add(case["id"], "U chart, multiply=50",
            {"chart": "u", "y": case["data"]["count"], "n": case["data"]["n"], "multiply": 50})
    for name in ("cl", "lcl", "ucl", "y"):
        v.line(name, e[name])
    v.runs(e)

    case = c["qic_xbar_s_variable_n_montgomery_6_4"]
    sizes = {}
    for g in case["data"]["subgroup"]:
        sizes[g] = sizes.get(g, 0) + 1
    first_with = {str(n): 1 + list(sizes.values()).index(n) for n in set(sizes.values())}
    for chart in ("xbar", "s"):
        e = case["expected"][chart]
        v = add(case["id"], f"{chart} chart, variable n",
                {"chart": chart, "y": case["data"]["obs"], "x": case["data"]["subgroup"]})
        v.line("cl", e["cl"])
        for n, point in sorted(first_with.items()):
            v.line(f"ucl (n={n})", e["ucl_by_n"][n], [point])
            v.line(f"lcl (n={n})", e["lcl_by_n"][n], [point])
        v.runs(e)

    case = c["qic_u_hospital_infections_all"]
    e = case["expected"]
    v = add(case["id"], "U chart (summary)",
            {"chart": "u", "y": case["data"]["n"], "n": case["data"]["days"]})
    v.line("cl", e["CL"])
    v.checks.append(("mean lcl", e["aLCL_mean"], "mean", "lcl"))
    v.checks.append(("mean ucl", e["aUCL_mean"], "mean", "ucl"))
    v.checks.append(("points beyond limits (count)", e["sigma.signal_count"], "count", None))
    v.runs(e)

    case = c["qic_cdi_vignette_run_freeze_and_c_part"]
    e = case["expected"]
    y = case["data"]["n"]
    v = add(case["id"], "run chart, freeze=24", {"chart": "run", "y": y, "freeze": 24})
    v.line("cl (median)", e["run_freeze24"]["cl_median"])
    v.checks.append(("longest_run", e["run_freeze24"]["longest.run"], "runs", 1))
    v = add(case["id"], "run chart, freeze=24", {"chart": "run", "y": y, "freeze": 24}, "derived")
    v.runs(e["run_freeze24"]["DERIVED"])
    v = add(case["id"], "run chart, no freeze", {"chart": "run", "y": y}, "derived")
    v.line("cl (median)", e["run_no_freeze_DERIVED"]["cl_median"])
    v.runs(e["run_no_freeze_DERIVED"])
    v = add(case["id"], "C chart, part=24", {"chart": "c", "y": y, "part": [24]}, "derived")
    for part, first in ((1, 1), (2, 25)):
        for name in ("cl", "lcl", "ucl"):
            v.line(f"{name} (part {part})", e["c_part24"]["DERIVED"][f"part{part}"][name], [first])

    case = c["anhoej_critical_values_n10_100"]
    v = add(case["id"], "Anhøj critical values, n = 10..100",
            {"chart": "thresholds",
             "sizes": [row[0] for row in case["expected"]["table_n_longestRunMax_crossingsMin"]]})
    v.checks.append(("table", case["expected"]["table_n_longestRunMax_crossingsMin"], "table",
                     None))

    case = c["derived_run_chart_ties_on_median"]
    e = case["expected"]
    v = add(case["id"], "run chart, ties on the median", {"chart": "run", "y": case["data"]["y"]},
            "derived")
    v.line("cl (median)", e["cl_median"])
    v.runs(e)

    case = c["derived_laney_pp_nhs_accidents"]
    e = case["expected"]
    data = {"y": case["data"]["r"], "n": case["data"]["n"]}
    v = add(case["id"], "P′ chart (Laney)", {"chart": "pp", **data}, "derived")
    _lines(v, e)
    v.checks.append(("points beyond limits (count)", e["pp_sigma_signal_count"], "count", None))
    v = add(case["id"], "P chart, same data", {"chart": "p", **data}, "derived")
    v.checks.append(("points beyond limits (count)", e["p_chart_sigma_signal_count"], "count",
                     None))

    case = c["derived_g_chart_cabg_surgeries_between_deaths"]
    e = case["expected"]
    v = add(case["id"], "G chart", {"chart": "g", "y": case["data"]["dd"]})
    v.points("points beyond limits", e["sigma_signal_points_1based"])
    v = add(case["id"], "G chart", {"chart": "g", "y": case["data"]["dd"]}, "derived")
    d = e["DERIVED"]
    v.line("cl (median)", d["cl_median"])
    v.line("ucl", d["ucl"])
    v.line("lcl", d["lcl"])
    v.runs(d)
    return out


def _xmr(v: Variant, e: dict) -> None:
    v.line("mean", e.get("mean", e.get("mean_col")))
    v.line("lpl", e["lpl"])
    v.line("upl", e["upl"])


def ptd_variants() -> list[Variant]:
    c = _load("ptd_reference_cases.json")
    out = []
    case = c["ptd_deviations_vignette_screen_outliers"]
    y = case["data"]["y"]
    for screen in (True, False):
        e = case["expected"][f"ptd_screen_{str(screen).upper()}"]
        v = Variant(case["id"], f"XmR (ptd), screen_outliers={screen}",
                    {"chart": "xmr", "y": y, "screen": screen, "direction": "increase"},
                    "published")
        _xmr(v, e)
        v.points("special-cause improvement points", e["special_cause_points_1based"],
                 "improvement")
        out.append(v)
        e = case["expected"][f"DERIVED_qicharts2_i_{'screened' if screen else 'unscreened'}"]
        v = Variant(case["id"], f"I chart (qicharts2), MR screening={screen}",
                    {"chart": "i", "y": y, "screen": screen}, "derived")
        _lines(v, e)
        out.append(v)

    case = c["ptd_spc_standard_snapshot_rnorm20"]
    y = case["data"]["y"]
    changed = [*y[:14], 10, *y[15:]]
    for key, data, screen, fix in (("a", y, True, None), ("b", changed, True, None),
                                   ("c", changed, False, None),
                                   ("fix_after_n_points_12_DERIVED", y, True, 12)):
        e = case["expected"][key]
        label = {"a": "XmR (ptd)", "b": "XmR (ptd), y15=10", "c": "XmR, y15=10, no screening",
                 }.get(key, "XmR (ptd), fix_after_n_points=12")
        v = Variant(case["id"], label, {"chart": "xmr", "y": data, "screen": screen,
                                        "fix_after": fix},
                    "derived" if "DERIVED" in key else "published")
        _xmr(v, e)
        if "special_cause_points" in e:
            v.points("special-cause points (any kind)", e["special_cause_points"], "any")
        out.append(v)

    case = c["ptd_rule_unit_vectors"]
    series = case["expected"]["opposite_sides_series"]
    v = Variant(case["id"], "XmR (ptd), points alternating about the mean",
                {"chart": "xmr", "y": series["y"]}, "derived")
    _xmr(v, series["DERIVED"])
    out.append(v)
    v = Variant(case["id"], "XmR (ptd), points alternating about the mean",
                {"chart": "xmr", "y": series["y"]}, "published")
    last_two = [len(series["y"]) - 1, len(series["y"])]
    v.points("special cause among the last two points", [], "any", last_two)
    out.append(v)

    case = c["ptd_vignette_rrk_stable_decrease"]
    d = case["expected"]["DERIVED"]
    job = {"chart": "xmr", "y": case["data"]["breaches"], "direction": "decrease"}
    v = Variant(case["id"], "XmR (ptd), decrease is better", job, "derived")
    _xmr(v, d)
    v.points("special-cause improvement points", d["special_cause_improvement_points_1based"],
             "improvement")
    v.points("special-cause concern points", d["special_cause_concern_points_1based"], "concern")
    out.append(v)
    return out
