"""The cohort commands' small parts: dates and penalties, private paths, what a learner may read
about a failed submission, the learner edition's contents, and a quiet terminal."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from course_notebooks import PROJECT, release_notebooks
from learner_edition import build_learner_edition, tutor_only_text
from sample_course import SAMPLE, make_course, submit

from qispread.grading.cohort.deadlines import Deadline, parse_when, show_delay
from qispread.grading.feedback.failed_pages import GENERIC_REASON, learner_reason
from qispread.grading.private_paths import check_private
from qispread.spc.errors import DataProblem


def test_dates_are_read_as_utc_and_a_bare_date_is_the_end_of_the_day():
    assert parse_when("2026-03-06 17:00") == datetime(2026, 3, 6, 17, 0)
    assert parse_when("2026-03-06T17:00+01:00") == datetime(2026, 3, 6, 16, 0)
    assert parse_when("2026-03-06") == datetime(2026, 3, 6, 23, 59, 59)
    with pytest.raises(DataProblem, match="YYYY-MM-DD HH:MM"):
        parse_when("next Friday")


def test_penalty_is_per_day_or_part_day_and_never_more_than_the_mark():
    deadline = Deadline(due=datetime(2026, 1, 10, 12), penalty_percent_per_day=10)
    assert deadline.penalty(8.0, 1) == pytest.approx(0.8)  # one second late is one day
    assert deadline.penalty(8.0, 86400) == pytest.approx(0.8)
    assert deadline.penalty(8.0, 86401) == pytest.approx(1.6)
    assert deadline.penalty(8.0, 30 * 86400) == 8.0
    assert Deadline(due=deadline.due).penalty(8.0, 86400) == 0.0


def test_an_extension_moves_one_learners_due_date_and_never_earlier():
    due = datetime(2026, 1, 10, 12)
    deadline = Deadline(due=due, extensions={"ana": due + timedelta(days=2),
                                             "ben": due - timedelta(days=1)})
    submitted = due + timedelta(days=1)
    assert deadline.late_by("ana", submitted) is None and deadline.extended("ana")
    assert deadline.late_by("ben", submitted) == timedelta(days=1)
    assert not deadline.extended("ben")  # an extension earlier than the due date does nothing
    assert show_delay(timedelta(seconds=6.6)) == "6 s"
    assert show_delay(timedelta(hours=20)) == "20 h 0 min"


def _repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / ".gitignore").write_text("gradebook/\n")
    (repo / "tracked.csv").write_text("x\n")
    for args in (["init", "-q"], ["add", "."],
                 ["-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "x"]):
        subprocess.run(["git", "-C", str(repo), *args], check=True)
    return repo


def test_personal_data_only_goes_where_git_cannot_publish_it(tmp_path):
    repo = _repo(tmp_path)
    assert check_private(repo / "gradebook" / "grades.csv") == repo / "gradebook" / "grades.csv"
    assert check_private(tmp_path / "outside.csv") == tmp_path / "outside.csv"
    with pytest.raises(DataProblem, match="git does not ignore it"):
        check_private(repo / "grades.csv")
    with pytest.raises(DataProblem, match="git tracks it"):
        check_private(repo / "tracked.csv")


def test_a_learner_never_reads_the_graders_internals():
    assert learner_reason("it ran for longer than the 600 s allowed") == \
        "it ran for longer than the 600 s allowed"
    for internal in ("NotJSONError: Notebook does not appear to be JSON",
                     'Traceback (most recent call last):\n  File "x.py", line 3',
                     "cell median_tests changed: see /srv/course/solutions", None, ""):
        assert learner_reason(internal) == GENERIC_REASON


def test_the_learner_edition_holds_no_solutions(tmp_path):
    edition = build_learner_edition(PROJECT, tmp_path / "edition")
    names = {p.name for p in edition.iterdir()}
    assert {"course", "exercises", "source_data", "src", "pyproject.toml", "Makefile",
            "jupyter-config"} <= names
    assert not {"solutions", "tests", "gradebook", "bench"} & names
    assert tutor_only_text(edition) == []
    with pytest.raises(DataProblem, match="outside the repository"):
        build_learner_edition(PROJECT, PROJECT / "learners")
    with pytest.raises(DataProblem, match="already holds files"):
        build_learner_edition(PROJECT, edition)


@pytest.mark.grading
def test_autograde_shows_a_summary_and_keeps_warnings_in_the_log(tmp_path):
    from qispread.grading.course import Course

    root = make_course(tmp_path / "course")
    course = Course(root)
    assert course.api().generate_assignment(SAMPLE)["success"]
    submit(root, "ana", SAMPLE, release_notebooks(course, SAMPLE))
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}"}
    result = subprocess.run([sys.executable, "-m", "qispread.cli_cohort", "cohort", "autograde",
                             SAMPLE, "--root", str(root)], capture_output=True, text=True,
                            env=env, check=False)
    assert result.returncode == 0, result.stderr
    log = root / "gradebook" / "logs" / "cohort.log"
    assert result.stdout.startswith("Marked 1, could not mark 0, already up to date 0.")
    assert result.stderr.strip() == "[1/1] ana: marked"  # no terminal: one line per submission
    logged = log.read_text().strip() if log.exists() else ""
    # whatever nbgrader and the kernels said went to the log, and the summary points there
    assert (f"in {log}" in result.stdout) == bool(logged)
