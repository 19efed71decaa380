"""`qispread cohort extend`: an extension is in nbgrader's gradebook from the moment it is given
(where formgrader and nbgrader's own late-penalty step read it), not only once the learner has
submitted and been autograded; a learner the gradebook does not know yet is added first, as
nbgrader's autograde adds an unknown learner (its `create_student` default)."""

from datetime import timedelta

import pytest
from sample_course import SAMPLE, make_course

from qispread.cli_cohort import main
from qispread.grading.course import Course

DUE = "2026-01-10 12:00"


@pytest.fixture
def released(tmp_path):
    root = make_course(tmp_path / "course")
    (tmp_path / "roster.csv").write_text("id,first_name,last_name,email\n"
                                         "ana,Ana,Okafor,a@nhs.net\n")
    common = ["--root", str(root)]
    assert main(["cohort", "init", "--roster", str(tmp_path / "roster.csv"), *common]) == 0
    assert main(["cohort", "release", SAMPLE, *common]) == 0
    assert main(["cohort", "deadline", SAMPLE, "--due", DUE, *common]) == 0
    return Course(root), common


def _extension(course, student):
    with course.gradebook() as gb:
        return gb.find_submission(SAMPLE, student).extension


def test_extension_is_in_the_gradebook_before_the_learner_submits(released, capsys):
    course, common = released
    assert main(["cohort", "extend", SAMPLE, "ana", "--until", "2026-01-12 12:00",
                 *common]) == 0
    assert "stored in nbgrader's gradebook" in capsys.readouterr().out
    assert _extension(course, "ana") == timedelta(days=2)
    assert main(["cohort", "extend", SAMPLE, "ana", "--remove", *common]) == 0
    assert _extension(course, "ana") is None


def test_extension_for_a_learner_not_yet_in_the_gradebook_adds_them(released, capsys):
    course, common = released
    assert main(["cohort", "extend", SAMPLE, "zoe", "--until", "2026-01-11 12:00",
                 *common]) == 0
    assert "zoe was not in the gradebook yet and has been added" in capsys.readouterr().out
    assert _extension(course, "zoe") == timedelta(days=1)


def test_extension_for_an_id_that_cannot_be_a_learner_is_refused(released, capsys):
    _, common = released
    assert main(["cohort", "extend", SAMPLE, "Zoe Smith", "--until", "2026-01-11 12:00",
                 *common]) == 2
    assert "'Zoe Smith' is not usable as a JupyterHub user name" in capsys.readouterr().err


def test_extension_given_before_release_is_stored_when_released(tmp_path, capsys):
    root = make_course(tmp_path / "course")
    common = ["--root", str(root)]
    assert main(["cohort", "init", *common]) == 0
    assert main(["cohort", "deadline", SAMPLE, "--due", DUE, *common]) == 0
    assert main(["cohort", "extend", SAMPLE, "ana", "--until", "2026-01-11 12:00",
                 *common]) == 0
    assert "kept until the assignment is released" in capsys.readouterr().out
    assert main(["cohort", "release", SAMPLE, *common]) == 0
    assert _extension(Course(root), "ana") == timedelta(days=1)
