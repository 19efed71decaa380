"""Shared look of every qispread chart: colour-blind-safe palette, fonts, marker shapes, layout.

The palette is Okabe & Ito's "Color Universal Design" set (Okabe M, Ito K. 2008,
https://jfly.uni-koeln.de/color/), which stays distinguishable under the common colour-vision
deficiencies. Charts must never rely on colour alone: signals also change marker shape.
"""

from __future__ import annotations

import textwrap

import plotly.graph_objects as go

# Okabe-Ito colour-blind-safe palette
BLACK = "#000000"
ORANGE = "#E69F00"
SKY_BLUE = "#56B4E9"
BLUISH_GREEN = "#009E73"
YELLOW = "#F0E442"
BLUE = "#0072B2"
VERMILLION = "#D55E00"
REDDISH_PURPLE = "#CC79A7"
GREY = "#7F7F7F"
LIGHT_GREY = "#D9D9D9"

PALETTE = [BLUE, ORANGE, BLUISH_GREEN, VERMILLION, SKY_BLUE, REDDISH_PURPLE, YELLOW, BLACK]
"""Categorical colours in the order to use them (yellow late: it is faint on white)."""

# Roles in a control chart
DATA_LINE_COLOUR = BLUE
CENTRE_COLOUR = BLACK
LIMIT_COLOUR = GREY
SIGNAL_COLOUR = VERMILLION
RUNS_SIGNAL_COLOUR = VERMILLION
BASELINE_SHADE = "rgba(86, 180, 233, 0.12)"  # sky blue, faint
NOTE_COLOUR = BLUISH_GREEN

# Marker shapes: a signal differs in shape as well as colour
MARKER_NORMAL = "circle"
MARKER_SIGNAL = "diamond"
MARKER_EXCLUDED = "circle-open"
MARKER_SIGNAL_EXCLUDED = "diamond-open"
MARKER_NOTE_RING = "circle-open"
MARKER_SIZE = 8
MARKER_SIGNAL_SIZE = 12

FONT_FAMILY = "Arial, Helvetica, 'Liberation Sans', sans-serif"
FONT_SIZE = 16
TITLE_SIZE = 20
LABEL_SIZE = 14
TITLE_WRAP = 76  # characters of a title's line: about 800 pixels at TITLE_SIZE
TITLE_LINE_PX = 26  # a line of a title at TITLE_SIZE
AXIS_TITLE_WRAP = 32  # characters of a y axis title's line: it runs up a chart 300 pixels tall
DEFAULT_HEIGHT = 450  # plotly's, for a figure that sets none

LINE_WIDTH = 2

PLOT_CONFIG = {"displayModeBar": False, "displaylogo": False, "responsive": True}
"""plotly config for display: no toolbar clutter."""


AXIS_STYLE = {
    "showgrid": True,
    "gridcolor": "#EBEBEB",
    "zeroline": False,
    "showline": True,
    "linecolor": "#BFBFBF",
    "ticks": "outside",
    "tickfont": {"size": LABEL_SIZE},
    "title": {"font": {"size": FONT_SIZE}},
}


def wrap_title(title: str, width: int = TITLE_WRAP) -> str:
    """``title`` in lines of at most ``width`` characters; lines with markup are kept whole."""
    return "<br>".join(line if "<" in line else "<br>".join(textwrap.wrap(line, width))
                       for line in title.split("<br>"))


def room_for_title(fig: go.Figure, top: int, grow: bool = True) -> int:
    """A top margin of ``top`` pixels for a title of one line, and a line's more for each line
    the title wrapped to; with ``grow`` the figure grows as much, so its chart keeps its size.
    Returns the number of lines added."""
    extra = (fig.layout.title.text or "").count("<br>")
    if grow and extra:
        fig.update_layout(height=(fig.layout.height or DEFAULT_HEIGHT) + TITLE_LINE_PX * extra)
    fig.update_layout(margin={"t": top + TITLE_LINE_PX * extra})
    return extra


def base_layout(title: str | None = None, xlab: str | None = None, ylab: str | None = None) -> dict:
    """Layout settings shared by every chart: white background, large fonts, light grid."""
    axis = AXIS_STYLE
    return {
        "template": "simple_white",
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        "font": {"family": FONT_FAMILY, "size": FONT_SIZE, "color": "#1A1A1A"},
        # a long title (a learner's own) wraps rather than run off the chart's right edge
        "title": {"text": wrap_title(title or ""), "font": {"size": TITLE_SIZE}, "x": 0.01,
                  "xanchor": "left"},
        "xaxis": {**axis, "title": {"text": xlab or "", "font": {"size": FONT_SIZE}}},
        "yaxis": {**axis, "title": {"text": wrap_title(ylab or "", AXIS_TITLE_WRAP),
                                    "font": {"size": FONT_SIZE}}},
        "showlegend": False,
        "hoverlabel": {"font": {"size": LABEL_SIZE}},
    }


def apply_style(fig: go.Figure, title: str | None = None, xlab: str | None = None,
                ylab: str | None = None) -> go.Figure:
    """Apply the shared layout to ``fig`` in place and return it."""
    fig.update_layout(**base_layout(title, xlab, ylab))
    # small multiples have one axis pair per panel: style them all alike
    fig.update_xaxes(**{k: v for k, v in AXIS_STYLE.items() if k != "title"})
    fig.update_yaxes(**{k: v for k, v in AXIS_STYLE.items() if k != "title"})
    return fig
