"""`qispread cohort projects`: read every learner's newest project, write the coaching page and
keep the comments spreadsheet's rows up to date."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from qispread.coaching.comments import read_comments, write_comments
from qispread.coaching.glance import DAMAGED, glance
from qispread.coaching.page import Seen, projects_html
from qispread.coaching.submitted import learners, newest_project
from qispread.grading.course import Course
from qispread.models.project_checks import COMPLETE, EMPTY

COMMENTS_NAME = "coaching-comments.csv"


@dataclass(frozen=True)
class Review:
    page: Path
    comments: Path
    seen: Seen

    def lines(self) -> list[str]:
        """One line per learner for the terminal."""
        out = []
        for found, project in self.seen:
            if project is None:
                out.append(f"  {found.student}: {found.note}")
                continue
            damaged = [p.part.title for p in project.parts if p.state == DAMAGED]
            extra = f"; damaged: {', '.join(damaged)}" if damaged else ""
            out.append(f"  {found.student}: {project.stage}; {project.count(COMPLETE)} of "
                       f"{len(project.parts)} parts complete{extra}")
        return out


def _names(course: Course) -> dict[str, str]:
    with course.gradebook() as gb:
        return {s.id: " ".join(filter(None, (s.first_name, s.last_name))) or s.id
                for s in gb.students}


def review_projects(course: Course, page: Path, comments: Path) -> Review:
    names = _names(course)
    with tempfile.TemporaryDirectory(prefix="qispread-projects-") as copies:
        seen: Seen = []
        for student in learners(course):
            found = newest_project(course, student, Path(copies))
            seen.append((found, glance(found.project) if found.project else None))
    write_comments(comments, {found.student: [p.part.title for p in g.parts if p.state != EMPTY]
                              for found, g in seen if g is not None})
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(projects_html(course.course_id, seen, names, read_comments(comments),
                                  comments.name), encoding="utf-8")
    return Review(page, comments, seen)
