"""Every lesson runs from top to bottom in a fresh kernel. (Each solution notebook is run once, by
stock nbgrader's autograde, in tests/grading/test_round_trip.py, which checks the same and more.)"""

import shutil
import signal
from contextlib import contextmanager

import nbformat
import papermill
import pytest

from pipeline.notebooks import ROOT, ids, notebooks

RUNNABLE = notebooks("course")
NOTEBOOK_TIMEOUT = 600  # seconds for a whole notebook
CELL_TIMEOUT = 300


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


def _failing_cell(executed_path):
    nb = nbformat.read(executed_path, as_version=4)
    for index, cell in enumerate(nb.cells):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                return index, cell.source, f"{output['ename']}: {output['evalue']}"
    return None, "", ""


@pytest.mark.notebooks
@pytest.mark.parametrize("path", RUNNABLE, ids=ids(RUNNABLE))
def test_notebook_runs_top_to_bottom(path, tmp_path):
    # Run a copy, so files the notebook writes (a widget's my_*.json) never land in the repo.
    workdir = tmp_path / path.parent.name
    shutil.copytree(path.parent, workdir, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    executed = tmp_path / f"executed-{path.name}"
    try:
        with time_limit(NOTEBOOK_TIMEOUT):
            papermill.execute_notebook(
                str(workdir / path.name), str(executed), cwd=str(workdir), kernel_name="python3",
                execution_timeout=CELL_TIMEOUT, progress_bar=False, log_output=False,
                store_widget_state=False,  # a plotly FigureWidget would embed ~5 MB of plotly.js
            )
    except papermill.PapermillExecutionError:
        index, source, error = _failing_cell(executed)
        pytest.fail(f"{path.relative_to(ROOT)} failed in cell {index}:\n{source}\n--> {error}",
                    pytrace=False)
    except NotebookTimedOut as err:
        pytest.fail(f"{path.relative_to(ROOT)} {err}", pytrace=False)
    result = nbformat.read(executed, as_version=4)
    assert "widgets" not in result.metadata, "widget state was stored in the executed copy"
