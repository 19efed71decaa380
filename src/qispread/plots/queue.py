"""The waiting-list model drawn: the backlog week by week, one run in bold, and for an ensemble
the band that holds the middle 90% of runs."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from qispread.models.demand_capacity import QueueRuns
from qispread.plots.export import set_summary
from qispread.plots.style import BLUE, GREY, SKY_BLUE, base_layout


def queue_figure(runs: QueueRuns, title: str = "Waiting list, week by week") -> go.Figure:
    weeks = np.arange(1, runs.settings.weeks + 1)
    fig = go.Figure()
    if runs.settings.runs > 1:
        low, high = np.percentile(runs.backlog, [5, 95], axis=0)
        fig.add_trace(go.Scatter(x=weeks, y=high, mode="lines", line={"width": 0},
                                 hoverinfo="skip", showlegend=False))
        fig.add_trace(go.Scatter(x=weeks, y=low, mode="lines", line={"width": 0},
                                 fill="tonexty", fillcolor="rgba(86, 180, 233, 0.25)",
                                 name="Middle 90% of runs", hoverinfo="skip"))
        fig.add_trace(go.Scatter(x=weeks, y=runs.mean_backlog, mode="lines",
                                 line={"color": SKY_BLUE, "width": 2, "dash": "dash"},
                                 name="Average of the runs",
                                 hovertemplate="Week %{x}: %{y:,.1f} waiting on average"
                                               "<extra></extra>"))
    fig.add_trace(go.Scatter(x=weeks, y=runs.backlog[0], mode="lines",
                             line={"color": BLUE, "width": 3}, name="One run",
                             hovertemplate="Week %{x}: %{y:,.0f} waiting<extra></extra>"))
    if runs.settings.start_backlog:
        fig.add_hline(y=runs.settings.start_backlog, line={"color": GREY, "dash": "dot"},
                      annotation_text="waiting at the start", annotation_position="top left")
    layout = base_layout(title, xlab="Week", ylab="People waiting")
    fig.update_layout(**{**layout, "showlegend": True}, height=420,
                      legend={"orientation": "h", "y": -0.22, "x": 0},
                      margin={"l": 70, "r": 30, "t": 70, "b": 100})
    fig.update_yaxes(rangemode="tozero")
    return set_summary(fig, f"{title}: line chart. {runs.reading()}")
