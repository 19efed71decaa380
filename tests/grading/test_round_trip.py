"""Every assignment under nbgrader's Validator (the learner's Validate button): each solution
notebook runs from top to bottom in a fresh kernel and passes its tests, and the untouched release
fails them (a blank release whose tests pass would check nothing).

That stock nbgrader's autograde gives the solution full automatic marks and the untouched release
zero is checked on the same two submissions in test_autograde_parallel.py."""

import html
import re
import shutil

import pytest
from nbgrader.validator import Validator
from pipeline.notebooks import ROOT
from traitlets.config import Config

from qispread.grading.build import RELEASE, SOURCE, assignment_ids

ASSIGNMENTS = assignment_ids(ROOT)
CELL_TIMEOUT = 300  # seconds, as for the lessons (tests/pipeline/test_execute.py)


def validate(folder, **settings) -> dict[str, dict]:
    """The Validator's findings for each notebook in `folder`, run in a copy of it (files a
    notebook writes, such as a tool's my_*.json, never land in the repository)."""
    validator = Validator(config=Config({"Execute": {"timeout": CELL_TIMEOUT}}), **settings)
    return {notebook.name: validator.validate(str(notebook))
            for notebook in sorted(folder.glob("*.ipynb"))}


def _plain(error: str) -> str:
    return html.unescape(re.sub("<[^>]+>", "", error))  # the Validator gives errors as HTML


def _cells(findings: dict) -> str:
    return "\n\n".join(f"{kind}: {cell['source']}\n--> {_plain(cell.get('error', ''))}"
                       for kind, cells in findings.items() for cell in cells)


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_solution_runs_top_to_bottom_and_passes_its_tests(tmp_path, assignment):
    """validate_all, the Validator's strictest setting: no cell of any kind raises an error or
    writes to stderr, and every test cell earns its marks."""
    folder = shutil.copytree(ROOT / SOURCE / assignment, tmp_path / assignment)
    for name, findings in validate(folder, validate_all=True).items():
        assert not findings, f"{SOURCE}/{assignment}/{name}:\n{_cells(findings)}"


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_untouched_release_fails_validation(tmp_path, assignment):
    folder = shutil.copytree(ROOT / RELEASE / assignment, tmp_path / assignment)
    for name, findings in validate(folder).items():
        assert findings.get("failed"), (
            f"the blank {name} passes validation: its tests check nothing")
