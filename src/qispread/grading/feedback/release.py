"""Feedback into the exchange, for the whole cohort or only the learners named, and what the
exchange really holds.

nbgrader's `release_feedback` copies every feedback page of an assignment (all learners) unless it
is given one learner; `release` asks it once per named learner. nbgrader files a released page as
`<exchange>/<course>/feedback/<hash>.html`, the hash made from the submission's secret and the
notebook's name (nbgrader.utils.notebook_hash), which is how `released` finds a learner's pages.
"""

from __future__ import annotations

from pathlib import Path

from qispread.errors import DataProblem


def release(course, assignment: str, students: list[str] | None = None) -> None:
    """Put the feedback pages of these learners (all, when None) into the exchange."""
    api = course.api()
    targets: list[str | None] = list(students) if students else [None]
    for student in targets:
        result = api.release_feedback(assignment, student)
        if not result["success"]:
            who = f" for {student}" if student else ""
            raise DataProblem(f"nbgrader could not release the feedback{who}: "
                              f"{result.get('error', '').strip()[-800:]}")


def _exchange_feedback(course) -> Path:
    from nbgrader.exchange.default.exchange import Exchange

    return Path(Exchange(config=course.config).root) / course.course_id / "feedback"


def released(course, assignment: str, student: str) -> bool:
    """True when every feedback page the learner has is in the exchange, as it is now."""
    from nbgrader.utils import notebook_hash

    folder = course.folder("feedback", student, assignment)
    pages = sorted(folder.glob("*.html"))
    secret = folder / "submission_secret.txt"
    if not pages or not secret.is_file():
        return False
    key = secret.read_text(encoding="utf-8")
    exchange = _exchange_feedback(course)
    for page in pages:
        copy = exchange / f"{notebook_hash(secret=key, notebook_id=page.stem)}.html"
        if not copy.is_file() or copy.read_bytes() != page.read_bytes():
            return False
    return True
