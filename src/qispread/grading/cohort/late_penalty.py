"""nbgrader's late-submission plug-in for the course: a percentage of the mark per day late.

nbgrader's `AssignLatePenalties` step calls `late_submission_penalty` for each notebook of a
submission that arrived after its due date (the gradebook's, extensions included). The
percentage is the one the tutor set with `qispread cohort deadline ... --late-penalty`.
Enable it in nbgrader_config.py:

    c.AssignLatePenalties.plugin_class = "qispread.grading.cohort.late_penalty.PercentPerDay"
"""

from __future__ import annotations

from pathlib import Path

from nbgrader.plugins import LateSubmissionPlugin

from qispread.grading.cohort.deadlines import for_assignment

PLUGIN = "qispread.grading.cohort.late_penalty.PercentPerDay"


class PercentPerDay(LateSubmissionPlugin):
    def late_submission_penalty(self, student_id: str, score: float,
                                total_seconds_late: float) -> float | None:
        # the plug-in's parent is nbgrader's AssignLatePenalties, which knows the assignment
        assignment = self.parent.assignment_id
        deadline = for_assignment(_state_folder(self.parent.config), assignment)
        penalty = deadline.penalty(score, total_seconds_late)
        self.log.info("Late penalty for %s on %s: %s", student_id, assignment, penalty)
        return penalty or None


def _state_folder(config) -> Path:
    from qispread.grading.course import Course

    return Course(Path(config.CourseDirectory.root)).state_folder()


def refresh_penalties(course, assignment: str) -> None:
    """Run nbgrader's AssignLatePenalties again on every submission that is late or carries a
    penalty, so that the penalty stored is taken from the mark and the due date as they stand now
    (nbgrader computes it at autograding, before manual marks or a later extension). The cohort's
    writing steps run it: autograde, feedback, deadline, extend."""
    import nbformat
    from nbgrader.api import MissingEntry
    from nbgrader.preprocessors import AssignLatePenalties

    with course.gradebook() as gb:
        try:
            late = [(row.student.id, [nb.name for nb in row.notebooks])
                    for row in gb.find_assignment(assignment).submissions
                    if row.total_seconds_late > 0 or row.late_submission_penalty]
        except MissingEntry:
            return
    step = AssignLatePenalties(config=course.config)
    for student, notebooks in late:
        for notebook in notebooks:
            step.preprocess(nbformat.v4.new_notebook(), {"nbgrader": {
                "student": student, "assignment": assignment, "notebook": notebook,
                "db_url": course.db_url}})


def penalty_now(course, assignment: str, submission) -> float:
    """The penalty nbgrader's AssignLatePenalties would store for this submission (a gradebook
    row) from its marks as they are now, worked out without writing: the reading commands use it,
    since a manual mark given in formgrader changes the score after the stored penalty was
    computed. The same plug-in and the same per-notebook limits as nbgrader's step
    (grading/nbgrader_seam.py, item 6)."""
    from nbgrader.preprocessors import AssignLatePenalties

    seconds_late = submission.total_seconds_late
    if not seconds_late or seconds_late <= 0:
        return 0.0
    step = AssignLatePenalties(config=course.config)
    step.assignment_id = assignment
    step.init_plugin()
    total = 0.0
    for notebook in submission.notebooks:
        penalty = step.plugin_inst.late_submission_penalty(submission.student.id, notebook.score,
                                                           seconds_late)
        if penalty is not None:
            total += step._check_late_penalty(notebook, penalty)
    return total
