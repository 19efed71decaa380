"""qic(): run charts and Shewhart control charts with the semantics of qicharts2 0.8.1.

Anhøj J (2024). qicharts2: Quality Improvement Charts. R package, https://github.com/anhoej/qicharts2.
Arguments and output columns mirror qicharts2's, in snake_case.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from qispread.spc import ihi_rules
from qispread.spc.aggregate import is_categorical_x, subgroups
from qispread.spc.errors import DataProblem
from qispread.spc.inputs import (
    CHART_NAMES,
    capitalised,
    check_agg_fun,
    check_chart,
    check_values,
    read_columns,
)
from qispread.spc.limits import CHARTS, Subgroups
from qispread.spc.points import part_numbers, resolve_exclude, resolve_freeze, resolve_part
from qispread.spc.result import QicResult
from qispread.spc.runs import runs_analysis

METHODS = ("anhoej", "ihi")
RUN_COLUMNS = ["n_obs", "n_useful", "longest_run", "longest_run_max", "n_crossings",
               "n_crossings_min", "runs_signal"]
COLUMNS = ["x", "y", "n", "y_sum", "y_length", "y_mean", "y_sd", "cl", "lcl", "ucl", "lcl_95",
           "ucl_95", "part", "baseline", "include", *RUN_COLUMNS, "sigma_signal", "facet",
           "notes"]
IHI_COLUMNS = ["shift_signal", "trend_signal", "runs_count_signal"]
MIN_BASE_POINTS = {"i": 2, "mr": 2, "t": 2, "pp": 2, "up": 2}


def qic(x=None, y=None, n=None, data=None, chart="run", freeze=None, part=None, exclude=None,
        multiply=1, agg_fun="mean", cl=None, facets=None, method="anhoej", screen_mr=True,
        notes=None) -> QicResult:
    """Analyse a measure over time as a run chart or a control chart, as qicharts2's qic() does.

    x, y, n, facets, notes: arrays/Series, or column names of `data`. With only y, x is 1..len(y).
    chart: "run", "i", "mr", "xbar", "s", "t", "p", "pp", "c", "u", "up" or "g".
    freeze: the number of points (from 1) forming the baseline for the centre line and limits.
    part: counts of points before each break (part=[30] means points 1-30, then 31 onwards); the
        centre line and limits are computed separately in each part. freeze is ignored with part.
    exclude: point numbers (from 1) left out of the centre line, limits and runs analysis; they
        are still shown and still checked against the limits.
    freeze, part and exclude also accept x values (e.g. a date); for part an x value marks the
        first point of the new part.
    multiply: scales y, the centre line and limits (e.g. 100 for percentages).
    agg_fun: how values sharing an x are combined when there is no n ("mean", "median", "sum",
        "sd"). With n, a subgroup is sum(y) / sum(n). xbar and s charts use the subgroup's values.
    cl: a fixed centre line instead of one computed from the data.
    screen_mr: drop moving ranges >= 3.267 x their average before using them (qicharts2's
        behaviour when the package is attached).
    method: "anhoej" (default; Anhøj rules on longest run and crossings) or "ihi" (Perla,
        Provost & Murray 2011: shift of 6+, trend of 5+, too few/many runs). The IHI's fourth
        rule, an astronomical data point, is a judgement call and is NOT automated.

    Returns a QicResult; its .data has one row per subgroup.
    """
    chart = check_chart(chart)
    agg_fun = check_agg_fun(agg_fun)
    if method not in METHODS:
        raise DataProblem(f'method="{method}" is not known: use "anhoej" or "ihi".')
    cols = read_columns(x, y, n, data, facets, notes)
    check_values(cols, chart)
    table = subgroups(cols, agg_fun)
    categorical = is_categorical_x(table["x"])
    facet_ids = _facet_ids(table)
    sizes = np.bincount(facet_ids)
    n_points = int(sizes.max())
    first_facet_x = table["x"][facet_ids == 0].reset_index(drop=True)
    freeze_at = resolve_freeze(freeze, first_facet_x, n_points)
    breaks = resolve_part(part, first_facet_x, n_points)
    excluded = resolve_exclude(exclude, first_facet_x, n_points)

    position = _positions_within(facet_ids)
    table["part"] = np.zeros(len(table), dtype=int)
    for facet in range(sizes.size):
        rows = facet_ids == facet
        table.loc[rows, "part"] = part_numbers(breaks, int(rows.sum()))
    table["baseline"] = (position <= freeze_at) if (freeze_at and not breaks) else True
    table["include"] = ~np.isin(position, excluded)

    out = _analyse(table, chart, cl, screen_mr, categorical, method, facet_ids)
    for column in ("y", "cl", "lcl", "ucl", "lcl_95", "ucl_95"):
        out[column] = out[column] * multiply
        if column != "y":
            out.loc[~np.isfinite(out[column]), column] = np.nan
    with np.errstate(invalid="ignore"):
        out["sigma_signal"] = ((out["y"] > out["ucl"]) | (out["y"] < out["lcl"])).fillna(False)
    if chart == "mr" or categorical:
        out["runs_signal"] = False
        if method == "ihi":
            out[IHI_COLUMNS] = False
    ordered = COLUMNS + (IHI_COLUMNS if method == "ihi" else [])
    return QicResult(out[ordered].reset_index(drop=True), chart=chart, method=method,
                     x_given=cols.x_given, multiply=multiply)


def _facet_ids(table: pd.DataFrame) -> np.ndarray:
    if table["facet"].isna().all():
        return np.zeros(len(table), dtype=int)
    return pd.factorize(table["facet"], sort=False)[0]


def _positions_within(facet_ids: np.ndarray) -> np.ndarray:
    """1-based position of each subgroup within its facet (rows of a facet are contiguous)."""
    starts = np.r_[0, np.flatnonzero(np.diff(facet_ids)) + 1]
    lengths = np.diff(np.r_[starts, facet_ids.size])
    return np.arange(facet_ids.size) - np.repeat(starts, lengths) + 1


def _analyse(table, chart, cl, screen_mr, categorical, method, facet_ids) -> pd.DataFrame:
    """Lines and run statistics for each (facet, part), joined back in the table's row order."""
    group_keys = facet_ids.astype(np.int64) * (table["part"].max() + 1) + table["part"].to_numpy()
    starts = np.r_[0, np.flatnonzero(np.diff(group_keys)) + 1, len(table)]
    pieces = []
    for first, stop in zip(starts[:-1], starts[1:], strict=True):
        part = table if (first, stop) == (0, len(table)) else table.iloc[first:stop]
        pieces.append(_analyse_part(part, chart, cl, screen_mr, categorical, method))
    columns = {name: np.concatenate([p[name] for p in pieces]) if len(pieces) > 1
               else pieces[0][name] for name in pieces[0]}
    return table.drop(columns=["y"]).assign(**columns)


def _analyse_part(part, chart, cl, screen_mr, categorical, method) -> dict[str, np.ndarray]:
    _check_enough(part, chart)
    # An X-bar chart plots each subgroup's mean whatever agg_fun says.
    y = part["y_mean" if chart == "xbar" else "y"].to_numpy(dtype=float)
    lines = CHARTS[chart](Subgroups(
        y=y, n=part["n"].to_numpy(dtype=float),
        y_sum=part["y_sum"].to_numpy(dtype=float),
        y_length=part["y_length"].to_numpy(dtype=float),
        y_sd=part["y_sd"].to_numpy(dtype=float),
        base=(part["baseline"] & part["include"]).to_numpy(),
        cl=cl, screen_mr=screen_mr, categorical_x=categorical,
    ))
    size = len(part)
    include = part["include"].to_numpy()
    analysis = runs_analysis(lines.y, lines.cl, include)
    out = {name: getattr(lines, name) for name in ("y", "cl", "lcl", "ucl", "lcl_95", "ucl_95")}
    for name in RUN_COLUMNS:
        value = getattr(analysis, name)
        dtype = bool if name == "runs_signal" else (float if np.isnan(value) else int)
        out[name] = np.full(size, value, dtype=dtype)
    if method == "ihi":
        shift = ihi_rules.shift_mask(lines.y, lines.cl, include)
        trend = ihi_rules.trend_mask(lines.y, include)
        count = analysis.n_useful >= 2 and ihi_rules.runs_count_signal(
            analysis.n_useful, int(analysis.n_crossings) + 1)
        out.update(shift_signal=shift, trend_signal=trend,
                   runs_count_signal=np.full(size, count, dtype=bool),
                   runs_signal=np.full(size, bool(shift.any() or trend.any() or count)))
    return out


def _check_enough(part: pd.DataFrame, chart: str) -> None:
    base = (part["baseline"] & part["include"]).to_numpy()
    counted = part["y_length"].to_numpy()[base] if chart in {"xbar", "s"} else None
    label = f"part {part['part'].iloc[0]}" if part["part"].max() > 1 else "the baseline"
    if counted is not None:
        if not (counted >= 2).any():
            raise DataProblem(
                f"{capitalised(CHART_NAMES[chart])} needs subgroups of at least 2 values "
                f"(several values that share an x), but {label} has none. Each x should "
                "appear several times."
            )
        return
    needed = MIN_BASE_POINTS.get(chart, 1)
    have = int(np.count_nonzero(~np.isnan(part["y"].to_numpy()[base])))
    if have < needed:
        raise DataProblem(
            f"{capitalised(CHART_NAMES[chart])} needs at least {needed} points with values to "
            f"compute its centre line and limits, but {label} has {have}. Add more data, or "
            "move or remove freeze/part/exclude."
        )
