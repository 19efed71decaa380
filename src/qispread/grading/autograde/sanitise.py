"""Step 1 of grading: read and sanitise a submission's notebooks as nbgrader's Autograde does
(its own preprocessors, in its order), and refuse one whose test cells are not all there. Then
make the copy the learner's kernel is given, which holds no hidden test."""

from __future__ import annotations

import ast
import builtins
import copy
from pathlib import Path

import nbformat
from nbgrader.preprocessors import (
    ClearHiddenTests,
)
from traitlets.config import Config

from qispread.grading.autograde.handover import Job, SubmissionFailed
from qispread.grading.cells import is_test_cell
from qispread.grading.nbgrader_seam import SANITISE

DAMAGED = "the notebook file is damaged and cannot be read"
TEST_CELL_CHANGED = "a test cell was deleted or changed"


def resources(job: Job, notebook_id: str) -> dict:
    return {
        "unique_key": notebook_id,
        "output_files_dir": f"{notebook_id}_files",
        "metadata": {"name": notebook_id, "path": job.dest},
        "nbgrader": {"student": job.student, "assignment": job.assignment,
                     "notebook": notebook_id, "db_url": job.db_url},
    }


def test_cells(notebook: Path) -> dict:
    """{grade_id: points} of a source notebook's autograded test cells."""
    nb = nbformat.read(notebook, as_version=4)
    return {c.metadata["nbgrader"]["grade_id"]: c.metadata["nbgrader"].get("points", 0)
            for c in nb.cells if is_test_cell(c)}


def _names(source: str) -> tuple[set[str], set[str]]:
    """(names a cell binds, names it uses without binding them)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return set(), set()
    bound: set[str] = set()
    used: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            (bound if isinstance(node.ctx, ast.Store) else used).add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            bound.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            bound.update((a.asname or a.name).split(".")[0] for a in node.names)
    free = {n for n in used - bound if not n.startswith("answer_") and not hasattr(builtins, n)}
    return bound, free


def setup_code(notebook: Path) -> dict:
    """For each test cell of a source notebook, the course's own given cells (locked, not an
    answer) that define names it uses, in order: a test cell that uses, say, a data frame a
    given cell made gets that cell run before it in the clean process. Never learner code."""
    cells = nbformat.read(notebook, as_version=4).cells
    setup = {}
    for index, cell in enumerate(cells):
        if not is_test_cell(cell):
            continue
        needed = _names(cell.source)[1]
        chosen: list[str] = []
        for earlier in reversed(cells[:index]):
            meta = earlier.get("metadata", {}).get("nbgrader", {})
            if not needed or earlier.cell_type != "code" or meta.get("solution") \
                    or not meta.get("locked"):
                continue
            bound, free = _names(earlier.source)
            if bound & needed:
                chosen.insert(0, earlier.source)
                needed = (needed - bound) | free
        setup[cell.metadata["nbgrader"]["grade_id"]] = chosen
    return setup


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


def visible_parts(sanitised, cfg: Config) -> dict[str, str]:
    """{grade_id: a test cell's visible part}: its source without the hidden tests, removed by
    nbgrader's own ClearHiddenTests (with the course's delimiters), so exactly the cell that was
    released to learners."""
    clear = ClearHiddenTests(config=cfg)
    parts = {}
    for index, cell in enumerate(sanitised.cells):
        if is_test_cell(cell):
            visible, _ = clear.preprocess_cell(copy.deepcopy(cell), {}, index)
            parts[cell.metadata["nbgrader"]["grade_id"]] = visible.source
    return parts


def for_kernel(sanitised, visible: dict[str, str]):
    """The copy of a sanitised notebook that the learner's kernel is given: each test cell holds
    only its visible part, and text cells are empty (mark schemes live there; a kernel runs only
    code). Hidden tests run only in the clean re-check (recheck.py)."""
    nb = copy.deepcopy(sanitised)
    for cell in nb.cells:
        if is_test_cell(cell):
            cell.source = visible[cell.metadata["nbgrader"]["grade_id"]]
        elif cell.cell_type != "code":
            cell.source = ""
    return nb
