"""Each assignment graded once per test process, for the round-trip, parity and feedback tests:
its solution ("solved") and its untouched release ("blank") are submitted and graded by stock
nbgrader (its scores and executed notebooks kept), then by qispread's sandboxed autograde, which
leaves its own grades in the gradebook.

Grading is the slow part of those tests, so they share it; tests/conftest.py runs every test of
one assignment on the same worker."""

from __future__ import annotations

from dataclasses import dataclass

import nbformat
from course_notebooks import release_notebooks, source_notebooks
from sample_course import PARTIAL, SAMPLE, answered, submit

from qispread.grading.autograde.autograder import Autograder, AutogradeSummary


@dataclass
class Totals:
    code_score: float
    max_code_score: float
    score: float


@dataclass
class GradedAssignment:
    stock_scores: dict[tuple[str, str, str], float]  # (student, notebook, grade id) -> score
    stock_totals: dict[str, Totals]  # student -> stock nbgrader's totals
    stock_runs: dict[str, dict[str, nbformat.NotebookNode]]  # student -> executed notebooks
    summary: AutogradeSummary  # qispread's autograde of the same submissions


def cell_scores(course, assignment: str, students) -> dict[tuple[str, str, str], float]:
    with course.gradebook() as gb:
        return {(s, nb.name, g.name): g.auto_score
                for s in students
                for nb in gb.find_submission(assignment, s).notebooks for g in nb.grades}


def totals(course, assignment: str, student: str) -> Totals:
    with course.gradebook() as gb:
        found = gb.find_submission(assignment, student)
        return Totals(found.code_score, found.max_code_score, found.score)


def executed_notebooks(course, assignment: str, student: str) -> dict[str, nbformat.NotebookNode]:
    folder = course.folder("autograded", student, assignment)
    return {p.name: nbformat.read(p, 4) for p in sorted(folder.glob("*.ipynb"))}


# Right answers typed with a learner's slips (no quotes, an unclosed quote, comma decimals, a full
# stop): read as the learner means them (qispread.checks.slips) by stock nbgrader and by qispread's
# grader alike, so they earn every automatic mark in both.
SLIPPED = {"06_spc": {
    "q1_answer": "answer_q1a = B\nanswer_q1b = C\nanswer_q1c = D\nanswer_q1d = a\n"
                 "answer_q1e = F\nanswer_q1f = E",
    "q2_answer": "answer_q2_mean = 61,92\nanswer_q2_mean_moving_range = 7,18\n"
                 "answer_q2_upper_limit = 81.02\nanswer_q2_lower_limit = 42,81",
    "q3_answer": "answer_q3a = \"E\nanswer_q3b = c\nanswer_q3c = 'A'\nanswer_q3d = A.",
    "q5_answer": "answer_q5a = c\nanswer_q5b = 'B'",
    "q6_answer": "answer_q6 = a, C",
}}


def slipped(release_nb: nbformat.NotebookNode, answers: dict[str, str]) -> nbformat.NotebookNode:
    nb = nbformat.from_dict(release_nb)
    for cell in nb.cells:
        source = answers.get(cell.metadata.get("nbgrader", {}).get("grade_id"))
        if source is not None:
            cell.source = source
    return nb


_graded: dict[tuple[str, str], GradedAssignment] = {}


def graded(course, assignment: str) -> GradedAssignment:
    key = (str(course.root), assignment)
    if key not in _graded:
        _graded[key] = _grade(course, assignment)
    return _graded[key]


def _grade(course, assignment: str) -> GradedAssignment:
    submissions = {"solved": source_notebooks(course, assignment),
                   "blank": release_notebooks(course, assignment)}
    if assignment == SAMPLE:  # its visible test passes and its hidden one fails
        release = release_notebooks(course, assignment)["medians.ipynb"]
        submissions["partial"] = {"medians.ipynb": answered(release, PARTIAL)}
    if assignment in SLIPPED:
        submissions["slipped"] = {name: slipped(nb, SLIPPED[assignment]) for name, nb
                                  in release_notebooks(course, assignment).items()}
    for student, notebooks in submissions.items():
        submit(course.root, student, assignment, notebooks)
    api = course.api()
    for student in submissions:
        done = api.autograde(assignment, student)
        assert done["success"], done.get("error")
    result = GradedAssignment(
        cell_scores(course, assignment, submissions),
        {s: totals(course, assignment, s) for s in submissions},
        {s: executed_notebooks(course, assignment, s) for s in submissions},
        AutogradeSummary())
    # one worker: parallel grading is tested in test_autograde_parallel.py, and a second worker
    # would boot a second kernel and clean checker for one submission
    result.summary = Autograder(course, assignment).run(list(submissions), jobs=1, force=True)
    return result
