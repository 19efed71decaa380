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


def test_a_yes_no_question_lists_the_words_it_asks_for():
    assert checks.choice("Yes", ["yes", "no"], "Question 5") == "YES"
    assert checks.choice('"no"', ["yes", "no"], "Question 5") == "NO"
    with pytest.raises(checks.AnswerProblem, match="one of yes, no between") as caught:
        checks.choice("", ["yes", "no"], "Question 5")
    assert "YES" not in str(caught.value)


@pytest.mark.parametrize("typed", ["P, O, B", "POB", "p o b", ["P", "o", "B"]])
def test_letters_takes_one_letter_per_item_in_order(typed):
    assert checks.letters(typed, "OPB", 3, "Q") == ["P", "O", "B"]


@pytest.mark.parametrize("typed, hint", [
    ("", "not answered yet"), ("P, O", "for each of the 3 items"), ("P, O, X", "not one of"),
])
def test_letters_explains_what_is_wrong(typed, hint):
    with pytest.raises(checks.AnswerProblem, match=hint):
        checks.letters(typed, "OPB", 3, "Q")


def test_each_check_declares_its_answer_space(monkeypatch):
    seen = []
    monkeypatch.setattr(checks, "guesser", lambda space: seen.append(
        [space.nth(i) for i in range(space.size)]) or space.nth(0))
    checks.choice("ignored", "ABC", "Q")
    checks.choices("ignored", "AB", "Q")
    checks.sequence("ignored", "ABC", "Q")
    checks.number("ignored", "Q", minimum=1, maximum=3)
    checks.letters("ignored", "XY", 2, "Q")
    assert seen == [
        ["A", "B", "C"],
        [["A"], ["B"], ["A", "B"]],
        [list("ABC"), list("ACB"), list("BAC"), list("BCA"), list("CAB"), list("CBA")],
        [1.0, 2.0, 3.0],
        [["X", "X"], ["Y", "X"], ["X", "Y"], ["Y", "Y"]],
    ]


def _run_check_cell(tmp_path, source):
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source)])
    NotebookClient(nb, kernel_name="python3", allow_errors=True, timeout=120,
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    return nb.cells[0]


def test_a_check_cell_shows_the_hint_without_a_traceback_and_still_fails(tmp_path):
    from nbgrader.utils import determine_grade

    cell = _run_check_cell(tmp_path, 'from qispread import checks\n'
                                     'checks.choice("", ["yes", "no"], "Question 5")')
    errors = [o for o in cell.outputs if o.output_type == "error"]
    assert len(errors) == 1 and errors[0].ename == "AnswerProblem"
    shown = "\n".join(errors[0].traceback)
    assert "Question 5: you have not answered yet" in shown
    assert "File " not in shown and "Traceback" not in shown and len(errors[0].traceback) == 1
    cell.metadata["nbgrader"] = {"grade": True, "solution": False, "points": 1, "grade_id": "q5"}
    assert determine_grade(cell) == (0, 1)  # nbgrader records the failed test


def test_other_errors_keep_their_traceback(tmp_path):
    cell = _run_check_cell(tmp_path, 'from qispread import checks\nassert 1 == 2, "a bug"')
    (error,) = [o for o in cell.outputs if o.output_type == "error"]
    assert error.ename == "AssertionError" and len(error.traceback) > 1
