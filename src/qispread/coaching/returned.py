"""Each learner's coaching comments, added to their own feedback page for the assignment their
project came from. Only that learner's rows are read for their page; the text is escaped."""

from __future__ import annotations

import html
import re
from pathlib import Path

from qispread.coaching.comments import read_comments
from qispread.coaching.submitted import project_source
from qispread.grading.course import Course
from qispread.models.project import PARTS

START, END = "<!-- qispread coaching -->", "<!-- /qispread coaching -->"


def coaching_section(comments: dict[str, str]) -> str:
    order = [p.title for p in PARTS if p.title in comments]
    items = "".join(f"<dt>{html.escape(title)}</dt><dd>{html.escape(comments[title])}</dd>"
                    for title in order)
    return (f"{START}<section style='margin:2em;padding:1em;border-left:4px solid #005eb8'>"
            "<h2>Your tutor's coaching on your project</h2>"
            "<p>Comments on the parts of your project you submitted, to take into your next "
            f"steps.</p><dl>{items}</dl></section>{END}")


def _with_section(page: str, section: str) -> str:
    page = re.sub(re.escape(START) + ".*?" + re.escape(END), "", page, flags=re.DOTALL)
    at = page.rfind("</body>")
    return page[:at] + section + page[at:] if at >= 0 else page + section


def return_comments(course: Course, assignment: str, comments_file: Path,
                    students: list[str] | None = None) -> list[str]:
    """Add each learner's comments to their feedback pages for this assignment, when their newest
    project came from it; returns the learners whose pages now carry comments."""
    comments = read_comments(comments_file)
    returned = []
    for student in sorted(comments):
        if students and student not in students:
            continue
        source = project_source(course, student)
        pages = sorted(course.folder("feedback", student, assignment).glob("*.html"))
        if source is None or source[0] != assignment or not pages:
            continue
        section = coaching_section(comments[student])
        for page in pages:
            if page.is_symlink():
                continue
            page.write_text(_with_section(page.read_text(encoding="utf-8"), section),
                            encoding="utf-8")
        returned.append(student)
    return returned
