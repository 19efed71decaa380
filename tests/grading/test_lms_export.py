"""Grades for Moodle and Canvas land on the right learner, or are left out and said why.

The importers are modelled from their source, not from guesses:

* Moodle, grade/import/csv/classes/load_data.php (moodle/moodle), prepare_import_grade_data and
  map_user_data_with_value: a row whose mapped user field is blank keeps the user of the row above
  ("Skip invalid row with blank user field" leaves $this->studentid unchanged); the user is found
  with $DB->get_record('user', [field => value]), an exact comparison (case-sensitive on
  PostgreSQL); a row whose user is not found stops the whole import; an empty cell or "-" is
  "no grade" (update_grade_item sets the final grade to null). Moodle keeps user names in lower
  case (user/lib.php, user_create_user refuses any other).
* Canvas, GradebookImporter (instructure/canvas-lms): a column named "Title (123)" is the
  assignment with id 123 (Assignment.title_and_id, regex \\A(.*)\\s\\((\\d+)\\)\\z); the fields
  are read with Ruby's CSV, so a name holding a comma must be quoted.
"""

from __future__ import annotations

import csv
import io
import re

import pandas as pd
import pytest

from qispread.grading.cohort.standings import AWAITING_MANUAL, GRADED
from qispread.grading.reports.lms_export import Options, build, write
from qispread.grading.reports.lms_memory import remember, would_clear
from qispread.grading.reports.tables import STANDING_COLUMNS, CohortTables

ASSIGNMENT = "qi_sample"


def tables(learners: list[tuple[str, str, str, str]], grades: dict[str, float | None]
           ) -> CohortTables:
    people = pd.DataFrame(learners, columns=["id", "first_name", "last_name", "email"])
    standings = pd.DataFrame([{
        "assignment": ASSIGNMENT, "student": s, "max_score": 5.0,
        "state": GRADED if g is not None else AWAITING_MANUAL,
        "label": GRADED if g is not None else AWAITING_MANUAL, "score": g, "late": False,
        "extended": False, "stale_marks": False, "tampering": False, "reason": None}
        for s, g in grades.items()], columns=STANDING_COLUMNS)
    return CohortTables(people, pd.DataFrame(), pd.DataFrame(), [ASSIGNMENT], standings)


class MoodleAborted(Exception):
    pass


def moodle_import(text: str, users: dict[int, dict[str, str]], column: str, field: str
                  ) -> dict[int, float | None]:
    """What Moodle's CSV grade import credits, per Moodle user id (see the module docstring)."""
    credited: dict[int, float | None] = {}
    student = None
    for row in csv.DictReader(io.StringIO(text)):
        value = row[column].strip()
        if value:
            found = [uid for uid, user in users.items() if user[field] == value]
            if len(found) != 1:
                raise MoodleAborted(value)
            student = found[0]
        if student is None:
            raise MoodleAborted("no user")
        cell = row[ASSIGNMENT].strip()
        credited[student] = None if cell in ("", "-") else float(cell)
    return credited


def _moodle_csv(built, tmp_path) -> str:
    return write(built, tmp_path / "moodle.csv")[0].read_text()


MOODLE_USERS = {1: {"email": "Ana.Okafor@nhs.net", "username": "ana"},
                2: {"email": "bea@nhs.net", "username": "bea"},
                3: {"email": "cal@nhs.net", "username": "cal"}}


def test_a_learner_without_an_email_is_left_out_not_credited_to_the_row_above(tmp_path):
    cohort = tables([("ana", "Ana", "Okafor", "Ana.Okafor@nhs.net"), ("bea", "Bea", "Lund", ""),
                     ("cal", "Cal", "Ng", "cal@nhs.net")], {"ana": 4.0, "bea": 1.0, "cal": 2.0})
    built = build(cohort, "moodle")
    assert [s for s, _ in built.left_out] == ["bea"]
    assert "no email address in the roster" in built.left_out[0][1]
    credited = moodle_import(_moodle_csv(built, tmp_path), MOODLE_USERS, "Email address",
                             "email")
    assert credited == {1: 4.0, 3: 2.0}  # ana keeps her own 4, not bea's 1


def test_moodles_own_spelling_of_each_email_is_used_and_unknown_users_left_out(tmp_path):
    cohort = tables([("ana", "Ana", "Okafor", "ana.okafor@NHS.net"),
                     ("dan", "Dan", "Roe", "dan@nhs.net"), ("cal", "Cal", "Ng", "cal@nhs.net")],
                    {"ana": 4.0, "dan": 3.0, "cal": 2.0})
    as_typed = _moodle_csv(build(cohort, "moodle"), tmp_path)
    with pytest.raises(MoodleAborted):  # the roster's spelling is not Moodle's
        moodle_import(as_typed, MOODLE_USERS, "Email address", "email")
    known = {u["email"].lower(): u["email"] for u in MOODLE_USERS.values()}
    built = build(cohort, "moodle", Options(moodle_users=known))
    assert built.left_out == [("dan", "Moodle's list of users has no email address "
                               "dan@nhs.net: this row would stop the whole import")]
    assert moodle_import(_moodle_csv(built, tmp_path), MOODLE_USERS, "Email address",
                         "email") == {1: 4.0, 3: 2.0}


def test_learners_sharing_an_email_are_both_left_out(tmp_path):
    cohort = tables([("ana", "Ana", "Okafor", "team@nhs.net"), ("bea", "Bea", "Lund",
                                                                "Team@nhs.net")],
                    {"ana": 4.0, "bea": 1.0})
    built = build(cohort, "moodle")
    assert [s for s, _ in built.left_out] == ["ana", "bea"]
    assert "Moodle cannot tell them apart" in built.left_out[0][1]


def test_moodle_matched_on_user_name_uses_lower_case(tmp_path):
    cohort = tables([("ana", "Ana", "Okafor", ""), ("cal", "Cal", "Ng", "")],
                    {"ana": 4.0, "cal": None})
    built = build(cohort, "moodle", Options(moodle_match="username"))
    assert built.left_out == []
    assert moodle_import(_moodle_csv(built, tmp_path), MOODLE_USERS, "Username",
                         "username") == {1: 4.0, 3: None}


def test_canvas_header_carries_the_assignment_id_and_rows_their_section(tmp_path):
    cohort = tables([("ana", "Ana", "Okafor", "ana@nhs.net"), ("cal", "Cal", "Ng", "")],
                    {"ana": 4.0, "cal": None})
    built = build(cohort, "canvas", Options(sections={"ana": "Ward 7, nights"},
                                            canvas_ids={ASSIGNMENT: "12345"}))
    grades, status = write(built, tmp_path / "canvas.csv")
    text = grades.read_text()
    assert '"Okafor, Ana"' in text and '"Ward 7, nights"' in text  # quoted, not split
    rows = list(csv.reader(io.StringIO(text)))
    header, points, ana, cal = rows
    assert header[:5] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]
    title, canvas_id = re.match(r"\A(.*)\s\((\d+)\)\Z", header[5]).groups()
    assert (title, canvas_id) == (ASSIGNMENT, "12345")
    assert points[0] == "Points Possible" and points[5] == "5"
    assert ana == ["Okafor, Ana", "", "ana", "ana@nhs.net", "Ward 7, nights", "4"]
    assert cal[4] == "" and cal[5] == ""  # no section known; no grade: blank, never 0
    assert list(csv.DictReader(status.open()))[1][header[5]] == AWAITING_MANUAL


class _Course:
    def __init__(self, folder):
        self.folder = folder

    def state_folder(self):
        return self.folder


def test_an_export_that_would_clear_a_grade_sent_before_is_caught(tmp_path):
    course = _Course(tmp_path)
    first = build(tables([("ana", "Ana", "Okafor", "ana@nhs.net")], {"ana": 4.0}), "moodle")
    assert would_clear(course, "moodle", first) == []
    remember(course, "moodle", first)
    again = build(tables([("ana", "Ana", "Okafor", "ana@nhs.net")], {"ana": 4.0}), "moodle")
    assert would_clear(course, "moodle", again) == []
    resubmitted = build(tables([("ana", "Ana", "Okafor", "ana@nhs.net")], {"ana": None}),
                        "moodle")
    assert would_clear(course, "moodle", resubmitted) == [
        f"ana: {ASSIGNMENT} (4 exported last time; now {AWAITING_MANUAL})"]
    assert would_clear(course, "canvas", resubmitted) == []  # each LMS has its own record


def test_moodles_list_of_users_is_read_from_its_own_export(tmp_path):
    from qispread.errors import DataProblem
    from qispread.grading.reports.lms_export import read_moodle_users

    export = tmp_path / "moodle-grades.csv"
    export.write_text("\ufeffFirst name,Last name,ID number,Email address,Last downloaded\n"
                      "Ana,Okafor,,Ana.Okafor@nhs.net,1764921600\nCal,Ng,,cal@nhs.net,\n",
                      encoding="utf-8")
    assert read_moodle_users(export, "email") == {"ana.okafor@nhs.net": "Ana.Okafor@nhs.net",
                                                  "cal@nhs.net": "cal@nhs.net"}
    with pytest.raises(DataProblem, match="has no column 'Username'"):
        read_moodle_users(export, "username")
