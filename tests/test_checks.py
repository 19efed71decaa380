"""The hints a learner sees when an answer is in a form that cannot be marked."""

import pytest

from qispread import checks


@pytest.mark.parametrize("typed", ["C", "c", " c ", "C."])
def test_choice_accepts_a_letter_however_typed(typed):
    assert checks.choice(typed, "ABCD", "Question 1") == "C"


@pytest.mark.parametrize("typed, hint", [
    ("", "not answered yet"),
    (None, "not answered yet"),
    ("about a third", "not one of the options"),
    ("E", "not one of the options"),
])
def test_choice_explains_what_is_wrong(typed, hint):
    with pytest.raises(checks.AnswerProblem, match=hint) as caught:
        checks.choice(typed, "ABCD", "Question 1")
    assert "Question 1" in str(caught.value)


def test_choices_accepts_a_list_or_text_and_ignores_repeats():
    assert checks.choices("a, c c", "ABCD", "Q") == ["A", "C"]
    assert checks.choices(["d", "B"], "ABCD", "Q") == ["B", "D"]


@pytest.mark.parametrize("typed, value", [("12.5", 12.5), ("12,5", 12.5), ("40%", 40.0), (7, 7.0)])
def test_number_understands_common_ways_of_typing(typed, value):
    assert checks.number(typed, "Q") == value


@pytest.mark.parametrize("typed, hint", [
    (..., "not answered yet"), ("twelve", "not a number"), (True, "not True or False"),
])
def test_number_explains_what_is_wrong(typed, hint):
    with pytest.raises(checks.AnswerProblem, match=hint):
        checks.number(typed, "Q")


def test_number_outside_the_possible_range_is_flagged():
    with pytest.raises(checks.AnswerProblem, match="outside the possible range"):
        checks.number(140, "Q", minimum=0, maximum=100)


def test_sequence_needs_every_option_once():
    assert checks.sequence("b, a, d, c", "ABCD", "Q") == ["B", "A", "D", "C"]
    with pytest.raises(checks.AnswerProblem, match="exactly once"):
        checks.sequence("A, A, B, C", "ABCD", "Q")


def test_answer_problems_fail_nbgrader_tests():
    # nbgrader marks a test cell wrong when it raises; an AssertionError reads as a failed check.
    assert issubclass(checks.AnswerProblem, AssertionError)
