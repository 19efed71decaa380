"""Answer cells are read as a learner means them (issue 24 §3): the rewrite, line by line."""

import pytest

from qispread.checks.slips import question_of, rewrite


def value(source: str, name: str = "answer_q1"):
    namespace: dict = {}
    exec(rewrite(source), namespace)  # noqa: S102 - the rewritten cell, as the kernel runs it
    return namespace[name]


@pytest.mark.parametrize("typed, meant", [
    ("answer_q1 = seventy", "seventy"),  # was a NameError
    ("answer_q1 = 93%", "93%"),  # was a SyntaxError
    ("answer_q1 = 92,5", "92,5"),  # was the pair (92, 5)
    ("answer_q1 = C, D, B, A", "C, D, B, A"),
    ('answer_q1 = "B', "B"),  # an unclosed quote
    ("answer_q1 = 'I don't know'", "I don't know"),
    ("answer_q1 = \u201cB\u201d", "B"),  # curly quotes from a word processor
    ("answer_q1 = four of five patients", "four of five patients"),
    ("answer_q1 =", ""),
    ("answer_q1 = 3/0", "3/0"),  # a sum that fails is kept as typed
    ("answer_q1 = 10**100**100", "10**100**100"),  # powers are not worked out
])
def test_slips_become_the_text_as_typed(typed, meant):
    assert value(typed) == meant


@pytest.mark.parametrize("typed, meant", [
    ('answer_q1 = "B"', "B"), ("answer_q1 = 12.5", 12.5), ("answer_q1 = -3", -3),
    ("answer_q1 = 1000 * 57 / 9088", 1000 * 57 / 9088), ("answer_q1 = ...", ...),
    ('answer_q1 = ["A",\n  "C"]', ["A", "C"]), ('answer_q1 = """two\nlines"""', "two\nlines"),
])
def test_plain_values_stay_python(typed, meant):
    assert value(typed) == meant


def test_solution_markers_and_later_answers_are_kept():
    source = 'answer_q1 = ""\n### BEGIN SOLUTION\nanswer_q1 = N, H\n### END SOLUTION\n'
    assert value(source) == "N, H"
    assert rewrite(source).endswith("### END SOLUTION\n")


def test_a_stray_line_is_a_hint_not_code(capsys):
    assert value('answer_q2a = ""\nC', "answer_q2a") == ""
    assert "Question 2a: the line 'C' is not part of your answer" in capsys.readouterr().err


def test_other_cells_are_left_alone():
    for source in ["x = seventy", "checks.summary()", "# answer_q1 = 3\nprint(1)"]:
        assert rewrite(source) == source


def test_question_names():
    assert question_of("answer_q2a") == "Question 2a"
    assert question_of("answer_q2_mean_moving_range") == "Question 2 (mean moving range)"
