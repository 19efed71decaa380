"""The result of ptd(): per-point table, per-chart summary (Making Data Count icons), explanation.

Icon names follow NHSRplotthedots 0.2.2's icon files (inst/icons/variation: common_cause,
improvement_high/low, concern_high/low, neutral_high/low; inst/icons/assurance: pass, fail,
inconsistent), prefixed here with "special_cause_" / "consistent_" as the summary columns say.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from qispread._result_display import mimebundle
from qispread.spc.explanation import Explanation
from qispread.spc.ptd.explain import explain_chart
from qispread.spc.vocabulary import Direction

SUMMARY_COLUMNS = [
    "facet",
    "n_points",
    "mean",
    "lpl",
    "upl",
    "target",
    "variation_type",
    "assurance_type",
    "warning",
    "rebase_group",
    "n_special_cause_improvement",
    "n_special_cause_concern",
]

_TEXT_COLUMNS = {"facet", "variation_type", "assurance_type", "warning"}


def variation_type(point_type: str, improvement_direction: str) -> str:
    """The variation icon for a chart whose latest point has ``point_type``."""
    higher_is_better = improvement_direction == "increase"
    if point_type == "special_cause_improvement":
        return "special_cause_improvement_" + ("high" if higher_is_better else "low")
    if point_type == "special_cause_concern":
        return "special_cause_concern_" + ("low" if higher_is_better else "high")
    return point_type


def assurance_type(target: float | None, lpl: float, upl: float,
                   improvement_direction: str) -> str | None:
    """Where the target lies relative to the latest limits (None without a target or direction)."""
    if target is None or np.isnan(target) or improvement_direction == "neutral":
        return None
    higher_is_better = improvement_direction == "increase"
    if target > upl:
        return "consistent_fail" if higher_is_better else "consistent_pass"
    if target < lpl:
        return "consistent_pass" if higher_is_better else "consistent_fail"
    return "inconsistent"


@dataclass(frozen=True)
class PtdResult:
    """Output of ptd(): `.data` has one row per point (columns as NHSRplotthedots', in
    snake_case); summary() gives one row per chart with its Making Data Count icons."""

    data: pd.DataFrame
    improvement_direction: Direction
    has_facet: bool
    y_name: str
    shift_length: int
    trend_length: int
    facet_warnings: list[tuple[Any, str]] = field(default_factory=list)

    @property
    def warnings(self) -> list[str]:
        return [text for _, text in self.facet_warnings]

    def _facet_blocks(self) -> list[tuple[int, int]]:
        facet = self.data["facet"].to_numpy()
        ends = np.r_[np.flatnonzero(facet[1:] != facet[:-1]), len(facet) - 1]
        starts = np.r_[0, ends[:-1] + 1]
        return list(zip(starts.tolist(), ends.tolist(), strict=True))

    def summary(self) -> pd.DataFrame:
        """One row per facet, describing its latest period and latest point."""
        rows = []
        point_type = self.data["point_type"].to_numpy()
        for start, end in self._facet_blocks():
            last = self.data.iloc[end]
            block = point_type[start : end + 1]
            texts = [t for f, t in self.facet_warnings if f == last["facet"]]
            rows.append(
                {
                    "facet": last["facet"],
                    "n_points": end - start + 1,
                    "mean": last["mean"],
                    "lpl": last["lpl"],
                    "upl": last["upl"],
                    "target": None if np.isnan(last["target"]) else last["target"],
                    "variation_type": variation_type(
                        last["point_type"], self.improvement_direction
                    ),
                    "assurance_type": assurance_type(
                        last["target"], last["lpl"], last["upl"], self.improvement_direction
                    ),
                    "warning": " ".join(texts) if texts else None,
                    "rebase_group": last["rebase_group"],
                    "n_special_cause_improvement": int(
                        np.sum(block == "special_cause_improvement")
                    ),
                    "n_special_cause_concern": int(np.sum(block == "special_cause_concern")),
                }
            )
        # object columns keep None as None (pandas 3 would turn a text column's None into NaN)
        return pd.DataFrame(
            {
                column: pd.Series(
                    [row[column] for row in rows],
                    dtype=object if column in _TEXT_COLUMNS else None,
                )
                for column in SUMMARY_COLUMNS
            }
        )

    def explain(self) -> Explanation:
        """Plain English, one paragraph per chart."""
        summary = self.summary()
        paragraphs = []
        for (start, end), (_, row) in zip(self._facet_blocks(), summary.iterrows(), strict=True):
            paragraphs.append(explain_chart(self, self.data.iloc[start : end + 1], row))
        return Explanation(paragraphs, separator="\n\n")

    def headline(self) -> str:
        """One line: what the latest point and the target say, per chart."""
        summary = self.summary()
        if len(summary) > 1:
            improvement = int(summary["variation_type"].str.contains("improvement").sum())
            concern = int(summary["variation_type"].str.contains("concern").sum())
            return (f"{len(summary)} charts. Latest point: special cause improvement in "
                    f"{improvement}, special cause concern in {concern}.")
        row = summary.iloc[0]
        text = f"{row['n_points']} points. Latest point: {_VARIATION_WORDS[row['variation_type']]}."
        if row["assurance_type"] is not None:
            text += f" Target: {_ASSURANCE_WORDS[row['assurance_type']]}."
        return text

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        """In a notebook: the chart (ptd_figure), whose icons already give the headline."""
        return mimebundle(self, include, exclude)


_VARIATION_WORDS = {
    "common_cause": "common cause variation",
    "special_cause_improvement_high": "special cause improvement (high)",
    "special_cause_improvement_low": "special cause improvement (low)",
    "special_cause_concern_high": "special cause concern (high)",
    "special_cause_concern_low": "special cause concern (low)",
    "special_cause_neutral_high": "special cause variation (high)",
    "special_cause_neutral_low": "special cause variation (low)",
}
_ASSURANCE_WORDS = {
    "consistent_pass": "will consistently be met",
    "consistent_fail": "will consistently be missed",
    "inconsistent": "will sometimes be met and sometimes missed",
}
