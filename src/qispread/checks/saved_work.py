"""Checks of the work a learner saves with a tool (my_*.json): each opens the file, says what it
found in a line or two, and returns the saved work for the hidden tests. A missing or unreadable
file is a hint naming the tool that makes it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from qispread.checks.reporting import answering
from qispread.errors import AnswerProblem, DataProblem

Saved = TypeVar("Saved")


def _open(path: str, question: str, tool: str, load: Callable[[str], Saved]) -> Saved:
    if not Path(path).exists():
        raise AnswerProblem(f"{question}: there is no {path} yet. Use {tool} above: it saves "
                            f"the file as you go.")
    try:
        return load(path)
    except DataProblem as problem:
        raise AnswerProblem(f"{question}: {problem}") from None


def driver_diagram(path: str, question: str) -> Any:
    """The saved driver diagram (module 03)."""
    from qispread.models import load_diagram

    with answering(question):
        diagram = _open(path, question, "the driver diagram builder", load_diagram)
        print(f"{question}: your aim is \"{diagram.aim or '(none yet)'}\"; "
              f"{len(diagram.primary)} primary drivers, {len(diagram.secondary)} secondary "
              f"drivers, {len(diagram.change)} change ideas.")
        return diagram
    return None


def chart_baseline(path: str, question: str) -> Any:
    """A saved chart whose baseline has been set (module 05)."""
    from qispread.models import load_chart_spec

    with answering(question):
        chart = _open(path, question, "the chart explorer", load_chart_spec)
        if chart.freeze is None:
            raise AnswerProblem(f"{question}: no baseline yet. Choose a point and press 'End the "
                                f"baseline here' in the explorer above.")
        print(f"{question}: your baseline ends at point {chart.freeze}.")
        return chart
    return None


def chart_note(path: str, question: str) -> Any:
    """A saved chart with at least one note on it (module 05)."""
    from qispread.models import load_chart_spec

    with answering(question):
        chart = _open(path, question, "the chart explorer", load_chart_spec)
        if not chart.notes:
            raise AnswerProblem(f"{question}: no note yet. Choose a point, type the note and "
                                f"press 'Add the note at this point' in the explorer above.")
        shown = "; ".join(f"point {point}: {note}" for point, note in chart.notes.items())
        print(f"{question}: your notes are {shown}.")
        return chart
    return None


def pdsa_log(path: str, question: str) -> Any:
    """The saved PDSA log (module 07)."""
    from qispread.models import load_pdsa_log

    with answering(question):
        log = _open(path, question, "the PDSA log", load_pdsa_log)
        studied = [c.id for c in log.cycles if c.prediction.strip() and c.act]
        linked = [c.id for c in log.cycles if c.builds_on and c.prediction.strip()]
        print(f"{question}: cycles with a prediction and an Act decision: "
              f"{', '.join(studied) or 'none yet'}; cycles with a prediction that build on "
              f"another: {', '.join(linked) or 'none yet'}.")
        return log
    return None


def readiness(path: str, question: str) -> Any:
    """The saved spread readiness record (module 08): how many of the marked principles each
    assessment rates (the seventh principle and systems convening are asked for, not marked)."""
    from qispread.models import load_readiness
    from qispread.models.readiness import MARKED_PRINCIPLES

    with answering(question):
        record = _open(path, question, "the spread readiness tool", load_readiness)
        for assessment in record.assessments:
            rated = [p for p in MARKED_PRINCIPLES if assessment.score(p.key) is not None]
            print(f"{question}: '{assessment.label}' rates {len(rated)} of the "
                  f"{len(MARKED_PRINCIPLES)} marked principles.")
        if not record.assessments:
            raise AnswerProblem(f"{question}: your readiness file has no assessment yet. Rate "
                                f"your project in the tool above.")
        return record
    return None


def coaching_plan(path: str, question: str) -> Any:
    """The saved coaching conversation plan (module 09)."""
    from qispread.models import load_coaching_plan

    with answering(question):
        plan = _open(path, question, "the coaching planner", load_coaching_plan)
        notes = [s.name for s in plan.stages if plan.note(s.name).strip()]
        print(f"{question}: a {plan.model} plan about \"{plan.title or '(no title yet)'}\", "
              f"with notes at {len(notes)} of its {len(plan.stages)} stages.")
        return plan
    return None


def commitment_stage(plan: Any) -> str:
    """The stage of a coaching model where the person commits to a next step."""
    return {"GROW": "Will", "CLEAR": "Action", "OSCAR": "Actions"}[plan.model]


PROJECT = "my_spread_plan/project"
_READY = {"aim": "your aim can be marked.",
          "measures": "every primary driver has a fully defined measure.",
          "chart": "your chart can be marked, and your reading agrees with its rules.",
          "pdsa": "your PDSA log has a ramp of cycles that build on each other.",
          "readiness": "every marked principle is rated.",
          "spread_measures": "your plan names how adoption, fidelity and reach will be "
                             "measured."}


def project_part(part: str, question: str, folder: str = PROJECT) -> None:
    """One part of the spread plan's project (module 11), checked as the plan builder checks
    it. It returns nothing, so the check cell shows only its message (no "True" under it)."""
    from qispread.models import Project
    from qispread.models.project_checks import CHECKS

    with answering(question):
        problems = CHECKS[part](Project(Path(folder)))
        if problems:
            raise AnswerProblem(f"{question}: {' '.join(problems)}")
        print(f"{question}: {_READY[part]}")
