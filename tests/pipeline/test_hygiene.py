"""Committed notebooks are clean: no outputs, the python3 kernel, valid nbformat, unique grade
ids, and tools that save into the learner's own files."""

import ast
from pathlib import Path

import nbformat
import pytest

import qispread.widgets
from pipeline.checks import hygiene_problems, repeated_grade_ids
from pipeline.notebooks import ROOT, ids, notebooks
from qispread.grading.autograde.saved_work import is_saved_work

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


def _tool_files(path) -> list[str]:
    """The file names that the course's tools are opened on in a notebook's code cells."""
    tools = set(qispread.widgets.__all__)
    names = []
    for cell in nbformat.read(path, as_version=4).cells:
        if cell.cell_type != "code":
            continue
        try:
            tree = ast.parse(cell.source)
        except SyntaxError:  # a release's answer cell the learner has yet to fill
            continue
        names += [arg.value for call in ast.walk(tree) if isinstance(call, ast.Call)
                  and getattr(call.func, "id", getattr(call.func, "attr", None)) in tools
                  for arg in call.args
                  if isinstance(arg, ast.Constant) and str(arg.value).endswith(".json")]
    return names


def test_the_check_finds_the_files_tools_save_into():
    assert "my_aim.json" in _tool_files(
        ROOT / "course" / "01_model_for_improvement" / "model_for_improvement.ipynb")


@pytest.mark.parametrize("path", ALL, ids=ids(ALL))
def test_tools_save_into_files_kept_out_of_the_repository(path):
    """What a tool saves is the learner's (my_*.json): the autograder brings only that back out
    of the sandbox, git ignores it, and the lab, the learner edition and the website's build leave
    it out of their copies, so one person's edits never reach another's course or the published
    lessons."""
    others = [name for name in _tool_files(path) if not is_saved_work(Path(name))]
    assert not others, f"{path.name}: tools save into {others}; name them my_*.json"
