"""qispread's own grading state: the one module that knows its files, their names and formats.
They live in the course's state folder (`Course.state_folder()`, beside nbgrader's autograded
folder, under the git-ignored gradebook/):

    <state>/<assignment>/<learner>.json              autograding's Record of one submission
    <state>/<assignment>/<learner>.stale-marks.json  manual marks given to an older submission
    <state>/<assignment>/collect.json                what the last collect found, per learner
    <state>/deadlines.json                           due dates, penalties and extensions
    <state>/lms-exports/<layout>.json                the cells of the last export for an LMS

Every function takes the state folder itself, so nbgrader's plug-ins (which have a
CourseDirectory, not a Course) find the same files as the cohort commands."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

GRADED = "graded"
FAILED = "failed"


@dataclass(frozen=True)
class Record:
    """Autograding's outcome for one submission, tied to its files by their checksum."""
    checksum: str | None
    state: str = GRADED  # GRADED or FAILED
    reason: str | None = None  # why it could not be marked, in plain words
    tampering: bool = False
    tampering_detail: str | None = None
    graded_at: str | None = None  # ISO 8601, UTC


def submission_checksum(folder: Path) -> str:
    """Checksum over every file of a submission (names and contents, timestamp.txt included)."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def read_json(path: Path) -> Any:
    """A state file's contents, or None when it is missing or unreadable."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def write_json(path: Path, value: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(value, indent=1), encoding="utf-8")


def record_path(state: Path, assignment: str, student: str) -> Path:
    return state / assignment / f"{student}.json"


def read_record(state: Path, assignment: str, student: str) -> Record | None:
    """The submission's record; older records, which hold only the checksum, read as graded."""
    raw = read_json(record_path(state, assignment, student))
    if not isinstance(raw, dict):
        return None
    return Record(checksum=raw.get("checksum"), state=raw.get("state") or GRADED,
                  reason=raw.get("reason"), tampering=bool(raw.get("tampering")),
                  tampering_detail=raw.get("tampering_detail"), graded_at=raw.get("graded_at"))


def write_record(state: Path, assignment: str, student: str, record: Record) -> None:
    write_json(record_path(state, assignment, student), asdict(record))


def forget_record(state: Path, assignment: str, student: str) -> None:
    record_path(state, assignment, student).unlink(missing_ok=True)


def stale_marks_path(state: Path, assignment: str, student: str) -> Path:
    return state / assignment / f"{student}.stale-marks.json"


def read_stale_marks(state: Path, assignment: str, student: str) -> dict | None:
    """{"checksum": the submission marked, "marks": {notebook/cell: manual mark}}, if any."""
    return read_json(stale_marks_path(state, assignment, student))


def write_stale_marks(state: Path, assignment: str, student: str, marked: dict) -> None:
    write_json(stale_marks_path(state, assignment, student), marked)


def collect_notes_path(state: Path, assignment: str) -> Path:
    return state / assignment / "collect.json"


def deadlines_path(state: Path) -> Path:
    return state / "deadlines.json"


def lms_export_path(state: Path, layout: str) -> Path:
    return state / "lms-exports" / f"{layout}.json"
