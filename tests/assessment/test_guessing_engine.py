"""The guessing guard's arithmetic, on cells whose guessing odds are known by hand."""

import random
from math import factorial

import nbformat
import pytest

from assessment.guessing import CellBug, guess_cell


def _cell(source, points=1):
    cell = nbformat.v4.new_code_cell(source)
    cell.metadata["nbgrader"] = {"grade": True, "solution": False, "grade_id": "q",
                                 "points": points}
    return cell


@pytest.mark.parametrize("source, odds", [
    ('assert checks.choice(answer_q1, "ABCD", "Q") == "C"', 1 / 4),
    ('assert checks.choice(answer_q1, ["yes", "no"], "Q") == "NO"', 1 / 2),
    ('assert checks.choices(answer_q1, "ABC", "Q") == ["A", "C"]', 1 / 7),
    ('assert checks.sequence(answer_q1, "ABCD", "Q") == ["D", "B", "A", "C"]', 1 / 24),
    ('assert checks.number(answer_q1, "Q", minimum=0, maximum=20) == 17', 1 / 21),
    ('assert checks.letters(answer_q1, "OPB", 4, "Q") == list("POBP")', 1 / 81),
    ('assert checks.letters(answer_q1, "OPB", 4, "Q")[1] == "O"', 1 / 3),
    # two answers in one cell: both must be right
    ('assert checks.choice(answer_a, "AB", "Q") == "A"\n'
     'assert checks.choice(answer_b, "ABC", "Q") == "C"', 1 / 6),
])
def test_exact_odds(source, odds):
    guess = guess_cell(_cell("from qispread import checks\n" + source, points=2), random.Random(0))
    assert guess.exact
    assert guess.expected == pytest.approx(2 * odds)


def test_a_large_space_is_sampled_close_to_its_odds():
    source = ('from qispread import checks\n'
              'assert checks.sequence(answer_q1, "ABCDEFGH", "Q")[:2] == ["A", "B"]')
    guess = guess_cell(_cell(source), random.Random(1))
    assert factorial(8) > 5000 and not guess.exact
    assert guess.expected == pytest.approx(1 / 56, abs=0.01)


def test_a_giveaway_is_found():
    source = 'from qispread import checks\nchecks.choices(answer_q1, "ABCDEF", "Q")'
    assert guess_cell(_cell(source), random.Random(0)).expected == pytest.approx(1)


def test_an_answer_without_a_declared_space_is_refused():
    with pytest.raises(CellBug, match="without a check"):
        guess_cell(_cell('assert answer_q1.strip().lower() == "pdsa"'), random.Random(0))


def test_a_cell_that_is_not_self_contained_is_refused():
    source = 'from qispread import checks\nassert checks.choice(answer_q1, "AB", "Q") == key'
    with pytest.raises(CellBug, match="NameError"):
        guess_cell(_cell(source), random.Random(0))


def test_marks_for_saved_tool_work_are_not_earned_by_typing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    source = ('from pathlib import Path\n'
              'assert Path("my_diagram.json").exists(), "no diagram"')
    guess = guess_cell(_cell(source), random.Random(0))
    assert guess.tool and guess.expected == 0
