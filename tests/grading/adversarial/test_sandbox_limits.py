"""The sandbox's limits hold for learner code (issue #10): file size, number of processes (for a
grader running as root too, through the sandbox's cgroup), memory and CPU time. Each probe runs
Python in a real bubblewrap sandbox started exactly as a grading kernel's is, with small limits."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from qispread.grading.autograde.sandbox import BWRAP_ENV, Limits, bwrap_command
from qispread.grading.autograde.sandbox_cgroup import entering

pytestmark = pytest.mark.sandbox
SMALL = Limits(memory_mb=400, cpu_seconds=2, file_size_mb=1, processes=40)


def run_sandboxed(tmp_path, code: str, limits: Limits = SMALL) -> subprocess.CompletedProcess:
    enter, cgroup = entering(limits)
    try:
        return subprocess.run(bwrap_command(tmp_path, [sys.executable, "-I", "-c", code]),
                              env=BWRAP_ENV, preexec_fn=enter, capture_output=True, text=True,
                              timeout=60, start_new_session=True)
    finally:
        cgroup.remove()


def cgroup_limits_processes() -> bool:
    _, probe = entering(SMALL)
    try:
        return probe.limits_processes
    finally:
        probe.remove()


def test_a_file_larger_than_the_limit_cannot_be_written(tmp_path):
    done = run_sandboxed(tmp_path, "open('big', 'wb').write(b'x' * 3_000_000)")
    assert done.returncode != 0
    assert (tmp_path / "big").stat().st_size <= 1024 * 1024


def test_no_more_processes_than_the_limit(tmp_path):
    if os.geteuid() == 0 and not cgroup_limits_processes():
        pytest.skip("the grader runs as root and no cgroup can be made here: the process limit "
                    "is not enforced (docs/grading-sandbox.md)")
    code = (
        "import subprocess\nstarted = []\n"
        "for _ in range(200):\n"
        "    try:\n"
        "        started.append(subprocess.Popen(['sleep', '30']))\n"
        "    except OSError:\n"
        "        break\n"
        "print(len(started))\n"
    )
    done = run_sandboxed(tmp_path, code)
    assert 0 < int(done.stdout.split()[-1]) < SMALL.processes


def test_memory_beyond_the_limit_is_refused(tmp_path):
    done = run_sandboxed(tmp_path, "b = bytearray(800 * 1024 * 1024)\nprint('allocated')")
    assert "allocated" not in done.stdout
    assert "MemoryError" in done.stderr or done.returncode < 0


def test_a_cpu_hog_is_stopped_at_the_cpu_time_limit(tmp_path):
    done = run_sandboxed(tmp_path, "while True:\n    pass")
    assert done.returncode != 0  # killed by SIGXCPU (or SIGKILL) long before the 60 s timeout


def test_a_sandboxs_cgroup_lies_inside_the_graders_own():
    """An academy's limits on the tutor's cgroup (slice, session, container) must hold for the
    sandboxes too: each sandbox's cgroup is a child of the grader's own, per /proc/self/cgroup."""
    from qispread.grading.autograde.sandbox_cgroup import ROOT, own_cgroups

    own = own_cgroups(open("/proc/self/cgroup").read())
    _, cgroup = entering(SMALL)
    try:
        if not cgroup.folders:
            pytest.skip("no cgroup can be made here: the per-process limits hold instead")
        for folder in cgroup.folders:
            if (ROOT / "cgroup.controllers").exists():  # cgroup v2
                mine = ROOT / own[""].lstrip("/")
                assert folder.parent in (mine, mine.parent)  # beside the grader's own leaf
            else:
                controller = folder.relative_to(ROOT).parts[0]
                assert folder.parent == ROOT / controller / own[controller].lstrip("/")
    finally:
        cgroup.remove()


FORK_BURST = """import os, time
for _ in range(400):
    try:
        if os.fork() == 0:
            time.sleep(60)
            os._exit(0)
    except OSError:
        break
"""


def test_a_burst_of_processes_is_not_tampering(tmp_path):
    """Forking until the sandbox's process limit refuses more makes the learner's own kernel fail
    its check (measured: "median_tests (learner's kernel: failed, clean re-check: passed)"), which
    was reported as tampering suspected. The limit did that, not the learner's cheating: no
    tampering is flagged. The marks are those of a cell that failed in the learner's own kernel
    (learner code can only lose its own marks, docs/grading-sandbox.md): none for the check the
    burst broke, and never more than the answers earn."""
    import json

    from course_notebooks import release_notebooks
    from sample_course import RIGHT, SAMPLE, answered, make_course, submit

    from qispread.grading.autograde.autograder import Autograder
    from qispread.grading.course import Course

    if not cgroup_limits_processes():
        pytest.skip("no cgroup can be made here, so there is no sandbox-wide process limit")
    course = Course(make_course(tmp_path / "course"))
    assert course.api().generate_assignment(SAMPLE)["success"]
    blank = release_notebooks(course, SAMPLE)
    submit(course.root, "forker", SAMPLE,
           {name: answered(nb, FORK_BURST + RIGHT) for name, nb in blank.items()})
    summary = Autograder(course, SAMPLE).run(jobs=1, timeout=60, sandbox=True)
    assert summary.graded == ["forker"] and summary.tampering == {}
    record = json.loads((course.state_folder() / SAMPLE / "forker.json").read_text())
    assert record["state"] == "graded" and record["tampering"] is False
    with course.gradebook() as gb:
        assert gb.find_submission(SAMPLE, "forker").code_score <= 2
