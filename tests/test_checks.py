"""The hints a learner sees when an answer is in a form that cannot be marked."""

import contextlib

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
    monkeypatch.setattr(checks.forms, "guesser", lambda space: seen.append(
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


def _run(tmp_path, *sources, grading=False, monkeypatch=None):
    """The cells run in a fresh kernel, as Run All runs them (stopping at an error), as a learner
    (no NBGRADER_EXECUTION) or as nbgrader's autograde."""
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    if grading:
        monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    else:
        monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(s) for s in sources])
    client = NotebookClient(nb, kernel_name="python3", timeout=120, allow_errors=grading,
                            resources={"metadata": {"path": str(tmp_path)}})
    with contextlib.suppress(CellExecutionError):
        client.execute()
    return nb.cells


def _text(cell, stream=None):
    return "".join(o.get("text", "") for o in cell.outputs
                   if o.output_type == "stream" and (stream is None or o.name == stream))


def test_under_nbgrader_a_check_shows_only_the_hint_and_fails(tmp_path, monkeypatch):
    from nbgrader.utils import determine_grade

    cell = _run(tmp_path, 'from qispread import checks\n'
                          'checks.choice("", ["yes", "no"], "Question 5")',
                grading=True, monkeypatch=monkeypatch)[0]
    errors = [o for o in cell.outputs if o.output_type == "error"]
    assert len(errors) == 1 and errors[0].ename == "AnswerProblem"
    shown = "\n".join(errors[0].traceback)
    assert "Question 5: you have not answered yet" in shown
    assert "File " not in shown and "Traceback" not in shown and len(errors[0].traceback) == 1
    cell.metadata["nbgrader"] = {"grade": True, "solution": False, "points": 1, "grade_id": "q5"}
    assert determine_grade(cell) == (0, 1)  # nbgrader records the failed test


def test_other_errors_keep_their_traceback(tmp_path, monkeypatch):
    cell = _run(tmp_path, 'from qispread import checks\nassert 1 == 2, "a bug"',
                monkeypatch=monkeypatch)[0]
    (error,) = [o for o in cell.outputs if o.output_type == "error"]
    assert error.ename == "AssertionError" and len(error.traceback) > 1


SLIPS = ['from qispread import checks',
         'answer_q1 = seventy', 'q1 = checks.number(answer_q1, "Question 1")',
         'answer_q2 = 93%', 'q2 = checks.number(answer_q2, "Question 2")',
         'answer_q3 = 92,5', 'q3 = checks.number(answer_q3, "Question 3")',
         'answer_q4 = ""', 'q4 = checks.choice(answer_q4, "ABC", "Question 4")',
         'answer_q5 = b', 'q5 = checks.choice(answer_q5, "ABC", "Question 5")',
         'checks.summary()']


def test_a_learners_slips_get_hints_and_run_all_reaches_the_end(tmp_path, monkeypatch):
    cells = _run(tmp_path, *SLIPS, monkeypatch=monkeypatch)
    assert not [o for c in cells for o in c.outputs if o.output_type == "error"]
    assert "Question 1: 'seventy' is not a number" in _text(cells[2], "stderr")
    assert "Question 2: your answer 93 can be marked" in _text(cells[4])
    assert "Question 3: your answer 92.5 can be marked" in _text(cells[6])  # not (92, 5)
    assert "Question 4: you have not answered yet" in _text(cells[8], "stderr")
    assert "Question 5: your answer B can be marked" in _text(cells[10])
    assert "Still to do (2): Question 1, Question 4." in _text(cells[11])


def test_a_check_reports_the_answer_now_in_the_cell(tmp_path, monkeypatch):
    # before: `93%` was a SyntaxError, the old answer stayed, and the check reported it
    cells = _run(tmp_path, 'from qispread import checks', 'answer_q2 = 12', 'answer_q2 = 93%',
                 'checks.number(answer_q2, "Question 2")', monkeypatch=monkeypatch)
    assert "Question 2: your answer 93 can be marked" in _text(cells[3])


def test_under_nbgrader_slips_are_read_the_same_way(tmp_path, monkeypatch):
    cells = _run(tmp_path, *SLIPS, grading=True, monkeypatch=monkeypatch)
    # autograde runs on after a failed check (nbgrader executes with allow_errors)
    assert "Question 2: your answer 93 can be marked" in _text(cells[4])


def test_a_check_run_before_its_answer_gets_a_hint(tmp_path, monkeypatch):
    cells = _run(tmp_path, 'from qispread import checks', 'checks.choice(answer_q3, "AB", "Q3")',
                 grading=True, monkeypatch=monkeypatch)
    (error,) = [o for o in cells[1].outputs if o.output_type == "error"]
    assert error.ename == "AnswerProblem" and len(error.traceback) == 1  # still fails, no trace
    assert "Question 3: your answer has not been read yet" in error.traceback[0]


def test_summary_lists_what_is_left(capsys):
    from qispread.checks import reporting

    reporting.forget()
    checks.summary()
    assert "No check has run yet" in capsys.readouterr().out
    with pytest.raises(checks.AnswerProblem):
        checks.choice("", "AB", "Question 2")
    checks.choice("a", "AB", "Question 1")
    checks.summary()
    assert "Still to do (1): Question 2." in capsys.readouterr().out
    checks.choice("b", "AB", "Question 2")
    checks.summary()
    assert "All 2 checks passed" in capsys.readouterr().out
    reporting.forget()


def test_a_wrong_option_among_several_asks_for_a_list():
    with pytest.raises(checks.AnswerProblem, match="'Q' is not one of the options. List your "
                                                   "options from A, B, C between the quotes"):
        checks.choices("B, Q", "ABC", "Question 3")


def test_a_range_with_one_bound_is_explained():
    with pytest.raises(checks.AnswerProblem, match=r"outside the possible range \(0 to no limit\)"):
        checks.number(-2, "Q", minimum=0)
