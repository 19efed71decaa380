"""Feedback for a submission that could not be marked: it says so, why in plain words, and what
to do, with nothing of the grading's internals (no traceback, no test, no path).

One page per submitted notebook, named as nbgrader names feedback (<notebook>.html beside the
submission's timestamp.txt and submission_secret.txt), so nbgrader's own release_feedback and the
learner's Assignments tab deliver it like any other feedback.
"""

from __future__ import annotations

import html
import re
import shutil

from qispread.grading.cohort.standings import FAILED

GENERIC_REASON = "the notebook stopped before it could be marked"
# what a reason must not contain to be shown to a learner: code, paths, exception names
_INTERNALS = re.compile(r"Traceback|File \"|\w+(Error|Exception)\b|/|\\|\bline \d+|assert",
                        re.IGNORECASE)

STEPS = [
    "Open the notebook and choose <b>Kernel → Restart Kernel and Run All Cells</b>.",
    "If a cell stops with an error, read the message under it and correct your answer in that "
    "cell (answers are values such as <code>answer_q1 = \"B\"</code>).",
    "Do not delete, copy or move the cells that hold the questions and tests; if you have, fetch "
    "a fresh copy of the assignment from the Assignments tab and copy your answers into it.",
    "If a cell runs for a long time, stop it (the ■ button) and check that answer.",
    "Save, then submit again from the Assignments tab. If it still cannot be marked, ask your "
    "tutor.",
]


def learner_reason(reason: str | None) -> str:
    """The reason in words safe to show a learner, or a general one."""
    if not reason or _INTERNALS.search(reason):
        return GENERIC_REASON
    return reason.strip().rstrip(".")


def page(assignment: str, notebook: str, reason: str | None) -> str:
    steps = "".join(f"<li>{step}</li>" for step in STEPS)
    return f"""<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8">
<title>{html.escape(assignment)}: could not be marked</title>
<style>body {{ font-family: Arial, sans-serif; max-width: 760px; margin: 2em auto;
color: #212b32; }} h1 {{ color: #003087; }}</style></head><body>
<h1>{html.escape(notebook)}: your submission could not be marked</h1>
<p>Your submission of <b>{html.escape(assignment)}</b> was received, but it could not be marked
because {html.escape(learner_reason(reason))}. It has no mark yet: this is not a zero.</p>
<h2>What to do</h2><ol>{steps}</ol>
</body></html>
"""


def write_failed_feedback(course, assignment: str, standings) -> list[str]:
    """Pages for every learner whose submission of the assignment could not be marked; returns
    their ids."""
    written = []
    for standing in standings:
        if standing.assignment != assignment or standing.state != FAILED:
            continue
        submitted = course.folder("submitted", standing.student, assignment)
        dest = course.folder("feedback", standing.student, assignment)
        if dest.exists():
            shutil.rmtree(dest)  # no feedback from an earlier, different submission
        dest.mkdir(parents=True)
        for name in ("timestamp.txt", "submission_secret.txt"):
            if (submitted / name).exists():
                shutil.copy(submitted / name, dest / name)
        for notebook in sorted(submitted.glob("*.ipynb")):
            (dest / f"{notebook.stem}.html").write_text(
                page(assignment, notebook.stem, standing.reason), encoding="utf-8")
        written.append(standing.student)
    return written
