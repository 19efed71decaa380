"""Run reference-case jobs through one package and print its outputs in one common shape.

Stand-alone (runs in .venv for qispread, in bench/.peers-venv for the peers). Reads a JSON list of
jobs on stdin, prints a JSON list of outputs. A job is phrased in qicharts2's terms:
chart, y, n, x (subgroup of each raw value, xbar/s), freeze, part (points before each break),
exclude (1-based), multiply, screen (MR screening), and for chart "xmr" (NHSRplotthedots' XmR):
direction and fix_after. Each package gets the arguments its own documentation gives for that.

Output: cl, lcl, ucl and y per point; sigma_points (1-based, beyond the 3-sigma limits);
runs (qicharts2's run statistics per part) or None; special (Making Data Count special-cause
points by kind) or None; or status "unsupported" with the reason.
"""

from __future__ import annotations

import json
import sys
import warnings

import numpy as np
import pandas as pd

RUN_NAMES = ("n_useful", "longest_run", "longest_run_max", "n_crossings", "n_crossings_min",
             "runs_signal")


class Unsupported(Exception):
    """The package has no way to ask for what the job asks."""


def _floats(values) -> list:
    return [None if v is None or not np.isfinite(v) else float(v)
            for v in np.asarray(values, dtype=float)]


def _points(mask) -> list[int]:
    return [int(i) + 1 for i in np.flatnonzero(np.asarray(mask, dtype=bool))]


def _lines(cl, lcl, ucl, y) -> dict:
    return {"cl": _floats(cl), "lcl": _floats(lcl), "ucl": _floats(ucl), "y": _floats(y)}


def qispread_job(job: dict) -> dict:
    from qispread.spc import ptd, qic

    if job["chart"] == "xmr":
        d = ptd(y=job["y"], improvement_direction=job.get("direction", "increase"),
                screen_outliers=job.get("screen", True),
                fix_after_n_points=job.get("fix_after")).data
        kinds = d["point_type"].str.replace("special_cause_", "", regex=False)
        return _lines(d["mean"], d["lpl"], d["upl"], d["y"]) | {
            "sigma_points": _points((d["y"] > d["upl"]) | (d["y"] < d["lpl"])), "runs": None,
            "special": {k: _points(kinds == k) for k in ("improvement", "concern", "neutral")}}
    d = qic(x=job.get("x"), y=job["y"], n=job.get("n"), chart=job["chart"],
            freeze=job.get("freeze"), part=job.get("part"), exclude=job.get("exclude"),
            multiply=job.get("multiply", 1), screen_mr=job.get("screen", True)).data
    runs = [{name: _plain(part[name].iloc[0]) for name in RUN_NAMES}
            for _, part in d.groupby("part", sort=True)]
    return _lines(d["cl"], d["lcl"], d["ucl"], d["y"]) | {
        "sigma_points": _points(d["sigma_signal"]), "runs": runs, "special": None}


def _plain(value):
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    return None if pd.isna(value) else float(value)


def qikit_job(job: dict) -> dict:
    from qikit import qic

    if job.get("screen") is False:
        raise Unsupported("no option to switch off moving-range screening")
    chart = "i" if job["chart"] == "xmr" else job["chart"]
    freeze = job.get("fix_after") if job["chart"] == "xmr" else job.get("freeze")
    # Its part= is the 1-based index where a new part begins (its docstring), so qicharts2's
    # part=[30] (30 points, then a break) is part=[31] here.
    part = [p + 1 for p in job["part"]] if job.get("part") else None
    columns = {"x": job.get("x"), "y": job["y"], "n": job.get("n")}
    if chart in {"xbar", "s"}:  # it takes raw subgroup values only as columns of data=
        columns = {"data": pd.DataFrame({"x": job["x"], "y": job["y"]}), "x": "x", "y": "y"}
    r = qic(**columns, chart=chart, freeze=freeze, part=part, exclude=job.get("exclude"),
            multiply=job.get("multiply", 1))
    d, s = r.data, r.summary
    parts = s.get("parts") or [s]
    runs = [{"n_useful": p["n_useful"], "longest_run": p["longest_run"],
             "n_crossings": p["n_crossings"], **_qikit_limits(p["n_useful"]),
             "runs_signal": bool(p["run_signal"] or p["crossings_signal"])}
            for p in parts] if "longest_run" in s else None
    return _lines(d["cl"], d["lcl"], d["ucl"], d["y"]) | {
        "sigma_points": _points(d["sigma_signal"]), "runs": runs, "special": None}


def _qikit_limits(n_useful: int) -> dict:
    """Its thresholds in qicharts2's terms: it signals when the longest run is >= its
    run_threshold and when crossings are <= its crossings_threshold (its signals.py), where
    qicharts2 signals when the longest run is > longest_run_max and crossings < n_crossings_min."""
    from qikit.spc import _crossings_threshold, _longest_run_threshold

    return {"longest_run_max": _longest_run_threshold(n_useful) - 1,
            "n_crossings_min": _crossings_threshold(n_useful) + 1}


def thresholds(tool: str, sizes: list[int]) -> list[list[int]]:
    """[n, longest_run_max, n_crossings_min] for each number of useful points."""
    if tool == "controlchartspy":
        raise Unsupported("no Anhøj runs analysis (Making Data Count rules only)")
    if tool == "clinical-qikit":
        return [[n, *_qikit_limits(n).values()] for n in sizes]
    from qispread.spc.runs import longest_run_max, n_crossings_min

    return [[n, longest_run_max(n), n_crossings_min(n)] for n in sizes]


MDC_KINDS = {"improvement": "improvement", "deterioration": "concern", "neutral_low": "neutral",
             "neutral_high": "neutral"}


def controlchartspy_job(job: dict) -> dict:
    from controlchartspy import spc

    if job.get("exclude"):
        raise Unsupported("no option to leave chosen points out of the limits")
    chart = "i" if job["chart"] == "xmr" else job["chart"]
    frame, extra = _ccpy_frame(job, chart)
    settings = {"chart_type": chart, "multiplier": job.get("multiply", 1),
                "outliers_in_limits": not job.get("screen", True)}
    baseline = job.get("fix_after") or job.get("freeze")
    if baseline:
        settings["num_points_subset"] = baseline
    rules = {"astronomical": True, "shift": True, "trend": True, "two_in_three": True,
             "improvement_direction": job.get("direction", "increase")}
    limits = spc(frame, keys="key", numerators="y", spc_settings=settings,
                 outlier_settings=rules, return_objs="limits", **extra).limits
    d = _by_key(pd.DataFrame(limits), frame)
    notes = []
    if len(limits) < len(frame):
        notes.append("leaves out rows it has no value for (a missing value, the first row of "
                     "an MR chart); they are put back at their positions here")
    flags = d[["astpoint", "shift", "trend", "two_in_three"]].replace("none", np.nan)
    kind = flags.bfill(axis=1).iloc[:, 0].map(MDC_KINDS)
    no_limits = pd.Series(np.nan, index=d.index)  # a run chart has none
    lines = [d["target"], d.get("ll99", no_limits), d.get("ul99", no_limits), d["value"]]
    if chart in {"p", "pp"}:
        # It shows proportions as percentages whatever the multiplier; put them back on 0-1.
        raw = d["numerator"] / d["denominator"] * job.get("multiply", 1)
        if np.allclose(d["value"], 100 * raw, equal_nan=True):
            lines = [line / 100 for line in lines]
            notes.append("gives proportions as percentages (x100); divided by 100 here")
    out = _lines(*lines)
    return out | {"notes": notes,"sigma_points": _points(d["astpoint"] != "none"), "runs": None,
                  "special": {k: _points(kind == k) for k in ("improvement", "concern", "neutral")}}


def _by_key(d: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    """Its rows put back at the input's positions: it leaves out rows it has no value for
    (a missing value; the first row of an MR chart). Its `date` column holds our key, or for
    some charts (g, t) the row's number among the rows it kept."""
    dates = d["date"].astype(str)
    if dates.str.startswith("t").all():
        position = dates.str[1:].astype(int).to_numpy()
    else:
        position = np.flatnonzero(frame["y"].notna().to_numpy())[dates.astype(int)]
    return d.set_index(position).reindex(range(len(frame))).fillna({
        "astpoint": "none", "shift": "none", "trend": "none", "two_in_three": "none"})


def _ccpy_frame(job: dict, chart: str) -> tuple[pd.DataFrame, dict]:
    extra = {}
    if job.get("x") is not None:  # raw values per subgroup -> the per-subgroup inputs it takes
        raw = pd.DataFrame({"x": job["x"], "v": job["y"]}).groupby("x", sort=False)["v"]
        columns = {"y": raw.mean() if chart == "xbar" else raw.std(), "n": raw.count(),
                   "sd": raw.std()}
        frame = pd.DataFrame(columns).reset_index(drop=True)
        extra = {"denominators": "n"} | ({"xbar_sds": "sd"} if chart == "xbar" else {})
    else:
        frame = pd.DataFrame({"y": job["y"]})
        if job.get("n") is not None:
            frame["n"] = job["n"]
            extra = {"denominators": "n"}
    frame.insert(0, "key", [f"t{i:04d}" for i in range(len(frame))])
    if job.get("part"):
        edges = np.r_[0, job["part"], len(frame)]
        frame["part"] = np.repeat(np.arange(len(edges) - 1).astype(str), np.diff(edges))
        extra["groupings"] = "part"
    return frame, extra


TOOLS = {"qispread": qispread_job, "clinical-qikit": qikit_job,
         "controlchartspy": controlchartspy_job}


def run(job: dict) -> dict:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if job["chart"] == "thresholds":
                return {"status": "ok", "table": thresholds(job["tool"], job["sizes"])}
            return {"status": "ok"} | TOOLS[job["tool"]](job)
    except Unsupported as why:
        return {"status": "unsupported", "reason": str(why)}
    except Exception as error:  # a peer rejecting a case is a finding, not a crash
        return {"status": "failed", "reason": f"{type(error).__name__}: {error}"[:300]}


if __name__ == "__main__":
    print(json.dumps([run(job) for job in json.load(sys.stdin)]))
