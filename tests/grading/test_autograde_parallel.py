"""Parallel autograde resumes, and limits time and memory. (That it gives stock nbgrader's scores
on every assignment is in test_round_trip.py.)"""

import os

from course_notebooks import release_notebooks
from sample_course import PARTIAL, SAMPLE, answered, submit

from qispread.grading.autograde.autograder import Autograder


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
    """(It sleeps rather than spins: the hostile batch has a busy loop; this one need not keep a
    core busy for the whole limit.)"""
    course = generated_course
    release = release_notebooks(course, SAMPLE)["medians.ipynb"]
    submit(course.root, "looper", SAMPLE,
           {"medians.ipynb": answered(release, "import time\nwhile True:\n    time.sleep(1)")})
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
    """As in stock nbgrader: files a learner's code writes land beside their notebook (only its
    saved work, named my_..., comes back out of the sandbox)."""
    course = generated_course
    release = release_notebooks(course, SAMPLE)["medians.ipynb"]
    for student in ("cwd_a", "cwd_b"):
        code = f"open('my_where_{student}.txt', 'w').write('here')\n" + PARTIAL
        submit(course.root, student, SAMPLE, {"medians.ipynb": answered(release, code)})
    Autograder(course, SAMPLE).run(["cwd_a", "cwd_b"], jobs=2)
    for student in ("cwd_a", "cwd_b"):
        assert (course.folder("autograded", student, SAMPLE) / f"my_where_{student}.txt").exists()
