"""The cohort's roster: a CSV with columns id, first_name, last_name, email, and optionally section
(the learner's section or group in the LMS, which the Canvas export fills in)."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from qispread.errors import DataProblem

COLUMNS = ("id", "first_name", "last_name", "email")
OPTIONAL = ("section",)
_EMAIL = re.compile(r"^[^@\s,;]+@[^@\s,;]+\.[^@\s,;]+$")
# nbgrader uses the id as a folder name and, on JupyterHub, it is the learner's Unix account
_ID = re.compile(r"^[a-z_][a-z0-9_.-]{0,31}$")


@dataclass(frozen=True)
class Learner:
    id: str
    first_name: str
    last_name: str
    email: str
    section: str = ""


def check_id(learner_id: str, what: str) -> None:
    """Refuse an id that cannot be a learner's (a JupyterHub user name, an nbgrader folder)."""
    if not _ID.match(learner_id):
        raise DataProblem(
            f"{what} '{learner_id}' is not usable as a JupyterHub user name. Use lower-case "
            "letters, digits, '_', '.' or '-', starting with a letter, at most 32 characters.")


def read_roster(path: Path) -> list[Learner]:
    path = Path(path)
    if not path.is_file():
        raise DataProblem(f"The roster file {path} does not exist. Give the path to a CSV file.")
    with path.open(newline="", encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    if not rows:
        raise DataProblem(f"The roster {path} is empty. Its first row must be: {','.join(COLUMNS)}")
    header = [name.strip().lower() for name in rows[0]]
    missing = [name for name in COLUMNS if name not in header]
    if missing:
        raise DataProblem(
            f"The roster {path} has no column {', '.join(missing)}. "
            f"Its first row must name the columns: {','.join(COLUMNS)}."
        )
    learners: list[Learner] = []
    seen: dict[str, int] = {}
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise DataProblem(
                f"Row {number} of {path} has {len(row)} values but the header has "
                f"{len(header)}. Check for a missing or extra comma on that row."
            )
        values = {name: cell.strip() for name, cell in zip(header, row, strict=True)}
        learner_id = values["id"]
        if not learner_id:
            raise DataProblem(f"Row {number} of {path} has no id. Every learner needs one.")
        check_id(learner_id, f"Row {number} of {path}: the id")
        if learner_id in seen:
            raise DataProblem(
                f"Row {number} of {path} repeats the id '{learner_id}' from row "
                f"{seen[learner_id]}. Each learner must have a different id."
            )
        if values["email"] and not _EMAIL.match(values["email"]):
            raise DataProblem(
                f"Row {number} of {path}: '{values['email']}' is not an email address "
                "(expected something like name@nhs.net)."
            )
        seen[learner_id] = number
        learners.append(Learner(*(values.get(name, "") for name in COLUMNS + OPTIONAL)))
    return learners


def import_roster(course, learners: list[Learner]) -> int:
    """Add or update each learner as a gradebook student; returns how many were new."""
    with course.gradebook() as gb:
        known = {student.id for student in gb.students}
        for learner in learners:
            gb.update_or_create_student(
                learner.id, first_name=learner.first_name or None,
                last_name=learner.last_name or None, email=learner.email or None,
            )
    return sum(learner.id not in known for learner in learners)


def sections(course) -> dict[str, str]:
    """Each learner's section, from the copy of the roster `init` keeps ({} without one)."""
    from qispread.grading.private_paths import default_path

    copy = default_path(course, "roster.csv")
    if not copy.is_file():
        return {}
    return {learner.id: learner.section for learner in read_roster(copy) if learner.section}
