"""Where each learner's submission of each assignment stands, in words a tutor can act on.

One state per learner and assignment, and flags beside it:

* not submitted; submitted, not yet autograded; could not be marked (with the reason);
  awaiting manual marks (including marks made on an older submission: stale); graded;
* late (how late, against the learner's own due date), extended, tampering suspected.

A score is given only for `graded`: every other state has none, so nothing downstream can show a
number that is not a grade. Autograding writes one Record per processed submission (store.py).
Reading the standings writes nothing: a late penalty is worked out from the marks as they stand
(late_penalty.penalty_now), as nbgrader's late-penalty step would store it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from qispread.grading.cohort import store
from qispread.grading.cohort.deadlines import Deadline, load, show_delay, show_when
from qispread.grading.cohort.late_penalty import penalty_now
from qispread.grading.cohort.store import (
    Record,
    read_record,
    read_stale_marks,
    record_path,
    submission_checksum,
    write_record,
)

NOT_SUBMITTED = "not submitted"
AWAITING_AUTOGRADE = "submitted, not yet autograded"
FAILED = "could not be marked"
AWAITING_MANUAL = "awaiting manual marks"
GRADED = "graded"
STATES = (GRADED, AWAITING_MANUAL, FAILED, AWAITING_AUTOGRADE, NOT_SUBMITTED)


@dataclass(frozen=True)
class Standing:
    student: str
    assignment: str
    state: str
    max_score: float
    score: float | None = None  # the grade (late penalty taken off); only when state is GRADED
    reason: str | None = None  # why it could not be marked
    submitted_at: datetime | None = None
    due: datetime | None = None  # this learner's due date (extension included)
    late_by: timedelta | None = None
    late_penalty: float = 0.0
    extended: bool = False
    stale_marks: bool = False  # manual marks made on an older submission, kept for reference
    tampering: bool = False
    tampering_detail: str | None = None

    @property
    def flags(self) -> list[str]:
        out = []
        if self.late_by:
            penalty = f", {self.late_penalty:g} marks off" if self.late_penalty else ""
            out.append(f"late by {show_delay(self.late_by)}{penalty}")
        if self.extended:
            out.append(f"extended to {show_when(self.due)}")
        if self.stale_marks:
            out.append("resubmitted after manual marking: earlier marks kept for reference")
        if self.tampering:
            out.append("tampering suspected" + (f" ({self.tampering_detail})"
                                                if self.tampering_detail else ""))
        return out

    @property
    def label(self) -> str:
        """The state and its flags in one line, e.g. 'graded; late by 2 h 5 min'."""
        state = f"{self.state}: {self.reason}" if self.reason else self.state
        return "; ".join([state, *self.flags])


def record_failures(course, assignment: str, failed: dict[str, str]) -> None:
    """Record submissions that autograding reported as failed but left no record of (autograders
    before the sandboxed pipeline wrote none), so they show as could-not-be-marked, not pending.
    The technical error goes to the log, never to the learner."""
    state = course.state_folder()
    for student, error in failed.items():
        if record_path(state, assignment, student).exists():
            continue
        logging.getLogger("qispread.cohort").warning("%s/%s could not be marked: %s",
                                                     assignment, student, error)
        folder = course.folder("submitted", student, assignment)
        write_record(state, assignment, student, Record(
            checksum=submission_checksum(folder), state=store.FAILED,
            reason="the notebook could not be run to the end",
            graded_at=datetime.now(UTC).isoformat()))


def standings_of(course, assignments: list[str], students: list[str]) -> list[Standing]:
    """Every learner's standing on every assignment (learners who submitted without being on the
    roster are included too)."""
    from nbgrader.api import MissingEntry

    deadlines = load(course.state_folder())
    out = []
    with course.gradebook() as gb:
        for assignment in assignments:
            try:
                rows = {s.student.id: s for s in gb.find_assignment(assignment).submissions}
                max_score = gb.find_assignment(assignment).max_score
            except MissingEntry:
                rows, max_score = {}, 0.0
            submitted = course.submitted_students(assignment)
            deadline = deadlines.get(assignment, Deadline())
            for student in sorted(set(students) | set(submitted)):
                out.append(_standing(course, assignment, student, student in submitted,
                                     rows.get(student), max_score, deadline))
    return out


def _standing(course, assignment: str, student: str, submitted: bool, row, max_score: float,
              deadline: Deadline) -> Standing:
    common: dict[str, Any] = dict(student=student, assignment=assignment, max_score=max_score,
                  due=deadline.due_for(student), extended=deadline.extended(student))
    if not submitted:
        return Standing(state=NOT_SUBMITTED, **common)
    folder = course.folder("submitted", student, assignment)
    submitted_at = course.coursedir.get_existing_timestamp(str(folder))
    late_by = deadline.late_by(student, submitted_at)
    common.update(submitted_at=submitted_at, late_by=late_by)
    record = read_record(course.state_folder(), assignment, student)
    if record is None or record.checksum != submission_checksum(folder):
        return Standing(state=AWAITING_AUTOGRADE, **common)
    common.update(tampering=record.tampering, tampering_detail=record.tampering_detail)
    if record.state == store.FAILED or row is None:
        reason = record.reason or "autograding stopped before it could record a mark"
        return Standing(state=FAILED, reason=reason, **common)
    stale = read_stale_marks(course.state_folder(), assignment, student) is not None
    if row.needs_manual_grade:  # any late penalty is known once the marks are
        return Standing(state=AWAITING_MANUAL, stale_marks=stale, **common)
    # marked again since the resubmission: the old marks are history, not a flag
    penalty = penalty_now(course, assignment, row) if late_by else 0.0
    score = max(0.0, float(row.score) - penalty)
    return Standing(state=GRADED, score=score, late_penalty=penalty, **common)
