"""Every assignment survives stock nbgrader: the solution earns full automatic marks, the untouched
release earns exactly zero without crashing, and nbgrader's Validator agrees."""

import shutil

import pytest
from nbgrader.api import Gradebook
from nbgrader.apps import NbGraderAPI
from nbgrader.coursedir import CourseDirectory
from nbgrader.validator import Validator
from pipeline.notebooks import ROOT

from qispread.grading.build import SOURCE, assignment_ids, course_config
from qispread.grading.nbgrader_env import put_python_bin_on_path

ASSIGNMENTS = assignment_ids(ROOT)


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """A throwaway copy of the course with its own gradebook, every assignment generated."""
    put_python_bin_on_path()
    root = tmp_path_factory.mktemp("course")
    shutil.copy(ROOT / "nbgrader_config.py", root)
    shutil.copytree(ROOT / SOURCE, root / SOURCE)
    (root / "gradebook").mkdir()
    config = course_config(root)
    api = NbGraderAPI(coursedir=CourseDirectory(config=config), config=config)
    for assignment in ASSIGNMENTS:
        result = api.generate_assignment(assignment)
        assert result["success"], result.get("error")
    return root, api, config


def _submit(root, student, assignment, notebooks_from):
    target = root / "gradebook" / "submitted" / student / assignment
    shutil.copytree(notebooks_from, target)


def _autograde(api, config, assignment, student):
    result = api.autograde(assignment, student)
    assert result["success"], f"autograde crashed for {student}: {result.get('error')}"
    with Gradebook(config.CourseDirectory.db_url) as gradebook:
        submission = gradebook.find_submission(assignment, student)
        return submission.code_score, submission.max_code_score, submission.score


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_solution_earns_full_automatic_marks(course, assignment):
    root, api, config = course
    _submit(root, "model_answer", assignment, root / SOURCE / assignment)
    code_score, max_code_score, _ = _autograde(api, config, assignment, "model_answer")
    assert max_code_score > 0, f"{assignment} has no automatically graded marks"
    assert code_score == max_code_score


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_untouched_release_earns_zero(course, assignment):
    root, api, config = course
    _submit(root, "blank", assignment, root / "exercises" / assignment)
    _, _, score = _autograde(api, config, assignment, "blank")
    assert score == 0


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_validator_passes_the_solution_and_fails_the_blank(course, assignment):
    root, _, _ = course
    validator = Validator()
    for notebook in sorted((root / SOURCE / assignment).glob("*.ipynb")):
        assert "failed" not in validator.validate(str(notebook)), f"{notebook.name} fails its tests"
    for notebook in sorted((root / "exercises" / assignment).glob("*.ipynb")):
        assert validator.validate(str(notebook)).get("failed"), (
            f"the blank {notebook.name} passes validation: its tests check nothing")
