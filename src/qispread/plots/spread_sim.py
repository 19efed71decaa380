"""Figures for the spread simulator: the adoption curve, the network by state, and how far the
change got over many runs. Each state has its own colour, line dash and marker shape, so nothing
depends on colour alone."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from qispread.models.spread_sim import REACH, REACH_LABELS, STATES, SpreadRun
from qispread.plots.export import set_summary
from qispread.plots.style import (
    BLUE,
    BLUISH_GREEN,
    GREY,
    LABEL_SIZE,
    LINE_WIDTH,
    ORANGE,
    SKY_BLUE,
    VERMILLION,
    base_layout,
)

STATE_STYLE = {
    "unaware": {"color": GREY, "dash": "dot", "symbol": "circle-open"},
    "aware": {"color": SKY_BLUE, "dash": "dash", "symbol": "circle"},
    "trying": {"color": ORANGE, "dash": "dashdot", "symbol": "diamond"},
    "adopted": {"color": BLUISH_GREEN, "dash": "solid", "symbol": "square"},
    "abandoned": {"color": VERMILLION, "dash": "longdash", "symbol": "x"},
}
WIDTH = 760
"""Wide enough to read, narrow enough for JupyterLab's default notebook width."""


def _teams(n: int) -> str:
    return f"{n} team" if n == 1 else f"{n} teams"


def adoption_curve(run: SpreadRun, month: int | None = None) -> go.Figure:
    """Teams in each state, month by month; each line is labelled at its right-hand end."""
    counts = run.counts()
    months = np.arange(len(counts))
    fig = go.Figure()
    for i, state in enumerate(STATES):
        style = STATE_STYLE[state]
        fig.add_trace(go.Scatter(
            x=months.tolist(), y=counts[:, i].tolist(), name=state, mode="lines",
            line={"color": style["color"], "dash": style["dash"], "width": LINE_WIDTH + 1},
            hovertemplate=f"month %{{x}}: %{{y}} teams {state}<extra></extra>"))
    ends = _spread_labels([float(c) for c in counts[-1]], min_gap=0.07 * run.settings.teams)
    for state, end, count in zip(STATES, ends, counts[-1], strict=True):
        fig.add_annotation(x=int(months[-1]), y=float(end), text=f"{state} {count}",
                           showarrow=False, xanchor="left", xshift=6,
                           font={"size": LABEL_SIZE, "color": STATE_STYLE[state]["color"]})
    if month is not None:
        fig.add_vline(x=month, line={"color": "#555555", "width": 1, "dash": "dot"})
    fig.update_layout(**base_layout("How many teams are in each state, month by month",
                                    xlab="Month", ylab="Teams"),
                      width=WIDTH, height=380, margin={"l": 70, "r": 130, "t": 60, "b": 60})
    fig.update_yaxes(range=[0, run.settings.teams * 1.04])
    fig.update_xaxes(range=[0, months[-1]])
    return set_summary(fig, _curve_summary(run))


def _spread_labels(values: list[float], min_gap: float) -> list[float]:
    """Label heights near the values, at least min_gap apart, in the values' order."""
    order = np.argsort(values, kind="stable")
    placed = np.array(values, dtype=float)
    last = -np.inf
    for i in order:
        placed[i] = max(placed[i], last + min_gap)
        last = placed[i]
    return list(placed)


def _curve_summary(run: SpreadRun) -> str:
    counts = run.counts()[-1]
    half = run.months_to(0.5)
    states = ", ".join(f"{c} {s}" for s, c in zip(STATES, counts, strict=True))
    when = f"Half the teams had adopted by month {half}." if half is not None else \
        "Fewer than half the teams had adopted by the end."
    return (f"Adoption curve of {run.settings.teams} teams over {run.settings.months} months. "
            f"At the end: {states}. {when}")


def network_figure(run: SpreadRun, month: int | None = None) -> go.Figure:
    """The teams as dots, grouped by organisation, in their state at `month` (default: the end).
    Seed teams are ringed; lines are trusted contacts."""
    month = run.settings.months if month is None else int(np.clip(month, 0, run.settings.months))
    network, state = run.network, run.states[month]
    xy = network.positions
    edges = network.edges
    ex, ey = (_segments(xy[edges[:, 0], k], xy[edges[:, 1], k]) for k in (0, 1))
    fig = go.Figure(go.Scatter(x=ex, y=ey, mode="lines", hoverinfo="skip", showlegend=False,
                               line={"color": "rgba(120,120,120,0.35)", "width": 1}))
    for points in _state_points(run, month):
        style = STATE_STYLE[points["name"].split(" (")[0]]
        fig.add_trace(go.Scatter(
            **points, mode="markers", showlegend=True,
            marker={"color": style["color"], "symbol": style["symbol"], "size": 11,
                    "line": {"width": 1.5 if style["symbol"] != "circle-open" else 1.2,
                             "color": style["color"] if style["symbol"] in ("circle-open", "x")
                             else "white"}},
            hovertemplate="team %{pointNumber} · organisation %{customdata}"))
    seeds = run.seed_teams
    fig.add_trace(go.Scatter(x=xy[seeds, 0].tolist(), y=xy[seeds, 1].tolist(), mode="markers",
                             name="started here", hoverinfo="skip",
                             marker={"symbol": "circle-open", "size": 20,
                                     "color": BLUE, "line": {"width": 2.5}}))
    orgs = int(network.organisation.max()) + 1
    for o in range(orgs):
        centre = xy[network.organisation == o].mean(axis=0)
        outward = centre / (np.linalg.norm(centre) or 1)
        fig.add_annotation(x=float(centre[0] + 1.5 * outward[0]),
                           y=float(centre[1] + 1.5 * outward[1]),
                           text=f"Org {o + 1}", showarrow=False,
                           font={"size": LABEL_SIZE, "color": "#333333"})
    layout = base_layout(_network_title(month))
    for axis in ("xaxis", "yaxis"):
        layout[axis] = {"visible": False, "range": [-4.7, 4.7]}
    layout["yaxis"]["scaleanchor"] = "x"
    layout["showlegend"] = True
    fig.update_layout(**layout, width=WIDTH, height=560,
                      legend={"orientation": "h", "y": -0.02, "x": 0.5, "xanchor": "center",
                              "yanchor": "top", "font": {"size": LABEL_SIZE}},
                      margin={"l": 10, "r": 10, "t": 50, "b": 70})
    counts = ", ".join(f"{(state == c).sum()} {s}" for c, s in enumerate(STATES))
    return set_summary(fig, f"Network of {run.settings.teams} teams in {orgs} organisations at "
                            f"month {month}: {counts}. Seed teams are ringed.")


def _network_title(month: int) -> str:
    return f"The teams at month {month}, by state"


def _state_points(run: SpreadRun, month: int) -> list[dict]:
    """For each state, in STATES order: its teams' positions at `month`, its name with the count,
    and each team's organisation (1-based)."""
    state, xy = run.states[month], run.network.positions
    points = []
    for code, name in enumerate(STATES):
        members = np.flatnonzero(state == code)
        # an empty state keeps its legend entry (plotly drops traces with no points)
        points.append({"x": xy[members, 0].tolist() or [None],
                       "y": xy[members, 1].tolist() or [None],
                       "name": f"{name} ({len(members)})",
                       "customdata": (run.network.organisation[members] + 1).tolist()})
    return points


def _segments(start: np.ndarray, end: np.ndarray) -> list[float | None]:
    """One line trace for many edges: start, end, gap, … as plain numbers."""
    out: list[float | None] = []
    for a, b in zip(start.tolist(), end.tolist(), strict=True):
        out += [a, b, None]
    return out


LABEL_ROOM = 200  # px right of the axis for "100 of 100 runs (100%)" at 16 px


def reach_figure(tally: dict[str, int]) -> go.Figure:
    """How many runs ended at each reach: stayed in its team, its organisation, or went beyond."""
    runs = sum(tally.values())
    labels = [REACH_LABELS[r].capitalize() for r in REACH]
    values = [tally[r] for r in REACH]
    text = [f"{v} of {runs} runs ({100 * v / runs:.0f}%)" if runs else "" for v in values]
    fig = go.Figure(go.Bar(
        orientation="h", y=labels, x=values, text=text, textposition="outside",
        cliponaxis=False, marker={"color": [GREY, SKY_BLUE, BLUISH_GREEN],
                                  "pattern": {"shape": ["", "/", "."], "fgcolor": "white"}},
        hovertemplate="%{y}: %{x} runs<extra></extra>"))
    fig.update_layout(**base_layout(f"How far the change got in {runs} runs",
                                    xlab="Runs"),
                      width=WIDTH, height=300, margin={"l": 20, "r": LABEL_ROOM, "t": 60, "b": 60})
    # the axis ends at every run; a label past the longest bar is written in the right margin
    fig.update_xaxes(range=[0, max(runs, 1)], showgrid=False)
    fig.update_yaxes(autorange="reversed", showgrid=False)
    summary = "; ".join(f"{label}: {t}" for label, t in zip(labels, text, strict=True))
    return set_summary(fig, f"Out of {runs} runs: {summary}.")
