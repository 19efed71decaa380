"""Is a project ready to become a spread plan? Checks that junk cannot pass.

Each check returns a list of problems in plain English (empty when the part is ready). The spread
plan builder shows them, and module 11's graded cells use them, so learner and tutor see the same.
They are also the one meaning of "complete": the project status, the builder and the plan's DRAFT
mark all ask part_state(), which asks these checks (CHECKS are the six module 11 grades;
PART_CHECKS add the parts it does not grade).
"""

from __future__ import annotations

import itertools
import re

import pandas as pd

from qispread.models.aim import load_aim
from qispread.models.chart_reading import disagreements, findings
from qispread.models.chart_spec import ChartSpec, load_chart_spec
from qispread.models.coaching import load_coaching_plan
from qispread.models.driver_diagram import load_diagram
from qispread.models.fishbone import load_fishbone
from qispread.models.involvement import load_involvement_plan
from qispread.models.measures import load_measures
from qispread.models.pdsa import PDSACycle, load_pdsa_log
from qispread.models.process_map import load_process_map
from qispread.models.project import PARTS, Part, Project, example_project, part
from qispread.models.readiness import MARKED_PRINCIPLES, load_readiness
from qispread.models.stakeholders import load_stakeholder_map
from qispread.models.sustainability import load_sustainability
from qispread.models.team import load_team

MIN_POINTS = 12
MIN_INTERPRETATION_WORDS = 25
MIN_CYCLE_WORDS = 4
# words people use when they read a chart: an interpretation that uses none is not one
CHART_WORDS = frozenset("""
above below median mean centre center line shift shifts run runs trend trends crossing crossings
signal signals point points limit limits special common cause variation week weeks month months
rose rise rising fell fall falling increase increased decrease decreased improved improvement
baseline higher lower stayed steady random chance outside astronomical
""".split())


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z']+", text.casefold())


def _missing(project: Project, key: str) -> list[str]:
    item = part(key)
    if project.has(key):
        return []
    return [f"'{item.title}' is empty in your project: make it with the tool in module "
            f"{item.module:02d} (the 'your project' step at the end of the lesson)."]


def _same_words(mine: str, example: str) -> bool:
    return _words(mine) == _words(example)


def aim_problems(project: Project) -> list[str]:
    if missing := _missing(project, "aim"):
        return missing
    aim = load_aim(project.path("aim"))
    if _same_words(aim.text, load_aim(example_project().path("aim")).text):
        return ["This is the example project's aim. Write the aim of your own project (you may "
                "keep the example's data) in the aim checker."]
    check = aim.check()
    if not check.complete:
        return [f"The aim checker cannot find: {', '.join(check.missing)}. Reopen the aim checker "
                "and add them."]
    return []


def measure_problems(project: Project) -> list[str]:
    """Every primary driver names a measure in the family whose operational definition is full."""
    missing = _missing(project, "diagram") + _missing(project, "measures")
    if missing:
        return missing
    diagram = load_diagram(project.path("diagram"))
    family = load_measures(project.path("measures"))
    if not diagram.primary:
        return ["Your driver diagram has no primary drivers yet."]
    problems = []
    for driver in diagram.primary:
        if not driver.measure:
            problems.append(f"Primary driver {diagram.label(driver)} has no measure. Give it "
                            "one in the driver diagram builder.")
            continue
        try:
            measure = family.find(driver.measure)
        except ValueError:
            problems.append(f"The measure '{driver.measure}' of primary driver {driver.id} is "
                            "not in your family of measures. Add it in the measure sorter, with "
                            "the same name.")
            continue
        if not measure.definition.complete:
            problems.append(measure.completeness())
        elif unclear := measure.unclear():
            problems.append(unclear)
    return problems


def chart_points(spec: ChartSpec) -> int:
    frame = spec.load_frame()
    if not spec.y or spec.y not in frame:
        return 0
    return int(pd.to_numeric(frame[spec.y], errors="coerce").notna().sum())


def chart_problems(project: Project) -> list[str]:
    """At least 12 points, and the signals stated in the learner's own words, agreeing with what
    the chart's rules find (models.chart_reading)."""
    if missing := _missing(project, "chart"):
        return missing
    spec = load_chart_spec(project.path("chart"))
    problems = []
    try:
        points = chart_points(spec)
    except ValueError as err:
        return [f"Your chart's data cannot be read: {err}"]
    if points < MIN_POINTS:
        problems.append(f"Your chart has {points} points; a chart needs at least {MIN_POINTS} to "
                        "show signals. Add more data in the chart explorer.")
    words = _words(spec.interpretation)
    example = load_chart_spec(example_project().path("chart")).interpretation
    if _same_words(spec.interpretation, example):
        return problems + ["This is the example project's reading of the chart. Write what your "
                           "chart shows in your own words, in the box under the chart."]
    if (len(words) < MIN_INTERPRETATION_WORDS or len(set(words)) < MIN_INTERPRETATION_WORDS // 2
            or not CHART_WORDS & set(words)):
        problems.append(
            f"Say what your chart shows in your own words (at least {MIN_INTERPRETATION_WORDS} "
            "words in the box under the chart): which signals it shows, where, and what they "
            "mean for your aim.")
    if not problems:
        problems += disagreements(spec.interpretation, findings(spec))
    return problems


def _studied(cycle: PDSACycle) -> bool:
    return (len(_words(cycle.prediction)) >= MIN_CYCLE_WORDS and
            len(_words(cycle.study)) >= MIN_CYCLE_WORDS)


def _ramp_problem(chain: list[PDSACycle]) -> str:
    """Why a ramp does not show cycles building on each other ('' when it does): each cycle
    predicts and studies, each but the last decides to adopt or adapt (a cycle built on an
    abandoned test does not build on it), and each predicts something new. A last cycle not yet
    studied is in progress and left out."""
    if len(chain) > 1 and not chain[-1].study.strip():
        chain = chain[:-1]
    if len(chain) < 2:
        return (f"Your ramp from {chain[0].id} has one cycle. A ramp is a series of tests, each "
                "building on the last: add the next cycle and set 'Builds on' to the one before.")
    for cycle in chain:
        if not _studied(cycle):
            return (f"Cycle {cycle.id} has no prediction and study to build on. Write what you "
                    "predicted and what you found, compared with the prediction.")
    for earlier, later in itertools.pairwise(chain):
        if earlier.act not in ("adopt", "adapt"):
            decided = f"was to {earlier.act}" if earlier.act else "is not written"
            return (f"Cycle {later.id} builds on {earlier.id}, whose Act decision {decided}. "
                    f"A cycle builds on a test its team chose to adopt or adapt: if that is what "
                    f"{earlier.id} led to, write it as its Act decision; if {earlier.id} was "
                    f"abandoned, start a new ramp with {later.id}.")
        if _same_words(later.prediction, earlier.prediction):
            return (f"Cycle {later.id} predicts the same as {earlier.id}. Each cycle builds on "
                    "the last: say what you now expect, at the new scale or conditions.")
    return ""


def pdsa_problems(project: Project) -> list[str]:
    """At least one ramp of two or more cycles, each building on the last (_ramp_problem)."""
    if missing := _missing(project, "pdsa"):
        return missing
    log = load_pdsa_log(project.path("pdsa"))
    chains = log.ramps()
    if not any(_studied(cycle) for chain in chains for cycle in chain):
        return ["No PDSA cycle has both a prediction and a study yet. In the PDSA log, write "
                "what you predicted and what you found for at least one cycle."]
    found = [_ramp_problem(chain) for chain in chains]
    if "" in found:
        return []
    longest = max(range(len(chains)), key=lambda i: len(chains[i]))
    return [found[longest]]


def readiness_problems(project: Project) -> list[str]:
    """The latest readiness assessment rates every principle that is marked (the six whose
    names are confirmed; the seventh may stay unrated: docs/assessment.md)."""
    if missing := _missing(project, "readiness"):
        return missing
    record = load_readiness(project.path("readiness"))
    if not record.assessments:
        return ["Your spread readiness has no assessment yet. Add one in the readiness tool."]
    latest = record.assessments[-1]
    unrated = [d.name for d in MARKED_PRINCIPLES if latest.score(d.key) is None]
    if unrated:
        return [f"'{latest.label}' does not rate: {', '.join(unrated)}. Rate each of these."]
    return []


def process_map_problems(project: Project) -> list[str]:
    """At least three steps, each with a name, a person or team, a kind and a time."""
    if missing := _missing(project, "process_map"):
        return missing
    process = load_process_map(project.path("process_map"))
    if broken := process.problems():
        return broken
    if len(process.steps) < 3:
        return ["Your process map needs at least three steps, from the start of the journey to "
                "its end. Add them in the process map tool."]
    return []


def fishbone_problems(project: Project) -> list[str]:
    """An effect, and at least one cause marked most likely."""
    if missing := _missing(project, "fishbone"):
        return missing
    diagram = load_fishbone(project.path("fishbone"))
    if not diagram.effect.strip():
        return ["Your fishbone has no effect: write the problem at its head."]
    if not diagram.likely_causes():
        return ["Mark at least one cause as most likely in your fishbone: it becomes a candidate "
                "secondary driver."]
    return []


def diagram_problems(project: Project) -> list[str]:
    """Primary drivers with change ideas, each primary driver with a measure, nothing broken."""
    if missing := _missing(project, "diagram"):
        return missing
    diagram = load_diagram(project.path("diagram"))
    if broken := diagram.problems():
        return broken
    if not diagram.primary or not diagram.change:
        return ["Your driver diagram needs primary drivers and change ideas. Add them in the "
                "driver diagram builder."]
    unmeasured = [diagram.label(d) for d in diagram.primary if not d.measure]
    if unmeasured:
        return [f"Give each primary driver a measure in the driver diagram builder: "
                f"{', '.join(unmeasured)}."]
    return []


def coaching_problems(project: Project) -> list[str]:
    """A note for every stage of the chosen coaching model."""
    if missing := _missing(project, "coaching"):
        return missing
    plan = load_coaching_plan(project.path("coaching"))
    blank = [stage.name for stage in plan.stages if not plan.note(stage.name).strip()]
    if blank:
        return [f"Your coaching plan has no notes for: {', '.join(blank)}. Add them in the "
                "coaching conversation planner."]
    return []


def sustainability_problems(project: Project) -> list[str]:
    """Every factor rated."""
    if missing := _missing(project, "sustainability"):
        return missing
    unrated = [d.name for d in load_sustainability(project.path("sustainability")).unrated()]
    if unrated:
        return [f"Your sustainability rating does not rate: {', '.join(unrated)}. Rate every "
                "factor."]
    return []


def team_problems(project: Project) -> list[str]:
    """Every role the Model for Improvement asks for is held by someone."""
    if missing := _missing(project, "team"):
        return missing
    unfilled = [role.name.lower() for role in load_team(project.path("team")).unfilled()]
    if unfilled:
        return [f"Your project team has no {', no '.join(unfilled)}. Name who holds each role "
                "(one person may hold two in a small project)."]
    return []


def stakeholder_problems(project: Project) -> list[str]:
    """Three or more stakeholders including the public, each with needs and involvement."""
    if missing := _missing(project, "stakeholders"):
        return missing
    return load_stakeholder_map(project.path("stakeholders")).problems()


def involvement_problems(project: Project) -> list[str]:
    """Every stage says who from the public takes part, at which rung and how."""
    if missing := _missing(project, "involvement"):
        return missing
    return load_involvement_plan(project.path("involvement")).problems()


def spread_measures_problems(project: Project) -> list[str]:
    """The plan names a real measure of adoption (two sites or more, over named months), of
    fidelity (a core component) and of reach (a group): the model's own gaps
    (SpreadMeasures.measure_gaps), placeholders such as "tbc" naming nothing."""
    if missing := _missing(project, "spread_measures"):
        return missing
    from qispread.models.spread_measures import load_spread_measures

    gaps = load_spread_measures(project.path("spread_measures")).measure_gaps()
    if gaps:
        return [f"'{part('spread_measures').title}' does not yet say how spread will be "
                f"measured. " + " ".join(gaps) + " Add them in the spread measures tool "
                "(module 10's 'your project' step)."]
    return []


CHECKS = {
    "aim": aim_problems,
    "measures": measure_problems,
    "chart": chart_problems,
    "pdsa": pdsa_problems,
    "readiness": readiness_problems,
    "spread_measures": spread_measures_problems,
}
PART_CHECKS = {
    "aim": aim_problems,
    "team": team_problems,
    "process_map": process_map_problems,
    "fishbone": fishbone_problems,
    "diagram": diagram_problems,
    "measures": measure_problems,
    "chart": chart_problems,
    "pdsa": pdsa_problems,
    "readiness": readiness_problems,
    "coaching": coaching_problems,
    "stakeholders": stakeholder_problems,
    "involvement": involvement_problems,
    "sustainability": sustainability_problems,
    "spread_measures": spread_measures_problems,
}
EMPTY, STARTED, COMPLETE = "empty", "started", "complete"


def _problems_or_why_not(check, project: Project) -> list[str]:
    try:
        return check(project)
    except ValueError as err:  # a damaged file: its message names the file and the fix
        return [str(err)]


def all_problems(project: Project) -> dict[str, list[str]]:
    """The six checks module 11 grades, each with its problems (none when it passes)."""
    return {name: _problems_or_why_not(check, project) for name, check in CHECKS.items()}


def part_problems(project: Project, key: str) -> list[str]:
    """What keeps one part from being complete (nothing when it is)."""
    return _problems_or_why_not(PART_CHECKS[key], project)


def part_state(project: Project, key: str) -> str:
    """EMPTY (nothing made yet, even if its tool saved a file), STARTED or COMPLETE."""
    if not project.has(key):
        return EMPTY
    return STARTED if part_problems(project, key) else COMPLETE


def unfinished_parts(project: Project) -> dict[str, list[Part]]:
    """The parts not yet complete, as {EMPTY: [...], STARTED: [...]}; both empty when the whole
    project is ready to be a spread plan."""
    found: dict[str, list[Part]] = {EMPTY: [], STARTED: []}
    for item in PARTS:
        state = part_state(project, item.key)
        if state != COMPLETE:
            found[state].append(item)
    return found
