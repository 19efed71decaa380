"""The coaching page: every learner's project at a glance, one self-contained HTML file for the
tutor (plotly.js inlined once, only the page's own scripts run, learner text escaped)."""

from __future__ import annotations

import html
import secrets
from datetime import UTC, datetime

import plotly.graph_objects as go

from qispread.coaching.comments import Comments
from qispread.coaching.glance import DAMAGED, ProjectGlance
from qispread.coaching.submitted import Found
from qispread.grading.reports.script_policy import content_policy, nonced
from qispread.models.project import PARTS
from qispread.models.project_checks import COMPLETE, EMPTY, STARTED

NO_PROJECT = "no project"
# state -> (number on the grid, colour, words in the key); colours keep 3:1 against white
SHADES = {
    COMPLETE: (4, "#007f3b", "complete"),
    STARTED: (3, "#ffb81c", "started, not yet complete"),
    DAMAGED: (2, "#d5281b", "damaged (a file cannot be read)"),
    EMPTY: (1, "#d8dde0", "empty"),
    NO_PROJECT: (0, "#ffffff", "no project submitted"),
}

Seen = list[tuple[Found, ProjectGlance | None]]


def _state(glance: ProjectGlance | None, index: int) -> str:
    return NO_PROJECT if glance is None else glance.parts[index].state


def grid_figure(seen: Seen) -> go.Figure:
    """Learners down, project parts across, each cell coloured by the part's state."""
    names = [found.student for found, _ in seen]
    states = [[_state(g, i) for i in range(len(PARTS))] for _, g in seen]
    scale = []
    top = len(SHADES) - 1
    for number, colour, _ in sorted(SHADES.values()):
        scale += [[number / top, colour], [number / top, colour]]
    fig = go.Figure(go.Heatmap(
        z=[[SHADES[s][0] for s in row] for row in states], x=[p.title for p in PARTS], y=names,
        zmin=0, zmax=top, colorscale=scale, showscale=False, xgap=2, ygap=2,
        customdata=[[SHADES[s][2] for s in row] for row in states],
        hovertemplate="%{y} · %{x}: %{customdata}<extra></extra>"))
    fig.update_layout(
        title="Where each learner's project stands, part by part", template="plotly_white",
        height=160 + 24 * max(len(names), 1), margin=dict(l=140, r=20, t=60, b=120),
        plot_bgcolor="#f0f4f5")
    fig.update_yaxes(autorange="reversed", title=None)
    fig.update_xaxes(side="bottom", tickangle=-35)
    return fig


def _key() -> str:
    return "<p class='key'>" + " ".join(
        f"<span class='swatch' style='background:{colour}'></span>{html.escape(words)}"
        for _, colour, words in SHADES.values()) + "</p>"


def _learner(found: Found, glance: ProjectGlance | None, name: str, comments: dict[str, str],
             chart: str) -> str:
    heading = f"<h3 id='learner-{html.escape(found.student)}'>{html.escape(name)}</h3>"
    if glance is None:
        return heading + f"<p class='note'>{html.escape(found.note.capitalize())}.</p>"
    where = (f"From the submission of {html.escape(found.assignment or '')}. Stage reached: "
             f"{html.escape(glance.stage)}; {glance.count(COMPLETE)} of {len(PARTS)} parts "
             "complete.")
    rows = []
    for seen in glance.parts:
        said = "".join(f"<li>{html.escape(line)}</li>"
                       for line in (*glance.findings.get(seen.part.key, []), *seen.problems[:2]))
        comment = comments.get(seen.part.title)
        if comment:
            said += f"<li class='comment'>Your comment: {html.escape(comment)}</li>"
        rows.append(f"<tr><th>{html.escape(seen.part.title)}</th><td class='state {seen.state}'>"
                    f"{html.escape(SHADES[seen.state][2])}</td><td><ul>{said}</ul></td></tr>")
    note = f"<p class='note'>Left out of the copy: {html.escape(found.note)}</p>" if found.note \
        else ""
    return (heading + f"<p>{where}</p>{note}<table class='parts'>{''.join(rows)}</table>"
            + chart)


def projects_html(course_id: str, seen: Seen, names: dict[str, str], comments: Comments,
                  comments_file: str) -> str:
    nonce = secrets.token_urlsafe(18)

    def figure(fig: go.Figure, first: bool) -> str:
        return nonced(fig.to_html(full_html=False, include_plotlyjs=first,
                                 config={"displaylogo": False}), nonce)

    cards = []
    for found, glance in seen:
        chart = ""
        if glance is not None and glance.chart is not None:
            chart = figure(go.Figure(glance.chart).update_layout(height=340, width=None), False)
        name = names.get(found.student, found.student)
        if name != found.student:
            name = f"{name} ({found.student})"
        cards.append(_learner(found, glance, name,
                              comments.get(found.student, {}), chart))
    started = sum(g is not None for _, g in seen)
    stamp = datetime.now(UTC).strftime("%d %B %Y %H:%M UTC")
    return f"""<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{content_policy(nonce)}">
<title>Projects: {html.escape(course_id)}</title>
<style>
body {{ font-family: Arial, sans-serif; margin: 2em auto; max-width: 1100px; color: #212b32; }}
h1, h2 {{ color: #003087; }} .note {{ color: #4c6272; }}
.swatch {{ display: inline-block; width: 1em; height: 1em; margin: 0 .3em 0 1em;
  border: 1px solid #4c6272; vertical-align: middle; }}
table.parts {{ border-collapse: collapse; width: 100%; margin-bottom: 1em; }}
table.parts th, table.parts td {{ border-bottom: 1px solid #d8dde0; padding: 4px 8px;
  text-align: left; vertical-align: top; }}
table.parts th {{ width: 22%; }} td.state {{ width: 16%; font-weight: bold; }}
td.complete {{ color: #007f3b; }} td.damaged {{ color: #d5281b; }}
table.parts ul {{ margin: 0; padding-left: 1.2em; }}
li.comment {{ color: #003087; font-style: italic; }}
h3 {{ border-top: 2px solid #005eb8; padding-top: .6em; margin-top: 2em; }}
</style></head><body>
<h1>Projects: {html.escape(course_id)}</h1>
<p class="note">{started} of {len(seen)} learners have submitted a project. Each part's state is
the capstone's own checks'; findings are the tools' own. Write coaching comments in
{html.escape(comments_file)} (one row per learner and part); <code>qispread cohort feedback</code>
sends each learner their own. Made {stamp}.</p>
<h2>At a glance</h2>{_key()}{figure(grid_figure(seen), True)}
<h2>Learner by learner</h2>
{''.join(cards)}
</body></html>
"""
