"""Check and tidy the data given to ptd() (y, x, facet, trajectory) into one sorted table.

Output is sorted by facet (in order of first appearance) and then by x, so that each chart period
(facet and rebase group) is one contiguous block.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from qispread.errors import DataProblem
from qispread.spc.ptd.arguments import rebase_flags, sort_key, suggest, targets_by_facet
from qispread.spc.ptd.wording import x_value


@dataclass(frozen=True)
class Prepared:
    x: pd.Series
    y: np.ndarray
    facet: np.ndarray
    facet_names: list
    facet_code: np.ndarray
    rebase_group: np.ndarray
    group: np.ndarray
    n_groups: int
    targets: dict
    trajectory: np.ndarray | None
    has_facet: bool
    y_name: str


class _Rows:
    """Names rows the way the learner sees them: index labels of their table, else positions."""

    def __init__(self, data: pd.DataFrame | None, n: int):
        self._labels = data.index if data is not None else None
        self._n = n

    def describe(self, positions: np.ndarray) -> str:
        positions = np.asarray(positions)
        shown = positions[:5]
        more = f" and {len(positions) - 5} more" if len(positions) > 5 else ""
        plural = "s" if len(positions) > 1 else ""
        if self._labels is not None:
            names = ", ".join(str(self._labels[p]) for p in shown)
            return f"row{plural} {names}{more}"
        names = ", ".join(str(p + 1) for p in shown)
        return f"position{plural} {names}{more} (counting from 1)"


def _column(
    data, value, role: str, n: int | None, copy: bool = True
) -> tuple[pd.Series | None, str]:
    """A column of ``data`` named by ``value``, or ``value`` itself as an array. With
    copy=False an array given is only read (callers copy what they keep, see _in_order)."""
    if value is None:
        return None, role
    if isinstance(value, str):
        if data is None:
            raise DataProblem(
                f"{role}='{value}' looks like a column name, but no table was given. Pass it too, "
                f"e.g. ptd(data=my_table, {role}='{value}')."
            )
        if value not in data.columns:
            raise DataProblem(
                f"There is no column called '{value}' (given as {role})."
                f"{suggest(value, data.columns)}"
                f" The table's columns are: {', '.join(map(str, data.columns))}."
            )
        return data[value].reset_index(drop=True), value
    if np.ndim(value) == 0:
        raise DataProblem(
            f"{role} must be a column name or a list of values, one per point, not {value!r}."
        )
    series = pd.Series(
        np.asarray(value) if not isinstance(value, pd.Series) else value.to_numpy(), copy=copy
    )
    if n is not None and len(series) != n:
        raise DataProblem(
            f"{role} has {len(series)} values but y has {n}: give one {role} value per point."
        )
    return series, role


def _numbers(series: pd.Series, name: str, rows: _Rows, allow_missing: bool) -> np.ndarray:
    if pd.api.types.is_bool_dtype(series):
        raise DataProblem(f"Column '{name}' holds True/False values; it must hold numbers.")
    if pd.api.types.is_numeric_dtype(series):
        numbers = series.astype(float)
    else:
        numbers = pd.to_numeric(series, errors="coerce")
        bad = np.flatnonzero(numbers.isna().to_numpy() & series.notna().to_numpy())
        if len(bad):
            examples = ", ".join(repr(series.iloc[p]) for p in bad[:3])
            verb = "holds" if len(bad) == 1 else "hold"
            raise DataProblem(
                f"Column '{name}' must hold numbers, but {rows.describe(bad)} {verb} "
                f"{examples}. Remove units and symbols such as % or commas, or delete those rows."
            )
        numbers = numbers.astype(float)
    values = numbers.to_numpy(dtype=float)
    if not allow_missing:
        missing = np.flatnonzero(~np.isfinite(values))
        if len(missing):
            raise DataProblem(
                f"Column '{name}' has no usable value in {rows.describe(missing)} (missing or "
                "infinite). Every point on an SPC chart needs a value: fill those in or remove "
                "the rows."
            )
    return values


def _order_values(x: pd.Series, name: str, rows: _Rows) -> pd.Series:
    """x as dates or numbers, so that the order of points is unambiguous."""
    missing = np.flatnonzero(x.isna().to_numpy())
    if len(missing):
        raise DataProblem(
            f"Column '{name}' (x) is missing in {rows.describe(missing)}. Each point needs a date "
            "or number to place it in order: fill those in or remove the rows."
        )
    if pd.api.types.is_bool_dtype(x):
        raise DataProblem(f"Column '{name}' (x) holds True/False; it must hold dates or numbers.")
    if pd.api.types.is_numeric_dtype(x) or pd.api.types.is_datetime64_any_dtype(x):
        return x
    dates = pd.to_datetime(x, errors="coerce", format="ISO8601")
    bad = np.flatnonzero(dates.isna().to_numpy())
    if len(bad):
        raise DataProblem(
            f"Column '{name}' (x) must hold dates or numbers, but {rows.describe(bad)} hold "
            f"{', '.join(repr(x.iloc[p]) for p in bad[:3])}. Write dates like 2024-04-01."
        )
    return dates


def _chart_order(facet_code: np.ndarray, x_key: np.ndarray) -> np.ndarray | None:
    """Positions sorted by facet, then x; None when the points are already in that order with no
    x repeated within a facet (data usually arrive so, and then nothing needs sorting)."""
    if np.all(facet_code[1:] >= facet_code[:-1]):
        rising = (x_key[1:] > x_key[:-1]) | (facet_code[1:] != facet_code[:-1])
        if rising.all():
            return None
    return np.lexsort((x_key, facet_code))


def _check_no_repeated_x(order, facet_code, x_key, x_series, facet_names, has_facet, rows):
    same = (facet_code[order][1:] == facet_code[order][:-1]) & (
        x_key[order][1:] == x_key[order][:-1]
    )
    if same.any():
        first = order[1:][same][0]
        clash = np.flatnonzero((facet_code == facet_code[first]) & (x_key == x_key[first]))
        in_facet = f" within facet '{facet_names[facet_code[first]]}'" if has_facet else ""
        raise DataProblem(
            f"x value {x_value(x_series.iloc[first])} appears more than once{in_facet} "
            f"({rows.describe(clash)}). "
            "Each point needs its own date: total or average the duplicates, or give a facet."
        )


def _in_order(values: np.ndarray, order: np.ndarray | None) -> np.ndarray:
    """values in chart order, always a fresh array (never the caller's own data)."""
    return values.copy() if order is None else values[order]


def _at(order: np.ndarray | None, position: int) -> int:
    """Where the point at ``position`` in chart order sits in the data as given."""
    return position if order is None else int(order[position])


def _as_table(data) -> pd.DataFrame | None:
    if data is None or isinstance(data, pd.DataFrame):
        return data
    if isinstance(data, Mapping):
        return pd.DataFrame(data)
    raise DataProblem(f"data must be a table (a pandas DataFrame), not {type(data).__name__}.")


def prepare(data, y, x, facet, rebase, target, trajectory, fix_after_n_points) -> Prepared:
    data = _as_table(data)
    if y is None:
        raise DataProblem("y is missing: say which column holds the values, e.g. y='breaches'.")
    y_series, y_name = _column(data, y, "y", None, copy=False)
    assert y_series is not None  # _column gives a column for any y that is given
    n = len(y_series)
    rows = _Rows(data, n)
    y_values = _numbers(y_series, y_name, rows, allow_missing=False)
    if n < 2:
        raise DataProblem(
            f"An SPC chart needs at least 2 points, but there {'is' if n else 'are'} {n}."
        )

    facet_series, facet_name = _column(data, facet, "facet", n)
    has_facet = facet_series is not None
    if facet_series is not None:
        missing = np.flatnonzero(facet_series.isna().to_numpy())
        if len(missing):
            raise DataProblem(
                f"Column '{facet_name}' (facet) is missing in {rows.describe(missing)}: say which "
                "chart each of those points belongs to, or remove the rows."
            )
        facet_code, facet_uniques = pd.factorize(facet_series)
        facet_names = list(facet_uniques)
    else:
        facet_code, facet_names = np.zeros(n, dtype=np.int64), [None]

    x_series, x_name = _column(data, x, "x", n)
    if x_series is None:
        counts = pd.Series(facet_code).groupby(facet_code).cumcount() if has_facet else np.arange(n)
        x_series = pd.Series(np.asarray(counts) + 1, copy=False)
    else:
        x_series = _order_values(x_series, x_name, rows)
    is_dates = pd.api.types.is_datetime64_any_dtype(x_series)
    x_key = sort_key(x_series)

    order = _chart_order(facet_code, x_key)
    if order is not None:
        _check_no_repeated_x(order, facet_code, x_key, x_series, facet_names, has_facet, rows)

    flags = rebase_flags(rebase, x_key, is_dates, facet_code, facet_names, has_facet)
    targets = targets_by_facet(target, facet_names, has_facet)
    trajectory_series, trajectory_name = _column(data, trajectory, "trajectory", n, copy=False)
    trajectory_values = (
        None
        if trajectory_series is None
        else _in_order(
            _numbers(trajectory_series, trajectory_name, rows, allow_missing=True), order
        )
    )

    if order is not None:  # both are arrays of our own: no copy needed when in order
        facet_code, flags = facet_code[order], flags[order]
    new_facet = np.ones(n, dtype=bool)
    new_facet[1:] = facet_code[1:] != facet_code[:-1]
    if flags.any():
        rebase_count = np.cumsum(flags)
        rebase_group = rebase_count - np.maximum.accumulate(
            np.where(new_facet, rebase_count - flags, 0)
        )
    else:
        rebase_group = np.zeros(n, dtype=np.int64)
    period_starts = new_facet | flags
    group = (
        np.cumsum(period_starts) - 1
        if np.count_nonzero(period_starts) > 1
        else np.zeros(n, dtype=np.int64)
    )
    facet_labels = (
        np.asarray(facet_names, dtype=object)[facet_code]
        if has_facet
        else np.full(n, None, dtype=object)
    )

    sizes = np.bincount(group)
    used = np.minimum(sizes, fix_after_n_points) if fix_after_n_points else sizes
    short = np.flatnonzero(used < 2)
    if len(short):
        start = np.flatnonzero(np.r_[True, group[1:] != group[:-1]])[short[0]]
        in_facet = f" of facet '{facet_labels[start]}'" if has_facet else ""
        raise DataProblem(
            f"The period{in_facet} starting at {x_value(x_series.iloc[_at(order, start)])} has "
            "fewer than 2 points to compute limits from. Move or remove that rebase, or raise "
            "fix_after_n_points."
        )

    return Prepared(
        x=(x_series if order is None else x_series.iloc[order]).reset_index(drop=True),
        y=_in_order(y_values, order),
        facet=facet_labels,
        facet_names=facet_names,
        facet_code=facet_code,
        rebase_group=rebase_group,
        group=group,
        n_groups=int(group[-1]) + 1,
        targets=targets,
        trajectory=trajectory_values,
        has_facet=has_facet,
        y_name=y_name,
    )
