"""qic(): run charts and Shewhart control charts with the semantics of qicharts2 0.8.1.

Anhøj J (2024). qicharts2: Quality Improvement Charts. R package, https://github.com/anhoej/qicharts2.
Arguments and output columns mirror qicharts2's, in snake_case.
"""

from __future__ import annotations

import numbers

import numpy as np
import pandas as pd

from qispread.errors import DataProblem
from qispread.spc import ihi_rules, vocabulary
from qispread.spc.aggregate import is_categorical_x, subgroups
from qispread.spc.argument_types import AggFun, Column, Points
from qispread.spc.frames import table_of
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
from qispread.spc.vocabulary import ChartType, Method

METHODS = tuple(vocabulary.METHODS)
RUN_COLUMNS = ["n_obs", "n_useful", "longest_run", "longest_run_max", "n_crossings",
               "n_crossings_min", "runs_signal"]
COLUMNS = ["x", "y", "n", "y_sum", "y_length", "y_mean", "y_sd", "cl", "lcl", "ucl", "lcl_95",
           "ucl_95", "part", "baseline", "include", *RUN_COLUMNS, "sigma_signal", "facet",
           "notes"]
IHI_COLUMNS = ["shift_signal", "trend_signal", "runs_count_signal"]
MIN_BASE_POINTS = {"i": 2, "mr": 2, "t": 2, "pp": 2, "up": 2}


def qic(x: Column | None = None, y: Column | None = None, n: Column | None = None,
        data: pd.DataFrame | None = None, chart: ChartType = "run", freeze: Points | None = None,
        part: Points | None = None, exclude: Points | None = None, multiply: float = 1,
        agg_fun: AggFun = "mean", cl: float | None = None, facets: Column | None = None,
        method: Method = "anhoej", screen_mr: bool = True,
        notes: Column | None = None) -> QicResult:
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
    facet_ids = _facet_ids(table["facet"])
    sizes = np.bincount(facet_ids)
    n_points = int(sizes.max())
    # Facets are contiguous and in order of their ids, so the first facet is the first block.
    first_facet_x = pd.Series(table["x"], copy=False).iloc[:sizes[0]].reset_index(drop=True)
    freeze_at = resolve_freeze(freeze, first_facet_x, n_points)
    breaks = resolve_part(part, first_facet_x, n_points)
    excluded = resolve_exclude(exclude, first_facet_x, n_points)

    position = _positions_within(facet_ids)
    table["part"] = part_numbers(breaks, position - 1)
    table["baseline"] = ((position <= freeze_at) if (freeze_at and not breaks)
                         else np.ones(position.size, dtype=bool))
    table["include"] = (~np.isin(position, excluded) if excluded
                        else np.ones(position.size, dtype=bool))

    table.update(_analyse(table, chart, cl, screen_mr, categorical, method, facet_ids))
    for column in ("y", "cl", "lcl", "ucl", "lcl_95", "ucl_95"):
        table[column] = _scaled(table[column], multiply, finite_only=column != "y")
    with np.errstate(invalid="ignore"):
        table["sigma_signal"] = (table["y"] > table["ucl"]) | (table["y"] < table["lcl"])
    if chart == "mr" or categorical:
        no_signal = np.zeros(position.size, dtype=bool)
        for column in ["runs_signal"] + (IHI_COLUMNS if method == "ihi" else []):
            table[column] = no_signal
    ordered = COLUMNS + (IHI_COLUMNS if method == "ihi" else [])
    return QicResult(table_of({name: table[name] for name in ordered}), chart=chart,
                     method=method, x_given=cols.x_given, multiply=multiply)


def _scaled(values: np.ndarray, multiply, finite_only: bool) -> np.ndarray:
    """values x multiply; for the lines, an infinite result becomes missing (no line)."""
    if not (isinstance(multiply, numbers.Real) and multiply == 1):
        values = values * multiply
    if finite_only and np.isinf(values).any():
        values = np.where(np.isinf(values), np.nan, values)
    return values


def _facet_ids(facet) -> np.ndarray:
    if pd.isna(facet).all():
        return np.zeros(len(facet), dtype=int)
    return pd.factorize(facet, sort=False)[0]


def _positions_within(facet_ids: np.ndarray) -> np.ndarray:
    """1-based position of each subgroup within its facet (rows of a facet are contiguous)."""
    if facet_ids[-1] == 0:
        return np.arange(1, facet_ids.size + 1)
    starts = np.r_[0, np.flatnonzero(np.diff(facet_ids)) + 1]
    lengths = np.diff(np.r_[starts, facet_ids.size])
    return np.arange(facet_ids.size) - np.repeat(starts, lengths) + 1


PART_INPUTS = ("y", "y_mean", "n", "y_sum", "y_length", "y_sd", "base", "include", "part")


def _analyse(table, chart, cl, screen_mr, categorical, method, facet_ids) -> dict:
    """Lines and run statistics for each (facet, part), as whole columns in the table's order.

    Lines are one value per row; run statistics are one value per part, repeated over its rows.
    """
    table["base"] = table["baseline"] & table["include"]
    inputs = {name: np.asarray(table[name]) for name in PART_INPUTS}
    group_keys = facet_ids.astype(np.int64) * (inputs["part"].max() + 1) + inputs["part"]
    starts = np.r_[0, np.flatnonzero(np.diff(group_keys)) + 1, len(group_keys)]
    pieces = [
        _analyse_part({name: values[first:stop] for name, values in inputs.items()},
                      chart, cl, screen_mr, categorical, method)
        for first, stop in zip(starts[:-1], starts[1:], strict=True)
    ]
    lengths = np.diff(starts)
    columns = {}
    for name, first_piece in pieces[0].items():
        if np.ndim(first_piece) == 0:
            columns[name] = np.repeat(np.asarray([p[name] for p in pieces]), lengths)
        else:
            columns[name] = (first_piece if len(pieces) == 1
                             else np.concatenate([p[name] for p in pieces]))
    return columns


def _analyse_part(part, chart, cl, screen_mr, categorical, method) -> dict:
    """Lines (arrays) and run statistics (one value each) of one part of one facet."""
    _check_enough(part, chart)
    # An X-bar chart plots each subgroup's mean whatever agg_fun says.
    y = part["y_mean" if chart == "xbar" else "y"].astype(float, copy=False)
    lines = CHARTS[chart](Subgroups(
        y=y, n=part["n"].astype(float, copy=False),
        y_sum=part["y_sum"].astype(float, copy=False),
        y_length=part["y_length"].astype(float, copy=False),
        y_sd=part["y_sd"].astype(float, copy=False),
        base=_rows_used(part["base"]), cl=cl, screen_mr=screen_mr, categorical_x=categorical,
    ))
    include = part["include"]
    analysis = runs_analysis(lines.y, lines.cl, include)
    out = {name: getattr(lines, name) for name in ("y", "cl", "lcl", "ucl", "lcl_95", "ucl_95")}
    for name in RUN_COLUMNS:
        value = getattr(analysis, name)
        out[name] = bool(value) if name == "runs_signal" else (
            float(value) if np.isnan(value) else int(value))
    if method == "ihi":
        shift = ihi_rules.shift_mask(lines.y, lines.cl, include)
        trend = ihi_rules.trend_mask(lines.y, include)
        count = analysis.n_useful >= 2 and ihi_rules.runs_count_signal(
            analysis.n_useful, int(analysis.n_crossings) + 1)
        out.update(shift_signal=shift, trend_signal=trend, runs_count_signal=bool(count),
                   runs_signal=bool(shift.any() or trend.any() or count))
    return out


def _rows_used(base: np.ndarray) -> np.ndarray | slice:
    """The rows that set the lines: a slice when all of them do, so that indexing copies nothing."""
    return slice(None) if base.all() else base


def _check_enough(part: dict, chart: str) -> None:
    base = part["base"]
    counted = part["y_length"][base] if chart in {"xbar", "s"} else None
    label = f"part {part['part'][0]}" if part["part"].max() > 1 else "the baseline"
    if counted is not None:
        if not (counted >= 2).any():
            raise DataProblem(
                f"{capitalised(CHART_NAMES[chart])} needs subgroups of at least 2 values "
                f"(several values that share an x), but {label} has none. Each x should "
                "appear several times."
            )
        return
    needed = MIN_BASE_POINTS.get(chart, 1)
    have = int(np.count_nonzero(~np.isnan(part["y"].astype(float, copy=False)[base])))
    if have < needed:
        raise DataProblem(
            f"{capitalised(CHART_NAMES[chart])} needs at least {needed} points with values to "
            f"compute its centre line and limits, but {label} has {have}. Add more data, or "
            "move or remove freeze/part/exclude."
        )
