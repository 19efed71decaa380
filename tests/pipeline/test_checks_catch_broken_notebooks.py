"""Each notebook check fails on a notebook broken in the way it looks for (tests/pipeline/broken/),
and passes a clean one: a check that could never fail would prove nothing."""

from pathlib import Path

import pytest

from pipeline.checks import (
    hygiene_problems,
    leaked_markers,
    leaked_solution_lines,
    repeated_grade_ids,
)

BROKEN = Path(__file__).resolve().parent / "broken"


def test_a_clean_notebook_passes_every_check():
    clean = BROKEN / "clean.ipynb"
    assert hygiene_problems(clean) == []
    assert repeated_grade_ids(clean) == []
    assert leaked_markers(clean.read_text()) == []


@pytest.mark.parametrize(("name", "problem"), [
    ("has_outputs.ipynb", "clear the outputs of cells [1]"),
    ("has_execution_count.ipynb", "clear the outputs of cells [0]"),
    ("wrong_kernel.ipynb", "python3 kernel"),
    ("invalid.ipynb", "not a valid notebook"),
])
def test_hygiene_check_catches(name, problem):
    problems = hygiene_problems(BROKEN / name)
    assert len(problems) == 1 and problem in problems[0]


def test_grade_id_check_catches_a_repeated_id():
    assert repeated_grade_ids(BROKEN / "repeated_grade_id.ipynb") == ["q1_test"]


def test_leak_check_catches_a_marker_left_in_a_release():
    assert leaked_markers((BROKEN / "leaks_marker.ipynb").read_text()) == [
        "BEGIN SOLUTION", "END SOLUTION"]


def test_leak_check_catches_a_solution_line_in_a_release():
    source = BROKEN / "leak_source.ipynb"
    assert leaked_solution_lines(source, BROKEN / "leak_release.ipynb") == [
        "answer_q2 = 'the one only the tutor knows'"]
    assert leaked_solution_lines(source, BROKEN / "no_leak_release.ipynb") == []
