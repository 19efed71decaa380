"""Committed notebooks are clean: no outputs, the python3 kernel, valid nbformat, unique grade
ids."""

import pytest

from pipeline.checks import hygiene_problems, repeated_grade_ids
from pipeline.notebooks import ROOT, ids, notebooks

ALL = notebooks()


def test_there_are_notebooks_to_check():
    assert (ROOT / "course" / "00_start_here" / "start_here.ipynb") in ALL


@pytest.mark.parametrize("path", ALL, ids=ids(ALL))
def test_notebook_is_committed_clean(path):
    problems = hygiene_problems(path)
    assert not problems, f"{path.name}: {'; '.join(problems)}"


@pytest.mark.parametrize("path", ALL, ids=ids(ALL))
def test_grade_ids_are_unique(path):
    repeated = repeated_grade_ids(path)
    assert not repeated, f"{path.name}: grade ids used more than once: {repeated}"
