"""What the last export for an LMS held, so that a new one that would clear a grade is caught.

Moodle's importer reads an empty cell as "no grade" (grade/import/csv/classes/load_data.php,
update_grade_item) and Canvas's treats an empty cell where it holds a score as a change
(GradebookImporter#no_change_to_value? in Canvas's source): importing a blank over a grade sent
earlier removes it. The cells of each export are kept in
gradebook/qispread-state/lms-exports/<layout>.json, beside the rest of qispread's grading state.
"""

from __future__ import annotations

import json
from pathlib import Path

from qispread.grading.cohort.store import lms_export_path


def _path(course, layout: str) -> Path:
    return lms_export_path(course.state_folder(), layout)


def last_sent(course, layout: str) -> dict[str, dict[str, str]]:
    path = _path(course, layout)
    if not path.is_file():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def would_clear(course, layout: str, built) -> list[str]:
    """'learner: assignment (grade exported last time; state now)' for every cell that held a
    grade in the last export and is blank in this one."""
    before = last_sent(course, layout)
    out = []
    for student, cells in sorted(built.sent.items()):
        for assignment, cell in cells.items():
            old = before.get(student, {}).get(assignment, "")
            if old and not cell:
                out.append(f"{student}: {assignment} ({old} exported last time; now "
                           f"{built.labels[student][assignment]})")
    return out


def remember(course, layout: str, built) -> None:
    path = _path(course, layout)
    path.parent.mkdir(parents=True, exist_ok=True)
    merged = {**last_sent(course, layout), **built.sent}  # learners left out keep their record
    path.write_text(json.dumps(merged, indent=1, sort_keys=True), encoding="utf-8")
