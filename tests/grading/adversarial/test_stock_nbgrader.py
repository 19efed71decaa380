"""The hostile batch's readers, writers, connector, process leaver and in-kernel cheats, with the
honest submissions, through stock `nbgrader autograde` with the course's configuration (issue
#10): whatever still goes wrong there must be named in the tutor guide's "do not use" table
(docs/grading-sandbox.md), so a tutor knows why to use `qispread cohort autograde`. (The batch's
other hostile submissions, which only try to break or stall grading, show nothing here.)

The stock run is unsandboxed, so it runs with a private HOME, a memory cap and a time limit,
and the test kills what it leaves running."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from batch_course import (
    IN_KERNEL_CHEATS,
    PROJECT,
    answer_outputs,
    files_written_outside,
    hostile_batch,
    processes_left,
    score,
    secrets_of,
)
from sample_course import SAMPLE

pytestmark = pytest.mark.grading
MEMORY = 4 * 1024**3
GUIDE = PROJECT / "docs" / "grading-sandbox.md"
# what goes wrong -> the words the guide's row for `nbgrader autograde` must use for it
NAMED_AS = {
    "reads the model answers": "reads `solutions/`",
    "reads the gradebook": "`gradebook.db`",
    "reads other learners' submissions": "other submissions",
    "reads the grader's environment": "the environment",
    "connects to a server": "connects to the network",
    "writes outside its folder": "writes anywhere you can",
    "leaves a process running": "leaves processes running",
    "in-kernel cheats earn full marks": "earn full marks",
}


# the hostile submissions whose effects findings() looks for
SHOWING = ("reads_solutions", "reads_gradebook", "reads_other_submissions", "reads_environment",
           "reads_proc_environ", "connects_to_loopback", "writes_outside_its_folder",
           "detached_child_process", *IN_KERNEL_CHEATS)


def _cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


@pytest.fixture(scope="module")
def stock(tmp_path_factory):
    home = tmp_path_factory.mktemp("stock-home")
    made = hostile_batch(tmp_path_factory.mktemp("stock") / "course", home, only=SHOWING)
    secret_env = f"grader-secret-{made.token}"
    env = {**os.environ, "HOME": str(home), "QISPREAD_TEST_GRADER_SECRET": secret_env,
           "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}"}
    try:
        subprocess.run([sys.executable, "-m", "nbgrader", "autograde", SAMPLE],
                       cwd=made.course.root, env=env, capture_output=True, timeout=900,
                       preexec_fn=_cap_memory)
    finally:
        made.listener.close()
    found = findings(made, secret_env)
    for pid in processes_left(made.token):
        os.kill(pid, signal.SIGKILL)
    return found


def findings(made, secret_env: str) -> set[str]:
    course = made.course

    def shown(name: str) -> str:
        return "\n".join(answer_outputs(course.folder("autograded", name, SAMPLE) /
                                        "medians.ipynb"))

    secrets = secrets_of(secret_env)
    found = set()
    if any(s in shown("reads_solutions") for s in secrets):
        found.add("reads the model answers")
    if "SQLite format 3" in shown("reads_gradebook"):
        found.add("reads the gradebook")
    if "submitted/honest_right" in shown("reads_other_submissions"):
        found.add("reads other learners' submissions")
    if secret_env in shown("reads_environment") + shown("reads_proc_environ"):
        found.add("reads the grader's environment")
    if made.listener.connections:
        found.add("connects to a server")
    if files_written_outside(made):
        found.add("writes outside its folder")
    if processes_left(made.token):
        found.add("leaves a process running")
    # four of the five did on 2026-12-05 (wraps_import no longer does since checks became a
    # package); one is enough for the guide's warning to stand
    if any(score(course, name) == 2 for name in IN_KERNEL_CHEATS):
        found.add("in-kernel cheats earn full marks")
    return found


def do_not_use_row() -> str:
    rows = [line for line in GUIDE.read_text().splitlines()
            if line.startswith("| `nbgrader autograde`")]
    assert len(rows) == 1, "the guide's do-not-use table has one row for `nbgrader autograde`"
    return rows[0]


def test_stock_nbgrader_still_goes_wrong(stock):
    """If stock nbgrader ever stops doing one of these, the guide's warning should change."""
    assert sorted(set(NAMED_AS) - stock) == []


def test_the_guide_names_everything_that_goes_wrong_under_stock_nbgrader(stock):
    row = do_not_use_row()
    assert not [what for what in sorted(stock) if NAMED_AS[what] not in row]
