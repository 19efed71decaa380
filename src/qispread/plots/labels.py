"""Value labels at the right edge of a panel, nudged apart so they never overlap."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from qispread.plots.panels import Panel
from qispread.plots.style import LABEL_SIZE


def format_value(value: float, percent: bool = False) -> str:
    """A number as a learner reads it: few decimals, no scientific notation."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if percent:
        return f"{value:.1%}"
    size = abs(value)
    if size >= 1000:
        return f"{value:,.0f}"
    if size >= 10:
        return f"{value:.1f}"
    if size >= 1 or size == 0:
        return f"{value:.2f}"
    return f"{value:.3g}"


def readable_name(column: str) -> str:
    """A column name as words for a title or axis: 'percent_within_4h' -> 'Percent within 4h'."""
    words = str(column).replace("_", " ").strip()
    return words[:1].upper() + words[1:]


EDGE_CHAR_WIDTH = 0.62  # average width of a label character, as a share of the font size


def edge_margin(fig: go.Figure, least: int = 60) -> int:
    """Right margin (px) wide enough for the longest edge label: never a clipped digit."""
    texts = [a.text or "" for a in fig.layout.annotations if a.name == "edge_label"]
    longest = max((len(t) for t in texts), default=0)
    return max(least, math.ceil(longest * LABEL_SIZE * EDGE_CHAR_WIDTH) + 16)


def legend_below(fig: go.Figure, has_x_title: bool) -> None:
    """A horizontal legend under the plot, below the x axis title when there is one."""
    fig.update_layout(
        legend={"orientation": "h", "yanchor": "top", "y": -0.24 if has_x_title else -0.16,
                "x": 0, "font": {"size": LABEL_SIZE}},
        margin={"b": 130 if has_x_title else 100})


def _spread(positions: list[float], min_gap: float) -> list[float]:
    """Move sorted positions up just enough that neighbours are at least ``min_gap`` apart."""
    placed: list[float] = []
    for y in positions:
        if placed and y - placed[-1] < min_gap:
            y = placed[-1] + min_gap
        placed.append(y)
    return placed


def add_edge_labels(fig: go.Figure, panel: Panel, labels: list[tuple[float, str, str]],
                    y_span: float) -> None:
    """Write ``(y, text, colour)`` labels just right of the panel, at their line's height.

    ``y_span`` is the data range shown on the y axis: labels closer than ~9 % of it are nudged
    apart, as their text would otherwise overlap.
    """
    labels = sorted((lab for lab in labels if lab[1]), key=lambda lab: lab[0])
    if not labels:
        return
    placed = _spread([lab[0] for lab in labels], 0.09 * y_span if y_span > 0 else 0.0)
    for (_y, text, colour), y_at in zip(labels, placed, strict=True):
        fig.add_annotation(
            x=1.0, xref=panel.xdomain, xanchor="left", xshift=4,
            y=y_at, yref=panel.yref, yanchor="middle",
            text=text, showarrow=False, align="left",
            font={"size": LABEL_SIZE, "color": colour},
            name="edge_label",
        )


def format_x(value) -> str:
    """An x value (date, number or label) as text for summaries and hover text."""
    if hasattr(value, "strftime"):
        try:
            return f"{value.day} {value.strftime('%b %Y')}"
        except ValueError:  # NaT
            return "missing date"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def format_x_list(values, limit: int = 8) -> str:
    """``values`` as "a, b and c" (shortened with "and N more" past ``limit``)."""
    texts = [format_x(v) for v in values]
    if len(texts) > limit:
        texts = texts[:limit] + [f"{len(texts) - limit} more"]
    if len(texts) <= 1:
        return "".join(texts)
    return ", ".join(texts[:-1]) + " and " + texts[-1]


def explanation_text(result) -> str:
    """The result's own plain-English explanation (explain() may give a str or a list of str)."""
    explain = getattr(result, "explain", None)
    if not callable(explain):
        return ""
    text = explain()
    return text if isinstance(text, str) else " ".join(str(s) for s in text)


def value_span(data: pd.DataFrame, columns: tuple[str, ...]) -> float:
    """The range of values the y axis must show (0 when there are none)."""
    present = [c for c in columns if c in data.columns]
    values = data[present].to_numpy(dtype=float, na_value=np.nan)
    if np.isnan(values).all():
        return 0.0
    return float(np.nanmax(values) - np.nanmin(values))


def ratings_text(names_and_scores: list[tuple[str, int | None]]) -> str:
    """Self-ratings in words for a screen reader, e.g. "Name 3, Other 4; not rated: Third"."""
    rated = [f"{name} {score}" for name, score in names_and_scores if score is not None]
    unrated = [name for name, score in names_and_scores if score is None]
    text = ", ".join(rated) if rated else "nothing rated yet"
    if rated and unrated:
        text += "; not rated: " + ", ".join(unrated)
    return text


def nice_ticks(low: float, high: float, most: int = 7) -> list[float]:
    """Round tick values (steps of 1, 2 or 5 times a power of ten) from low to high."""
    span = high - low
    if not np.isfinite(span) or span <= 0:
        return [low]
    for step in (m * 10.0 ** e for e in range(int(np.floor(np.log10(span / most))) - 1, 400)
                 for m in (1, 2, 5)):
        first = np.ceil(low / step) * step
        if (high - first) / step + 1 <= most:
            count = int(np.floor((high - first) / step + 1e-9)) + 1
            return [float(round(first + i * step, 12)) for i in range(count)]
    return [low, high]
