"""Pareto analysis: which few categories account for most of a problem.

After Joseph Juran's "vital few" (he named the idea after Vilfredo Pareto). The 80% line is a
rule of thumb, not a law: the table says how much of the total the leading categories hold,
whatever that share is. Counting how often something happens is not the same as how much harm it
does, so each row can carry a weight (a severity score, minutes lost) and the order is by the
weighted total.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from qispread.errors import DataProblem

VITAL_FEW_SHARE = 0.8


@dataclass(frozen=True)
class ParetoTable:
    """Categories from the largest total down, with each one's share and the running share.

    `table` has the columns category, count (events), total (weighted events; equal to count
    when no weight is given), share, cumulative_share and vital_few (the leading categories
    up to and including the one whose running share first reaches 80%)."""

    table: pd.DataFrame
    weighted: bool

    @property
    def vital_few(self) -> list[str]:
        return [str(c) for c in self.table.loc[self.table["vital_few"], "category"]]

    @property
    def grand_total(self) -> float:
        return float(self.table["total"].sum())

    def reading(self) -> str:
        """The table in one plain sentence."""
        few = self.vital_few
        share = float(self.table["cumulative_share"].iloc[len(few) - 1])
        what = "of the weighted total" if self.weighted else "of all events"
        return (f"{len(few)} of {len(self.table)} categories ({', '.join(few)}) account for "
                f"{share:.0%} {what}.")


def pareto(data: pd.DataFrame, category: str, count: str | None = None,
           weight: str | None = None) -> ParetoTable:
    """Sort the categories of `data` by how much of the problem each holds.

    category: the column naming each row's category. count: a column of how many events each
    row stands for (leave it out when each row is one event). weight: a column of how much each
    event matters (severity, minutes); each row adds count × weight to its category's total.
    Ties keep the categories in alphabetical order, so the table is the same every time."""
    for name in (category, count, weight):
        if name is not None and name not in data.columns:
            raise DataProblem(f"There is no column called '{name}'. The columns are: "
                              f"{', '.join(map(str, data.columns))}.")
    if data[category].isna().any():
        rows = [i + 2 for i in range(len(data)) if pd.isna(data[category].iloc[i])]
        raise DataProblem(f"{_rows(rows)} {'has' if len(rows) == 1 else 'have'} no category. "
                          f"Give every row a category (define the categories before counting), "
                          f"or remove those rows.")
    events = _numbers(data, count) if count else pd.Series(1.0, index=data.index)
    weights = _numbers(data, weight) if weight else pd.Series(1.0, index=data.index)
    frame = pd.DataFrame({"category": data[category].astype(str), "count": events,
                          "total": events * weights})
    grouped = frame.groupby("category", sort=True)[["count", "total"]].sum().reset_index()
    if grouped["total"].sum() <= 0:
        raise DataProblem("There is nothing to count: every total is zero. Check the count "
                          "and weight columns.")
    grouped = grouped.sort_values("total", ascending=False, kind="stable").reset_index(drop=True)
    grouped["share"] = grouped["total"] / grouped["total"].sum()
    grouped["cumulative_share"] = grouped["share"].cumsum()
    reached = grouped["cumulative_share"] >= VITAL_FEW_SHARE - 1e-12
    first_reaching = int(reached.to_numpy().argmax())
    grouped["vital_few"] = grouped.index <= first_reaching
    return ParetoTable(grouped, weighted=weight is not None)


def _numbers(data: pd.DataFrame, column: str) -> pd.Series:
    values = pd.to_numeric(data[column], errors="coerce")
    bad = [i + 2 for i in range(len(values)) if pd.isna(values.iloc[i]) or values.iloc[i] < 0]
    if bad:
        raise DataProblem(f"The column '{column}' must hold numbers of 0 or more; "
                          f"{_rows(bad).lower()} {'does' if len(bad) == 1 else 'do'} not. "
                          f"Correct {'it' if len(bad) == 1 else 'them'} and try again.")
    return values.astype(float)


def _rows(rows: list[int], most: int = 5) -> str:
    """"Row 3" or "Rows 3, 5 and 9", numbered as a spreadsheet shows them (the header is row
    1)."""
    if len(rows) == 1:
        return f"Row {rows[0]}"
    shown = [str(r) for r in rows[:most]]
    if len(rows) > most:
        return f"Rows {', '.join(shown)} and {len(rows) - most} more"
    return f"Rows {', '.join(shown[:-1])} and {shown[-1]}"
