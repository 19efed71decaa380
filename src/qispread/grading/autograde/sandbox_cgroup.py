"""Limits for a whole sandbox through a cgroup of its own, where the grader may make one (as root,
or in a cgroup delegated to the grading account): the number of processes, which RLIMIT_NPROC
does not limit for root, and memory for all the sandbox's processes together rather than each.
Elsewhere the per-process limits in sandbox.Limits are what holds (docs/grading-sandbox.md).

Each sandbox's cgroup is made inside the grader's own (read from /proc/self/cgroup), never beside
it: limits an academy puts on the tutor's slice or session then hold for the sandboxes too.
Works with cgroup v2 (the grader's cgroup with the pids and memory controllers enabled for
children, or delegated to it so that it can enable them) and with cgroup v1 (a `pids` and a
`memory` hierarchy). A sandbox that reached its process limit is remembered until
`process_limit_reached` is asked, so that grading can tell that apart from tampering."""

from __future__ import annotations

import os
import secrets
import time
from collections.abc import Callable
from pathlib import Path

from qispread.grading.autograde.sandbox import Limits

ROOT = Path("/sys/fs/cgroup")
PROC_SELF = Path("/proc/self/cgroup")
LEAF = "qispread-grader"  # cgroup v2: where the grader's own processes go in a delegated cgroup
CONTROLLERS = {"pids", "memory"}
RETRIES = 40
_limit_reached: list[str] = []


def _writable(folder: Path) -> bool:
    return folder.is_dir() and os.access(folder, os.W_OK)


def _words(path: Path) -> set[str]:
    try:
        return set(path.read_text().split())
    except OSError:
        return set()


def own_cgroups(text: str) -> dict[str, str]:
    """The grader's cgroup per controller, from /proc/self/cgroup ("" is cgroup v2's)."""
    out = {}
    for line in text.splitlines():
        parts = line.split(":", 2)
        if len(parts) == 3:
            for controller in parts[1].split(",") if parts[1] else [""]:
                out[controller] = parts[2]
    return out


def _own() -> dict[str, str]:
    try:
        return own_cgroups(PROC_SELF.read_text())
    except OSError:
        return {}


def _v2_parent(own: dict[str, str]) -> Path | None:
    """The grader's own cgroup (v2), ready to hold sandboxes with pids and memory limits."""
    if not (ROOT / "cgroup.controllers").exists() or "" not in own:
        return None
    base = ROOT / own[""].lstrip("/")
    if base.name == LEAF:  # a worker started after the grader moved into its leaf
        base = base.parent
    if not _writable(base):
        return None
    if CONTROLLERS <= _words(base / "cgroup.subtree_control"):
        return base
    if base == ROOT or not CONTROLLERS <= _words(base / "cgroup.controllers"):
        return None
    return _delegate(base)


def _delegate(base: Path) -> Path | None:
    """A cgroup delegated to the grader, not yet giving controllers to children: cgroup v2 lets
    only a cgroup without processes do that, so the grader's processes move into a leaf of their
    own (LEAF) and pids and memory are enabled for the sandboxes beside it."""
    leaf = base / LEAF
    try:
        leaf.mkdir(exist_ok=True)
        for pid in (base / "cgroup.procs").read_text().split():
            try:
                (leaf / "cgroup.procs").write_text(pid)
            except OSError:  # gone in the meantime
                continue
        (base / "cgroup.subtree_control").write_text(" ".join(f"+{c}" for c in sorted(CONTROLLERS)))
    except OSError:
        return None
    return base


class SandboxCgroup:
    """One sandbox's cgroup(s); `join` runs in the sandbox's first process before bwrap starts,
    so every process inside is counted."""

    def __init__(self, processes: int, memory_mb: int | None):
        name = f"qispread-sandbox-{secrets.token_hex(6)}"
        settings: dict[Path, dict[str, str]] = {}
        own = _own()
        v2 = _v2_parent(own)
        if v2 is not None:
            settings[v2 / name] = {"pids.max": str(processes)}
            if memory_mb:
                settings[v2 / name]["memory.max"] = str(memory_mb * 1024 * 1024)
        else:
            v1 = {c: ROOT / c / own[c].lstrip("/") for c in CONTROLLERS if c in own}
            if "pids" in v1 and _writable(v1["pids"]):
                settings[v1["pids"] / name] = {"pids.max": str(processes)}
            if memory_mb and "memory" in v1 and _writable(v1["memory"]):
                settings[v1["memory"] / name] = {
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

    def _reached_process_limit(self) -> bool:
        """The kernel counts, in pids.events, the forks refused at pids.max."""
        for folder in self.folders:
            try:
                events = dict(line.split() for line in (folder / "pids.events").read_text()
                              .splitlines() if len(line.split()) == 2)
            except (OSError, ValueError):
                continue
            if int(events.get("max", "0") or 0) > 0:
                return True
        return False

    def remove(self) -> None:
        """Once its processes are gone (they die with the sandbox, a moment after the kill)."""
        if self._reached_process_limit():
            _limit_reached.append(self.folders[0].name)
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


def process_limit_reached() -> bool:
    """Whether a sandbox removed (in this process) since the last call reached its process
    limit: the learner's code started more processes than allowed, so the sandbox could start
    no more and the learner's own kernel may have failed checks it would otherwise pass."""
    reached = bool(_limit_reached)
    _limit_reached.clear()
    return reached


def entering(limits: Limits) -> tuple[Callable[[], None], SandboxCgroup]:
    """The preexec_fn that starts a sandbox under `limits` (and in its own cgroup where one can be
    made), and that cgroup, to remove once the sandbox is killed."""
    cgroup = SandboxCgroup(limits.processes, limits.memory_mb)

    def enter() -> None:
        limits.apply()
        cgroup.join()

    return enter, cgroup
