"""Each learner's newest submitted project, copied out of the submission as hostile files.

A project travels in a submission as the capstone's copy (`my_spread_plan/project/`, made by the
spread plan builder) or as a `my_project/` folder. Submissions are the learners' files: the copy
follows no link and takes ordinary files only (grading.hostile_files), so a project that links to
another learner's work, the gradebook or the solutions shows none of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from qispread.grading.course import Course
from qispread.grading.hostile_files import Caps, UnsafeSubmission, copy_folder, plain_file_problem
from qispread.models.project import FOLDER_NAME, Project

PLACES = ("my_spread_plan/project", FOLDER_NAME)


@dataclass(frozen=True)
class Found:
    student: str
    assignment: str | None = None  # the submission the project came from
    project: Project | None = None
    note: str = ""  # why there is no project, or what the copy left out


def learners(course: Course) -> list[str]:
    """Everyone in the gradebook, and anyone who has submitted without being in it."""
    with course.gradebook() as gb:
        ids = {student.id for student in gb.students}
    submitted = course.folder("submitted")
    if submitted.is_dir():
        ids |= {p.name for p in submitted.iterdir() if p.is_dir() and not p.name.startswith(".")}
    return sorted(ids)


def _stamp(submission: Path, caps: Caps) -> str:
    stamp = submission / "timestamp.txt"
    if plain_file_problem(stamp, caps):
        return ""
    return stamp.read_text(encoding="utf-8", errors="replace").strip()[:40]


def _through_link(submission: Path, place: str) -> bool:
    """The place is reached through a link in the learner's files (links are never followed)."""
    path = submission
    for name in Path(place).parts:
        path = path / name
        if path.is_symlink():
            return True
    return False


def _candidates(course: Course, student: str,
                caps: Caps) -> list[tuple[str, str, Path | None]]:
    """(timestamp, assignment, project folder) for each submission holding a project; a project
    reached through a link is listed with no folder (it is never read)."""
    found = []
    for assignment in course.assignments():
        submission = course.folder("submitted", student, assignment)
        for place in PLACES:
            folder = submission / place
            if folder.is_dir():
                linked = _through_link(submission, place)
                found.append((_stamp(submission, caps), assignment, None if linked else folder))
                break
    return sorted(found, key=lambda c: c[:2])


def project_source(course: Course, student: str) -> tuple[str, Path | None] | None:
    """(assignment, project folder) of the learner's newest submission that holds a project;
    the folder is None when the project there is a link."""
    candidates = _candidates(course, student, Caps.of(course.coursedir))
    return (candidates[-1][1], candidates[-1][2]) if candidates else None


def newest_project(course: Course, student: str, into: Path) -> Found:
    """The learner's newest submitted project, copied into `into`/student."""
    source = project_source(course, student)
    if source is None:
        return Found(student, note="no project submitted yet")
    assignment, folder = source
    if folder is None:
        return Found(student, assignment, note="the submitted project is a link, and links are "
                     "never followed: ask the learner to submit their own project folder")
    target = into / student
    try:
        left_out = copy_folder(folder, target, Caps.of(course.coursedir))
    except UnsafeSubmission as refused:
        return Found(student, assignment, note=f"the project could not be read safely: {refused}")
    return Found(student, assignment, Project(target), "; ".join(left_out))
