"""A grading worker: takes one submission through prepare -> execute (sandboxed) -> check (clean
process) and returns the notebooks to record; writes nothing to the gradebook (one writer, the
parent process, does that). nbgrader's own preprocessors do each of its steps, in its order, so
honest work scores as under stock `nbgrader autograde`."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from contextlib import ExitStack
from multiprocessing.util import Finalize
from pathlib import Path
from typing import Any

from nbgrader.coursedir import CourseDirectory
from traitlets.config import Config

from qispread.grading.autograde.execute import WarmSandboxes
from qispread.grading.autograde.handover import Files, Job, Outcome, Settings, SubmissionFailed
from qispread.grading.autograde.lent_gradebook import shared_for_reading
from qispread.grading.autograde.recheck import CleanChecker, recheck
from qispread.grading.autograde.sandbox_cgroup import process_limit_reached
from qispread.grading.autograde.sanitise import for_kernel, resources, sanitise, visible_parts
from qispread.grading.autograde.saved_work import lay_out_check_folder
from qispread.grading.nbgrader_seam import AFTER_EXECUTE

# a disagreement where only the learner's kernel failed: after the sandbox reached its process
# limit, that is the limit at work (the kernel could start nothing), not an attempt on the marks
KERNEL_FAILED = "learner's kernel: failed"


_state: dict = {}


def init_worker(config: dict, settings: Settings, environment: dict[str, str],
                expected: int | None = None) -> None:
    """`environment`: the grading process's, now (a worker forked from the fork server has the
    server's, from when it started). `expected`: about how many submissions this worker will
    grade, so that it does not boot a spare sandbox that no submission will use."""
    os.environ.clear()
    os.environ.update(environment)
    cfg = Config(config)
    _state["config"] = cfg
    _state["sandboxes"] = WarmSandboxes(settings, expected)
    _state["checker"] = CleanChecker(settings.check_preload)
    reads = ExitStack()
    coursedir = CourseDirectory(config=cfg)
    reads.enter_context(shared_for_reading(coursedir.db_url, coursedir.course_id))
    _state["reads"] = reads
    # runs when the pool's worker process exits, so no spare sandbox outlives it
    Finalize(None, shutdown_worker, exitpriority=10)
    Finalize(None, leave_now, exitpriority=1)  # after shutdown_worker


def grade(job: Job) -> Outcome:
    cfg: Config = _state["config"]
    outcome = Outcome(job.student, job.assignment)
    start = time.perf_counter()
    try:
        sanitised = {Path(p).stem: sanitise(job, p, cfg) for p in job.notebooks}
        visible = {nb_id: visible_parts(nb, cfg) for nb_id, nb in sanitised.items()}
        dest = Path(job.dest)
        sandboxes: WarmSandboxes = _state["sandboxes"]
        process_limit_reached()  # forget any earlier sandbox's
        executed = sandboxes.execute(
            {nb_id: for_kernel(nb, visible[nb_id]) for nb_id, nb in sanitised.items()},
            Files(dest, dest, job.course_files, job.kept))
        starved = process_limit_reached()
        outcome.changed_course_files = executed.changed_course_files
        with tempfile.TemporaryDirectory(prefix="check-", dir=sandboxes.scratch) as folder:
            lay_out_check_folder(Path(folder), dest, job.course_files, job.kept)
            for notebook_id, nb in sanitised.items():
                if executed.errors[notebook_id]:
                    raise SubmissionFailed(executed.errors[notebook_id])
                verdict = recheck(nb, visible[notebook_id], executed.notebooks[notebook_id],
                                  executed.answers[notebook_id], folder, _state["checker"],
                                  job.setup.get(notebook_id, {}))
                state: Any = resources(job, notebook_id)
                graded: Any = verdict.notebook
                for pp in AFTER_EXECUTE:
                    graded, state = pp(config=cfg)(graded, state)
                outcome.notebooks[notebook_id] = graded
                outcome.disagreements += [d for d in verdict.disagreements
                                          if not (starved and KERNEL_FAILED in d)]
    except SubmissionFailed as exc:  # reported per submission; the run carries on
        outcome.error = str(exc)
        outcome.notebooks = {}
    except Exception as exc:
        outcome.error = f"grading stopped with an error ({type(exc).__name__}: {exc})"
        outcome.notebooks = {}
    outcome.seconds = time.perf_counter() - start
    return outcome


def leave_now() -> None:
    """End the worker without tearing its interpreter down (nbgrader, SQLAlchemy, pandas: about
    0.8 s, while the tutor waits). Safe once shutdown_worker has run: every result is already
    sent (the pool's result queue has no feeder thread) and nothing else is left to close."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


def shutdown_worker() -> None:
    reads = _state.pop("reads", None)
    if reads is not None:
        reads.close()
    for name in ("sandboxes", "checker"):
        part = _state.pop(name, None)
        if part is not None:
            part.close()
