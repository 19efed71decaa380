"""Run every lesson with papermill in a fresh kernel, keeping its outputs, and cache the result by
content.

A lesson runs in a temporary copy of its folder (files its widgets save never land in the
repository). A first, hidden cell makes widgets carry a picture of their starting state and plotly
figures carry their JSON only; it is removed from the result. The cache key covers the notebook,
the library, the data and this builder, so an unchanged course is never executed twice. A test run
has a cache of its own, shared by the test that every lesson runs (tests/pipeline/test_execute.py)
and the site's build, so each lesson runs once per test run.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import nbformat
import papermill
from traitlets.config import Config

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "site"
CELL_TIMEOUT = 300  # seconds
# Everything whose change can change a lesson's outputs.
INPUTS = [ROOT / "src" / "qispread", ROOT / "source_data",
          *(SITE / "sitebuild" / name for name in ("execute.py", "static_widgets.py", "charts.py"))]

PREAMBLE = f"""\
import sys
sys.path.insert(0, {str(SITE)!r})
from sitebuild import static_widgets
static_widgets.install()
import plotly.io
plotly.io.renderers.default = "plotly_mimetype"
"""


class LessonFailed(Exception):
    """A lesson raised an error while the site was built."""


def _tree_digest() -> str:
    digest = hashlib.sha256()
    for entry in INPUTS:
        for path in [entry] if entry.is_file() else sorted(entry.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(ROOT)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def cache_key(notebook: Path, tree_digest: str) -> str:
    digest = hashlib.sha256(tree_digest.encode())
    digest.update(notebook.read_bytes())
    return digest.hexdigest()[:32]


def execute_lesson(notebook: Path) -> nbformat.NotebookNode:
    with tempfile.TemporaryDirectory(prefix="qispread-site-") as scratch:
        workdir = Path(scratch) / notebook.parent.name
        shutil.copytree(notebook.parent, workdir,
                        ignore=shutil.ignore_patterns(".ipynb_checkpoints", "my_*.json"))
        nb = nbformat.read(workdir / notebook.name, as_version=4)
        nb.cells.insert(0, nbformat.v4.new_code_cell(PREAMBLE))
        nbformat.write(nb, workdir / notebook.name)
        executed = workdir / "executed.ipynb"
        # Unix sockets, not TCP ports: lessons run two at a time beside the test suite's own
        # kernels, and a port taken between being chosen and being bound left a kernel that never
        # answered
        sockets = {"transport": "ipc", "ip": str(Path(scratch) / "kernel")}
        try:
            papermill.execute_notebook(
                str(workdir / notebook.name), str(executed), cwd=str(workdir),
                kernel_name="python3", execution_timeout=CELL_TIMEOUT, progress_bar=False,
                request_save_on_cell_execute=False, config=Config({"KernelManager": sockets}))
        except papermill.PapermillExecutionError as err:  # cells counted from 0, as in the file
            raise LessonFailed(
                f"{notebook.relative_to(ROOT)} failed in cell {err.cell_index - 1}:\n"
                f"{err.source}\n--> {err.ename}: {err.evalue}") from None
        nb = nbformat.read(executed, as_version=4)
        nb.cells.pop(0)
        nb.metadata.pop("widgets", None)
        nb.metadata.pop("papermill", None)
        for cell in nb.cells:
            cell.metadata.pop("papermill", None)
            cell.metadata.pop("execution", None)
        return nb


def _execute_into(notebook: Path, target: Path) -> None:
    # One process runs a lesson: another that asks for it meanwhile (in a test run, the site's
    # build and the every-lesson test) waits for that run and reads its result.
    with open(target.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if target.exists():
            return
        nb = execute_lesson(notebook)
        handle, partial = tempfile.mkstemp(suffix=".partial", dir=target.parent)
        os.close(handle)
        nbformat.write(nb, partial)
        os.replace(partial, target)


def executed_lesson(notebook: Path, cache: Path) -> nbformat.NotebookNode:
    """One lesson with its outputs: from the cache, else executed here and cached."""
    cache.mkdir(parents=True, exist_ok=True)
    path = cache / f"{cache_key(notebook, _tree_digest())}.ipynb"
    if not path.exists():
        _execute_into(notebook, path)
    return nbformat.read(path, as_version=4)


def executed_lessons(notebooks: list[Path], cache: Path,
                     jobs: int | None = None) -> dict[Path, nbformat.NotebookNode]:
    """Each lesson with its outputs: from the cache, else executed (in parallel) and cached."""
    cache.mkdir(parents=True, exist_ok=True)
    tree = _tree_digest()
    cached = {nb: cache / f"{cache_key(nb, tree)}.ipynb" for nb in notebooks}
    missing = [nb for nb, path in cached.items() if not path.exists()]
    if missing:
        print(f"Executing {len(missing)} of {len(notebooks)} lessons "
              f"({len(notebooks) - len(missing)} unchanged, from the cache)", flush=True)
        workers = min(jobs or os.cpu_count() or 1, len(missing))
        with ProcessPoolExecutor(max_workers=workers) as pool:
            list(pool.map(_execute_into, missing, [cached[nb] for nb in missing]))
    return {nb: nbformat.read(path, as_version=4) for nb, path in cached.items()}
