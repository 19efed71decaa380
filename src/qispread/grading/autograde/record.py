"""Step 4 of grading: record a submission's outcome, in the gradebook (nbgrader's own
SaveAutoGrades and AssignLatePenalties, through the one writer) and in qispread's state file
(cohort/store.py's Record) that `cohort status`, export and the report read."""

from __future__ import annotations

from datetime import UTC, datetime

import nbformat

from qispread.grading.autograde.gradebook_writer import GradebookWriter
from qispread.grading.autograde.handover import Outcome
from qispread.grading.cohort.store import (
    FAILED,
    GRADED,
    Record,
    submission_checksum,
    write_record,
)
from qispread.grading.course import Course
from qispread.grading.nbgrader_seam import WRITERS


def tampering_detail(outcome: Outcome) -> str | None:
    found = []
    if outcome.disagreements:
        found.append("the learner's own kernel and a clean re-check of the same answers disagree "
                     "on " + "; ".join(outcome.disagreements))
    if outcome.changed_course_files:
        found.append("the learner's code changed the course's own "
                     + ("file " if len(outcome.changed_course_files) == 1 else "files ")
                     + ", ".join(outcome.changed_course_files)
                     + " while it ran (the re-check used the course's copy)")
    if not found:
        return None
    return "Tampering suspected: " + "; and ".join(found) + ". The clean result was recorded."


def _record_submission(course: Course, assignment: str, notebook_ids: list[str], gb,
                       student: str) -> None:
    """The gradebook half of nbgrader's Autograde.init_assignment: record the student and
    the submission's timestamp, and score missing notebooks zero."""
    submitted = course.folder("submitted", student, assignment)
    timestamp = course.coursedir.get_existing_timestamp(str(submitted))
    present = [nb for nb in notebook_ids if (submitted / f"{nb}.ipynb").exists()]
    gb.update_or_create_student(student)
    if timestamp:
        gb.update_or_create_submission(assignment, student, timestamp=timestamp)
    else:
        gb.update_or_create_submission(assignment, student)
    for nb in notebook_ids:
        if nb in present:
            continue
        for grade_row in gb.find_submission_notebook(nb, assignment, student).grades:
            grade_row.auto_score = 0
            grade_row.needs_manual_grade = False
    gb.db.commit()


def record(course: Course, assignment: str, notebook_ids: list[str], outcome: Outcome,
           writer: GradebookWriter) -> None:
    """The writer's half of nbgrader's autograde pipeline in one transaction, then the graded
    notebooks and the state file. A failed submission is recorded, without grades, as nbgrader
    does."""
    with writer.submission() as gb:
        _record_submission(course, assignment, notebook_ids, gb, outcome.student)
        for notebook_id, nb in outcome.notebooks.items():
            resources = {"nbgrader": {"student": outcome.student, "assignment": assignment,
                                      "notebook": notebook_id, "db_url": course.db_url}}
            for pp_class in WRITERS:
                pp_class(config=course.config)(nb, resources)
    dest = course.folder("autograded", outcome.student, assignment)
    for notebook_id, nb in outcome.notebooks.items():
        nbformat.write(nb, dest / f"{notebook_id}.ipynb")
    submitted = course.folder("submitted", outcome.student, assignment)
    detail = tampering_detail(outcome)
    write_record(course.state_folder(), assignment, outcome.student, Record(
        checksum=submission_checksum(submitted),
        state=FAILED if outcome.error else GRADED,
        reason=outcome.error,
        tampering=detail is not None,
        tampering_detail=detail,
        graded_at=datetime.now(UTC).isoformat(timespec="seconds"),
    ))
