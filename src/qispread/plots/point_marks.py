"""A series drawn as a line plus one marker trace per kind of point (signal, excluded, ...).

One style per marker trace, not one per point: plotly checks a per-point colour or symbol list
element by element, which made a 10,000-point chart take seconds to build and redraw.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from qispread.plots.panels import Panel, add_trace


@dataclass(frozen=True)
class PointStyle:
    name: str  # shown in the legend and the hover box
    colour: str
    symbol: str
    size: int
    outline: str | None = None  # marker edge colour; the fill colour when None


def draw_points(fig: go.Figure, panel: Panel, group: pd.DataFrame, kinds: np.ndarray,
                styles: dict[str, PointStyle], line_colour: str, y_format: str,
                line_width: float = 2.0, line_in_legend: bool = True) -> None:
    """The y values of ``group`` joined by a line, then each kind's points in its own style.

    ``kinds[i]`` names the style of row i; kinds with no rows draw nothing. The line carries
    meta role "data"; each marker trace carries role "points" and its kind. Leave the line out of
    the legend (``line_in_legend=False``) when every point's kind is named there anyway.
    """
    add_trace(fig, panel, go.Scatter(
        x=group["x"], y=group["y"], mode="lines", name="Data", connectgaps=False,
        line={"color": line_colour, "width": line_width}, hoverinfo="skip",
        meta={"role": "data"}, showlegend=line_in_legend,
    ))
    x, y = group["x"].to_numpy(), group["y"].to_numpy()
    for kind, look in styles.items():
        mask = kinds == kind
        if not mask.any():
            continue
        add_trace(fig, panel, go.Scatter(
            x=x[mask], y=y[mask], mode="markers", name=look.name, legendgroup=kind,
            marker={"symbol": look.symbol, "color": look.colour, "size": look.size,
                    "line": {"width": 1.5, "color": look.outline or look.colour}},
            hovertemplate="%{x}<br>%{y" + y_format + "}<extra>%{fullData.name}</extra>",
            meta={"role": "points", "kind": kind},
        ))
