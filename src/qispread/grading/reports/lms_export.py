"""Grades for a learning management system, in three layouts. A cell holds a number only when the
submission is graded; every other state leaves it blank and says why in a status column (or, for
Canvas, whose import makes a new assignment of any unknown column, in a companion file).

* generic: id, names, email; per assignment its grade and its status; the total (only when every
  assignment is graded); a "Points possible" row under the header.
* moodle: Moodle's CSV grade import (Grades > Import > CSV file). One row per learner it can
  credit safely, no points-possible row (Moodle reads every row as a learner and stops the import
  at one it cannot match); the learner is matched on "Email address" or "Username"; map each
  status column to "Ignore". Learners left out are listed with the reason.
* canvas: Canvas's gradebook import layout (Student, ID, SIS User ID, SIS Login ID, Section,
  then one column per assignment, "name (Canvas id)" when the id is given) with its "Points
  Possible" row; statuses go to a companion CSV.

Both LMSs read an empty grade cell as "no grade" and clear a grade they hold; lms_memory keeps what
was exported last so that the command can warn before it happens.

The documentation each layout was checked against, and what was not verified, is in
docs/tutor-guide.md ("Grades for your LMS").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from qispread.grading.cohort.standings import GRADED
from qispread.grading.reports.tables import CohortTables

LAYOUTS = ("generic", "moodle", "canvas")
MOODLE_COLUMN = {"email": "Email address", "username": "Username"}


@dataclass(frozen=True)
class Options:
    moodle_match: str = "email"  # the user field Moodle maps on: "email" or "username"
    moodle_users: dict[str, str] | None = None  # lower-cased value -> Moodle's own spelling
    sections: dict[str, str] = field(default_factory=dict)  # learner id -> Canvas section
    canvas_ids: dict[str, str] = field(default_factory=dict)  # assignment -> Canvas's id


def _grades(tables: CohortTables) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, float]]:
    """(grade per learner x assignment, blank unless graded; state label per learner x
    assignment; points possible per assignment)."""
    rows = tables.standings
    learners = sorted(set(tables.learners.id) | set(rows.student))
    grade = rows.pivot(index="student", columns="assignment", values="score")
    label = rows.pivot(index="student", columns="assignment", values="label")
    grade = grade.reindex(index=learners, columns=tables.assignments)
    label = label.reindex(index=learners, columns=tables.assignments)
    graded = rows.pivot(index="student", columns="assignment", values="state") \
        .reindex(index=learners, columns=tables.assignments) == GRADED
    grade = grade.where(graded)  # belt and braces: a number only for a grade
    possible = rows.groupby("assignment").max_score.max().reindex(tables.assignments).fillna(0)
    return grade, label, possible.to_dict()


def _people(tables: CohortTables, index) -> pd.DataFrame:
    people = tables.learners.set_index("id").reindex(index).fillna("")
    people.index.name = "id"
    return people


def _number(value) -> str:
    return "" if pd.isna(value) else f"{float(value):g}"


def generic(tables: CohortTables) -> pd.DataFrame:
    grade, label, possible = _grades(tables)
    out = _people(tables, grade.index)
    for name in tables.assignments:
        out[name] = grade[name].map(_number)
        out[f"{name} status"] = label[name].fillna("")
    complete = grade.notna().all(axis=1) & bool(tables.assignments)
    out["total"] = [_number(grade.loc[s].sum()) if complete[s] else "" for s in grade.index]
    out["total status"] = ["all graded" if complete[s] else
                           f"incomplete: {int(grade.loc[s].notna().sum())} of "
                           f"{len(tables.assignments)} graded" for s in grade.index]
    out = out.reset_index()
    points = {column: "" for column in out.columns}
    points.update({"id": "Points possible", "total": _number(sum(possible.values()))})
    points.update({name: _number(possible[name]) for name in tables.assignments})
    return pd.concat([pd.DataFrame([points]), out], ignore_index=True)


def moodle(tables: CohortTables, options: Options | None = None
           ) -> tuple[pd.DataFrame, list[tuple[str, str]]]:
    """(the rows Moodle can credit safely, indexed by learner id; the learners left out and why).

    Moodle's importer (grade/import/csv/classes/load_data.php) keeps the user of the row above
    when a row's mapped user field is blank, so a row without one would credit that learner's
    grades to someone else: it is left out. Moodle finds the user by the exact value (user names
    are always lower case in Moodle; e-mail addresses are stored as typed and compared as the
    database compares them, case-sensitively on PostgreSQL); with Moodle's own list of users the
    value is written as Moodle spells it, and a learner Moodle does not have is left out, since
    one unknown row stops the whole import."""
    options = options or Options()
    grade, label, _ = _grades(tables)
    people = _people(tables, grade.index)
    identity, left_out = moodle_identities(people, options)
    column = MOODLE_COLUMN[options.moodle_match]
    keep = [s for s in grade.index if s in identity]
    out = pd.DataFrame({column: [identity[s] for s in keep],
                        "First name": people.first_name.reindex(keep),
                        "Last name": people.last_name.reindex(keep)}, index=keep)
    for name in tables.assignments:
        out[name] = grade[name].reindex(keep).map(_number)
        out[f"{name} status (ignore on import)"] = label[name].reindex(keep).fillna("")
    return out, left_out


def moodle_identities(people: pd.DataFrame, options: Options
                      ) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """(learner id -> the value Moodle matches on; (learner id, why left out))."""
    what = "email address" if options.moodle_match == "email" else "user name"
    values = {s: (people.email[s].strip() if options.moodle_match == "email" else s.lower())
              for s in people.index}
    left_out = [(s, f"no {what} in the roster: Moodle would give this row's grades to the "
                    "learner on the row above") for s, v in values.items() if not v]
    values = {s: v for s, v in values.items() if v}
    by_value: dict[str, list[str]] = {}
    for s, v in values.items():
        by_value.setdefault(v.lower(), []).append(s)
    for shared in by_value.values():
        if len(shared) > 1:
            for s in shared:
                others = ", ".join(o for o in shared if o != s)
                left_out.append((s, f"shares the {what} {values[s]} with {others}: Moodle "
                                    "cannot tell them apart"))
                values.pop(s)
    if options.moodle_users is not None:
        for s in list(values):
            known = options.moodle_users.get(values[s].lower())
            if known is None:
                left_out.append((s, f"Moodle's list of users has no {what} {values[s]}: this "
                                    "row would stop the whole import"))
                values.pop(s)
            else:
                values[s] = known
    return values, sorted(left_out)


def canvas(tables: CohortTables, options: Options | None = None
           ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Canvas's gradebook layout (GradebookImporter in Canvas's source reads the header's
    "Student", "ID", ..., "Section" columns, a "Points Possible" row, and finds an assignment by
    the id in "Name (id)" before its name); statuses go to a companion table."""
    options = options or Options()
    grade, label, possible = _grades(tables)
    people = _people(tables, grade.index)
    names = [f"{last}, {first}".strip(", ") for first, last in
             zip(people.first_name, people.last_name, strict=True)]
    out = pd.DataFrame({"Student": names, "ID": "", "SIS User ID": people.index,
                        "SIS Login ID": people.email,
                        "Section": [options.sections.get(s, "") for s in people.index]})
    header = {name: canvas_header(name, options) for name in tables.assignments}
    for name in tables.assignments:
        out[header[name]] = grade[name].map(_number).to_numpy()
    points = {column: "" for column in out.columns}
    points["Student"] = "Points Possible"
    points.update({header[name]: _number(possible[name]) for name in tables.assignments})
    out = pd.concat([pd.DataFrame([points]), out.reset_index(drop=True)], ignore_index=True)
    status = label.fillna("").rename(columns=header).reset_index() \
        .rename(columns={"student": "SIS User ID"})
    return out, status


def canvas_header(assignment: str, options: Options) -> str:
    """'name (id)' when the tutor gave Canvas's assignment id, so Canvas finds the assignment by
    its id (Assignment.title_and_id in Canvas's source reads that form)."""
    canvas_id = options.canvas_ids.get(assignment)
    return f"{assignment} ({canvas_id})" if canvas_id else assignment


@dataclass
class Built:
    """An export ready to write: its tables, who was left out and why, and each learner's cells
    as written (what an LMS will hold after importing it)."""

    tables: list[tuple[str, pd.DataFrame]]  # (file-name suffix, table)
    left_out: list[tuple[str, str]]
    sent: dict[str, dict[str, str]]
    labels: dict[str, dict[str, str]]


def build(tables: CohortTables, layout: str, options: Options | None = None) -> Built:
    options = options or Options()
    grade, label, _ = _grades(tables)
    left_out: list[tuple[str, str]] = []
    if layout == "moodle":
        rows, left_out = moodle(tables, options)
        files = [("", rows)]
        learners = list(rows.index)
    elif layout == "canvas":
        grades, status = canvas(tables, options)
        files = [("", grades), ("-status", status)]
        learners = list(grade.index)
    else:
        files = [("", generic(tables))]
        learners = list(grade.index)
    sent = {s: {a: _number(grade.loc[s, a]) for a in tables.assignments} for s in learners}
    labels = {s: {a: str(label.loc[s, a]) for a in tables.assignments} for s in learners}
    return Built(files, left_out, sent, labels)


def write(built: Built, path: Path) -> list[Path]:
    """Write the export to path (a companion table beside it); returns the files."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    written = []
    for suffix, table in built.tables:
        target = path.with_name(f"{path.stem}{suffix}{path.suffix or '.csv'}") if suffix else path
        table.to_csv(target, index=False)  # quotes any cell holding a comma or a quote
        written.append(target)
    return written


def read_moodle_users(path: Path, match: str) -> dict[str, str]:
    """Moodle's own spelling of each user's e-mail address (or user name), keyed in lower case,
    from a CSV exported from Moodle (a grade export or a participants download)."""
    import csv

    from qispread.errors import DataProblem

    column = MOODLE_COLUMN[match]
    path = Path(path)
    if not path.is_file():
        raise DataProblem(f"Moodle's list of users {path} does not exist. Give the CSV you "
                          "downloaded from Moodle (Grades > Export > Plain text file).")
    with path.open(newline="", encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    if not rows or column not in rows[0]:
        raise DataProblem(f"{path} has no column '{column}'. Export it from Moodle with the "
                          f"{column.lower()} shown, or choose the other --moodle-match.")
    return {row[column].strip().lower(): row[column].strip() for row in rows
            if row[column].strip()}
