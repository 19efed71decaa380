"""The power/interest grid: each stakeholder placed by interest (across) and influence (up), the
four quadrants named with how to work with the people in them. Kinds of stakeholder differ in
marker shape as well as colour; people in the same cell are stacked within it, the grid growing
taller for a crowded cell, so that every name shows and each sits at its own level."""

from __future__ import annotations

import textwrap

import plotly.graph_objects as go

from qispread.models.stakeholders import HIGH_FROM, KINDS, LEVELS, QUADRANTS, StakeholderMap
from qispread.plots.export import set_summary
from qispread.plots.stack import stacked
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
MIDDLE = HIGH_FROM - 0.5
WRAP = 22
LINE_PX = 17  # a line of the 13-pixel names, with its leading
GAP_PX = 5  # between two names stacked in one cell
LEVEL_PX = 95  # a level's height when no cell is crowded
BAND = 0.85  # the share of its level one cell's names may fill: cells never meet
EDGE = 0.35  # room, in levels, above the top level and below the bottom one for the corners'
# names, which no stacked name reaches


def _layout(grid: StakeholderMap) -> tuple[list[tuple[float, float]], float]:
    """Each stakeholder's place, people in one cell stacked about its middle, and the pixels a
    level needs for the busiest cell's names to fit in its band without touching."""
    cells: dict[tuple[int, int], list[int]] = {}
    for i, person in enumerate(grid.stakeholders):
        cells.setdefault((person.interest, person.influence), []).append(i)
    heights = [len(_label(p.name).split("<br>")) * LINE_PX + GAP_PX for p in grid.stakeholders]
    busiest = max((sum(heights[i] for i in members) for members in cells.values()), default=0)
    level_px = max(LEVEL_PX, busiest / BAND)
    places: list[tuple[float, float]] = [(0.0, 0.0)] * len(heights)
    for (interest, influence), members in cells.items():
        spans = stacked([heights[i] / level_px for i in members], influence)
        for i, (top, bottom) in zip(members, spans, strict=True):
            places[i] = (float(interest), (top + bottom) / 2)
    return places, level_px


def _label(name: str) -> str:
    return "<br>".join(textwrap.wrap(name, WRAP)) or name


def stakeholder_grid_figure(grid: StakeholderMap, title: str = "Stakeholder map") -> go.Figure:
    fig = go.Figure()
    places, level_px = _layout(grid)
    bottom, top = 0.5 - EDGE, 4.5 + EDGE
    for x0, x1, y0, y1 in ((0.5, MIDDLE, bottom, MIDDLE), (MIDDLE, 4.5, MIDDLE, top)):  # shaded
        fig.add_shape(type="rect", x0=x0, x1=x1, y0=y0, y1=y1, line={"width": 0},
                      fillcolor="rgba(86, 180, 233, 0.10)", layer="below")
    for (high_influence, high_interest), name in QUADRANTS.items():
        fig.add_annotation(x=4.45 if high_interest else 0.55,
                           y=top - 0.05 if high_influence else bottom + 0.05,
                           xanchor="right" if high_interest else "left",
                           yanchor="top" if high_influence else "bottom", showarrow=False,
                           text=f"<b>{name}</b>", font={"size": LABEL_SIZE, "color": GREY})
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
    plot_px = (top - bottom) * level_px
    fig.update_layout(**base_layout(title, "Interest in the project", "Influence over it"),
                      height=round(plot_px) + 180, margin={"l": 90, "r": 30, "t": 70, "b": 110})
    # the legend 76 pixels under the grid, below the axis title, however tall the grid grows
    fig.update_layout(showlegend=True, legend={"orientation": "h", "y": -76 / plot_px, "x": 0})
    fig.update_xaxes(range=[0.5, 4.5], **ticks)
    fig.update_yaxes(range=[bottom, top], **ticks)
    return set_summary(fig, f"{title}: power/interest grid.\n{grid.text()}")
