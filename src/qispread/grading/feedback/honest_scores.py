"""Feedback that never shows a mark still to come as a zero.

nbgrader's feedback page gives every notebook "Score: X / Y" and every graded cell
"Score: x / y", where a cell waiting for the tutor's manual mark counts 0: a learner whose
reflection is not marked yet reads "Score: 0.0 / 6.0". `MarkUnmarked` (run after nbgrader's
GetGrades) marks each cell whose grade still needs a manual mark, and counts them; the course's
feedback template (templates/honest_feedback.html.j2) then says "not marked yet" for those
cells and the notebook, and gives the marks of the parts already marked on their own. A notebook
with every mark given keeps nbgrader's own page, unchanged.
"""

from __future__ import annotations

from pathlib import Path

from nbgrader.api import Gradebook
from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets.config import Config

TEMPLATE = Path(__file__).parent / "templates" / "honest_feedback.html.j2"


class MarkUnmarked(NbGraderPreprocessor):
    def preprocess(self, nb, resources):
        info = resources["nbgrader"]
        self._notebook = (info["notebook"], info["assignment"], info["student"])
        unmarked, unmarked_points, marked_score, marked_points = 0, 0.0, 0.0, 0.0
        with Gradebook(info["db_url"]) as gb:
            for cell in nb.cells:
                meta = cell.metadata.get("nbgrader", {})
                if not (meta.get("grade") or meta.get("task")):
                    continue
                grade = gb.find_grade(meta["grade_id"], *self._notebook)
                meta["unmarked"] = bool(grade.needs_manual_grade)
                if meta["unmarked"]:
                    unmarked += 1
                    unmarked_points += grade.max_score
                else:
                    marked_score += grade.score
                    marked_points += grade.max_score
        info.update(unmarked=unmarked, unmarked_points=unmarked_points,
                    marked_score=marked_score, marked_points=marked_points)
        return nb, resources


def honest_feedback_config(cfg: Config) -> None:
    """Render feedback with the course's template, which extends nbgrader's feedback template
    (found first on the template path, since nbgrader's API names the template 'feedback')."""
    cfg.HTMLExporter.template_file = str(TEMPLATE)
