"""Grades for a learning management system, in three layouts. A cell holds a number only when the
submission is graded; every other state leaves it blank and says why in a status column (or, for
Canvas, whose import makes a new assignment of any unknown column, in a companion file).

* generic: id, names, email; per assignment its grade and its status; the total (only when every
  assignment is graded); a "Points possible" row under the header.
* moodle: Moodle's CSV grade import (Grades > Import > CSV file). One row per learner, no
  points-possible row (Moodle reads every row as a learner and stops the import at one it cannot
  match); the learner is matched on "Email address"; map each status column to "Ignore".
* canvas: Canvas's gradebook import layout (Student, ID, SIS User ID, SIS Login ID, Section,
  then one column per assignment) with its "Points Possible" row; statuses go to a companion CSV.

The documentation each layout was checked against, and what was not verified, is in
docs/tutor-guide.md ("Grades for your LMS").
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from qispread.grading.cohort_data import CohortTables
from qispread.grading.states import GRADED

LAYOUTS = ("generic", "moodle", "canvas")


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


def moodle(tables: CohortTables) -> pd.DataFrame:
    grade, label, _ = _grades(tables)
    people = _people(tables, grade.index)
    out = pd.DataFrame({"First name": people.first_name, "Last name": people.last_name,
                        "ID number": people.index, "Email address": people.email})
    for name in tables.assignments:
        out[name] = grade[name].map(_number)
        out[f"{name} status (ignore on import)"] = label[name].fillna("")
    return out.reset_index(drop=True)


def canvas(tables: CohortTables) -> tuple[pd.DataFrame, pd.DataFrame]:
    grade, label, possible = _grades(tables)
    people = _people(tables, grade.index)
    names = [f"{last}, {first}".strip(", ") for first, last in
             zip(people.first_name, people.last_name, strict=True)]
    out = pd.DataFrame({"Student": names, "ID": "", "SIS User ID": people.index,
                        "SIS Login ID": people.email, "Section": ""})
    for name in tables.assignments:
        out[name] = grade[name].map(_number)
    points = {column: "" for column in out.columns}
    points["Student"] = "Points Possible"
    points.update({name: _number(possible[name]) for name in tables.assignments})
    out = pd.concat([pd.DataFrame([points]), out.reset_index(drop=True)], ignore_index=True)
    status = label.fillna("").reset_index().rename(columns={"student": "SIS User ID"})
    return out, status


def write(tables: CohortTables, layout: str, path: Path) -> list[Path]:
    """Write the layout to path (and, for Canvas, the statuses beside it); returns the files."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if layout == "canvas":
        grades, status = canvas(tables)
        companion = path.with_name(f"{path.stem}-status{path.suffix or '.csv'}")
        grades.to_csv(path, index=False)
        status.to_csv(companion, index=False)
        return [path, companion]
    {"generic": generic, "moodle": moodle}[layout](tables).to_csv(path, index=False)
    return [path]
