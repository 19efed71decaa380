"""The grader trusts only the course (issue 21, sections 1 and 2).

1. The learner's kernel never receives a hidden test: code a submission leaves running in its
   kernel cannot read a hidden assertion to set its answer, and a kernel that records every
   source it is given records no hidden line (so no encoding of one can reach the feedback).
2. The clean re-check reads only the course's own files and the learner's saved work: a
   submission that rewrites module 05's data file scores as the untouched data says, and is
   flagged.

Each case is checked against an honest submission of the same answers, graded in the same run."""

from __future__ import annotations

import base64
import codecs
import json
import re

import nbformat
import pytest
from batch_course import PROJECT
from course_notebooks import release_notebooks, source_notebooks
from kernel_cheats import (
    FAILS_ITS_OWN_CHECK,
    FAILS_ITS_OWN_CHECK_CODE,
    RECORDER,
    RECORDER_CODE,
    RECORDER_LAST_CELL,
    REWRITES_CSV,
    SAMPLE_CHEATS,
    WRONG_Q7,
)
from sample_course import (
    HIDDEN_MARKER,
    PARTIAL,
    SAMPLE,
    answered,
    make_course,
    sample_notebook,
    submit,
)

from qispread.grading.autograde.autograder import Autograder
from qispread.grading.course import Course
from qispread.grading.feedback.pages import feedback_pages, generate_feedback
from qispread.grading.feedback.redact import split_hidden, visible_text

RUN_CHARTS = "05_run_charts"
RUN_CHARTS_NOTEBOOK = "run_charts_assignment.ipynb"
TIMEOUT = 120
pytestmark = pytest.mark.sandbox


def _with_answer(notebook: nbformat.NotebookNode, grade_id: str, code: str):
    nb = nbformat.from_dict(notebook)
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == grade_id:
            cell.source = code
    return nb


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    root = tmp_path_factory.mktemp("trusted") / "course"
    make_course(root, PROJECT / "solutions", [RUN_CHARTS])
    course = Course(root)
    for name in (SAMPLE, RUN_CHARTS):
        assert course.api().generate_assignment(name)["success"]
    release = release_notebooks(course, SAMPLE)["medians.ipynb"]
    submit(root, "honest_partial", SAMPLE, {"medians.ipynb": answered(release, PARTIAL)})
    for student, code in SAMPLE_CHEATS.items():
        submit(root, student, SAMPLE, {"medians.ipynb": answered(release, code)})
    submit(root, FAILS_ITS_OWN_CHECK, SAMPLE,
           {"medians.ipynb": answered(release, FAILS_ITS_OWN_CHECK_CODE)})
    recorder = answered(release, RECORDER_CODE)
    recorder.cells.append(nbformat.v4.new_code_cell(RECORDER_LAST_CELL.strip()))
    submit(root, RECORDER, SAMPLE, {"medians.ipynb": recorder})
    solved = source_notebooks(course, RUN_CHARTS)[RUN_CHARTS_NOTEBOOK]
    submit(root, "honest_q7_wrong", RUN_CHARTS,
           {RUN_CHARTS_NOTEBOOK: _with_answer(solved, "q7_answer", WRONG_Q7)})
    submit(root, "rewrites_course_csv", RUN_CHARTS,
           {RUN_CHARTS_NOTEBOOK: _with_answer(solved, "q7_answer", REWRITES_CSV)})
    summaries = {name: Autograder(course, name).run(jobs=2, timeout=TIMEOUT)
                 for name in (SAMPLE, RUN_CHARTS)}
    generate_feedback(course, SAMPLE, [RECORDER], release=False)
    return course, summaries


def _record(course: Course, assignment: str, student: str) -> dict:
    return json.loads((course.state_folder() / assignment / f"{student}.json").read_text())


def _score(course: Course, assignment: str, student: str) -> float:
    with course.gradebook() as gb:
        return gb.find_submission(assignment, student).code_score


def _hidden_lines() -> list[str]:
    tests = [c for c in sample_notebook().cells
             if c.metadata.get("nbgrader", {}).get("grade_id") == "median_tests"]
    return split_hidden(tests[0].source)[2]


@pytest.mark.parametrize("student", sorted(SAMPLE_CHEATS))
def test_code_left_running_in_the_kernel_cannot_read_a_hidden_test(graded, student):
    course, summaries = graded
    assert student in summaries[SAMPLE].graded
    assert _score(course, SAMPLE, "honest_partial") == 0
    assert _score(course, SAMPLE, student) == 0


def test_learner_code_can_only_lose_its_own_marks(graded):
    course, _ = graded
    assert _score(course, SAMPLE, FAILS_ITS_OWN_CHECK) == 0
    record = _record(course, SAMPLE, FAILS_ITS_OWN_CHECK)
    assert record["tampering"] and "median_tests" in record["tampering_detail"]


def _decoded(text: str) -> str:
    """Whatever the recorder printed, decoded back."""
    found = []
    for blob in re.findall(r"base64: ([A-Za-z0-9+/=]*)", text):
        found.append(base64.b64decode(blob).decode(errors="replace"))
    for line in re.findall(r"rot13: (.*)", text):
        found.append(codecs.decode(line, "rot13"))
    return "\n".join(found)


def test_the_kernel_is_never_given_a_hidden_line(graded):
    course, _ = graded
    hidden = _hidden_lines()
    assert hidden and any(HIDDEN_MARKER in line for line in hidden)
    folder = course.folder("autograded", RECORDER, SAMPLE)
    seen = json.loads((folder / "my_cells_seen.json").read_text())
    test_cell = [s for s in seen if "checks.number(answer_median_odd" in s]
    assert test_cell, "the recorder saw the test cell's visible part"
    assert not [line for line in hidden for source in seen if line in source]
    graded_nb = (folder / "medians.ipynb").read_text()
    page = "\n".join(visible_text(p.read_text()) for p in feedback_pages(course, SAMPLE, RECORDER))
    for shown in (graded_nb, page):
        decoded = _decoded(shown.replace("\\n", "\n"))
        assert "checks.number(answer_median_odd" in decoded, "the recorder's output is there"
        assert not [line for line in hidden if line in decoded]


def test_a_rewritten_course_data_file_changes_no_mark_and_is_flagged(graded):
    course, summaries = graded
    assert sorted(summaries[RUN_CHARTS].graded) == ["honest_q7_wrong", "rewrites_course_csv"]
    honest = _score(course, RUN_CHARTS, "honest_q7_wrong")
    with course.gradebook() as gb:
        full = gb.find_submission(RUN_CHARTS, "honest_q7_wrong").max_code_score
    assert honest == full - 1  # question 7 wrong, the rest right
    assert _score(course, RUN_CHARTS, "rewrites_course_csv") == honest
    cheat = _record(course, RUN_CHARTS, "rewrites_course_csv")
    assert cheat["tampering"] and "discharge_summaries.csv" in cheat["tampering_detail"]
    assert "discharge_summaries.csv" in summaries[RUN_CHARTS].tampering["rewrites_course_csv"]
    assert not _record(course, RUN_CHARTS, "honest_q7_wrong")["tampering"]
    assert not _record(course, SAMPLE, "honest_partial")["tampering"]
