"""A newer submission invalidates manual marks made on an older one.

nbgrader keeps a cell's manual mark when the submission is regraded (and, for task cells, does not
even flag it for review), so a resubmitted answer would silently keep the mark given to the old
one. Around each autograding run the cohort command takes a snapshot of every manual mark and the
submission it was given to; a learner whose regraded submission differs loses those marks in the
gradebook (the cells need marking again), and the old marks are kept beside it for reference.
"""

from __future__ import annotations

from qispread.grading.cohort.store import read_record, write_stale_marks


def snapshot(course, assignment: str) -> dict[str, dict]:
    """learner -> {"checksum": the submission marked, "marks": {notebook/cell: manual mark}}."""
    from nbgrader.api import MissingEntry

    out: dict[str, dict] = {}
    with course.gradebook() as gb:
        try:
            rows = gb.find_assignment(assignment).submissions
        except MissingEntry:
            return out
        for row in rows:
            marks = {f"{nb.name}/{g.name}": g.manual_score for nb in row.notebooks
                     for g in nb.grades if g.manual_score is not None}
            record = read_record(course.state_folder(), assignment, row.student.id)
            if marks and record:
                out[row.student.id] = {"checksum": record.checksum, "marks": marks}
    return out


def invalidate_stale(course, assignment: str, before: dict[str, dict]) -> list[str]:
    """Clear marks given to a submission that has since been replaced; returns those learners."""
    stale = []
    for student, marked in before.items():
        record = read_record(course.state_folder(), assignment, student)
        if record is None or record.checksum == marked["checksum"]:
            continue
        stale.append(student)
        write_stale_marks(course.state_folder(), assignment, student, marked)
    if stale:
        with course.gradebook() as gb:
            for student in stale:
                for nb in gb.find_submission(assignment, student).notebooks:
                    for grade in nb.grades:
                        if grade.manual_score is not None:
                            grade.manual_score = None
                            grade.needs_manual_grade = True
            gb.db.commit()
    return stale

