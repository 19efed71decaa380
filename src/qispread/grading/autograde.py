"""Parallel autograding: workers execute submissions in fresh kernels; this process is the one
writer to the gradebook. Resumable: a submission already graded from the same files is skipped."""

from __future__ import annotations

import ast
import hashlib
import json
import shutil
import sys
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path

import nbformat

from qispread.grading.course import Course
from qispread.grading.grade_worker import Job, Outcome, grade, init_worker
from qispread.grading.gradebook_writer import GradebookWriter

DEFAULT_MEMORY_MB = 2048


@dataclass
class AutogradeSummary:
    graded: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)


def submission_checksum(folder: Path) -> str:
    """Checksum over every file of a submission (names and contents, timestamp.txt included)."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def course_imports(course: Course, assignment: str) -> list[str]:
    """Top-level modules the assignment's source notebooks import (to warm kernels with)."""
    modules: set[str] = set()
    for path in sorted(course.folder("source", assignment=assignment).glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type != "code":
                continue
            try:
                tree = ast.parse(cell.source)
            except SyntaxError:
                continue
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    modules.update(alias.name for alias in node.names)
                elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                    modules.add(node.module)
    return sorted(modules)


class Autograder:
    def __init__(self, course: Course, assignment: str):
        course.check_assignment(assignment)
        self.course = course
        self.assignment = assignment
        self.state_dir = course.state_folder() / assignment
        self._notebook_ids = self._known_notebooks()

    def _known_notebooks(self) -> list[str]:
        from nbgrader.api import MissingEntry

        with self.course.gradebook() as gb:
            try:
                assignment = gb.find_assignment(self.assignment)
            except MissingEntry:
                raise missing_assignment(self.assignment) from None
            return [nb.name for nb in assignment.notebooks]

    def _state_path(self, student: str) -> Path:
        return self.state_dir / f"{student}.json"

    def is_current(self, student: str) -> bool:
        """Graded already from exactly the files now in submitted/."""
        state = self._state_path(student)
        if not state.exists():
            return False
        recorded = json.loads(state.read_text()).get("checksum")
        folder = self.course.folder("submitted", student, self.assignment)
        dest = self.course.folder("autograded", student, self.assignment)
        return recorded == submission_checksum(folder) and all(
            (dest / f"{nb}.ipynb").exists() for nb in self._submitted_ids(student)
        )

    def _submitted_ids(self, student: str) -> list[str]:
        folder = self.course.folder("submitted", student, self.assignment)
        return [nb for nb in self._notebook_ids if (folder / f"{nb}.ipynb").exists()]

    def prepare(self, student: str) -> Job:
        """Lay out the autograded folder as nbgrader's Autograde.init_assignment does: the
        learner's extra files, then the source's over them. The gradebook is written later, by
        save(), in the same transaction as the grades."""
        course = self.course
        submitted = course.folder("submitted", student, self.assignment)
        dest = course.folder("autograded", student, self.assignment)
        source = course.folder("source", assignment=self.assignment)
        if dest.exists():
            shutil.rmtree(dest)
        dest.mkdir(parents=True)
        ignore = course.coursedir.ignore + ["*.ipynb"]
        for base in (submitted, source):
            for name in _find_all_files(base, ignore):
                target = dest / Path(name).relative_to(base)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.unlink(missing_ok=True)
                shutil.copy(name, target)
        return Job(student, self.assignment,
                   [str(submitted / f"{nb}.ipynb") for nb in self._submitted_ids(student)],
                   str(dest), course.db_url)

    def _record_submission(self, gb, student: str) -> None:
        """The gradebook half of nbgrader's Autograde.init_assignment: record the student and
        the submission's timestamp, and score missing notebooks zero."""
        submitted = self.course.folder("submitted", student, self.assignment)
        timestamp = self.course.coursedir.get_existing_timestamp(str(submitted))
        present = self._submitted_ids(student)
        gb.update_or_create_student(student)
        if timestamp:
            gb.update_or_create_submission(self.assignment, student, timestamp=timestamp)
        else:
            gb.update_or_create_submission(self.assignment, student)
        for nb in self._notebook_ids:
            if nb in present:
                continue
            for grade_row in gb.find_submission_notebook(nb, self.assignment, student).grades:
                grade_row.auto_score = 0
                grade_row.needs_manual_grade = False
        gb.db.commit()

    def save(self, outcome: Outcome, writer: GradebookWriter) -> None:
        """The writer's half of nbgrader's autograde pipeline in one transaction, then the
        autograded notebooks. A failed submission is recorded, without grades, as nbgrader does."""
        from nbgrader.preprocessors import AssignLatePenalties, SaveAutoGrades

        with writer.submission() as gb:
            self._record_submission(gb, outcome.student)
            for notebook_id, nb in outcome.notebooks.items():
                resources = {"nbgrader": {"student": outcome.student,
                                          "assignment": self.assignment,
                                          "notebook": notebook_id, "db_url": self.course.db_url}}
                for pp_class in (SaveAutoGrades, AssignLatePenalties):
                    pp_class(config=self.course.config)(nb, resources)
        if outcome.error:
            return
        dest = self.course.folder("autograded", outcome.student, self.assignment)
        for notebook_id, nb in outcome.notebooks.items():
            nbformat.write(nb, dest / f"{notebook_id}.ipynb")
        submitted = self.course.folder("submitted", outcome.student, self.assignment)
        self.state_dir.mkdir(parents=True, exist_ok=True)
        self._state_path(outcome.student).write_text(
            json.dumps({"checksum": submission_checksum(submitted)})
        )

    def forget(self, student: str) -> None:
        self._state_path(student).unlink(missing_ok=True)

    def run(self, students: list[str] | None = None, jobs: int = 1, force: bool = False,
            timeout: float | None = None, memory_mb: int | None = DEFAULT_MEMORY_MB,
            progress: Callable | None = None) -> AutogradeSummary:
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
        bar = (progress or _progress_bar)(len(todo))
        context = get_context("spawn")
        initargs = (self.course.config, memory_mb, timeout,
                    course_imports(self.course, self.assignment))
        with ProcessPoolExecutor(max(1, jobs), mp_context=context, initializer=init_worker,
                                 initargs=initargs) as pool, \
                GradebookWriter(self.course.db_url, self.course.course_id) as writer:
            futures = []
            try:
                for student in todo:
                    self.forget(student)
                    futures.append(pool.submit(grade, self.prepare(student)))
                for future in as_completed(futures):
                    outcome = future.result()
                    self.save(outcome, writer)
                    if outcome.error:
                        summary.failed[outcome.student] = outcome.error
                    else:
                        summary.graded.append(outcome.student)
                    summary.seconds[outcome.student] = outcome.seconds
                    bar(outcome)
            except BaseException:
                for future in futures:
                    future.cancel()
                raise
        return summary


def missing_assignment(assignment: str) -> Exception:
    from qispread.errors import DataProblem

    return DataProblem(
        f"The gradebook has no assignment '{assignment}'. Release it first: "
        f"qispread cohort release {assignment}."
    )


def _find_all_files(base: Path, ignore: list[str]) -> list[str]:
    from nbgrader.utils import find_all_files

    return find_all_files(str(base), ignore) if base.is_dir() else []


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
