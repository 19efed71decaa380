"""ptd(): an XmR chart with NHS England "Making Data Count" rules (NHSRplotthedots 0.2.2)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from qispread.errors import DataProblem
from qispread.spc.argument_types import Column, Values
from qispread.spc.frames import table_of
from qispread.spc.ptd.arguments import check_count, check_direction
from qispread.spc.ptd.inputs import prepare
from qispread.spc.ptd.limits import xmr_limits
from qispread.spc.ptd.result import PtdResult
from qispread.spc.ptd.rules import NO_SPECIAL_CAUSE, SPECIAL_CAUSE_NAMES, special_causes
from qispread.spc.ptd.warnings import collect_warnings
from qispread.spc.vocabulary import Direction

POINT_TYPES = np.array(
    [
        "common_cause",
        "special_cause_improvement",
        "special_cause_concern",
        "special_cause_neutral_high",
        "special_cause_neutral_low",
    ],
    dtype=object,
)


def _point_type_codes(kind: np.ndarray, direction: np.ndarray, improvement: int) -> np.ndarray:
    if improvement == 0:
        codes = np.where(direction > 0, 3, 4)
    else:
        codes = np.where(direction * improvement > 0, 1, 2)
    return np.where(kind == NO_SPECIAL_CAUSE, 0, codes)


def ptd(
    data: pd.DataFrame | None = None,
    y: Column | None = None,
    x: Column | None = None,
    facet: Column | None = None,
    rebase: Values | Mapping[Any, Values] | Any | None = None,
    fix_after_n_points: int | None = None,
    improvement_direction: Direction = "increase",
    target: float | Mapping[Any, float] | None = None,
    trajectory: Column | None = None,
    screen_outliers: bool = True,
    shift_length: int = 7,
    trend_length: int = 7,
) -> PtdResult:
    """Analyse a measure over time with a Making Data Count XmR chart.

    Arguments follow NHSRplotthedots' ptd_spc() (value_field -> y, date_field -> x,
    facet_field -> facet). y, x, facet and trajectory may be column names of ``data`` or arrays.
    ``rebase`` lists x values where a new period starts (a dict facet -> values for facets);
    ``target`` is a number or a dict facet -> number. ``shift_length`` and ``trend_length`` are the
    number of points the shift and trend rules need (the Making Data Count tools allow 6 or 7).
    """
    improvement = check_direction(improvement_direction)
    check_count(fix_after_n_points, "fix_after_n_points", 2, allow_none=True)
    check_count(shift_length, "shift_length", 2, allow_none=False)
    check_count(trend_length, "trend_length", 3, allow_none=False)
    if not isinstance(screen_outliers, (bool, np.bool_)):
        raise DataProblem(f"screen_outliers must be True or False, not {screen_outliers!r}.")

    p = prepare(data, y, x, facet, rebase, target, trajectory, fix_after_n_points)
    limits = xmr_limits(p.y, p.group, p.n_groups, fix_after_n_points, bool(screen_outliers))
    # Periods are contiguous blocks in order, so repeating each period's value fills its points.
    sizes = np.bincount(p.group, minlength=p.n_groups)
    mean, lpl, upl, lower2, upper2 = (
        np.repeat(values, sizes)
        for values in (
            limits.mean,
            limits.lpl,
            limits.upl,
            limits.lower_two_sigma,
            limits.upper_two_sigma,
        )
    )

    relative = np.subtract(p.y > mean, p.y < mean, dtype=np.int8)
    outside = (p.y > upl) | (p.y < lpl)
    close = ~outside & ((p.y < lower2) | (p.y > upper2))
    kind, direction = special_causes(
        p.y, p.group, relative, outside, close, shift_length, trend_length
    )

    target_by_facet = np.array([p.targets.get(f, np.nan) for f in p.facet_names], dtype=float)
    columns = {
        "x": p.x,
        "y": p.y,
        # Without facets the column is all None: object, as pandas would infer after a scan.
        "facet": p.facet if p.has_facet else pd.Series(p.facet, dtype=object, copy=False),
        "rebase_group": p.rebase_group,
        "mean": mean,
        "lpl": lpl,
        "upl": upl,
        "lower_two_sigma": lower2,
        "upper_two_sigma": upper2,
        "target": np.repeat(
            target_by_facet, np.bincount(p.facet_code, minlength=len(p.facet_names))
        ),
        # object dtype keeps None as None (pandas 3 would otherwise infer a string column with NaN)
        "special_cause_type": pd.Series(
            np.asarray(SPECIAL_CAUSE_NAMES, dtype=object)[kind], dtype=object, copy=False
        ),
        "point_type": pd.Series(
            POINT_TYPES[_point_type_codes(kind, direction, improvement)], dtype=object, copy=False
        ),
        "relative_to_mean": relative.astype(np.int64),
    }
    if p.trajectory is not None:
        columns["trajectory"] = p.trajectory
    table = table_of(columns)

    return PtdResult(
        data=table,
        improvement_direction=improvement_direction,
        has_facet=p.has_facet,
        y_name=p.y_name,
        shift_length=shift_length,
        trend_length=trend_length,
        facet_warnings=collect_warnings(
            table, limits.n_used, p.group, improvement_direction, p.targets, p.has_facet
        ),
    )
