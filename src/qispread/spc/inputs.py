"""Turn qic()'s arguments into clean columns, or explain in plain English what is wrong.

Every message names the column (and row) at fault and says how to fix it: learners see these
messages in notebooks and widgets.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import cast

import numpy as np
import pandas as pd

from qispread.errors import DataProblem
from qispread.spc.argument_types import AggFun
from qispread.spc.vocabulary import CHART_NAMES as CHART_TYPES
from qispread.spc.vocabulary import NEEDS_DENOMINATOR, ChartType, chart_in_a_sentence

CHART_NAMES = {chart: chart_in_a_sentence(chart) for chart in CHART_TYPES}
COUNT_CHARTS = {"p", "pp", "c", "u", "up", "g"}
NEEDS_N = NEEDS_DENOMINATOR
AGG_FUNS = ("mean", "median", "sum", "sd")


@dataclass
class Columns:
    """Row-level inputs, all the same length, with the names the user knows them by."""

    x: pd.Series
    y: np.ndarray
    n: np.ndarray | None
    facet: pd.Series | None
    notes: pd.Series | None
    x_given: bool
    y_name: str
    n_name: str


def check_chart(chart: str) -> ChartType:
    key = str(chart).strip().lower()
    if key in CHART_NAMES:
        return cast(ChartType, key)
    close = difflib.get_close_matches(key, list(CHART_NAMES), n=1, cutoff=0.3)
    hint = f' Did you mean "{close[0]}", {CHART_NAMES[close[0]]}?' if close else ""
    names = ", ".join(f'"{name}"' for name in CHART_NAMES)
    raise DataProblem(f'There is no chart called "{chart}".{hint} The charts are: {names}.')


def check_agg_fun(agg_fun: str) -> AggFun:
    if agg_fun not in AGG_FUNS:
        raise DataProblem(
            f'agg_fun="{agg_fun}" is not one of {", ".join(AGG_FUNS)}: it says how to combine '
            "several values that share the same x (for example the same month)."
        )
    return cast(AggFun, agg_fun)


def _column(value, data, role: str):
    """Return (values, display name) for an argument that may be a column name in data."""
    if value is None:
        return None, role
    if isinstance(value, str) and data is not None:
        if value not in data.columns:
            close = difflib.get_close_matches(value, [str(c) for c in data.columns], n=1)
            hint = f' Did you mean "{close[0]}"?' if close else ""
            raise DataProblem(
                f'The table has no column called "{value}" (asked for as {role}).{hint} '
                f"Its columns are: {', '.join(map(str, data.columns))}."
            )
        return data[value], f'column "{value}"'
    if isinstance(value, str):
        raise DataProblem(
            f'{role}="{value}" looks like a column name, but no table was given. '
            "Pass the table as data=..., or pass the values themselves."
        )
    if isinstance(value, pd.Series) and value.name is not None:
        return value, f'column "{value.name}"'
    return value, role


def _as_numbers(values, name: str) -> np.ndarray:
    """values as floats (possibly sharing memory with them), or a message naming the bad row."""
    if isinstance(values, np.ndarray) and values.ndim == 1 and values.dtype.kind in "iuf":
        return _finite(np.asarray(values, dtype=float), name)
    series = pd.Series(values).reset_index(drop=True)
    if pd.api.types.is_bool_dtype(series):
        series = series.astype(float)
    numbers = pd.to_numeric(series, errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    bad = np.flatnonzero(np.isnan(numbers) & series.notna().to_numpy())
    if bad.size:
        row = int(bad[0])
        raise DataProblem(
            f"In {name}, row {row + 1} has {series.iloc[row]!r}, which is not a number. Fix: "
            "correct that value or leave the cell empty (empty cells are shown as gaps)."
            f"{_more(int(bad.size))}"
        )
    return _finite(numbers, name)


def _finite(numbers: np.ndarray, name: str) -> np.ndarray:
    if np.isinf(numbers).any():
        row = int(np.flatnonzero(np.isinf(numbers))[0])
        raise DataProblem(f"In {name}, row {row + 1} has an infinite value: give a number.")
    return numbers


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _more(count: int) -> str:
    if count <= 1:
        return ""
    return " (1 more row has the same problem.)" if count == 2 else (
        f" ({count - 1} more rows have the same problem.)")


def _first_row(mask: np.ndarray) -> int:
    return int(np.flatnonzero(mask)[0]) + 1


def read_columns(x, y, n, data, facets, notes) -> Columns:
    if data is not None and not isinstance(data, pd.DataFrame):
        raise DataProblem("data must be a table (a pandas DataFrame) whose columns you name.")
    if y is None:
        x, y = None, x
    if y is None:
        raise DataProblem("No values to chart: give y (the measure to plot over time).")
    y_values, y_name = _column(y, data, "y")
    x_values, _ = _column(x, data, "x")
    x_given = x_values is not None
    n_values, n_name = _column(n, data, "n")
    facet_values, _ = _column(facets, data, "facets")
    note_values, _ = _column(notes, data, "notes")
    lengths = {"y": len(y_values)}
    for role, values in (("x", x_values), ("n", n_values), ("facets", facet_values),
                         ("notes", note_values)):
        if values is not None:
            lengths[role] = len(values)
    if len(set(lengths.values())) > 1:
        listed = ", ".join(f"{role} has {size}" for role, size in lengths.items())
        raise DataProblem(
            f"The inputs have different numbers of rows ({listed}). Each row should be one "
            "observation, so all of them must be the same length."
        )
    y_numbers = _as_numbers(y_values, y_name)
    if np.isnan(y_numbers).all():
        raise DataProblem(f"There are no values in {y_name}: every cell is empty. Check that "
                          "the right column was chosen.")
    n_numbers = None if n_values is None else _as_numbers(n_values, n_name)
    size = len(y_numbers)
    x_series = (pd.Series(np.arange(1, size + 1)) if x_values is None
                else pd.Series(x_values).reset_index(drop=True))
    if pd.api.types.is_object_dtype(x_series) or pd.api.types.is_string_dtype(x_series):
        parsed = pd.to_datetime(x_series, errors="coerce", format="ISO8601")
        if parsed.notna().sum() == x_series.notna().sum():
            x_series = parsed
    facet_series = None if facet_values is None else pd.Series(facet_values).reset_index(drop=True)
    note_series = None if note_values is None else pd.Series(note_values).reset_index(drop=True)
    return Columns(x_series, y_numbers, n_numbers, facet_series, note_series,
                   x_given, y_name, n_name)


def _reject_rows(bad: np.ndarray, values: np.ndarray, name: str, why: str) -> None:
    """Raise naming the first row where `bad` is True, its value, and why it cannot be used."""
    if bad.any():
        row = _first_row(bad)
        raise DataProblem(
            f"In {name}, row {row} has {values[row - 1]:g}: {why}{_more(int(bad.sum()))}"
        )


def check_values(cols: Columns, chart: str) -> None:
    """Chart-specific checks on the raw rows."""
    y, n = cols.y, cols.n
    if chart in NEEDS_N and n is None:
        raise DataProblem(
            f"{capitalised(CHART_NAMES[chart])} needs n, the denominator of each point (for "
            "example the number of patients, or of bed days). Give n=... as well as y."
        )
    present = ~np.isnan(y)
    if n is not None:
        _reject_rows(~np.isnan(n) & (n <= 0), n, cols.n_name,
                     "a denominator (n) must be more than zero. Fix that row, or leave it empty "
                     "to show a gap.")
    if chart in COUNT_CHARTS:
        _reject_rows(present & (y < 0), y, cols.y_name,
                     "this chart counts things, so a negative count is impossible. Fix that row.")
    if chart == "t":
        _reject_rows(present & (y <= 0), y, cols.y_name,
                     "a T chart shows the time between events, which must be more than zero. "
                     "Fix that row, or use a G chart for counts of cases between events.")
    if chart in {"p", "pp"} and n is not None:
        with np.errstate(invalid="ignore"):
            bad = y > n
        if bad.any():
            row = _first_row(bad)
            raise DataProblem(
                f"Row {row} has {y[row - 1]:g} in {cols.y_name} but only {n[row - 1]:g} in "
                f"{cols.n_name}: a P chart shows a proportion, so the count (y) cannot be more "
                "than its denominator (n). Check whether the two columns are swapped."
            )
