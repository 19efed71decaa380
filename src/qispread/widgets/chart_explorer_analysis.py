"""Glue for ChartExplorer: a ChartSpec and its data -> the engine's result, figure and explanation.

No maths here: qic()/ptd() analyse, qic_figure()/ptd_figure() draw, the spec supplies arguments.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from qispread.models.chart_spec import ChartSpec


@dataclass
class ChartOutcome:
    figure: go.Figure
    explanation: list[str]
    table: pd.DataFrame


def analyse(spec: ChartSpec, frame: pd.DataFrame) -> ChartOutcome:
    """Run the chart the spec describes on frame. Bad input raises the engine's DataProblem."""
    if spec.making_data_count:
        return _making_data_count(spec, frame)
    from qispread.plots.qic_figure import qic_figure
    from qispread.spc.qic import qic

    result = qic(data=frame, **spec.qic_arguments())
    figure = qic_figure(
        result,
        title=spec.title or None,
        ylab=spec.ylab or None,
        notes=spec.notes_for(result.data["x"]),
    )
    return ChartOutcome(figure, _as_lines(result.explain()), result.data)


def _making_data_count(spec: ChartSpec, frame: pd.DataFrame) -> ChartOutcome:
    from qispread.plots.ptd_figure import ptd_figure
    from qispread.spc.ptd import ptd

    result = ptd(data=frame, **spec.ptd_arguments(frame))
    figure = ptd_figure(result, title=spec.title or None, ylab=spec.ylab or None)
    return ChartOutcome(figure, _as_lines(result.explain()), result.data)


def _as_lines(explanation: str | list[str]) -> list[str]:
    """qic's explain() gives a list of sentences, ptd's one paragraph per line."""
    if isinstance(explanation, str):
        return [line for line in explanation.splitlines() if line.strip()]
    return [str(line) for line in explanation]
