"""The sections of a spread plan, each as HTML built from one part of the learner's project.

A section whose part is missing says so (and which module makes it) instead of failing, so a
learner can see the plan grow. Every chart carries its plain-English summary as a caption.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape

import plotly.graph_objects as go
import plotly.io as pio

from qispread.models.aim import load_aim
from qispread.models.chart_spec import load_chart_spec
from qispread.models.coaching import load_coaching_plan
from qispread.models.driver_diagram import load_diagram
from qispread.models.fishbone import load_fishbone
from qispread.models.involvement import STAGES, load_involvement_plan, rung_name
from qispread.models.measures import OperationalDefinition, load_measures
from qispread.models.pdsa import load_pdsa_log
from qispread.models.process_map import load_process_map
from qispread.models.project import Project, part
from qispread.models.readiness import load_readiness
from qispread.models.stakeholders import KINDS, LEVELS, load_stakeholder_map
from qispread.models.sustainability import load_sustainability
from qispread.models.team import load_team
from qispread.plots.export import figure_summary
from qispread.plots.style import PLOT_CONFIG

FIGURE_WIDTH = 680  # pixels: fits an A4 page with 12 mm margins, so the PDF shows the whole chart


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    body: str


def _p(text: str) -> str:
    return f"<p>{escape(text)}</p>" if text.strip() else ""


def _figure(fig: go.Figure, name: str) -> str:
    """A chart drawn by the page's own plotly.js, with its summary as a visible caption."""
    fig = go.Figure(fig)
    width = fig.layout.width or FIGURE_WIDTH  # a figure drawn to a fixed width keeps it
    fig.update_layout(width=width, autosize=False)
    div = pio.to_html(fig, full_html=False, include_plotlyjs=False, div_id=f"chart-{name}",
                      config={**PLOT_CONFIG, "responsive": False})
    # a summary of several lines (a list under each heading) keeps them: HTML would run them on
    summary = "<br>".join(escape(line.strip()) for line in figure_summary(fig).splitlines())
    # a wider figure is shrunk to the page when printed (see the print style)
    shrink = f' class="wide" style="--print-zoom:{FIGURE_WIDTH / width:.3f}"' \
        if width > FIGURE_WIDTH else ""
    return (f'<figure aria-describedby="summary-{name}"><div{shrink}>{div}</div>'
            f'<figcaption id="summary-{name}"><b>In words:</b> {summary}</figcaption></figure>')


def _missing(key: str) -> str:
    item = part(key)
    return (f'<p class="missing">Not in the project yet: make it with the tool in module '
            f"{item.module:02d}.</p>")


def _table(header: list[str], rows: list[list[str]]) -> str:
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in header)
    body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def aim_section(project: Project) -> str:
    aim = load_aim(project.path("aim"))
    check = aim.check()
    found = "; ".join(f"{p.name}: {p.evidence}" for p in check.parts if p.found)
    return f'<p class="aim">{escape(aim.text)}</p>' + _p(check.summary()) + _p(
        f"Found — {found}." if found else "")


def team_section(project: Project) -> str:
    team = load_team(project.path("team"))
    return _table(["Role", "Who"], [[role, who or "nobody yet"] for role, who in team.rows()])


def process_map_section(project: Project) -> str:
    from qispread.plots.process_map import process_map_figure

    process = load_process_map(project.path("process_map"))
    return _p(process.reading()) + _figure(process_map_figure(process), "process-map")


FISHBONE_WIDTH = 960  # its causes are written beside the bones: they need a screen's width


def fishbone_section(project: Project) -> str:
    from qispread.plots.fishbone import fishbone_figure

    diagram = load_fishbone(project.path("fishbone"))
    drivers = "".join(f"<li>{escape(d)}</li>" for d in diagram.candidate_drivers())
    figure = fishbone_figure(diagram)
    figure.update_layout(width=FISHBONE_WIDTH)  # drawn as on screen, then shrunk to the page
    return _figure(figure, "fishbone") + (
        f"<h3>Most likely causes, as secondary drivers</h3><ul>{drivers}</ul>" if drivers else "")


def diagram_section(project: Project) -> str:
    from qispread.plots.driver_diagram import driver_diagram_figure

    diagram = load_diagram(project.path("diagram"))
    if project.has("aim"):  # the plan has one aim: the one the aim checker saved
        diagram.aim = load_aim(project.path("aim")).text or diagram.aim
    rows = [[item.id, item.text, item.measure or "—"] for item in diagram.primary]
    return _figure(driver_diagram_figure(diagram), "diagram") + "<h3>Primary drivers and their " \
        "measures</h3>" + _table(["Driver", "What drives the aim", "Measure"], rows) + \
        _partner(diagram.partner)


def _partner(text: str) -> str:
    """What a patient partner contributed, when the learner said."""
    return f"<p><b>Patient partner's part:</b> {escape(text)}</p>" if text.strip() else ""


def measures_section(project: Project) -> str:
    family = load_measures(project.path("measures"))
    blocks = []
    for measure in family.measures:
        definition = "".join(
            f"<dt>{escape(_plan_label(label))}</dt>"
            f"<dd>{escape(getattr(measure.definition, name) or '—')}</dd>"
            for name, label in OperationalDefinition.LABELS.items())
        kind = escape(measure.type or "not sorted")
        blocks.append(f"<h3>{escape(measure.name)} <span class='kind'>({kind} measure)</span></h3>"
                      f"<dl>{definition}</dl>")
    return "".join(blocks) or "<p>No measures yet.</p>"


def _plan_label(label: str) -> str:
    """A definition's label for a sponsor: without the form's hint in brackets."""
    return label.split(" (")[0].capitalize()


def chart_section(project: Project) -> str:
    from qispread.plots.chart_outcome import analyse

    spec = load_chart_spec(project.path("chart"))
    frame = spec.load_frame()
    outcome = analyse(spec, frame)
    engine = "".join(f"<li>{escape(line)}</li>" for line in outcome.explanation)
    words = spec.interpretation.strip() or "(not written yet)"
    source = _p(f"Data ({len(frame)} rows): {_data_source(spec)}")
    return (_figure(outcome.figure, "chart") + source +
            "<h3>What the chart shows, in our words</h3>" + _p(words) +
            f"<h3>What the rules found</h3><ul>{engine}</ul>")


def _data_source(spec) -> str:
    """Where the chart's data come from, labelled synthetic when they are."""
    if not spec.source:
        return f"our own data, {spec.own_data_name or 'an uploaded table'}"
    from qispread import data as course_data

    return (f"{course_data.provenance(spec.source)['title']}, a course data set. "
            f"{course_data.attribution(spec.source)}")


def pdsa_section(project: Project) -> str:
    log = load_pdsa_log(project.path("pdsa"))
    figure = ""
    if project.has("chart"):
        figure = _pdsa_figure(project, log)
    ramps = []
    for number, chain in enumerate(log.ramps(), start=1):
        rows = [[c.name, c.start.strftime("%d %b %Y") if c.start else "—", c.prediction, c.study,
                 c.act or "not decided"] for c in chain]
        header = ["Cycle", "Started", "Prediction", "Study", "Act"]
        if any(c.partner.strip() for c in chain):
            header.append("Patient partner's part")
            rows = [[*row, c.partner or "—"] for row, c in zip(rows, chain, strict=True)]
        ramps.append(f"<h3>Ramp {number}</h3>" + _table(header, rows))
    return figure + ("".join(ramps) or "<p>No cycles yet.</p>")


def _pdsa_figure(project: Project, log) -> str:
    from qispread.plots.pdsa_chart import pdsa_run_chart

    spec = load_chart_spec(project.path("chart"))
    if not spec.x or not spec.y:
        return ""
    arguments = {k: v for k, v in spec.qic_arguments().items() if k not in ("x", "y")}
    try:
        fig = pdsa_run_chart(log, spec.load_frame(), x=spec.x, y=spec.y, ylab=spec.ylab or None,
                             title="Our measure, with each PDSA cycle's start marked",
                             **arguments)
    except ValueError as err:  # the x column does not hold dates: the table still tells it
        return _p(f"The cycles are not drawn on the chart: {err}")
    fig.update_layout(height=560)  # room for the rows of cycle labels above the data
    return _figure(fig, "pdsa")


def readiness_section(project: Project) -> str:
    from qispread.plots.radar import readiness_radar

    record = load_readiness(project.path("readiness"))
    tables = "".join(
        f"<h3>{escape(a.label)}</h3>" + _table(
            ["Principle", "Rating (1–5)", "Notes"],
            [[d.name, str(a.score(d.key) or "not rated"), a.notes(d.key)] for d in _dimensions()])
        for a in record.assessments[-1:])
    return _figure(readiness_radar(record), "readiness") + tables


def _dimensions():
    from qispread.models.readiness import DIMENSIONS

    return DIMENSIONS


def sustainability_section(project: Project) -> str:
    from qispread.models.sustainability import FACTORS
    from qispread.plots.bars import sustainability_figure

    rating = load_sustainability(project.path("sustainability"))
    notes = [[d.name, rating.notes(d.key)] for d in FACTORS if rating.notes(d.key).strip()]
    return _figure(sustainability_figure(rating), "sustainability") + (
        "<h3>Notes</h3>" + _table(["Factor", "Notes"], notes) if notes else "")


def coaching_section(project: Project) -> str:
    plan = load_coaching_plan(project.path("coaching"))
    blocks = [f"<p><b>{escape(plan.title or 'Untitled plan')}</b> (coaching model: "
              f"{escape(plan.model)})</p>"]
    for stage in plan.stages:
        text = plan.note(stage.name).strip() or "(no notes yet)"
        blocks.append(f"<h3>{escape(stage.name)}</h3>" + _p(text))
    return "".join(blocks)


def stakeholders_section(project: Project) -> str:
    from qispread.plots.stakeholder_grid import stakeholder_grid_figure

    grid = load_stakeholder_map(project.path("stakeholders"))
    rows = [[p.name, KINDS[p.kind], f"{LEVELS[p.influence]} / {LEVELS[p.interest]}", p.quadrant,
             p.needs or "—", p.involvement or "—"] for p in grid.stakeholders]
    return _figure(stakeholder_grid_figure(grid), "stakeholders") + _table(
        ["Who", "Kind", "Influence / interest", "Approach", "What they need from the project",
         "How we involve them"], rows)


def involvement_section(project: Project) -> str:
    plan = load_involvement_plan(project.path("involvement"))
    rows = [[STAGES[key], stage.who or "—", rung_name(stage.rung), stage.how or "—",
             stage.changed or "not known yet"] for key, stage in plan.stages.items()]
    concerns = "".join(f'<p class="concern">{escape(c)}</p>' for c in plan.concerns())
    return _table(["Stage", "Who from the public", "Rung of the ladder", "How",
                   "What changed because of it"], rows) + concerns
def spread_measures_section(project: Project) -> str:
    from qispread.models.spread_measures import load_spread_measures
    from qispread.plots.spread_measures import adoption_figure, fidelity_figure, reach_figure

    measures = load_spread_measures(project.path("spread_measures"))
    table = measures.adoption_table()
    fidelity = fidelity_figure(measures)
    # each component a column as wide as on screen, so that its cells' words fit (at the page's
    # width they ran into each other); shrunk to the page when printed
    fidelity.update_layout(width=max(FIGURE_WIDTH, 160 + 130 * len(measures.components)))
    rows = [[str(r.site), r.signed_up or "not signed up", r.in_use_from or "not yet",
             str(r.status)] for r in table.itertuples()]
    return (_p(f"The change: {measures.innovation or '(not named)'}. A site is in use once its "
               f"uptake is at or above {measures.threshold:g}% for {measures.run_months} months "
               f"running; a site signed up but not in use is adoption on paper.")
            + _p(measures.explain())
            + _table(["Site", "Signed up", "In use from", "Status"], rows)
            + _figure(adoption_figure(measures), "adoption")
            + _figure(fidelity, "fidelity")
            + _figure(reach_figure(measures), "reach"))


BUILDERS: dict[str, Callable[[Project], str]] = {
    "aim": aim_section,
    "team": team_section,
    "process_map": process_map_section,
    "fishbone": fishbone_section,
    "diagram": diagram_section,
    "measures": measures_section,
    "chart": chart_section,
    "pdsa": pdsa_section,
    "readiness": readiness_section,
    "coaching": coaching_section,
    "stakeholders": stakeholders_section,
    "involvement": involvement_section,
    "sustainability": sustainability_section,
    "spread_measures": spread_measures_section,
}


def sections(project: Project) -> list[Section]:
    """Every section in the project's order; a part that is missing or unreadable says why."""
    found = []
    for key, build in BUILDERS.items():
        if not project.has(key):
            body = _missing(key)
        else:
            try:
                body = build(project)
            except ValueError as err:  # a damaged or unusable part: say which and why
                body = f'<p class="missing">This part cannot be shown: {escape(str(err))}</p>'
        found.append(Section(key, part(key).title, body))
    return found
