"""The sums the lessons show beside their charts: rates per row, a rate pooled over a stretch of
time, medians of a stretch, counts per month and a whole-organisation total beside its groups.

Each is a named, tested function, so a lesson's setup cell is a call that says what it does.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd


def with_rate(data: pd.DataFrame, numerator: str, denominator: str, *, per: float,
              name: str) -> pd.DataFrame:
    """A copy of data with one more column, name: numerator / denominator × per, row by row
    (per=100 for a percentage, 1000 for a rate per 1,000)."""
    rated = data.copy()
    rated[name] = per * rated[numerator] / rated[denominator]
    return rated


def between(data: pd.DataFrame, x: str, first: Any = None, last: Any = None) -> pd.DataFrame:
    """The rows whose x lies from first to last, both included (either may be left open)."""
    keep = pd.Series(True, index=data.index)
    if first is not None:
        keep &= data[x] >= _like(data[x], first)
    if last is not None:
        keep &= data[x] <= _like(data[x], last)
    return data[keep]


def _like(column: pd.Series, value: Any) -> Any:
    """value in column's type: a date written as text compares with a column of dates."""
    return pd.Timestamp(value) if pd.api.types.is_datetime64_any_dtype(column) else value


@dataclass(frozen=True)
class PooledRate:
    """All of a numerator over all of its denominator: the rate of a stretch of time taken
    together (busy weeks count for more), not the mean of its weekly rates."""

    numerator: float
    denominator: float
    per: float

    @property
    def rate(self) -> float:
        return self.per * self.numerator / self.denominator


def pooled_rate(data: pd.DataFrame, numerator: str, denominator: str, *,
                per: float = 100) -> PooledRate:
    return PooledRate(float(data[numerator].sum()), float(data[denominator].sum()), per)


@dataclass(frozen=True)
class Stretch:
    """The median of a column over some rows (a baseline, the last year), and how many rows."""

    points: int
    median: float


def median_of(data: pd.DataFrame, column: str) -> Stretch:
    return Stretch(len(data), float(data[column].median()))


def counts_per_month(dates: pd.Series, first: str, last: str, *, name: str) -> pd.DataFrame:
    """How many dates fall in each month from first to last ("2022-04"), months with none
    included as 0: columns month (its first day) and name."""
    counts = dates.dt.to_period("M").value_counts()
    months = pd.period_range(first, last, freq="M")
    counts = counts.reindex(months, fill_value=0)
    return pd.DataFrame({"month": months.to_timestamp(), name: counts.to_numpy()})


def with_total_group(data: pd.DataFrame, *, group: str, keys: list[str], sums: list[str],
                     label: str) -> pd.DataFrame:
    """The groups' rows after one more group, label, that adds up sums over the groups at each
    key (for example each week): the whole organisation beside its parts."""
    total = data.groupby(keys, as_index=False)[sums].sum()
    total[group] = label
    return pd.concat([total, data], ignore_index=True)


@dataclass(frozen=True)
class BeforeAfter:
    """A chart split in two parts at a change: each part's median, and how many points after
    the change are still above the old median (worse, for a measure that should fall)."""

    before_median: float
    after_median: float
    after_points: int
    after_above_before: int


def before_and_after(chart: Any) -> BeforeAfter:
    """From a run chart of two parts (qic(..., part=k)): its medians before and after the change."""
    before_median, after_median = (float(cl) for cl in chart.summary()["cl"][:2])
    after = chart.data[chart.data["part"] == 2]
    return BeforeAfter(before_median, after_median, len(after),
                       int((after["y"] > before_median).sum()))


def most_common_rows(data: pd.DataFrame, column: str) -> pd.DataFrame:
    """The rows whose column holds that column's most common value (the smallest, if tied)."""
    return data[data[column] == data[column].mode()[0]]


def rows_where(data: pd.DataFrame, **values: Any) -> pd.DataFrame:
    """The rows whose columns hold the given values, e.g. one department of the A&E data:
    rows_where(ae, org_code="RHW", type="1")."""
    keep = pd.Series(True, index=data.index)
    for column, value in values.items():
        keep &= data[column] == value
    return data[keep]


@dataclass(frozen=True)
class Spread:
    """How much a count varies from period to period: its mean and standard deviation."""

    mean: float
    sd: float

    @property
    def relative(self) -> float:
        """The standard deviation as a share of the mean (the coefficient of variation)."""
        return self.sd / self.mean if self.mean else 0.0


def spread_of(values: pd.Series) -> Spread:
    return Spread(float(values.mean()), float(values.std()))
