"""A kernel started inside a bubblewrap sandbox and reached over ZeroMQ ipc sockets.

Only the kernel runs in the sandbox; the grader's worker drives it with nbgrader's own Execute
preprocessor from outside. The sandbox has no network (its own network namespace), so the
kernel's sockets are Unix sockets in a folder of their own, bound into the sandbox at the same
path the grader sees: the connection file and every socket path mean the same inside and out.
The grader treats every message from the kernel as the learner's: a message larger than
MESSAGE_BYTES is refused by ZeroMQ itself, and run_notebook.py caps what a cell may send."""

from __future__ import annotations

import os
import signal
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import zmq
import zmq.asyncio
from jupyter_client.manager import AsyncKernelManager
from jupyter_core.utils import run_sync

from qispread.grading.autograde.sandbox import AUTOGRADE_ENV, BWRAP_ENV, Limits, bwrap_command
from qispread.grading.autograde.sandbox_cgroup import SandboxCgroup, entering

MESSAGE_BYTES = 64_000_000


class SandboxedKernelManager(AsyncKernelManager):
    """A kernel manager whose kernel command is wrapped in bwrap (or, when the tutor asked for
    --no-sandbox, run as it is in the submission's folder)."""

    folder: Path  # the submission's private copy, writable inside
    sockets: Path  # the ipc folder shared with the grader
    sandboxed: bool = True
    cgroup: SandboxCgroup | None = None

    def format_kernel_cmd(self, extra_arguments: list[str] | None = None) -> list[str]:
        command = super().format_kernel_cmd(extra_arguments)
        if not self.sandboxed:
            return command
        return bwrap_command(self.folder, command, shared=[self.sockets])


def start_kernel(folder: Path, sockets: Path, sandboxed: bool, limits: Limits, kernel_name: str,
                 extra_arguments: list[str], log: Path) -> SandboxedKernelManager:
    """Launch the kernel (it boots in the background: nbclient waits for it when it runs the
    first cell)."""
    context = zmq.asyncio.Context()
    context.setsockopt(zmq.MAXMSGSIZE, MESSAGE_BYTES)
    km = SandboxedKernelManager(kernel_name=kernel_name, transport="ipc",
                                ip=str(sockets / "kernel"),
                                connection_file=str(sockets / "kernel.json"), context=context)
    km.folder, km.sockets, km.sandboxed = folder, sockets, sandboxed
    spec = km.kernel_spec
    if spec is not None:
        # SIGINT sent to bwrap would not reach a kernel in its own session: ask the kernel
        # itself, on its control channel, to interrupt a cell that ran out of time
        spec.interrupt_mode = "message"
    enter: Callable[[], None] = limits.apply
    if sandboxed:
        enter, km.cgroup = entering(limits)
    kwargs: dict[str, Any] = {
        "extra_arguments": extra_arguments, "preexec_fn": enter,
        "stdin": subprocess.DEVNULL, "stdout": subprocess.DEVNULL,
        # bwrap's own process keeps this environment (readable inside in /proc/1/environ)
        "env": dict(BWRAP_ENV) if sandboxed else {**os.environ, **AUTOGRADE_ENV},
        "cwd": None if sandboxed else str(folder),
    }
    with open(log, "ab") as stderr:
        run_sync(km.start_kernel)(stderr=stderr, **kwargs)
    return km


def kill_now(km: SandboxedKernelManager) -> None:
    """SIGKILL the sandbox: with its PID namespace, every process the learner started dies too.
    Only sends a signal, so it is safe from a timer thread."""
    process = getattr(km.provisioner, "process", None)
    if process is not None:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass


def kill(km: SandboxedKernelManager) -> None:
    """Kill the sandbox and free what the kernel manager holds."""
    kill_now(km)
    try:
        run_sync(km.shutdown_kernel)(now=True)
    except Exception:  # already dead: killed for memory or time, or by the learner's own code
        pass
    try:
        run_sync(km.cleanup_resources)()
    except Exception:
        pass
    km.context.destroy(linger=0)
    if km.cgroup is not None:
        km.cgroup.remove()
