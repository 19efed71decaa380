"""Reference data copied into tests/plots/data/reference_cases.json (each case names its source:
Montgomery's textbook tables and data shipped with qicharts2 0.8.1 and NHSRplotthedots 0.2.2),
and real qic()/ptd() results built from them for every chart type."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd

from qispread.spc import ptd, qic

CASES_FILE = Path(__file__).parent / "data" / "reference_cases.json"


@cache
def _cases() -> dict:
    return {c["id"]: c for c in json.loads(CASES_FILE.read_text())["cases"]}


def case(case_id: str) -> dict:
    return _cases()[case_id]


def _monthly(count: int) -> pd.DatetimeIndex:
    return pd.date_range("2015-01-01", periods=count, freq="MS")


def qic_result(chart: str, **extra):
    """A qic() result of ``chart`` from the reference data set best suited to it."""
    if chart == "run":
        y = case("qic_cdi_vignette_run_freeze_and_c_part")["data"]["n"]
        return qic(x=_monthly(len(y)), y=y, chart="run", freeze=24, **extra)
    if chart in ("i", "mr"):
        y = case("qic_i_freeze20_montgomery_6_5")["data"]["y"]
        return qic(y=y, chart=chart, freeze=20, **extra)
    if chart in ("xbar", "s"):
        d = case("qic_xbar_s_variable_n_montgomery_6_4")["data"]
        return qic(x=d["subgroup"], y=d["obs"], chart=chart, **extra)
    if chart == "t":
        return qic(y=case("qic_t_montgomery_7_6")["data"]["y"], chart="t", **extra)
    if chart == "p":
        d = case("qic_p_part30_exclude_montgomery_7_1")["data"]
        return qic(y=d["count"], n=d["n"], chart="p", part=[30], exclude=[15, 23], **extra)
    if chart == "pp":
        d = case("derived_laney_pp_nhs_accidents")["data"]
        return qic(x=_monthly(len(d["r"])), y=d["r"], n=d["n"], chart="pp", **extra)
    if chart == "c":
        d = case("qic_c_exclude_freeze_montgomery_7_3")["data"]
        return qic(y=d["count"], chart="c", exclude=[6, 20], freeze=26, **extra)
    if chart in ("u", "up"):
        d = case("qic_u_hospital_infections_all")["data"]
        return qic(x=pd.to_datetime(d["month"]), y=d["n"], n=np.array(d["days"]) / 10000,
                   chart=chart, **extra)
    if chart == "g":
        return qic(y=case("derived_g_chart_cabg_surgeries_between_deaths")["data"]["dd"],
                   chart="g", **extra)
    raise ValueError(chart)


def breaches(**extra):
    """Four-hour breaches at trust RRK (NHSRplotthedots vignette) as a ptd() result."""
    d = case("ptd_vignette_rrk_stable_decrease")["data"]
    frame = pd.DataFrame({"period": pd.to_datetime(d["period"]), "breaches": d["breaches"]})
    extra.setdefault("improvement_direction", "decrease")
    return ptd(frame, y="breaches", x="period", **extra)
