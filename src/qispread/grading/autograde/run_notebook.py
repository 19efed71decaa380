"""Run one notebook on a kernel with nbgrader's own Execute preprocessor (so honest work runs as
under stock `nbgrader autograde`), keeping the grader safe from what the kernel sends: each
cell's outputs stop being kept once it has sent more than a cell could ever show (output_cap.py
then cuts what is kept and says so)."""

from __future__ import annotations

from nbclient.exceptions import CellTimeoutError, DeadKernelError
from nbgrader.preprocessors import Execute

from qispread.grading.autograde.answer_extraction import (
    add_extraction_cell,
    answers_from,
    remove_extraction_cell,
)
from qispread.grading.autograde.output_cap import CELL_DATA_BYTES, CELL_TEXT_BYTES, cap_notebook

KERNEL_DIED = ("its Python kernel stopped while the notebook was running (it may have run out of "
               "memory, or the notebook's own code stopped it)")
STUCK = ("a cell was still running after the {seconds}-second limit for one cell and did not stop "
         "when interrupted")
# well past what output_cap keeps, so what is dropped here was going to be cut anyway
KEPT_BYTES = 2 * (CELL_TEXT_BYTES + CELL_DATA_BYTES)
KEPT_OUTPUTS = 10_000


class CappedExecute(Execute):
    """nbgrader's Execute, with a bound on what one cell's outputs may hold in the grader."""

    def output(self, outs, msg, display_id, cell_index):
        content = msg.get("content", {})
        size = len(str(content.get("text", ""))) + sum(
            len(str(v)) for v in content.get("data", {}).values())
        received = self._received.get(cell_index, (0, 0))
        self._received[cell_index] = (received[0] + size, received[1] + 1)
        if received[0] > KEPT_BYTES or received[1] > KEPT_OUTPUTS:
            return None
        return super().output(outs, msg, display_id, cell_index)

    def preprocess(self, nb, resources=None, km=None):
        self._received: dict[int, tuple[int, int]] = {}
        return super().preprocess(nb, resources, km=km)


def preload_line(modules: list[str]) -> str:
    """Kernel start-up code that imports modules without binding any name in the learner's
    namespace, so a learner who forgot an import still fails exactly as under stock nbgrader."""
    body = (
        "import importlib\n"
        f"for _m in {sorted(set(modules))!r}:\n"
        "    try:\n"
        "        importlib.import_module(_m)\n"
        "    except Exception:\n"
        "        pass\n"
    )
    return f"exec({body!r}, {{}})"


def run_notebook(nb, config, km, folder: str) -> tuple[object, dict | None, str | None]:
    """The executed notebook (outputs capped), the learner's answers (None if the run never
    reached the end) and why the run stopped (None if it did not)."""
    marker = add_extraction_cell(nb)
    error = None
    executor = CappedExecute(config=config)
    try:
        nb, _ = executor.preprocess(nb, {"metadata": {"path": folder}}, km=km)
    except DeadKernelError:
        error = KERNEL_DIED
    except CellTimeoutError:
        error = STUCK.format(seconds=executor.timeout)
    except Exception as exc:  # nbgrader's UnresponsiveKernelError and friends
        error = f"the notebook could not be run: {type(exc).__name__}: {exc}"
    answers = answers_from(nb, marker) if error is None else None
    if error is not None:
        remove_extraction_cell(nb)
    cap_notebook(nb)
    return nb, answers, error
