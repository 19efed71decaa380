"""The sandbox's limits hold for learner code (issue #10): file size, number of processes (for a
grader running as root too, through the sandbox's cgroup), memory and CPU time. Each probe runs
Python in a real bubblewrap sandbox started exactly as a grading kernel's is, with small limits."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from qispread.grading.sandbox import BWRAP_ENV, Limits, bwrap_command
from qispread.grading.sandbox_cgroup import entering

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
