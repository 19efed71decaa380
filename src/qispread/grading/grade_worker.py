"""The worker side of parallel autograding: sanitise and execute one submission, write nothing
to the gradebook (one writer, the parent process, does that), return the executed notebooks.

The steps and their order are nbgrader's own Autograde converter's (nbgrader 0.9), so scores
match stock `nbgrader autograde`."""

from __future__ import annotations

import os
import signal
import time
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from multiprocessing.util import Finalize
from pathlib import Path

import nbformat
from jupyter_core.utils import run_sync
from nbconvert.preprocessors import ClearMetadataPreprocessor
from nbgrader.coursedir import CourseDirectory
from nbgrader.preprocessors import (
    CheckCellMetadata,
    ClearOutput,
    DeduplicateIds,
    Execute,
    IgnorePattern,
    LimitOutput,
    OverwriteCells,
    OverwriteKernelspec,
)
from traitlets import Unicode
from traitlets.config import Config

from qispread.grading.kernels import WarmKernels, stop
from qispread.grading.lent_gradebook import shared_for_reading

SANITISE = [ClearOutput, DeduplicateIds, OverwriteKernelspec, OverwriteCells, CheckCellMetadata]
# stock nbgrader checks the cells' metadata once more after saving the grades; the check only
# reads the notebook, so it runs here, off the single writer's path
EXECUTE = [IgnorePattern, ClearMetadataPreprocessor, LimitOutput, CheckCellMetadata]


@dataclass
class Job:
    student: str
    assignment: str
    notebooks: list[str]  # submitted notebook paths
    dest: str  # the autograded folder, already filled with the submission's other files
    db_url: str


@dataclass
class Outcome:
    student: str
    assignment: str
    notebooks: dict[str, dict] = field(default_factory=dict)  # notebook id -> executed notebook
    error: str | None = None
    seconds: float = 0.0


class SubmissionTimeout(Exception):
    pass


class _ExecuteInFolder(Execute):
    """nbgrader's Execute, on a kernel that was started elsewhere: move it into the submission's
    folder first (stock nbgrader starts the kernel there)."""

    folder = Unicode()

    async def async_start_new_kernel_client(self):
        kc = await super().async_start_new_kernel_client()
        msg_id = kc.execute(
            f"__import__('os').chdir({self.folder!r})", silent=True, store_history=False
        )
        await self.async_wait_for_reply(msg_id)
        return kc

    # nbclient binds the sync name to its own coroutine at class creation; rebind to ours
    start_new_kernel_client = run_sync(async_start_new_kernel_client)


_state: dict = {}


def init_worker(config: dict, memory_mb: int | None, timeout: float | None,
                preload: list[str]) -> None:
    cfg = Config(config)
    _state["config"] = cfg
    _state["timeout"] = timeout
    extra = Execute(config=cfg).extra_arguments
    _state["kernels"] = WarmKernels(memory_mb, extra, preload)
    coursedir = CourseDirectory(config=cfg)
    reads = ExitStack()
    reads.enter_context(shared_for_reading(coursedir.db_url, coursedir.course_id))
    _state["reads"] = reads
    # runs when the pool's worker process exits, so no spare kernel outlives it
    Finalize(None, shutdown_worker, exitpriority=10)


@contextmanager
def _deadline(seconds: float | None):
    if not seconds:
        yield
        return

    def expire(signum, frame):
        raise SubmissionTimeout(f"took longer than the {seconds:g} s allowed per submission")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _run(pps, nb, resources):
    for pp in pps:
        nb, resources = pp(nb, resources)
    return nb, resources


def _resources(job: Job, notebook_id: str) -> dict:
    return {
        "unique_key": notebook_id,
        "output_files_dir": f"{notebook_id}_files",
        "metadata": {"name": notebook_id, "path": job.dest},
        "nbgrader": {"student": job.student, "assignment": job.assignment,
                     "notebook": notebook_id, "db_url": job.db_url},
    }


KERNEL_START_ATTEMPTS = 3
DIED_STARTING = "Kernel died before replying to kernel_info"


def _execute(cfg: Config, folder: str, nb, resources: dict, kernels: WarmKernels,
             kernel_name: str):
    """Run the notebook on a fresh kernel. A kernel that dies before it has started is replaced:
    jupyter_client picks free ports before the kernel binds them, so two kernels starting at the
    same moment can race for one port, and the submission is not to blame (seen 1 in 200)."""
    for attempt in range(1, KERNEL_START_ATTEMPTS + 1):
        km = kernels.take(kernel_name)
        os.environ["NBGRADER_EXECUTION"] = "autograde"
        try:
            executor = _ExecuteInFolder(config=cfg, folder=folder)
            return executor.preprocess(nb, resources, km=km)
        except RuntimeError as exc:
            if DIED_STARTING not in str(exc) or attempt == KERNEL_START_ATTEMPTS:
                raise
        finally:
            os.environ.pop("NBGRADER_EXECUTION", None)
            stop(km)


def grade(job: Job) -> Outcome:
    cfg: Config = _state["config"]
    kernels: WarmKernels = _state["kernels"]
    outcome = Outcome(job.student, job.assignment)
    start = time.perf_counter()
    try:
        with _deadline(_state["timeout"]):
            for path in job.notebooks:
                notebook_id = Path(path).stem
                resources = _resources(job, notebook_id)
                nb = nbformat.read(path, as_version=nbformat.NO_CONVERT)
                nb, resources = _run([pp(config=cfg) for pp in SANITISE], nb, resources)
                # stock nbgrader writes the sanitised notebook and reads it back
                nb = nbformat.reads(nbformat.writes(nb), as_version=nbformat.NO_CONVERT)
                kernel_name = nb.metadata.get("kernelspec", {}).get("name", "python3")
                nb, resources = _execute(cfg, job.dest, nb, resources, kernels, kernel_name)
                nb, resources = _run([pp(config=cfg) for pp in EXECUTE], nb, resources)
                outcome.notebooks[notebook_id] = nb
    except Exception as exc:  # reported per submission; the run carries on
        outcome.error = f"{type(exc).__name__}: {exc}"
        outcome.notebooks = {}
    outcome.seconds = time.perf_counter() - start
    return outcome


def shutdown_worker() -> None:
    reads = _state.pop("reads", None)
    if reads is not None:
        reads.close()
    kernels = _state.get("kernels")
    if kernels:
        kernels.discard()
