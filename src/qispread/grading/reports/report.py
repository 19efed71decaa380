"""The cohort report: one self-contained HTML page for tutors (plotly.js inlined once). Learner
text in it is escaped, and its content security policy lets only its own scripts run."""

from __future__ import annotations

import html
import secrets
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

from qispread.grading.cohort.standings import GRADED, NOT_SUBMITTED, STATES
from qispread.grading.course import Course
from qispread.grading.private_paths import default_path
from qispread.grading.reports.item_analysis import item_analysis_html
from qispread.grading.reports.script_policy import content_policy, nonced
from qispread.grading.reports.tables import CohortTables, cohort_tables

STRUGGLING_PERCENT = 50.0
PROJECTS_PAGE = "projects.html"  # written by qispread.coaching, beside the report
_LAYOUT = dict(template="plotly_white", height=360, margin=dict(l=60, r=20, t=60, b=60))


def completion_figure(tables: CohortTables) -> go.Figure:
    cohort = max(len(tables.learners), 1)
    submitted = tables.standings[tables.standings.state != NOT_SUBMITTED]
    counts = submitted.groupby("assignment").student.nunique().reindex(tables.assignments,
                                                                      fill_value=0)
    percent = 100 * counts / cohort
    fig = go.Figure(go.Bar(x=list(counts.index), y=list(percent), text=[
        f"{n} of {cohort}" for n in counts], textposition="outside",
        marker_color="#005eb8", hovertemplate="%{x}: %{y:.0f}%<extra></extra>"))
    fig.update_layout(title="Completion: learners who submitted each assignment", **_LAYOUT)
    fig.update_yaxes(title="% of the cohort", range=[0, 110])
    fig.update_xaxes(title="Assignment")
    return fig


def score_figure(tables: CohortTables) -> go.Figure:
    fig = go.Figure()
    scores = tables.scores
    for name in tables.assignments:
        rows = scores[(scores.assignment == name) & (scores.max_score > 0)]
        fig.add_trace(go.Box(y=100 * rows.score / rows.max_score, name=name, boxpoints="all",
                             jitter=0.4, pointpos=0, marker_color="#005eb8",
                             line_color="#003087", hovertemplate="%{y:.0f}%<extra></extra>"))
    if scores.empty:
        fig.add_annotation(text="No graded submissions yet", showarrow=False, x=0.5, y=0.5,
                           xref="paper", yref="paper", font=dict(size=16, color="#4c6272"))
    fig.update_layout(title="Score distribution of graded submissions (each dot is a learner)",
                      showlegend=False,
                      **_LAYOUT)
    fig.update_yaxes(title="Score, % of available marks", range=[-5, 105])
    return fig


def difficulty_table(tables: CohortTables) -> pd.DataFrame:
    tests = tables.tests.copy()
    if tests.empty:
        return pd.DataFrame(columns=["question", "attempts", "failed", "failed %"])
    tests["failed"] = tests.score < tests.max_score
    tests["question"] = tests.assignment + " / " + tests.test
    out = tests.groupby("question").agg(attempts=("failed", "size"), failed=("failed", "sum"))
    out["failed %"] = 100 * out.failed / out.attempts
    return out.sort_values("failed %", ascending=False).reset_index()


def difficulty_figure(tables: CohortTables) -> go.Figure:
    table = difficulty_table(tables).iloc[::-1]
    fig = go.Figure(go.Bar(x=list(table["failed %"]), y=list(table.question), orientation="h",
                           marker_color="#da291c", text=[f"{f} of {a}" for f, a in
                                                         zip(table.failed, table.attempts,
                                                             strict=True)],
                           textposition="outside", hovertemplate="%{y}: %{x:.0f}%<extra></extra>"))
    layout = {**_LAYOUT, "height": max(300, 60 + 40 * len(table)),
              "margin": dict(l=260, r=40, t=60, b=60)}
    fig.update_layout(title="Question difficulty: autograded tests failed most often", **layout)
    fig.update_xaxes(title="% of submissions failing the test", range=[0, 110])
    return fig


def attention_tables(tables: CohortTables) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(learners missing submissions, learners averaging under STRUGGLING_PERCENT)."""
    names = tables.learners.set_index("id")
    missing_rows = []
    rows = tables.standings
    for learner in names.index:
        mine = rows[(rows.student == learner) & (rows.state == NOT_SUBMITTED)]
        missing = list(mine.assignment)
        if missing:
            missing_rows.append({"learner": learner, "name": _name(names, learner),
                                 "not submitted": ", ".join(missing)})
    scored = tables.scores[tables.scores.max_score > 0].copy()
    scored["percent"] = 100 * scored.score / scored.max_score
    mean = scored.groupby("student").percent.mean()
    struggling = [{"learner": s, "name": _name(names, s), "average %": round(p, 1)}
                  for s, p in mean.sort_values().items() if p < STRUGGLING_PERCENT]
    return (pd.DataFrame(missing_rows, columns=["learner", "name", "not submitted"]),
            pd.DataFrame(struggling, columns=["learner", "name", "average %"]))


def _name(names: pd.DataFrame, learner: str) -> str:
    if learner not in names.index:
        return ""
    return f"{names.at[learner, 'first_name']} {names.at[learner, 'last_name']}".strip()


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _table_html(frame: pd.DataFrame, empty: str) -> str:
    if frame.empty:
        return f"<p>{html.escape(empty)}</p>"
    return frame.to_html(index=False, escape=True, border=0, classes="cohort")


def states_table(tables: CohortTables) -> pd.DataFrame:
    """Learner by assignment: the grade where there is one, the state (and flags) otherwise."""
    rows = tables.standings
    if rows.empty:
        return pd.DataFrame(columns=["learner", "name"])
    names = tables.learners.set_index("id")
    cell = [f"{r.score:g} / {r.max_score:g}" + (f" ({'; '.join(r.label.split('; ')[1:])})"
                                                if "; " in r.label else "")
            if r.state == GRADED else r.label for r in rows.itertuples()]
    wide = rows.assign(cell=cell).pivot(index="student", columns="assignment", values="cell")
    wide = wide.reindex(columns=tables.assignments).fillna("")
    wide.columns.name = None
    wide.insert(0, "name", [_name(names, s) for s in wide.index])
    return wide.reset_index().rename(columns={"student": "learner"})


def state_counts(tables: CohortTables) -> str:
    counts = tables.standings.state.value_counts()
    return "; ".join(f"{state}: {counts.get(state, 0)}" for state in STATES)


# (heading, function of the tables giving an HTML fragment); add a section by appending here
def sections(tables: CohortTables, charts: list[str], autograded: Path) -> list[tuple[str, str]]:
    missing, struggling = attention_tables(tables)
    return [
        ("Where every submission stands", _table_html(states_table(tables), "No learners yet.")),
        ("Completion", charts[0]),
        ("Scores", charts[1]),
        ("Question difficulty", charts[2]),
        ("Item analysis", item_analysis_html(tables.tests, autograded)),
        ("Learners who need a nudge",
         "<h3>Not submitted</h3>"
         + _table_html(missing, "Every learner has submitted every assignment.")
         + f"<h3>Struggling (average under {STRUGGLING_PERCENT:.0f}% over graded work)</h3>"
         + _table_html(struggling, "No learner is averaging under that.")),
    ]


def projects_link(course: Course) -> str:
    """Where the coaching page is (`qispread cohort projects` writes it beside this report)."""
    page = default_path(course, PROJECTS_PAGE)
    if page.is_file():
        return (f"<p><a href='{PROJECTS_PAGE}'>Every learner's project at a glance</a> (made "
                f"{datetime.fromtimestamp(page.stat().st_mtime, UTC):%d %B %Y %H:%M UTC}; "
                "run <code>qispread cohort projects</code> again to bring it up to date).</p>")
    return ("<p class='note'>Run <code>qispread cohort projects</code> to see every learner's "
            "project at a glance, part by part, and to write coaching comments.</p>")


def report_html(course: Course) -> str:
    tables = cohort_tables(course)
    figures = [completion_figure(tables), score_figure(tables), difficulty_figure(tables)]
    nonce = secrets.token_urlsafe(18)
    charts = [nonced(fig.to_html(full_html=False, include_plotlyjs=(i == 0), config={
        "displaylogo": False}), nonce) for i, fig in enumerate(figures)]
    stamp = datetime.now(UTC).strftime("%d %B %Y %H:%M UTC")
    body = "\n".join(f"<h2>{html.escape(heading)}</h2>{fragment}"
                     for heading, fragment in [
                         *sections(tables, charts, course.folder("autograded")),
                         ("Projects, for coaching", projects_link(course))])
    return f"""<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{content_policy(nonce)}">
<title>Cohort report: {html.escape(course.course_id)}</title>
<style>
body {{ font-family: Arial, sans-serif; margin: 2em auto; max-width: 1100px; color: #212b32; }}
h1 {{ color: #003087; }} table.cohort {{ border-collapse: collapse; margin-bottom: 1.5em; }}
table.cohort th, table.cohort td {{ border-bottom: 1px solid #d8dde0; padding: 4px 10px;
  text-align: left; vertical-align: top; }}
.note {{ color: #4c6272; }}
</style></head><body>
<h1>Cohort report: {html.escape(course.course_id)}</h1>
<p class="note">{_count(len(tables.learners), "learner")},
{_count(len(tables.assignments), "assignment")}. Submissions by state:
{html.escape(state_counts(tables))}.
Scores and charts use graded submissions only; nothing else is counted as a mark.
Made {stamp}.</p>
{body}
</body></html>
"""


def write_report(course: Course, path: Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(report_html(course), encoding="utf-8")
    return path
