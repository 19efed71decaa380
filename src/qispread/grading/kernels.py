"""Kernels for grading: each submission gets its own fresh kernel, with a memory limit, and the
next kernel is started while the current submission runs, to hide start-up time."""

from __future__ import annotations

import resource
from typing import Any

from jupyter_client.manager import AsyncKernelManager
from jupyter_core.utils import run_sync


def memory_limiter(memory_mb: int | None):
    """A preexec_fn for the kernel process: cap its address space (None: no cap)."""
    if not memory_mb:
        return None
    limit = int(memory_mb) * 1024 * 1024

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    return cap


def preload_line(modules: list[str]) -> str:
    """Kernel start-up code that imports modules without binding any name in the learner's
    namespace, so a learner who forgot an import still fails exactly as under stock nbgrader."""
    body = (
        "import importlib\n"
        f"for _m in {sorted(set(modules))!r}:\n"
        "    try:\n"
        "        importlib.import_module(_m)\n"
        "    except Exception:\n"
        "        pass\n"
    )
    return f"exec({body!r}, {{}})"


class WarmKernels:
    """Keeps one kernel booting ahead of need; hands out each kernel exactly once."""

    def __init__(self, memory_mb: int | None, extra_arguments: list[str], preload: list[str]):
        self.memory_mb = memory_mb
        self.extra_arguments = list(extra_arguments)
        if preload:
            self.extra_arguments.append(f"--IPKernelApp.exec_lines={[preload_line(preload)]!r}")
        self._spare: tuple[str, AsyncKernelManager] | None = None

    def _launch(self, kernel_name: str) -> AsyncKernelManager:
        km = AsyncKernelManager(kernel_name=kernel_name)
        kwargs: dict[str, Any] = {"extra_arguments": self.extra_arguments}
        limiter = memory_limiter(self.memory_mb)
        if limiter is not None:
            kwargs["preexec_fn"] = limiter
        run_sync(km.start_kernel)(**kwargs)
        return km

    def take(self, kernel_name: str) -> AsyncKernelManager:
        """A fresh kernel for one submission; starts the next one booting in the background."""
        if self._spare and self._spare[0] == kernel_name:
            km = self._spare[1]
        else:
            self.discard()
            km = self._launch(kernel_name)
        self._spare = (kernel_name, self._launch(kernel_name))
        return km

    def discard(self) -> None:
        if self._spare:
            stop(self._spare[1])
            self._spare = None


def stop(km: AsyncKernelManager) -> None:
    try:
        run_sync(km.shutdown_kernel)(now=True)
    except Exception:  # the kernel may already be dead (killed for memory or time)
        pass
    run_sync(km.cleanup_resources)()
