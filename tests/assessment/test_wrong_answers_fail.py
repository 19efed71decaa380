"""A wrong answer, or one in a form that cannot be marked, fails its test under nbgrader; for the
unmarkable one the learner sees only the hint (no traceback)."""

import shutil

import nbformat
from nbgrader.validator import Validator
from pipeline.notebooks import ROOT

ASSIGNMENT = ROOT / "solutions" / "00_start_here"


def test_a_wrong_and_an_unmarkable_answer_fail_and_show_no_traceback(tmp_path):
    folder = shutil.copytree(ASSIGNMENT, tmp_path / ASSIGNMENT.name)
    path = next(folder.glob("*.ipynb"))
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id == "q1_answer":
            cell.source = 'answer_q1 = "about a third"'  # a form the check cannot mark
        elif grade_id == "q2_answer":
            cell.source = 'answer_q2 = "C"'  # the right form, the wrong option
    nbformat.write(nb, path)
    result = Validator().validate(str(path))
    failed = {cell["source"].splitlines()[0] for cell in result.get("failed", [])}
    assert len(failed) == 3, failed  # both pair checks of question 1, and question 2
    unmarkable = [str(cell.get("error", "")) for cell in result["failed"]
                  if "answer_q1" in cell["source"]]
    assert len(unmarkable) == 2
    for shown in unmarkable:
        assert "Question 1: type one letter (A, B, C, D, E, F) for each of the 4 items" in shown
        assert "Traceback" not in shown and "site-packages" not in shown
