"""Feedback for learners through nbgrader, with hidden tests removed and the learner's output
made inert (inert_output), checked before release."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from traitlets.config import Config

from qispread.errors import DataProblem
from qispread.grading.cohort.collect import REQUIRED
from qispread.grading.course import Course
from qispread.grading.feedback.honest_scores import MarkUnmarked, honest_feedback_config
from qispread.grading.feedback.inert_output import MakeLearnerOutputInert
from qispread.grading.feedback.leak_gate import RefuseLeaks, course_secrets, page_leaks, refuse
from qispread.grading.feedback.misconceptions import ExplainMisconceptions
from qispread.grading.feedback.redact import RedactHiddenTests


@dataclass
class FeedbackSummary:
    generated: list[str] = field(default_factory=list)
    released: bool = False
    log: str = ""


def _feedback_config(course: Course) -> Config:
    from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor
    from nbgrader.preprocessors import GetGrades

    cfg = Config(course.config)
    cfg.GenerateFeedback.preprocessors = [GetGrades, MarkUnmarked, RedactHiddenTests,
                                          ExplainMisconceptions, MakeLearnerOutputInert,
                                          RefuseLeaks,
                                          CSSHTMLHeaderPreprocessor]
    honest_feedback_config(cfg)
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
    secrets = course_secrets(course.coursedir)
    autograded = course.folder("autograded")
    for folder in sorted(autograded.glob(f"*/{assignment}")):
        student = folder.parent.name
        if students and student not in students:
            continue
        for page in feedback_pages(course, assignment, student):
            leaks = page_leaks(course.coursedir, student, assignment,
                               page.read_text(encoding="utf-8"), secrets)
            if leaks:
                page.unlink()
                refuse(leaks, student)
        summary.generated.append(student)
    if release and course.exchange_ready():
        result, _ = release_feedback(course, assignment)
        summary.log += result.get("log", "")
        if not result["success"]:
            raise DataProblem(f"nbgrader could not release feedback: {result.get('error', '')}")
        summary.released = True
    return summary


def unreleasable(course: Course, assignment: str) -> list[str]:
    """Learners whose feedback folder lacks an ordinary timestamp.txt or submission_secret.txt
    (a submission not made by the Assignments tab's Submit): nbgrader's release needs both and
    stops for everyone at the first one missing."""
    held = []
    for folder in sorted(course.folder("feedback").glob(f"*/{assignment}")):
        if any((folder / name).is_symlink() or not (folder / name).is_file()
               for name in REQUIRED):
            held.append(folder.parent.name)
    return held


def release_feedback(course: Course, assignment: str) -> tuple[dict, list[str]]:
    """nbgrader's release of an assignment's feedback, holding back (and returning) the
    learners it could not deliver to, so that one of them cannot stop everyone's release."""
    held = unreleasable(course, assignment)
    coursedir = course.coursedir
    before = coursedir.student_id_exclude
    coursedir.student_id_exclude = ",".join(filter(None, [before, *held]))
    try:
        return course.api().release_feedback(assignment), held
    finally:
        coursedir.student_id_exclude = before


def _errors(result: dict) -> str:
    """nbgrader's own error lines from its log (its `error` is only the final summary)."""
    log = result.get("log", "").splitlines()
    refused = [ln.split("LeakFound: ", 1)[1] for ln in log if "LeakFound: " in ln]
    if refused:  # the final check refused a page: say so plainly
        return refused[-1]
    lines = [ln for ln in log if "ERROR" in ln or "Error" in ln]
    return "\n".join(lines[-10:]) or result.get("error", "").strip()[-800:]
