"""Feedback for learners through nbgrader, with hidden tests removed, checked before release."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from traitlets.config import Config

from qispread.errors import DataProblem
from qispread.grading.course import Course
from qispread.grading.redact import RedactHiddenTests, leaked_lines, secret_lines


@dataclass
class FeedbackSummary:
    generated: list[str] = field(default_factory=list)
    released: bool = False
    log: str = ""


def hidden_lines(course: Course, assignment: str) -> list[str]:
    """Every distinctive line that only the assignment's hidden tests and mark schemes hold."""
    sources = [
        cell.source
        for path in sorted(course.folder("source", assignment=assignment).glob("*.ipynb"))
        for cell in nbformat.read(path, as_version=4).cells
    ]
    return secret_lines(sources)


def _feedback_config(course: Course) -> Config:
    from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor
    from nbgrader.preprocessors import GetGrades

    cfg = Config(course.config)
    cfg.GenerateFeedback.preprocessors = [GetGrades, RedactHiddenTests, CSSHTMLHeaderPreprocessor]
    return cfg


def _api(course: Course, cfg: Config):
    from nbgrader.apps import NbGraderAPI

    return NbGraderAPI(coursedir=course.coursedir, config=cfg)


def feedback_pages(course: Course, assignment: str, student: str) -> list[Path]:
    return sorted(course.folder("feedback", student, assignment).glob("*.html"))


def generate_feedback(course: Course, assignment: str, students: list[str] | None = None,
                      release: bool = True) -> FeedbackSummary:
    """Render feedback for graded submissions, check no hidden test leaked, then release it
    to the exchange (when there is one)."""
    course.check_assignment(assignment)
    api = _api(course, _feedback_config(course))
    summary = FeedbackSummary()
    targets: list[str | None] = list(students) if students else [None]
    for student in targets:
        result = api.generate_feedback(assignment, student)
        summary.log += result.get("log", "")
        if not result["success"]:
            raise DataProblem(
                f"nbgrader could not generate feedback for {assignment}"
                f"{' / ' + student if student else ''}: {_errors(result)}"
            )
    secrets = hidden_lines(course, assignment)
    autograded = course.folder("autograded")
    for folder in sorted(autograded.glob(f"*/{assignment}")):
        student = folder.parent.name
        if students and student not in students:
            continue
        for page in feedback_pages(course, assignment, student):
            leaks = leaked_lines(page.read_text(encoding="utf-8"), secrets)
            if leaks:
                page.unlink()
                raise DataProblem(
                    f"Feedback for {student} would have shown hidden test lines ({leaks[0]!r}); "
                    "it was deleted and nothing was released. Report this as a bug."
                )
        summary.generated.append(student)
    if release and course.exchange_ready():
        result = api.release_feedback(assignment)
        summary.log += result.get("log", "")
        if not result["success"]:
            raise DataProblem(f"nbgrader could not release feedback: {result.get('error', '')}")
        summary.released = True
        course.mark_feedback_released(assignment, summary.generated)
    return summary


def _errors(result: dict) -> str:
    """nbgrader's own error lines from its log (its `error` is only the final summary)."""
    lines = [ln for ln in result.get("log", "").splitlines() if "ERROR" in ln or "Error" in ln]
    return "\n".join(lines[-10:]) or result.get("error", "").strip()[-800:]
