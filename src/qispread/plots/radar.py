"""Radar (spider) chart comparing spread-readiness assessments for several sites or dates."""

from __future__ import annotations

import math
from collections.abc import Iterable

import plotly.graph_objects as go

from qispread.models.readiness import (
    DIMENSIONS,
    RATING_MAX,
    SEVENTH_PRINCIPLE_NAME,
    ReadinessAssessment,
    ReadinessRecord,
)
from qispread.plots.export import set_summary
from qispread.plots.labels import ratings_text
from qispread.plots.style import FONT_SIZE, LABEL_SIZE, LINE_WIDTH, PALETTE, base_layout

# Line dash and marker shape differ between assessments so they are told apart without colour.
_DASHES = ("solid", "dash", "dot", "dashdot", "longdash", "longdashdot")
_SYMBOLS = ("circle", "square", "diamond", "triangle-up", "x", "star")
# The legend under the radar: the width its names share (the chart's, less the legend's title),
# a name's character, the line and gap before each name, and a row's height, in pixels
LEGEND_PX = 700
LEGEND_CHAR_PX = 7.5
LEGEND_ITEM_PX = 60
LEGEND_ROW_PX = 21


def _axis_label(name: str) -> str:
    if name == SEVENTH_PRINCIPLE_NAME:
        return "Innovation<br>development<br>(2020 name)"
    return name.replace(" ", "<br>") if len(name) > 12 else name


def _legend_rows(assessments: list[ReadinessAssessment]) -> int:
    """Rows the legend under the radar takes: as many names a row as fit the chart's width."""
    widest = max((len(a.label) for a in assessments), default=0)
    per_row = max(1, int(LEGEND_PX / (LEGEND_CHAR_PX * widest + LEGEND_ITEM_PX)))
    return max(1, math.ceil(len(assessments) / per_row))


def readiness_radar(assessments: ReadinessRecord | Iterable[ReadinessAssessment],
                    title: str = "Spread readiness") -> go.Figure:
    """One closed outline per assessment on a 1–5 scale; unrated principles leave a gap."""
    if isinstance(assessments, ReadinessRecord):
        assessments = assessments.assessments
    assessments = list(assessments)
    labels = [_axis_label(d.name) for d in DIMENSIONS]
    fig = go.Figure()
    for i, a in enumerate(assessments):
        scores = [a.score(d.key) for d in DIMENSIONS]
        hover = [f"{a.label}<br>{d.name}: {'not rated' if s is None else s}"
                 for d, s in zip(DIMENSIONS, scores, strict=True)]
        complete = None not in scores
        # A shape is filled only when every principle is rated: plotly closes a filled shape
        # through the centre at a gap, which would read as a rating of zero.
        fig.add_trace(go.Scatterpolar(
            r=[*scores, scores[0]], theta=[*labels, labels[0]], name=a.label,
            mode="lines+markers", connectgaps=False,
            line={"color": PALETTE[i % len(PALETTE)], "width": LINE_WIDTH,
                  "dash": _DASHES[i % len(_DASHES)]},
            marker={"size": 9, "symbol": _SYMBOLS[i % len(_SYMBOLS)]},
            fill="toself" if len(assessments) == 1 and complete else "none", opacity=0.9,
            hovertext=[*hover, hover[0]], hoverinfo="text",
        ))
    layout = base_layout(
        f"{title}<br><sup>1 = not in place, 5 = fully in place; a gap means not rated yet</sup>")
    for axis in ("xaxis", "yaxis"):
        layout.pop(axis)
    layout["showlegend"] = True
    fig.update_layout(
        **layout,
        legend={"title": {"text": "Site or date"}, "font": {"size": LABEL_SIZE},
                "orientation": "h", "y": -0.12, "x": 0.5, "xanchor": "center"},
        polar={
            "radialaxis": {"range": [0, RATING_MAX], "tickvals": [1, 2, 3, 4, 5],
                           "tickfont": {"size": LABEL_SIZE - 2}, "angle": 67.5,
                           "tickangle": 67.5, "gridcolor": "#DDDDDD"},
            "angularaxis": {"tickfont": {"size": LABEL_SIZE}, "direction": "clockwise",
                            "rotation": 90, "gridcolor": "#DDDDDD"},
        },
        margin={"l": 90, "r": 90, "t": 100, "b": 90},
        height=560 + LEGEND_ROW_PX * (_legend_rows(assessments) - 1),  # the radar keeps its size
    )
    if not assessments:
        fig.add_annotation(text="No assessments yet: add a site or date to start.",
                           showarrow=False, font={"size": FONT_SIZE}, x=0.5, y=0.5,
                           xref="paper", yref="paper")
    return set_summary(fig, readiness_summary(assessments, title))


def readiness_summary(assessments: list[ReadinessAssessment], title: str) -> str:
    """What the radar shows, in words, for screen readers."""
    if not assessments:
        return f"{title}: radar chart with no assessments yet."
    sentences = [f"{title}: radar chart of {len(assessments)} assessment(s), each principle "
                 f"rated 1 (not in place) to {RATING_MAX} (fully in place)."]
    for a in assessments:
        sentences.append(f"{a.label}: " + ratings_text(
            [(d.name, a.score(d.key)) for d in DIMENSIONS]) + ".")
    return " ".join(sentences)
