"""A course that sets its own nbgrader delimiters (ClearHiddenTests.begin_test_delimeter,
ClearMarkScheme.begin_mark_scheme_delimeter, ...) keeps its hidden tests and mark scheme from
learners everywhere qispread shows them something: the release, the kernel's copy, feedback (and
the leak gate that checks it), the learner edition's check and the website's assignment pages.
Each of these read only nbgrader's default delimiters before."""

from __future__ import annotations

import nbformat
import pytest
from learner_edition import tutor_only_text
from sample_course import HIDDEN_MARKER, PARTIAL, SAMPLE, answered, make_course, submit

from qispread.grading.autograde.autograder import Autograder
from qispread.grading.cells import Delimiters
from qispread.grading.course import Course, load_config
from qispread.grading.feedback.leak_gate import course_secrets
from qispread.grading.feedback.pages import generate_feedback
from qispread.grading.feedback.redact import split_hidden, visible_text

HIDDEN = ("BEGIN SECRET CHECKS", "END SECRET CHECKS")
SCHEME = ("BEGIN TUTOR NOTES", "END TUTOR NOTES")
SCHEME_TEXT = "Full marks for: skewed data"
CONFIG = f"""
c.ClearHiddenTests.begin_test_delimeter = "{HIDDEN[0]}"
c.ClearHiddenTests.end_test_delimeter = "{HIDDEN[1]}"
c.ClearMarkScheme.begin_mark_scheme_delimeter = "{SCHEME[0]}"
c.ClearMarkScheme.end_mark_scheme_delimeter = "{SCHEME[1]}"
"""


def custom_notebook(path) -> nbformat.NotebookNode:
    text = path.read_text(encoding="utf-8")
    for default, custom in [("BEGIN HIDDEN TESTS", HIDDEN[0]), ("END HIDDEN TESTS", HIDDEN[1]),
                            ("BEGIN MARK SCHEME", SCHEME[0]), ("END MARK SCHEME", SCHEME[1])]:
        text = text.replace(default, custom)
    path.write_text(text, encoding="utf-8")
    return nbformat.reads(text, as_version=4)


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    root = make_course(tmp_path_factory.mktemp("custom") / "course")
    with (root / "nbgrader_config.py").open("a", encoding="utf-8") as config:
        config.write(CONFIG)
    custom_notebook(root / "solutions" / SAMPLE / "medians.ipynb")
    course = Course(root)
    result = course.api().generate_assignment(SAMPLE)
    assert result["success"], result.get("error")
    return course


def source_text(course) -> str:
    return (course.folder("source", assignment=SAMPLE) / "medians.ipynb").read_text()


def test_the_course_s_delimiters_are_read_from_its_configuration(course):
    delimiters = Delimiters.of(course.config)
    assert delimiters.hidden_tests == HIDDEN and delimiters.mark_scheme == SCHEME
    assert HIDDEN[0] in source_text(course)  # the source really uses them


def test_the_release_holds_neither_hidden_tests_nor_mark_scheme(course):
    release = (course.folder("release", assignment=SAMPLE) / "medians.ipynb").read_text()
    assert HIDDEN_MARKER not in release and SCHEME_TEXT not in release


def test_redaction_and_the_leak_gate_use_the_course_s_delimiters(course):
    nb = nbformat.reads(source_text(course), as_version=4)
    tests = next(c for c in nb.cells if HIDDEN[0] in c.source)
    kept, _, hidden = split_hidden(tests.source, Delimiters.of(course.config))
    assert HIDDEN_MARKER not in kept and any(HIDDEN_MARKER in line for line in hidden)
    secrets = course_secrets(course.coursedir)
    assert secrets.found_in(f'assert even == 2.5, "{HIDDEN_MARKER} even-length lists"')
    assert secrets.found_in(f"{SCHEME_TEXT}; the run rules assume the median.")


@pytest.mark.sandbox
def test_feedback_shows_no_hidden_test_or_mark_scheme(course):
    release = nbformat.read(course.folder("release", assignment=SAMPLE) / "medians.ipynb",
                            as_version=4)
    submit(course.root, "partial", SAMPLE, {"medians.ipynb": answered(release, PARTIAL)})
    summary = Autograder(course, SAMPLE).run(["partial"], force=True)
    assert summary.graded == ["partial"]
    generate_feedback(course, SAMPLE, ["partial"], release=False)
    pages = list(course.folder("feedback", "partial", SAMPLE).glob("*.html"))
    assert pages
    text = "".join(visible_text(p.read_text(encoding="utf-8")) for p in pages)
    assert "median" in text  # the page is there
    assert HIDDEN_MARKER not in text and SCHEME_TEXT not in text and HIDDEN[0] not in text


def test_the_learner_edition_check_knows_the_course_s_delimiters(course, tmp_path):
    shutil_copy = tmp_path / "edition" / "exercises"
    shutil_copy.mkdir(parents=True)
    (shutil_copy / "medians.ipynb").write_text(source_text(course), encoding="utf-8")
    found = tutor_only_text(tmp_path / "edition", Delimiters.of(load_config(course.root)))
    assert any(HIDDEN[0] in line for line in found)
    assert any(SCHEME[0] in line for line in found)


def test_the_website_s_assignment_page_leaves_out_the_tutor_notes(course, monkeypatch):
    import sitebuild.execute
    from sitebuild import pages

    monkeypatch.setattr(sitebuild.execute, "ROOT", course.root)
    pages.secret_markers.cache_clear()
    try:
        page = pages.assignment_page(nbformat.reads(source_text(course), as_version=4),
                                     pages.PageLinks(lab=None, download="medians.ipynb"))
    finally:
        pages.secret_markers.cache_clear()
    shown = "\n".join(cell.source for cell in page.cells)
    assert "Type the medians" in shown  # the instructions are there
    assert SCHEME_TEXT not in shown and SCHEME[0] not in shown
