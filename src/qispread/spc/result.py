"""QicResult: the table qic() returns, with a per-part summary and a plain-English explanation."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

SUMMARY_RUN_COLUMNS = ["n_obs", "n_useful", "longest_run", "longest_run_max", "n_crossings",
                       "n_crossings_min"]


@dataclass
class QicResult:
    """Output of qic(): `.data` has one row per subgroup (columns as qicharts2, in snake_case)."""

    data: pd.DataFrame
    chart: str
    method: str
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

    def explain(self) -> list[str]:
        """Each signal in plain English, with where it happens; or that variation looks random."""
        from qispread.spc.explain import explain

        return explain(self)
