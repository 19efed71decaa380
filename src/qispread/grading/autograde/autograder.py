"""Parallel autograding, as a pipeline per submission: prepare -> execute (sandboxed) -> check
(clean process) in the workers, then record and (later) feedback here. This process is the one
writer to the gradebook. Resumable: a submission graded from the same files is skipped; a
failed one is tried again."""

from __future__ import annotations

import ast
import os
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from multiprocessing import get_context

import nbformat

from qispread.errors import DataProblem
from qispread.grading.autograde.gradebook_writer import GradebookWriter
from qispread.grading.autograde.handover import Job, Outcome, Settings
from qispread.grading.autograde.lay_out import lay_out, submitted_ids
from qispread.grading.autograde.record import record, tampering_detail
from qispread.grading.autograde.sandbox import NO_SANDBOX_WARNING, Limits, check_sandbox_works
from qispread.grading.autograde.worker import grade, init_worker
from qispread.grading.cells import Delimiters, is_test_cell, region_lines
from qispread.grading.cohort.store import (
    GRADED,
    forget_record,
    read_record,
    submission_checksum,
)
from qispread.grading.course import Course

DEFAULT_MEMORY_MB = 2048
DEFAULT_TIMEOUT = 600
# nbgrader settings qispread's pipeline does not run; a course that sets them is refused
UNSUPPORTED = ("sanitize_preprocessors", "autograde_preprocessors", "preprocessors")


@dataclass
class AutogradeSummary:
    graded: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    tampering: dict[str, str] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)


def course_imports(course: Course, assignment: str, tests_only: bool = False) -> list[str]:
    """Modules the assignment's source notebooks import, to warm kernels with: what learners
    see (hidden tests, mark schemes and model answers left out, since the kernel's start-up
    arguments are readable inside it); or, for the clean checker, what the test cells import,
    hidden tests included."""
    modules: set[str] = set()
    delimiters = Delimiters.of(course.config)
    for path in sorted(course.folder("source", assignment=assignment).glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type != "code" or tests_only and not is_test_cell(cell):
                continue
            try:
                tree = ast.parse(cell.source if tests_only
                                 else "\n".join(region_lines(cell.source, delimiters)[1]))
            except SyntaxError:
                continue
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    modules.update(alias.name for alias in node.names)
                elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                    modules.add(node.module)
    return sorted(modules)


def refuse_unsupported_settings(course: Course) -> None:
    chosen = course.config.get("Autograde", {})
    for name in UNSUPPORTED:
        if name in chosen:
            raise DataProblem(
                f"The course's nbgrader_config.py sets Autograde.{name}; qispread's sandboxed "
                f"autograde runs nbgrader's standard steps only and cannot honour it. Remove "
                f"that setting, or grade this course with stock nbgrader (unsandboxed)."
            )


class Autograder:
    def __init__(self, course: Course, assignment: str):
        course.check_assignment(assignment)
        refuse_unsupported_settings(course)
        self.course = course
        self.assignment = assignment
        self._notebook_ids = self._known_notebooks()

    def _known_notebooks(self) -> list[str]:
        from nbgrader.api import MissingEntry

        with self.course.gradebook() as gb:
            try:
                assignment = gb.find_assignment(self.assignment)
            except MissingEntry:
                raise missing_assignment(self.assignment) from None
            return [nb.name for nb in assignment.notebooks]

    def is_current(self, student: str) -> bool:
        """Graded already from exactly the files now in submitted/ (a failure is retried)."""
        previous = read_record(self.course.state_folder(), self.assignment, student)
        if previous is None or previous.state != GRADED:
            return False
        folder = self.course.folder("submitted", student, self.assignment)
        dest = self.course.folder("autograded", student, self.assignment)
        return previous.checksum == submission_checksum(folder) and all(
            (dest / f"{nb}.ipynb").exists() for nb in self._submitted_ids(student)
        )

    def _submitted_ids(self, student: str) -> list[str]:
        return submitted_ids(self.course, self.assignment, student, self._notebook_ids)

    def lay_out(self, student: str) -> Job:
        """Step 1: the submission's autograded folder, and the job that grades it."""
        return lay_out(self.course, self.assignment, student, self._notebook_ids)

    def settings(self, memory_mb: int | None, timeout: float | None, sandbox: bool) -> Settings:
        from nbgrader.preprocessors import Execute

        execute = Execute(config=self.course.config)
        section = {k: v for k, v in self.course.config.get("Execute", {}).items()
                   if isinstance(v, (str, int, float, bool, list, dict, type(None)))}
        return Settings(sandbox=sandbox, timeout=timeout,
                        limits=Limits(memory_mb=memory_mb,
                                      cpu_seconds=int(timeout) + 30 if timeout else None),
                        execute_config=section, extra_arguments=list(execute.extra_arguments),
                        preload=course_imports(self.course, self.assignment),
                        check_preload=course_imports(self.course, self.assignment, True))

    def run(self, students: list[str] | None = None, jobs: int = 1, force: bool = False,
            timeout: float | None = DEFAULT_TIMEOUT, memory_mb: int | None = DEFAULT_MEMORY_MB,
            progress: Callable | None = None, sandbox: bool = True) -> AutogradeSummary:
        summary = AutogradeSummary()
        if students is None:
            students = self.course.submitted_students(self.assignment)
        todo = []
        for student in students:
            if not force and self.is_current(student):
                summary.skipped.append(student)
            else:
                todo.append(student)
        if not todo:
            return summary
        settings = self.settings(memory_mb, timeout, sandbox)
        if sandbox:
            check_sandbox_works(self.course.state_folder())
        else:
            print(NO_SANDBOX_WARNING, file=sys.stderr, flush=True)
        bar = (progress or _progress_bar)(len(todo))
        context = _pool_context()
        workers = max(1, min(jobs, len(todo)))
        with ProcessPoolExecutor(workers, mp_context=context, initializer=init_worker,
                                 initargs=(self.course.config, settings, dict(os.environ),
                                           -(-len(todo) // workers))) as pool, \
                GradebookWriter(self.course.db_url, self.course.course_id) as writer:
            futures = []
            try:
                for student in todo:
                    forget_record(self.course.state_folder(), self.assignment, student)
                    futures.append(pool.submit(grade, self.lay_out(student)))
                for future in as_completed(futures):
                    outcome = future.result()
                    record(self.course, self.assignment, self._notebook_ids, outcome, writer)
                    if outcome.error:
                        summary.failed[outcome.student] = outcome.error
                    else:
                        summary.graded.append(outcome.student)
                    detail = tampering_detail(outcome)
                    if detail:
                        summary.tampering[outcome.student] = detail
                    summary.seconds[outcome.student] = outcome.seconds
                    bar(outcome)
            except BaseException:
                for future in futures:
                    future.cancel()
                raise
        return summary


def _start_method() -> str:
    """How the workers start: forked from this process, which has imported everything they
    need (about 1.2 s of each worker's start-up saved, while the tutor waits), when that is
    safe: only while it runs a single thread (as `qispread cohort` does). From anywhere else (a
    notebook's kernel, a server, a test runner) they are forked from multiprocessing's fork
    server, a single-threaded process started once that has imported the worker's modules."""
    return "fork" if threading.active_count() == 1 else "forkserver"


def _pool_context():
    method = _start_method()
    context = get_context(method)
    if method == "forkserver":
        context.set_forkserver_preload([init_worker.__module__])
    return context


def missing_assignment(assignment: str) -> Exception:
    return DataProblem(
        f"The gradebook has no assignment '{assignment}'. Release it first: "
        f"qispread cohort release {assignment}."
    )


def _progress_bar(total: int) -> Callable[[Outcome], None]:
    """tqdm on a terminal; one plain line per submission otherwise."""
    if sys.stderr.isatty():
        from tqdm import tqdm

        bar = tqdm(total=total, unit="submission", desc="autograding")

        def tick(outcome: Outcome) -> None:
            bar.update(1)
            if bar.n == total:
                bar.close()

        return tick
    done = [0]

    def line(outcome: Outcome) -> None:
        done[0] += 1
        status = f"failed ({outcome.error})" if outcome.error else "graded"
        print(f"[{done[0]}/{total}] {outcome.student}: {status} in {outcome.seconds:.1f} s",
              file=sys.stderr, flush=True)

    return line
