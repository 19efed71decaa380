"""The cohort as the course runs it: grading's Cohort service with the coaching added, so that
`qispread cohort feedback` and `qispread cohort projects` do the same from Python.

Grading imports no project model or figure (pyproject.toml's import-linter contracts); coaching
reads learners' projects, so it extends the service from here."""

from __future__ import annotations

from pathlib import Path

from qispread.coaching.returned import return_comments
from qispread.coaching.review import COMMENTS_NAME, Review, review_projects
from qispread.grading.private_paths import default_path, output_path
from qispread.grading.reports.report import PROJECTS_PAGE
from qispread.grading.service import Cohort


class CoachedCohort(Cohort):
    """Cohort whose feedback pages carry each learner's coaching comments (from
    gradebook/coaching-comments.csv), and which reviews the learners' projects."""

    def comments_file(self) -> Path:
        return default_path(self.course, COMMENTS_NAME)

    def add_to_pages(self, assignment: str, students: list[str] | None) -> list[str]:
        return return_comments(self.course, assignment, self.comments_file(), students)

    def projects(self, output: str | Path | None = None) -> Review:
        """Every learner's newest project at a glance, and the comments spreadsheet's rows."""
        page = output_path(self.course, str(output) if output else None, PROJECTS_PAGE)
        return review_projects(self.course, page, self.comments_file())
