"""The one writer's gradebook: nbgrader's late penalties come out as under stock nbgrader, and a
submission's rows are written together or not at all."""

import pytest
from course_notebooks import source_notebooks
from sample_course import SAMPLE, make_course, submit

from qispread.grading.autograde.autograder import Autograder
from qispread.grading.autograde.gradebook_writer import GradebookWriter
from qispread.grading.course import Course

# nbgrader's own plug-in (the course config names qispread's percent-per-day one) with its "zero"
# method: a late notebook's penalty is its whole score
ZERO_FOR_LATE = ('c.AssignLatePenalties.plugin_class = "nbgrader.plugins.LateSubmissionPlugin"\n'
                 'c.LateSubmissionPlugin.penalty_method = "zero"\n')


@pytest.fixture
def course(tmp_path):
    root = make_course(tmp_path / "course")
    with open(root / "nbgrader_config.py", "a") as config:
        config.write(ZERO_FOR_LATE)
    course = Course(root)
    assert course.api().generate_assignment(SAMPLE)["success"]
    return course


@pytest.mark.grading
def test_late_penalty_matches_stock_nbgrader(course):
    with course.gradebook() as gb:
        gb.update_or_create_assignment(SAMPLE, duedate="2026-01-09 17:00:00 UTC")
    solved = source_notebooks(course, SAMPLE)
    for student in ("late_stock", "late_ours"):
        submit(course.root, student, SAMPLE, solved, timestamp="2026-01-10 09:00:00.000000 UTC")
    assert course.api().autograde(SAMPLE, "late_stock")["success"]
    assert Autograder(course, SAMPLE).run(["late_ours"]).graded == ["late_ours"]

    def penalties(student):
        with course.gradebook() as gb:
            return [(nb.score, nb.late_submission_penalty)
                    for nb in gb.find_submission(SAMPLE, student).notebooks]

    assert penalties("late_ours") == penalties("late_stock")
    assert penalties("late_ours") == [(2.0, 2.0)]  # the sample's 2 autograded points, all lost


def test_a_failed_save_writes_nothing(course):
    from nbgrader.api import MissingEntry

    with GradebookWriter(course.db_url, course.course_id) as writer:
        with pytest.raises(RuntimeError), writer.submission() as gb:
            gb.update_or_create_student("half_saved")
            raise RuntimeError("the disk filled up")
        with writer.submission() as gb:
            gb.update_or_create_student("saved")
    with course.gradebook() as gb:
        with pytest.raises(MissingEntry):
            gb.find_student("half_saved")
        assert gb.find_student("saved").id == "saved"
