"""QicResult: the table qic() returns, with a per-part summary and a plain-English explanation."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from qispread._result_display import mimebundle
from qispread.spc.explanation import Explanation
from qispread.spc.vocabulary import ChartType, Method

SUMMARY_RUN_COLUMNS = ["n_obs", "n_useful", "longest_run", "longest_run_max", "n_crossings",
                       "n_crossings_min"]


@dataclass
class QicResult:
    """Output of qic(): `.data` has one row per subgroup (columns as qicharts2, in snake_case)."""

    data: pd.DataFrame
    chart: ChartType
    method: Method
    x_given: bool = True
    multiply: float = 1

    def summary(self) -> pd.DataFrame:
        """One row per facet and part, as qicharts2's summary(): mean limits, signal counts."""
        grouped = self.data.groupby(["facet", "part"], sort=False, dropna=False)
        out = grouped[SUMMARY_RUN_COLUMNS].first()
        out["runs_signal"] = grouped["runs_signal"].any()
        out["lcl"] = grouped["lcl"].mean()
        out["cl"] = grouped["cl"].mean()
        out["ucl"] = grouped["ucl"].mean()
        out["sigma_signal"] = grouped["sigma_signal"].sum().astype(int)
        return out.reset_index()

    def explain(self) -> Explanation:
        """Each signal in plain English, with where it happens; or that variation looks random."""
        from qispread.spc.explain import explain

        return Explanation(explain(self))

    def headline(self) -> str:
        """One line: how many points, and whether the chart shows a signal."""
        table = self.summary()
        points = int(self.data["y"].notna().sum())
        runs = bool(table["runs_signal"].any())
        text = f"{points} points. " + (
            "Runs signal: non-random variation." if runs else "No runs signal.")
        if table["ucl"].notna().any() or table["lcl"].notna().any():
            outside = int(table["sigma_signal"].sum())
            text += (f" {outside} point{'s' if outside != 1 else ''} outside the limits."
                     if outside else " No point outside the limits.")
        return text

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        """In a notebook: the chart (qic_figure) with the headline under its title."""
        return mimebundle(self, include, exclude)
