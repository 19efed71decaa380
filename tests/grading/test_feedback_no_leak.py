"""Feedback shows learners their answers, scores and visible-test hints, never a hidden test."""

import re

import nbformat
import pytest
from course_notebooks import ASSIGNMENTS, PROJECT, release_notebooks
from graded_assignments import graded
from sample_course import HIDDEN_MARKER, PARTIAL, SAMPLE, VISIBLE_HINT, WRONG, answered, submit

from qispread.grading.autograde.autograder import Autograder
from qispread.grading.feedback.pages import feedback_pages, generate_feedback
from qispread.grading.feedback.redact import visible_text

HIDDEN = re.compile(r"BEGIN HIDDEN TESTS\n(.*?)\n[^\n]*END HIDDEN TESTS", re.S)


def hidden_source_lines(course, assignment):
    """Lines that stand only in hidden tests, read straight from the source notebooks (a line
    that a visible cell shows as well, such as an import, is not a secret)."""
    hidden, shown = [], set()
    for path in course.folder("source", assignment=assignment).glob("*.ipynb"):
        for cell in nbformat.read(path, as_version=4).cells:
            blocks = HIDDEN.findall(cell.source)
            hidden += [ln.strip() for b in blocks for ln in b.splitlines() if len(ln.strip()) > 9]
            shown.update(ln.strip() for ln in HIDDEN.sub("", cell.source).splitlines())
    return [line for line in hidden if line not in shown]


def feedback_text(course, assignment, student):
    pages = feedback_pages(course, assignment, student)
    assert pages, f"no feedback for {student}"
    return "\n".join(visible_text(p.read_text()) for p in pages)


# module 11's checks are all visible by design: a learner sees why their project cannot be marked
WITH_HIDDEN_TESTS = [a for a in ASSIGNMENTS
                     if not (PROJECT / "solutions" / a).is_dir()  # the sample course's own
                     or any("BEGIN HIDDEN TESTS" in p.read_text()
                            for p in (PROJECT / "solutions" / a).glob("*.ipynb"))]


@pytest.mark.parametrize("assignment", WITH_HIDDEN_TESTS)
def test_wrong_submission_feedback_has_no_hidden_test(generated_course, assignment):
    """Feedback on the untouched release (graded once, for test_round_trip.py too), whose
    hidden tests all fail, shows none of them."""
    course = generated_course
    secrets = hidden_source_lines(course, assignment)
    assert secrets, "the assignment should have hidden tests to protect"
    student = "blank"
    graded(course, assignment)
    generate_feedback(course, assignment, [student], release=False)
    text = feedback_text(course, assignment, student)
    assert not [line for line in secrets if line in text]
    assert "Score" in text or "score" in text


def test_hidden_failure_and_visible_hint(generated_course):
    course = generated_course
    release = release_notebooks(course, SAMPLE)["medians.ipynb"]
    submit(course.root, "fb_hidden", SAMPLE, {"medians.ipynb": answered(release, PARTIAL)})
    submit(course.root, "fb_visible", SAMPLE, {"medians.ipynb": answered(release, WRONG)})
    Autograder(course, SAMPLE).run(["fb_hidden", "fb_visible"], force=True)

    stock = course.api().generate_feedback(SAMPLE, "fb_hidden")  # nbgrader's own path
    assert stock["success"]
    assert HIDDEN_MARKER not in feedback_text(course, SAMPLE, "fb_hidden")

    generate_feedback(course, SAMPLE, ["fb_hidden", "fb_visible"], release=False)
    hidden = feedback_text(course, SAMPLE, "fb_hidden")
    assert HIDDEN_MARKER not in hidden and "answer_median_even ==" not in hidden
    assert "A hidden test did not pass" in hidden
    assert "Skewed data pull the mean about" in hidden  # the learner's own answer
    assert "Full marks for" not in hidden  # the mark scheme
    visible = feedback_text(course, SAMPLE, "fb_visible")
    assert f"AssertionError: {VISIBLE_HINT}" in visible
    assert HIDDEN_MARKER not in visible
