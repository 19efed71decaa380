"""What the steps of autograding hand one another, in pipeline order: the parent lays out a
submission as a `Job` and sends it, with the run's `Settings`, to a worker; the worker sanitises
it, executes it (`Files` in, `Executed` out), re-checks it (`Verdict`) and returns an `Outcome`,
which the parent records. A step that cannot go on raises `SubmissionFailed`."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from qispread.grading.autograde.sandbox import Limits


class SubmissionFailed(Exception):
    """A submission that could not be graded; the message is the plain-English reason."""


@dataclass
class Job:
    student: str
    assignment: str
    notebooks: list[str]  # submitted notebook paths
    dest: str  # the autograded folder, already filled with the submission's other files
    db_url: str
    test_cells: dict  # notebook id -> {grade_id: points} of its autograded test cells
    setup: dict  # notebook id -> {grade_id: [course code the test cell needs first]}
    course_files: dict = field(default_factory=dict)  # the course's own files: path -> source
    kept: list = field(default_factory=list)  # files exclude_overwriting keeps as the learner's


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
class Files:
    """A submission's files around its run."""
    given: Path  # what the sandbox's folder starts with: the autograded folder
    saved_to: Path  # where the learner's saved work is copied back to
    course: dict[str, str] = field(default_factory=dict)  # course file -> the source's copy
    kept: list[str] = field(default_factory=list)  # the learner's by exclude_overwriting


@dataclass
class Executed:
    notebooks: dict  # notebook id -> executed notebook (as the learner's code left it)
    answers: dict  # notebook id -> {answer name: JSON value} or None
    errors: dict  # notebook id -> why it stopped, or None
    changed_course_files: list[str] = field(default_factory=list)  # by the learner's code


@dataclass
class Verdict:
    notebook: object  # the notebook to record: clean results in its test cells
    disagreements: list[str] = field(default_factory=list)


@dataclass
class Outcome:
    student: str
    assignment: str
    notebooks: dict[str, dict] = field(default_factory=dict)  # notebook id -> graded notebook
    error: str | None = None  # why it could not be graded, in plain English
    disagreements: list[str] = field(default_factory=list)  # the kernel vs the clean re-check
    changed_course_files: list[str] = field(default_factory=list)  # by the learner's code
    seconds: float = 0.0
