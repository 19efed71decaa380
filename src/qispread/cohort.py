"""The cohort as the course runs it, from Python: grading's Cohort service with the coaching added,
the object every `qispread cohort ...` step calls.

    from qispread.cohort import Cohort

    cohort = Cohort("path/to/course", exchange="/srv/nbgrader/exchange")
    cohort.autograde("00_start_here", jobs=2)
    print(cohort.status().table)

Grading imports no project model or figure (pyproject.toml's import-linter contracts) and coaching
reads learners' projects, so the two meet here, in the command line's layer."""

from __future__ import annotations

from pathlib import Path

from qispread.coaching.returned import return_comments
from qispread.coaching.review import COMMENTS_NAME, Review, review_projects
from qispread.grading.private_paths import default_path, output_path
from qispread.grading.reports.report import PROJECTS_PAGE
from qispread.grading.service import Cohort as GradingCohort


class Cohort(GradingCohort):
    """grading's Cohort whose feedback pages carry each learner's coaching comments (from
    gradebook/coaching-comments.csv), and which reviews the learners' projects."""

    def comments_file(self) -> Path:
        return default_path(self.course, COMMENTS_NAME)

    def add_to_pages(self, assignment: str, students: list[str] | None) -> list[str]:
        return return_comments(self.course, assignment, self.comments_file(), students)

    def projects(self, output: str | Path | None = None) -> Review:
        """Every learner's newest project at a glance, and the comments spreadsheet's rows."""
        page = output_path(self.course, str(output) if output else None, PROJECTS_PAGE)
        return review_projects(self.course, page, self.comments_file())
