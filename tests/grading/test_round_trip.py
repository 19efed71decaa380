"""Every assignment round-trips: under stock nbgrader its solution runs from top to bottom with no
error or warning and earns every automatic mark, its untouched release earns none (a blank whose
tests pass would check nothing), and qispread's sandboxed autograde gives exactly stock
nbgrader's scores. The release graded is the one learners get (tests/pipeline/test_release.py
checks exercises/ is a fresh build), and the learner's Validate button agrees."""

import shutil

import pytest
from course_notebooks import ASSIGNMENTS
from graded_assignments import SLIPPED, cell_scores, graded, totals
from nbgrader.validator import Validator
from pipeline.notebooks import ROOT
from sample_course import SAMPLE
from traitlets.config import Config

from qispread.grading.edition.build import RELEASE, SOURCE

CELL_TIMEOUT = 300  # seconds, as for the lessons (tests/pipeline/test_execute.py)


def autograded_max(course, assignment):
    with course.gradebook() as gb:
        a = gb.find_assignment(assignment)
        return sum(c.max_score for nb in a.notebooks for c in nb.grade_cells
                   if c.cell_type == "code" and not any(
                       s.name == c.name for s in nb.solution_cells))


def complaints(notebook) -> list[str]:
    """What nbgrader's Validator at its strictest (validate_all) fails a cell for: an error, or
    anything written to stderr (a warning)."""
    return [cell.source for cell in notebook.cells if cell.cell_type == "code"
            and any(out.output_type == "error"
                    or out.output_type == "stream" and out.name == "stderr"
                    for out in cell.outputs)]


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_solution_runs_cleanly_and_earns_every_mark(generated_course, assignment):
    result = graded(generated_course, assignment)
    for name, notebook in result.stock_runs["solved"].items():
        assert not complaints(notebook), f"{SOURCE}/{assignment}/{name}: {complaints(notebook)}"
    solved = result.stock_totals["solved"]
    assert solved.code_score == solved.max_code_score > 0


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_untouched_release_earns_nothing(generated_course, assignment):
    assert graded(generated_course, assignment).stock_totals["blank"].score == 0


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_sandboxed_autograde_gives_stock_nbgraders_scores(generated_course, assignment):
    course = generated_course
    result = graded(course, assignment)
    students = sorted(result.stock_totals)
    assert sorted(result.summary.graded) == students and not result.summary.failed
    assert not result.summary.tampering  # honest work changes no course file, agrees with itself
    assert cell_scores(course, assignment, students) == result.stock_scores
    assert totals(course, assignment, "solved").code_score == autograded_max(course, assignment)
    assert totals(course, assignment, "blank").code_score == 0
    if assignment == SAMPLE:  # visible test passes, hidden one fails: no marks for the cell
        assert totals(course, assignment, "partial").code_score == 0


@pytest.mark.parametrize("assignment", sorted(SLIPPED))
def test_slipped_right_answers_earn_every_mark(generated_course, assignment):
    """`B` without quotes, `61,92`, an unclosed quote: stock nbgrader and qispread's grader read
    them as meant (the parity test above compares them cell by cell)."""
    result = graded(generated_course, assignment)
    assert result.stock_totals["slipped"].code_score == result.stock_totals["solved"].code_score
    assert totals(generated_course, assignment, "slipped").code_score == autograded_max(
        generated_course, assignment)


# Learners check their work with nbgrader's Validate button before submitting. It runs the same
# cells as autograde, so one assignment stands for all.
VALIDATED = "01_model_for_improvement"


def validate(tmp_path, folder: str, **settings) -> dict[str, dict]:
    """The Validator's findings for each notebook, run in a copy (files a notebook writes, such
    as a tool's my_*.json, never land in the repository)."""
    copy = shutil.copytree(ROOT / folder / VALIDATED, tmp_path / VALIDATED)
    validator = Validator(config=Config({"Execute": {"timeout": CELL_TIMEOUT}}), **settings)
    return {nb.name: validator.validate(str(nb)) for nb in sorted(copy.glob("*.ipynb"))}


def test_the_validate_button_passes_the_solution(tmp_path):
    for name, findings in validate(tmp_path, SOURCE, validate_all=True).items():
        assert not findings, f"{SOURCE}/{VALIDATED}/{name}: {findings}"


def test_the_validate_button_fails_the_untouched_release(tmp_path):
    for name, findings in validate(tmp_path, RELEASE).items():
        assert findings.get("failed"), f"the blank {name} passes validation"
