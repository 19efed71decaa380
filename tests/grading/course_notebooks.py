"""The assignments the cohort tests grade, and their notebooks in a generated course (helpers the
test modules import; the fixtures are in conftest.py)."""

from __future__ import annotations

from pathlib import Path

import nbformat
import sample_course as sc

PROJECT = Path(__file__).resolve().parents[2]
ASSIGNMENTS = [sc.SAMPLE, *sc.project_assignments(PROJECT)]


def release_notebooks(course, assignment: str) -> dict[str, nbformat.NotebookNode]:
    folder = course.folder("release", assignment=assignment)
    return {p.name: nbformat.read(p, 4) for p in sorted(folder.glob("*.ipynb"))}


def source_notebooks(course, assignment: str) -> dict[str, nbformat.NotebookNode]:
    folder = course.folder("source", assignment=assignment)
    return {p.name: nbformat.read(p, 4) for p in sorted(folder.glob("*.ipynb"))}
