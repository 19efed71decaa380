"""One learner's project as a coach first looks at it: where each part stands, and what the
course's own tools find in the parts a coach asks about (aim, measures, chart, PDSA cycles,
readiness). Nothing here judges afresh: every finding is the tools' or the capstone's checks'."""

from __future__ import annotations

from dataclasses import dataclass, field

import plotly.graph_objects as go

from qispread.curriculum import module
from qispread.errors import QispreadError
from qispread.models.project import PARTS, Part, Project
from qispread.models.project_checks import COMPLETE, EMPTY, STARTED, part_problems

DAMAGED = "damaged"
STATES = (COMPLETE, STARTED, EMPTY, DAMAGED)


@dataclass(frozen=True)
class PartGlance:
    part: Part
    state: str
    problems: tuple[str, ...] = ()


@dataclass
class ProjectGlance:
    parts: tuple[PartGlance, ...]
    findings: dict[str, list[str]] = field(default_factory=dict)
    chart: go.Figure | None = None

    def count(self, state: str) -> int:
        return sum(p.state == state for p in self.parts)

    @property
    def stage(self) -> str:
        """The furthest module in which the learner has made something."""
        made = [p.part.module for p in self.parts if p.state != EMPTY]
        if not made:
            return "not started"
        furthest = module(max(made))
        return f"{furthest.number:02d} {furthest.title}"


def _state(project: Project, item: Part) -> PartGlance:
    from qispread.models.part_content import EMPTY_WHEN

    path = project.path(item.key)
    if not path.is_file():
        return PartGlance(item, EMPTY)
    try:
        empty = EMPTY_WHEN[item.key](path)
    except (QispreadError, ValueError) as err:
        return PartGlance(item, DAMAGED, (f"{item.file} cannot be read: {err}",))
    if empty:
        return PartGlance(item, EMPTY)
    problems = tuple(part_problems(project, item.key))
    return PartGlance(item, STARTED if problems else COMPLETE, problems)


def _aim(project: Project) -> list[str]:
    from qispread.models.aim import load_aim

    aim = load_aim(project.path("aim"))
    check = aim.check()
    found = "all four parts" if check.complete else f"missing {', '.join(check.missing)}"
    return [f"“{aim.text.strip()}”", f"The aim checker finds {found}."]


def _measures(project: Project) -> list[str]:
    from qispread.models.measures import load_measures

    family = load_measures(project.path("measures")).measures
    defined = sum(m.definition.complete for m in family)
    return [f"{len(family)} measures, {defined} with all six parts of an operational "
            "definition."]


def _pdsa(project: Project) -> list[str]:
    from qispread.models.pdsa import load_pdsa_log

    log = load_pdsa_log(project.path("pdsa"))
    ramps = log.ramps()
    studied = sum(bool(c.prediction.strip() and c.study.strip()) for c in log.cycles)
    longest = max((len(chain) for chain in ramps), default=0)
    return [f"{len(log.cycles)} cycles in {len(ramps)} ramps (the longest {longest} cycles); "
            f"{studied} with a prediction and a study."]


def _readiness(project: Project) -> list[str]:
    from qispread.models.readiness import load_readiness

    record = load_readiness(project.path("readiness"))
    if not record.assessments:
        return []
    latest = record.assessments[-1]
    weakest = ", ".join(d.name for d in latest.weakest())
    return [f"Latest assessment '{latest.label}': weakest {weakest or 'not rated yet'}."]


def _chart(project: Project) -> tuple[list[str], go.Figure]:
    from qispread.models.chart_spec import load_chart_spec
    from qispread.plots.chart_outcome import analyse

    spec = load_chart_spec(project.path("chart"))
    outcome = analyse(spec, spec.load_frame())
    reading = spec.interpretation.strip() or "(no reading written yet)"
    return [*outcome.explanation, f"The learner's reading: “{reading}”"], outcome.figure


_FINDINGS = {"aim": _aim, "measures": _measures, "pdsa": _pdsa, "readiness": _readiness}


def glance(project: Project) -> ProjectGlance:
    """The project's parts and the tools' findings; a part that cannot be read is shown as
    damaged, never raised."""
    seen = ProjectGlance(tuple(_state(project, item) for item in PARTS))
    usable = {p.part.key for p in seen.parts if p.state in (STARTED, COMPLETE)}
    for key, finder in _FINDINGS.items():
        if key in usable:
            try:
                seen.findings[key] = finder(project)
            except (QispreadError, ValueError) as err:
                seen.findings[key] = [f"Cannot be read: {err}"]
    if "chart" in usable:
        try:
            seen.findings["chart"], seen.chart = _chart(project)
        except (QispreadError, ValueError) as err:
            seen.findings["chart"] = [f"The chart cannot be drawn: {err}"]
    return seen
