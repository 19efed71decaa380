"""Step 1 of grading: read and sanitise a submission's notebooks as nbgrader's Autograde does
(its own preprocessors, in its order), and refuse one whose test cells are not all there."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbgrader.preprocessors import (
    CheckCellMetadata,
    ClearOutput,
    DeduplicateIds,
    OverwriteCells,
    OverwriteKernelspec,
)
from traitlets.config import Config

from qispread.grading.execute import SubmissionFailed

# nbgrader's Autograde.sanitize_preprocessors; a test checks they still are
SANITISE = [ClearOutput, DeduplicateIds, OverwriteKernelspec, OverwriteCells, CheckCellMetadata]
DAMAGED = "the notebook file is damaged and cannot be read"
TEST_CELL_CHANGED = "a test cell was deleted or changed"


@dataclass
class Job:
    student: str
    assignment: str
    notebooks: list[str]  # submitted notebook paths
    dest: str  # the autograded folder, already filled with the submission's other files
    db_url: str
    test_cells: dict  # notebook id -> {grade_id: points} of its autograded test cells


def resources(job: Job, notebook_id: str) -> dict:
    return {
        "unique_key": notebook_id,
        "output_files_dir": f"{notebook_id}_files",
        "metadata": {"name": notebook_id, "path": job.dest},
        "nbgrader": {"student": job.student, "assignment": job.assignment,
                     "notebook": notebook_id, "db_url": job.db_url},
    }


def is_test_cell(cell) -> bool:
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return cell.cell_type == "code" and meta.get("grade") and not meta.get("solution")


def test_cells(notebook: Path) -> dict:
    """{grade_id: points} of a source notebook's autograded test cells."""
    nb = nbformat.read(notebook, as_version=4)
    return {c.metadata["nbgrader"]["grade_id"]: c.metadata["nbgrader"].get("points", 0)
            for c in nb.cells if is_test_cell(c)}


def sanitise(job: Job, path: str, cfg: Config):
    notebook_id = Path(path).stem
    try:
        nb = nbformat.read(path, as_version=nbformat.NO_CONVERT)
    except Exception:  # truncated JSON, not a notebook at all, unknown format
        raise SubmissionFailed(DAMAGED) from None
    found = {}
    for cell in nb.get("cells", []):
        if is_test_cell(cell):
            found[cell.metadata["nbgrader"].get("grade_id")] = cell.metadata["nbgrader"].get(
                "points")
    expected = job.test_cells.get(notebook_id, {})
    if any(found.get(grade_id) is None for grade_id in expected):
        raise SubmissionFailed(TEST_CELL_CHANGED)
    state = resources(job, notebook_id)
    try:
        for pp in SANITISE:
            nb, state = pp(config=cfg)(nb, state)
    except Exception as exc:
        raise SubmissionFailed(f"{TEST_CELL_CHANGED} ({exc})") from None
    # stock nbgrader writes the sanitised notebook and reads it back
    return nbformat.reads(nbformat.writes(nb), as_version=nbformat.NO_CONVERT)
