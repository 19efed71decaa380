"""What the gradebook knows about a cohort, as plain tables (pandas) for status, export, report."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

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

STANDING_COLUMNS = ["assignment", "student", "state", "label", "score", "max_score", "late",
                    "extended", "stale_marks", "tampering", "reason"]


@dataclass
class CohortTables:
    learners: pd.DataFrame  # id, first_name, last_name, email
    scores: pd.DataFrame  # graded submissions only: assignment, student, score, max_score, ...
    tests: pd.DataFrame  # assignment, notebook, test, student, score, max_score
    assignments: list[str]
    standings: pd.DataFrame = None  # every learner x assignment: STANDING_COLUMNS


def cohort_tables(course: Course) -> CohortTables:
    """The gradebook's picture of the cohort. Scores and test results are taken only from
    submissions that were marked; every other learner and assignment has a state, not a number."""
    from nbgrader.api import GradeCell

    learners, tests = [], []
    with course.gradebook() as gb:
        assignments = [a.name for a in sorted(gb.assignments, key=lambda a: a.name)]
        for student in gb.students:
            learners.append({"id": student.id, "first_name": student.first_name or "",
                             "last_name": student.last_name or "", "email": student.email or ""})
        for name in assignments:
            assignment = gb.find_assignment(name)
            for submission in assignment.submissions:
                for nb in submission.notebooks:
                    for grade in nb.grades:
                        cell = grade.cell
                        autograder_test = isinstance(cell, GradeCell) and cell.cell_type == "code" \
                            and not _is_solution(gb, cell, nb.name, name)
                        if autograder_test:
                            tests.append({"assignment": name, "notebook": nb.name,
                                          "test": cell.name, "student": submission.student.id,
                                          "score": grade.score, "max_score": grade.max_score})
    learners = pd.DataFrame(learners, columns=["id", "first_name", "last_name", "email"])
    standings = standings_table(standings_of(course, assignments, list(learners.id)))
    marked = standings[standings.state.isin([GRADED, AWAITING_MANUAL])]
    tests = pd.DataFrame(tests, columns=["assignment", "notebook", "test", "student", "score",
                                         "max_score"])
    tests = tests.merge(marked[["assignment", "student"]], on=["assignment", "student"])
    graded = standings[standings.state == GRADED]
    scores = graded.assign(needs_manual_grade=False)[
        ["assignment", "student", "score", "max_score", "needs_manual_grade"]]
    return CohortTables(learners, scores.reset_index(drop=True), tests, assignments, standings)


def standings_table(rows: list[Standing]) -> pd.DataFrame:
    return pd.DataFrame([{
        "assignment": r.assignment, "student": r.student, "state": r.state, "label": r.label,
        "score": r.score, "max_score": r.max_score, "late": r.late_by is not None,
        "extended": r.extended, "stale_marks": r.stale_marks, "tampering": r.tampering,
        "reason": r.reason} for r in rows], columns=STANDING_COLUMNS)


def _is_solution(gb, cell, notebook: str, assignment: str) -> bool:
    from nbgrader.api import MissingEntry

    try:
        gb.find_solution_cell(cell.name, notebook, assignment)
    except MissingEntry:
        return False
    return True


def assignment_status(course: Course, tables: CohortTables) -> pd.DataFrame:
    """Per released assignment, how many learners are in each state, and how many were late,
    extended, resubmitted after marking, or suspected of tampering; and how many have their
    current feedback in the exchange."""
    from qispread.grading.feedback.release import released

    rows = []
    for name in tables.assignments:
        mine = tables.standings[tables.standings.assignment == name]
        counts = mine.state.value_counts()
        rows.append({
            "assignment": name,
            "submitted": int((mine.state != NOT_SUBMITTED).sum()),
            "graded": int(counts.get(GRADED, 0)),
            "needs manual marks": int(counts.get(AWAITING_MANUAL, 0)),
            "not yet autograded": int(counts.get(AWAITING_AUTOGRADE, 0)),
            "could not be marked": int(counts.get(FAILED, 0)),
            "not submitted": int(counts.get(NOT_SUBMITTED, 0)),
            "late": int(mine.late.sum()),
            "extended": int(mine.extended.sum()),
            "stale marks": int(mine.stale_marks.sum()),
            "tampering suspected": int(mine.tampering.sum()),
            "feedback released": sum(released(course, name, s)
                                     for s in course.submitted_students(name)),
        })
    return pd.DataFrame(rows, columns=STATUS_COLUMNS)


STATUS_COLUMNS = ["assignment", "submitted", "graded", "needs manual marks",
                  "not yet autograded", "could not be marked", "not submitted", "late",
                  "extended", "stale marks", "tampering suspected", "feedback released"]


def attention(tables: CohortTables) -> pd.DataFrame:
    """Every learner and assignment not simply graded on time: what the tutor has to act on."""
    rows = tables.standings
    keep = (rows.state != GRADED) | rows.late | rows.extended | rows.tampering
    return rows[keep][["student", "assignment", "label"]].rename(
        columns={"student": "learner", "label": "state"}).reset_index(drop=True)
