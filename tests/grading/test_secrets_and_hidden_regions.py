"""The feedback gate's parts that need no kernel: which lines of the course are secret, how a
page is searched for them (a classmate's id, the grader's environment), and how hidden tests are
cut out of a graded notebook before its feedback is drawn. The end-to-end runs are in
adversarial/ and test_feedback_no_leak.py (grading tier); these say which rule broke."""

from __future__ import annotations

import nbformat
import pytest
from sample_course import HIDDEN_MARKER, VISIBLE_HINT, sample_notebook

from qispread.grading.feedback.leak_gate import (
    Secrets,
    assignment_lines,
    environment_values,
    notebook_text,
    region_lines,
)
from qispread.grading.feedback.redact import (
    HIDDEN_FAILURE,
    PLACEHOLDER,
    RedactHiddenTests,
    failing_line,
    split_hidden,
    visible_text,
)

HIDDEN_LINE = f'assert even == 2.5, "{HIDDEN_MARKER} even-length lists"'
TEST_CELL = """odd = checks.number(answer_median_odd, "The median of 1, 3 and 9")
assert odd == 3, "hint"
    ### BEGIN HIDDEN TESTS
    even = checks.number(answer_median_even, "The median of 4, 1, 2 and 3")
    assert even == 2.5, "HIDDEN_CHECK_7f3a even-length lists"
    ### END HIDDEN TESTS
print("done")"""


# --- which lines are secret ---------------------------------------------------------------

def test_hidden_tests_mark_schemes_and_model_answers_are_secret_and_their_markers_are_not():
    source = ("answer = ...\n### BEGIN SOLUTION\nanswer = 3\n### END SOLUTION\n"
              "=== BEGIN MARK SCHEME ===\nFull marks for: skewed data\n=== END MARK SCHEME ===\n"
              "### BEGIN HIDDEN TESTS\n\nassert answer == 3\n### END HIDDEN TESTS\nshown()")
    inside, outside = region_lines(source)
    assert inside == ["answer = 3", "Full marks for: skewed data", "assert answer == 3"]
    assert outside == ["answer = ...", "shown()"]


def test_the_course_s_secrets_are_every_assignment_s_less_what_a_visible_part_shows(tmp_path):
    first, second = tmp_path / "01_a", tmp_path / "02_b"
    for folder in (first, second):
        folder.mkdir()
    nbformat.write(sample_notebook(), first / "medians.ipynb")
    other = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("### BEGIN HIDDEN TESTS\nassert total_beds == 412\n"
                                  "pass\nimport pandas as pd\n### END HIDDEN TESTS"),
        nbformat.v4.new_code_cell("import pandas as pd"),  # shown to learners: no secret
    ])
    nbformat.write(other, second / "beds.ipynb")
    secret = assignment_lines(tmp_path)
    assert HIDDEN_LINE in secret  # from the first assignment
    assert "Full marks for: skewed data; the run rules assume the median." in secret
    assert "answer_median_even = 2.5" in secret  # the model answer
    assert "assert total_beds == 412" in secret  # from the second
    assert "import pandas as pd" not in secret  # a visible cell shows it
    assert "pass" not in secret  # too short to mean a leak if seen elsewhere


# --- finding them on a page ---------------------------------------------------------------

SECRETS = Secrets(lines=[HIDDEN_LINE], people=["rose", "ana.okafor@nhs.net", "kim"],
                  environment=["s3cr3t-db-passw0rd"])


def test_a_hidden_line_on_a_page_is_found_unless_the_learner_typed_it():
    page = f"Your answer failed.\n{HIDDEN_LINE}\n"
    assert SECRETS.found_in(page) == [HIDDEN_LINE]
    assert SECRETS.found_in(page, own={HIDDEN_LINE}) == []  # theirs to see


def test_a_classmate_s_id_or_email_is_found_but_not_a_word_that_is_also_an_id():
    assert SECRETS.found_in("Compare with rose's chart") == ["rose"]
    assert SECRETS.found_in("Ask ANA.OKAFOR@NHS.NET") == ["ana.okafor@nhs.net"]
    # the learner wrote "the rate rose": the id tells the page's reader nothing
    assert SECRETS.found_in("Your note: the rate rose in May", own={"the rate rose"}) == []
    assert SECRETS.found_in("see prose, kimberley and kim-lee@x.org") == []  # not the ids as words
    assert SECRETS.found_in("Ask kim.") == ["kim"]
    assert SECRETS.found_in("rose wrote this", own={"rose"}) == []  # the learner's own id


def test_a_value_of_the_grader_s_environment_is_found():
    assert SECRETS.found_in("could not connect with s3cr3t-db-passw0rd") == ["s3cr3t-db-passw0rd"]


def test_environment_values_leave_out_short_values_paths_and_plain_words(monkeypatch):
    for name in list(__import__("os").environ):
        monkeypatch.delenv(name)
    monkeypatch.setenv("TOKEN", "ghp_4f9aLongToken")
    monkeypatch.setenv("SHORT", "abc123")
    monkeypatch.setenv("HOME", "/home/tutor/somewhere")
    monkeypatch.setenv("DEBIAN_FRONTEND", "noninteractive")
    assert environment_values("postgresql://tutor:db-Pa55word@127.0.0.1/grades") == [
        "db-Pa55word", "ghp_4f9aLongToken"]


def test_a_page_s_text_is_every_cell_s_source_and_output():
    cell = nbformat.v4.new_code_cell("x = 1")
    cell.outputs = [
        nbformat.v4.new_output("stream", name="stdout", text="printed"),
        nbformat.v4.new_output("error", ename="AssertionError", evalue="the value",
                               traceback=["frame one"]),
        nbformat.v4.new_output("display_data", data={"text/html": "<b>shown</b>"}),
    ]
    text = notebook_text(nbformat.v4.new_notebook(cells=[cell]))
    for part in ("x = 1", "printed", "the value", "frame one", "<b>shown</b>"):
        assert part in text


def test_a_page_is_searched_as_its_reader_sees_it():
    page = ('<span class="n">even</span> <span class="o">==</span> 2.5, '
            '&quot;HIDDEN&quot; &lt;tag&gt;')
    assert visible_text(page) == 'even == 2.5, "HIDDEN" <tag>'


# --- cutting hidden tests out of a graded notebook ------------------------------------------

def test_split_hidden_keeps_the_visible_lines_and_says_where_the_hidden_ones_were():
    kept, numbers, text = split_hidden(TEST_CELL)
    assert kept.splitlines() == [
        'odd = checks.number(answer_median_odd, "The median of 1, 3 and 9")',
        'assert odd == 3, "hint"',
        "    " + PLACEHOLDER,  # at the hidden block's own indentation
        'print("done")']
    assert numbers == [3, 4, 5, 6]
    assert text == [
        'even = checks.number(answer_median_even, "The median of 4, 1, 2 and 3")',
        HIDDEN_LINE]


def test_a_mark_scheme_is_cut_without_a_placeholder():
    kept, numbers, text = split_hidden(
        "Why the median?\n=== BEGIN MARK SCHEME ===\nskewed data\n=== END MARK SCHEME ===")
    assert (kept, numbers, text) == ("Why the median?", [2, 3, 4], ["skewed data"])


def test_the_failing_line_is_the_test_cell_s_own_frame_not_a_function_it_called():
    traceback = ["\x1b[0;31mAssertionError\x1b[0m  Traceback (most recent call last)",
                 "Cell \x1b[0;32mIn[7], line 5\x1b[0m\n----> 5 assert even == 2.5",
                 "File /srv/lib/checks.py, line 40, in number",
                 "Cell In[7], line 9"]
    assert failing_line(traceback) == 5
    assert failing_line(["File /srv/lib/checks.py, line 40"]) is None


def _graded(source: str, line: int, evalue: str, printed: str = "") -> nbformat.NotebookNode:
    cell = nbformat.v4.new_code_cell(source)
    cell.outputs = [nbformat.v4.new_output(
        "error", ename="AssertionError", evalue=evalue,
        traceback=[f"Cell In[3], line {line}", f"    {source.splitlines()[line - 1]}",
                   f"AssertionError: {evalue}"])]
    echo = nbformat.v4.new_code_cell("print(notes)")
    echo.outputs = [nbformat.v4.new_output("stream", name="stdout", text=printed)]
    return nbformat.v4.new_notebook(cells=[cell, echo])


def test_a_hidden_failure_shows_neither_its_source_nor_its_message():
    nb = _graded(TEST_CELL, 5, f"{HIDDEN_MARKER} even-length lists",
                 printed=f"my notes\n{HIDDEN_LINE.strip()}\nmore notes\n")
    RedactHiddenTests().preprocess(nb, {})
    error = nb.cells[0].outputs[0]
    assert error.evalue == HIDDEN_FAILURE
    assert error.traceback == [f"AssertionError: {HIDDEN_FAILURE}"]
    assert HIDDEN_MARKER not in nbformat.writes(nb)
    # a hidden line that turns up in another cell's output is taken out, the rest kept
    assert nb.cells[1].outputs[0].text == "my notes\nmore notes\n"


def test_a_visible_failure_keeps_the_hint_its_author_wrote():
    nb = _graded(TEST_CELL, 2, VISIBLE_HINT)
    RedactHiddenTests().preprocess(nb, {})
    assert nb.cells[0].outputs[0].traceback == [f"AssertionError: {VISIBLE_HINT}"]
    assert PLACEHOLDER in nb.cells[0].source and HIDDEN_MARKER not in nb.cells[0].source


@pytest.mark.parametrize("traceback", [[], ["a frame the grader cannot place"]])
def test_a_failure_whose_line_cannot_be_placed_is_taken_as_hidden(traceback):
    nb = _graded(TEST_CELL, 2, VISIBLE_HINT)
    nb.cells[0].outputs[0].traceback = traceback
    RedactHiddenTests().preprocess(nb, {})
    assert nb.cells[0].outputs[0].evalue == HIDDEN_FAILURE
