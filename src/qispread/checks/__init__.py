"""Everything an assignment's cells call: `from qispread import checks` in its first cell, then
one line per cell.

- Typed answers: choice, choices, letters, sequence, number (checks.typed), and close_to.
- Saved work: driver_diagram, chart_baseline, chart_note, pdsa_log, readiness, coaching_plan,
  project_part (checks.saved_work).
- Meaning, for hidden tests: measurable, says_when (checks.meaning).
- What the assignments show: checks.given; the course's tools by name (DriverDiagramBuilder...).
- summary(): the questions still to do, in each assignment's last cell.

In a learner's notebook a check that cannot mark an answer shows a plain hint and Run All goes on;
under nbgrader and in the grader's clean re-check it raises, so the cell earns nothing
(checks.reporting). In a notebook, answer cells are read as the learner means them (checks.slips).
"""

from typing import TYPE_CHECKING

from qispread._lazy import exports
from qispread.checks import given, slips
from qispread.checks.forms import AnswerSpace, close_to
from qispread.checks.reporting import install_name_hints, summary
from qispread.checks.typed import choice, choices, letters, number, sequence
from qispread.errors import AnswerProblem

_WHERE = {
    "driver_diagram": "qispread.checks.saved_work",
    "chart_baseline": "qispread.checks.saved_work",
    "chart_note": "qispread.checks.saved_work",
    "pdsa_log": "qispread.checks.saved_work",
    "readiness": "qispread.checks.saved_work",
    "coaching_plan": "qispread.checks.saved_work",
    "commitment_stage": "qispread.checks.saved_work",
    "project_part": "qispread.checks.saved_work",
    "measurable": "qispread.checks.meaning",
    "says_when": "qispread.checks.meaning",
    # the course's tools, so that an assignment opens one without an import
    "AimChecker": "qispread.widgets",
    "DriverDiagramBuilder": "qispread.widgets",
    "MeasureSorter": "qispread.widgets",
    "PDSALog": "qispread.widgets",
    "SpreadSimulator": "qispread.widgets",
    "SpreadReadiness": "qispread.widgets",
    "CoachingPlanner": "qispread.widgets",
    "SustainabilityCheck": "qispread.widgets",
    "SpreadPlanBuilder": "qispread.widgets",
}
__all__ = ["AnswerProblem", "AnswerSpace", "choice", "choices", "close_to", "letters", "number",
           "sequence", "summary", "given", *_WHERE]
__getattr__, __dir__ = exports(__name__, _WHERE)

slips.install()
install_name_hints()

if TYPE_CHECKING:
    from qispread.checks.meaning import measurable, says_when
    from qispread.checks.saved_work import (
        chart_baseline,
        chart_note,
        coaching_plan,
        commitment_stage,
        driver_diagram,
        pdsa_log,
        project_part,
        readiness,
    )
    from qispread.widgets import (
        AimChecker,
        CoachingPlanner,
        DriverDiagramBuilder,
        MeasureSorter,
        PDSALog,
        SpreadPlanBuilder,
        SpreadReadiness,
        SpreadSimulator,
        SustainabilityCheck,
    )
