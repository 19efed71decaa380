"""nbgrader configuration: assignments are written once in solutions/ and released to exercises/.

Everything nbgrader writes while grading (submissions, autograded copies, feedback and the
gradebook database) lives under gradebook/, which git ignores.
"""

import os
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

# The exchange through which assignments are released and submitted. Formgrader, the learners'
# Assignments tab and `qispread cohort` must all use the same folder: set it here (or in the
# environment variable) rather than only with `--exchange`, or formgrader shows released
# assignments as drafts. The folder must exist and be writable by everyone (see the tutor guide).
c.Exchange.root = os.environ.get("QISPREAD_EXCHANGE", "/srv/nbgrader/exchange")

# Collecting: every inbound entry is treated as hostile (links never followed, only ordinary
# files, size caps, refused entries named to the tutor, impersonation kept for `cohort status`),
# for `qispread cohort collect`, `nbgrader collect` and formgrader's Collect button alike.
# See docs/grading-sandbox.md.
c.ExchangeFactory.collect = "qispread.grading.cohort.collect.HostileFilesCollect"

# Late submissions: nbgrader's own late-penalty step, with the percentage per day the tutor sets
# with `qispread cohort deadline ASSIGNMENT --due ... --late-penalty PERCENT`.
c.AssignLatePenalties.plugin_class = "qispread.grading.cohort.late_penalty.PercentPerDay"

# Learners answer by editing a value such as `answer_q1 = ""` that stays above the solution region,
# so the released cell keeps that line and the solution region simply disappears.
c.ClearSolutions.code_stub = {"python": ""}
c.ClearSolutions.text_stub = "Write your answer here."

# Feedback from nbgrader's own path (`nbgrader generate_feedback`, formgrader's "generate feedback"
# button) goes through the same redaction, inert output and final leak check as
# `qispread cohort feedback`:
# hidden tests and mark schemes removed, misconception notes added after the deadline
# (solutions/misconceptions.json, docs/assessment.md), and a page refused if it still holds any assignment's
# hidden tests, mark schemes or model answers, another learner's id or email, or a value of the
# grader's environment. See docs/grading-sandbox.md.
c.GenerateFeedback.preprocessors = [
    "nbgrader.preprocessors.GetGrades",
    "qispread.grading.feedback.redact.RedactHiddenTests",
    "qispread.grading.feedback.misconceptions.ExplainMisconceptions",
    "qispread.grading.feedback.inert_output.MakeLearnerOutputInert",
    "qispread.grading.feedback.leak_gate.RefuseLeaks",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
]

# A learner's notebook shown as HTML runs nothing from it: formgrader renders submissions with
# nbconvert's HTMLExporter on the tutor's Jupyter origin, so scripts, event attributes,
# javascript: links, SVG and widget state in a learner's outputs or markdown are removed first
# (feedback above gets the same). See docs/grading-sandbox.md.
c.HTMLExporter.preprocessors = ["qispread.grading.feedback.inert_output.MakeLearnerOutputInert"]
