"""The sandbox a submission executes in: bubblewrap (`bwrap`, the tool Flatpak uses), not a
home-made one. See docs/grading-sandbox.md for what it guarantees and what it does not.

Inside, the learner's code sees its own copy of the submission folder (writable), the Python
environment read-only, a private empty /tmp and home, and nothing else of the filesystem; no
network (its own network namespace); its own PID namespace (every process it starts dies with
it); uid 4242 with no capabilities; limits on memory, CPU time, processes and file size; and an
environment holding none of the grader's variables."""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import sysconfig
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from qispread.errors import DataProblem

LEARNER_HOME = "/home/learner"
SUBMISSION = f"{LEARNER_HOME}/submission"
SANDBOX_UID = 4242
PATH_INSIDE = "/usr/local/bin:/usr/bin:/bin"
FILE_SIZE_MB = 200
PROCESSES = 256
# bwrap's own process (pid 1 inside) keeps the environment it was started with, readable in
# /proc/1/environ from inside: start it with nothing of the grader's
BWRAP_ENV = {"PATH": PATH_INSIDE}
# what nbgrader documents learner code may look for, sandboxed or not
AUTOGRADE_ENV = {"NBGRADER_EXECUTION": "autograde"}

NO_SANDBOX_WARNING = (
    "WARNING: grading WITHOUT the sandbox (--no-sandbox). Learners' code runs with your rights: "
    "it can read every assignment's hidden tests and model answers, the gradebook and your "
    "environment variables, use the network, and leave processes running. Use this only when "
    "you trust every submission."
)


@dataclass(frozen=True)
class Limits:
    memory_mb: int | None = 2048
    cpu_seconds: int | None = None
    file_size_mb: int = FILE_SIZE_MB
    processes: int = PROCESSES

    def apply(self) -> None:
        """Set in the sandbox's first process (a preexec_fn): every process inside inherits
        them. RLIMIT_NPROC does not hold for root: sandbox_cgroup.py caps processes there."""
        def cap(kind: int, value: int) -> None:
            resource.setrlimit(kind, (value, value))

        if self.memory_mb:
            cap(resource.RLIMIT_AS, self.memory_mb * 1024 * 1024)
        if self.cpu_seconds:
            cap(resource.RLIMIT_CPU, int(self.cpu_seconds))
        cap(resource.RLIMIT_FSIZE, self.file_size_mb * 1024 * 1024)
        cap(resource.RLIMIT_NPROC, self.processes)
        cap(resource.RLIMIT_CORE, 0)


def readable_roots() -> list[Path]:
    """What the sandbox may read: the Python installation, the environment (venv) and, for an
    editable install, the folder holding the qispread package. Nothing else of the project:
    solutions/ and the gradebook stay outside."""
    import qispread

    paths = {Path(sys.prefix), Path(sys.base_prefix), Path(sys.executable).resolve().parent.parent,
             Path(qispread.__file__).resolve().parent.parent}
    for key in ("stdlib", "platstdlib", "purelib", "platlib"):
        paths.add(Path(sysconfig.get_paths()[key]).resolve())
    roots = sorted({p.resolve() for p in paths if p.exists()})
    return [p for p in roots if not any(p != q and q in p.parents for q in roots)]


def source_data() -> Path | None:
    """The course's public data sets (learners have them too), if there are any."""
    from qispread.data import source_data_folder

    try:
        return Path(str(source_data_folder())).resolve()
    except FileNotFoundError:
        return None


def bwrap_command(folder: Path, command: list[str], shared: Sequence[Path] = ()) -> list[str]:
    """`command` run inside a sandbox whose only writable places are `folder` (seen inside as
    /home/learner/submission) and the `shared` folders (seen at their own paths: the kernel's
    ipc sockets)."""
    bwrap = shutil.which("bwrap")
    if bwrap is None:
        raise SandboxUnavailable("the bubblewrap program (bwrap) is not installed")
    env = {"HOME": LEARNER_HOME, "USER": "learner", "LOGNAME": "learner", "LANG": "C.UTF-8",
           "PATH": f"{Path(sys.executable).parent}:{PATH_INSIDE}",
           **AUTOGRADE_ENV, "MPLBACKEND": "Agg",
           "JUPYTER_RUNTIME_DIR": "/tmp/jupyter-runtime", "JUPYTER_DATA_DIR": "/tmp/jupyter-data",
           "JUPYTER_CONFIG_DIR": "/tmp/jupyter-config", "IPYTHONDIR": "/tmp/ipython"}
    args = [bwrap, "--unshare-all", "--unshare-user", "--uid", str(SANDBOX_UID),
            "--gid", str(SANDBOX_UID), "--die-with-parent", "--new-session", "--cap-drop", "ALL",
            "--clearenv"]
    data = source_data()
    if data is not None:
        env["QISPREAD_SOURCE_DATA"] = str(data)
    libraries = [p for p in os.environ.get("LD_LIBRARY_PATH", "").split(":")
                 if p.startswith("/") and Path(p).is_dir()]
    if libraries:  # a Python built with a shared libpython outside its usual place
        env["LD_LIBRARY_PATH"] = ":".join(libraries)
    for name, value in env.items():
        args += ["--setenv", name, value]
    args += ["--ro-bind", "/usr", "/usr", "--proc", "/proc", "--dev", "/dev",
             "--tmpfs", "/tmp", "--tmpfs", "/home", "--tmpfs", "/root", "--tmpfs", "/run",
             "--dir", LEARNER_HOME]
    for link in ("bin", "lib", "lib64", "sbin"):
        if Path(f"/{link}").is_symlink():
            args += ["--symlink", os.readlink(f"/{link}"), f"/{link}"]
    for etc in ("/etc/ld.so.cache", "/etc/localtime", "/etc/alternatives"):
        if Path(etc).exists():
            args += ["--ro-bind", etc, etc]
    for root in [*readable_roots(), *([data] if data else []), *libraries]:
        args += ["--ro-bind", str(root), str(root)]
    for place in shared:
        args += ["--bind", str(place), str(place)]
    args += ["--bind", str(folder), SUBMISSION, "--chdir", SUBMISSION, "--"]
    return args + command


class SandboxUnavailable(DataProblem):
    def __init__(self, why: str):
        super().__init__(
            f"Grading stopped: the sandbox that keeps learners' code away from your files could "
            f"not start ({why.strip()}). Fix: install bubblewrap (Debian or Ubuntu: "
            f"`sudo apt-get install bubblewrap`) and make sure user namespaces are enabled "
            f"(`sysctl user.max_user_namespaces` must be above 0; on Ubuntu also "
            f"`sysctl kernel.apparmor_restrict_unprivileged_userns=0`). Only if you trust every "
            f"submission, grade without it: add --no-sandbox."
        )


def check_sandbox_works(scratch: Path) -> None:
    """Start one sandbox and run Python in it, or stop with a message naming the fix."""
    folder = scratch / "probe"
    folder.mkdir(parents=True, exist_ok=True)
    command = bwrap_command(folder, [sys.executable, "-I", "-c", "import qispread"])
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=60,
                              env=BWRAP_ENV)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SandboxUnavailable(str(exc)) from None
    if done.returncode != 0:
        said = (done.stderr or done.stdout).strip().splitlines()
        raise SandboxUnavailable(f"bwrap said: {said[-1] if said else done.returncode}")
