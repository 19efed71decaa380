"""The `qispread cohort` commands end to end on one course: release to an exchange, collect,
autograde, feedback, status, export for an LMS, and the HTML report."""

import csv

import pytest
from course_notebooks import release_notebooks, source_notebooks
from sample_course import SAMPLE, make_course

from qispread.cli_cohort import main
from qispread.grading.feedback.redact import visible_text
from qispread.grading.reports.tables import STATUS_COLUMNS

ROSTER = ("id,first_name,last_name,email\nana,Ana,Okafor,ana@nhs.net\n"
          "ben,Ben,Price,ben@nhs.net\ncat,Cat,Jones,cat@nhs.net\n")


@pytest.fixture(scope="module")
def cohort(tmp_path_factory):
    import nbformat

    base = tmp_path_factory.mktemp("cli")
    root, exchange = make_course(base / "course"), base / "exchange"
    exchange.mkdir()
    (base / "roster.csv").write_text(ROSTER)
    common = ["--root", str(root), "--exchange", str(exchange)]
    assert main(["cohort", "init", "--roster", str(base / "roster.csv"), *common]) == 0
    assert main(["cohort", "release", SAMPLE, *common]) == 0
    outbound = exchange / "qispread" / "outbound" / SAMPLE / "medians.ipynb"
    assert outbound.exists()
    from qispread.grading.course import Course

    course = Course(root)
    answers = {"ana": source_notebooks(course, SAMPLE), "ben": release_notebooks(course, SAMPLE)}
    for student, notebooks in answers.items():  # what `nbgrader submit` leaves in the exchange
        stamp = "2026-01-10 09:00:00.000000 UTC"
        inbound = exchange / "qispread" / "inbound" / f"{student}+{SAMPLE}+{stamp}+x1"
        inbound.mkdir(parents=True)
        for name, nb in notebooks.items():
            nbformat.write(nb, inbound / name)
        (inbound / "timestamp.txt").write_text("2026-01-10 09:00:00.000000 UTC")
        (inbound / "submission_secret.txt").write_text(f"secret-{student}")
    assert main(["cohort", "collect", SAMPLE, *common]) == 0
    assert main(["cohort", "autograde", SAMPLE, "--jobs", "2", *common]) == 0
    assert main(["cohort", "feedback", SAMPLE, *common]) == 0
    return base, root, exchange, common


def test_collect_and_autograde_fill_the_gradebook(cohort):
    _, root, _, _ = cohort
    assert sorted(p.name for p in (root / "gradebook" / "submitted").iterdir()) == ["ana", "ben"]
    assert (root / "gradebook" / "autograded" / "ana" / SAMPLE / "medians.ipynb").exists()


def test_feedback_is_released_to_the_exchange(cohort):
    _, root, exchange, _ = cohort
    assert len(list((exchange / "qispread" / "feedback").glob("*.html"))) == 2
    page = (root / "gradebook" / "feedback" / "ana" / SAMPLE / "medians.html").read_text()
    assert "HIDDEN_CHECK" not in visible_text(page)


def test_status_counts(cohort, capsys):
    _, _, _, common = cohort
    assert main(["cohort", "status", *common]) == 0
    line = [ln for ln in capsys.readouterr().out.splitlines() if ln.strip().startswith(SAMPLE)]
    counts = dict(zip(STATUS_COLUMNS, line[0].split(), strict=True))
    # both submissions wait for the reflection's manual mark; cat has not submitted
    assert counts == {"assignment": SAMPLE, "submitted": "2", "graded": "0",
                      "needs manual marks": "2", "not yet autograded": "0",
                      "could not be marked": "0", "not submitted": "1", "late": "0",
                      "extended": "0", "stale marks": "0", "tampering suspected": "0",
                      "feedback released": "2"}


def test_export_has_one_row_per_learner_and_no_partial_marks(cohort):
    base, _, _, common = cohort
    out = base / "grades.csv"
    assert main(["cohort", "export", "--output", str(out), *common]) == 0
    rows = list(csv.DictReader(out.open()))
    assert [r["id"] for r in rows] == ["Points possible", "ana", "ben", "cat"]
    assert list(rows[0]) == ["id", "first_name", "last_name", "email", SAMPLE,
                             f"{SAMPLE} status", "total", "total status"]
    by_id = {r["id"]: r for r in rows}
    for learner in ("ana", "ben"):  # the reflection is not marked yet: no grade, a status
        assert by_id[learner][SAMPLE] == ""
        assert by_id[learner][f"{SAMPLE} status"] == "awaiting manual marks"
    assert by_id["cat"][SAMPLE] == ""  # not submitted stays blank for the LMS
    assert by_id["cat"][f"{SAMPLE} status"] == "not submitted"


def test_report_is_one_self_contained_page(cohort):
    base, _, _, common = cohort
    out = base / "report.html"
    assert main(["cohort", "report", "--output", str(out), *common]) == 0
    page = out.read_text()
    assert page.count("plotly.js v") == 1  # the library inlined once
    assert page.count("Plotly.newPlot") == 3
    assert "<script src=\"http" not in page
    text = visible_text(page)
    for heading in ("Completion", "Scores", "Question difficulty", "Not submitted",
                    "Struggling"):
        assert heading in text
    assert "Cat Jones" in text  # has not submitted


def test_autograde_an_unknown_assignment_says_so(cohort, capsys):
    _, _, _, common = cohort
    assert main(["cohort", "autograde", "no_such", *common]) == 2
    assert "no assignment called 'no_such'" in capsys.readouterr().err


def _status_counts(common, capsys) -> dict[str, str]:
    capsys.readouterr()
    assert main(["cohort", "status", *common]) == 0
    line = [ln for ln in capsys.readouterr().out.splitlines() if ln.strip().startswith(SAMPLE)]
    return dict(zip(STATUS_COLUMNS, line[0].split(), strict=True))


def test_feedback_for_one_learner_releases_theirs_alone(cohort, capsys):
    """nbgrader's release_feedback releases an assignment's feedback for everyone unless given a
    learner; `--student` must release only the learners named, and `status` must count what the
    exchange holds, not what was asked for."""
    from nbgrader.utils import notebook_hash

    _, root, exchange, common = cohort
    released = exchange / "qispread" / "feedback"
    try:
        for page in released.glob("*.html"):
            page.unlink()  # as if the exchange had been cleared
        assert _status_counts(common, capsys)["feedback released"] == "0"
        assert main(["cohort", "feedback", SAMPLE, "--student", "ana", *common]) == 0
        assert "released to the exchange for ana only" in capsys.readouterr().out
        secret = (root / "gradebook" / "feedback" / "ana" / SAMPLE /
                  "submission_secret.txt").read_text()
        assert [p.name for p in released.glob("*.html")] == [
            f"{notebook_hash(secret=secret, notebook_id='medians')}.html"]
        assert _status_counts(common, capsys)["feedback released"] == "1"
    finally:
        assert main(["cohort", "feedback", SAMPLE, *common]) == 0  # as the other tests expect
    assert _status_counts(common, capsys)["feedback released"] == "2"


def test_coaching_comments_go_back_in_that_learners_released_feedback(cohort, tmp_path):
    import json
    import shutil

    base, _, _, _ = cohort
    shutil.copytree(base, tmp_path / "copy", symlinks=True)  # the shared course stays as it is
    root, exchange = tmp_path / "copy" / "course", tmp_path / "copy" / "exchange"
    common = ["--root", str(root), "--exchange", str(exchange)]
    project = root / "gradebook" / "submitted" / "ana" / SAMPLE / "my_project"
    project.mkdir()
    (project / "aim.json").write_text(json.dumps({"kind": "aim", "text": "Fewer falls on ward 3"}))
    assert main(["cohort", "projects", *common]) == 0
    sheet = root / "gradebook" / "coaching-comments.csv"
    assert sheet.read_text(encoding="utf-8-sig").splitlines()[1:] == ["ana,Aim,"]
    sheet.write_text("learner,part,comment\nana,Aim,Add how much and by when.\n"
                     "ben,Aim,BEN_ONLY comment\n", encoding="utf-8-sig")
    assert main(["cohort", "feedback", SAMPLE, *common]) == 0
    released = [p.read_text() for p in (exchange / "qispread" / "feedback").glob("*.html")]
    assert sum("Add how much and by when." in page for page in released) == 1
    assert not any("BEN_ONLY" in page for page in released)  # ben has no project to coach


def _scores(root) -> dict[str, float]:
    from qispread.grading.course import Course

    with Course(root).gradebook() as gb:
        return {s: gb.find_submission(SAMPLE, s).score for s in ("ana", "ben")}


def test_the_command_run_by_a_tutor_forks_its_workers_and_marks_the_same(cohort, tmp_path):
    """`qispread cohort autograde` in a terminal runs one thread, so its workers are forked from
    it (the in-process runs above, in a test runner with threads, start fresh interpreters)."""
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    _, root, exchange, _ = cohort
    copy = tmp_path / "course"
    shutil.copytree(root, copy, symlinks=True)
    command = [str(Path(sys.executable).parent / "qispread"), "cohort", "autograde", SAMPLE,
               "--force", "--jobs", "2", "--root", str(copy), "--exchange", str(exchange)]
    script = ("import sys, runpy\n"
              "from qispread.grading.autograde import autograder\n"
              "print('workers start by', autograder._start_method(), file=sys.stderr)\n"
              "sys.argv = sys.argv[1:]\n"
              "runpy.run_path(sys.argv[0], run_name='__main__')\n")
    done = subprocess.run([sys.executable, "-c", script, *command], capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "workers start by fork" in done.stderr
    assert _scores(copy) == _scores(root)
    assert _scores(root)["ana"] > _scores(root)["ben"]
