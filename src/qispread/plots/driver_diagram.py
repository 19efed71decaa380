"""Draw a driver diagram left to right: Aim | Primary drivers | Secondary drivers | Change ideas.

The figure works in pixels (1 axis unit = 1 px at the fixed width), so wrapped text fits its box.
Children are ordered by the mean position of their parents (the barycentre heuristic for fewer
crossings) and placed near their parents, then pushed apart so that no boxes overlap.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

import plotly.graph_objects as go

from qispread.models.driver_diagram import LEVEL_TITLES, LEVELS, DiagramItem, DriverDiagram
from qispread.plots import style

# JupyterLab at its default width (1366 px, file browser open) gives an output about 920 px wide
WIDTH = 880
BOX_WIDTH = 176
COLUMN_STEP = 226  # box width plus the gap where links run
LINE_HEIGHT = 16
PADDING = 10
GAP = 12
CHARS_PER_LINE = 25  # at 12 px Arial in a 176 px box
TOP_MARGIN = 56

COLUMNS = ("aim", *LEVELS)
TITLES = {"aim": "Aim", **LEVEL_TITLES}
COLOURS = {
    "aim": style.BLUE,
    "primary": style.ORANGE,
    "secondary": style.BLUISH_GREEN,
    "change": style.REDDISH_PURPLE,
}


@dataclass
class _Box:
    key: str
    column: int
    lines: list[str]
    hover: str
    top: float = 0.0
    placeholder: bool = False

    @property
    def height(self) -> float:
        return len(self.lines) * LINE_HEIGHT + 2 * PADDING

    @property
    def centre(self) -> float:
        return self.top + self.height / 2

    @property
    def left(self) -> float:
        return self.column * COLUMN_STEP


def _wrap(text: str) -> list[str]:
    return textwrap.wrap(text, CHARS_PER_LINE, break_long_words=True) or [""]


def _item_box(item: DiagramItem, column: int) -> _Box:
    lines = _wrap(item.text)
    hover = f"{item.id}: {item.text}"
    if item.measure:
        lines += [f"<i>{line}</i>" for line in _wrap(f"Measure: {item.measure}")]
        hover += f"<br>Measure: {item.measure}"
    return _Box(item.id, column, lines, hover)


def _ordered(diagram: DriverDiagram) -> dict[str, list[DiagramItem]]:
    """Each level's items ordered under their parents (stable for items without links)."""
    order: dict[str, list[DiagramItem]] = {"primary": list(diagram.primary)}
    for left, level in zip(LEVELS, LEVELS[1:], strict=False):
        rank = {item.id: index for index, item in enumerate(order[left])}

        def key(pair: tuple[int, DiagramItem], rank: dict = rank) -> tuple[float, int]:
            index, item = pair
            ranks = [rank[p] for p in item.parents if p in rank]
            return (sum(ranks) / len(ranks) if ranks else float("inf"), index)

        order[level] = [item for _, item in sorted(enumerate(diagram.items(level)), key=key)]
    return order


def _pack(boxes: list[_Box], desired: list[float | None], height: float) -> None:
    """Place boxes in order near their desired tops, without overlaps, inside [0, height]."""
    bottom: float = -GAP
    for box, want in zip(boxes, desired, strict=True):
        box.top = max(bottom + GAP, want if want is not None else 0.0)
        bottom = box.top + box.height
    ceiling = height + GAP
    for box in reversed(boxes):
        box.top = min(box.top, ceiling - GAP - box.height)
        ceiling = box.top
    bottom = -GAP
    for box in boxes:
        box.top = max(box.top, bottom + GAP)
        bottom = box.top + box.height


def _spread(boxes: list[_Box], height: float) -> None:
    """Stack boxes with equal gaps so the column fills the height."""
    spare = height - sum(box.height for box in boxes)
    gap = spare / (len(boxes) - 1) if len(boxes) > 1 else 0.0
    top = 0.0 if len(boxes) > 1 else (height - boxes[0].height) / 2
    for box in boxes:
        box.top = top
        top += box.height + gap


def _layout(diagram: DriverDiagram) -> tuple[list[list[_Box]], list[tuple[str, str]], float]:
    order = _ordered(diagram)
    aim_text = diagram.aim.strip()
    columns = [
        [
            _Box(
                "aim",
                0,
                _wrap(aim_text or "Your aim goes here"),
                aim_text or "No aim yet",
                placeholder=not aim_text,
            )
        ]
    ]
    for index, level in enumerate(LEVELS, start=1):
        boxes = [_item_box(item, index) for item in order[level]]
        if not boxes:
            title = LEVEL_TITLES[level].lower()
            boxes = [_Box(f"none-{level}", index, _wrap(f"No {title} yet"), "", placeholder=True)]
        columns.append(boxes)
    links = [("aim", item.id) for item in diagram.primary] + [
        (parent, item.id)
        for level in LEVELS[1:]
        for item in diagram.items(level)
        for parent in item.parents
    ]

    height = max(sum(b.height for b in col) + GAP * (len(col) - 1) for col in columns)
    tallest = max(range(1, len(columns)), key=lambda i: sum(b.height for b in columns[i]))
    _spread(columns[tallest], height)
    placed = {b.key: b for b in columns[tallest]}
    sweep = list(range(tallest - 1, -1, -1)) + list(range(tallest + 1, len(columns)))
    for index in sweep:
        # leftward columns follow their children, rightward columns their parents
        neighbour = index + 1 if index < tallest else index - 1
        near = {b.key for b in columns[neighbour]}
        desired = []
        for box in columns[index]:
            linked = [
                placed[child if index < tallest else parent].centre
                for parent, child in links
                if (parent == box.key and child in near) or (child == box.key and parent in near)
            ]
            desired.append(sum(linked) / len(linked) - box.height / 2 if linked else None)
        _pack(columns[index], desired, height)
        placed.update({b.key: b for b in columns[index]})
    return columns, links, height


def _curve(x0: float, y0: float, x1: float, y1: float, steps: int = 16) -> tuple[list, list]:
    """A smooth S-shaped link that leaves and enters boxes horizontally."""
    mid = (x0 + x1) / 2
    xs, ys = [], []
    for step in range(steps + 1):
        t = step / steps
        a, b, c, d = (1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t**2, t**3
        xs.append(a * x0 + b * mid + c * mid + d * x1)
        ys.append(a * y0 + b * y0 + c * y1 + d * y1)
    return xs, ys


def _tint(colour: str, alpha: float) -> str:
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red},{green},{blue},{alpha})"


def summary(diagram: DriverDiagram) -> str:
    """A plain-text description of the diagram for screen readers."""
    aim = diagram.aim.strip().rstrip(".") or "not written yet"
    parts = [f"Driver diagram. Aim: {aim}."]
    for level in LEVELS:
        items = diagram.items(level)
        described = []
        for item in items:
            text = f"{item.id} {item.text}"
            if item.parents:
                text += f" (linked to {', '.join(item.parents)})"
            if item.measure:
                text += f" (measure: {item.measure})"
            described.append(text)
        parts.append(
            f"{LEVEL_TITLES[level]} ({len(items)}): " + ("; ".join(described) or "none") + "."
        )
    return " ".join(parts)


def driver_diagram_figure(diagram: DriverDiagram) -> go.Figure:
    """The diagram as a plotly Figure, 880 px wide, with a text summary in layout.meta."""
    columns, links, height = _layout(diagram)
    boxes = {box.key: box for column in columns for box in column}
    fig = go.Figure()

    link_x: list[float | None] = []
    link_y: list[float | None] = []
    for parent, child in links:
        start, end = boxes[parent], boxes[child]
        xs, ys = _curve(start.left + BOX_WIDTH, start.centre, end.left - 5, end.centre)
        link_x += [*xs, None]
        link_y += [*ys, None]
    fig.add_trace(
        go.Scatter(
            x=link_x,
            y=link_y,
            mode="lines",
            name="links",
            hoverinfo="skip",
            line={"color": style.GREY, "width": 1.5},
        )
    )
    heads = [boxes[child] for _, child in links]
    fig.add_trace(
        go.Scatter(
            x=[b.left - 5 for b in heads],
            y=[b.centre for b in heads],
            mode="markers",
            name="arrowheads",
            hoverinfo="skip",
            marker={"symbol": "triangle-right", "size": 9, "color": style.GREY},
        )
    )

    for column, key in zip(columns, COLUMNS, strict=True):
        colour = COLOURS[key]
        for box in column:
            fig.add_shape(
                type="rect",
                x0=box.left,
                x1=box.left + BOX_WIDTH,
                y0=box.top,
                y1=box.top + box.height,
                layer="below",
                line={
                    "color": colour,
                    "width": 1 if box.placeholder else 2,
                    "dash": "dot" if box.placeholder else "solid",
                },
                fillcolor="white" if box.placeholder else _tint(colour, 0.14),
            )
        fig.add_trace(
            go.Scatter(
                x=[box.left + BOX_WIDTH / 2 for box in column],
                y=[box.centre for box in column],
                mode="text",
                name=TITLES[key],
                text=["<br>".join(box.lines) for box in column],
                customdata=[box.key for box in column],
                hovertext=[box.hover for box in column],
                hoverinfo="skip" if column[0].placeholder else "text",
                textfont={
                    "size": 12,
                    "color": style.GREY if column[0].placeholder else "#1A1A1A",
                    "family": style.FONT_FAMILY,
                },
            )
        )
        fig.add_annotation(
            x=COLUMNS.index(key) * COLUMN_STEP + BOX_WIDTH / 2,
            y=-TOP_MARGIN / 2,
            text=f"<b>{TITLES[key]}</b>",
            showarrow=False,
            font={"size": 15, "color": "#1A1A1A"},
            yanchor="middle",
        )

    span = 3 * COLUMN_STEP + BOX_WIDTH
    fig.update_layout(
        width=WIDTH,
        height=height + TOP_MARGIN + 20,
        margin={"l": (WIDTH - span) // 2, "r": (WIDTH - span) // 2, "t": 10, "b": 10},
        showlegend=False,
        plot_bgcolor="white",
        paper_bgcolor="white",
        font={"family": style.FONT_FAMILY, "size": 12, "color": "#1A1A1A"},
        xaxis={"visible": False, "range": [-1, span + 1], "fixedrange": True},
        yaxis={"visible": False, "range": [height + 4, -TOP_MARGIN], "fixedrange": True},
        meta={"summary": summary(diagram)},
        hoverlabel={"font": {"size": 13}},
    )
    return fig
