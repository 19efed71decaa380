"""A run (or control) chart of the project's measure with each PDSA cycle's start marked on it."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from qispread.errors import DataProblem
from qispread.models.pdsa import CycleLog, PDSACycle
from qispread.plots.labels import readable_name
from qispread.plots.qic_figure import qic_figure
from qispread.spc.qic import qic
from qispread.spc.vocabulary import ChartType


def _as_times(x_values: Sequence) -> pd.Series:
    times = pd.to_datetime(pd.Series(list(x_values)), errors="coerce")
    if times.isna().any():
        raise DataProblem(
            "To mark PDSA cycles on the chart, the x column must hold dates (for example "
            "2025-03-01). Choose the date column as x."
        )
    return times


def cycle_notes(log: CycleLog, x_values: Sequence) -> tuple[dict, list[PDSACycle]]:
    """Notes {x value: "PDSA C1, C2"} at the first point on or after each cycle's start date.

    Only the ids go on the chart: cycles often start a week or two apart and longer labels would
    overlap; the widget lists each id with its title under the chart.

    Returns the notes and the dated cycles that fall after the last point (not on the chart).
    """
    times = _as_times(x_values)
    x_list = list(x_values)
    notes: dict = {}
    beyond = []
    for cycle in sorted((c for c in log.cycles if c.start), key=lambda c: str(c.start)):
        on_or_after = times[times >= pd.Timestamp(cycle.start)]
        if on_or_after.empty:
            beyond.append(cycle)
            continue
        x_at = x_list[on_or_after.index[0]]
        notes[x_at] = f"{notes[x_at]}, {cycle.id}" if x_at in notes else f"PDSA {cycle.id}"
    return notes, beyond


def pdsa_run_chart(log: CycleLog, data: pd.DataFrame, x: str, y: str, n: str | None = None,
                   chart: ChartType = "run", title: str | None = None, ylab: str | None = None,
                   xlab: str | None = None, **qic_args) -> go.Figure:
    """qic() of the measure (``qic_args`` such as freeze=12 pass through), drawn by qic_figure
    with a note at each cycle's start. The x axis has no title unless ``xlab`` gives one."""
    result = qic(x=x, y=y, n=n, data=data, chart=chart, **qic_args)
    notes, _ = cycle_notes(log, result.data["x"])
    # four label heights, not two: cycles often start a week or two apart
    return qic_figure(result, title=title or "Your measure, with PDSA cycles marked",
                      ylab=ylab or readable_name(y), xlab=xlab, notes=notes, note_rows=4)
