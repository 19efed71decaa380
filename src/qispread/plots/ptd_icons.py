"""Variation and assurance icons for Making Data Count charts, drawn as plotly shapes.

NHS England's icon images are not reused: each icon here is a simple equivalent, a ring in the
Making Data Count colour with a letter inside (H/L for which side of the mean, P/F/? for the
target), with the meaning written out beside it so that colour is never the only cue.
"""

from __future__ import annotations

import plotly.graph_objects as go

from qispread.plots.panels import Panel
from qispread.plots.style import FONT_FAMILY

# NHS England Making Data Count colours, as NHSRplotthedots 0.2.2 sets them in
# R/ptd_spc_colours.R (github.com/nhs-r-community/NHSRplotthedots, commit 24745e7).
MDC_COMMON = "#a6a6a6"
MDC_IMPROVEMENT = "#00b0f0"
MDC_CONCERN = "#e46c0a"
MDC_NEUTRAL = "#490092"
MDC_TARGET = "#de1b1b"
MDC_MEAN = "#000000"

# Darker grey for the common-cause icon ring and text: #a6a6a6 is too faint on white for text.
ICON_GREY = "#6E6E6E"

VARIATION_ICONS = {
    "common_cause": (ICON_GREY, "~", "Common cause variation"),
    "special_cause_improvement_high": (MDC_IMPROVEMENT, "H", "Special cause improvement (high)"),
    "special_cause_improvement_low": (MDC_IMPROVEMENT, "L", "Special cause improvement (low)"),
    "special_cause_concern_high": (MDC_CONCERN, "H", "Special cause concern (high)"),
    "special_cause_concern_low": (MDC_CONCERN, "L", "Special cause concern (low)"),
    "special_cause_neutral_high": (MDC_NEUTRAL, "H", "Special cause neutral (high)"),
    "special_cause_neutral_low": (MDC_NEUTRAL, "L", "Special cause neutral (low)"),
}

ASSURANCE_ICONS = {
    "consistent_pass": (MDC_IMPROVEMENT, "P", "Will consistently pass the target"),
    "consistent_fail": (MDC_CONCERN, "F", "Will consistently fail the target"),
    "inconsistent": (ICON_GREY, "?", "Will sometimes pass, sometimes fail the target"),
}


def icon_meaning(variation_type: str | None, assurance_type: str | None) -> list[str]:
    """The icons' meanings in words, variation first."""
    words = []
    if variation_type in VARIATION_ICONS:
        words.append(VARIATION_ICONS[variation_type][2])
    if assurance_type in ASSURANCE_ICONS:
        words.append(ASSURANCE_ICONS[assurance_type][2])
    return words


def _draw_icon(fig: go.Figure, panel: Panel, right_px: int, size: int, colour: str,
               letter: str, name: str) -> None:
    """A ring of diameter ``size`` px whose right edge is ``right_px`` left of the panel's edge."""
    x0, x1 = -right_px - size, -right_px
    fig.add_shape(opacity=1, type="circle", xref=panel.xdomain, yref=panel.ydomain,
                  xsizemode="pixel", ysizemode="pixel", xanchor=1.0, yanchor=1.0,
                  x0=x0, x1=x1, y0=8, y1=8 + size, fillcolor="white",
                  line={"color": colour, "width": max(3, size // 10)}, name=name)
    fig.add_annotation(xref=panel.xdomain, yref=panel.ydomain, x=1.0, y=1.0,
                       xshift=(x0 + x1) / 2, yshift=8 + size / 2, showarrow=False,
                       xanchor="center", yanchor="middle",
                       text=f"<b>{letter}</b>", name=name + "_letter",
                       font={"size": int(size * 0.55), "color": colour, "family": FONT_FAMILY})


def add_icons(fig: go.Figure, panel: Panel, variation_type: str | None,
              assurance_type: str | None, size: int = 44, caption_size: int = 13) -> None:
    """Draw the variation icon (and the assurance icon when there is a target) above ``panel``.

    The icons sit just above the panel's top-right corner, with their meaning written to their
    left, right-aligned.
    """
    gap = 10
    right = 0
    drawn = []
    for kind, table, value in (("assurance_icon", ASSURANCE_ICONS, assurance_type),
                               ("variation_icon", VARIATION_ICONS, variation_type)):
        if value not in table:
            continue
        colour, letter, _ = table[value]
        _draw_icon(fig, panel, right, size, colour, letter, kind)
        drawn.append(value)
        right += size + gap
    words = icon_meaning(variation_type, assurance_type)
    if words:
        fig.add_annotation(xref=panel.xdomain, yref=panel.ydomain, x=1.0, y=1.0,
                           xanchor="right", yanchor="middle", xshift=-right,
                           yshift=8 + size / 2, showarrow=False, align="right",
                           text="<br>".join(words), name="icon_caption",
                           font={"size": caption_size, "color": "#1A1A1A"})
