"""The power/interest grid: each stakeholder placed by interest (across) and influence (up), the
four quadrants named with how to work with the people in them. Kinds of stakeholder differ in
marker shape as well as colour; people in the same cell are spread apart so every name shows."""

from __future__ import annotations

import textwrap

import plotly.graph_objects as go

from qispread.models.stakeholders import HIGH_FROM, KINDS, LEVELS, QUADRANTS, StakeholderMap
from qispread.plots.export import set_summary
from qispread.plots.style import (
    BLUE,
    BLUISH_GREEN,
    GREY,
    LABEL_SIZE,
    ORANGE,
    VERMILLION,
    base_layout,
)

LOOK = {"staff": (BLUE, "circle"), "public": (VERMILLION, "star"),
        "organisation": (BLUISH_GREEN, "square"), "other": (ORANGE, "diamond")}
STEP = 0.3  # how far apart people in one cell are drawn
MIDDLE = HIGH_FROM - 0.5
WRAP = 22


def _positions(grid: StakeholderMap) -> list[tuple[float, float]]:
    """Each stakeholder's (interest, influence); others in the same cell stacked below."""
    counts: dict[tuple[int, int], int] = {}
    places = []
    for person in grid.stakeholders:
        cell = (person.interest, person.influence)
        n = counts.get(cell, 0)
        counts[cell] = n + 1
        places.append((float(person.interest), person.influence - STEP * n))
    return places


def _label(name: str) -> str:
    return "<br>".join(textwrap.wrap(name, WRAP)) or name


def stakeholder_grid_figure(grid: StakeholderMap, title: str = "Stakeholder map") -> go.Figure:
    fig = go.Figure()
    for x0, x1, y0, y1 in ((0.5, MIDDLE, 0.5, MIDDLE), (MIDDLE, 4.5, MIDDLE, 4.5)):  # shaded
        fig.add_shape(type="rect", x0=x0, x1=x1, y0=y0, y1=y1, line={"width": 0},
                      fillcolor="rgba(86, 180, 233, 0.10)", layer="below")
    for (high_influence, high_interest), name in QUADRANTS.items():
        fig.add_annotation(x=4.45 if high_interest else 0.55, y=4.45 if high_influence else 0.55,
                           xanchor="right" if high_interest else "left",
                           yanchor="top" if high_influence else "bottom", showarrow=False,
                           text=f"<b>{name}</b>", font={"size": LABEL_SIZE, "color": GREY})
    places = _positions(grid)
    for kind, label in KINDS.items():
        chosen = [(p, xy) for p, xy in zip(grid.stakeholders, places, strict=True)
                  if p.kind == kind]
        if not chosen:
            continue
        colour, symbol = LOOK[kind]
        fig.add_trace(go.Scatter(
            x=[xy[0] for _, xy in chosen], y=[xy[1] for _, xy in chosen], mode="markers+text",
            name=label, text=[_label(p.name) for p, _ in chosen],
            # names of the most interested read leftwards, so they stay inside the grid
            textposition=["middle left" if p.interest == 4 else "middle right"
                          for p, _ in chosen],
            textfont={"size": LABEL_SIZE - 1}, cliponaxis=False,
            marker={"color": colour, "symbol": symbol, "size": 13, "line": {"width": 1,
                                                                            "color": "white"}},
            hovertemplate="%{text}<extra>" + label + "</extra>"))
    fig.add_vline(x=MIDDLE, line={"color": GREY, "width": 1.5, "dash": "dot"})
    fig.add_hline(y=MIDDLE, line={"color": GREY, "width": 1.5, "dash": "dot"})
    ticks = {"tickvals": list(LEVELS), "ticktext": list(LEVELS.values()), "showgrid": False}
    fig.update_layout(**base_layout(title, "Interest in the project", "Influence over it"),
                      height=560, margin={"l": 90, "r": 30, "t": 70, "b": 110})
    fig.update_layout(showlegend=True, legend={"orientation": "h", "y": -0.2, "x": 0})
    fig.update_xaxes(range=[0.5, 4.5], **ticks)
    fig.update_yaxes(range=[0.5, 4.5], **ticks)
    return set_summary(fig, f"{title}: power/interest grid.\n{grid.text()}")
