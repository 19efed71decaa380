"""Step 3 of grading: the marks. The learner's kernel ran only each test cell's visible part;
here each whole test cell, hidden tests included, runs in a clean process (clean_process.py) on the
answers taken out of the kernel, in a folder holding only the course's own files and the
learner's saved work. A test cell earns its marks as under nbgrader: only if it runs without an
error, which takes its visible part passing in the learner's kernel and the whole cell passing in
the clean process (a kernel can only lose its own marks, never gain one). The executed notebook
from the sandbox is the learner's data: only its outputs are kept, on the grader's own sanitised
copy of the notebook. Where the visible part passes in one and fails in the other, the submission
is flagged for the tutor."""

from __future__ import annotations

import json
import subprocess
import sys

import nbformat

from qispread.grading.autograde.handover import Verdict
from qispread.grading.autograde.output_cap import cap_notebook
from qispread.grading.cells import is_test_cell

NO_ANSWERS = ("Your answers could not be read after your notebook ran (it stopped early), so "
              "this check could not be marked.")


class CleanChecker:
    """One clean Python process per grading worker (see clean_process.py)."""

    def __init__(self, preload: list[str]):
        self.process = subprocess.Popen(
            [sys.executable, "-I", "-m", "qispread.grading.autograde.clean_process",
             json.dumps(preload)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

    def run(self, folder: str, cells: list[dict], answers: dict) -> dict:
        request = {"folder": folder, "cells": cells, "answers": answers}
        stdin, stdout = self.process.stdin, self.process.stdout
        assert stdin is not None and stdout is not None  # opened with PIPE
        stdin.write(json.dumps(request) + "\n")
        stdin.flush()
        reply = json.loads(stdout.readline())
        if "error" in reply:
            raise RuntimeError(f"the clean re-check failed: {reply['error']}")
        return reply["results"]

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        self.process.wait()


def failed(output_list: list) -> bool:
    return any(out.get("output_type") == "error" for out in output_list)


def _missing_answers(cells: list[dict]) -> dict:
    error = {"output_type": "error", "ename": "AnswerProblem", "evalue": NO_ANSWERS,
             "traceback": [f"AnswerProblem: {NO_ANSWERS}"]}
    return {cell["id"]: {"outputs": [error], "passed": False} for cell in cells}


def recheck(sanitised, visible: dict[str, str], executed: dict, answers: dict | None,
            folder: str, checker: CleanChecker, setup: dict | None = None) -> Verdict:
    """The sanitised notebook with the executed outputs put back (cell by cell, where the cell
    is the same one) and the result of every test cell: the clean process's, unless the
    visible part failed in the learner's kernel (then the kernel's failure stands, as it would
    under nbgrader). `visible`: {grade_id: the visible part the kernel ran}."""
    nb = nbformat.from_dict(sanitised)
    ran = executed.get("cells", []) if isinstance(executed, dict) else []
    in_kernel: dict[str, bool] = {}
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        other = ran[index] if index < len(ran) and isinstance(ran[index], dict) else {}
        if other.get("id") == cell.get("id") and isinstance(other.get("outputs"), list):
            cell.outputs = [nbformat.from_dict(o) for o in other["outputs"] if isinstance(o, dict)]
            count = other.get("execution_count")
            cell.execution_count = count if isinstance(count, int) else None
        if is_test_cell(cell):
            in_kernel[cell.metadata["nbgrader"]["grade_id"]] = not failed(cell.outputs)
    cells = [{"id": gid, "source": c.source, "visible": visible.get(gid, c.source),
              "setup": (setup or {}).get(gid, [])}
             for c in nb.cells if is_test_cell(c)
             for gid in [c.metadata["nbgrader"]["grade_id"]]]
    results = (checker.run(folder, cells, answers) if answers is not None
               else _missing_answers(cells))
    verdict = Verdict(nb)
    for cell in nb.cells:
        if not is_test_cell(cell):
            continue
        grade_id = cell.metadata["nbgrader"]["grade_id"]
        result = results[grade_id]
        if answers is None or in_kernel.get(grade_id) or not result["passed"]:
            cell.outputs = [nbformat.from_dict(o) for o in result["outputs"]]
        clean = result.get("visible_passed", result["passed"])
        if answers is not None and clean != in_kernel.get(grade_id):
            verdict.disagreements.append(
                f"{grade_id} (its visible check in the learner's kernel: "
                f"{'passed' if in_kernel.get(grade_id) else 'failed'}, in a clean re-check: "
                f"{'passed' if clean else 'failed'})")
    cap_notebook(nb)
    return verdict
