"""A cause and effect (fishbone) diagram: the effect at the head on the right, the categories as
bones above and below the spine, each bone's causes listed beside it (likely causes in bold and
marked with a star, so the mark does not rely on colour)."""

from __future__ import annotations

import textwrap

import plotly.graph_objects as go

from qispread.models.fishbone import Cause, Fishbone
from qispread.plots.export import set_summary
from qispread.plots.stack import stacked
from qispread.plots.style import BLUE, LABEL_SIZE, VERMILLION, base_layout

WRAP = 22
LIKELY_WRAP = 19  # bold letters are wider: a likely cause keeps to the same width
HEAD_WRAP = 20
BONE_WIDTH = 3.0
LINE_PX = 17  # a line of the 13-pixel causes, with its leading
HEIGHT = 560  # the diagram's height when its causes are few
SPAN = 2.6  # the diagram's height in bones: a bone above the spine, one below, names beyond
ROOM = 0.9  # the share of a bone's height its causes may fill, between spine and name


def _cause(cause: Cause) -> str:
    """A cause as listed beside its bone: a likely one in bold with a star."""
    if cause.likely:
        return "<b>★ " + "<br>  ".join(textwrap.wrap(cause.text, LIKELY_WRAP)) + "</b>"
    return "• " + "<br>  ".join(textwrap.wrap(cause.text, WRAP))


def _lines(text: str) -> int:
    return text.count("<br>") + 1


def _list_causes(fig: go.Figure, texts: list[str], x_top: float, side: int,
                 line: float) -> None:
    """A bone's causes one under another about the middle of the bone, each starting just right
    of the slanting bone where the cause is nearest the spine, so the bone crosses none."""
    spans = stacked([line * _lines(text) for text in texts], side * 0.54)
    for text, (high, low) in zip(texts, spans, strict=True):
        nearest = min(abs(high), abs(low))  # the bone leans furthest right there
        fig.add_annotation(x=x_top + 1 - nearest + 0.12, y=(high + low) / 2, text=text,
                           showarrow=False, align="left", xanchor="left", yanchor="middle",
                           font={"size": LABEL_SIZE - 1, "color": "#1A1A1A"})


def fishbone_figure(diagram: Fishbone, title: str = "Cause and effect") -> go.Figure:
    names = list(diagram.categories)
    causes = {name: [_cause(cause) for cause in diagram.categories[name]] for name in names}
    # the longest list of causes fits between the spine and its bone's name: more causes, a
    # taller diagram
    longest = max((sum(_lines(text) for text in texts) for texts in causes.values()), default=1)
    margins = {"l": 20, "r": 20, "t": 70, "b": 20}
    bone_px = max((HEIGHT - margins["t"] - margins["b"]) / SPAN, LINE_PX * longest / ROOM)
    per_row = max((len(names) + 1) // 2, 1)
    spine_end = per_row * BONE_WIDTH + 1  # the head clears the last bones' causes
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
        if not causes[name]:
            fig.add_annotation(x=x_top + 0.6, y=side * 0.54, text="(none yet)", showarrow=False,
                               xanchor="left", font={"size": LABEL_SIZE - 1, "color": VERMILLION})
        _list_causes(fig, causes[name], x_top, side, LINE_PX / bone_px)
    layout = base_layout(title)
    fig.update_layout(**layout, height=round(SPAN * bone_px) + margins["t"] + margins["b"],
                      margin=margins)
    fig.update_xaxes(visible=False, range=[-0.2, spine_end + 3.2])
    fig.update_yaxes(visible=False, range=[-SPAN / 2, SPAN / 2])
    return set_summary(fig, f"{title}: fishbone diagram.\n{diagram.text()}")
