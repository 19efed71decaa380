"""A whole cohort run, as the tutor guide describes it, on a course kept in git with the project's
.gitignore: learners who submit on time, resubmit after manual marking, submit late (with a late
penalty), submit late but within an extension, submit something that cannot be marked, or never
submit. Status, every export layout and the report must show each learner's real state; no number
appears that is not a grade; and `git status` stays clean with the default paths."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
from pathlib import Path

import nbformat
import pytest
from course_notebooks import PROJECT, release_notebooks
from sample_course import RIGHT, SAMPLE, WRONG, answered, make_course

from qispread.cli_cohort import main
from qispread.grading.feedback.redact import visible_text
from qispread.grading.reports.tables import STATUS_COLUMNS

ROSTER = ("id,first_name,last_name,email\n"
          "ana,Ana,Okafor,ana@nhs.net\nben,Ben,Price,ben@nhs.net\ncal,Cal,Ng,cal@nhs.net\n"
          "dee,Dee,Shah,dee@nhs.net\neve,Eve,Moss,eve@nhs.net\nfay,Fay,Hale,fay@nhs.net\n")
DUE = "2026-01-10 12:00"
ON_TIME = "2026-01-10 09:00:00.000000 UTC"
RESUBMITTED = "2026-01-10 11:00:00.000000 UTC"
LATE = "2026-01-11 08:00:00.000000 UTC"  # 20 h late: one day's penalty
WITHIN_EXTENSION = "2026-01-11 10:00:00.000000 UTC"
PENALTY = 10.0  # percent per day
FULL_AUTO = 2.0  # the sample's autograded test
MANUAL_SHARE = 0.75  # the tutor gives 3/4 of the marks of each manually graded cell
MAX = 5.0  # the autograded test (2), the reflection (2) and its task cell (1)
MARKED = FULL_AUTO + MANUAL_SHARE * (MAX - FULL_AUTO)




def _git(root: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True,
                          text=True).stdout


def _submit(exchange: Path, student: str, stamp: str, notebooks: dict) -> None:
    """What `nbgrader submit` leaves in the exchange."""
    inbound = exchange / "qispread" / "inbound" / f"{student}+{SAMPLE}+{stamp}+x{len(stamp)}"
    inbound.mkdir(parents=True)
    for name, nb in notebooks.items():
        if isinstance(nb, str):
            (inbound / name).write_text(nb)
        else:
            nbformat.write(nb, inbound / name)
    (inbound / "timestamp.txt").write_text(stamp)
    (inbound / "submission_secret.txt").write_text(f"secret-{student}")


def _mark_by_hand(course, students: list[str]) -> None:
    """What a tutor does in formgrader: a manual mark on each cell that needs one."""
    with course.gradebook() as gb:
        for student in students:
            for grade in gb.find_submission_notebook("medians", SAMPLE, student).grades:
                if grade.needs_manual_grade:
                    grade.manual_score = MANUAL_SHARE * grade.max_score
                    grade.needs_manual_grade = False
        gb.db.commit()


TAMPERING = "the notebook replaced a test's result"


def _flag_tampering(course, student: str) -> None:
    """What the sandboxed grader records when a submission tried to change its marks."""
    path = course.state_folder() / SAMPLE / f"{student}.json"
    record = json.loads(path.read_text())
    path.write_text(json.dumps({**record, "tampering": True, "tampering_detail": TAMPERING}))


@pytest.fixture(scope="module")
def cohort(tmp_path_factory):
    from qispread.grading.course import Course

    base = tmp_path_factory.mktemp("cohort")
    root, exchange = make_course(base / "course"), base / "exchange"
    exchange.mkdir()
    shutil.copy(PROJECT / ".gitignore", root / ".gitignore")
    course = Course(root)
    assert course.api().generate_assignment(SAMPLE)["success"]  # exercises/ is committed
    _git(root, "init", "-q")
    _git(root, "add", ".")
    _git(root, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "course")
    (base / "roster.csv").write_text(ROSTER)
    common = ["--root", str(root), "--exchange", str(exchange)]

    def cohort_cmd(*args: str) -> int:
        return main(["cohort", *args, *common])

    assert cohort_cmd("init", "--roster", str(base / "roster.csv")) == 0
    assert cohort_cmd("release", SAMPLE) == 0
    assert cohort_cmd("deadline", SAMPLE, "--due", DUE, "--late-penalty", str(PENALTY)) == 0
    assert cohort_cmd("extend", SAMPLE, "dee", "--until", "2026-01-12 12:00") == 0
    blank = release_notebooks(course, SAMPLE)
    solved = {name: answered(nb, RIGHT) for name, nb in blank.items()}
    wrong = {name: answered(nb, WRONG) for name, nb in blank.items()}
    _submit(exchange, "ana", ON_TIME, solved)
    _submit(exchange, "ben", ON_TIME, solved)
    _submit(exchange, "cal", LATE, solved)
    _submit(exchange, "dee", WITHIN_EXTENSION, solved)
    _submit(exchange, "eve", ON_TIME, {"medians.ipynb": "this is not a notebook"})
    assert cohort_cmd("collect", SAMPLE) == 0
    assert cohort_cmd("autograde", SAMPLE, "--jobs", "2") == 1  # eve's could not be marked
    _mark_by_hand(course, ["ana", "ben", "cal", "dee"])
    _submit(exchange, "ben", RESUBMITTED, wrong)  # after the tutor marked the first one
    assert cohort_cmd("collect", SAMPLE) == 0
    assert cohort_cmd("autograde", SAMPLE) == 1  # ben regraded; eve still cannot be marked
    _flag_tampering(course, "ana")
    assert cohort_cmd("feedback", SAMPLE) == 0
    for layout in ("generic", "moodle", "canvas"):
        assert cohort_cmd("export", "--layout", layout) == 0
    assert cohort_cmd("report") == 0
    return root, exchange, common, course


def _rows(path: Path) -> list[dict]:
    with path.open(newline="") as handle:
        return list(csv.DictReader(handle))


def _numbers_in(rows: list[dict], columns: list[str]) -> dict[str, str]:
    return {r.get("id") or r.get("SIS User ID"): r[c]
            for r in rows for c in columns}


def test_status_counts_each_state(cohort, capsys):
    _, _, common, _ = cohort
    capsys.readouterr()
    assert main(["cohort", "status", *common]) == 0
    out = capsys.readouterr().out
    counts = out.splitlines()[1].split()
    assert out.splitlines()[0].split()[:2] == ["assignment", "submitted"]
    assert counts[0] == SAMPLE
    row = dict(zip(STATUS_COLUMNS[1:], counts[1:], strict=True))
    assert row == {"submitted": "5", "graded": "3", "needs manual marks": "1",
                   "not yet autograded": "0", "could not be marked": "1", "not submitted": "1",
                   "late": "1", "extended": "1", "stale marks": "1", "tampering suspected": "1",
                   "feedback released": "5"}
    attention = out.split("Needs attention:")[1]
    assert "ben" in attention and "earlier marks kept for reference" in attention
    assert "eve" in attention and "could not be marked: the notebook" in attention
    assert "cal" in attention and "late by 20 h 0 min" in attention
    assert "dee" in attention and "extended to 2026-01-12 12:00 UTC" in attention
    assert "fay" in attention and "not submitted" in attention
    assert f"ana {SAMPLE} graded; tampering suspected ({TAMPERING})" in " ".join(attention.split())


def test_generic_export_has_grades_only_and_a_points_row(cohort):
    root, _, _, _ = cohort
    rows = _rows(root / "gradebook" / "grades-generic.csv")
    points, learners = rows[0], {r["id"]: r for r in rows[1:]}
    assert points["id"] == "Points possible" and float(points[SAMPLE]) == MAX
    assert float(learners["ana"][SAMPLE]) == MARKED
    assert float(learners["dee"][SAMPLE]) == MARKED  # within the extension: no penalty
    assert float(learners["cal"][SAMPLE]) == pytest.approx(MARKED * (1 - PENALTY / 100))
    for student in ("ben", "eve", "fay"):  # no grade: blank, never 0
        assert learners[student][SAMPLE] == ""
        assert learners[student]["total"] == ""
    assert learners["ben"][f"{SAMPLE} status"].startswith("awaiting manual marks")
    assert learners["eve"][f"{SAMPLE} status"].startswith("could not be marked")
    assert learners["fay"][f"{SAMPLE} status"] == "not submitted"
    assert "late by" in learners["cal"][f"{SAMPLE} status"]
    assert "tampering suspected" in learners["ana"][f"{SAMPLE} status"]


def test_moodle_layout_is_one_learner_per_row_matched_by_email(cohort):
    root, _, _, _ = cohort
    rows = _rows(root / "gradebook" / "grades-moodle.csv")
    assert list(rows[0])[:3] == ["Email address", "First name", "Last name"]
    assert all("@" in r["Email address"] for r in rows)  # no points row: Moodle would stop there
    grades = {r["Email address"].split("@")[0]: r[SAMPLE] for r in rows}
    assert grades["fay"] == grades["eve"] == grades["ben"] == ""
    assert float(grades["ana"]) == MARKED


def test_canvas_layout_has_points_possible_and_a_status_companion(cohort):
    root, _, _, _ = cohort
    rows = _rows(root / "gradebook" / "grades-canvas.csv")
    assert list(rows[0])[:5] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]
    assert rows[0]["Student"] == "Points Possible" and float(rows[0][SAMPLE]) == MAX
    grades = _numbers_in(rows[1:], [SAMPLE])
    assert grades["fay"] == grades["eve"] == grades["ben"] == ""
    assert rows[1]["Student"] == "Okafor, Ana"
    status = {r["SIS User ID"]: r[SAMPLE]
              for r in _rows(root / "gradebook" / "grades-canvas-status.csv")}
    assert status["eve"].startswith("could not be marked") and status["fay"] == "not submitted"


def test_report_shows_each_state_and_no_false_zero(cohort):
    root, _, _, _ = cohort
    text = visible_text((root / "gradebook" / "cohort-report.html").read_text())
    assert "Where every submission stands" in text
    for words in ("could not be marked", "earlier marks kept for reference", "not submitted",
                  "late by 20 h", "extended to"):
        assert words in text
    assert "0 / 5" not in text


def test_failed_learner_is_told_what_to_fix_without_internals(cohort):
    root, exchange, _, _ = cohort
    page = (root / "gradebook" / "feedback" / "eve" / SAMPLE / "medians.html").read_text()
    text = visible_text(page)
    assert "could not be marked" in text and "not a zero" in text
    assert "Restart Kernel and Run All Cells" in text
    for internal in ("Traceback", "Error", "HIDDEN_CHECK", "/gradebook/"):
        assert internal not in text
    released = [p.read_text() for p in (exchange / "qispread" / "feedback").glob("*.html")]
    assert any("could not be marked" in p for p in released)


def test_git_status_stays_clean(cohort):
    root, _, _, _ = cohort
    assert _git(root, "status", "--porcelain") == ""


def test_export_into_the_repository_is_refused(cohort, capsys):
    root, _, common, _ = cohort
    assert main(["cohort", "export", "--output", str(root / "grades.csv"), *common]) == 2
    assert "git does not ignore it" in capsys.readouterr().err
    assert not (root / "grades.csv").exists()


def test_an_extension_given_after_grading_lifts_the_penalty_everywhere(cohort, tmp_path):
    _, _, common, course = cohort
    out = tmp_path / "grades.csv"

    def cal_after(*extension: str) -> tuple[str, float]:
        assert main(["cohort", "extend", SAMPLE, "cal", *extension, *common]) == 0
        assert main(["cohort", "export", "--output", str(out), *common]) == 0
        with course.gradebook() as gb:  # what formgrader shows
            penalty = gb.find_submission(SAMPLE, "cal").late_submission_penalty
        return {r["id"]: r for r in _rows(out)}["cal"][SAMPLE], penalty

    assert cal_after("--until", "2026-01-12 12:00") == (f"{MARKED:g}", 0.0)
    grade, penalty = cal_after("--remove")
    assert float(grade) == pytest.approx(MARKED * (1 - PENALTY / 100))
    assert penalty == pytest.approx(MARKED * PENALTY / 100)


def _feedback_text(root: Path, student: str) -> str:
    page = root / "gradebook" / "feedback" / student / SAMPLE / "medians.html"
    return " ".join(visible_text(page.read_text()).split())


def test_feedback_awaiting_manual_marks_says_not_marked_yet(cohort):
    """ben's resubmission waits for the tutor: nbgrader's page would say "Score: 0.0 / 5.0", and
    "Score: 0.0 / 1.0" on the unmarked task; ours says it is not marked yet and gives the
    automatic part on its own."""
    root, _, _, _ = cohort
    text = _feedback_text(root, "ben")
    assert "medians: not marked yet" in text
    assert "Your tutor has still to mark 2 answers worth 3.0 of the 5.0 marks" in text
    assert "The parts already marked have 0.0 of their 2.0 marks" in text  # the test cell
    assert "Task (not marked yet, 1.0 marks) Written response (not marked yet, 2.0 marks)" in text
    assert "Score: 0.0 / 5.0" not in text and "Score: 0.0 / 1.0" not in text


def test_feedback_fully_marked_keeps_nbgraders_score(cohort):
    """Once every mark is given the page is nbgrader's own: the same score line it shows."""
    root, _, _, _ = cohort
    text = _feedback_text(root, "ana")
    assert f"medians (Score: {MARKED} / {MAX})" in text
    assert "not marked yet" not in text.lower()


def test_an_export_that_would_clear_a_grade_already_sent_is_refused(cohort, capsys):
    """ben was graded and exported before he resubmitted (recorded as that export would have left
    it): importing the blank his resubmission now has would remove his grade from Moodle."""
    root, _, common, course = cohort
    memory = course.state_folder() / "lms-exports" / "moodle.json"
    sent = json.loads(memory.read_text())
    memory.write_text(json.dumps({**sent, "ben": {SAMPLE: "4.25"}}))
    out = root / "gradebook" / "grades-moodle.csv"
    before = out.read_text()
    capsys.readouterr()
    assert main(["cohort", "export", "--layout", "moodle", *common]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "Nothing was written: this export would clear grades you exported before" in err
    assert f"ben: {SAMPLE} (4.25 exported last time; now awaiting manual marks" in err
    assert out.read_text() == before
    assert main(["cohort", "export", "--layout", "moodle", "--clear-grades", *common]) == 0
    assert json.loads(memory.read_text())["ben"] == {SAMPLE: ""}


@pytest.fixture
def after_formgrader(cohort, tmp_path):
    """A copy of the cohort in which the tutor has since given cal (late) full manual marks in
    formgrader: the penalty nbgrader stored when autograding no longer fits cal's mark."""
    from qispread.grading.course import Course

    root, exchange, _, _ = cohort
    shutil.copytree(root, tmp_path / "course")
    shutil.copytree(exchange, tmp_path / "exchange")
    course = Course(tmp_path / "course")
    with course.gradebook() as gb:
        for grade in gb.find_submission_notebook("medians", SAMPLE, "cal").grades:
            if grade.manual_score is not None:
                grade.manual_score = grade.max_score
        gb.db.commit()
    return course, ["--root", str(course.root), "--exchange", str(tmp_path / "exchange")]


def _fingerprint(course, leave_out: str | None = None) -> dict[str, tuple[str, int]]:
    """Checksum and modification time of the gradebook and of every state file."""
    import hashlib

    files = [Path(course.db_url.removeprefix("sqlite:///")),
             *sorted(p for p in course.state_folder().rglob("*") if p.is_file())]
    return {str(p): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
            for p in files if not (leave_out and leave_out in p.parts)}


@pytest.mark.parametrize("command", [["status"], ["report"], ["export", "--layout", "generic"],
                                     ["export", "--layout", "canvas"]])
def test_reading_commands_leave_the_gradebook_and_state_files_as_they_were(after_formgrader,
                                                                            command, capsys):
    """status, report and export only read: the penalty they show is worked out in memory from
    the marks as they stand. (export keeps its own record of the cells it sent, lms-exports/.)"""
    course, common = after_formgrader
    before = _fingerprint(course, leave_out="lms-exports")
    assert main(["cohort", *command, *common]) == 0
    assert _fingerprint(course, leave_out="lms-exports") == before
    if command[0] == "export":
        sent = _rows(course.root / "gradebook" / f"grades-{command[2]}.csv")
        cal = _numbers_in([r for r in sent if (r.get("id") or r.get("SIS User ID")) == "cal"],
                          [c for c in sent[0] if c.startswith(SAMPLE) and "status" not in c])
        assert float(cal["cal"]) == pytest.approx(MAX * (1 - PENALTY / 100))  # today's mark


def test_a_writing_step_stores_the_penalty_for_the_mark_as_it_stands(after_formgrader):
    """What formgrader shows: the penalty nbgrader stored, brought up to date by feedback."""
    from qispread.cohort import Cohort

    course, common = after_formgrader
    cohort = Cohort(course.root, exchange=common[-1])
    cohort.feedback(SAMPLE, ["cal"], release=False)
    with course.gradebook() as gb:
        assert gb.find_submission(SAMPLE, "cal").late_submission_penalty == pytest.approx(
            MAX * PENALTY / 100)


def test_the_python_api_and_the_command_give_the_same_cohort(after_formgrader, capsys, tmp_path):
    from qispread.cohort import Cohort

    course, common = after_formgrader
    cohort = Cohort(course.root, exchange=common[-1])
    status = cohort.status()
    capsys.readouterr()
    assert main(["cohort", "status", *common]) == 0
    printed = capsys.readouterr().out
    assert status.table.to_string(index=False) in printed
    assert status.attention.to_string(index=False) in printed
    for layout in ("generic", "moodle", "canvas"):
        api = cohort.export(layout, tmp_path / f"api-{layout}.csv").files
        assert main(["cohort", "export", "--layout", layout, "--output",
                     str(tmp_path / f"cli-{layout}.csv"), *common]) == 0
        assert [f.read_bytes() for f in api] == [
            (tmp_path / f.name.replace("api-", "cli-")).read_bytes() for f in api]


@pytest.mark.grading
def test_autograde_from_python_clears_marks_a_resubmission_made_stale(after_formgrader):
    """The manual-mark snapshot lives in the service, not the command: ana, marked by hand,
    resubmits; the Python API's autograde clears her marks and keeps them for reference."""
    from qispread.cohort import Cohort

    course, common = after_formgrader
    exchange = Path(common[-1])
    blank = release_notebooks(course, SAMPLE)
    _submit(exchange, "ana", "2026-01-10 11:30:00.000000 UTC",
            {name: answered(nb, WRONG) for name, nb in blank.items()})
    cohort = Cohort(course.root, exchange=exchange)
    assert "ana" in cohort.collect(SAMPLE)
    done = cohort.autograde(SAMPLE, students=["ana"])
    assert done.stale == ["ana"] and done.graded == ["ana"]
    stale = json.loads((course.state_folder() / SAMPLE / "ana.stale-marks.json").read_text())
    assert set(stale["marks"].values()) == {MANUAL_SHARE * 2, MANUAL_SHARE * 1}
    with course.gradebook() as gb:
        grades = gb.find_submission_notebook("medians", SAMPLE, "ana").grades
        assert [g.manual_score for g in grades if g.needs_manual_grade] != []
        assert all(g.manual_score is None for g in grades)
