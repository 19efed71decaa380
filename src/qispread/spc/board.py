"""board(): a board's view of many measures at once, as NHS England's Making Data Count
integrated performance reports show them: for each measure its latest value, target, mean and
process limits, and its variation and assurance icons, all from ptd() (one chart per measure,
as ptd()'s facets).

Measures differ in which direction is better, so ``improvement_direction`` (and ``target``) may be
one value for all or a mapping measure -> value; measures sharing a direction are analysed by one
ptd() call with the measure as its facet, so each row's icons are exactly ptd()'s.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from qispread.errors import DataProblem
from qispread.spc.explanation import Explanation
from qispread.spc.funnel.explain import named
from qispread.spc.ptd import ptd
from qispread.spc.ptd.result import PtdResult, assurance_type, variation_type

TEXT_COLUMNS = {"measure", "improvement_direction", "target", "variation_type",
                "assurance_type", "warning"}
CHART_COLUMNS = ("x", "y", "mean", "lpl", "upl", "target", "point_type")
BOARD_COLUMNS = ["measure", "improvement_direction", "n_points", "latest_x", "latest_value",
                 "target", "mean", "lpl", "upl", "variation_type", "assurance_type", "warning"]


@dataclass(frozen=True)
class BoardResult:
    """Output of board(): `.table` has one row per measure (in the order the measures first
    appear); `.charts` maps each measure to its ptd() columns (x, y, mean, lpl, upl, target,
    point_type) as arrays."""

    table: pd.DataFrame
    charts: dict[str, dict[str, np.ndarray]]
    results: list[PtdResult]

    def explain(self) -> Explanation:
        from qispread.spc.board_explain import reading

        return Explanation(reading(self.table))

    def _repr_html_(self) -> str:
        from qispread._result_display import html  # drawn by plots, which builds on spc

        return html(self)


def _check_names(value: Mapping, measures: list[str], name: str) -> None:
    unknown = sorted(set(map(str, value)) - set(measures))
    if unknown:
        raise DataProblem(f"{name} names measure(s) not in the data: {named(unknown)}. "
                          f"The measures are: {named(measures)}. Check the spelling.")


def _per_measure(value: Any, measures: list[str], name: str) -> dict[str, Any]:
    if isinstance(value, Mapping):
        _check_names(value, measures, name)
        return {m: value.get(m) for m in measures}
    return dict.fromkeys(measures, value)


def board(data: pd.DataFrame, y: str, x: str, measure: str,
          improvement_direction: str | Mapping[str, str] = "increase",
          target: float | Mapping[str, float] | None = None, **ptd_options: Any) -> BoardResult:
    """One row per measure of ``data`` (a long table: one row per measure and period), with
    ptd()'s variation and assurance icons. Other ptd() options (rebase, fix_after_n_points, ...)
    pass through."""
    if not isinstance(data, pd.DataFrame) or measure not in data.columns:
        raise DataProblem(f'board() needs a table with a column "{measure}" naming each row\'s '
                          "measure (one row per measure and period).")
    names = data[measure].astype(str)
    measures = list(pd.unique(names))
    directions = _per_measure(improvement_direction, measures, "improvement_direction")
    targets = _per_measure(target, measures, "target")
    for option, value in ptd_options.items():
        if isinstance(value, Mapping):
            _check_names(value, measures, option)
    rows: dict[str, dict[str, Any]] = {}
    charts: dict[str, dict[str, np.ndarray]] = {}
    results = []
    for direction in pd.unique(pd.Series(list(directions.values()), dtype=object)):
        chosen = [m for m in measures if directions[m] == direction]
        subset = data[names.isin(chosen)].assign(**{measure: names[names.isin(chosen)]})
        wanted = {m: float(t) for m in chosen if (t := targets[m]) is not None}
        result = ptd(subset, y=y, x=x, facet=measure, improvement_direction=direction,
                     target=wanted or None, **_for_measures(ptd_options, chosen))
        results.append(result)
        _collect(result, direction, rows, charts)
    table = pd.DataFrame({  # text columns keep None as None (pandas 3 would make it NaN)
        c: pd.Series([rows[m][c] for m in measures],
                     dtype=object if c in TEXT_COLUMNS else None) for c in BOARD_COLUMNS})
    return BoardResult(table=table, charts={m: charts[m] for m in measures}, results=results)


def _for_measures(options: dict[str, Any], chosen: list[str]) -> dict[str, Any]:
    """ptd() options for one direction's measures: a mapping measure -> value (rebase) keeps
    only those measures' entries (ptd() refuses a facet it has not got)."""
    out: dict[str, Any] = {}
    for name, value in options.items():
        if isinstance(value, Mapping):
            value = {k: v for k, v in value.items() if str(k) in chosen} or None
        out[name] = value
    return out


def _collect(result: PtdResult, direction: str, rows: dict, charts: dict) -> None:
    """Each facet's row, as ptd()'s summary() makes it (its icon functions, from the arrays: a
    summary per facet through pandas costs a millisecond each) and its chart's arrays."""
    data = result.data
    facet = data["facet"].astype(str).to_numpy()
    ends = np.r_[np.flatnonzero(facet[1:] != facet[:-1]), len(facet) - 1]
    starts = np.r_[0, ends[:-1] + 1]
    columns = {c: data[c].to_numpy() for c in CHART_COLUMNS}
    warnings: dict[str, list[str]] = {}
    for name, text in result.facet_warnings:
        warnings.setdefault(str(name), []).append(text)
    for start, end in zip(starts.tolist(), ends.tolist(), strict=True):
        name = facet[end]
        target = float(columns["target"][end])
        mean, lpl, upl = (float(columns[c][end]) for c in ("mean", "lpl", "upl"))
        rows[name] = {
            "measure": name, "improvement_direction": direction, "n_points": end - start + 1,
            "latest_x": columns["x"][end], "latest_value": float(columns["y"][end]),
            "target": None if np.isnan(target) else target, "mean": mean, "lpl": lpl,
            "upl": upl,
            "variation_type": variation_type(columns["point_type"][end], direction),
            "assurance_type": assurance_type(target, lpl, upl, direction),
            "warning": " ".join(warnings[name]) if name in warnings else None,
        }
        charts[name] = {c: columns[c][start:end + 1] for c in CHART_COLUMNS}
