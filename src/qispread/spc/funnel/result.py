"""FunnelResult: the table funnel() returns, its limit curves, and its plain-English reading.

Column names follow FunnelPlotR's aggregated data in snake_case: lcl95/ucl95 and lcl99/ucl99 are
the unadjusted 95% and 99.8% limits, od95lcl … od99ucl the ones adjusted for overdispersion.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from qispread.spc.explanation import Explanation

LIMIT_COLUMNS = ["lcl95", "ucl95", "lcl99", "ucl99", "od95lcl", "od95ucl", "od99lcl", "od99ucl"]
LIMIT_WORDS = {"95": "95%", "99": "99.8%"}


@dataclass(frozen=True)
class FunnelResult:
    """Output of funnel(): `.data` has one row per unit (group), `.limits` the limit curves over
    a range of denominators (for drawing), `phi` and `tau2` the overdispersion estimates."""

    data: pd.DataFrame
    limits: pd.DataFrame
    phi: float
    tau2: float
    target: float
    data_type: str
    sr_method: str
    limit: str  # "95" or "99" (99.8%)
    adjustment: str
    draw_adjusted: bool  # limits adjusted for overdispersion are drawn and judge the outliers
    draw_unadjusted: bool
    multiplier: float
    numerator_name: str
    denominator_name: str

    @property
    def limit_words(self) -> str:
        return LIMIT_WORDS[self.limit]

    def limit_columns(self, adjusted: bool | None = None) -> tuple[str, str]:
        """The (lower, upper) columns that judge outliers: adjusted ones when `adjusted`."""
        adjusted = self.draw_adjusted if adjusted is None else adjusted
        if adjusted:
            return f"od{self.limit}lcl", f"od{self.limit}ucl"
        return f"lcl{self.limit}", f"ucl{self.limit}"

    def outliers(self) -> pd.DataFrame:
        """The units outside the limits that judge outliers, as FunnelPlotR's outliers()."""
        return self.data[self.data["outlier"]].reset_index(drop=True)

    def explain(self, units: str = "units") -> Explanation:
        """Which units lie outside which limits, in plain English; ``units`` names them
        (for example "departments")."""
        from qispread.spc.funnel.explain import reading

        return Explanation(reading(self, units))

    def headline(self) -> str:
        outside = int(self.data["outlier"].sum())
        kind = "adjusted" if self.draw_adjusted else "unadjusted"
        return (f"{len(self.data)} units; {outside} outside the {kind} {self.limit_words} limits "
                f"(φ = {self.phi:.2f}, τ² = {self.tau2:.3g}).")

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        """In a notebook: the funnel plot (funnel_figure) with the headline under its title."""
        from qispread._result_display import mimebundle  # drawn by plots, which builds on spc

        return mimebundle(self, include, exclude)
