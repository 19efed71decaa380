"""Right answers earn their marks, however a learner types them (issue 23 §2, issue 24 §3). Each
test cell runs as the grader's clean re-check runs it
(qispread.grading.autograde.clean_process.run_cell), on the answers as the learner's kernel
holds them after an answer cell ran (checks.slips)."""

import contextlib

import nbformat
import pytest
from pipeline.notebooks import ROOT

from qispread.checks.slips import rewrite
from qispread.grading.autograde.clean_process import run_cell

SETUP = ["from qispread import checks"]


def source_of(assignment: str, grade_id: str) -> str:
    (path,) = (ROOT / "solutions" / assignment).glob("*.ipynb")
    for cell in nbformat.read(path, as_version=4).cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == grade_id:
            return cell.source
    raise AssertionError(f"{assignment} has no cell {grade_id}")


def typed(answer_cell: str) -> dict:
    namespace: dict = {}
    exec(rewrite(answer_cell), namespace)  # noqa: S102 - as the learner's kernel runs it
    return {k: v for k, v in namespace.items() if k.startswith("answer_")}


@pytest.mark.parametrize("grade_id, answer", [
    # Making Data Count uses the XmR chart for almost everything (lesson 05, section 2), and the
    # question says that where two charts suit the data either earns the mark: 1a and 1b used to
    # accept only the c and u charts.
    ("q1a_check", 'answer_q1a = "A"'), ("q1b_check", 'answer_q1b = "A"'),
    ("q1c_check", 'answer_q1c = "A"'), ("q1f_check", 'answer_q1f = "A"'),
    ("q1a_check", 'answer_q1a = "B"'), ("q1b_check", 'answer_q1b = "C"'),
])
def test_module_05_accepts_every_chart_the_lesson_allows(grade_id, answer):
    result = run_cell(source_of("06_spc", grade_id), typed(answer), SETUP)
    assert result["passed"], result["outputs"]


@pytest.mark.parametrize("answer", ["answer_q1 = 93", "answer_q1 = 93%", 'answer_q1 = "93"',
                                    "answer_q1 = 93.0", "answer_q1 = ninety-three"])
def test_a_slip_earns_what_its_meaning_earns(answer, tmp_path):
    with contextlib.chdir(ROOT / "solutions" / "05_run_charts"):
        result = run_cell(source_of("05_run_charts", "q1_check"), typed(answer), SETUP)
    assert result["passed"] == (answer != "answer_q1 = ninety-three"), result["outputs"]


def test_a_comma_decimal_is_one_number_not_two():
    cell = source_of("06_spc", "q2_mean_check")
    assert run_cell(cell, typed("answer_q2_mean = 61,92"), SETUP)["passed"]
    assert not run_cell(cell, typed("answer_q2_mean = 61,2"), SETUP)["passed"]
