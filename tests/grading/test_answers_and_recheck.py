"""The learner's answers taken out of the kernel as plain values, and the clean re-check that
marks them, without a kernel: the extraction cell is run here as the kernel would run it, and the
re-check's process is started on its own. The full pipeline is in adversarial/ (grading tier)."""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys

import nbformat
import numpy as np
from sample_course import HIDDEN_MARKER, VISIBLE_HINT

from qispread.grading.autograde.answer_extraction import (
    ANSWERS_BYTES,
    add_extraction_cell,
    answers_from,
    remove_extraction_cell,
)
from qispread.grading.autograde.clean_process import UnmarkableValue, check, restore, run_cell

VISIBLE = f'assert answer_median_odd == 3, "{VISIBLE_HINT}"'
HIDDEN = f'assert answer_median_even == 2.5, "{HIDDEN_MARKER}"'
WHOLE = f"{VISIBLE}\n### BEGIN HIDDEN TESTS\n{HIDDEN}\n### END HIDDEN TESTS"


def _extracted(values: dict) -> tuple[nbformat.NotebookNode, str]:
    """A notebook whose extraction cell has run in a namespace holding `values`, as the learner's
    kernel runs it after their cells."""
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("answer_x = 1")])
    marker = add_extraction_cell(nb)
    namespace = dict(values)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(nb.cells[-1].source, namespace)
    nb.cells[-1].outputs = [nbformat.v4.new_output("stream", name="stdout",
                                                   text="learner's own print\n" +
                                                   printed.getvalue())]
    return nb, marker


def test_answers_come_out_as_plain_values_and_anything_else_by_its_type():
    nb, marker = _extracted({
        "answer_count": np.int64(12), "answer_rate": np.float64(0.25), "answer_word": "median",
        "answer_points": (1, [2.5, None]), "answer_table": {"a": True}, "answer_left": ...,
        "answer_function": len, "answer_huge": "x" * ANSWERS_BYTES, "not_an_answer": 3,
    })
    answers = answers_from(nb, marker)
    assert len(nb.cells) == 1  # the extraction cell is taken out again
    assert answers == {
        "answer_count": 12, "answer_rate": 0.25, "answer_word": "median",
        "answer_points": [1, [2.5, None]], "answer_table": {"a": True},
        "answer_left": {"__qispread__": "ellipsis"},
        "answer_function": {"__qispread__": "other", "type": "builtin_function_or_method"},
        "answer_huge": {"__qispread__": "other", "type": "value too large"},
    }


def test_no_answers_when_the_kernel_never_reached_the_extraction_cell():
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("answer_x = 1")])
    marker = add_extraction_cell(nb)
    assert answers_from(nb, marker) is None
    assert [c.source for c in nb.cells] == ["answer_x = 1"]


def test_a_line_made_to_look_like_the_answers_cannot_be_taken_for_them():
    nb, marker = _extracted({"answer_x": 1})
    assert add_extraction_cell(nbformat.v4.new_notebook()) != marker  # a new marker each run
    nb.cells[-1].outputs[0].text = f"{marker}{{not json\n"
    assert answers_from(nb, marker) is None


def test_an_unexecuted_extraction_cell_left_by_a_run_that_stopped_is_removed():
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("answer_x = 1")])
    add_extraction_cell(nb)
    remove_extraction_cell(nb)
    remove_extraction_cell(nb)  # a second call leaves the learner's cell alone
    assert [c.source for c in nb.cells] == ["answer_x = 1"]


def test_values_the_kernel_could_not_hand_over_come_back_as_unmarkable():
    restored = restore({"answer_points": [1, {"__qispread__": "ellipsis"}],
                        "answer_f": {"__qispread__": "other", "type": "function"}})
    assert restored["answer_points"] == [1, Ellipsis]
    assert isinstance(restored["answer_f"], UnmarkableValue)
    assert "type a plain answer" in str(restored["answer_f"])


def test_the_re_check_passes_right_answers_and_fails_wrong_ones_showing_only_the_cell():
    right = run_cell(WHOLE, {"answer_median_odd": 3, "answer_median_even": 2.5})
    assert right == {"outputs": [], "passed": True, "visible_passed": True}
    wrong = run_cell(VISIBLE, {"answer_median_odd": 0})
    assert not wrong["passed"]
    assert wrong["outputs"] == [{
        "output_type": "error", "ename": "AssertionError", "evalue": VISIBLE_HINT,
        "traceback": ["Traceback (most recent call last):", "Cell In[1], line 1",
                      f"    {VISIBLE}", f"AssertionError: {VISIBLE_HINT}"]}]


def test_the_re_check_reports_what_the_visible_part_alone_gives():
    partial = run_cell(WHOLE, {"answer_median_odd": 3, "answer_median_even": 2},
                       visible=VISIBLE)
    assert (partial["passed"], partial["visible_passed"]) == (False, True)


def test_the_re_check_is_given_only_answers_and_the_course_s_own_code():
    result = run_cell("assert answer_n == 3 and given == 'course'\n"
                      "assert 'planted' not in globals()\nprint('checked')",
                      {"answer_n": 3, "planted": "learner", "__builtins__": {}},
                      setup=["given = 'course'", "print('setting up')"])
    assert result["passed"]
    assert result["outputs"] == [{"output_type": "stream", "name": "stdout",
                                  "text": "checked\n"}]
    unmarkable = run_cell("assert answer_n == 3", {"answer_n": {"__qispread__": "other"}})
    assert not unmarkable["passed"]


def test_the_re_check_runs_in_the_folder_it_is_given(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "work").mkdir()
    (tmp_path / "work" / "my_chart.json").write_text('{"chart": "run"}')
    results = check({"folder": str(tmp_path / "work"), "answers": {"answer_chart": "run"},
                     "cells": [{"id": "chart_tests", "source":
                                "import json\nassert json.load(open('my_chart.json'))"
                                "['chart'] == answer_chart"}]})
    assert results["chart_tests"]["passed"]


def test_the_re_check_process_answers_one_line_per_request(tmp_path):
    request = {"folder": str(tmp_path), "answers": {"answer_median_odd": 3},
               "cells": [{"id": "odd", "source": VISIBLE}, {"id": "fails", "source": HIDDEN}]}
    done = subprocess.run([sys.executable, "-m", "qispread.grading.autograde.clean_process", "[]"],
                          input=json.dumps(request) + "\n", capture_output=True, text=True,
                          timeout=60, check=True)
    reply = json.loads(done.stdout)
    assert reply["results"]["odd"]["passed"] is True
    assert reply["results"]["fails"]["passed"] is False
    assert reply["results"]["fails"]["outputs"][-1]["ename"] == "NameError"
