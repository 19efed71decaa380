"""Dates, only in the column the learner chose for time (x): never in a column of values.

A column of text becomes dates when every filled cell is a date in one of the ways UK and European
spreadsheets write them: 2024-01-31, 31/01/2024 (day first), 31.01.2024, 31-Jan-2024,
31 January 2024, Jan-24, Jan 2024, January 2024 or 2024-01. A column of numbers is never dates.
"""

from __future__ import annotations

import warnings

import pandas as pd

FORMATS = ("%Y-%m-%d", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%d/%m/%Y", "%d/%m/%y",
           "%d.%m.%Y", "%d-%m-%Y", "%d-%b-%Y", "%d-%b-%y", "%d %b %Y", "%d %B %Y", "%b-%y",
           "%b %Y", "%B %Y", "%b-%Y", "%Y-%m", "%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S")


def as_dates(values: pd.Series) -> pd.Series | None:
    """The values as dates if every filled one is a date; None otherwise."""
    if pd.api.types.is_datetime64_any_dtype(values):
        return values
    if pd.api.types.is_numeric_dtype(values) or pd.api.types.is_bool_dtype(values):
        return None
    text = values.map(lambda v: v.strip() if isinstance(v, str) else v).replace("", None)
    filled = text.notna()
    if not filled.any() or not text[filled].map(lambda v: isinstance(v, str)).all():
        return None
    # microseconds, as the course's data sets: the chart widget shows nanoseconds as numbers
    dates = pd.Series(pd.NaT, index=values.index, dtype="datetime64[us]")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for form in FORMATS:
            missing = filled & dates.isna()
            if not missing.any():
                break
            dates[missing] = pd.to_datetime(text[missing], format=form, errors="coerce")
    return dates if dates[filled].notna().all() else None


def looks_like_dates(values: pd.Series) -> bool:
    return as_dates(values) is not None


def with_date_column(frame: pd.DataFrame, column: str | None) -> pd.DataFrame:
    """The frame with `column` read as dates when it holds dates (a copy; unchanged otherwise)."""
    if not column or column not in frame.columns:
        return frame
    dates = as_dates(frame[column])
    if dates is None or dates is frame[column]:
        return frame
    dated = frame.copy()
    dated[column] = dates
    return dated
