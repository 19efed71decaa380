"""Step 2 of grading: execute one submission's notebooks inside the sandbox.

The grader talks to the sandbox through the pipes of one process started inside it
(qispread.grading.sandbox_runner): the job goes in on stdin, the executed notebooks and the
learner's answers come back on stdout, read with a size cap and a deadline. No socket crosses
the sandbox's edge; the kernel's ZeroMQ ports live in the sandbox's own network namespace, so two
sandboxes never race for a port. The next sandbox is started while the current submission runs,
to hide its start-up time."""

from __future__ import annotations

import json
import os
import selectors
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from qispread.grading.sandbox import AUTOGRADE_ENV, BWRAP_ENV, Limits, bwrap_command

RESULT_BYTES = 64_000_000
FILES_BACK_BYTES = 50_000_000
DIED_STARTING = "Kernel died before replying to kernel_info"
START_ATTEMPTS = 3


class SubmissionFailed(Exception):
    """A submission that could not be graded; the message is the plain-English reason."""


@dataclass
class Settings:
    sandbox: bool = True
    limits: Limits = field(default_factory=Limits)
    timeout: float | None = None  # seconds for the whole submission
    execute_config: dict = field(default_factory=dict)  # the course's Execute section
    extra_arguments: list[str] = field(default_factory=list)
    preload: list[str] = field(default_factory=list)  # what the kernels import first
    check_preload: list[str] = field(default_factory=list)  # what the test cells import
    kernel_name: str = "python3"


@dataclass
class Executed:
    notebooks: dict  # notebook id -> executed notebook (as the learner's code left it)
    answers: dict  # notebook id -> {answer name: JSON value} or None
    errors: dict  # notebook id -> why it stopped, or None


class Slot:
    """One sandbox, started ahead of its job: a runner with a warm kernel, waiting on stdin."""

    def __init__(self, settings: Settings, scratch: Path):
        self.settings = settings
        self.folder = Path(tempfile.mkdtemp(prefix="submission-", dir=scratch))
        self.log = self.folder.with_suffix(".log")
        runner = [sys.executable, "-I", "-m", "qispread.grading.sandbox_runner", json.dumps({
            "config": {"Execute": settings.execute_config}, "kernel_name": settings.kernel_name,
            "extra_arguments": settings.extra_arguments, "preload": settings.preload})]
        command = bwrap_command(self.folder, runner) if settings.sandbox else runner
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen(
                command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log,
                cwd=None if settings.sandbox else self.folder,
                env=BWRAP_ENV if settings.sandbox else {**os.environ, **AUTOGRADE_ENV},
                preexec_fn=settings.limits.apply, start_new_session=True)

    def run(self, notebooks: dict, files_from: Path, files_to: Path) -> Executed:
        """Copy the submission's other files in, run, copy regular files back out."""
        shutil.copytree(files_from, self.folder, dirs_exist_ok=True, symlinks=False)
        job = json.dumps({"notebooks": [{"id": k, "notebook": nb} for k, nb in notebooks.items()]})
        try:
            raw = self._exchange(job.encode())
        finally:
            self.stop()
        copy_regular_files(self.folder, files_to)
        try:
            result = json.loads(raw)
            items = {item["id"]: item for item in result["notebooks"]}
            return Executed({k: items[k]["notebook"] for k in notebooks},
                            {k: items[k].get("answers") for k in notebooks},
                            {k: items[k].get("error") for k in notebooks})
        except (ValueError, KeyError, TypeError):
            raise SubmissionFailed(
                "the notebook's run ended without a readable result (its code may have stopped "
                f"the grader's runner){self._log_tail()}") from None

    def _exchange(self, job: bytes) -> bytes:
        process = self.process
        writer = threading.Thread(target=_feed, args=(process.stdin, job), daemon=True)
        writer.start()
        timeout = self.settings.timeout
        deadline = time.monotonic() + timeout if timeout else None
        chunks, size = [], 0
        assert process.stdout is not None  # opened with stdout=PIPE
        with selectors.DefaultSelector() as selector:
            selector.register(process.stdout, selectors.EVENT_READ)
            while True:
                left = None if deadline is None else deadline - time.monotonic()
                if left is not None and left <= 0:
                    raise SubmissionFailed(
                        f"it ran for longer than the {timeout:g}-second limit")
                if not selector.select(left):
                    continue
                chunk = os.read(process.stdout.fileno(), 1 << 20)
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
                if size > RESULT_BYTES:
                    raise SubmissionFailed(
                        f"it produced more than {RESULT_BYTES // 1_000_000} MB of output")
        return b"".join(chunks)

    def _log_tail(self) -> str:
        try:
            lines = self.log.read_text(errors="replace").strip().splitlines()
        except OSError:
            return ""
        return f" (last message: {lines[-1][:300]})" if lines else ""

    def stop(self) -> None:
        """Kill the sandbox: with its PID namespace, every process the learner started dies."""
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process.wait()
        for pipe in (self.process.stdin, self.process.stdout):
            try:
                if pipe is not None:
                    pipe.close()
            except OSError:
                pass

    def discard(self) -> None:
        self.stop()
        remove_tree(self.folder)
        self.log.unlink(missing_ok=True)


def _feed(pipe, data: bytes) -> None:
    try:
        pipe.write(data)
        pipe.close()
    except (BrokenPipeError, OSError, ValueError):
        pass


def copy_regular_files(source: Path, target: Path, budget: int = FILES_BACK_BYTES) -> None:
    """Regular files only (a symlink the learner made could point anywhere on the grader's
    machine), up to `budget` bytes in all."""
    for folder, _dirs, files in os.walk(source, followlinks=False):
        rel = Path(folder).relative_to(source)
        for name in files:
            path = Path(folder) / name
            info = path.lstat()
            if not stat.S_ISREG(info.st_mode) or info.st_size > budget:
                continue
            budget -= info.st_size
            (target / rel).mkdir(parents=True, exist_ok=True)
            dest = target / rel / name
            if dest.is_symlink():
                dest.unlink()
            with open(path, "rb") as src, open(dest, "wb") as out:
                shutil.copyfileobj(src, out)


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
    """Keeps one sandbox starting ahead of need; hands out each exactly once."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.scratch = Path(tempfile.mkdtemp(prefix="qispread-grading-"))
        self._spare: Slot | None = None

    def take(self) -> Slot:
        slot = self._spare or Slot(self.settings, self.scratch)
        self._spare = Slot(self.settings, self.scratch)
        return slot

    def execute(self, notebooks: dict, files_from: Path, files_to: Path) -> Executed:
        """Run a submission; a kernel that died before it started (not the learner's doing)
        is given a fresh sandbox."""
        for _ in range(START_ATTEMPTS):
            slot = self.take()
            try:
                executed = slot.run(notebooks, files_from, files_to)
            finally:
                slot.discard()
            if not any(DIED_STARTING in (e or "") for e in executed.errors.values()):
                break
        return executed

    def close(self) -> None:
        if self._spare:
            self._spare.discard()
            self._spare = None
        remove_tree(self.scratch)
