"""A learner's ChartSpec and its data -> the engine's result, figure and explanation (used by
the chart explorer and the spread plan).

No maths here: qic()/ptd() analyse, qic_figure()/ptd_figure() draw, the spec supplies arguments.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from qispread.models.chart_reading import making_data_count_values
from qispread.models.chart_spec import ChartSpec
from qispread.plots.labels import readable_name


@dataclass
class ChartOutcome:
    figure: go.Figure
    explanation: list[str]
    table: pd.DataFrame


def analyse(spec: ChartSpec, frame: pd.DataFrame) -> ChartOutcome:
    """Run the chart the spec describes on frame (its time column is read as dates when it holds
    dates). Bad input raises the engine's DataProblem."""
    spec.check_values(frame)
    frame = spec.dated(frame)
    if spec.making_data_count:
        return _making_data_count(spec, frame)
    from qispread.plots.qic_figure import qic_figure
    from qispread.spc.qic import qic

    result = qic(data=frame, **spec.qic_arguments())
    figure = qic_figure(
        result,
        title=spec.title or None,
        ylab=spec.ylab or readable_name(spec.y or ""),
        notes=spec.notes_for(result.data["x"]),
    )
    return ChartOutcome(figure, _as_lines(result.explain()), result.data)


def _making_data_count(spec: ChartSpec, frame: pd.DataFrame) -> ChartOutcome:
    from qispread.plots.ptd_figure import ptd_figure
    from qispread.spc.ptd import ptd

    values, ylab, note = _one_value_per_point(spec, frame)
    result = ptd(data=values, **spec.ptd_arguments(values))
    figure = ptd_figure(result, title=spec.title or None, ylab=spec.ylab or ylab,
                        notes=spec.notes_for(result.data["x"]))
    lines = _as_lines(result.explain())
    return ChartOutcome(figure, [note, *lines] if note else lines, result.data)


def _one_value_per_point(spec: ChartSpec, frame: pd.DataFrame):
    """Making Data Count draws one value per point on an XmR chart. With a denominator that
    value is y ÷ n (a percentage for a P chart's proportion), worked out by qic(), which also
    checks the denominators and combines repeated x values. Returns (frame, y label, note)."""
    if not spec.n:
        return frame, None, None
    values, percent = making_data_count_values(spec, frame)
    multiply = 100 if percent else spec.multiply
    y, n = readable_name(spec.y or "").lower(), readable_name(spec.n).lower()
    if percent:
        label = f"% ({y} of {n})"
        note = (f"Each point is {y} as a percentage of {n}; Making Data Count shows it on an XmR "
                "chart (type a target as a percentage, e.g. 95).")
    else:
        per = n if multiply == 1 else f"{multiply:g} {n}"
        label = f"{y} per {per}"
        note = f"Each point is {y} per {per}; Making Data Count shows it on an XmR chart."
    label = label[:1].upper() + label[1:]
    return values, label, note


def _as_lines(explanation: Iterable[str]) -> list[str]:
    """Both verbs' explain() give an Explanation: one sentence or paragraph per item."""
    return [str(line) for line in explanation]
