"""What a learner sees of the assignments is answers, not code (issue 23): in every released
assignment each code cell that is not an answer shows at most one line of code, defines nothing,
and the only import is `from qispread import checks`. Answer lines (`answer_qN = ...`) are the
learner's own and are not counted."""

import ast
import re

import nbformat
import pytest
from pipeline.notebooks import ROOT

RELEASED = sorted((ROOT / "exercises").glob("*/*.ipynb"))
ANSWER = re.compile(r"^answer_\w+\s*=")
IMPORT = "from qispread import checks"


def visible_code(source: str) -> list[str]:
    return [line for line in source.splitlines()
            if line.strip() and not line.lstrip().startswith("#") and not ANSWER.match(line)]


def code_cells(path):
    return [c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]


def test_every_assignment_is_counted():
    assert len(RELEASED) == 12


@pytest.mark.parametrize("path", RELEASED, ids=lambda p: p.parent.name)
def test_each_cell_shows_at_most_one_line_of_code(path):
    long = {c.get("id"): visible_code(c.source) for c in code_cells(path)
            if len(visible_code(c.source)) > 1}
    assert not long, f"{path.parent.name}: cells with more than one line of code: {long}"


@pytest.mark.parametrize("path", RELEASED, ids=lambda p: p.parent.name)
def test_no_definitions_and_no_import_but_the_checks(path):
    for cell in code_cells(path):
        shown = visible_code(cell.source)
        tree = ast.parse("\n".join(shown))
        defined = [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.ClassDef,
                                                                ast.Lambda))]
        imports = [line for line in shown if re.match(r"\s*(import|from)\s", line)]
        assert not defined, f"{path.parent.name}: {cell.source}"
        assert imports in ([], [IMPORT]), f"{path.parent.name}: {imports}"


@pytest.mark.parametrize("path", RELEASED, ids=lambda p: p.parent.name)
def test_checks_are_ready_first_and_collapsed(path):
    cells = code_cells(path)
    assert cells[0].source.splitlines()[-1] == IMPORT
    for cell in cells:
        grading = cell.metadata.get("nbgrader", {})
        if grading.get("grade") and not grading.get("solution"):
            assert cell.metadata.get("jupyter", {}).get("source_hidden"), cell.source
            assert cell.source.startswith("# Checks"), cell.source  # says what it checks
    assert cells[-1].source.splitlines()[-1] == "checks.summary()"


def test_the_count_catches_code_in_a_check_cell():
    assert len(visible_code('# a check\nfrom pathlib import Path\nq = checks.x("Q")')) == 2
    assert visible_code('answer_q1 = "B"\n# comment') == []
