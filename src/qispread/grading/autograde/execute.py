"""Step 2 of grading: execute one submission's notebooks, each on a fresh kernel inside its own
bubblewrap sandbox (sandboxed_kernel.py), driven from this worker with nbgrader's own Execute
preprocessor over ZeroMQ ipc sockets. The next sandbox is started while the current submission
runs, to hide the kernel's start-up time. The submission's files are copied into the sandbox's
folder when its job arrives; only the learner's saved work comes back out (saved_work.py), and
the course's own files there are compared with the source's."""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
import time
from pathlib import Path

from traitlets.config import Config

from qispread.grading.autograde.handover import Executed, Files, Settings
from qispread.grading.autograde.run_notebook import KERNEL_DIED, preload_line, run_notebook
from qispread.grading.autograde.sandboxed_kernel import kill, kill_now, start_kernel
from qispread.grading.autograde.saved_work import changed_course_files, copy_saved_work

DIED_STARTING = "Kernel died before replying to kernel_info"
START_ATTEMPTS = 3


class Slot:
    """One sandbox, started ahead of its job: a kernel booting in it, waiting for the first
    cell. Used for one submission, then discarded."""

    def __init__(self, settings: Settings, scratch: Path, kernel_name: str | None = None,
                 folder: Path | None = None):
        self.settings = settings
        self.kernel_name = kernel_name or settings.kernel_name
        self.folder = folder or Path(tempfile.mkdtemp(prefix="submission-", dir=scratch))
        self.sockets = Path(tempfile.mkdtemp(prefix="kernel-", dir=scratch))
        self.log = self.sockets.with_suffix(".log")
        arguments = list(settings.extra_arguments)
        if settings.preload:
            arguments.append(f"--IPKernelApp.exec_lines={[preload_line(settings.preload)]!r}")
        self.km = start_kernel(self.folder, self.sockets, settings.sandbox, settings.limits,
                               self.kernel_name, arguments, self.log)

    def run(self, nb, deadline: float | None) -> tuple[object, dict | None, str | None]:
        """Run one notebook on this slot's kernel, then kill the sandbox. Past the deadline the
        sandbox is killed and the run ends as too long."""
        timer = None
        if deadline is not None:
            timer = threading.Timer(max(deadline - time.monotonic(), 0), kill_now, (self.km,))
            timer.start()
        try:
            nb, answers, error = run_notebook(nb, Config({"Execute": self.settings.execute_config}),
                                              self.km, str(self.folder))
        finally:
            if timer is not None:
                timer.cancel()
            kill(self.km)
        if deadline is not None and time.monotonic() >= deadline:
            error = f"it ran for longer than the {self.settings.timeout:g}-second limit"
        elif error == KERNEL_DIED or (error and DIED_STARTING in error):
            error = (error if DIED_STARTING in error else KERNEL_DIED) + self._log_tail()
        return nb, answers, error

    def _log_tail(self) -> str:
        """The last line the kernel (or bwrap) wrote to its error log, read from the end only:
        learner code can fill that file."""
        try:
            with open(self.log, "rb") as log:
                log.seek(max(log.seek(0, os.SEEK_END) - 4096, 0))
                lines = log.read().decode(errors="replace").strip().splitlines()
        except OSError:
            return ""
        return f" (last message: {lines[-1][:300]})" if lines else ""

    def discard(self) -> None:
        kill(self.km)
        remove_tree(self.sockets)
        self.log.unlink(missing_ok=True)


def execute_submission(first: Slot, scratch: Path, notebooks: dict, files: Files) -> Executed:
    """Each notebook on a fresh kernel in a fresh sandbox over the same folder (the first one
    already booting); then the course's files there are compared with the source's, and the
    learner's saved work is copied back out."""
    settings = first.settings
    shutil.copytree(files.given, first.folder, dirs_exist_ok=True, symlinks=False)
    deadline = time.monotonic() + settings.timeout if settings.timeout else None
    executed = Executed({}, {}, {})
    slot: Slot | None = first
    for notebook_id, nb in notebooks.items():
        kernel_name = nb.metadata.get("kernelspec", {}).get("name", settings.kernel_name)
        if slot is None or slot.kernel_name != kernel_name:
            if slot is not None:
                slot.discard()
            slot = Slot(settings, scratch, kernel_name, first.folder)
        try:
            result = slot.run(nb, deadline)
        finally:
            slot.discard()
            slot = None
        executed.notebooks[notebook_id], executed.answers[notebook_id], \
            executed.errors[notebook_id] = result
    executed.changed_course_files = changed_course_files(first.folder, files.course)
    copy_saved_work(first.folder, files.saved_to, files.kept)
    return executed


def remove_tree(folder: Path) -> None:
    def unlock(function, path, _exc):
        os.chmod(os.path.dirname(path), 0o700)
        if os.path.isdir(path) and not os.path.islink(path):
            os.chmod(path, 0o700)
        try:
            function(path)
        except OSError:
            pass

    shutil.rmtree(folder, onerror=unlock)


class WarmSandboxes:
    """Keeps one sandbox starting ahead of need, while more submissions are `expected` (None: no
    end known); hands out each exactly once."""

    def __init__(self, settings: Settings, expected: int | None = None):
        self.settings = settings
        self.scratch = Path(tempfile.mkdtemp(prefix="qispread-grading-"))
        self._spare: Slot | None = None
        self._left = expected

    def take(self) -> Slot:
        slot = self._spare or Slot(self.settings, self.scratch)
        self._spare = None
        if self._left is not None:
            self._left -= 1
        if self._left is None or self._left > 0:
            self._spare = Slot(self.settings, self.scratch)
        return slot

    def execute(self, notebooks: dict, files: Files) -> Executed:
        """Run a submission; a kernel that died before it started (not the learner's doing)
        is given a fresh sandbox."""
        for _ in range(START_ATTEMPTS):
            slot = self.take()
            try:
                executed = execute_submission(slot, self.scratch, notebooks, files)
            finally:
                slot.discard()
                remove_tree(slot.folder)
            if not any(DIED_STARTING in (e or "") for e in executed.errors.values()):
                break
        return executed

    def close(self) -> None:
        if self._spare:
            self._spare.discard()
            remove_tree(self._spare.folder)
            self._spare = None
        remove_tree(self.scratch)
