"""Committed notebooks are clean: no outputs, the python3 kernel, valid nbformat, unique grade
ids."""

from collections import Counter

import nbformat
import pytest

from pipeline.notebooks import ROOT, ids, notebooks

ALL = notebooks()


def test_there_are_notebooks_to_check():
    assert (ROOT / "course" / "00_start_here" / "start_here.ipynb") in ALL


@pytest.mark.parametrize("path", ALL, ids=ids(ALL))
def test_notebook_is_committed_clean(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    assert nb.metadata.get("kernelspec", {}).get("name") == "python3", (
        f"{path.name} must use the python3 kernel")
    dirty = [i for i, c in enumerate(nb.cells)
             if c.cell_type == "code" and (c.outputs or c.execution_count is not None)]
    assert not dirty, f"{path.name}: clear the outputs of cells {dirty} before committing"


@pytest.mark.parametrize("path", ALL, ids=ids(ALL))
def test_grade_ids_are_unique(path):
    nb = nbformat.read(path, as_version=4)
    grade_ids = Counter(
        c.metadata["nbgrader"]["grade_id"] for c in nb.cells
        if "grade_id" in c.metadata.get("nbgrader", {})
    )
    repeated = [g for g, n in grade_ids.items() if n > 1]
    assert not repeated, f"{path.name}: grade ids used more than once: {repeated}"
