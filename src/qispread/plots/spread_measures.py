"""Figures for a spread programme's own measures: adoption curve, fidelity grid, reach by group."""

from __future__ import annotations

import math
import textwrap

import plotly.graph_objects as go

from qispread.models.spread_measures import DELIVERY, SpreadMeasures
from qispread.plots.export import set_summary
from qispread.plots.style import (
    BLUE,
    BLUISH_GREEN,
    GREY,
    LABEL_SIZE,
    LIGHT_GREY,
    ORANGE,
    PALETTE,
    VERMILLION,
    base_layout,
)

_CELL = {"as designed": (0, BLUISH_GREEN, "✓ as designed"), "adapted": (1, ORANGE, "~ adapted"),
         "not delivered": (2, VERMILLION, "✗ not delivered"), "": (3, LIGHT_GREY, "? not known")}
# The grid's width in pixels at JupyterLab's default width (a 1366-pixel window with the file
# browser open), less the sites' names: what the components' columns share.
_GRID_PIXELS = 740
_TICK_CHAR_PIXELS = 6.5  # a character of the 12-pixel tick labels, on average and a little over
_WORDS_PIXELS = 120  # "✗ not delivered" at the cells' 14-pixel font, with room either side
LINES_UP_TO = 8  # sites drawn as lines of uptake; more are drawn as a grid, a row a site
_PANEL_PX = 240  # a panel's height, and the grid's least
_SITE_ROW_PX = 24  # the grid's height a site
_NUMBERS_UP_TO = 16  # months: the cells of more are too narrow to write the uptake in
_GROUP_WRAP = 26  # characters a line of a group's name: the bars keep most of the width
_WORDS_INSIDE_FROM = 55  # % reached: a bar this long has room for its words inside it
_KEY = "   ".join(text for _z, _colour, text in _CELL.values())


def adoption_figure(measures: SpreadMeasures) -> go.Figure:
    """Sites signed up and sites in use by month (the adoption curve), above each site's uptake."""
    from plotly.subplots import make_subplots

    curve = measures.adoption_curve()
    grid = len(measures.sites) > LINES_UP_TO
    lower = max(_PANEL_PX, _SITE_ROW_PX * len(measures.sites)) if grid else _PANEL_PX
    fig = make_subplots(rows=2, cols=1, shared_xaxes=True, vertical_spacing=0.12,
                        row_heights=[_PANEL_PX, lower],
                        subplot_titles=("Sites signed up and sites using it",
                                        f"Uptake at each site (in use: ≥ {measures.threshold:g}% "
                                        f"for {measures.run_months} months)"))
    months = list(curve["month"])
    fig.add_trace(go.Scatter(x=months, y=curve["signed_up"].tolist(), name="signed up",
                             mode="lines",
                             line={"color": GREY, "dash": "dash", "shape": "hv", "width": 3},
                             hovertemplate="%{x}: %{y} sites signed up<extra></extra>"), 1, 1)
    fig.add_trace(go.Scatter(x=months, y=curve["in_use"].tolist(), name="in use", mode="lines",
                             line={"color": BLUE, "shape": "hv", "width": 3},
                             hovertemplate="%{x}: %{y} sites in use<extra></extra>"), 1, 1)
    if grid:
        _uptake_grid(fig, measures, months, _PANEL_PX / (_PANEL_PX + lower))
    else:
        _uptake_lines(fig, measures, months)
    layout = base_layout(f"Adoption: {measures.innovation or 'the change'}")
    layout.pop("xaxis")
    layout.pop("yaxis")
    layout["showlegend"] = True
    fig.update_layout(**layout, height=640 - _PANEL_PX + lower,
                      legend={"font": {"size": LABEL_SIZE}})
    fig.update_yaxes(title_text="sites", rangemode="tozero", dtick=_whole_step(len(measures.sites)),
                     row=1, col=1)
    return set_summary(fig, adoption_summary(measures))


def _uptake_lines(fig: go.Figure, measures: SpreadMeasures, months: list[str]) -> None:
    """A line a site, marked where the site is in use, with the threshold dotted."""
    for i, site in enumerate(measures.sites):
        values = list(site.uptake) + [None] * (len(months) - len(site.uptake))
        fig.add_trace(go.Scatter(
            x=months, y=values, name=site.name, mode="lines+markers",
            line={"color": PALETTE[i % len(PALETTE)], "width": 2},
            marker={"symbol": "circle" if measures.in_use_from(site) is not None
                    else "x-thin-open", "size": 7},
            hovertemplate=f"{site.name}<br>%{{x}}: %{{y:.0f}}%<extra></extra>"), 2, 1)
    fig.add_hline(y=measures.threshold, line={"color": GREY, "dash": "dot"}, row=2, col=1)
    fig.update_yaxes(title_text="uptake (%)", range=[0, 105], row=2, col=1)


def _uptake_grid(fig: go.Figure, measures: SpreadMeasures, months: list[str],
                 upper_share: float) -> None:
    """A row a site, a cell a month: pale below the threshold, blue at or above it, each cell's
    uptake written in it while the cells are wide enough. Many sites' lines would tangle."""
    cut = measures.threshold / 100
    fig.add_trace(go.Heatmap(
        z=[list(site.uptake) + [None] * (len(months) - len(site.uptake))
           for site in measures.sites],
        x=months, y=[site.name for site in measures.sites], zmin=0, zmax=100, xgap=1, ygap=1,
        colorscale=[[0, "#F7FBFF"], [cut, "#C6DBEF"], [cut, "#6BAED6"], [1, "#08306B"]],
        texttemplate="%{z:.0f}" if len(months) <= _NUMBERS_UP_TO else "",
        hovertemplate="%{y}<br>%{x}: %{z:.0f}%<extra></extra>",
        colorbar={"title": {"text": "uptake (%)"}, "len": 1 - upper_share - 0.06, "y": 0,
                  "yanchor": "bottom", "tickvals": sorted({0, measures.threshold, 100})}),
        2, 1)
    fig.update_yaxes(autorange="reversed", showgrid=False, row=2, col=1)


def _whole_step(most: int) -> int:
    """A tick step of whole sites (1, 2, 5, 10, 20, 50...) giving at most about six ticks: a
    count of sites has no half sites."""
    steps = (1, 2, 5)
    scale = 1
    while True:
        for step in steps:
            if most / (step * scale) <= 6:
                return step * scale
        scale *= 10


def adoption_summary(measures: SpreadMeasures) -> str:
    curve = measures.adoption_curve()
    if curve.empty:
        return "Adoption chart: no months yet."
    last = curve.iloc[-1]
    return (f"Adoption chart. By {last['month']}, {last['signed_up']} of {len(measures.sites)} "
            f"sites had signed up and {last['in_use']} were using the change. "
            + measures.explain())


def fidelity_figure(measures: SpreadMeasures) -> go.Figure:
    """Site × component grid: core components first, then the adaptable periphery."""
    components = sorted(measures.components, key=lambda c: not c.core)
    column = _GRID_PIXELS / max(1, len(components))
    ticks = [_wrap(("core: " if c.core else "periphery: ") + c.name,
                   max(6, int(column / _TICK_CHAR_PIXELS))) for c in components]
    words = column >= _WORDS_PIXELS  # narrower columns show the symbol, with a key below
    sites = [s.name for s in measures.sites]
    z, text, hover = [], [], []
    for site in sites:
        ratings = [measures.rating(site, c.name) for c in components]
        z.append([_CELL[r][0] for r in ratings])
        text.append([_CELL[r][2] if words else _CELL[r][2][0] for r in ratings])
        hover.append([f"{site} – {c.name} ({'core' if c.core else 'periphery'}): {DELIVERY[r]}"
                      for c, r in zip(components, ratings, strict=True)])
    colours = [_CELL[k][1] for k in ("as designed", "adapted", "not delivered", "")]
    scale = [[i / 3, colour] for i, colour in enumerate(colours)]
    fig = go.Figure(go.Heatmap(z=z, x=ticks, y=sites, text=text, texttemplate="%{text}",
                               customdata=hover, hovertemplate="%{customdata}<extra></extra>",
                               colorscale=scale, zmin=0, zmax=3, showscale=False, xgap=3, ygap=3,
                               textfont={"size": LABEL_SIZE}))
    fig.update_layout(**base_layout("Fidelity: core components and adaptable periphery"),
                      height=max(400, 200 + 46 * len(sites)),
                      margin={"l": 20, "r": 20, "t": 170, "b": 20 if words else 50})
    if not words:
        fig.add_annotation(text=_KEY, xref="paper", yref="paper", x=0, y=0, xanchor="left",
                           yanchor="top", yshift=-10, showarrow=False,
                           font={"size": LABEL_SIZE})
    fig.update_layout(title={"y": 0.98, "yref": "container", "yanchor": "top"})
    fig.update_xaxes(showgrid=False, side="top", tickangle=0, automargin=True,
                     tickfont={"size": 12})
    fig.update_yaxes(showgrid=False, autorange="reversed")
    return set_summary(fig, fidelity_summary(measures))


def fidelity_summary(measures: SpreadMeasures) -> str:
    problems = measures.core_problems()
    core = sum(c.core for c in measures.components)
    text = (f"Fidelity grid: {len(measures.sites)} sites by {len(measures.components)} "
            f"components ({core} core). ")
    if problems:
        return text + "Core components adapted or not delivered at: " + "; ".join(
            f"{site} ({', '.join(parts)})" for site, parts in problems.items()) + "."
    return text + "No site has adapted or dropped a core component."


def _wrap(label: str, width: int) -> str:
    """A component's label in lines of at most ``width`` characters, a longer word hyphenated,
    its "core" in bold."""
    words = [part for word in label.split() for part in _hyphenated(word, width)]
    lines = textwrap.wrap(" ".join(words), width, break_on_hyphens=False) or [""]
    if lines[0].startswith("core:"):
        lines[0] = "<b>core</b>" + lines[0][len("core"):]
    return "<br>".join(lines)


def _hyphenated(word: str, width: int) -> list[str]:
    """A word too long for a line in pieces that each fit one, all but the last ending "-"."""
    if len(word) <= width:
        return [word]
    step = width - 1
    pieces = [word[i:i + step] for i in range(0, len(word), step)]
    if len(pieces[-1]) == 1 and len(pieces) > 1:  # no line of a single letter
        pieces[-2:] = [pieces[-2][:-1], pieces[-2][-1] + pieces[-1]]
    return [piece + "-" for piece in pieces[:-1]] + [pieces[-1]]


def reach_figure(measures: SpreadMeasures) -> go.Figure:
    """Share of each group reached, with the share across all groups as a line."""
    table = measures.reach_table()
    overall = measures.overall_reach()
    groups = [textwrap.wrap(str(group), _GROUP_WRAP) or [""] for group in table["group"]]
    shares = table["share"].tolist()
    fig = go.Figure(go.Bar(
        # a group with no one eligible has no share: a bar of none, so its words still show
        x=[0 if math.isnan(s) else s for s in shares], y=["<br>".join(lines) for lines in groups],
        orientation="h",
        marker={"color": BLUE},
        text=[f"{s:.0f}% ({r:,} of {e:,})" if not math.isnan(s) else "no one eligible"
              for s, r, e in zip(shares, table["reached"], table["eligible"], strict=True)],
        # a long bar carries its words inside, where there is room, not past the chart's edge
        textposition=["inside" if s >= _WORDS_INSIDE_FROM else "outside" for s in shares],
        # inside, the words start at the bar's base: clear of the line for all groups, which
        # usually falls near the long bars' ends
        insidetextanchor="start", cliponaxis=False, customdata=table["group"].tolist(),
        hovertemplate="%{customdata}: %{text}<extra></extra>"))
    if not math.isnan(overall):
        fig.add_vline(x=overall, line={"color": VERMILLION, "dash": "dash", "width": 2},
                      layer="above", opacity=1,  # the template's 0.3 left it hard to see
                      annotation_text=f"all groups {overall:.0f}%",
                      annotation_position="top")
    row = max([44] + [17 * len(lines) + 10 for lines in groups])
    fig.update_layout(**base_layout("Reach: who is benefiting", xlab="share reached (%)"),
                      height=max(300, 110 + row * len(table)),
                      margin={"l": 20, "r": 60, "t": 90, "b": 60},
                      uniformtext={"minsize": LABEL_SIZE - 2, "mode": "show"})
    fig.update_xaxes(range=[0, 115])
    fig.update_yaxes(autorange="reversed", showgrid=False)
    return set_summary(fig, reach_summary(measures))


def reach_summary(measures: SpreadMeasures) -> str:
    table = measures.reach_table()
    if table.empty:
        return "Reach chart: no groups yet."
    parts = [f"{g}: {s:.0f}%" for g, s in zip(table["group"], table["share"], strict=True)
             if not math.isnan(s)]
    return (f"Reach chart: share reached in each group, {measures.overall_reach():.0f}% across "
            f"all groups. " + "; ".join(parts) + ".")


__all__ = ["adoption_figure", "fidelity_figure", "reach_figure"]
