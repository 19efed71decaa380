"""Where each learner stands on an assignment, read from the gradebook and qispread's records,
without a kernel: the records are written by the pipeline's own recording step from notebooks
graded as nbgrader would grade them (the model answers, which pass every test). The states as a
whole cohort meets them, after real autogrades, are in test_cohort_states.py (grading tier)."""

from __future__ import annotations

from datetime import datetime, timedelta

import nbformat
import pytest
from sample_course import SAMPLE, make_course, submit

from qispread.grading.autograde.gradebook_writer import GradebookWriter
from qispread.grading.autograde.record import record
from qispread.grading.autograde.worker import Outcome
from qispread.grading.cohort.deadlines import set_due
from qispread.grading.cohort.standings import (
    AWAITING_AUTOGRADE,
    AWAITING_MANUAL,
    FAILED,
    GRADED,
    NOT_SUBMITTED,
    Standing,
    standings_of,
)
from qispread.grading.course import Course

DUE = datetime(2026, 1, 10, 12)
ON_TIME = "2026-01-10 09:00:00.000000 UTC"
A_DAY_LATE = "2026-01-11 09:00:00.000000 UTC"  # 21 hours late: one day's penalty
AUTOMATIC_POINTS = 2.0  # the sample's test cell; its reflection (2) and task (1) are by hand


@pytest.fixture
def course(tmp_path):
    course = Course(make_course(tmp_path / "course"))
    assert course.api().generate_assignment(SAMPLE)["success"]
    set_due(course, SAMPLE, DUE, penalty_percent_per_day=25)
    return course


def _submit(course, student, timestamp=ON_TIME):
    release = course.folder("release", assignment=SAMPLE) / "medians.ipynb"
    submit(course.root, student, SAMPLE, {"medians.ipynb": nbformat.read(release, 4)},
           timestamp=timestamp)


def _record(course, student, error=None):
    """The recording step, given the model answers as the graded notebook (every test passes)."""
    source = course.folder("source", assignment=SAMPLE) / "medians.ipynb"
    graded = {} if error else {"medians": nbformat.read(source, 4)}
    course.folder("autograded", student, SAMPLE).mkdir(parents=True)  # made by the prepare step
    with GradebookWriter(course.db_url, course.course_id) as writer:
        record(course, SAMPLE, ["medians"], Outcome(student, SAMPLE, graded, error), writer)


def _mark_by_hand(course, student, reflection, task):
    """The tutor's marks for the reflection and its mark-schemed task, as formgrader saves them."""
    with course.gradebook() as gb:
        for name, points in (("reflection", reflection), ("reflection_task", task)):
            grade = gb.find_grade(name, "medians", SAMPLE, student)
            grade.manual_score = points
            grade.needs_manual_grade = False
        gb.db.commit()


def _standings(course, roster):
    return {s.student: s for s in standings_of(course, [SAMPLE], roster)}


def test_each_state_is_told_apart_and_only_a_grade_has_a_score(course):
    for student in ("ben", "cai", "dee", "eve", "fay"):
        _submit(course, student)
    _record(course, "cai", error="the notebook could not be run to the end")
    for student in ("dee", "eve", "fay"):
        _record(course, student)
    _mark_by_hand(course, "eve", 1.5, 1)
    _submit(course, "fay", timestamp="2026-01-10 10:00:00.000000 UTC")  # resubmitted since
    found = _standings(course, ["ana", "ben", "cai", "dee", "eve"])
    assert {student: s.state for student, s in found.items()} == {
        "ana": NOT_SUBMITTED, "ben": AWAITING_AUTOGRADE, "cai": FAILED, "dee": AWAITING_MANUAL,
        "eve": GRADED, "fay": AWAITING_AUTOGRADE}  # fay is not on the roster, but submitted
    assert found["eve"].score == AUTOMATIC_POINTS + 1.5 + 1
    assert found["eve"].max_score == 5.0
    assert [s.student for s in found.values() if s.score is not None] == ["eve"]
    assert found["cai"].label == f"{FAILED}: the notebook could not be run to the end"


def test_a_late_grade_loses_the_penalty_and_says_so(course):
    _submit(course, "late", timestamp=A_DAY_LATE)
    _record(course, "late")
    _mark_by_hand(course, "late", 2, 1)
    late = _standings(course, ["late"])["late"]
    assert late.state == GRADED
    assert late.late_by == timedelta(hours=21)
    assert late.late_penalty == pytest.approx(0.25 * 5)
    assert late.score == pytest.approx(0.75 * 5)
    assert late.label == "graded; late by 21 h 0 min, 1.25 marks off"


def test_flags_name_an_extension_stale_marks_and_tampering():
    standing = Standing("ana", SAMPLE, AWAITING_MANUAL, 5.0, due=datetime(2026, 1, 12, 12),
                        extended=True, stale_marks=True, tampering=True,
                        tampering_detail="the kernel and the re-check disagree")
    assert standing.flags == [
        "extended to 2026-01-12 12:00 UTC",
        "resubmitted after manual marking: earlier marks kept for reference",
        "tampering suspected (the kernel and the re-check disagree)"]
