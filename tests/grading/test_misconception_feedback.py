"""A learner's feedback page names the misconception behind each choice item they missed and the
lesson section to re-read (solutions/misconceptions.json), only once the deadline has passed for
everyone, and the leak check reads those notes like the rest of the page."""

from __future__ import annotations

import json
import shutil
from datetime import datetime, timedelta

import nbformat
import pytest
from course_notebooks import PROJECT, release_notebooks
from sample_course import submit

from qispread.errors import DataProblem
from qispread.grading.autograde.autograder import Autograder
from qispread.grading.cohort import deadlines
from qispread.grading.feedback.leak_gate import assignment_lines
from qispread.grading.feedback.misconceptions import MAP_FILE
from qispread.grading.feedback.pages import feedback_pages, generate_feedback
from qispread.grading.feedback.redact import visible_text

RUN_CHARTS = "05_run_charts"
# q5: A (a single far point is a signal); q6: D (the IHI shift needs seven); q1: a wrong number
WRONG_CHOICES = {"q5_answer": 'answer_q5 = "A"', "q6_answer": 'answer_q6 = "D"',
                 "q1_answer": "answer_q1 = 90"}
PAST, FUTURE = datetime(2026, 1, 1, 17, 0), datetime.now() + timedelta(days=30)


def with_answers(nb, answers: dict[str, str]):
    nb = nbformat.from_dict(nb)
    for cell in nb.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id in answers:
            cell.source = answers[grade_id]
    return nb


def set_due(course, due, **extensions) -> None:
    """The assignment's deadline, replacing whatever an earlier test set (the course is shared)."""
    deadlines.save(course.state_folder(), {RUN_CHARTS: deadlines.Deadline(due, 0, extensions)})


@pytest.fixture(scope="module")
def graded_run_charts(generated_course):
    course = generated_course
    shutil.copy(PROJECT / "solutions" / MAP_FILE, course.folder("source") / MAP_FILE)
    release = release_notebooks(course, RUN_CHARTS)
    submit(course.root, "learner_m", RUN_CHARTS,
           {name: with_answers(nb, WRONG_CHOICES) for name, nb in release.items()})
    Autograder(course, RUN_CHARTS).run(["learner_m"], force=True)
    return course


def page_text(course) -> str:
    generate_feedback(course, RUN_CHARTS, ["learner_m"], release=False)
    pages = feedback_pages(course, RUN_CHARTS, "learner_m")
    assert pages
    return "\n".join(visible_text(p.read_text(encoding="utf-8")) for p in pages)


def test_after_the_deadline_the_page_names_misconceptions_and_sections(graded_run_charts):
    course = graded_run_charts
    set_due(course, PAST)
    text = page_text(course)
    assert "a single point far from the median is a run-chart signal" in text
    assert "the IHI shift needs seven points" in text
    assert "Re-read lesson 05, section “3. The Anhøj rules”" in text
    assert "Re-read lesson 05, section “4. The IHI rules (Perla, Provost and Murray 2011)”" in text
    # a number item (question 1) gets no note; the right options are never named
    assert text.count("What to look at again.") == 2
    assert "answered **C" not in text and "You answered C" not in text
    assert "You answered B" not in text


def test_no_notes_before_the_deadline_or_while_an_extension_runs(graded_run_charts):
    course = graded_run_charts
    set_due(course, FUTURE)
    assert "What to look at again." not in page_text(course)
    set_due(course, PAST, someone_else=FUTURE)
    assert "What to look at again." not in page_text(course)


def test_a_note_holding_hidden_test_text_is_refused(graded_run_charts):
    """The notes pass through the leak check: a map entry that quoted a hidden test (here the
    line that keys question 5) stops the page, which is neither written nor released."""
    course = graded_run_charts
    set_due(course, PAST)
    secret = next(line for line in assignment_lines(course.folder("source"))
                  if 'q5 == "C"' in line)
    path = course.folder("source") / MAP_FILE
    planted = json.loads(path.read_text(encoding="utf-8"))
    planted[RUN_CHARTS]["q5_check"]["options"]["A"]["misconception"] = secret
    path.write_text(json.dumps(planted), encoding="utf-8")
    try:
        with pytest.raises(DataProblem, match="must not see"):
            generate_feedback(course, RUN_CHARTS, ["learner_m"], release=False)
        assert not feedback_pages(course, RUN_CHARTS, "learner_m")
    finally:
        shutil.copy(PROJECT / "solutions" / MAP_FILE, path)
