"""What the learner's kernel is given and what comes back out of its sandbox, without running a
kernel (issue 21): no hidden test, mark scheme or model answer in the notebook the kernel runs or
in its start-up imports; only the learner's saved work copied back; a course file changed in
the sandbox is named."""

from __future__ import annotations

import os

import nbformat
import pytest
from sample_course import HIDDEN_MARKER, SAMPLE, make_course, sample_notebook, submit
from traitlets.config import Config

from qispread.grading.autograde.autograder import Autograder, course_imports
from qispread.grading.autograde.sanitise import for_kernel, sanitise, visible_parts
from qispread.grading.autograde.saved_work import changed_course_files, copy_saved_work
from qispread.grading.cells import is_test_cell, region_lines
from qispread.grading.course import Course


@pytest.fixture
def course(tmp_path):
    root = make_course(tmp_path / "course")
    nb = sample_notebook()
    for cell in nb.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id == "median_tests":  # a module only the hidden tests import
            cell.source = cell.source.replace("### BEGIN HIDDEN TESTS",
                                              "### BEGIN HIDDEN TESTS\nimport fractions")
        if grade_id == "median_answer":  # and one only the model answer imports
            cell.source = cell.source.replace("### BEGIN SOLUTION",
                                              "### BEGIN SOLUTION\nimport statistics")
    nbformat.write(nb, root / "solutions" / SAMPLE / "medians.ipynb")
    course = Course(root)
    assert course.api().generate_assignment(SAMPLE)["success"]
    return course


def test_the_kernel_s_notebook_holds_no_hidden_test_or_mark_scheme(course):
    source = course.folder("source", assignment=SAMPLE) / "medians.ipynb"
    release = nbformat.read(course.folder("release", assignment=SAMPLE) / "medians.ipynb", 4)
    folder = submit(course.root, "learner", SAMPLE, {"medians.ipynb": release})
    job = Autograder(course, SAMPLE).lay_out("learner")
    cfg = Config(course.config)
    sanitised = sanitise(job, str(folder / "medians.ipynb"), cfg)
    assert HIDDEN_MARKER in nbformat.writes(sanitised)  # the gradebook's copy has them
    given = for_kernel(sanitised, visible_parts(sanitised, cfg))
    secret = [line for cell in nbformat.read(source, 4).cells
              for line in region_lines(cell.source)[0] if line.strip()]
    assert secret
    text = nbformat.writes(given)
    assert not [line for line in secret if line in text]
    released = {c.metadata["nbgrader"]["grade_id"]: c.source for c in release.cells
                if is_test_cell(c)}
    assert {c.metadata["nbgrader"]["grade_id"]: c.source for c in given.cells
            if is_test_cell(c)} == released


def test_kernel_start_up_imports_leave_out_hidden_tests_and_model_answers(course):
    assert "fractions" in course_imports(course, SAMPLE, tests_only=True)
    preload = course_imports(course, SAMPLE)
    assert "qispread" in preload
    assert "fractions" not in preload and "statistics" not in preload


def test_only_the_learner_s_saved_work_comes_back(tmp_path):
    sandbox, autograded = tmp_path / "sandbox", tmp_path / "autograded"
    for folder in (sandbox, autograded):
        (folder / "my_project").mkdir(parents=True)
    (sandbox / "my_chart.json").write_text("new")
    (sandbox / "my_project" / "aim.json").write_text("aim")
    (sandbox / "data.csv").write_text("rewritten")
    (sandbox / "qispread").mkdir()
    (sandbox / "qispread" / "checks.py").write_text("cheat")
    (tmp_path / "secret").write_text("tutor's")
    os.symlink(tmp_path / "secret", sandbox / "my_link.json")
    (autograded / "data.csv").write_text("course's")
    (autograded / "my_project" / "old.json").write_text("gone from the sandbox")
    copy_saved_work(sandbox, autograded, kept=["kept.txt"])
    found = sorted(str(p.relative_to(autograded)) for p in autograded.rglob("*") if p.is_file())
    assert found == ["data.csv", "my_chart.json", "my_project/aim.json"]
    assert (autograded / "data.csv").read_text() == "course's"


def test_a_course_file_changed_in_the_sandbox_is_named(tmp_path):
    source, sandbox = tmp_path / "source", tmp_path / "sandbox"
    for folder in (source, sandbox):
        folder.mkdir()
    files = {}
    for name in ("same.csv", "changed.csv", "deleted.csv", "linked.csv", "folder.csv"):
        (source / name).write_text("course data\n")
        files[name] = str(source / name)
    (sandbox / "same.csv").write_text("course data\n")
    (sandbox / "changed.csv").write_text("course data, rewritten\n")
    os.symlink(source / "linked.csv", sandbox / "linked.csv")
    (sandbox / "folder.csv").mkdir()
    assert changed_course_files(sandbox, files) == ["changed.csv", "deleted.csv", "folder.csv",
                                                    "linked.csv"]
