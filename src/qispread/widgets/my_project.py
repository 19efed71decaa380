"""The learner's own project in a lesson: what is done so far, and each tool opened on its part.

    ProjectStatus()              # each part empty, started or complete; start from the example
    project_tool("aim")          # the aim checker, saving into my_project/aim.json
"""

from __future__ import annotations

from html import escape

import ipywidgets as w

from qispread.errors import QispreadError
from qispread.models.project import PARTS, Project, part, start_from_example
from qispread.models.project_checks import COMPLETE, EMPTY, STARTED, part_problems, part_state
from qispread.widgets.common import LINE_HEIGHT, MessageArea, guarded

STATE_LABELS = {EMPTY: "— empty", STARTED: "◐ started", COMPLETE: "✔ complete"}


def _state_cell(project: Project, key: str) -> tuple[str, str]:
    """The part's state, and for a started part what it still needs (from the capstone's checks)."""
    state = part_state(project, key)
    if state != STARTED:
        return STATE_LABELS[state], ""
    needs = escape(" ".join(part_problems(project, key)))
    return STATE_LABELS[state], f"<br><span style='color:#7a4b00;font-size:14px'>{needs}</span>"


def _status_html(project: Project) -> str:
    rows = []
    for p in PARTS:
        state, needs = _state_cell(project, p.key)
        rows.append(f"<tr style='vertical-align:top'><td style='white-space:nowrap'>{state}</td>"
                    f"<td>{escape(p.title)}{needs}</td><td style='white-space:nowrap'>"
                    f"module {p.module:02d}</td></tr>")
    return (f"<p>Your project is saved in <code>{escape(str(project.folder))}</code>. A part is "
            "complete when it passes the checks your spread plan (module 11) uses.</p>"
            "<table style='font-size:15px;border-collapse:collapse' cellpadding='4'>"
            "<thead><tr><th style='text-align:left'>State</th><th style='text-align:left'>Part"
            "</th><th style='text-align:left'>Made in</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>")


class ProjectStatus(w.VBox):
    """Each part of the learner's project as empty, started or complete (by what it holds), and a
    button to fill the empty ones from the example project (for a learner without a project or
    data of their own)."""

    def __init__(self, project: Project | None = None) -> None:
        self.project = project or Project.find()
        self.messages = MessageArea()
        self.table = w.HTML(_status_html(self.project))
        self.use_example = w.Button(
            description="Fill the empty parts from the example project", icon="copy",
            layout=w.Layout(width="auto"),
            tooltip="Copies the example's parts into your project; never replaces your own work")
        self.use_example.on_click(lambda _b: self.fill_from_example())
        super().__init__([
            w.HTML("<h3 style='margin:0'>My project</h3>"), self.table,
            w.HTML(f"<p style='font-size:15px;{LINE_HEIGHT}'>No project or data of your own? "
                   "The example project "
                   "(an emergency department improving sepsis screening; synthetic data) fills "
                   "the parts you have not made yet. Your own parts are kept.</p>"),
            self.use_example, self.messages])

    def fill_from_example(self) -> None:
        filled: list = []
        if guarded(self.messages, lambda: filled.extend(start_from_example(self.project))):
            names = (", ".join(p.title for p in filled)
                     or "nothing (every part already holds your own work)")
            self.messages.show(f"filled from the example: {names}.", "ok")
        self.table.value = _status_html(self.project)


def _pdsa_log(project: Project):
    from qispread.models.chart_spec import load_chart_spec
    from qispread.widgets.pdsa_log import PDSALog

    options = {}
    if project.has("chart"):
        spec = load_chart_spec(project.path("chart"))
        if spec.x and spec.y:  # the cycles are drawn on the learner's own chart
            options = {"measure": spec.load_frame(), "x": spec.x, "y": spec.y, "n": spec.n,
                       "chart": spec.chart, "multiply": spec.multiply, "freeze": spec.freeze,
                       "ylab": spec.ylab or None}
    return PDSALog(project.path("pdsa"), **options)


def _driver_diagram(project: Project):
    """The diagram builder with the project's own aim (written in module 01), so that the diagram
    never shows an older aim than the one the learner wrote."""
    from qispread.models.aim import load_aim
    from qispread.models.fishbone import load_fishbone
    from qispread.widgets.driver_diagram_builder import DriverDiagramBuilder

    candidates: list[str] = []
    if project.has("fishbone"):
        try:
            candidates = load_fishbone(project.path("fishbone")).candidate_drivers()
        except QispreadError:  # the fishbone tool says what is wrong with its file
            pass
    builder = DriverDiagramBuilder(project.path("diagram"), candidates=candidates)
    if project.has("aim"):
        try:
            aim = load_aim(project.path("aim")).text.strip()
        except QispreadError:  # the aim checker says what is wrong with the file
            return builder
        if aim and builder.aim.value.strip() != aim:
            builder.aim.value = aim  # saved with the diagram
    return builder


def _tool(key: str, project: Project) -> w.Widget:
    from qispread.widgets.aim_checker import AimChecker
    from qispread.widgets.chart_explorer import ChartExplorer
    from qispread.widgets.coaching_planner import CoachingPlanner
    from qispread.widgets.driver_diagram_builder import DriverDiagramBuilder
    from qispread.widgets.fishbone_builder import FishboneBuilder
    from qispread.widgets.involvement_planner import InvolvementPlanner
    from qispread.widgets.measure_sorter import MeasureSorter
    from qispread.widgets.process_mapper import ProcessMapper
    from qispread.widgets.project_team import ProjectTeamForm
    from qispread.widgets.spread_measures_tool import SpreadMeasuresTool
    from qispread.widgets.spread_readiness import SpreadReadiness
    from qispread.widgets.stakeholder_mapper import StakeholderMapper
    from qispread.widgets.sustainability_check import SustainabilityCheck

    tools = {"aim": AimChecker, "process_map": ProcessMapper, "fishbone": FishboneBuilder,
             "diagram": DriverDiagramBuilder, "measures": MeasureSorter,
             "chart": ChartExplorer, "readiness": SpreadReadiness, "coaching": CoachingPlanner,
             "sustainability": SustainabilityCheck, "team": ProjectTeamForm,
             "stakeholders": StakeholderMapper, "involvement": InvolvementPlanner,
             "spread_measures": SpreadMeasuresTool}
    if key == "pdsa":
        return _pdsa_log(project)
    if key == "diagram":
        return _driver_diagram(project)
    return tools[key](project.path(key))


def project_tool(key: str, project: Project | None = None) -> w.Widget:
    """The tool for one part of the learner's project, saving into the project folder."""
    item = part(key)
    project = project or Project.find()
    project.folder.mkdir(parents=True, exist_ok=True)
    note = w.HTML(f"<p style='font-size:15px;margin:0 0 4px;{LINE_HEIGHT}'><b>Your project: "
                  f"{escape(item.title)}.</b> Saved as you work in "
                  f"<code>{escape(str(project.path(key)))}</code>.</p>")
    return w.VBox([note, _tool(key, project)])
