"""A kernel that dies while starting (two kernels racing for one port) is replaced, so the
learner's submission is graded instead of being marked as failed."""

import os
import signal

import nbformat
from jupyter_core.utils import run_sync
from traitlets.config import Config

from qispread.grading.grade_worker import _execute
from qispread.grading.kernels import WarmKernels


class FirstKernelDies:
    """Hands out a kernel that is already dead, then healthy ones (what a port race looks like
    to the grader: the kernel process exits before it replies)."""

    def __init__(self) -> None:
        self.warm = WarmKernels(memory_mb=None, extra_arguments=[], preload=[])
        self.handed_out = 0

    def take(self, kernel_name: str):
        km = self.warm.take(kernel_name)
        self.handed_out += 1
        if self.handed_out == 1:
            os.kill(km.provisioner.process.pid, signal.SIGKILL)
            km.provisioner.process.wait()
            assert not run_sync(km.is_alive)()
        return km


def test_a_kernel_that_dies_while_starting_is_replaced(tmp_path):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("answer = 6 * 7\nanswer")])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    kernels = FirstKernelDies()
    try:
        done, _ = _execute(Config(), str(tmp_path), nb, {"metadata": {"path": str(tmp_path)}},
                           kernels, "python3")
    finally:
        kernels.warm.discard()
    assert kernels.handed_out == 2
    assert done.cells[0].outputs[0]["data"]["text/plain"] == "42"
