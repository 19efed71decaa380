"""What the gradebook knows about a cohort, as plain tables (pandas) for status, export, report."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from qispread.grading.course import Course


@dataclass
class CohortTables:
    learners: pd.DataFrame  # id, first_name, last_name, email
    scores: pd.DataFrame  # assignment, student, score, max_score, needs_manual_grade
    tests: pd.DataFrame  # assignment, notebook, test, student, score, max_score
    assignments: list[str]


def cohort_tables(course: Course) -> CohortTables:
    from nbgrader.api import GradeCell

    learners, scores, tests = [], [], []
    with course.gradebook() as gb:
        assignments = [a.name for a in sorted(gb.assignments, key=lambda a: a.name)]
        for student in gb.students:
            learners.append({"id": student.id, "first_name": student.first_name or "",
                             "last_name": student.last_name or "", "email": student.email or ""})
        for name in assignments:
            assignment = gb.find_assignment(name)
            for submission in assignment.submissions:
                scores.append({"assignment": name, "student": submission.student.id,
                               "score": submission.score, "max_score": submission.max_score,
                               "needs_manual_grade": bool(submission.needs_manual_grade)})
                for nb in submission.notebooks:
                    for grade in nb.grades:
                        cell = grade.cell
                        autograder_test = isinstance(cell, GradeCell) and cell.cell_type == "code" \
                            and not _is_solution(gb, cell, nb.name, name)
                        if autograder_test:
                            tests.append({"assignment": name, "notebook": nb.name,
                                          "test": cell.name, "student": submission.student.id,
                                          "score": grade.score, "max_score": grade.max_score})
    return CohortTables(
        pd.DataFrame(learners, columns=["id", "first_name", "last_name", "email"]),
        pd.DataFrame(scores, columns=["assignment", "student", "score", "max_score",
                                      "needs_manual_grade"]),
        pd.DataFrame(tests, columns=["assignment", "notebook", "test", "student", "score",
                                     "max_score"]),
        assignments,
    )


def _is_solution(gb, cell, notebook: str, assignment: str) -> bool:
    from nbgrader.api import MissingEntry

    try:
        gb.find_solution_cell(cell.name, notebook, assignment)
    except MissingEntry:
        return False
    return True


def lms_table(tables: CohortTables) -> pd.DataFrame:
    """One row per learner, one column per assignment (points; blank if not submitted), total."""
    wide = tables.scores.pivot_table(index="student", columns="assignment", values="score",
                                     aggfunc="first")
    out = tables.learners.set_index("id").join(wide, how="outer")
    out.index.name = "id"
    for name in tables.assignments:
        if name not in out.columns:
            out[name] = pd.NA
    out = out[["first_name", "last_name", "email", *tables.assignments]]
    out["total"] = out[tables.assignments].sum(axis=1, min_count=0)
    return out.reset_index().sort_values("id", kind="stable")


def assignment_status(course: Course, tables: CohortTables) -> pd.DataFrame:
    """Per assignment: submitted, autograded, needing manual grading, feedback released."""
    rows = []
    names = sorted(set(course.assignments()) | set(tables.assignments))
    for name in names:
        submitted = course.submitted_students(name)
        autograded_dir = course.folder("autograded")
        autograded = [s for s in submitted if any((autograded_dir / s / name).glob("*.ipynb"))]
        graded = tables.scores[tables.scores.assignment == name]
        rows.append({
            "assignment": name,
            "submitted": len(submitted),
            "autograded": len(autograded),
            "needs manual grading": int(graded.needs_manual_grade.sum()),
            "feedback released": sum(course.feedback_released(name, s) for s in submitted),
        })
    return pd.DataFrame(rows, columns=["assignment", "submitted", "autograded",
                                       "needs manual grading", "feedback released"])
