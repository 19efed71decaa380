"""Due dates, per-learner extensions and late penalties, kept where nbgrader looks for them.

The tutor's choices are written to one file beside the gradebook (the record the cohort commands
read) and into nbgrader's own gradebook: the assignment's `duedate` and each submission's
`extension`, so nbgrader's `AssignLatePenalties` step and its late-submission plug-in
(`qispread.grading.cohort.late_penalty.PercentPerDay`) see the same deadline as `status` does.
All times are stored in UTC, as nbgrader stores them.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from qispread.errors import DataProblem
from qispread.grading.cohort.store import deadlines_path, write_json

DATE_HELP = "Write it as YYYY-MM-DD HH:MM (UTC), for example 2026-03-06 17:00."


@dataclass
class Deadline:
    due: datetime | None = None  # naive UTC, as nbgrader keeps it
    penalty_percent_per_day: float = 0.0
    extensions: dict[str, datetime] = field(default_factory=dict)  # learner -> new due (UTC)

    def due_for(self, student: str) -> datetime | None:
        """The learner's due date: their extension, unless the cohort's is later (a due date
        moved past an extension leaves it with no effect)."""
        extension = self.extensions.get(student)
        if extension is None or self.due is None:
            return self.due
        return max(extension, self.due)

    def extended(self, student: str) -> bool:
        return self.due_for(student) != self.due

    def late_by(self, student: str, submitted_at: datetime | None) -> timedelta | None:
        """How late a submission was against this learner's due date; None when on time."""
        due = self.due_for(student)
        if due is None or submitted_at is None or submitted_at <= due:
            return None
        return submitted_at - due

    def penalty(self, score: float, seconds_late: float) -> float:
        """Marks taken off: the percentage per day or part of a day late, up to the whole score."""
        if seconds_late <= 0 or not self.penalty_percent_per_day:
            return 0.0
        days = math.ceil(seconds_late / 86400)
        return min(score, score * self.penalty_percent_per_day * days / 100)


def parse_when(text: str) -> datetime:
    """A tutor's date and time as naive UTC; a date alone means the end of that day."""
    from dateutil import parser

    try:
        when = parser.isoparse(text.strip())
    except (ValueError, OverflowError):
        raise DataProblem(f"'{text}' is not a date and time. {DATE_HELP}") from None
    if when.tzinfo is not None:
        when = when.astimezone(UTC).replace(tzinfo=None)
    if len(text.strip()) == 10:  # a bare date: the deadline is the end of that day
        when = when.replace(hour=23, minute=59, second=59)
    return when


def show_when(when: datetime | None) -> str:
    return when.strftime("%Y-%m-%d %H:%M UTC") if when else ""


def show_delay(delay: timedelta) -> str:
    """'2 days 3 h', '4 h 10 min', '7 s': how late, in words a tutor reads at a glance."""
    seconds = int(delay.total_seconds())
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    if days:
        return f"{days} day{'s' if days > 1 else ''} {hours} h"
    if hours:
        return f"{hours} h {minutes} min"
    if minutes:
        return f"{minutes} min {secs} s"
    return f"{max(secs, 1)} s"


def load(state_folder: Path) -> dict[str, Deadline]:
    path = deadlines_path(Path(state_folder))
    if not path.exists():
        return {}
    raw = json.loads(path.read_text(encoding="utf-8"))
    return {name: Deadline(
        due=datetime.fromisoformat(entry["due"]) if entry.get("due") else None,
        penalty_percent_per_day=float(entry.get("penalty_percent_per_day", 0)),
        extensions={s: datetime.fromisoformat(w) for s, w in entry.get("extensions", {}).items()},
    ) for name, entry in raw.items()}


def save(state_folder: Path, deadlines: dict[str, Deadline]) -> None:
    raw = {name: {"due": d.due.isoformat() if d.due else None,
                  "penalty_percent_per_day": d.penalty_percent_per_day,
                  "extensions": {s: w.isoformat() for s, w in sorted(d.extensions.items())}}
           for name, d in sorted(deadlines.items())}
    write_json(deadlines_path(Path(state_folder)), raw)


def for_assignment(state_folder: Path, assignment: str) -> Deadline:
    return load(state_folder).get(assignment, Deadline())


def set_due(course, assignment: str, due: datetime, penalty_percent_per_day: float) -> Deadline:
    if not 0 <= penalty_percent_per_day <= 100:
        raise DataProblem(f"A late penalty of {penalty_percent_per_day:g}% a day is not possible. "
                          "Give a percentage from 0 to 100.")
    deadlines = load(course.state_folder())
    deadline = deadlines.setdefault(assignment, Deadline())
    deadline.due, deadline.penalty_percent_per_day = due, penalty_percent_per_day
    save(course.state_folder(), deadlines)
    apply_to_gradebook(course, assignment)
    return deadline


def extend(course, assignment: str, student: str, until: datetime | None) -> tuple[bool, bool]:
    """Give one learner a later due date (None removes their extension). Returns (stored in
    nbgrader's gradebook now, which needs the assignment released; the learner was not in the
    gradebook before and was added, as nbgrader's autograde would add them)."""
    from qispread.grading.cohort.roster import check_id

    check_id(student, "The learner id")
    deadlines = load(course.state_folder())
    deadline = deadlines.get(assignment)
    if deadline is None or deadline.due is None:
        raise DataProblem(f"{assignment} has no due date yet, so there is nothing to extend. "
                          f"Set one first: qispread cohort deadline {assignment} --due ...")
    if until is not None and until <= deadline.due:
        raise DataProblem(f"The extension ({show_when(until)}) is not later than the due date "
                          f"({show_when(deadline.due)}). Give a later date and time.")
    with course.gradebook() as gb:
        new = student not in {s.id for s in gb.students}
    if until is None:
        deadline.extensions.pop(student, None)
    else:
        deadline.extensions[student] = until
    save(course.state_folder(), deadlines)
    stored = apply_to_gradebook(course, assignment)
    return stored, stored and new and until is not None


def apply_to_gradebook(course, assignment: str) -> bool:
    """Copy the due date and extensions into nbgrader's gradebook (once the assignment is
    released). An extension is stored when it is given, as nbgrader stores one: on the learner's
    submission row, made ahead of the submission (autograding fills it in later), with the learner
    added as a student first if the gradebook does not know them yet, as nbgrader's autograde
    would add them."""
    from nbgrader.api import MissingEntry

    deadline = for_assignment(course.state_folder(), assignment)
    with course.gradebook() as gb:
        try:
            gb.find_assignment(assignment)
        except MissingEntry:
            return False  # released later: `release` and `autograde` apply it then
        gb.update_or_create_assignment(assignment, duedate=deadline.due)
        for row in gb.find_assignment(assignment).submissions:
            row.extension = _extension(deadline, row.student.id)
        known = {s.id for s in gb.students}
        for student in deadline.extensions:
            if deadline.extended(student):
                if student not in known:
                    gb.update_or_create_student(student)
                gb.update_or_create_submission(assignment, student,
                                               extension=_extension(deadline, student))
        gb.db.commit()
    return True


def _extension(deadline: Deadline, student: str) -> timedelta | None:
    """nbgrader's form of an extension: the time added to the assignment's due date."""
    due, until = deadline.due, deadline.due_for(student)
    return until - due if deadline.extended(student) and due and until else None
