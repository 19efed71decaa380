"""nbgrader configuration: assignments are written once in solutions/ and released to exercises/.

Everything nbgrader writes while grading (submissions, autograded copies, feedback and the
gradebook database) lives under gradebook/, which git ignores.
"""

from pathlib import Path

c = get_config()  # noqa: F821 - provided by traitlets when nbgrader loads this file

here = Path(__file__).resolve().parent
c.CourseDirectory.root = str(here)
c.CourseDirectory.source_directory = "solutions"
c.CourseDirectory.release_directory = "exercises"
c.CourseDirectory.submitted_directory = "gradebook/submitted"
c.CourseDirectory.autograded_directory = "gradebook/autograded"
c.CourseDirectory.feedback_directory = "gradebook/feedback"
c.CourseDirectory.db_url = f"sqlite:///{here / 'gradebook' / 'gradebook.db'}"
c.CourseDirectory.course_id = "qispread"

# Learners answer by editing a value such as `answer_q1 = ""` that stays above the solution region,
# so the released cell keeps that line and the solution region simply disappears.
c.ClearSolutions.code_stub = {"python": ""}
c.ClearSolutions.text_stub = "Write your answer here."

# Feedback from nbgrader's own path (`nbgrader generate_feedback`, formgrader's "generate feedback"
# button) goes through the same redaction and final leak check as `qispread cohort feedback`:
# hidden tests and mark schemes removed, and a page refused if it still holds any assignment's
# hidden tests, mark schemes or model answers, another learner's id or email, or a value of the
# grader's environment. See docs/grading-sandbox.md.
c.GenerateFeedback.preprocessors = [
    "nbgrader.preprocessors.GetGrades",
    "qispread.grading.redact.RedactHiddenTests",
    "qispread.grading.leak_check.RefuseLeaks",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
]
