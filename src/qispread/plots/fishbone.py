"""A cause and effect (fishbone) diagram: the effect at the head on the right, the categories as
bones above and below the spine, each bone's causes listed beside it (likely causes in bold and
marked with a star, so the mark does not rely on colour)."""

from __future__ import annotations

import textwrap

import plotly.graph_objects as go

from qispread.models.fishbone import Fishbone
from qispread.plots.export import set_summary
from qispread.plots.style import BLUE, LABEL_SIZE, VERMILLION, base_layout

WRAP = 26
HEAD_WRAP = 20
BONE_WIDTH = 3.0


def fishbone_figure(diagram: Fishbone, title: str = "Cause and effect") -> go.Figure:
    names = list(diagram.categories)
    per_row = max((len(names) + 1) // 2, 1)
    spine_end = per_row * BONE_WIDTH
    fig = go.Figure()
    fig.add_shape(type="line", x0=0, y0=0, x1=spine_end, y1=0, opacity=1,
                  line={"color": BLUE, "width": 4})
    fig.add_annotation(x=spine_end, y=0, xanchor="left", showarrow=False, align="left",
                       text="<b>" + "<br>".join(textwrap.wrap(diagram.effect or "(the effect)",
                                                              HEAD_WRAP)) + "</b>",
                       bordercolor=BLUE, borderwidth=2, borderpad=6, bgcolor="white")
    for i, name in enumerate(names):
        side = 1 if i < per_row else -1
        x_top = (i % per_row) * BONE_WIDTH
        fig.add_shape(type="line", x0=x_top + 1, y0=0, x1=x_top, y1=side,
                      line={"color": BLUE, "width": 2}, opacity=1)
        fig.add_annotation(x=x_top, y=side * 1.12, text=f"<b>{name}</b>", showarrow=False,
                           font={"size": LABEL_SIZE + 1}, xanchor="left")
        lines = []
        for cause in diagram.categories[name]:
            text = "<br>  ".join(textwrap.wrap(cause.text, WRAP))
            lines.append(f"<b>★ {text}</b>" if cause.likely else f"• {text}")
        fig.add_annotation(x=x_top + 0.45, y=side * 0.55, text="<br>".join(lines) or "(none yet)",
                           showarrow=False, align="left", xanchor="left", yanchor="middle",
                           font={"size": LABEL_SIZE - 1,
                                 "color": "#1A1A1A" if lines else VERMILLION})
    layout = base_layout(title)
    fig.update_layout(**layout, height=560, margin={"l": 20, "r": 20, "t": 70, "b": 20})
    fig.update_xaxes(visible=False, range=[-0.2, spine_end + 3.2])
    fig.update_yaxes(visible=False, range=[-1.3, 1.3])
    return set_summary(fig, f"{title}: fishbone diagram.\n{diagram.text()}")
