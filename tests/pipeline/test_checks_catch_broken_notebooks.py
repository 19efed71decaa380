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


@pytest.mark.parametrize(("name", "markers"), [
    ("leaks_marker.ipynb", ["BEGIN SOLUTION", "END SOLUTION"]),
    ("leaks_hidden_tests.ipynb", ["BEGIN HIDDEN TESTS"]),
    ("leaks_mark_scheme.ipynb", ["BEGIN MARK SCHEME"]),
])
def test_leak_check_catches_a_marker_left_in_a_release(name, markers):
    assert leaked_markers((BROKEN / name).read_text()) == markers


@pytest.mark.parametrize(("release", "line"), [
    ("leak_release.ipynb", "answer_q2 = 'the one only the tutor knows'"),
    ("leak_hidden_test_release.ipynb", "assert answer_q2.startswith('the one')"),
    ("leak_mark_scheme_release.ipynb", "Full marks for: skewed data pull the mean about."),
])
def test_leak_check_catches_a_secret_line_in_a_release(release, line):
    """A line from a solution, a hidden test or a mark scheme of the source, found in a release."""
    assert leaked_solution_lines(BROKEN / "leak_source.ipynb", BROKEN / release) == [line]


def test_leak_check_passes_a_release_without_secret_lines():
    assert leaked_solution_lines(BROKEN / "leak_source.ipynb",
                                 BROKEN / "no_leak_release.ipynb") == []
