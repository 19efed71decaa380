"""Stock nbgrader gives every assignment's solution full automatic marks and its untouched release
zero; parallel autograde gives stock nbgrader's scores, resumes, and limits time and memory."""

import os

import pytest
from course_notebooks import ASSIGNMENTS, release_notebooks, source_notebooks
from sample_course import PARTIAL, SAMPLE, answered, submit

from qispread.grading.autograde import Autograder


def cell_scores(course, assignment, students):
    with course.gradebook() as gb:
        return {(s, nb.name, g.name): g.auto_score
                for s in students
                for nb in gb.find_submission(assignment, s).notebooks for g in nb.grades}


def autograded_max(course, assignment):
    with course.gradebook() as gb:
        a = gb.find_assignment(assignment)
        return sum(c.max_score for nb in a.notebooks for c in nb.grade_cells
                   if c.cell_type == "code" and not any(
                       s.name == c.name for s in nb.solution_cells))


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_scores_match_stock_nbgrader(generated_course, assignment):
    course = generated_course
    submissions = {"solved": source_notebooks(course, assignment),
                   "blank": release_notebooks(course, assignment)}
    if assignment == SAMPLE:
        release = release_notebooks(course, assignment)["medians.ipynb"]
        submissions["partial"] = {"medians.ipynb": answered(release, PARTIAL)}
    for student, notebooks in submissions.items():
        submit(course.root, student, assignment, notebooks)
    api = course.api()
    for student in submissions:
        result = api.autograde(assignment, student)
        assert result["success"], result.get("error")
    stock = cell_scores(course, assignment, submissions)
    with course.gradebook() as gb:  # the solution earns full automatic marks, the release none
        solved = gb.find_submission(assignment, "solved")
        assert solved.code_score == solved.max_code_score > 0
        assert gb.find_submission(assignment, "blank").score == 0

    summary = Autograder(course, assignment).run(list(submissions), jobs=2, force=True)
    assert sorted(summary.graded) == sorted(submissions) and not summary.failed
    assert cell_scores(course, assignment, submissions) == stock
    with course.gradebook() as gb:
        solved = gb.find_submission(assignment, "solved")
        blank = gb.find_submission(assignment, "blank")
        assert solved.code_score == autograded_max(course, assignment) > 0
        assert blank.code_score == 0
        if assignment == SAMPLE:  # visible test passes, hidden one fails: no marks for the cell
            assert gb.find_submission(assignment, "partial").code_score == 0


def test_resumes_without_regrading_unchanged_submissions(generated_course):
    course = generated_course
    release = release_notebooks(course, SAMPLE)
    for student in ("res_a", "res_b"):
        submit(course.root, student, SAMPLE, release)
    grader = Autograder(course, SAMPLE)
    assert sorted(grader.run(["res_a", "res_b"]).graded) == ["res_a", "res_b"]
    assert sorted(grader.run(["res_a", "res_b"]).skipped) == ["res_a", "res_b"]
    submit(course.root, "res_b", SAMPLE, release, timestamp="2026-01-11 10:00:00.000000 UTC")
    again = grader.run(["res_a", "res_b"])
    assert again.graded == ["res_b"] and again.skipped == ["res_a"]
    assert sorted(grader.run(["res_a", "res_b"], force=True).graded) == ["res_a", "res_b"]
    with course.gradebook() as gb:
        assert str(gb.find_submission(SAMPLE, "res_b").timestamp).startswith("2026-01-11 10:00")


def test_endless_submission_is_stopped_and_reported(generated_course):
    course = generated_course
    release = release_notebooks(course, SAMPLE)["medians.ipynb"]
    submit(course.root, "looper", SAMPLE,
           {"medians.ipynb": answered(release, "while True:\n    pass")})
    summary = Autograder(course, SAMPLE).run(["looper"], timeout=6)
    assert summary.failed["looper"] == "it ran for longer than the 6-second limit"
    assert summary.seconds["looper"] < 15


def test_memory_hog_gets_a_memory_error_not_the_machine(generated_course):
    course = generated_course
    release = release_notebooks(course, SAMPLE)["medians.ipynb"]
    hog = "block = bytearray(4 * 1024 ** 3)\n" + PARTIAL
    submit(course.root, "hog", SAMPLE, {"medians.ipynb": answered(release, hog)})
    summary = Autograder(course, SAMPLE).run(["hog"], memory_mb=1536)
    assert summary.graded == ["hog"]
    graded = (course.folder("autograded", "hog", SAMPLE) / "medians.ipynb").read_text()
    assert "MemoryError" in graded
    assert os.environ.get("NBGRADER_EXECUTION") is None


def test_learner_code_runs_in_the_submission_folder(generated_course):
    """As in stock nbgrader: files a learner's code writes land beside their notebook."""
    course = generated_course
    release = release_notebooks(course, SAMPLE)["medians.ipynb"]
    for student in ("cwd_a", "cwd_b"):
        code = f"open('where_{student}.txt', 'w').write('here')\n" + PARTIAL
        submit(course.root, student, SAMPLE, {"medians.ipynb": answered(release, code)})
    Autograder(course, SAMPLE).run(["cwd_a", "cwd_b"], jobs=2)
    for student in ("cwd_a", "cwd_b"):
        assert (course.folder("autograded", student, SAMPLE) / f"where_{student}.txt").exists()
