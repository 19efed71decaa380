"""nbgrader's Validator (the learner's Validate button) passes every assignment's solution and
fails its untouched release: a blank release whose tests pass would check nothing.

That stock nbgrader's autograde gives the solution full automatic marks and the untouched release
zero is checked on the same two submissions in test_autograde_parallel.py."""

import shutil

import pytest
from nbgrader.validator import Validator
from pipeline.notebooks import ROOT

from qispread.grading.build import RELEASE, SOURCE, assignment_ids


@pytest.mark.parametrize("assignment", assignment_ids(ROOT))
def test_validator_passes_the_solution_and_fails_the_blank(tmp_path, assignment):
    validator = Validator()
    # copies, so that files a notebook writes (a tool's my_*.json) never land in the repository
    solution = shutil.copytree(ROOT / SOURCE / assignment, tmp_path / SOURCE / assignment)
    blank = shutil.copytree(ROOT / RELEASE / assignment, tmp_path / RELEASE / assignment)
    for notebook in sorted(solution.glob("*.ipynb")):
        assert "failed" not in validator.validate(str(notebook)), f"{notebook.name} fails its tests"
    for notebook in sorted(blank.glob("*.ipynb")):
        assert validator.validate(str(notebook)).get("failed"), (
            f"the blank {notebook.name} passes validation: its tests check nothing")
