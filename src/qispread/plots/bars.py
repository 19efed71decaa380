"""Grouped horizontal bars for the sustainability self-rating (process, staff, organisation)."""

from __future__ import annotations

import plotly.graph_objects as go

from qispread.models.readiness import RATING_MAX
from qispread.models.sustainability import GROUPS, SustainabilityRating
from qispread.plots.export import set_summary
from qispread.plots.labels import ratings_text
from qispread.plots.style import BLUE, BLUISH_GREEN, LABEL_SIZE, ORANGE, base_layout

_GROUP_COLOURS = {"Process": BLUE, "Staff": ORANGE, "Organisation": BLUISH_GREEN}
_GROUP_PATTERNS = {"Process": "", "Staff": "/", "Organisation": "."}


def sustainability_figure(rating: SustainabilityRating,
                          title: str = "Sustainability self-rating") -> go.Figure:
    """One bar per factor, grouped by its group; the group name is on the axis, not only colour."""
    fig = go.Figure()
    for group, dims in GROUPS:
        scores = [rating.score(d.key) for d in dims]
        fig.add_trace(go.Bar(
            orientation="h", name=group,
            y=[[group] * len(dims), [d.name for d in dims]],
            x=[0 if s is None else s for s in scores],
            text=["not rated" if s is None else str(s) for s in scores],
            textposition="outside", cliponaxis=False,
            marker={"color": _GROUP_COLOURS[group],
                    "pattern": {"shape": _GROUP_PATTERNS[group], "fgcolor": "white"}},
            hovertemplate="%{y}<br>Rating: %{text}<extra></extra>",
        ))
    layout = base_layout(title, xlab="Rating: 1 weak, 5 strong")
    fig.update_layout(
        **layout, height=620, bargap=0.3, margin={"l": 20, "r": 40, "t": 70, "b": 70},
    )
    fig.update_xaxes(range=[0, RATING_MAX + 0.6], tickvals=[0, 1, 2, 3, 4, 5])
    fig.update_yaxes(autorange="reversed", tickfont={"size": LABEL_SIZE}, showgrid=False)
    return set_summary(fig, sustainability_summary(rating, title))


def sustainability_summary(rating: SustainabilityRating, title: str) -> str:
    """What the bars show, in words, for screen readers."""
    sentences = [f"{title}: bar chart of the ten factors, each rated 1 (weak) to {RATING_MAX} "
                 "(strong), unweighted."]
    for group, dims in GROUPS:
        sentences.append(f"{group}: " + ratings_text(
            [(d.name, rating.score(d.key)) for d in dims]) + ".")
    return " ".join(sentences)
