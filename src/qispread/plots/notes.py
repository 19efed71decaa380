"""Notes on a chart (a PDSA cycle, a change of practice): a dotted line at the point, a ring
round it and a label at the top of the panel. Shared by qic_figure and ptd_figure."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from qispread.plots import style
from qispread.plots.labels import format_x, nice_ticks
from qispread.plots.panels import Panel, add_trace


def collect_notes(data: pd.DataFrame, notes: dict | None) -> list[tuple[object, str, object]]:
    """(x, text, facet) for every note: the notes argument applies to all panels."""
    found = []
    if "notes" in data.columns:
        for _, row in data[data["notes"].notna() & (data["notes"].astype(str) != "")].iterrows():
            found.append((row["x"], str(row["notes"]), row.get("facet")))
    for x, text in (notes or {}).items():
        found.append((x, str(text), None))
    return found


NOTE_ROW_HEIGHT = 0.09  # one row of note labels, as a share of the panel's height
NOTE_CHAR_SHARE = 0.012  # width of a label character, as a share of a panel ~800 px wide


def note_rows_for(positions: list[float], texts: list[str], rows: int) -> list[int]:
    """The label row for each note (positions as shares of the x axis, in order): the first row
    where the label clears the one before it, else the row whose last label ends first."""
    ends = [-1.0] * rows
    chosen = []
    for at, text in zip(positions, texts, strict=True):
        half = (len(text) + 2) * NOTE_CHAR_SHARE / 2
        free = [r for r in range(rows) if ends[r] < at - half]
        row = free[0] if free else min(range(rows), key=lambda r: ends[r])
        ends[row] = at + half
        chosen.append(row)
    return chosen


def draw_notes(fig, panels: list[Panel], notes: list[tuple[object, str, object]],
               rows: int = 2) -> None:
    """Draw each note on its panel, labels staggered over ``rows`` heights (notes close together
    then do not overlap), with headroom above the data so that no label covers a point."""
    drawn = False
    for panel in panels:
        mine = []
        for x, text, facet in notes:
            if not (panel.label is None or facet is None or str(facet) == panel.label):
                continue
            match = panel.data[panel.data["x"] == x]
            if match.empty:
                match = panel.data[panel.data["x"].astype(str) == str(x)]
            if not match.empty:
                mine.append((match.index[0], text, match))
        mine.sort(key=lambda item: item[0])
        count = max(len(panel.data) - 1, 1)
        places = [panel.data.index.get_loc(i) / count for i, _, _ in mine]
        label_rows = note_rows_for(places, [t for _, t, _ in mine], rows)
        for (_, text, match), row in zip(mine, label_rows, strict=True):
            x_at = match["x"].iloc[0]
            fig.add_shape(opacity=1, type="line", x0=x_at, x1=x_at, y0=0, y1=1, xref=panel.xref,
                          yref=panel.ydomain, name="note_line",
                          line={"color": style.NOTE_COLOUR, "width": 1.5, "dash": "dot"})
            add_trace(fig, panel, go.Scatter(
                x=[x_at], y=[match["y"].iloc[0]], mode="markers", name="Note",
                marker={"symbol": style.MARKER_NOTE_RING, "size": 18,
                        "color": style.NOTE_COLOUR, "line": {"width": 2}},
                hovertext=[text], hoverinfo="text", showlegend=False, meta={"role": "note"},
            ))
            fig.add_annotation(x=x_at, xref=panel.xref, y=1.0 - NOTE_ROW_HEIGHT * row,
                               yref=panel.ydomain, yanchor="top", showarrow=False, text=text,
                               bgcolor="rgba(255,255,255,0.9)", bordercolor=style.NOTE_COLOUR,
                               borderwidth=1, borderpad=3, name="note",
                               font={"size": style.LABEL_SIZE - 1, "color": "#1A1A1A"})
            drawn = True
    if drawn:
        _leave_headroom(fig, min(0.5, NOTE_ROW_HEIGHT * rows + 0.02))


def _leave_headroom(fig: go.Figure, share: float) -> None:
    """Stretch every y axis so the data fill the panel below the top ``share`` kept for note
    labels; ticks stop at the data, so the axis never shows impossible values (e.g. 120%)."""
    values = np.concatenate([np.asarray(t.y, dtype=float) for t in fig.data
                             if t.y is not None and len(t.y)] or [np.array([np.nan])])
    if np.isnan(values).all():
        return
    low, high = np.nanmin(values), np.nanmax(values)
    span = (high - low) or abs(high) or 1.0
    below = low - 0.05 * span
    above = high + 0.05 * span
    top = above + (above - below) * share / (1 - share)
    fig.update_yaxes(range=[below, top], autorange=False, tickmode="array",
                     tickvals=nice_ticks(below, above))


def describe_notes(notes: list[tuple[object, str, object]]) -> list[str]:
    """The notes as sentences for a screen-reader summary."""
    return [f"Note at {format_x(x)}: {text}." for x, text, _ in notes]
