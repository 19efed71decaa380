"""Limits for a whole sandbox through a cgroup of its own, where the grader may make one (as root,
or in a cgroup delegated to the grading account): the number of processes, which RLIMIT_NPROC
does not limit for root, and memory for all the sandbox's processes together rather than each.
Elsewhere the per-process limits in sandbox.Limits are what holds (docs/grading-sandbox.md).

Works with cgroup v2 (one hierarchy with the pids and memory controllers enabled for children)
and with cgroup v1 (a `pids` and a `memory` hierarchy)."""

from __future__ import annotations

import os
import secrets
import time
from collections.abc import Callable
from pathlib import Path

from qispread.grading.sandbox import Limits

ROOT = Path("/sys/fs/cgroup")
RETRIES = 40


def _writable(folder: Path) -> bool:
    return folder.is_dir() and os.access(folder, os.W_OK)


def _v2_parent() -> Path | None:
    if not (ROOT / "cgroup.controllers").exists():
        return None
    try:
        enabled = (ROOT / "cgroup.subtree_control").read_text().split()
    except OSError:
        return None
    return ROOT if {"pids", "memory"} <= set(enabled) and _writable(ROOT) else None


class SandboxCgroup:
    """One sandbox's cgroup(s); `join` runs in the sandbox's first process before bwrap starts,
    so every process inside is counted."""

    def __init__(self, processes: int, memory_mb: int | None):
        name = f"qispread-sandbox-{secrets.token_hex(6)}"
        settings: dict[Path, dict[str, str]] = {}
        v2 = _v2_parent()
        if v2 is not None:
            settings[v2 / name] = {"pids.max": str(processes)}
            if memory_mb:
                settings[v2 / name]["memory.max"] = str(memory_mb * 1024 * 1024)
        else:
            if _writable(ROOT / "pids"):
                settings[ROOT / "pids" / name] = {"pids.max": str(processes)}
            if memory_mb and _writable(ROOT / "memory"):
                settings[ROOT / "memory" / name] = {
                    "memory.limit_in_bytes": str(memory_mb * 1024 * 1024)}
        self.folders: list[Path] = []
        for folder, values in settings.items():
            try:
                folder.mkdir()
                self.folders.append(folder)
                for key, value in values.items():
                    (folder / key).write_text(value)
            except OSError:  # not ours to make after all: the rlimits still hold
                continue

    @property
    def limits_processes(self) -> bool:
        return any((folder / "pids.max").exists() for folder in self.folders)

    def join(self) -> None:
        for folder in self.folders:
            (folder / "cgroup.procs").write_text(str(os.getpid()))

    def remove(self) -> None:
        """Once its processes are gone (they die with the sandbox, a moment after the kill)."""
        for folder in self.folders:
            for _ in range(RETRIES):
                try:
                    folder.rmdir()
                    break
                except FileNotFoundError:
                    break
                except OSError:
                    time.sleep(0.05)
        self.folders = []


def entering(limits: Limits) -> tuple[Callable[[], None], SandboxCgroup]:
    """The preexec_fn that starts a sandbox under `limits` (and in its own cgroup where one can be
    made), and that cgroup, to remove once the sandbox is killed."""
    cgroup = SandboxCgroup(limits.processes, limits.memory_mb)

    def enter() -> None:
        limits.apply()
        cgroup.join()

    return enter, cgroup
