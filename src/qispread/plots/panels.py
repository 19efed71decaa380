"""Small multiples: one panel per facet, with the axis references each panel's traces need."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from qispread.plots.style import FONT_SIZE


@dataclass(frozen=True)
class Panel:
    """One facet's panel: its rows of data and where to draw them."""

    label: str | None
    data: pd.DataFrame
    row: int
    col: int
    xref: str  # "x", "x2", ... for shapes and annotations in data units
    yref: str

    @property
    def xdomain(self) -> str:
        return f"{self.xref} domain"

    @property
    def ydomain(self) -> str:
        return f"{self.yref} domain"


def _facet_values(data: pd.DataFrame) -> list:
    if "facet" not in data.columns:
        return [None]
    values = list(pd.unique(data["facet"].dropna()))
    return values if len(values) > 1 else [None]


# Small multiples are sized by their rows: each row's panels are ROW_HEIGHT pixels of plot, and
# the gap between rows holds the x axis's dates of the row above and the title of the row below
# without their touching.
ROW_HEIGHT = 230
ROW_GAP = 95


def make_panels(data: pd.DataFrame, ncols: int | None = None,
                row_gap: int = ROW_GAP) -> tuple[go.Figure, list[Panel]]:
    """A figure with one subplot per facet (a plain figure when there is only one), ROW_HEIGHT
    pixels tall a row of panels with ``row_gap`` pixels between rows; fit_panels then adds the
    margins to the layout's height."""
    facets = _facet_values(data)
    if facets == [None]:
        fig = go.Figure()
        return fig, [Panel(None, data, 1, 1, "x", "y")]
    ncols = ncols or min(len(facets), 2 if len(facets) <= 4 else 3)
    nrows = math.ceil(len(facets) / ncols)
    from plotly.subplots import make_subplots  # only faceted charts; costly to import

    height = nrows * ROW_HEIGHT + (nrows - 1) * row_gap
    fig = make_subplots(
        rows=nrows, cols=ncols, shared_xaxes=False, shared_yaxes=True,
        subplot_titles=[str(f) for f in facets],
        horizontal_spacing=0.16 if ncols > 1 else 0.05,
        vertical_spacing=row_gap / height if nrows > 1 else 0.0,
    )
    fig.update_layout(height=height)
    panels = []
    for i, facet in enumerate(facets):
        row, col = divmod(i, ncols)
        subplot = fig.get_subplot(row + 1, col + 1)
        xref = subplot.xaxis.plotly_name.replace("axis", "")
        yref = subplot.yaxis.plotly_name.replace("axis", "")
        panels.append(Panel(str(facet), data[data["facet"] == facet], row + 1, col + 1, xref, yref))
    return fig, panels


def add_trace(fig: go.Figure, panel: Panel, trace: go.BaseTraceType) -> None:
    """Add ``trace`` to ``panel`` (works for the single-panel figure too)."""
    if panel.label is None:
        fig.add_trace(trace)
    else:
        fig.add_trace(trace, row=panel.row, col=panel.col)


def segments(data: pd.DataFrame, column: str) -> list[pd.DataFrame]:
    """Consecutive runs of rows sharing the same value of ``column`` (parts, rebase groups)."""
    if column not in data.columns or data.empty:
        return [data]
    key = data[column].ne(data[column].shift()).cumsum()
    return [group for _, group in data.groupby(key, sort=False)]


def show_legend_once(fig: go.Figure) -> None:
    """One legend entry per trace name, however many panels and parts repeat it."""
    seen = set()
    for trace in fig.data:
        if trace.showlegend is False:
            continue
        trace.showlegend = trace.name not in seen
        seen.add(trace.name)


def fit_panels(fig: go.Figure, ylab: str | None) -> None:
    """Small multiples, sized by their rows: the figure grows by its margins, and the y axis's
    title stands once, beside the whole grid, instead of beside the first panel, where it ran up
    into the title."""
    margin = fig.layout.margin
    fig.update_layout(height=fig.layout.height + margin.t + margin.b,
                      margin={"l": max(margin.l or 0, 95)})
    if ylab:
        fig.update_layout(yaxis_title_text="")
        fig.add_annotation(text=ylab, textangle=-90, showarrow=False, name="y_title",
                           xref="paper", x=0, xanchor="right", xshift=-60, yref="paper", y=0.5,
                           font={"size": FONT_SIZE})
