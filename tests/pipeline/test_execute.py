"""Every lesson runs from top to bottom in a fresh kernel, under papermill, once per test run: the
website's build (tests/site) takes its lessons' outputs from the same cache (lesson_cache), and
whichever asks first executes. (Each solution notebook is run by stock nbgrader's autograde in
tests/grading/test_round_trip.py.)"""

import signal
from contextlib import contextmanager

import nbformat
import pytest
from sitebuild.execute import LessonFailed, executed_lesson

from pipeline.notebooks import ROOT, ids, notebooks

RUNNABLE = notebooks("course")
NOTEBOOK_TIMEOUT = 600  # seconds for a whole notebook


class NotebookTimedOut(Exception):
    pass


@contextmanager
def time_limit(seconds):
    def expire(_signum, _frame):
        raise NotebookTimedOut(f"took longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.notebooks
@pytest.mark.parametrize("path", RUNNABLE, ids=ids(RUNNABLE))
def test_notebook_runs_top_to_bottom(path, lesson_cache):
    try:
        with time_limit(NOTEBOOK_TIMEOUT):
            result = executed_lesson(path, lesson_cache)
    except (LessonFailed, NotebookTimedOut) as err:
        pytest.fail(f"{path.relative_to(ROOT)}: {err}", pytrace=False)
    assert [cell.id for cell in result.cells] == [
        cell.id for cell in nbformat.read(path, as_version=4).cells]
    assert "widgets" not in result.metadata, "widget state was kept in the executed copy"
