"""The Pareto chart: bars from the largest category down, the running share as a line on its own
axis, and a guide at 80% (a rule of thumb, labelled as one)."""

from __future__ import annotations

import plotly.graph_objects as go

from qispread.models.pareto import VITAL_FEW_SHARE, ParetoTable
from qispread.plots.export import set_summary
from qispread.plots.style import BLUE, GREY, LABEL_SIZE, LIGHT_GREY, VERMILLION, base_layout


def pareto_figure(result: ParetoTable, title: str = "Pareto chart",
                  ylab: str | None = None) -> go.Figure:
    table = result.table
    ylab = ylab or ("Weighted total" if result.weighted else "Count")
    fig = go.Figure()
    fig.add_trace(go.Bar(
        x=table["category"], y=table["total"], name=ylab,
        marker={"color": [BLUE if few else LIGHT_GREY for few in table["vital_few"]],
                "line": {"color": BLUE, "width": 1}},
        text=[f"{t:,g}" for t in table["total"]], textposition="outside", cliponaxis=False,
        hovertemplate="%{x}: %{y:,}<extra></extra>",
    ))
    fig.add_trace(go.Scatter(
        x=table["category"], y=100 * table["cumulative_share"], yaxis="y2",
        name="Running share", mode="lines+markers",
        line={"color": VERMILLION, "width": 2}, marker={"symbol": "diamond", "size": 9},
        hovertemplate="%{x}: %{y:.1f}% of the total so far<extra></extra>",
    ))
    layout = base_layout(title, ylab=ylab)
    fig.update_layout(
        **layout, height=440, margin={"l": 70, "r": 70, "t": 70, "b": 60}, bargap=0.25,
        yaxis2={"overlaying": "y", "side": "right", "range": [0, 105], "ticksuffix": "%",
                "tickmode": "array", "tickvals": list(range(0, 101, 20)),
                "ticktext": [f"{v}%" for v in range(0, 101, 20)],
                "showgrid": False, "tickfont": {"size": LABEL_SIZE},
                "title": {"text": "Running share"}},
    )
    fig.update_layout(yaxis_range=[0, 1.15 * float(table["total"].max())])
    fig.add_trace(go.Scatter(
        x=[table["category"].iloc[0], table["category"].iloc[-1]],
        y=[100 * VITAL_FEW_SHARE] * 2, yaxis="y2", mode="lines+text",
        line={"color": GREY, "dash": "dash", "width": 1.5}, hoverinfo="skip",
        text=["", "80% (a rule of thumb)"], textposition="top left",
        textfont={"size": LABEL_SIZE, "color": GREY}, name="80% guide",
    ))
    fig.update_xaxes(tickangle=0 if len(table) <= 6 else -30, automargin=True)
    return set_summary(fig, pareto_summary(result, title))


def pareto_summary(result: ParetoTable, title: str) -> str:
    table = result.table
    parts = [f"{row.category} {row.total:,g} ({row.share:.1%}; running {row.cumulative_share:.1%})"
             for row in table.itertuples()]
    return f"{title}: bar chart from largest to smallest. " + "; ".join(parts) + ". " + \
        result.reading()
