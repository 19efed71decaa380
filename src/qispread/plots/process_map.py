"""A process map drawn as a flow down the page: one column (swimlane) per person or team, the
steps in order from top to bottom, each step's kind shown by its marker's shape as well as its
colour, and a diagonal line wherever the work passes to another lane (a hand-off)."""

from __future__ import annotations

import textwrap

import plotly.graph_objects as go

from qispread.models.process_map import KINDS, ProcessMap
from qispread.plots.export import set_summary
from qispread.plots.style import (
    BLUISH_GREEN,
    GREY,
    LABEL_SIZE,
    ORANGE,
    REDDISH_PURPLE,
    SKY_BLUE,
    VERMILLION,
    base_layout,
)

KIND_STYLE = {
    "value": {"symbol": "circle", "color": BLUISH_GREEN},
    "wait": {"symbol": "hourglass", "color": VERMILLION},
    "handoff": {"symbol": "triangle-right", "color": ORANGE},
    "check": {"symbol": "diamond", "color": SKY_BLUE},
    "rework": {"symbol": "square", "color": REDDISH_PURPLE},
}
ROW_HEIGHT = 62
TITLE_WRAP = 60
WRAP = 22
# The map's width in pixels at JupyterLab's default width, which its lanes share; a lane's
# header and its steps' labels are wrapped to fit a lane
MAP_PIXELS = 860
STEP_CHAR_PIXELS = 8.2  # a character of the 14-pixel labels, wide letters allowed for
HEADER_CHAR_PIXELS = 7.5
RIGHT_ROOM = 1.25  # lanes of room right of the last lane, for its steps' labels


def process_map_figure(process: ProcessMap, title: str | None = None) -> go.Figure:
    title = title or process.title or "Process map"
    lanes = process.lanes
    column = {lane: i for i, lane in enumerate(lanes)}
    xs = [column[s.lane] for s in process.steps]
    ys = list(range(len(process.steps)))
    lane_px = MAP_PIXELS / (max(len(lanes) - 1, 0) + 0.3 + RIGHT_ROOM)
    wrap = max(10, min(WRAP, int((RIGHT_ROOM * lane_px - 20) / STEP_CHAR_PIXELS)))
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=_elbows(xs), y=_elbows(ys, down_first=True), mode="lines",
                             line={"color": GREY, "width": 2}, hoverinfo="skip",
                             showlegend=False))
    for kind, label in KINDS.items():
        index = [i for i, s in enumerate(process.steps) if s.kind == kind]
        if not index:
            continue
        steps = [process.steps[i] for i in index]
        fig.add_trace(go.Scatter(
            x=[xs[i] for i in index], y=[ys[i] for i in index], mode="markers+text",
            name=label, marker={**KIND_STYLE[kind], "size": 18, "line": {"width": 1,
                                                                       "color": "#1A1A1A"}},
            text=[_label(i + 1, s.name, s.minutes, wrap)
                  for i, s in zip(index, steps, strict=True)],
            textposition="middle right", textfont={"size": LABEL_SIZE},
            hovertemplate=[f"{s.name}<br>{s.lane}: {label}, {s.minutes:g} min<extra></extra>"
                           for s in steps],
        ))
    title_lines = textwrap.wrap(title, TITLE_WRAP) or [""]
    label_lines = max((_label(i + 1, s.name, s.minutes, wrap).count("<br>") + 1
                       for i, s in enumerate(process.steps)), default=1)
    row = max(ROW_HEIGHT, 18 * label_lines + 10)  # a step's label never runs into the next
    layout = base_layout("<br>".join(title_lines))
    headers = [textwrap.wrap(lane, max(6, int(lane_px / HEADER_CHAR_PIXELS))) or [lane]
               for lane in lanes]
    top = 80 + 26 * len(title_lines) + 20 * (max(map(len, headers), default=1) - 1)
    fig.update_layout(
        **{**layout, "showlegend": True}, height=top + 60 + row * max(len(ys), 1),
        legend={"orientation": "h", "y": -0.02, "yanchor": "top", "x": 0},
        margin={"l": 20, "r": 20, "t": top, "b": 60},
    )
    fig.update_xaxes(tickvals=list(range(len(lanes))),
                     ticktext=["<br>".join(lines) for lines in headers], side="top", tickangle=0,
                     range=[-0.3, max(len(lanes) - 1, 0) + RIGHT_ROOM], showgrid=True,
                     gridcolor="#EBEBEB", zeroline=False, ticks="")
    fig.update_yaxes(autorange="reversed", visible=False, range=[len(ys) - 0.4, -0.6])
    return set_summary(fig, process.text() + "\n" + (process.reading() if process.steps else ""))


def _elbows(values: list[int], down_first: bool = False) -> list[float]:
    """The connector's corners: from each step down to halfway to the next step's row, across to
    the next step's lane there, then down to it, so the line runs between the rows of labels and
    never through one (labels sit to the right of markers)."""
    corners: list[float] = []
    for a, b in zip(values, values[1:], strict=False):
        corners += [a, (a + b) / 2, (a + b) / 2] if down_first else [a, a, b]
    return corners + values[-1:]


def _label(number: int, name: str, minutes: float, wrap: int) -> str:
    lines = textwrap.wrap(f"{number}. {name}", wrap) or [f"{number}."]
    return "<br>".join([*lines, f"{minutes:g} min"])
