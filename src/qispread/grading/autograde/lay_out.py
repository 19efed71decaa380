"""Step 1 of autograding: lay out a submission's autograded folder as nbgrader's
Autograde.init_assignment does (its file half; the gradebook half is in record.py): the learner's
extra files, then the source's over them (except those the course's
Autograde.exclude_overwriting names). The learner's files are copied as hostile (hostile_files:
ordinary files only, never through a link, size-capped); a notebook that is not an ordinary file
is not graded. The job says which files are the course's own: the clean re-check reads those
from the source, never from the sandbox."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from qispread.grading.autograde.handover import Job
from qispread.grading.autograde.sanitise import setup_code, test_cells
from qispread.grading.course import Course
from qispread.grading.hostile_files import (
    Caps,
    UnsafeSubmission,
    copy_folder,
    course_skip,
    plain_file_problem,
)


def submitted_ids(course: Course, assignment: str, student: str,
                  notebook_ids: list[str]) -> list[str]:
    folder = course.folder("submitted", student, assignment)
    return [nb for nb in notebook_ids if (folder / f"{nb}.ipynb").exists()]


def kept_files(course: Course, assignment: str) -> list[str]:
    """The files the course's Autograde.exclude_overwriting keeps as the learner's."""
    return sorted(course.config.get("Autograde", {}).get("exclude_overwriting", {}).get(
        assignment, []))


def lay_out(course: Course, assignment: str, student: str, notebook_ids: list[str]) -> Job:
    submitted = course.folder("submitted", student, assignment)
    dest = course.folder("autograded", student, assignment)
    source = course.folder("source", assignment=assignment)
    if dest.exists():
        shutil.rmtree(dest)
    caps = Caps.of(course.coursedir)
    try:
        notes = copy_folder(submitted, dest, caps, course_skip(course.coursedir, ("*.ipynb",)))
    except UnsafeSubmission as refused:
        notes = [f"none of the learner's files were copied: {refused}"]
        dest.mkdir(parents=True)
    notebooks = [nb for nb in submitted_ids(course, assignment, student, notebook_ids)
                 if not plain_file_problem(submitted / f"{nb}.ipynb", caps)]
    for note in notes:
        logging.getLogger("qispread.cohort").warning("%s/%s: %s", assignment, student, note)
    kept = kept_files(course, assignment)
    course_files = {}
    for name in _find_all_files(source, course.coursedir.ignore + ["*.ipynb"]):
        relative = Path(name).relative_to(source)
        if relative.as_posix() in kept:
            continue
        course_files[relative.as_posix()] = name
        target = dest / relative
        _make_room(dest, target)
        shutil.copy(name, target)
    known = [nb for nb in notebook_ids if (source / f"{nb}.ipynb").exists()]
    return Job(student, assignment,
               [str(submitted / f"{nb}.ipynb") for nb in notebooks],
               str(dest), course.db_url,
               {nb: test_cells(source / f"{nb}.ipynb") for nb in known},
               {nb: setup_code(source / f"{nb}.ipynb") for nb in known},
               course_files=course_files, kept=kept)


def _make_room(dest: Path, target: Path) -> None:
    """Clear whatever the learner put where a course file goes (a file where the course has a
    folder, a folder where it has a file), so that one submission cannot stop the run."""
    for folder in reversed(target.relative_to(dest).parents[:-1]):
        if (dest / folder).is_symlink() or (dest / folder).is_file():
            (dest / folder).unlink()
    if target.is_dir() and not target.is_symlink():
        shutil.rmtree(target)
    target.unlink(missing_ok=True)
    target.parent.mkdir(parents=True, exist_ok=True)


def _find_all_files(base: Path, ignore: list[str]) -> list[str]:
    from nbgrader.utils import find_all_files

    return find_all_files(str(base), ignore) if base.is_dir() else []
